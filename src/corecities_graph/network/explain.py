"""How two entities are connected: shortest paths in the entity graph, each hop traced to its source sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError
from ..graph.vocab import CCG, PREFIXES
from ..sparql.query import entity_candidates, find_entity
from ..store.embedded import GraphStore
from .analyse import _INVERSE_LABELS, RELATIONS, entity_graph

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_EVIDENCE = """
SELECT DISTINCT ?body ?document ?title ?start ?sentence ?text WHERE {
  ?annotation oa:hasBody ?body ;
    oa:hasTarget ?target .
  ?target oa:hasSource ?document ;
    ccg:sentence ?sentence .
  ?sentence nif:anchorOf ?text ;
    nif:beginIndex ?start .
  ?document dcterms:title ?title .
}
ORDER BY ?document ?start
"""
_SIGNATURES = "SELECT DISTINCT ?a ?b ?body WHERE { ?body ccg:signedBy ?b ; ccg:signed ?a } ORDER BY ?body"
_POSTS = "SELECT DISTINCT ?a ?b ?body WHERE { ?a org:holds ?body . ?body org:postIn ?b } ORDER BY ?body"


@dataclass(frozen=True)
class Evidence:
    document: str
    title: str
    sentence: str


@dataclass(frozen=True)
class Hop:
    source: str
    source_label: str
    relation: str
    target: str
    target_label: str
    evidence: Evidence | None
    stated_in: tuple[str, ...]


@dataclass
class Explanation:
    first: str
    first_label: str
    second: str
    second_label: str
    paths: list[list[Hop]] = field(default_factory=list)
    total_paths: int = 0


def resolve(store: GraphStore, value: str, nodes: Any) -> str:
    """An entity of the graph named by label or IRI; unknown, ambiguous or not an entity raise."""
    candidates = {iri: label for iri, label in entity_candidates(store, value).items() if iri in nodes}
    if len(candidates) > 1:
        listing = "; ".join(f"{nodes[iri]['label']} <{iri}>" for iri in sorted(candidates))
        raise QueryError(f"{value!r} names {len(candidates)} entities: {listing}; give one IRI")
    if candidates:
        return next(iter(candidates))
    iri = find_entity(store, value, label="explain").value  # raises with suggestions when unknown
    raise QueryError(
        f"{value!r} (<{iri}>) is not a city, organisation, person, declaration or proposal, so no path can join it"
    )


def explain(store: GraphStore, first: str, second: str, *, max_paths: int = 5) -> Explanation:
    """The shortest paths between two entities, up to `max_paths`, each hop with its evidence."""
    import networkx as nx

    graph = entity_graph(store)
    a = resolve(store, first, graph.nodes)
    b = resolve(store, second, graph.nodes)
    label = lambda iri: graph.nodes[iri]["label"]  # noqa: E731
    result = Explanation(a, label(a), b, label(b))
    if a == b:
        raise QueryError(f"{first!r} and {second!r} are the same entity <{a}>")
    try:
        paths = sorted(nx.all_shortest_paths(graph, a, b), key=lambda p: [label(n) for n in p])
    except nx.NetworkXNoPath:
        raise QueryError(
            f"no path joins {label(a)} and {label(b)}: they lie in separate parts of the graph"
        ) from None
    result.total_paths = len(paths)
    for path in paths[:max_paths]:
        hops: list[Hop] = []
        for u, v in pairwise(path):
            predicate, source, target, role = sorted(graph[u][v]["relations"])[0]
            words = RELATIONS.get(predicate, predicate.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
            if role:
                words += f" (as {role})"
            if source != u:
                words = _INVERSE_LABELS.get(RELATIONS.get(predicate, ""), "is related to") + (
                    f" (as {role})" if role else ""
                )
            stated_in = _stated_in(store, source, predicate, target)
            evidence = _evidence(store, predicate, source, target, (label(u), label(v)), stated_in)
            hops.append(Hop(u, label(u), words, v, label(v), evidence, stated_in))
        result.paths.append(hops)
    return result


def _rows(store: GraphStore, text: str, **terms: ox.NamedNode) -> list[Any]:
    return list(
        store.oxigraph.query(  # type: ignore[arg-type]
            text,
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            substitutions={ox.Variable(k): v for k, v in terms.items()},
        )
    )


def _stated_in(store: GraphStore, source: str, predicate: str, target: str) -> tuple[str, ...]:
    query = "SELECT DISTINCT ?a ?p ?b ?graph WHERE { GRAPH ?graph { ?a ?p ?b } } ORDER BY ?graph"
    if predicate == "http://www.w3.org/ns/org#holds":
        query = (
            "SELECT DISTINCT ?a ?b ?graph WHERE { GRAPH ?graph { ?a org:holds ?post . ?post org:postIn ?b } } "
            "ORDER BY ?graph"
        )
        rows = _rows(store, query, a=ox.NamedNode(source), b=ox.NamedNode(target))
    else:
        rows = _rows(store, query, a=ox.NamedNode(source), p=ox.NamedNode(predicate), b=ox.NamedNode(target))
    return tuple(row["graph"].value for row in rows)


def _evidence(
    store: GraphStore,
    predicate: str,
    source: str,
    target: str,
    labels: tuple[str, str],
    stated_in: tuple[str, ...],
) -> Evidence | None:
    """The sentence that best attests a relation, from a document that states it: one naming both ends if any.

    None when only reference data states the relation.
    """
    label_u, label_v = labels
    documents = {e for e in stated_in if "/document/" in e}
    a, b = ox.NamedNode(source), ox.NamedNode(target)
    if predicate == str(CCG.signatory):
        bodies = [row["body"] for row in _rows(store, _SIGNATURES, a=a, b=b)]
    elif predicate == "http://www.w3.org/ns/org#holds":
        bodies = [row["body"] for row in _rows(store, _POSTS, a=a, b=b)]
        bodies.append(a)
    elif predicate == str(CCG.proposes):
        bodies = [b]
    else:
        bodies = [a, b]
    found: list[Evidence] = []
    for body in bodies:
        for row in _rows(store, _EVIDENCE, body=body):
            if row["document"].value in stated_in:
                found.append(
                    Evidence(row["document"].value, row["title"].value, _CONTROL.sub(" ", row["text"].value))
                )
        if found and body is not bodies[-1] and predicate != "http://www.w3.org/ns/org#holds":
            break
    if not found:
        return None

    longer, shorter = sorted((label_u.lower(), label_v.lower()), key=len, reverse=True)

    def names(evidence: Evidence) -> int:
        # "Birmingham" inside "University of Birmingham" does not name the city
        text = evidence.sentence.lower()
        return (longer in text) + (shorter in text.replace(longer, " "))

    # a sentence naming both ends first; among those, the shortest, which says the least else
    best = sorted(found, key=lambda e: (-names(e), len(e.sentence), e.document, e.sentence))[0]
    if names(best) < 2 and not all(graph in documents for graph in stated_in):
        return None  # reference data states it; a sentence naming only one end would not show it
    return best


def render(explanation: Explanation) -> str:
    """The paths as text: each hop, its relation, the sentence it came from and the document."""
    count = explanation.total_paths
    hops = len(explanation.paths[0]) if explanation.paths else 0
    out = [
        f"{explanation.first_label} and {explanation.second_label}: "
        f"{count} shortest path{'s' if count != 1 else ''} of {hops} hop{'s' if hops != 1 else ''}"
        + (f" (showing {len(explanation.paths)})" if len(explanation.paths) < count else "")
        + "."
    ]
    for number, path in enumerate(explanation.paths, start=1):
        out += ["", f"Path {number}: " + " → ".join([path[0].source_label] + [h.target_label for h in path])]
        for hop in path:
            out.append(f"  {hop.source_label} —{hop.relation}→ {hop.target_label}")
            if hop.evidence is not None:
                out.append(f"      “{' '.join(hop.evidence.sentence.split())}”")
                out.append(f"      source: {hop.evidence.title} <{hop.evidence.document}>")
            elif hop.stated_in:
                links = [g for g in hop.stated_in if g.endswith("/graph/links")]
                out.append(
                    f"      from reference data <{links[0]}>"
                    if links
                    else f"      stated in <{hop.stated_in[0]}>"
                )
    return "\n".join(out) + "\n"
