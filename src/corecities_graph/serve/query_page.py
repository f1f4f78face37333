"""The query page at `/`: an editor, the named queries, and a result as an HTML table.

The page works as a plain form (the server runs the query and fills in the table) and, with
its script, runs queries against /sparql without reloading. Both paths show the same cells.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from ..graph.vocab import PREFIXES
from ..sparql.pool import Answer
from ..sparql.query import NamedQuery
from ..sparql.results import N_TRIPLES, SPARQL_JSON
from .pages import Site, compact

# What the page asks the endpoint for: a results table, or the triples of a graph line by line.
PAGE_ACCEPT = f"{SPARQL_JSON}, {N_TRIPLES};q=0.9"
# Query string keys the endpoint and the page read themselves; a named query's parameter is none of them.
RESERVED = frozenset(
    {"query", "name", "format", "output", "results", "update", "default-graph-uri", "named-graph-uri"}
)
STATIC = {
    "/static/query.js": ("query.js", "text/javascript"),
    "/static/query.css": ("query.css", "text/css"),
}
RESULT_LINKS = [("CSV", "csv"), ("TSV", "tsv"), ("JSON", "json")]
GRAPH_LINKS = [("Turtle", "ttl"), ("N-Triples", "nt"), ("JSON-LD", "jsonld")]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Cell:
    """One value as the table shows it: its text, a link if it has one, and a note (datatype, language)."""

    text: str
    href: str | None = None
    note: str | None = None
    kind: str = "literal"


@dataclass
class Result:
    """A result ready to show: columns and rows, or a yes/no answer."""

    columns: list[str]
    rows: list[list[Cell]]
    boolean: bool | None = None
    graph: bool = False


@dataclass
class PageState:
    """What one request to the page asked for and what came of it."""

    text: str = ""
    name: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    note: str | None = None
    result: Result | None = None
    seconds: float | None = None
    cut: int | None = None
    status: int = 200
    reply: Answer | None = None

    @property
    def ran(self) -> bool:
        return self.result is not None

    def as_json(self) -> bytes:
        """The state for the page's script: the endpoint's status, media type and body as it answered.

        The page is always found (200), so the browser logs no failed load when a query is refused;
        the endpoint's own status and message travel inside.
        """
        reply = self.reply
        found = {
            "status": reply.status if reply else self.status,
            "error": self.error,
            "note": self.note,
            "media": reply.media if reply else None,
            "body": reply.body.decode("utf-8", "replace") if reply and reply.status == 200 else None,
            "truncated": f"cut at {reply.cut} rows (max-rows)" if reply and reply.cut else None,
        }
        return json.dumps(found, ensure_ascii=False).encode("utf-8")

    def endpoint_query(self) -> list[tuple[str, str]]:
        """The query string that asks /sparql for this same result."""
        if self.name is not None:
            return [("name", self.name), *self.values.items()]
        return [("query", self.text)]

    def links(self) -> list[tuple[str, str]]:
        """Links to this result as files, in the formats its kind comes in."""
        if self.result is None:
            return []
        offers = GRAPH_LINKS if self.result.graph else RESULT_LINKS
        return [
            (label, "/sparql?" + urlencode([*self.endpoint_query(), ("format", short)]))
            for label, short in offers
        ]


def cell(site: Site, term: Mapping[str, Any] | None) -> Cell:
    """A SPARQL JSON term as a cell; IRIs of this graph link to their page, other web IRIs to themselves."""
    if term is None:
        return Cell("", kind="unbound")
    kind = term.get("type")
    value = str(term.get("value", ""))
    if kind == "uri":
        return Cell(value, _href(site, value), kind="iri")
    if kind == "bnode":
        return Cell("_:" + value, kind="bnode")
    if kind == "triple":
        return Cell(json.dumps(term.get("value"), ensure_ascii=False), kind="triple")
    if "xml:lang" in term:
        return Cell(value, note="@" + str(term["xml:lang"]))
    datatype = term.get("datatype")
    if datatype and datatype not in (_XSD_STRING, _LANG_STRING):
        return Cell(value, note=compact(str(datatype)))
    return Cell(value)


def _href(site: Site, iri: str) -> str | None:
    """Only http(s) IRIs become links, so no cell can carry a javascript: or data: link."""
    href = site.href(iri)
    if href is None:
        return None
    if href.startswith("/") and not href.startswith("//"):
        return href
    return href if urlsplit(href).scheme in ("http", "https") else None


def result_from_json(site: Site, data: Mapping[str, Any]) -> Result:
    """A SPARQL results JSON document as a table (or a yes/no answer for ASK)."""
    if "boolean" in data:
        return Result([], [], boolean=bool(data["boolean"]))
    columns = [str(v) for v in data.get("head", {}).get("vars", [])]
    bindings = data.get("results", {}).get("bindings", [])
    rows = [[cell(site, row.get(name)) for name in columns] for row in bindings]
    return Result(columns, rows)


def result_from_n_triples(site: Site, body: bytes) -> Result:
    """A CONSTRUCT or DESCRIBE result as a subject, predicate, object table."""
    rows: list[list[Cell]] = []
    for triple in ox.parse(body, format=ox.RdfFormat.N_TRIPLES):
        rows.append([_term_cell(site, part) for part in (triple.subject, triple.predicate, triple.object)])
    return Result(["subject", "predicate", "object"], rows, graph=True)


def _term_cell(site: Site, term: object) -> Cell:
    if isinstance(term, ox.NamedNode):
        return cell(site, {"type": "uri", "value": term.value})
    if isinstance(term, ox.BlankNode):
        return cell(site, {"type": "bnode", "value": term.value})
    if isinstance(term, ox.Literal):
        found: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        else:
            found["datatype"] = term.datatype.value
        return cell(site, found)
    return Cell(str(term), kind="triple")


def named_fields(query: NamedQuery, given: Mapping[str, Sequence[str]]) -> tuple[dict[str, str], list[str]]:
    """The values given for a named query's parameters, and the names of those left empty."""
    values: dict[str, str] = {}
    for param in query.params:
        found = [v for v in given.get(param.name, []) if v.strip()]
        if found:
            values[param.name] = found[0].strip()
    return values, [p.name for p in query.params if p.name not in values]


def page_csp(*, header: bool = True) -> str:
    """Only the server's own script and stylesheet; the script may fetch only from this server
    and may not write HTML from strings (Trusted Types with no policy)."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            *(["frame-ancestors 'none'"] if header else []),
            "require-trusted-types-for 'script'",
            "trusted-types 'none'",
        ]
    )


def render_query_page(state: PageState, queries: Sequence[NamedQuery], origins: Sequence[str]) -> str:
    """The page; every string from the graph, the query or an error is escaped by the template."""
    return _template().render(
        state=state,
        queries=queries,
        origins=json.dumps(list(origins)),
        prefixes=json.dumps(PREFIXES),
        csp=page_csp(header=False),
        links=state.links(),
    )


@functools.cache
def static_file(name: str) -> bytes:
    return (resources.files("corecities_graph.serve") / "static" / name).read_bytes()


@functools.cache
def _template() -> Any:
    from jinja2 import Environment

    folder = resources.files("corecities_graph.serve") / "templates"
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string((folder / "query.html").read_text(encoding="utf-8"))
