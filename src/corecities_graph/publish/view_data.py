"""What the view shows, read from the store: its nodes, edges, documents and evidence sentences.

The other half of `view`, which renders these into the HTML file; this half only queries.
A little over 400 lines: its SPARQL and the helpers that read each answer belong together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..graph.vocab import PREFIXES
from .kinds import HIDDEN_FACTS, INVERSES, SAME_AS, TYPE_KINDS, degrees_of, kinds_of

if TYPE_CHECKING:
    import pyoxigraph

    from ..store.embedded import GraphStore

EVIDENCE_MAX = 12
"""At most this many sentences per node in its panel; the panel says how many more there are."""

EVIDENCE_DOCUMENTS = 12
"""Sentences are read from at most this many of a node's documents, the first by IRI; the panel
says how many more documents name it. A place named in every release of a large corpus would
otherwise cost a walk over thousands of annotations, of which the panel shows twelve."""


_BATCH = 400
"""IRIs per VALUES block when reading the details of the shown nodes."""


_URL_SCHEMES = ("http://", "https://")
_LABEL_PREDICATES = (
    "https://schema.org/name",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
    "https://schema.org/text",
)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SCHEMA_URL = "https://schema.org/url"
_CCG = PREFIXES["ccg"]


@dataclass(frozen=True)
class Evidence:
    """A sentence a fact came from, and the document it is in."""

    sentence: str
    document: str


@dataclass(frozen=True)
class ViewNode:
    """One node of the view with what its side panel shows."""

    id: str
    label: str
    kind: str
    facts: tuple[tuple[str, str], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    links: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    weight: float | None = None
    evidence_count: int = 0
    """Sentences known in all, when only some are in `evidence` (0: just those)."""
    unread: int = 0
    """Documents naming the node whose sentences were not read (EVIDENCE_DOCUMENTS)."""


@dataclass(frozen=True)
class ViewEdge:
    """A named relation from one node to another."""

    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class ViewDocument:
    """A source document as the view names and links it."""

    id: str
    title: str
    url: str | None


def _web_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: nothing else becomes a link."""
    if value and value.strip().lower().startswith(_URL_SCHEMES):
        return value.strip()
    return None


