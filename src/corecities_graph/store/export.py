"""Serialisations of the store, written atomically and in a stable order."""

from __future__ import annotations

import errno
import functools
import itertools
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from ..errors import StoreError
from ..graph.vocab import PREFIXES
from ..stages import Observer, Stages, stages_of

if TYPE_CHECKING:
    from .embedded import GraphStore


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: never half a file."""
    write_atomic_with(path, lambda out: out.write(data))


def _key(term: object) -> tuple[int, str]:
    kind = 0 if isinstance(term, ox.NamedNode) else 1 if isinstance(term, ox.BlankNode) else 2
    return kind, str(term)


def sorted_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The union of all graphs as distinct triples, sorted."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(triples, key=lambda t: (_key(t.subject), _key(t.predicate), _key(t.object)))


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    return sorted(
        quads,
        key=lambda q: (_key(q.graph_name), _key(q.subject), _key(q.predicate), _key(q.object)),
    )


def write_dumps(store: ox.Store, out: Path, stages: Observer | Stages | None = None) -> list[Path]:
    """graph.ttl (all triples) and graph.trig (one named graph per source), streamed from the store;
    `stages` hears each file start and end."""
    report = stages_of(stages)
    written = []
    for name, fmt in (("graph.ttl", "ttl"), ("graph.trig", "trig")):
        path = out / name
        with report.stage(name):
            write_atomic_with(path, functools.partial(stream_rdf, store, fmt))
        written.append(path)
    return written


def write_atomic_with(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Let `write(file)` fill a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    out = os.fdopen(handle, "wb")

    def fill() -> None:
        write(out)
        out.flush()
        os.fsync(out.fileno())

    try:
        _while_listening(fill)
        out.close()
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _while_listening(work: Callable[[], object]) -> None:
    """Run `work` in a thread while this one waits. A dump of a large store is one long call into
    Oxigraph, which lets go of the interpreter; waiting here keeps Ctrl-C and SIGTERM answered at
    once instead of after the call returns (the caller then drops the half-written file)."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the waiting thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="corecities-writer", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.1)
    if failure:
        raise failure[0]


# The union of the store's graphs, one graph at a time in the order of Oxigraph's own indexes
# (which follows from the quads alone, so the same store gives the same bytes): the default
# graph first, then each named graph in the order of the graph index, each graph's triples in
# the order of its index. A triple that several graphs hold is written where the first of them
# comes. Most subjects of a document graph (its annotations, selectors and sentences) are said in
# that graph alone: one look at the subject-first index, which lists the default graph first and
# then a subject's triples with their graphs, shows that, and all of the subject's triples are
# written. For a subject said elsewhere too (an entity every release names), each triple is
# looked up, and kept where its first graph is this one. So nothing of the size of the store is
# held: not a DISTINCT set of every triple, not a list of subjects; only one subject's triples.
# These are the bytes, in the same order, that a CONSTRUCT over SELECT DISTINCT of the union
# gave, without holding its DISTINCT set.


def union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every distinct triple of the union of the store's graphs, streamed graph by graph."""
    quads = store.quads_for_pattern
    for quad in quads(None, None, None, ox.DefaultGraph()):
        yield quad.triple
    for graph in store.named_graphs():
        for _subject, said in itertools.groupby(quads(None, None, None, graph), key=lambda q: q.subject):
            yield from _first_copies(store, list(said), graph)


def _first_copies(
    store: ox.Store, said: list[ox.Quad], graph: ox.NamedNode | ox.BlankNode
) -> Iterator[ox.Triple]:
    """The triples of one subject in `graph` that no graph before it holds."""
    quads = store.quads_for_pattern
    if all(quad.graph_name == graph for quad in quads(said[0].subject, None, None, None)):
        yield from (quad.triple for quad in said)
        return
    for quad in said:
        if next(iter(quads(quad.subject, quad.predicate, quad.object))).graph_name == graph:
            yield quad.triple


