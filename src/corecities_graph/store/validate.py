"""SHACL: check a graph against ontology/shapes.ttl and report what does not conform."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import InputError, ShapesError
from ..graph.vocab import PREFIXES

if TYPE_CHECKING:
    import rdflib

    from .embedded import GraphStore
    from .shapes_local import Triples
    from .shapes_sparql import Check

SHAPES = "shapes.ttl"
DCAT_SHAPES = "dcat-shapes.ttl"
# A first build writes every document; pyshacl slows down more than linearly on larger graphs, so a
# build validates its documents ten at a time (each batch with the links graph).
BATCH = 10
# The compiled per-document checks read this many document graphs at a time: Oxigraph's cost for a
# query over N named graphs grows faster than N (1,000 graphs at once took 2.5x as long as 32 at a
# time), and smaller batches only add queries.
CHECK_BATCH = 32
SHAPES_NS = "https://example.org/corecities/shapes#"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


def ontology_file(name: str) -> Path:
    """A file of the ontology shipped with the package (shapes, ontology, JSON-LD context)."""
    return Path(str(files("corecities_graph.store") / "ontology" / name))


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    shape: str
    value: str = ""
    severity: str = "Violation"
    # The SHACL constraint component, without its namespace and "ConstraintComponent": "MinCount".
    constraint: str = ""


@dataclass
class Report:
    """What pyshacl found: conforms when there is no violation."""

    violations: list[Violation] = field(default_factory=list)
    nodes: int = 0

    @property
    def conforms(self) -> bool:
        return not self.violations

    def extend(self, other: Report) -> None:
        known = set(self.violations)
        self.violations += [v for v in other.violations if v not in known]
        self.nodes += other.nodes


def _short(term: str) -> str:
    if term.startswith(SHAPES_NS):
        return term[len(SHAPES_NS) :]
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if term.startswith(namespace):
            return f"{prefix}:{term[len(namespace) :]}"
    return f"<{term}>" if "://" in term else term


def _to_rdflib(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    import rdflib

    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


def validate_graph(data: rdflib.Graph, shapes: str = SHAPES) -> Report:
    """Validate one rdflib graph against a shapes file of the package's ontology folder."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    shapes_graph = rdflib.Graph().parse(ontology_file(shapes), format="turtle")
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=True)
    assert isinstance(results, rdflib.Graph)
    report = Report(nodes=len(set(data.subjects())))
    owner: dict[object, object] = {prop: shape for shape, prop in shapes_graph.subject_objects(SH.property)}
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):

        def one(predicate: rdflib.URIRef, result: rdflib.term.Node = result) -> str:
            value = results.value(result, predicate)
            if value is None:
                return ""
            if isinstance(value, rdflib.BNode):
                return "(path expression)" if predicate == SH.resultPath else "(blank node)"
            return _short(str(value))

        report.violations.append(
            Violation(
                focus=one(SH.focusNode),
                path=one(SH.resultPath),
                message=str(results.value(result, SH.resultMessage) or "does not conform"),
                shape=_shape_name(results.value(result, SH.sourceShape), owner),
                value=one(SH.value),
                severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                constraint=_component(results.value(result, SH.sourceConstraintComponent)),
            )
        )
    report.violations.sort(key=lambda v: (v.shape, v.focus, v.path, v.message, v.value))
    return report


def _component(component: object) -> str:
    return str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent") if component else ""


def _shape_name(shape: object, owner: dict[object, object]) -> str:
    """A property shape is named after the node shape that holds it."""
    return _short(str(owner.get(shape, shape))) if shape is not None else ""


def validate_quads(quads: Iterable[ox.Quad], shapes: str = SHAPES) -> Report:
    return validate_graph(_to_rdflib(quads), shapes)


def validate_store(store: GraphStore) -> Report:
    """Everything in the store, as the union of its named graphs."""
    return validate_quads(store.quads())


