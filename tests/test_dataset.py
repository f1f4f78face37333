"""void.ttl: VoID statistics and linksets with a DCAT entry, checked by ontology/dcat-shapes.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import DCAT, DCTERMS, OWL, SH, VOID

from corecities_graph.cli import cli
from corecities_graph.store.dataset import DEFAULT_LICENCE, sparql_endpoint
from corecities_graph.store.validate import DCAT_SHAPES, ontology_file, validate_graph

ROOT = Path(__file__).resolve().parents[1]
ID = "https://example.org/corecities/id/"
DATASET = rdflib.URIRef(ID + "dataset")
DCAT_NS = "https://example.org/corecities/dcat-shapes#"
HEADER = (
    "PREFIX dcat: <http://www.w3.org/ns/dcat#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX void: <http://rdfs.org/ns/void#>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
    f"BASE <{ID}>\n"
)
BREAKS = {
    "DatasetShape": "DELETE WHERE { <dataset> dcterms:license ?l }",
    "VoidDatasetShape": "DELETE WHERE { <dataset/target/ror> void:uriSpace ?s }",
    "ClassPartitionShape": "DELETE WHERE { ?p void:class <https://schema.org/City> ; void:entities ?n }",
    "PropertyPartitionShape": "DELETE WHERE { <dataset/property/ccg-nation> void:triples ?n }",
    "LinksetShape": "DELETE WHERE { <dataset/linkset/ror> void:linkPredicate ?p }",
    "DistributionShape": "DELETE WHERE { <dataset/distribution/ttl> dcat:downloadURL ?u }",
    "DataServiceShape": "DELETE WHERE { <dataset/service/sparql> dcat:endpointURL ?u }",
    "PublisherShape": "DELETE WHERE { <agent/publisher> foaf:name ?n }",
}


def _void(out: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(out / "void.ttl", format="turtle")


def test_seed_description_conforms(seed_out: Path) -> None:
    report = validate_graph(_void(seed_out), DCAT_SHAPES)
    assert report.conforms, report.violations


def test_every_dcat_shape_has_a_violating_fixture() -> None:
    shapes = rdflib.Graph().parse(ontology_file(DCAT_SHAPES), format="turtle")
    names = sorted(str(s).removeprefix(DCAT_NS) for s in shapes.subjects(rdflib.RDF.type, SH.NodeShape))
    assert sorted(BREAKS) == names


@pytest.mark.parametrize(("shape", "update"), sorted(BREAKS.items()))
def test_dcat_shape_reports_its_violation(seed_out: Path, shape: str, update: str) -> None:
    graph = _void(seed_out)
    before = len(graph)
    graph.update(HEADER + update)
    assert len(graph) < before
    report = validate_graph(graph, DCAT_SHAPES)
    assert shape in {v.shape.rsplit("#", 1)[-1].strip("<>") for v in report.violations}, report.violations


def test_description_counts_the_graph(seed_out: Path) -> None:
    void, dump = _void(seed_out), rdflib.Graph().parse(seed_out / "graph.ttl", format="turtle")
    assert int(void.value(DATASET, VOID.triples)) == len(dump)
    assert int(void.value(DATASET, VOID.properties)) == len(set(dump.predicates()))
    assert int(void.value(DATASET, VOID.classes)) == len(set(dump.objects(None, rdflib.RDF.type)))
    for partition in void.objects(DATASET, VOID.propertyPartition):
        prop = void.value(partition, VOID.property)
        assert int(void.value(partition, VOID.triples)) == len(list(dump.triples((None, prop, None)))), prop


@pytest.mark.parametrize(
    ("key", "space"),
    [
        ("wikidata", "http://www.wikidata.org/entity/"),
        ("ror", "https://ror.org/"),
        ("geonames", "https://sws.geonames.org/"),
    ],
)
def test_one_linkset_per_target(seed_out: Path, key: str, space: str) -> None:
    void, dump = _void(seed_out), rdflib.Graph().parse(seed_out / "graph.ttl", format="turtle")
    linkset = rdflib.URIRef(f"{ID}dataset/linkset/{key}")
    links = [o for o in dump.objects(None, OWL.sameAs) if str(o).startswith(space)]
    assert links
    assert int(void.value(linkset, VOID.triples)) == len(links)
    assert void.value(linkset, VOID.linkPredicate) == OWL.sameAs
    assert str(void.value(void.value(linkset, VOID.objectsTarget), VOID.uriSpace)) == space


def test_description_dates_licence_endpoint_and_places(seed_out: Path) -> None:
    void = _void(seed_out)
    text = (seed_out / "void.ttl").read_text(encoding="utf-8")
    for prop in ("issued", "modified"):  # the seed is built with SOURCE_DATE_EPOCH=1600000000
        assert f'dcterms:{prop} "2020-09-13T12:26:40Z"^^xsd:dateTime' in text
    assert str(void.value(DATASET, DCTERMS.license)) == DEFAULT_LICENCE
    assert str(void.value(DATASET, VOID.sparqlEndpoint)) == "https://example.org/sparql"
    spatial = {str(o) for o in void.objects(DATASET, DCTERMS.spatial)}
    assert "https://sws.geonames.org/2644688/" in spatial  # Leeds, by its GeoNames IRI
    assert ID + "nation/england" in spatial
    dumps = {str(o) for o in void.objects(DATASET, VOID.dataDump)}
    assert dumps == {"https://example.org/graph.ttl", "https://example.org/graph.trig"}
    formats = {str(void.value(d, DCTERMS.format)) for d in void.objects(DATASET, DCAT.distribution)}
    assert len(formats) == 8


def test_licence_and_base_iri_options(tmp_path: Path, seed_copy: Path) -> None:
    licence = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    args = ["build", str(seed_copy), "--out", str(tmp_path / "out"), "--licence", licence]
    result = CliRunner().invoke(cli, [*args, "--base-iri", "https://data.example.net/cc/id/"])
    assert result.exit_code == 0, result.output
    void = _void(tmp_path / "out")
    dataset = rdflib.URIRef("https://data.example.net/cc/id/dataset")
    assert str(void.value(dataset, DCTERMS.license)) == licence
    assert str(void.value(dataset, VOID.sparqlEndpoint)) == "https://data.example.net/sparql"
    assert sparql_endpoint("https://data.example.net/cc/id/") == "https://data.example.net/sparql"


def test_rebuild_without_source_date_epoch_keeps_void_identical(
    tmp_path: Path, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """issued/modified come from the stored extraction runs, so an unchanged rebuild changes nothing."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(seed_copy), "--out", str(out)]).exit_code == 0
    first = (out / "void.ttl").read_bytes()
    assert CliRunner().invoke(cli, ["build", str(seed_copy), "--out", str(out)]).exit_code == 0
    assert (out / "void.ttl").read_bytes() == first
