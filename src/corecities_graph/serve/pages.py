"""One entity of the graph as Linked Data: its triples, and a readable page with its sources."""

from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from ..graph.vocab import CCG, DCTERMS, NIF, OA, OWL, PREFIXES, RDF, RDFS, SCHEMA, SKOS

_LABELS = [str(RDFS.label), str(SCHEMA.name), str(SKOS.prefLabel), str(DCTERMS.title)]
_SOURCES = f"""
SELECT DISTINCT ?entity ?doc ?title ?exact ?sentence ?start WHERE {{
  ?annotation <{OA.hasBody}> ?entity ; <{OA.hasTarget}> ?target .
  ?target <{OA.hasSource}> ?doc ; <{OA.hasSelector}> ?quote .
  ?quote <{OA.exact}> ?exact .
  OPTIONAL {{ ?target <{OA.hasSelector}> ?position . ?position <{OA.start}> ?start }}
  OPTIONAL {{ ?target <{CCG.sentence}> ?nif . ?nif <{NIF.anchorOf}> ?sentence }}
  OPTIONAL {{ ?doc <{DCTERMS.title}> ?title }}
}} ORDER BY ?doc ?start ?exact
"""


@dataclass(frozen=True)
class Link:
    """A node as a page shows it: its label, and where to go (None when it is no web link)."""

    label: str
    href: str | None
    iri: str


@dataclass(frozen=True)
class Fact:
    predicate: Link
    value: Link | None
    text: str | None
    datatype: str | None


@dataclass(frozen=True)
class Source:
    document: Link
    exact: str
    sentence: str | None


@dataclass(frozen=True)
class Entity:
    """What the store says about one IRI, and what points at it."""

    iri: str
    label: str
    types: list[Link]
    outgoing: list[Fact]
    incoming: list[tuple[Link, Link]]
    sources: list[Source]
    same_as: list[Link]
    triples: list[ox.Triple]
    cut: bool


