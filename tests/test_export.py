"""Export formats: each RDF format round-trips through a second parser; every output is reproducible."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import graph_diff, isomorphic

from corecities_graph.cli import cli
from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.document import Document
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.export import EXPORT_FORMATS, export_bytes
from corecities_graph.store.validate import ontology_file

ROOT = Path(__file__).resolve().parents[1]
# rdflib 7's own Dataset.parse still calls its deprecated default_context and identifier.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.identifier is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning"),
]
# our name -> (pyoxigraph format, rdflib format name, keeps named graphs)
RDF = {
    "ttl": (ox.RdfFormat.TURTLE, "turtle", False),
    "nt": (ox.RdfFormat.N_TRIPLES, "nt", False),
    "rdfxml": (ox.RdfFormat.RDF_XML, "xml", False),
    "trig": (ox.RdfFormat.TRIG, "trig", True),
    "nq": (ox.RdfFormat.N_QUADS, "nquads", True),
    "jsonld": (ox.RdfFormat.JSON_LD, "json-ld", True),
}
SECOND = (
    "Leeds and Sheffield leaders back new civic fund\n\n"
    "The University of Sheffield and Leeds City Council signed an agreement on Monday.\n"
)


def _rdflib_term(term: object) -> rdflib.term.Node:
    """A pyoxigraph term as an rdflib term, built directly (no parser in between)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _reference(quads: list[ox.Quad], named: bool) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    for q in quads:
        graph = dataset.graph(rdflib.URIRef(q.graph_name.value)) if named else dataset.default_graph
        graph.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
    return dataset


def _assert_isomorphic(expected: rdflib.Graph, actual: rdflib.Graph, what: str) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(expected, actual)
        missing = sorted(only_expected.serialize(format="nt").splitlines())[:5]
        extra = sorted(only_actual.serialize(format="nt").splitlines())[:5]
        pytest.fail(f"{what}: not isomorphic\nmissing: {missing}\nextra: {extra}")


def _assert_same_dataset(expected: rdflib.Dataset, actual: rdflib.Dataset, named: bool, what: str) -> None:
    if not named:
        _assert_isomorphic(expected.default_graph, actual.default_graph, what)
        return
    names = {g.identifier for g in expected.graphs() if len(g)}
    assert names == {g.identifier for g in actual.graphs() if len(g)}, what
    for name in sorted(names):
        _assert_isomorphic(expected.graph(name), actual.graph(name), f"{what} graph {name}")


@pytest.fixture(scope="module")
def seed_store(seed_out: Path) -> GraphStore:
    return GraphStore.open(seed_out, read_only=True)


@pytest.fixture(scope="module")
def seed_quads(seed_store: GraphStore) -> list[ox.Quad]:
    return seed_store.quads()


@pytest.mark.parametrize("fmt", sorted(RDF))
def test_export_read_back_by_rdflib(seed_store: GraphStore, seed_quads: list[ox.Quad], fmt: str) -> None:
    """What pyoxigraph (or our JSON-LD writer) writes, rdflib reads as the same graph."""
    _, rdflib_format, named = RDF[fmt]
    data = export_bytes(seed_store, fmt)
    actual = rdflib.Dataset()
    if named:
        actual.parse(data=data, format=rdflib_format)
    else:
        actual.default_graph.parse(data=data, format=rdflib_format)
    _assert_same_dataset(_reference(seed_quads, named), actual, named, f"{fmt} read by rdflib")


@pytest.mark.parametrize("fmt", sorted(RDF))
def test_export_read_back_by_pyoxigraph(seed_store: GraphStore, seed_quads: list[ox.Quad], fmt: str) -> None:
    ox_format, _, named = RDF[fmt]
    parsed = list(ox.parse(export_bytes(seed_store, fmt), format=ox_format))
    expected = {(q.subject, q.predicate, q.object, q.graph_name if named else None) for q in seed_quads}
    actual = {(q.subject, q.predicate, q.object, q.graph_name if named else None) for q in parsed}
    assert actual == expected


@pytest.mark.parametrize("fmt", sorted(RDF))
def test_rdflib_output_read_by_pyoxigraph(seed_quads: list[ox.Quad], fmt: str) -> None:
    """And the other way: what rdflib writes, pyoxigraph reads as the same graph."""
    ox_format, rdflib_format, named = RDF[fmt]
    reference = _reference(seed_quads, named)
    source = reference if named else reference.default_graph
    data = source.serialize(format=rdflib_format, encoding="utf-8")
    parsed = list(ox.parse(data, format=ox_format))
    # rdflib writes xsd:dateTime in its canonical form (+00:00 for Z): compare values, not spellings.
    assert {_key(q, named) for q in parsed} == {_key(q, named) for q in seed_quads}


def _key(quad: ox.Quad, named: bool) -> tuple[object, ...]:
    graph = quad.graph_name.value if named and isinstance(quad.graph_name, ox.NamedNode) else None
    return (*(_rdflib_term(t) for t in (quad.subject, quad.predicate, quad.object)), graph)


