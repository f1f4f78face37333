"""A grammar-ish generator of SPARQL texts whose truth is known: update or not, SERVICE or not.

Every choice comes from `pick(n) -> 0..n-1`, so hypothesis (st.data) and atheris
(FuzzedDataProvider) drive the same generator. Keywords are disguised the ways a lexer can be
fooled: odd case, comments, strings, IRIs and prefixed names that spell keywords, local-name
escapes, no spaces at all. Endpoints are loopback port 9, which Oxigraph refuses to call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Pick = Callable[[int], int]

ENDPOINT = "<http://127.0.0.1:9/sparql>"
_DECOYS = [
    '"INSERT DATA { <a> <b> <c> }"',
    "'SERVICE'",
    '"""DROP ALL\nSERVICE"""',
    "'''CLEAR ALL'''",
    "<http://127.0.0.1:9/INSERT>",
    "ex:DELETE",
    "ex:SERVICE",
    "ex:a\\'b",
    "ex:x\\#y",
    "?insert",
    "$service",
    '"it\\"s INSERT"',
    "ex:LOAD",
    "INSERT:x",
]
_SPACE = [" ", "\n", "\t", "  ", " # INSERT SERVICE DROP\n", "#'\n", '#"\n', " "]


@dataclass(frozen=True)
class Generated:
    text: str
    update: bool
    service: bool


def _case(pick: Pick, word: str) -> str:
    style = pick(3)
    if style == 0:
        return word
    if style == 1:
        return word.lower()
    return "".join(c.lower() if i % 2 else c for i, c in enumerate(word))


def _ws(pick: Pick, tight: bool) -> str:
    return "" if tight and pick(2) else _SPACE[pick(len(_SPACE))]


def _term(pick: Pick) -> str:
    return ["?s", "?p", "?o", "ex:p", "<http://example.org/x>", '"x"', "1", _DECOYS[pick(len(_DECOYS))]][
        pick(8)
    ]


def _triple(pick: Pick, tight: bool) -> str:
    w = _ws(pick, tight) or " "
    subject = ["?s", "ex:a", "<http://example.org/s>"][pick(3)]
    predicate = ["?p", "ex:p", "a"][pick(3)]
    obj = _term(pick)
    return f"{subject}{w}{predicate}{w}{obj}"


def _group(pick: Pick, tight: bool, service: list[bool], depth: int = 0) -> str:
    parts = [_triple(pick, tight)]
    for _ in range(pick(4)):
        choice = pick(6)
        if choice == 0:
            parts.append(f"FILTER(?o<1){_ws(pick, tight)}")
        elif choice == 1 and depth < 2:
            service[0] = True
            target = ENDPOINT if pick(2) else "?endpoint"
            silent = "SILENT " if pick(2) else ""
            parts.append(
                f"{_case(pick, 'SERVICE')}{_ws(pick, tight) or ' '}{silent}{target}"
                f"{_ws(pick, tight)}{{{_group(pick, tight, service, depth + 1)}}}"
            )
        elif choice == 2 and depth < 2:
            parts.append(
                f"{{ {_case(pick, 'SELECT')} * WHERE {{{_group(pick, tight, service, depth + 1)}}} }}"
            )
        elif choice == 3:
            parts.append(f"OPTIONAL{_ws(pick, tight)}{{{_triple(pick, tight)}}}")
        else:
            parts.append(_triple(pick, tight))
    return f"{_ws(pick, tight)}.{_ws(pick, tight)}".join(parts)


def generate(pick: Pick) -> Generated:
    """One SPARQL text (query or update) with what it really is."""
    tight = bool(pick(2))
    prologue = (
        "PREFIX ex: <http://example.org/>"
        + _ws(pick, tight)
        + ("PREFIX INSERT: <http://x/>\n" if pick(2) else "")
    )
    service = [False]
    kind = pick(9)
    if kind == 0:
        body = f"{_case(pick, 'SELECT')} * {_case(pick, 'WHERE')}{_ws(pick, tight)}{{{_group(pick, tight, service)}}}"
        return Generated(prologue + body, False, service[0])
    if kind == 1:
        body = f"{_case(pick, 'ASK')}{_ws(pick, tight)}{{{_group(pick, tight, service)}}}"
        return Generated(prologue + body, False, service[0])
    if kind == 2:
        body = (
            f"{_case(pick, 'CONSTRUCT')}{_ws(pick, tight)}{{?s ?p ?o}}{_ws(pick, tight)}"
            f"{_case(pick, 'WHERE')}{{{_group(pick, tight, service)}}}"
        )
        return Generated(prologue + body, False, service[0])
    if kind == 3:
        body = f"{_case(pick, 'INSERT')} {_case(pick, 'DATA')}{_ws(pick, tight)}{{ex:a ex:p {_term(pick)}}}"
    elif kind == 4:
        body = (
            f"{_case(pick, 'INSERT')}{_ws(pick, tight)}{{?s ex:p ?o}}{_ws(pick, tight)}"
            f"{_case(pick, 'WHERE')}{_ws(pick, tight)}{{{_group(pick, tight, service)}}}"
        )
    elif kind == 5:
        body = f"{_case(pick, 'DELETE')} {_case(pick, 'WHERE')}{_ws(pick, tight)}{{{_triple(pick, tight)}}}"
    elif kind == 6:
        body = f"{_case(pick, 'DROP')} {_case(pick, ['SILENT ALL', 'DEFAULT', 'ALL'][pick(3)])}"
    elif kind == 7:
        body = (
            f"{_case(pick, 'LOAD')} {_case(pick, 'SILENT')} {ENDPOINT}"
            if pick(2)
            else f"{_case(pick, 'CLEAR')} ALL"
        )
    else:
        body = (
            f"{_case(pick, 'WITH')} <http://example.org/g>{_ws(pick, tight)}{_case(pick, 'DELETE')}"
            f"{_ws(pick, tight)}{{?s ?p ?o}}{_ws(pick, tight)}{_case(pick, 'WHERE')}"
            f"{{{_group(pick, tight, service)}}}"
        )
    return Generated(prologue + body, True, service[0])


def oxigraph_accepts(generated: Generated) -> bool:
    """Whether Oxigraph parses the text as what it was generated as (run on an empty store)."""
    import pyoxigraph as ox

    store = ox.Store()
    try:
        if generated.update:
            store.update(generated.text)
        else:
            result = store.query(generated.text)
            if isinstance(result, ox.QuerySolutions | ox.QueryTriples):
                list(result)
    except SyntaxError:
        return False
    except (OSError, ValueError, RuntimeError):
        return True  # parsed; evaluation refused the loopback port-9 endpoint
    return True