# A store in memory keeps no ordered indexes to stream from; its quads are in memory anyway, so
# Oxigraph's DISTINCT union costs nothing more there.
_DISTINCT_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def stream_rdf(store: ox.Store, fmt: str, output: BinaryIO, *, in_memory: bool = False) -> None:
    """Write the store in one RDF format without holding it in Python: trig and nq keep one
    named graph per document; ttl, nt and rdfxml hold the union of all graphs, streamed graph by
    graph from an on-disk store (`in_memory`: the store has no path)."""
    rdf_format = RDF_FORMATS[fmt]
    prefixes = PREFIXES if fmt in ("ttl", "trig", "rdfxml") else None
    try:
        if fmt in ("trig", "nq"):
            store.dump(output, rdf_format, prefixes=prefixes)
        else:
            triples: Iterable[ox.Triple] = (
                store.query(_DISTINCT_UNION, use_default_graph_as_union=True)  # type: ignore[assignment]
                if in_memory
                else union_triples(store)
            )
            ox.serialize(triples, output, rdf_format, prefixes=prefixes)
    except BrokenPipeError:
        raise  # the reader of a pipe went away: not the graph's fault, and not an error to report
    except (OSError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            raise
        raise StoreError(f"cannot serialise the graph: {exc}") from exc


# --- export: every format, from the store ---------------------------------------------------

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
EXPORT_FORMATS = (*RDF_FORMATS, "jsonld", "graphml", "csv")
SUFFIXES = {
    ".ttl": "ttl", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".rdf": "rdfxml", ".xml": "rdfxml",
    ".jsonld": "jsonld", ".json": "jsonld", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv",
}  # fmt: skip
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "https://schema.org/name",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
)


def curie(iri: str) -> str:
    """prefix:local for the namespaces in PREFIXES, else the IRI itself."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def export_stream(store: GraphStore, fmt: str, output: BinaryIO) -> None:
    """Write the dataset in one format; RDF graph formats hold the union of all named graphs."""
    if fmt in RDF_FORMATS:
        stream_rdf(store.oxigraph, fmt, output, in_memory=store.path is None)
    elif fmt == "jsonld":
        output.write(jsonld(store.quads()))
    elif fmt == "graphml":
        output.write(graphml(store.quads()))
    elif fmt == "csv":
        output.write(csv_tables(store.quads())[1])
    else:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def export_bytes(store: GraphStore, fmt: str) -> bytes:
    """The dataset in one format, in memory: for small stores and tests."""
    import io

    buffer = io.BytesIO()
    export_stream(store, fmt, buffer)
    return buffer.getvalue()


def export_files(store: GraphStore, fmt: str, target: Path) -> list[Path]:
    """Write one format atomically to target; csv writes NAME-nodes.csv and NAME-edges.csv beside it."""
    if fmt != "csv":
        write_atomic_with(target, lambda output: export_stream(store, fmt, output))
        return [target]
    nodes, edges = csv_tables(store.quads())
    stem = target.name.removesuffix(".csv")
    paths = [target.with_name(f"{stem}-nodes.csv"), target.with_name(f"{stem}-edges.csv")]
    for path, data in zip(paths, (nodes, edges), strict=True):
        write_atomic(path, data)
    return paths


def _context() -> dict[str, str]:
    import json
    from importlib.resources import files

    text = (files("corecities_graph.store") / "ontology" / "context.jsonld").read_text(encoding="utf-8")
    context: dict[str, str] = json.loads(text)["@context"]
    return context


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"@id": term.value}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    assert isinstance(term, ox.Literal)
    value = {"@value": term.value}
    if term.language:
        value["@language"] = term.language
    elif term.datatype.value != _XSD_STRING:
        value["@type"] = curie(term.datatype.value)
    return value


def jsonld(quads: list[ox.Quad]) -> bytes:
    """JSON-LD with the context of ontology/context.jsonld inlined (no fetch), one object per named graph."""
    import json

    graphs: dict[str, dict[str, dict[str, object]]] = {}
    for quad in sorted_quads(quads):
        name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        subject = _json_term(quad.subject)["@id"]
        node = graphs.setdefault(name, {}).setdefault(subject, {"@id": subject})
        if quad.predicate.value == _RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node.setdefault("@type", []).append(curie(quad.object.value))  # type: ignore[attr-defined]
        else:
            node.setdefault(curie(quad.predicate.value), []).append(_json_term(quad.object))  # type: ignore[attr-defined]
    top: list[object] = list(graphs.pop("", {}).values())
    top += [{"@id": name, "@graph": list(nodes.values())} for name, nodes in sorted(graphs.items())]
    document = {"@context": _context(), "@graph": top}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


class _Projection:
    """Resources as nodes, links between them as edges, literals as node attributes."""

    def __init__(self, quads: list[ox.Quad]) -> None:
        self.literals: dict[str, dict[str, list[str]]] = {}
        self.types: dict[str, list[str]] = {}
        self.edges: list[tuple[str, str, str]] = []
        for triple in sorted_triples(quads):
            subject = _node_id(triple.subject)
            self.literals.setdefault(subject, {})
            predicate = curie(triple.predicate.value)
            if isinstance(triple.object, ox.Literal):
                self.literals[subject].setdefault(predicate, []).append(triple.object.value)
            elif triple.predicate.value == _RDF_TYPE:
                self.types.setdefault(subject, []).append(curie(_node_id(triple.object)))
            else:
                target = _node_id(triple.object)
                self.literals.setdefault(target, {})
                self.edges.append((subject, target, predicate))
        self.attributes = sorted({p for values in self.literals.values() for p in values})

    def label(self, node: str) -> str:
        values = self.literals.get(node, {})
        for predicate in _LABELS:
            if values.get(curie(predicate)):
                return values[curie(predicate)][0]
        return node.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def kind(self, node: str) -> str:
        """The node's most specific-looking type: our own first, then schema.org, then any."""
        types = self.types.get(node, [])
        for prefix in ("ccg:", "schema:", ""):
            for name in types:
                if name.startswith(prefix):
                    return name
        return ""


