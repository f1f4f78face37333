"""SPARQL over the store: the named queries shipped in queries/*.rq, and queries from users."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import QueryError
from .store import GraphStore

if TYPE_CHECKING:
    from .remote import RemoteStore
from .vocab import PREFIXES

FORMATS = ("table", "csv", "tsv", "json", "xml")
_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_STRINGS_AND_COMMENTS = re.compile(
    r"\"\"\".*?\"\"\"|'''.*?'''|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|<[^<>\s]*>|#[^\n]*", re.S
)
_UPDATE_WORDS = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """Every query shipped with the package, by name."""
    found: dict[str, NamedQuery] = {}
    folder = resources.files("corecities_graph") / "queries"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            found[entry.name[:-3]] = NamedQuery(entry.name[:-3], first.lstrip("# ").strip(), text)
    return found


def load_query(spec: str, stdin_text: str | None = None) -> tuple[str, str]:
    """(label, SPARQL text) for a query name, a .rq file path, or '-' for stdin."""
    if spec == "-":
        if not stdin_text or not stdin_text.strip():
            raise QueryError("stdin: no query given")
        return "stdin", stdin_text
    queries = named_queries()
    if spec in queries:
        return spec, queries[spec].text
    path = Path(spec)
    if path.exists():
        try:
            return str(path), path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    names = ", ".join(queries)
    raise QueryError(f"{spec}: no such named query or file (named queries: {names})")


def check_read_only(
    label: str, text: str, *, allow_update: bool = False, allow_service: bool = False
) -> None:
    """Refuse updates and SERVICE calls unless the caller allowed them."""
    bare = _STRINGS_AND_COMMENTS.sub(" ", text)
    if not allow_service and _SERVICE.search(bare):
        raise QueryError(f"{label}: SERVICE calls to other endpoints are refused (use --allow-service)")
    if (
        not allow_update
        and _UPDATE_WORDS.search(bare)
        and not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", bare, re.I)
    ):
        raise QueryError(f"{label}: this is an update; the graph is read-only here (use --allow-update)")


def run_query(
    store: GraphStore | RemoteStore,
    label: str,
    text: str,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
) -> object:
    """Run a query over the union of all graphs; returns pyoxigraph results."""
    check_read_only(label, text, allow_update=allow_update, allow_service=allow_service)
    if not isinstance(store, GraphStore):
        return _run_remote(store, label, text, allow_update=allow_update)
    try:
        return store.oxigraph.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        if allow_update and _UPDATE_WORDS.search(_STRINGS_AND_COMMENTS.sub(" ", text)):
            try:
                store.oxigraph.update(text, prefixes=PREFIXES)
                return None
            except SyntaxError as exc2:
                raise QueryError(f"{label}: {_syntax(exc2)}") from exc2
        raise QueryError(f"{label}: {_syntax(exc)}") from exc
    except OSError as exc:
        raise QueryError(f"{label}: {exc}") from exc


def _run_remote(store: RemoteStore, label: str, text: str, *, allow_update: bool) -> object:
    from .errors import StoreError

    update = allow_update and _is_update(text)
    try:
        return store.run(text, update=update)
    except StoreError as exc:
        raise QueryError(f"{label}: {exc}") from exc


def _is_update(text: str) -> bool:
    bare = _STRINGS_AND_COMMENTS.sub(" ", text)
    return bool(_UPDATE_WORDS.search(bare)) and not re.search(
        r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", bare, re.I
    )


def _syntax(exc: SyntaxError) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else "malformed query"
    return "malformed SPARQL: " + message


def rows(result: object) -> tuple[list[str], list[list[str]]]:
    """Header and plain-text rows of a SELECT result."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT results have rows")
    header = [v.value for v in result.variables]
    table: list[list[str]] = []
    for solution in result:
        table.append([_plain(solution[name]) for name in header])
    return header, table


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def format_result(result: object, fmt: str) -> str:
    """Render a query result: SELECT as a table or a SPARQL results format; graphs as Turtle."""
    if result is None:
        return ""
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, ox.QueryTriples | list):
        return (ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    if fmt == "table":
        header, table = rows(result)
        return render_table(header, table)
    if fmt not in _RESULT_FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    assert isinstance(result, ox.QuerySolutions)
    data = result.serialize(format=_RESULT_FORMATS[fmt])
    assert data is not None
    return data.decode("utf-8").replace("\r\n", "\n")


def render_table(header: list[str], table: list[list[str]], *, width: int = 60) -> str:
    """A plain-text table for people, cells cut at `width` characters."""
    cells = [[_cut(c, width) for c in row] for row in table]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cut(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"
