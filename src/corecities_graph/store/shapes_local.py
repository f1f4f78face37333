"""One document's triples held in Python, and the SHACL value tests as Python functions over them.

A worker that has just made a document's graph checks it here, before the graph reaches the
store (validate.check_document). The shapes compiler (shapes_sparql.py) gives each constraint a
Python function beside its SPARQL query, built from the pieces below. The functions are never
more lenient than the queries: where a test here cannot be sure that a value passes the query
(a lexical form past Oxigraph's number range, a string with a newline under sh:pattern), the
value fails, and the build then asks the store, whose answer is the one reported. So the two
can differ only by a violation found here that the store does not confirm.

Terms are N-Triples strings, as Oxigraph writes them: `<iri>`, `_:id`, `"lexical"`,
`"lexical"@lang`, `"lexical"^^<datatype>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
STRING = f"{XSD}string"
LANG_STRING = f"{RDF}langString"
TYPE = f"<{RDF}type>"

# A value test: does this term (in this data) pass?
Test = Callable[["Triples", str], bool]


class Triples:
    """The triples of one document graph and its links, indexed by subject and predicate."""

    def __init__(self, ntriples: Iterable[bytes], targets: frozenset[str] = frozenset()) -> None:
        self.values: dict[tuple[str, str], list[str]] = {}
        # The subjects of each predicate, the subjects of each class (by rdf:type), and the
        # (subject, object) pairs of each predicate in `targets`.
        self.subjects: dict[str, list[str]] = {}
        self.typed: dict[str, list[str]] = {}
        self.pairs: dict[str, list[tuple[str, str]]] = {}
        # The focus nodes of each shape, once found (shapes_sparql._local_focus).
        self.found: dict[str, set[str]] = {}
        self.targets = targets
        for data in ntriples:
            self.extend(data)

    def extend(self, ntriples: bytes) -> None:
        """Add the triples of an N-Triples text, one per line."""
        self.found.clear()
        values, subjects, typed, pairs, targets = (
            self.values,
            self.subjects,
            self.typed,
            self.pairs,
            self.targets,
        )
        for line in ntriples.decode("utf-8").splitlines():
            if not line or line[0] == "#":
                continue
            s, p, o = line.rstrip().removesuffix(" .").split(" ", 2)
            objects = values.get((s, p))
            if objects is None:
                values[s, p] = [o]
                subjects.setdefault(p, []).append(s)
            elif o in objects:
                continue
            else:
                objects.append(o)
            if p == TYPE:
                typed.setdefault(o, []).append(s)
            if p in targets:
                pairs.setdefault(p, []).append((s, o))

    def objects(self, s: str, p: str) -> list[str]:
        return self.values.get((s, p), [])

    def has(self, s: str, p: str, o: str) -> bool:
        return o in self.values.get((s, p), ())

    def nodes(self) -> set[str]:
        """Every node that a focus node's triples hang on: the subjects, and the objects of the
        predicates whose objects shapes target."""
        found = {s for s, _ in self.values}
        for pairs in self.pairs.values():
            found.update(o for _, o in pairs)
        return found


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else _SIMPLE.get(match.group(3), match.group(0))

    return _ESCAPE.sub(one, text)


@lru_cache(maxsize=4096)
def literal(term: str) -> tuple[str, str] | None:
    """(lexical form, datatype IRI) of a literal term, or None for an IRI or a blank node."""
    if not term.startswith('"'):
        return None
    end = term.rindex('"')
    lexical, rest = _unescape(term[1:end]), term[end + 1 :]
    if rest.startswith("^^<"):
        return lexical, rest[3:-1]
    return lexical, LANG_STRING if rest.startswith("@") else STRING


def is_iri(term: str) -> bool:
    return term.startswith("<")


def is_blank(term: str) -> bool:
    return term.startswith("_:")


def string_value(term: str) -> str | None:
    """STR() of an IRI or of a plain or language-tagged string; None where this module does not
    vouch for it (a blank node, or a literal of another datatype, which the store may have
    rewritten to its canonical form)."""
    if is_iri(term):
        return term[1:-1]
    parsed = literal(term)
    return parsed[0] if parsed is not None and parsed[1] in (STRING, LANG_STRING) else None


# Lexical forms that Oxigraph's casts certainly accept: narrower than XSD where its number types
# are narrower (integers in 64 bits, decimals with at most 18 digits after the point).
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")
_DECIMAL = re.compile(r"[+-]?[0-9]{1,18}(\.[0-9]{1,18})?")
_DOUBLE = re.compile(r"[+-]?[0-9]{1,15}(\.[0-9]{1,15})?([eE][+-]?[0-9]{1,3})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?"
)


def _parses(pattern: re.Pattern[str], parse: Callable[[str], object]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        if not pattern.fullmatch(text):
            return False
        try:
            parse(text)
        except ValueError:
            return False
        return True

    return check


LEXICAL: dict[str, Callable[[str], bool]] = {
    f"{XSD}integer": lambda text: _INTEGER.fullmatch(text) is not None,
    f"{XSD}decimal": lambda text: _DECIMAL.fullmatch(text) is not None,
    f"{XSD}float": lambda text: _DOUBLE.fullmatch(text) is not None,
    f"{XSD}double": lambda text: _DOUBLE.fullmatch(text) is not None,
    f"{XSD}boolean": lambda text: text in ("true", "false", "1", "0"),
    f"{XSD}date": _parses(_DATE, date.fromisoformat),
    f"{XSD}time": _parses(_TIME, time.fromisoformat),
    f"{XSD}dateTime": _parses(_DATETIME, lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))),
}


def number(term: str) -> Decimal | None:
    """The value of an xsd:integer or xsd:decimal literal in a form the store reads, else None."""
    parsed = literal(term)
    if parsed is None or parsed[1] not in (f"{XSD}integer", f"{XSD}decimal"):
        return None
    lexical, datatype = parsed
    if not LEXICAL[datatype](lexical):
        return None
    try:
        return Decimal(lexical)
    except InvalidOperation:
        return None


def datatype_test(datatype: str, lexical_rules: bool) -> Test:
    check = LEXICAL.get(datatype) if lexical_rules else None
    if lexical_rules and check is None:
        raise ValueError(f"no lexical rule for {datatype}")

    def test(_: Triples, term: str) -> bool:
        parsed = literal(term)
        if parsed is None or parsed[1] != datatype:
            return False
        return check is None or check(parsed[0])

    return test


NODE_KINDS: dict[str, Callable[[str], bool]] = {
    "IRI": is_iri,
    "BlankNode": is_blank,
    "Literal": lambda term: term.startswith('"'),
    "BlankNodeOrIRI": lambda term: not term.startswith('"'),
    "BlankNodeOrLiteral": lambda term: not is_iri(term),
    "IRIOrLiteral": lambda term: not is_blank(term),
}

# The regular expressions whose meaning Python's re shares with SPARQL's REGEX: literal characters,
# escaped punctuation, classes of ASCII ranges, groups, alternation, counted and plain repetition.
_SAFE_REGEX = re.compile(
    r"(?:[A-Za-z0-9 _/:#=,;'\-^$|()?*+.]|\\[.\\/\-?*+()\[\]{}|^$]|\[\^?(?:[A-Za-z0-9 _/:.\-]|\\[.\\\-\]])+\]|\{[0-9]+(?:,[0-9]*)?\})*"
)


def pattern_test(pattern: str, flags: str | None) -> Test | None:
    """sh:pattern as a Python test, or None when its meaning in Python might differ."""
    if flags or not _SAFE_REGEX.fullmatch(pattern):
        return None
    compiled = re.compile(pattern)

    def test(_: Triples, term: str) -> bool:
        text = string_value(term)
        # Python's "$" also matches before a final newline, REGEX's does not.
        return text is not None and "\n" not in text and compiled.search(text) is not None

    return test


def length_test(least: int | None, most: int | None) -> Test:
    def test(_: Triples, term: str) -> bool:
        text = string_value(term)
        if text is None:
            return False
        return (least is None or len(text) >= least) and (most is None or len(text) <= most)

    return test


def bound_test(bound: str, op: str) -> Test | None:
    """sh:minInclusive and its kin against a number; None for a bound of another kind."""
    limit = number(bound)
    if limit is None:
        return None
    compare: dict[str, Callable[[Decimal, Decimal], bool]] = {
        ">=": lambda a, b: a >= b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        "<": lambda a, b: a < b,
    }

    def test(_: Triples, term: str) -> bool:
        value = number(term)
        return value is not None and compare[op](value, limit)

    return test


def in_test(members: Iterable[str]) -> Test:
    allowed = frozenset(members)
    return lambda _, term: term in allowed


def class_test(cls: str, rdf_type: str) -> Test:
    return lambda data, term: data.has(term, rdf_type, cls)


def all_of(tests: list[Test]) -> Test:
    return lambda data, term: all(test(data, term) for test in tests)


def any_of(tests: list[Test]) -> Test:
    return lambda data, term: any(test(data, term) for test in tests)


def ordered(v: str, o: str, strict: bool) -> bool:
    """sh:lessThan (strict) or sh:lessThanOrEquals between two values, as the query compares them:
    strings and IRIs by their text, numbers by value; anything else fails here."""
    sv, so = string_value(v), string_value(o)
    if sv is not None and so is not None:
        return sv < so if strict else sv <= so
    a, b = number(v), number(o)
    if a is None or b is None:
        return False
    return a < b if strict else a <= b