def _node_id(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    assert isinstance(term, ox.NamedNode)
    return term.value


def graphml(quads: list[ox.Quad]) -> bytes:
    """GraphML for Gephi: nodes with label, kind, types and literal attributes; edges with the predicate."""
    import networkx as nx

    view = _Projection(quads)
    graph = nx.MultiDiGraph()
    for node in sorted(view.literals):
        attributes = {
            "label": view.label(node),
            "kind": view.kind(node),
            "types": " ".join(view.types.get(node, [])),
        }
        attributes |= {name: " | ".join(values) for name, values in sorted(view.literals[node].items())}
        graph.add_node(node, **attributes)
    for source, target, predicate in view.edges:
        graph.add_edge(source, target, label=predicate, predicate=predicate)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', *nx.generate_graphml(graph, prettyprint=True)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def csv_tables(quads: list[ox.Quad]) -> tuple[bytes, bytes]:
    """(nodes, edges) as CSV for spreadsheets and Gephi's spreadsheet import: Id/Label, Source/Target/Label."""
    import csv
    import io

    view = _Projection(quads)
    nodes, edges = io.StringIO(), io.StringIO()
    node_writer, edge_writer = csv.writer(nodes, lineterminator="\n"), csv.writer(edges, lineterminator="\n")
    node_writer.writerow(["Id", "Label", "Kind", "Types", *view.attributes])
    for node in sorted(view.literals):
        values = view.literals[node]
        row = [node, view.label(node), view.kind(node), " ".join(view.types.get(node, []))]
        node_writer.writerow(row + [" | ".join(values.get(name, [])) for name in view.attributes])
    edge_writer.writerow(["Source", "Target", "Label", "Source label", "Target label"])
    for source, target, predicate in view.edges:
        edge_writer.writerow([source, target, predicate, view.label(source), view.label(target)])
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")
