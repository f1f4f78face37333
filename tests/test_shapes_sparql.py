"""The shapes compiled to SPARQL give pySHACL's results, violation for violation, constraint by constraint."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF, XSD

from corecities_graph.errors import ShapesError
from corecities_graph.store import validate as validate_module
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.shapes_local import Triples
from corecities_graph.store.shapes_sparql import Check, compile_shapes, targeted_objects
from corecities_graph.store.validate import (
    CHECK_BATCH,
    DocumentCheck,
    check_build,
    check_document,
    local_violations,
    ontology_file,
    validate_changed,
    validate_graph,
)

VALID = Path(__file__).resolve().parent / "fixtures" / "shapes" / "valid.ttl"
DOC = ox.NamedNode("https://example.org/corecities/id/document/d1")
LINKS = ox.NamedNode("https://example.org/corecities/id/graph/links")
BAD_IRI = rdflib.URIRef("https://example.org/corecities/id/nowhere")
CHECKS = compile_shapes(ontology_file("shapes.ttl"))


def _key(check: Check) -> str:
    return f"{check.shape.rsplit('#', 1)[-1]}/{check.path.rsplit('/', 1)[-1].strip('<>') or '(node)'}/{check.constraint}"


def _valid() -> rdflib.Graph:
    return rdflib.Graph().parse(VALID, format="turtle")


OTHER = ox.NamedNode("https://example.org/corecities/id/document/other")


def _fast(
    data: rdflib.Graph, links: rdflib.Graph | None = None, *, partial: bool = False
) -> set[tuple[str, ...]]:
    """What validate_changed finds in DOC; with `partial`, as a build that wrote DOC into a store
    holding another document already (the graphs copied into memory batch by batch)."""
    store = GraphStore(None)
    earlier = _valid() if partial else None
    for graph, name in ((data, DOC), (links, LINKS), (earlier, OTHER)):
        if graph is not None and len(graph):
            store.oxigraph.load(
                graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=name
            )
    return {
        (v.focus, v.path, v.shape, v.constraint, v.value)
        for v in validate_changed(store, [DOC], LINKS).violations
    }


def _nt(graph: rdflib.Graph | None) -> bytes:
    """A graph as Oxigraph writes it in N-Triples, which is how a worker hands a document on."""
    store = ox.Store()
    if graph is not None and len(graph):
        store.load(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""


def _local(data: rdflib.Graph, links: rdflib.Graph | None = None) -> set[tuple[str, ...]]:
    """What a worker's check (each check's Python form) finds in one document with its links."""
    triples = Triples([_nt(data), _nt(links)], targeted_objects(ontology_file("shapes.ttl")))
    return {(v.focus, v.path, v.shape, v.constraint, v.value) for v in local_violations(triples, CHECKS)}


def _reference(data: rdflib.Graph) -> set[tuple[str, ...]]:
    # What the store holds: Oxigraph keeps one term per value ("53.80" and "53.800" are one decimal).
    store = ox.Store()
    store.load(data.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    stored = ox.serialize(store, format=ox.RdfFormat.N_QUADS) or b""
    data = rdflib.Graph().parse(data=stored.decode(), format="nt")
    return {(v.focus, v.path, v.shape, v.constraint, v.value) for v in validate_graph(data).violations}


def _focus_nodes(data: rdflib.Graph, check: Check) -> list[rdflib.term.Node]:
    store = ox.Store()
    store.load(data.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    shape = rdflib.URIRef(check.shape)
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    found = {s for c in shapes.objects(shape, SH.targetClass) for s in data.subjects(RDF.type, c)}
    found |= {o for p in shapes.objects(shape, SH.targetObjectsOf) for o in data.objects(None, p)}
    return sorted(found, key=str)


def _other(value: rdflib.term.Node) -> rdflib.term.Node:
    """A second value unlike the first, of the same kind."""
    if isinstance(value, rdflib.Literal):
        return rdflib.Literal(str(value) + "1", datatype=value.datatype, lang=value.language)
    return rdflib.URIRef(str(value) + "-other")


def _bad(check: Check, value: rdflib.term.Node | None) -> rdflib.term.Node:
    """A value that breaks this constraint (and, as far as can be, only this one)."""
    kind = check.constraint
    if kind == "Datatype":
        # A well-formed literal of another datatype: pySHACL lets ill-typed values pass sh:maxInclusive.
        string = isinstance(value, rdflib.Literal) and value.datatype in (None, XSD.string)
        return rdflib.Literal(5) if string else rdflib.Literal("x")
    if kind == "NodeKind":
        return rdflib.Literal("not an IRI")
    if kind in ("Pattern", "Class"):
        return BAD_IRI if isinstance(value, rdflib.URIRef) else rdflib.Literal("no match")
    if kind == "MinLength":
        return rdflib.Literal("")
    if kind == "In":
        return rdflib.Literal("none of these")
    if kind == "Or":
        return rdflib.Literal("true", datatype=XSD.boolean)
    assert isinstance(value, rdflib.Literal), check
    if kind == "MinInclusive":
        return rdflib.Literal("-1000", datatype=value.datatype)
    if kind == "MaxInclusive":
        return rdflib.Literal("1000", datatype=value.datatype)
    raise AssertionError(f"no way to break {kind}")


def _break(data: rdflib.Graph, check: Check) -> rdflib.term.Node:
    """Break one focus node's constraint in place; return the focus node."""
    focus = _focus_nodes(data, check)
    assert focus, f"{_key(check)}: nothing in {VALID.name} to break"
    path = rdflib.URIRef(check.path[1:-1]) if check.path else None
    if path is None:
        node = focus[0]
        if check.constraint == "Class":
            # Keep the targeted type, drop the class the shape requires.
            shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
            for cls in shapes.objects(
                rdflib.URIRef(check.shape), rdflib.URIRef("http://www.w3.org/ns/shacl#class")
            ):
                data.remove((node, RDF.type, cls))
            return node
        if check.constraint == "NodeKind":
            # The same node under a blank node, or a literal where an IRI is wanted.
            subject = next(iter(data.subjects(rdflib.OWL.sameAs, node)), None)
            if subject is not None:
                data.add((subject, rdflib.OWL.sameAs, rdflib.Literal("Q1")))
                return node
            blank = rdflib.BNode()
            for p, o in list(data.predicate_objects(node)):
                data.add((blank, p, o))
            return blank
        # A node-level value test (IdentifierShape's pattern): a new target that breaks it.
        data.add((rdflib.URIRef(str(focus[0]).replace("://", "://bad.")), rdflib.OWL.sameAs, BAD_IRI))
        subject = next(iter(data.subjects(rdflib.OWL.sameAs, focus[0])))
        data.add((subject, rdflib.OWL.sameAs, BAD_IRI))
        data.add(
            (
                BAD_IRI,
                rdflib.URIRef("https://example.org/corecities/ontology#identifierSource"),
                rdflib.Literal("test"),
            )
        )
        return BAD_IRI
    with_values = [f for f in focus if (f, path, None) in data] or focus
    node = with_values[0]
    values = sorted(data.objects(node, path), key=str)
    kind = check.constraint
    if kind in ("MinCount", "HasValue", "QualifiedMinCount"):
        data.remove((node, path, None))
    elif kind == "MaxCount":
        data.add((node, path, _other(values[0]) if values else BAD_IRI))
        data.add((node, path, _other(_other(values[0])) if values else rdflib.URIRef(str(BAD_IRI) + "2")))
    elif kind == "LessThan":
        data.remove((node, path, None))
        data.add((node, path, rdflib.Literal(10**6)))
    else:
        data.remove((node, path, None))
        data.add((node, path, _bad(check, values[0] if values else None)))
    return node