class Site:
    """Maps request paths to IRIs in the store and back, for the origins the store's IRIs use."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.origins = sorted({_origin(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode)})

    def iri_for(self, path: str) -> str | None:
        """The IRI a request path names, if the store knows it."""
        for origin in self.origins:
            iri = origin + path
            if self._known(ox.NamedNode(iri)):
                return iri
        return None

    def href(self, iri: str) -> str | None:
        """A local path for an IRI of ours, the IRI itself for other web IRIs, else None."""
        parts = urlsplit(iri)
        if parts.scheme not in ("http", "https"):
            return None
        if f"{parts.scheme}://{parts.netloc}" in self.origins:
            if parts.fragment:
                return None  # hash IRIs are described on the page of their document
            return quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~") + (
                f"?{parts.query}" if parts.query else ""
            )
        return iri

    def _known(self, iri: ox.NamedNode) -> bool:
        return any(True for _ in islice(self.store.quads_for_pattern(iri, None, None), 1)) or any(
            True for _ in islice(self.store.quads_for_pattern(None, None, iri), 1)
        )

    def label(self, term: ox.NamedNode | ox.BlankNode) -> str:
        """A human label for a node: its first rdfs:label, name, prefLabel or title, else a short form."""
        for predicate in _LABELS:
            for quad in self.store.quads_for_pattern(term, ox.NamedNode(predicate), None):
                if isinstance(quad.object, ox.Literal):
                    return quad.object.value
        for quad in self.store.quads_for_pattern(term, ox.NamedNode(str(SCHEMA.text)), None):
            words = str(getattr(quad.object, "value", ""))
            return f"“{words[:77]}…”" if len(words) > 80 else f"“{words}”"
        return compact(term.value) if isinstance(term, ox.NamedNode) else "_:" + term.value

    def link(self, term: ox.NamedNode | ox.BlankNode) -> Link:
        href = self.href(term.value) if isinstance(term, ox.NamedNode) else None
        return Link(self.label(term), href, term.value)

    def describe(self, iri: str, limit: int) -> Entity:
        """The entity's outgoing and incoming triples (each list cut at `limit`), sources and links out."""
        node = ox.NamedNode(iri)
        outgoing = _distinct(self.store.quads_for_pattern(node, None, None), limit)
        incoming = _distinct(self.store.quads_for_pattern(None, None, node), limit)
        cut = len(outgoing) > limit or len(incoming) > limit
        outgoing, incoming = outgoing[:limit], incoming[:limit]
        types = [self.link(t.object) for t in outgoing if t.predicate.value == str(RDF.type)]  # type: ignore[arg-type]
        same_as = [
            Link(t.object.value, self.href(t.object.value), t.object.value)
            for t in outgoing
            if t.predicate.value == str(OWL.sameAs) and isinstance(t.object, ox.NamedNode)
        ]
        facts = [self._fact(t) for t in outgoing if t.predicate.value not in (str(RDF.type), str(OWL.sameAs))]
        back = [(self.link(t.subject), _predicate(t.predicate)) for t in incoming]  # type: ignore[arg-type]
        return Entity(
            iri=iri,
            label=self.label(node),
            types=types,
            outgoing=facts,
            incoming=back,
            sources=self._sources(node, limit),
            same_as=same_as,
            triples=outgoing + incoming,
            cut=cut,
        )

    def _fact(self, triple: ox.Triple) -> Fact:
        value = triple.object
        if isinstance(value, ox.Literal):
            datatype = value.datatype.value
            shown = (
                None
                if datatype.endswith("#string") or datatype.endswith("#langString")
                else compact(datatype)
            )
            return Fact(_predicate(triple.predicate), None, value.value, shown)
        return Fact(_predicate(triple.predicate), self.link(value), None, None)  # type: ignore[arg-type]

    def _sources(self, node: ox.NamedNode, limit: int) -> list[Source]:
        found = self.store.query(
            _SOURCES, use_default_graph_as_union=True, substitutions={ox.Variable("entity"): node}
        )
        sources: list[Source] = []
        assert isinstance(found, ox.QuerySolutions)
        for row in islice(found, limit):
            doc = row["doc"]
            title = row["title"].value if row["title"] else compact(doc.value)
            sentence = row["sentence"].value if row["sentence"] else None
            sources.append(Source(Link(title, self.href(doc.value), doc.value), row["exact"].value, sentence))
        return sources


def compact(iri: str) -> str:
    """prefix:name for IRIs in a known namespace, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _predicate(term: ox.NamedNode) -> Link:
    return Link(compact(term.value), None, term.value)


def _distinct(quads: object, limit: int) -> list[ox.Triple]:
    seen: dict[ox.Triple, None] = {}
    for quad in quads:  # type: ignore[attr-defined]
        seen.setdefault(ox.Triple(quad.subject, quad.predicate, quad.object), None)
        if len(seen) > limit:
            break
    return sorted(seen, key=lambda t: (str(t.predicate), str(t.subject), str(t.object)))


def _origin(iri: str) -> str:
    parts = urlsplit(iri)
    return f"{parts.scheme}://{parts.netloc}"


@functools.cache
def _css() -> str:
    return (resources.files("corecities_graph.serve") / "templates" / "entity.css").read_text(
        encoding="utf-8"
    )


@functools.cache
def page_csp(*, header: bool = True) -> str:
    """No script at all; only the page's own stylesheet, by hash (frame-ancestors works only as a header)."""
    digest = base64.b64encode(hashlib.sha256(_css().encode("utf-8")).digest()).decode("ascii")
    return "; ".join(
        [
            "default-src 'none'",
            f"style-src 'sha256-{digest}'",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            *(["frame-ancestors 'none'"] if header else []),
        ]
    )


def render_page(entity: Entity, formats: list[tuple[str, str]]) -> str:
    """The entity as an HTML page; every string from the graph is escaped by the template."""
    return _template().render(entity=entity, css=_css(), csp=page_csp(header=False), formats=formats)


@functools.cache
def _template() -> Any:
    from jinja2 import Environment

    folder = resources.files("corecities_graph.serve") / "templates"
    env = Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string((folder / "entity.html").read_text(encoding="utf-8"))
