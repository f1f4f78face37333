"""SPARQL over the store: the named queries shipped in queries/*.rq, and queries from users."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import QueryError
from ..store.embedded import GraphStore

if TYPE_CHECKING:
    from ..store.remote import RemoteStore
from ..graph.vocab import ONTOLOGY_IRI, PREFIXES

DEFAULT_TIMEOUT = 30.0
# SPARQL cut into tokens the way its grammar cuts them, so that a keyword counts only where it
# is one: not inside a string, an IRI, a comment, a prefixed name (ex:INSERT, ex:a\'b) or a variable.
_TOKENS = re.compile(
    r"""(?P<skip>\s+|\#[^\n]*
      |"{3}(?:\\.|"(?!"")|[^"\\])*"{3}|'{3}(?:\\.|'(?!'')|[^'\\])*'{3}
      |"(?:\\.|[^"\\\n\r])*"|'(?:\\.|[^'\\\n\r])*'
      |<[^<>"{}|^`\\\x00-\x20]*>
      |[?$]\w+
      |(?:[^\W\d][\w.-]*)?:(?:\\.|%[0-9A-Fa-f]{2}|[\w.:-])*)
    |(?P<word>[^\W\d]\w*)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_PARAM_LINE = re.compile(r"#\s*param\s+(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>\w+)\)\s*:?\s*(?P<about>.*)")
_SORTED_LINE = re.compile(r'#\s*sorted\s+(?P<column>[A-Za-z_]\w*)\s+"(?P<separator>[^"]+)"')
PARAM_KINDS = ("literal", "iri", "entity", "document")
_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")


@dataclass(frozen=True)
class Param:
    """A parameter a named query declares in its header: `# param NAME (KIND): what it is`."""

    name: str
    kind: str
    about: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    text: str
    params: tuple[Param, ...] = ()
    # (layout, text): the same columns and rows, written the way one kind of server answers them
    # right (queries/LAYOUT/NAME.rq), for a remote store of that --store-layout.
    layouts: tuple[tuple[str, str], ...] = ()
    # (column, separator): a column that joins a list (GROUP_CONCAT, whose order SPARQL leaves to
    # the server), declared `# sorted COLUMN "SEPARATOR"`; its parts are sorted after the query.
    sorted_lists: tuple[tuple[str, str], ...] = ()

    def text_for(self, layout: str | None) -> str:
        """The text to send to a store of this layout (None: the embedded store)."""
        return dict(self.layouts).get(layout, self.text) if layout else self.text


def named_queries() -> dict[str, NamedQuery]:
    """Every query shipped with the package, by name, with the texts written for one kind of server."""
    found: dict[str, NamedQuery] = {}
    folder = resources.files("corecities_graph.sparql") / "queries"
    entries = sorted(folder.iterdir(), key=lambda e: e.name)
    servers = [entry for entry in entries if entry.is_dir()]
    for entry in entries:
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            named = parse_named(name, entry.read_text(encoding="utf-8"))
            layouts = tuple(
                (server.name, (server / entry.name).read_text(encoding="utf-8"))
                for server in servers
                if (server / entry.name).is_file()
            )
            found[name] = dataclasses.replace(named, layouts=layouts)
    return found


def parse_named(name: str, text: str) -> NamedQuery:
    """A named query from its text: the first comment line is its question, `# param` lines its
    parameters, `# sorted` lines its columns of sorted lists."""
    lines = text.splitlines()
    question = lines[0].lstrip("# ").strip() if lines else ""
    params: list[Param] = []
    lists: list[tuple[str, str]] = []
    for line in lines:
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            if match["kind"] not in PARAM_KINDS:
                raise QueryError(f"{name}: parameter {match['name']} has unknown kind {match['kind']!r}")
            params.append(Param(match["name"], match["kind"], match["about"].strip()))
        listed = _SORTED_LINE.match(line)
        if listed:
            lists.append((listed["column"], listed["separator"]))
    return NamedQuery(name, question, text, tuple(params), sorted_lists=tuple(lists))


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
    if path.is_file():
        try:
            return str(path), path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    names = ", ".join(queries)
    raise QueryError(f"{spec}: no such named query or file (named queries: {names})")


def keywords(text: str) -> Iterator[str]:
    """The bare words of a SPARQL text, upper-cased, skipping strings, IRIs, comments, variables and prefixed names."""
    for match in _TOKENS.finditer(text):
        if match["word"]:
            yield match["word"].upper()


@functools.lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    """The keywords of a text, read once: named queries and a server's repeated queries come back often."""
    return frozenset(keywords(text))


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update: no query keyword is also an update keyword."""
    return bool(_words(text) & _UPDATE_WORDS)


def check_read_only(
    label: str, text: str, *, allow_update: bool = False, allow_service: bool = False
) -> None:
    """Refuse updates and SERVICE calls unless the caller allowed them.

    No query keyword is also an update keyword, so any update keyword outside strings, IRIs,
    comments and names makes the text an update, whatever else it holds (a sub-SELECT included);
    case does not matter, and `"service"`, `<http://x/service>` or `# SERVICE` are not calls.
    """
    words = _words(text)
    if not allow_service and "SERVICE" in words:
        raise QueryError(f"{label}: SERVICE calls to other endpoints are refused (use --allow-service)")
    if not allow_update and words & _UPDATE_WORDS:
        raise QueryError(f"{label}: this is an update; the graph is read-only here (use --allow-update)")


def bind_params(
    store: GraphStore, query: NamedQuery, given: Mapping[str, str]
) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """Check the given parameters against those the query declares and turn each into an RDF term.

    Values become terms (a literal, or an IRI checked for syntax) that pyoxigraph substitutes for
    the variable, never SPARQL text, so a value cannot change the query. Substitution needs the
    variable in the SELECT projection, so a named query's parameter is also one of its columns.
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        accepted = ", ".join(declared) or "none"
        raise QueryError(f"{query.name}: unknown parameter {', '.join(unknown)} (accepted: {accepted})")
    missing = [p.name for p in query.params if p.name not in given]
    if missing:
        usage = " ".join(f"--param {n}=..." for n in missing)
        raise QueryError(f"{query.name}: missing parameter {', '.join(missing)} (give {usage})")
    bound: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    for name, value in given.items():
        param = declared[name]
        if param.kind == "literal":
            bound[ox.Variable(name)] = ox.Literal(value)
        elif param.kind == "iri":
            bound[ox.Variable(name)] = _iri(query.name, name, value)
        elif param.kind == "document":
            bound[ox.Variable(name)] = find_document(store, value, label=query.name)
        else:
            bound[ox.Variable(name)] = find_entity(store, value, label=query.name)
    return bound


def _iri(label: str, name: str, value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise QueryError(f"{label}: parameter {name}: {value!r} is not an IRI") from exc


_EXACT_LABELS = """
SELECT DISTINCT ?wanted ?entity WHERE {
  VALUES ?property { schema:name rdfs:label skos:altLabel schema:alternateName }
  ?entity ?property ?wanted .
  FILTER(isIRI(?entity))
}
ORDER BY ?entity
"""
_LABELS = """
SELECT DISTINCT ?wanted ?entity ?label WHERE {
  VALUES ?property { schema:name rdfs:label skos:altLabel schema:alternateName }
  ?entity ?property ?label .
  FILTER(isIRI(?entity) && LCASE(STR(?label)) = ?wanted)
}
ORDER BY ?entity
"""


def find_entity(store: GraphStore, value: str, *, label: str = "entity") -> ox.NamedNode:
    """The entity an IRI or a name (canonical or alias, any case) denotes; unknown or ambiguous names raise."""
    found = entity_candidates(store, value)
    if len(found) == 1:
        return ox.NamedNode(next(iter(found)))
    if not found:
        near = "; ".join(similar_names(store, value))
        raise QueryError(f"{label}: no entity is named {value!r}" + (f" (similar: {near})" if near else ""))
    listing = "; ".join(f"{iri} ({name})" for iri, name in sorted(found.items()))
    raise QueryError(f"{label}: {value!r} names {len(found)} entities: {listing}; give one IRI")


def entity_candidates(store: GraphStore, value: str) -> dict[str, str]:
    """{IRI: a label} of the entities a name or IRI may denote."""
    if "://" in value:
        iri = value.strip("<>")
        known = store.oxigraph.query(
            "ASK { { ?s ?p ?o } UNION { ?o ?p ?s } }",
            use_default_graph_as_union=True,
            substitutions={ox.Variable("s"): _iri("entity", "entity", iri)},
        )
        return {iri: iri} if bool(known) else {}
    name = " ".join(value.split())
    # a name as stored is an index look-up; any other case needs a scan of every label
    exact = store.oxigraph.query(
        _EXACT_LABELS,
        prefixes=PREFIXES,
        use_default_graph_as_union=True,
        substitutions={ox.Variable("wanted"): ox.Literal(name)},
    )
    found: dict[str, str] = {row["entity"].value: name for row in exact}  # type: ignore[index,union-attr]
    if found:
        return found
    solutions = store.oxigraph.query(
        _LABELS,
        prefixes=PREFIXES,
        use_default_graph_as_union=True,
        substitutions={ox.Variable("wanted"): ox.Literal(name.lower())},
    )
    for row in solutions:  # type: ignore[union-attr]
        found.setdefault(row["entity"].value, row["label"].value)  # type: ignore[index,union-attr]
    return found


_ALL_LABELS = """
SELECT DISTINCT ?label WHERE {
  VALUES ?property { schema:name skos:altLabel }
  ?entity ?property ?label .
}
"""


def similar_names(store: GraphStore, value: str, *, limit: int = 5) -> list[str]:
    """Names in the store that look like `value`, best first, to suggest when a name is unknown."""
    from rapidfuzz import fuzz, process

    labels = [
        row["label"].value  # type: ignore[index,union-attr]
        for row in store.oxigraph.query(_ALL_LABELS, prefixes=PREFIXES, use_default_graph_as_union=True)  # type: ignore[union-attr]
    ]
    matches = process.extract(value, sorted(labels), scorer=fuzz.WRatio, limit=limit, score_cutoff=75)
    return [match[0] for match in matches]


_DOCUMENTS = """
SELECT DISTINCT ?wanted ?document WHERE {
  ?document a ccg:SourceDocument .
  { ?document dcterms:identifier ?key } UNION { ?document dcterms:title ?key }
  FILTER(LCASE(STR(?key)) = ?wanted)
}
ORDER BY ?document
"""


_SOURCE_DOCUMENT = ox.NamedNode(ONTOLOGY_IRI + "SourceDocument")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_STATED_AS = [
    ox.NamedNode("http://purl.org/dc/terms/identifier"),
    ox.NamedNode("http://purl.org/dc/terms/title"),
]


def _documents_stated_as(store: GraphStore, name: str) -> list[str]:
    """Source documents whose identifier or title is exactly `name`, found through the store's indexes."""
    found = set()
    for predicate in _STATED_AS:
        for quad in store.oxigraph.quads_for_pattern(None, predicate, ox.Literal(name), None):
            subject = quad.subject
            if isinstance(subject, ox.NamedNode) and next(
                iter(store.oxigraph.quads_for_pattern(subject, _RDF_TYPE, _SOURCE_DOCUMENT, None)), None
            ):
                found.add(subject.value)
    return sorted(found)


def find_document(store: GraphStore, value: str, *, label: str = "source") -> ox.NamedNode:
    """The source document an IRI, identifier or title (any case) denotes."""
    if "://" in value:
        node = _iri(label, "source", value.strip("<>"))
        if store.content_hash(node) is None:
            raise QueryError(f"{label}: no source document {value} in the store")
        return node
    name = " ".join(value.split())
    found = _documents_stated_as(store, name)  # an identifier or title as stored: index look-ups
    for text, wanted in ((_DOCUMENTS, name.lower()),) if not found else ():
        solutions = store.oxigraph.query(
            text,
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            substitutions={ox.Variable("wanted"): ox.Literal(wanted)},
        )
        found = sorted({row["document"].value for row in solutions})  # type: ignore[index,union-attr]
        if found:
            break
    if len(found) == 1:
        return ox.NamedNode(found[0])
    if not found:
        known = ", ".join(ident for _, ident in store.documents()[:20])
        raise QueryError(f"{label}: no source document {value!r} (documents: {known})")
    raise QueryError(f"{label}: {value!r} names {len(found)} documents: {'; '.join(found)}; give one IRI")


def run_query(
    store: GraphStore | RemoteStore,
    label: str,
    text: str,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    substitutions: Mapping[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
) -> object:
    """Run a query over the union of all graphs; returns pyoxigraph results (None for an update)."""
    check_read_only(label, text, allow_update=allow_update, allow_service=allow_service)
    if not isinstance(store, GraphStore):
        return _run_remote(store, label, text, allow_update=allow_update)
    try:
        if allow_update and is_update(text):
            store.drop_summary()  # the view's digests cannot follow an arbitrary update
            store.oxigraph.update(text, prefixes=PREFIXES)
            return None
        return store.oxigraph.query(
            text,
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
            substitutions=dict(substitutions) if substitutions else None,
        )
    except SyntaxError as exc:
        raise QueryError(f"{label}: {syntax_message(exc)}") from exc
    except OSError as exc:
        raise QueryError(f"{label}: {exc}") from exc


def run_named(
    store: GraphStore | RemoteStore,
    named: NamedQuery,
    *,
    substitutions: Mapping[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
) -> object:
    """A named query's results: its text for the store's kind of server, its lists sorted."""
    layout = None if isinstance(store, GraphStore) else store.endpoints.layout
    result = run_query(store, named.name, named.text_for(layout), substitutions=substitutions)
    return sort_lists(result, named.sorted_lists)


def sort_lists(result: object, lists: tuple[tuple[str, str], ...]) -> object:
    """The results with the parts of each listed column sorted, so that every server gives one order.

    The parts are sorted as Python sorts strings, by code point, which is also SPARQL's order for
    plain literals: the embedded store's answer, ordered by a subquery, comes out unchanged.
    """
    if not lists or not isinstance(result, ox.QuerySolutions):
        return result
    answer = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")
    for binding in answer["results"]["bindings"]:
        for column, separator in lists:
            cell = binding.get(column)
            if cell and cell["type"] == "literal":
                cell["value"] = separator.join(sorted(cell["value"].split(separator)))
    return ox.parse_query_results(json.dumps(answer).encode("utf-8"), format=ox.QueryResultsFormat.JSON)


def _run_remote(store: RemoteStore, label: str, text: str, *, allow_update: bool) -> object:
    from ..errors import StoreError

    try:
        return store.run(text, update=allow_update and is_update(text))
    except StoreError as exc:
        raise QueryError(f"{label}: {exc}") from exc


def syntax_message(exc: SyntaxError) -> str:
    """pyoxigraph's parse error as `malformed SPARQL at line L, column C: ...`, positions in the user's text."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else "malformed query"
    match = _POSITION.match(message)
    rest = _readable(message[match.end() :] if match else message)
    if match:
        return f"malformed SPARQL at line {match[1]}, column {match[2]}: {rest}"
    return "malformed SPARQL: " + rest


def _readable(detail: str) -> str:
    """The parser's expectation list, keeping its own messages and keywords and dropping character classes."""
    if not detail.startswith("expected one of "):
        return detail[:200]
    options = detail.removeprefix("expected one of ").split(", ")
    said = [o for o in options if " " in o and o[:1].isalpha()]
    if said:
        return "; ".join(dict.fromkeys(said))
    words = [o for o in options if re.fullmatch(r"[A-Z_]+|\"[^\"]+\"", o)]
    return "expected one of " + ", ".join(words) if words else "unexpected text here"


class Watchdog:
    """Calls `on_timeout` if still running after `seconds` (0: never).

    pyoxigraph has no query timeout, but it releases the GIL while it evaluates, so a timer
    thread can act; the CLI's callback ends the process, which is harmless on a read-only store.
    """

    def __init__(self, seconds: float, on_timeout: Callable[[], None]) -> None:
        self._timer = threading.Timer(seconds, on_timeout) if seconds > 0 else None
        if self._timer is not None:
            self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