def test_valid_fixture_conforms_in_both() -> None:
    assert _fast(_valid()) == set() == _reference(_valid()) == _local(_valid())
    assert check_document(_nt(_valid()), b"").conforms


def test_links_graph_counts_with_the_document() -> None:
    """A document whose cities' coordinates are in the links graph: the two together conform."""
    data = _valid()
    links = rdflib.Graph()
    for triple in list(data.triples((None, rdflib.URIRef("https://schema.org/latitude"), None))):
        data.remove(triple)
        links.add(triple)
    assert len(links)
    assert _fast(data, links) == set()


@pytest.mark.parametrize("check", CHECKS, ids=_key)
def test_one_broken_constraint_gives_the_same_violations(check: Check) -> None:
    data = _valid()
    before = set(data)
    _break(data, check)
    assert set(data) != before, "the change changed nothing"
    reference = _reference(data)
    assert reference, f"{_key(check)}: pySHACL finds nothing wrong"
    assert (check.shape.rsplit("#", 1)[-1], check.constraint) in {(r[2], r[3]) for r in reference}
    assert _fast(data) == reference
    assert _fast(data, partial=True) == reference
    # A worker's check is never more lenient; where it is stricter (a length test on a number,
    # see shapes_local.py), the store's check decides what is reported.
    assert reference <= _local(data)
    assert not check_document(_nt(data), b"").conforms


