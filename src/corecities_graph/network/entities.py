"""The entity graph as a file for Gephi and spreadsheets: GraphML, GEXF, or a nodes and an edges table.

The same projection `analyse` measures (cities, organisations, people, declarations, proposals),
drawn with directed edges named in plain words (signed, member of, located in, holds post in, said,
proposes), each node carrying its kind, label, links out
and every measure of the analysis. A person is tied straight to the organisation a post is in,
the post's role the edge's label, so a 1-hop neighbourhood of a person shows where they work.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..graph.vocab import CCG
from ..store.embedded import GraphStore
from ..store.export import write_atomic
from .analyse import _select, analyse_graph, entity_graph

if TYPE_CHECKING:
    import networkx as nx

ENTITY_FORMATS = ("graphml", "gexf", "csv")

# Each relation read forwards as the entity graph stores it -> (plain words, whether the edge is
# drawn backwards so that it reads subject-verb-object: a university *signed* the declaration).
PLAIN_RELATIONS: dict[str, tuple[str, bool]] = {
    str(CCG.signatory): ("signed", True),
    str(CCG.proposes): ("proposes", False),
    "https://schema.org/location": ("located in", False),
    str(CCG.memberCity): ("member of", True),
    "http://www.w3.org/ns/org#hasMember": ("member of", True),
    "http://www.w3.org/ns/org#holds": ("holds post in", False),
}

_SAID = (
    "SELECT DISTINCT ?person ?declaration WHERE { ?quote a schema:Quotation ; schema:creator ?person ; "
    "schema:isPartOf ?doc . ?doc schema:about ?declaration }"
)
_LINKS = "SELECT DISTINCT ?entity ?same WHERE { ?entity owl:sameAs ?same }"
_TYPES = "SELECT DISTINCT ?entity ?type WHERE { ?entity ccg:institutionType/skos:notation ?type }"
_GEXF_DATE = re.compile(rb' lastmodifieddate="[^"]*"')


def entity_network(store: GraphStore) -> nx.MultiDiGraph:
    """The entity graph with its measures as node attributes and plain-word relations as edges."""
    import networkx as nx

    graph = entity_graph(store)
    analysis = analyse_graph(graph)
    links: dict[str, set[str]] = {}
    for row in _select(store, _LINKS):
        links.setdefault(row["entity"].value, set()).add(row["same"].value)
    types: dict[str, set[str]] = {}
    for row in _select(store, _TYPES):
        types.setdefault(row["entity"].value, set()).add(row["type"].value)
    out = nx.MultiDiGraph()
    for node in sorted(analysis.nodes, key=lambda n: n.iri):
        out.add_node(
            node.iri,
            label=node.label,
            kind=node.kind,
            type=" ".join(sorted(types.get(node.iri, ()))),
            links=" ".join(sorted(links.get(node.iri, ()))),
            degree=node.degree,
            degree_centrality=node.degree_centrality,
            betweenness=node.betweenness,
            eigenvector=node.eigenvector,
            community=node.community,
            component=node.component,
        )
    edges = set()
    for _a, _b, data in graph.edges(data=True):
        for predicate, source, target, role in data["relations"]:
            relation, backwards = PLAIN_RELATIONS[predicate]
            if backwards:
                source, target = target, source
            edges.add((source, target, relation, role))
    # "said": who was quoted in a release about a declaration; the quote itself is not an entity
    for row in _select(store, _SAID):
        person, declaration = row["person"].value, row["declaration"].value
        if person in out and declaration in out:
            edges.add((person, declaration, "said", ""))
    for source, target, relation, role in sorted(edges):
        out.add_edge(source, target, label=role or relation, relation=relation, post=role)
    return out


def entity_bytes(store: GraphStore, fmt: str) -> bytes:
    """The entity graph as GraphML or GEXF, or (for csv) its edges table: the same store, the same bytes."""
    network = entity_network(store)
    if fmt == "graphml":
        import networkx as nx

        lines = ['<?xml version="1.0" encoding="UTF-8"?>', *nx.generate_graphml(network, prettyprint=True)]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "gexf":
        import networkx as nx

        text = "\n".join(nx.generate_gexf(network, prettyprint=True)).encode("utf-8")
        # GEXF's writer stamps today's date in its meta element; without it two builds match.
        return _GEXF_DATE.sub(b"", text).rstrip(b"\n") + b"\n"
    if fmt == "csv":
        return entity_tables(network)[1]
    raise ValueError(f"the entity graph is written as {', '.join(ENTITY_FORMATS)}, not {fmt}")


_NODE_COLUMNS = (
    "kind", "type", "links", "degree", "degree_centrality", "betweenness", "eigenvector", "community",
    "component",
)  # fmt: skip


def write_entity_files(store: GraphStore, fmt: str, target: Path) -> list[Path]:
    """Write the entity graph atomically to target; csv writes NAME-nodes.csv and NAME-edges.csv beside it."""
    if fmt != "csv":
        write_atomic(target, entity_bytes(store, fmt))
        return [target]
    stem = target.name.removesuffix(".csv")
    paths = [target.with_name(f"{stem}-nodes.csv"), target.with_name(f"{stem}-edges.csv")]
    for path, data in zip(paths, entity_tables(entity_network(store)), strict=True):
        write_atomic(path, data)
    return paths


def entity_tables(network: nx.MultiDiGraph) -> tuple[bytes, bytes]:
    """(nodes, edges) as CSV with Gephi's spreadsheet-import headers: Id, Label; Source, Target, Label."""
    nodes, edges = io.StringIO(), io.StringIO()
    node_writer = csv.writer(nodes, lineterminator="\n")
    node_writer.writerow(["Id", "Label", *(c.replace("_", " ").capitalize() for c in _NODE_COLUMNS)])
    for iri, data in network.nodes(data=True):
        node_writer.writerow([iri, data["label"], *(data[c] for c in _NODE_COLUMNS)])
    edge_writer = csv.writer(edges, lineterminator="\n")
    edge_writer.writerow(["Source", "Target", "Label", "Relation", "Post", "Source label", "Target label"])
    for source, target, data in network.edges(data=True):
        edge_writer.writerow(
            [
                source,
                target,
                data["label"],
                data["relation"],
                data["post"],
                network.nodes[source]["label"],
                network.nodes[target]["label"],
            ]
        )
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")