def test_jsonld_context_is_the_shipped_file_and_the_prefixes(seed_store: GraphStore) -> None:
    shipped = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))
    assert shipped["@context"] == PREFIXES
    document = json.loads(export_bytes(seed_store, "jsonld"))
    assert document["@context"] == shipped["@context"]
    assert any(item.get("@id") == DEFAULT_BASE_IRI + "graph/links" for item in document["@graph"])


def test_graphml_for_gephi(seed_store: GraphStore) -> None:
    graph = nx.read_graphml(io.BytesIO(export_bytes(seed_store, "graphml")))
    leeds = graph.nodes[DEFAULT_BASE_IRI + "city/leeds"]
    assert leeds["label"] == "Leeds"
    assert leeds["kind"] == "schema:City"
    assert leeds["schema:name"] == "Leeds"
    assert all(not str(n).startswith('"') for n in graph.nodes)  # literals are attributes, not nodes
    predicates = {data["predicate"] for _, _, data in graph.edges(data=True)}
    assert {"ccg:signatory", "schema:location", "owl:sameAs"} <= predicates
    assert "rdf:type" not in predicates


def test_csv_tables(tmp_path: Path, seed_out: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--out", str(seed_out), "-o", str(tmp_path / "graph.csv")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "graph-nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with (tmp_path / "graph-edges.csv").open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert not (tmp_path / "graph.csv").exists()
    ids = {row["Id"] for row in nodes}
    assert all(row["Source"] in ids and row["Target"] in ids for row in edges)
    leeds_uni = next(
        row for row in nodes if row["Id"] == DEFAULT_BASE_IRI + "organisation/university-of-leeds"
    )
    assert (leeds_uni["Label"], leeds_uni["Kind"], leeds_uni["ccg:ukprn"]) == (
        "University of Leeds",
        "schema:CollegeOrUniversity",
        "10007795",
    )
    stdout = CliRunner().invoke(cli, ["export", "--out", str(seed_out), "--format", "csv"])
    assert stdout.output.splitlines()[0] == "Source,Target,Label,Source label,Target label"
    assert len(stdout.output.splitlines()) == len(edges) + 1


def test_export_to_file_by_suffix_and_to_stdout(tmp_path: Path, seed_out: Path) -> None:
    target = tmp_path / "g.trig"
    result = CliRunner().invoke(cli, ["-q", "export", "--out", str(seed_out), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (seed_out / "graph.trig").read_bytes()
    stdout = CliRunner().invoke(cli, ["export", "--out", str(seed_out)])
    assert stdout.output.encode() == (seed_out / "graph.ttl").read_bytes()


def test_export_without_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--out", str(tmp_path), "--format", "nt"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: no graph store here")


def _build(out: Path, paths: list[Path], documents: list[Document] = ()) -> None:  # type: ignore[assignment]
    build(paths, BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI), documents=documents)


def test_two_builds_give_identical_bytes_in_every_format(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        _build(out, [seed_copy])
        store = GraphStore.open(out, read_only=True)
        files = {f.name: f.read_bytes() for f in out.iterdir() if f.is_file() and not f.name.startswith(".")}
        files |= {f"export.{fmt}": export_bytes(store, fmt) for fmt in EXPORT_FORMATS}
        outputs.append(files)
    assert {"graph.ttl", "graph.trig", "void.ttl", "report.md", "view.html"} <= set(outputs[0])
    for name in sorted(outputs[0]):
        assert outputs[0][name] == outputs[1][name], f"{name} differs between two builds"


def _iris(out: Path) -> set[str]:
    store = GraphStore.open(out, read_only=True).oxigraph
    return {
        term.value
        for q in store.quads_for_pattern(None, None, None, None)
        for term in (q.subject, q.object)
        if isinstance(term, ox.NamedNode) and term.value.startswith(DEFAULT_BASE_IRI)
    }


def test_iris_are_stable_across_builds_and_a_second_document(tmp_path: Path, seed_copy: Path) -> None:
    _build(tmp_path / "a", [seed_copy])
    _build(tmp_path / "b", [seed_copy])
    first = _iris(tmp_path / "a")
    assert first == _iris(tmp_path / "b")
    assert DEFAULT_BASE_IRI + "organisation/university-of-leeds" in first
    assert DEFAULT_BASE_IRI + "city/leeds" in first
    seed_graph = ox.NamedNode(DEFAULT_BASE_IRI + "document/declaration")
    before = set(
        GraphStore.open(tmp_path / "a", read_only=True).oxigraph.quads_for_pattern(
            None, None, None, seed_graph
        )
    )
    shutil.copytree(tmp_path / "a", tmp_path / "c")
    _build(tmp_path / "c", [seed_copy], [Document(doc_id="second", text=SECOND, title="Second")])
    after = _iris(tmp_path / "c")
    assert first <= after
    assert after - first, "the second document added nothing"
    store = GraphStore.open(tmp_path / "c", read_only=True).oxigraph
    assert set(store.quads_for_pattern(None, None, None, seed_graph)) == before
    assert DEFAULT_BASE_IRI + "document/second" in after