@dataclass(frozen=True)
class StoreView:
    """What the view shows of a store, and how many resources it could have shown."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    documents: list[ViewDocument]
    total: int


def view_from_store(
    store: pyoxigraph.Store | GraphStore, *, max_nodes: int | None = None, summary: bool = True
) -> StoreView:
    """Read the graph (all named graphs, union) and return what the view shows.

    The kind and degree of every resource, and the documents naming each, come from the digests
    the builds keep beside an embedded store (summary.py) where they hold; otherwise Oxigraph finds
    the distinct links between shown kinds of resource across all graphs. Only the `max_nodes`
    most connected resources (ties by IRI) are then read in full, in VALUES batches.
    `summary=False`: always the whole-store queries.
    """
    import pyoxigraph as ox

    from ..store.embedded import GraphStore

    found = None
    if isinstance(store, GraphStore):
        if summary:
            from .summary import overview

            found = overview(store)
        store = store.oxigraph
    if found is not None:
        kinds, degree = found.kinds, Counter(found.degree)
    else:
        kinds = _store_kinds(store)
        degree = _degrees(store, kinds)
    ranked = sorted(kinds, key=lambda iri: (-degree.get(iri, 0), iri))
    shown = sorted(ranked if max_nodes is None else ranked[:max_nodes])
    shown_set = set(shown)
    names = _predicate_labels(store)

    def relation(predicate: str) -> str:
        return names.get(predicate) or _local_label(predicate)

    literals: dict[str, list[tuple[str, str]]] = defaultdict(list)
    objects: list[tuple[str, str, str]] = []
    for batch in _batches(shown):
        for s, p, o in _terms(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {batch} ?s ?p ?o }}"):
            if isinstance(o, ox.Literal):
                literals[s.value].append((p.value, o.value))
            elif isinstance(o, ox.NamedNode):
                objects.append((s.value, p.value, o.value))
    others = sorted({o for _s, _p, o in objects if o not in shown_set})
    for batch in _batches(others):
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {batch} ?s ?p ?o FILTER isLiteral(?o) }}"
        for s, p, o in _rows(store, query):
            if p in _LABEL_PREDICATES:
                literals[s].append((p, o))
    for values in literals.values():
        values.sort()
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    facts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    links: dict[str, set[str]] = defaultdict(set)
    for s, p, o in objects:
        if p in INVERSES or (p in HIDDEN_FACTS and p not in SAME_AS):
            continue
        if p in SAME_AS:
            if _web_url(o):
                links[s].add(o)
        elif o in shown_set:
            relations[(s, o)].add(relation(p))
        else:
            facts[s].add((relation(p), _first_label(literals.get(o, [])) or _local_label(o)))
    # A person reaches an organisation through a post node; a direct link as well lets a 1-hop
    # focus on a person show where they work.
    # Step by step, as for the evidence: Oxigraph plans the OPTIONAL role of the whole chain badly
    # (minutes for a few hundred people at 1,000 documents, where the steps take a second).
    people = [iri for iri in shown if kinds[iri] == "person"]
    posts = _walk(store, people, "?x org:holds ?y")
    post_ids = sorted({post for found in posts.values() for post in found})
    places = _walk(store, post_ids, "?x org:postIn ?y")
    roles = _walk(store, post_ids, "?x org:role ?y")
    role_labels = _walk(store, sorted({r for found in roles.values() for r in found}), "?x skos:prefLabel ?y")
    for person in people:
        for post in posts.get(person, ()):
            said = {label for role in roles.get(post, ()) for label in role_labels.get(role, ())}
            for organisation in places.get(post, ()):
                if organisation in shown_set and organisation != person:
                    relations[(person, organisation)].update(
                        {f"holds post in (as {label})" for label in said} or {"holds post in"}
                    )
    labels: dict[str, str] = {}
    for iri in shown:
        label, _used = _node_label(kinds[iri], literals.get(iri, []))
        labels[iri] = label or _local_label(iri)
        for p, o in literals.get(iri, []):
            if p in HIDDEN_FACTS or (p in _LABEL_PREDICATES and o == labels[iri]):
                continue
            if p == _SCHEMA_URL and _web_url(o):
                links[iri].add(o)
            else:
                facts[iri].add((relation(p), o))
    doc_ids = {iri for iri, kind in kinds.items() if kind == "document"}
    mentions: dict[str, set[str]] = defaultdict(set)
    present: dict[str, set[str]] = defaultdict(set)  # the document graphs that say anything about it
    if found is not None:
        for s in shown:
            present[s] = {g for g in found.present.get(s, ()) if g in doc_ids}
            mentions[s] = present[s] - {s}
    for batch in _batches(shown) if found is None else ():
        query = f"SELECT DISTINCT ?s ?g WHERE {{ {batch} GRAPH ?g {{ ?s ?p ?o }} }}"
        for s, g in _rows(store, query):
            if g in doc_ids:
                present[s].add(g)
                if s != g:
                    mentions[s].add(g)
    evidence, counts, unread = _store_evidence(store, shown, present)
    nodes = [
        ViewNode(
            id=iri,
            label=labels[iri],
            kind=kinds[iri],
            facts=tuple(sorted(facts.get(iri, set()))),
            evidence=evidence.get(iri, ()),
            links=tuple(sorted(links.get(iri, set()))),
            documents=tuple(sorted(mentions.get(iri, set()))),
            evidence_count=counts.get(iri, 0),
            unread=unread.get(iri, 0),
        )
        for iri in shown
    ]
    edges = [ViewEdge(s, o, ", ".join(sorted(r))) for (s, o), r in sorted(relations.items())]
    used = {d for n in nodes for d in n.documents} | {e.document for n in nodes for e in n.evidence}
    documents = [d for d in _store_documents(store, sorted(used))]
    return StoreView(nodes, edges, documents, len(kinds))


def _batches(iris: Sequence[str], variable: str = "s") -> Iterator[str]:
    """VALUES blocks of at most _BATCH IRIs each."""
    for start in range(0, len(iris), _BATCH):
        chunk = " ".join(f"<{iri}>" for iri in iris[start : start + _BATCH])
        yield f"VALUES ?{variable} {{ {chunk} }}"


def _degrees(store: pyoxigraph.Store, kinds: dict[str, str]) -> Counter[str]:
    """How many other shown-kind resources each one is linked to, either way.

    Oxigraph finds the distinct pairs (a handful per resource, however many graphs state them);
    only those pairs come back to Python.
    """
    types = " ".join(f"<{t}>" for t in TYPE_KINDS)
    skipped = ", ".join(f"<{p}>" for p in sorted(INVERSES | SAME_AS | HIDDEN_FACTS))
    query = f"""SELECT DISTINCT ?a ?b WHERE {{
        {{ SELECT DISTINCT ?a WHERE {{ VALUES ?t {{ {types} }} ?a a ?t FILTER isIRI(?a) }} }}
        ?a ?p ?b FILTER (isIRI(?b) && ?a != ?b && ?p NOT IN ({skipped}))
    }}"""
    posts = "SELECT DISTINCT ?a ?b WHERE { ?a org:holds ?post . ?post org:postIn ?b FILTER (?a != ?b) }"
    # a person is linked to where a post is, too
    return degrees_of([*_rows(store, query), *_rows(store, posts)], kinds)


def _rows(store: pyoxigraph.Store, query: str, graph: str | None = None) -> Iterable[tuple[Any, ...]]:
    """Run a SELECT over the union of all graphs, or over `graph` alone; each row as plain
    strings (None if unbound)."""
    for row in _terms(store, query, graph):
        yield tuple(None if term is None else term.value for term in row)


def _terms(store: pyoxigraph.Store, query: str, graph: str | None = None) -> Iterable[tuple[Any, ...]]:
    """Run a SELECT over the union of all graphs, or over `graph` alone; each row as RDF terms
    (None if unbound)."""
    import pyoxigraph as ox

    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in sorted(PREFIXES.items()))
    if graph is None:
        solutions = store.query(prologue + query, use_default_graph_as_union=True)
    else:
        solutions = store.query(prologue + query, default_graph=ox.NamedNode(graph))
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    for solution in solutions:  # type: ignore[union-attr]
        yield tuple(solution[n] for n in names)


def _store_kinds(store: pyoxigraph.Store) -> dict[str, str]:
    """Each resource the view shows, with its kind."""
    types = " ".join(f"<{t}>" for t in TYPE_KINDS)
    query = "SELECT DISTINCT ?s ?n WHERE { ?s ccg:institutionType ?t . ?t skos:notation ?n }"
    typed = f"SELECT DISTINCT ?s ?type WHERE {{ VALUES ?type {{ {types} }} ?s a ?type FILTER isIRI(?s) }}"
    return kinds_of(_rows(store, typed), _rows(store, query))


def _store_documents(store: pyoxigraph.Store, iris: Sequence[str]) -> list[ViewDocument]:
    """These source documents with their title and web address."""
    found: list[ViewDocument] = []
    for batch in _batches(iris, "doc"):
        query = f"""SELECT ?doc (MIN(?t) AS ?title) (MIN(?u) AS ?url) WHERE {{
            {batch} ?doc a ccg:SourceDocument
            OPTIONAL {{ ?doc dcterms:title ?t }} OPTIONAL {{ ?doc schema:url ?u }}
        }} GROUP BY ?doc"""
        found += (
            ViewDocument(doc, title or _local_label(doc), url) for doc, title, url in _rows(store, query)
        )
    return sorted(found, key=lambda d: d.id)


# What an annotation in a document graph is about: the resource itself, or a fact about it.
_ABOUT = """{ ?a oa:hasBody ?x } UNION { ?f rdf:subject ?x . ?a oa:hasBody ?f }
    UNION { ?f rdf:object ?x . ?a oa:hasBody ?f } UNION { ?f ccg:signedBy ?x . ?a oa:hasBody ?f }
    UNION { ?f ccg:signed ?x . ?a oa:hasBody ?f }"""
_READ_FROM = "?a oa:hasTarget ?t . ?t oa:hasSource ?doc ; ccg:sentence ?s . ?s nif:anchorOf ?text"


def _store_evidence(
    store: pyoxigraph.Store, shown: Sequence[str], present: dict[str, set[str]]
) -> tuple[dict[str, tuple[Evidence, ...]], dict[str, int], dict[str, int]]:
    """The first EVIDENCE_MAX sentences each shown resource, or a statement about it, was read
    from (by document, then text), how many were found, and how many of the documents that name
    it were not read.

    `present`: the document graphs that say anything about each resource. Only the first
    EVIDENCE_DOCUMENTS of them are read, one query per graph with that graph as the default graph
    (Oxigraph then reads that graph alone; across all graphs, a statement that many documents
    repeat, such as a signature, was joined with every copy of its annotations).
    """
    wanted: dict[str, set[str]] = defaultdict(set)  # graph -> the resources to read there
    unread: dict[str, int] = {}
    for x in shown:
        graphs = sorted(present.get(x, ()))
        for graph in graphs[:EVIDENCE_DOCUMENTS]:
            wanted[graph].add(x)
        if len(graphs) > EVIDENCE_DOCUMENTS:
            unread[x] = len(graphs) - EVIDENCE_DOCUMENTS
    kept: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for graph in sorted(wanted):
        for batch in _batches(sorted(wanted[graph]), "x"):
            query = f"SELECT DISTINCT ?x ?doc ?text WHERE {{ {batch} {_ABOUT} {_READ_FROM} }}"
            for x, doc, text in _rows(store, query, graph):
                kept[x].add((doc, text))
    evidence = {
        x: tuple(Evidence(text, doc) for doc, text in sorted(pairs)[:EVIDENCE_MAX])
        for x, pairs in kept.items()
    }
    counts = {x: len(pairs) for x, pairs in kept.items()}
    return evidence, counts, unread


def _walk(store: pyoxigraph.Store, iris: Sequence[str], pattern: str) -> dict[str, set[str]]:
    """For each IRI bound to ?x, the values of ?y in `pattern`, read in VALUES batches."""
    found: dict[str, set[str]] = defaultdict(set)
    for batch in _batches(iris, "x"):
        for x, y in _rows(store, f"SELECT DISTINCT ?x ?y WHERE {{ {batch} {pattern} }}"):
            found[x].add(y)
    return found


def _predicate_labels(store: pyoxigraph.Store) -> dict[str, str]:
    """rdfs:label of properties, where the store holds the ontology."""
    # VALUES first: Oxigraph then reads the few property types, not every rdf:type in the store.
    query = """SELECT ?p (MIN(?l) AS ?label) WHERE {
        VALUES ?class { rdf:Property owl:ObjectProperty owl:DatatypeProperty }
        ?p a ?class ; rdfs:label ?l
        FILTER (lang(?l) = "" || langMatches(lang(?l), "en"))
    } GROUP BY ?p"""
    return {p: label for p, label in _rows(store, query) if label}


def _node_label(kind: str, values: Sequence[tuple[str, str]]) -> tuple[str, str | None]:
    """A readable name for a node and the predicate it came from (None if composed)."""
    if kind == "statistic":
        parts = {_local_name(p): o for p, o in values}
        amount = _amount(parts.get("value", ""), parts.get("unitText", ""))
        if "countOf" in parts:
            return f"{parts.get('value', '?')} {parts['countOf']}", None
        if amount:
            text = " ".join(x for x in (parts.get("qualifier"), amount) if x)
            if parts.get("period"):
                text += f" a {parts['period']}"
            return f"{parts.get('measure') or parts.get('subjectText', '')}: {text}".lstrip(": "), None
    for predicate in _LABEL_PREDICATES:
        for p, o in values:
            if p == predicate:
                return o, predicate
    return "", None


def _amount(value: str, unit: str) -> str:
    """A figure as people write it: 40%, £100,000,000,000, 6,500 people."""
    try:
        number = float(value)
    except ValueError:
        return " ".join(x for x in (value, unit) if x)
    text = f"{number:,.0f}" if number.is_integer() else f"{number:,}"
    if unit == "percent":
        return text + "%"
    symbol = {"GBP": "£", "USD": "$", "EUR": "€"}.get(unit)
    if symbol:
        return symbol + text
    return " ".join(x for x in (text, unit) if x and x != "count")


def _local_name(iri: str) -> str:
    """The last segment of an IRI."""
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _first_label(values: Sequence[tuple[str, str]]) -> str:
    """The first name-like literal among a resource's values."""
    return _node_label("", values)[0]


def _local_label(iri: str) -> str:
    """Words from the last segment of an IRI: memberCity -> member city."""
    tail = _local_name(iri)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", tail).replace("-", " ").lower() or iri