def test_a_build_into_a_larger_store_checks_every_batch_it_wrote() -> None:
    """A later build checks the graphs it wrote in batches copied into memory: a broken graph in
    the last batch is found, as a first build of that batch alone finds it, and the graphs it did
    not write are not checked again."""
    check = next(c for c in sorted(CHECKS, key=_key) if not c.per_document and c.constraint == "Datatype")
    broken = _valid()
    _break(broken, check)
    alone = _fast(broken)
    assert alone

    def loaded(graphs: list[ox.NamedNode]) -> GraphStore:
        store = GraphStore(None)
        for name in graphs:
            data = broken if name in (names[-1], OTHER) else _valid()
            store.oxigraph.load(
                data.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=name
            )
        return store

    def violations(store: GraphStore, graphs: list[ox.NamedNode]) -> set[tuple[str, ...]]:
        found = validate_changed(store, graphs, LINKS).violations
        return {(v.focus, v.path, v.shape, v.constraint, v.value) for v in found}

    names = [ox.NamedNode(f"https://example.org/corecities/id/document/d{i}") for i in range(CHECK_BATCH + 3)]
    last_batch = names[CHECK_BATCH:]
    found = violations(loaded([*names, OTHER]), names)
    assert alone <= found
    assert found == violations(loaded(last_batch), last_batch)
    assert validate_changed(loaded([*names, OTHER]), names[:-1], LINKS).conforms  # OTHER was not written


@pytest.mark.parametrize(
    "constraint",
    [
        "sh:path [ sh:inversePath schema:name ] ; sh:minCount 1",
        "sh:path schema:name ; sh:node ccgsh:PublisherShape",
        "sh:path schema:name ; sh:maxLength 3 ; sh:uniqueLang true",
        "sh:path schema:name ; sh:xone ( [ sh:datatype xsd:string ] )",
        "sh:path schema:name ; sh:severity sh:Warning ; sh:minCount 1",
    ],
)
def test_a_constraint_the_compiler_does_not_know_fails_loudly(tmp_path: Path, constraint: str) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        ontology_file("shapes.ttl").read_text()
        + f"\nccgsh:Extra a sh:NodeShape ; sh:targetClass schema:Person ; sh:property [ {constraint} ] .\n"
    )
    with pytest.raises(ShapesError, match=rf"^{shapes}: shape "):
        compile_shapes(shapes)


def test_a_sparql_constraint_fails_loudly(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        ontology_file("shapes.ttl").read_text()
        + '\nccgsh:Extra a sh:NodeShape ; sh:targetClass schema:Person ; sh:sparql [ sh:select "SELECT $this {}" ] .\n'
    )
    with pytest.raises(ShapesError, match=r"sh:sparql is not supported"):
        compile_shapes(shapes)


def test_seed_build_conforms_in_both(seed_out: Path) -> None:
    store = GraphStore.open(seed_out, read_only=True)
    graphs = [g for g in store.oxigraph.named_graphs() if "/document/" in g.value]
    assert graphs
    assert validate_changed(store, graphs, LINKS).conforms


def test_a_broken_graph_among_many_is_found_in_its_batch() -> None:
    """The per-document checks read the graphs in batches: a graph in a later batch is checked too."""
    check = next(c for c in CHECKS if c.per_document and c.constraint == "MinCount")
    broken = _valid()
    _break(broken, check)
    alone = _fast(broken)
    assert alone
    store = GraphStore(None)
    count = 2 * CHECK_BATCH + 3
    names = [ox.NamedNode(f"https://example.org/corecities/id/document/d{i}") for i in range(count)]
    for i, name in enumerate(names):
        data = broken if i == count - 2 else _valid()
        store.oxigraph.load(
            data.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=name
        )
    found = {
        (v.focus, v.path, v.shape, v.constraint, v.value)
        for v in validate_changed(store, names, LINKS).violations
    }
    assert found == alone


SOFTWARE = rdflib.URIRef("https://example.org/corecities/id/software/corecities-graph/0.1.0")
LEEDS = rdflib.URIRef("https://example.org/corecities/id/city/leeds")
SCHEMA = rdflib.Namespace("https://schema.org/")