def validate_file(path: Path) -> Report:
    """A Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD file, by its extension."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF format; use one of {', '.join(sorted(_FORMATS))}")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: cannot read as {fmt.name}: {str(exc).splitlines()[0]}") from exc
    return validate_quads(quads)


def validate_batches(store: GraphStore, graphs: Sequence[ox.NamedNode], links: ox.NamedNode) -> Report:
    """pySHACL on the graphs one build wrote, ten at a time, each batch with the links graph."""
    oxi = store.oxigraph
    link_quads = list(oxi.quads_for_pattern(None, None, None, links))
    report = Report()
    batches = [graphs[i : i + BATCH] for i in range(0, len(graphs), BATCH)] or [[]]
    for batch in batches:
        quads = list(link_quads)
        for graph in batch:
            quads += oxi.quads_for_pattern(None, None, None, graph)
        report.extend(validate_quads(quads))
    return report


def validate_changed(
    store: GraphStore, graphs: Sequence[ox.NamedNode], links: ox.NamedNode, shapes: str = SHAPES
) -> Report:
    """The graphs one build wrote, checked inside the store by the shapes compiled to SPARQL.

    Each document graph counts with the links graph (see shapes_sparql.py for the two scopes). A
    union-scope constraint is one query; a per-document one is one query per CHECK_BATCH graphs,
    so the cost follows the change. Where the graphs are only part of the store, each batch is
    checked in a copy in memory instead. The queries run on a thread per core.
    """
    from .shapes_sparql import Scope, compile_shapes

    oxi = store.oxigraph
    union = [*graphs, links]
    # The compiled queries read rdf:type alone; data that types through rdfs:subClassOf goes to pySHACL.
    subclass = f"ASK {{ ?a <{RDFS_SUBCLASS}> ?b }}"
    if oxi.query(subclass, default_graph=union):  # type: ignore[arg-type]
        return validate_batches(store, graphs, links)
    held = oxi.query(f"SELECT DISTINCT ?p ?c {{ GRAPH {links} {{ ?s ?p ?o OPTIONAL {{ ?s a ?c }} }} }}")
    in_links = frozenset(str(row[k]) for row in held for k in ("p", "c") if row[k] is not None)  # type: ignore[union-attr]
    checks = compile_shapes(ontology_file(shapes))
    per_document = [(c, c.query(Scope(True, in_links=in_links))) for c in checks if c.per_document]
    whole = [(c, c.query(Scope(False))) for c in checks if not c.per_document]
    batches = [list(graphs[i : i + CHECK_BATCH]) for i in range(0, len(graphs), CHECK_BATCH)] or [[links]]
    if not set(oxi.named_graphs()) <= set(union):
        # Some documents of a larger store changed. Over a part of the store the union-scope
        # queries would follow each pattern through a list of graphs, which Oxigraph does slowly,
        # so each batch of written graphs is copied with the links graph into a store in memory
        # and every check runs there: each batch with the links graph, as pySHACL's batches did,
        # but CHECK_BATCH documents at a time (the union-scope checks only gain violations from
        # more data, so this is at least as strict).
        with ThreadPoolExecutor(max_workers=_workers()) as pool:
            parts = pool.map(lambda batch: _checked_apart(oxi, batch, links, per_document, whole), batches)
            found = {v for violations in parts for v in violations}
        return _report(found)

    def run(task: Sequence[ox.NamedNode] | tuple[Check, str]) -> list[Violation]:
        if isinstance(task, tuple):
            check, query = task
            return _violations(check, oxi.query(query, use_default_graph_as_union=True))
        return _per_document(oxi, task, links, per_document)

    # Oxigraph evaluates a query without holding the interpreter, so the queries share the cores.
    tasks: list[Sequence[ox.NamedNode] | tuple[Check, str]] = [*whole, *batches]
    with ThreadPoolExecutor(max_workers=_workers()) as pool:
        found = {v for violations in pool.map(run, tasks) for v in violations}
    return _report(found)


def _report(found: Iterable[Violation]) -> Report:
    report = Report()
    report.violations = sorted(found, key=lambda v: (v.shape, v.focus, v.path, v.message, v.value))
    return report


def _checked_apart(
    oxi: ox.Store,
    batch: Sequence[ox.NamedNode],
    links: ox.NamedNode,
    per_document: Sequence[tuple[Check, str]],
    whole: Sequence[tuple[Check, str]],
) -> list[Violation]:
    """Every check on a copy of these graphs and the links graph, in memory."""
    scratch = ox.Store()
    for graph in {links, *batch}:
        scratch.extend(oxi.quads_for_pattern(None, None, None, graph))
    found = _per_document(scratch, batch, links, per_document)
    for check, query in whole:
        found += _violations(check, scratch.query(query, use_default_graph_as_union=True))
    return found


def _per_document(
    oxi: ox.Store,
    batch: Sequence[ox.NamedNode],
    links: ox.NamedNode,
    per_document: Sequence[tuple[Check, str]],
) -> list[Violation]:
    """The per-document checks over a batch of document graphs, each with the links graph."""
    found = []
    for check, query in per_document:
        found += _violations(check, oxi.query(query, default_graph=links, named_graphs=list(batch)))
    return found


def _violations(check: Check, rows: object) -> list[Violation]:
    """The rows of one compiled check, as violations."""
    found = []
    for row in rows:  # type: ignore[attr-defined]
        value = row["v"] if check.value else None
        found.append(
            Violation(
                focus=_term(row["f"]),
                path=_short(check.path[1:-1]) if check.path else "",
                message=check.message,
                shape=_short(check.shape),
                value=_term(value) if value is not None else "",
                constraint=check.constraint,
            )
        )
    return found


def _workers() -> int:
    """One query at a time per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    return "(blank node)" if isinstance(term, ox.BlankNode) else _short(term.value)  # type: ignore[union-attr]