def _written(
    documents: list[tuple[rdflib.Graph, rdflib.Graph | None]],
) -> tuple[GraphStore, list[ox.NamedNode], dict[str, DocumentCheck]]:
    """A store as a first build leaves it: each document's graph, the links of them all, and
    what the worker found checking each document with its own links."""
    store = GraphStore(None)
    names = [ox.NamedNode(f"https://example.org/corecities/id/document/w{i}") for i in range(len(documents))]
    checked = {}
    for name, (data, links) in zip(names, documents, strict=True):
        triples, link_triples = _nt(data), _nt(links)
        store.oxigraph.load(triples, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        if link_triples:
            store.oxigraph.load(link_triples, format=ox.RdfFormat.N_TRIPLES, to_graph=LINKS)
        checked[name.value] = check_document(triples, link_triples)
    return store, names, checked


def _error(store: GraphStore, names: list[ox.NamedNode], checked: dict[str, DocumentCheck] | None) -> str:
    with pytest.raises(ShapesError) as failure:
        check_build(store, names, LINKS, checked)
    return str(failure.value)


def _latitude(value: str) -> rdflib.Graph:
    links = rdflib.Graph()
    links.add((LEEDS, SCHEMA.latitude, rdflib.Literal(value, datatype=XSD.decimal)))
    return links


def test_documents_that_conform_alone_are_not_checked_again_in_the_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With every worker's check passed and nothing the union alone can break, the store's own
    check (validate_changed) is not run."""
    store, names, checked = _written([(_valid(), _latitude("53.79648")), (_valid(), _latitude("53.79648"))])
    assert all(c.conforms for c in checked.values())

    def refuse(*args: object) -> None:
        raise AssertionError("the store's own check ran")

    monkeypatch.setattr(validate_module, "validate_changed", refuse)
    check_build(store, names, LINKS, checked)


def test_a_violation_only_the_union_of_two_documents_shows_fails_the_build() -> None:
    """Two documents, each conforming with its links, that between them give the software two
    names: the build fails with the store's own report, as it did before the workers checked."""
    other = _valid()
    other.set((SOFTWARE, SCHEMA.name, rdflib.Literal("another name")))
    store, names, checked = _written([(_valid(), None), (other, None)])
    assert all(c.conforms for c in checked.values())
    message = _error(store, names, checked)
    assert message == _error(store, names, None)
    assert message.startswith("the build output does not conform to the shapes (1 violation): <")
    assert "0.1.0> schema:name: More than 1 values" in message


def test_two_documents_links_that_disagree_fail_the_build() -> None:
    """Each document's links give Leeds one latitude, a different one: only the links graph,
    which holds both, breaks sh:maxCount."""
    data = _valid()
    data.remove((LEEDS, SCHEMA.latitude, None))
    store, names, checked = _written([(data, _latitude("53.79648")), (data, _latitude("53.8"))])
    assert all(c.conforms for c in checked.values())
    message = _error(store, names, checked)
    assert message == _error(store, names, None)
    assert "city/leeds> schema:latitude: More than 1 values" in message


def test_a_node_typed_in_another_documents_links_is_checked_with_each_document() -> None:
    """A city typed in one document's links and named only in that document's graph: with the
    other document and the links graph it has no name, which the store's check reports."""
    nowhere = rdflib.URIRef("https://example.org/corecities/id/city/nowhere")
    links = rdflib.Graph()
    links.add((nowhere, RDF.type, SCHEMA.City))
    named = _valid()
    named.add((nowhere, SCHEMA.name, rdflib.Literal("Nowhere")))
    store, names, checked = _written([(_valid(), None), (named, links)])
    assert all(c.conforms for c in checked.values())
    message = _error(store, names, checked)
    assert message == _error(store, names, None)
    assert "city/nowhere> schema:name: Less than 1 values" in message


def test_a_document_its_worker_found_wrong_fails_the_build_with_the_stores_report() -> None:
    broken = _valid()
    broken.remove((SOFTWARE, SCHEMA.softwareVersion, None))
    store, names, checked = _written([(_valid(), None), (broken, None), (_valid(), None)])
    assert [c.conforms for c in checked.values()] == [True, False, True]
    message = _error(store, names, checked)
    assert message == _error(store, names, None)
    assert "0.1.0> schema:softwareVersion: Less than 1 values" in message


def test_a_build_into_a_larger_store_checks_the_union_of_what_it_wrote() -> None:
    """A store that holds a graph this build did not write: two written documents that disagree
    fail the build with the store's own report; a graph not written is not checked again."""
    other = _valid()
    other.set((SOFTWARE, SCHEMA.name, rdflib.Literal("another name")))
    store, names, checked = _written([(_valid(), None), (other, None), (_valid(), None)])
    message = _error(store, names, checked)
    assert message == _error(store, names, None)
    assert "0.1.0> schema:name: More than 1 values" in message
    check_build(store, [names[0], names[2]], LINKS, checked)