@dataclass(frozen=True)
class DocumentCheck:
    """What a worker found checking one document's graph, with its own links, against the shapes."""

    conforms: bool
    # An 8-byte digest of each node the document graph's triples hang on (Triples.nodes): the
    # build looks again at the nodes that more than one graph speaks of.
    keys: bytes = b""


def _digest(term: str) -> bytes:
    return hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()


def check_document(triples: bytes, links: bytes, shapes: str = SHAPES) -> DocumentCheck:
    """Check one document's graph (N-Triples) with its links, in memory, before it is stored.

    Every compiled check runs here in Python (shapes_local.py), over the document and the links it
    brings. conforms=False says only that the store must look (check_build); a graph with blank
    nodes or rdfs:subClassOf is always left to the store.
    """
    from .shapes_local import Triples
    from .shapes_sparql import compile_shapes, targeted_objects

    path = ontology_file(shapes)
    data = Triples([triples], targeted_objects(path))
    keys = data.nodes()
    data.extend(links)
    # Blank nodes are named anew by each load into the store: leave a graph with any to the store.
    if f"<{RDFS_SUBCLASS}>" in data.subjects or b"_:" in triples or b"_:" in links:
        return DocumentCheck(False)
    if next(local_violations(data, compile_shapes(path)), None) is not None:
        return DocumentCheck(False)
    return DocumentCheck(True, b"".join(_digest(k) for k in sorted(keys)))


def local_violations(data: Triples, checks: Iterable[Check]) -> Iterator[Violation]:
    """The violations the checks' Python forms find in one document's triples (shapes_local.py)."""
    for check in checks:
        if check.local is None:
            continue
        for focus, value in check.local(data):
            yield Violation(
                focus=_nt_term(focus),
                path=_short(check.path[1:-1]) if check.path else "",
                message=check.message,
                shape=_short(check.shape),
                value=_nt_term(value) if check.value and value is not None else "",
                constraint=check.constraint,
            )


def _nt_term(term: str) -> str:
    """A term written as N-Triples, shown as _term shows the store's terms."""
    from .shapes_local import literal

    if term.startswith("_:"):
        return "(blank node)"
    parsed = literal(term)
    return _short(parsed[0] if parsed is not None else term[1:-1])


def _conforms_as_checked(
    store: GraphStore,
    graphs: Sequence[ox.NamedNode],
    links: ox.NamedNode,
    checked: Mapping[str, DocumentCheck],
    shapes: str = SHAPES,
) -> bool:
    """True when the workers' checks of each document, with what only the union can get wrong,
    show that validate_changed would find nothing; False when the store must be asked.

    validate_changed checks each document graph with the whole links graph (per-document
    constraints) and the union of the graphs (union-scope ones). A worker checked each document
    with its own links, every constraint. What that can miss:
    - a per-document constraint at a node that another document's links target: the links graph
      is checked alone, which a per-document constraint finds at least as wrong as with any
      document added;
    - a union-scope constraint broken only by triples from more than one graph, or by two
      documents' links: its focus node is then one that several of the written graphs and the
      links graph speak of (a shared key), so the union-scope checks run again for those nodes
      alone, over what the written graphs and the links graph hold about them (in a build that
      changed part of a store, more than each batch validate_changed reads: at least as strict).
    """
    from .shapes_local import Triples
    from .shapes_sparql import Scope, compile_shapes, targeted_objects

    path = ontology_file(shapes)
    checks = compile_shapes(path)
    if any(c.local is None or not c.about_focus for c in checks):
        return False
    if not graphs or not all(checked.get(g.value, DocumentCheck(False)).conforms for g in graphs):
        return False
    oxi = store.oxigraph
    targets = targeted_objects(path)
    link_triples = oxi.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=links) or b""
    in_links = Triples([link_triples], targets)
    if f"<{RDFS_SUBCLASS}>" in in_links.subjects or b"_:" in link_triples:
        return False
    if any(next(c.local(in_links), None) is not None for c in checks if c.local is not None):
        return False
    shared = _shared(oxi, graphs, checked, in_links.nodes(), targets)
    if not shared:
        return True
    # What the union holds about the shared nodes, once each, in memory: a small graph, since most
    # of it is the same triples written by many documents.
    values = "VALUES ?f { " + " ".join(sorted(shared)) + " }"
    # Over the written graphs and the links graph: where those are the whole store, as its union.
    written = [*graphs, links]
    whole_store = set(oxi.named_graphs()) <= set(written)
    scope: dict[str, object] = (
        {"use_default_graph_as_union": True} if whole_store else {"default_graph": written}
    )
    scratch = ox.Store()
    # The triples about each node, and those that point at it with a predicate a shape targets.
    for pattern in ["?f ?p ?o", *(f"?x {p} ?f" for p in sorted(targets))]:
        found = oxi.query(f"CONSTRUCT {{ {pattern} }} WHERE {{ {values} {pattern} }}", **scope)  # type: ignore[arg-type]
        scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in found)  # type: ignore[union-attr]
    whole = Scope(False)
    return not any(any(True for _ in scratch.query(c.query(whole))) for c in checks if not c.per_document)  # type: ignore[union-attr]


def _shared(
    oxi: ox.Store,
    graphs: Sequence[ox.NamedNode],
    checked: Mapping[str, DocumentCheck],
    link_keys: set[str],
    targets: frozenset[str],
) -> set[str]:
    """The nodes that more than one of the written graphs and the links graph speak of.

    The workers sent digests, not names: a shared node the links graph does not name is named
    by reading the first written graph that holds its digest. (Two nodes with one digest, one
    chance in 2**64 for each pair, would make one of them look shared when it is not: checked
    again for nothing.)
    """
    import numpy as np

    arrays = [np.frombuffer(checked[g.value].keys, dtype=np.uint64) for g in graphs]
    by_digest = {_digest(k): k for k in link_keys}
    arrays.append(np.frombuffer(b"".join(by_digest), dtype=np.uint64))
    digests, counts = np.unique(np.concatenate(arrays), return_counts=True)
    wanted = {d.tobytes() for d in digests[counts > 1]}
    found = {by_digest[d] for d in wanted & by_digest.keys()}
    missing = np.frombuffer(b"".join(sorted(wanted - by_digest.keys())), dtype=np.uint64)
    readers: list[ox.NamedNode] = []
    for graph, keys in zip(graphs, arrays, strict=False):
        if not len(missing):
            break
        held = np.isin(missing, keys)
        if held.any():
            readers.append(graph)
            missing = missing[~held]
    if readers:
        pointed = " UNION ".join(f"{{ ?x {p} ?k }}" for p in sorted(targets))
        names = f"{{ ?k ?p ?o }} UNION {pointed}" if pointed else "?k ?p ?o"
        query = f"SELECT DISTINCT ?k WHERE {{ VALUES ?g {{ {' '.join(str(g) for g in readers)} }} GRAPH ?g {{ {names} }} }}"
        rest = wanted - by_digest.keys()
        for row in oxi.query(query):  # type: ignore[union-attr]
            term = str(row["k"])  # type: ignore[index]
            if _digest(term) in rest:
                found.add(term)
    return found


def check_build(
    store: GraphStore,
    graphs: Sequence[ox.NamedNode],
    links: ox.NamedNode,
    checked: Mapping[str, DocumentCheck] | None = None,
) -> None:
    """Raise ShapesError when what this build wrote does not conform: that is a bug in the build.

    `checked` holds what the workers found for each document (check_document): where it settles
    the question, the store is asked only about the nodes the graphs share; otherwise, and always
    for the report, the store's own check (validate_changed) decides.
    """
    if checked is not None and _conforms_as_checked(store, graphs, links, checked):
        return
    report = validate_changed(store, graphs, links)
    if not report.conforms:
        first = "; ".join(_line(v) for v in report.violations[:3])
        raise ShapesError(
            f"the build output does not conform to the shapes ({len(report.violations)} "
            f"violation{'s' if len(report.violations) != 1 else ''}): {first}"
        )


def check_description(path: Path) -> None:
    """Raise ShapesError when the dataset description a build wrote breaks ontology/dcat-shapes.ttl."""
    report = validate_quads(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE), DCAT_SHAPES)
    if not report.conforms:
        first = "; ".join(_line(v) for v in report.violations[:3])
        raise ShapesError(
            f"{path}: the dataset description does not conform to the DCAT/VoID shapes: {first}"
        )


def _line(violation: Violation) -> str:
    path = f" {violation.path}" if violation.path else ""
    return f"{violation.focus}{path}: {violation.message}"


def format_report(report: Report, source: str) -> str:
    """Readable text: violations grouped by shape, each with focus node, path and message."""
    if report.conforms:
        return f"{source}: conforms ({report.nodes} nodes checked).\n"
    lines = [f"{source}: does not conform: {len(report.violations)} violations."]
    shape = None
    for violation in report.violations:
        if violation.shape != shape:
            shape = violation.shape
            count = sum(1 for v in report.violations if v.shape == shape)
            lines += ["", f"{shape} ({count})"]
        value = (
            f" [value {violation.value}]" if violation.value and violation.value != violation.focus else ""
        )
        lines.append(f"  {violation.focus}  {violation.path or '(node)'}: {violation.message}{value}")
    return "\n".join(lines) + "\n"
