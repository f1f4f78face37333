"""SHACL shapes: each has a conforming and a violating fixture; the seed build conforms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import SH

from corecities_graph.cli import cli
from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.errors import ShapesError
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from corecities_graph.store import validate as validate_module
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.validate import ontology_file, validate_graph, validate_store

ROOT = Path(__file__).resolve().parents[1]
VALID = Path(__file__).resolve().parent / "fixtures" / "shapes" / "valid.ttl"
SHAPES_NS = "https://example.org/corecities/shapes#"
ID = "https://example.org/corecities/id/"
HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + f"BASE <{ID}>\n"

# shape -> a SPARQL update that breaks exactly one thing of the valid fixture
BREAKS = {
    "SourceDocumentShape": "DELETE WHERE { <document/d1> ccg:contentHash ?h } ;"
    " INSERT DATA { <document/d1> ccg:contentHash 'md5:abc' }",
    "PublisherShape": "DELETE WHERE { <publisher/core-cities> schema:name ?n }",
    "ExtractionRunShape": "DELETE WHERE { ?r prov:startedAtTime ?t } ;"
    " INSERT DATA { <run/d1/000000000000> prov:startedAtTime 'yesterday' }",
    "SoftwareShape": "DELETE WHERE { ?s schema:softwareVersion ?v }",
    "AnnotationShape": "DELETE WHERE { ?a oa:motivatedBy ?m }",
    "TargetShape": "DELETE WHERE { ?t oa:hasSelector <annotation/d1/a1#quote> }",
    "PositionSelectorShape": "DELETE WHERE { ?p oa:start ?s } ; INSERT DATA { <annotation/d1/a1#position> oa:start 9 }",
    "QuoteSelectorShape": "DELETE WHERE { ?q oa:exact ?e } ; INSERT DATA { <annotation/d1/a1#quote> oa:exact '' }",
    "SentenceShape": "DELETE WHERE { ?s nif:anchorOf ?a }",
    "CityShape": "INSERT DATA { <city/leeds> owl:sameAs <http://dbpedia.org/resource/Leeds> }",
    "NationShape": "DELETE WHERE { <nation/england> schema:name ?n }",
    "RegionShape": "DELETE DATA { <region/north> a schema:AdministrativeArea }",
    "OrganisationShape": "DELETE WHERE { ?o ccg:ukprn ?u } ; INSERT DATA { <organisation/university-of-leeds> ccg:ukprn '123' }",
    "UniversityShape": "DELETE WHERE { <organisation/university-of-leeds> ccg:institutionType ?t } ;"
    " INSERT DATA { <organisation/university-of-leeds> ccg:institutionType <institution-type/council> }",
    "PublicBodyShape": "DELETE WHERE { <organisation/leeds-city-council> ccg:institutionType ?t } ;"
    " INSERT DATA { <organisation/leeds-city-council> ccg:institutionType <institution-type/company> }",
    "AllianceShape": "DELETE WHERE { <organisation/core-cities-uk> ccg:institutionType ?t } ;"
    " INSERT DATA { <organisation/core-cities-uk> ccg:institutionType <institution-type/other> }",
    "InstituteShape": "DELETE WHERE { <organisation/heseltine-institute> ccg:institutionType ?t }",
    "CompanyShape": "DELETE WHERE { <organisation/acme> ccg:institutionType ?t } ;"
    " INSERT DATA { <organisation/acme> ccg:institutionType <institution-type/university> }",
    "InstitutionTypeShape": "DELETE WHERE { ?c skos:notation ?n } ; INSERT DATA { <institution-type/university> skos:notation 'club' }",
    "PersonShape": "DELETE DATA { <person/judith-blake> a foaf:Person }",
    "PostShape": "DELETE DATA { <post/judith-blake/leader-leeds-city-council> org:role <role/leader> }",
    "RoleShape": "DELETE WHERE { <role/leader> skos:prefLabel ?l }",
    "MembershipShape": "INSERT DATA { <membership/judith-blake/leeds-city-council> org:member <person/someone-else> }",
    "QuoteShape": "DELETE WHERE { ?q ccg:paragraphs ?n } ; INSERT DATA { <quote/d1/1> ccg:paragraphs 0 }",
    "DeclarationShape": "DELETE WHERE { ?d ccg:declarationKind ?k } ; INSERT DATA { <declaration/d> ccg:declarationKind 'memo' }",
    "SignatureShape": "DELETE WHERE { ?s ccg:signed ?d }",
    "ProposalShape": "DELETE WHERE { ?p ccg:proposedBy ?d }",
    "StatisticShape": "DELETE WHERE { <statistic/d1/40-percent-almost> schema:value ?v } ;"
    " INSERT DATA { <statistic/d1/40-percent-almost> schema:value 'forty' }",
    "ClaimedCountShape": "DELETE WHERE { ?c ccg:countOf ?w } ; INSERT DATA { <claimed-count/d1/universities-21> ccg:countOf 'towns' }",
    "IdentifierShape": "DELETE WHERE { <https://ror.org/024mrxd33> ccg:identifierSource ?s }",
}


def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def _valid() -> rdflib.Graph:
    return rdflib.Graph().parse(VALID, format="turtle")


def _shape_names() -> list[str]:
    return sorted(str(s).removeprefix(SHAPES_NS) for s in _shapes().subjects(rdflib.RDF.type, SH.NodeShape))


def test_valid_fixture_conforms() -> None:
    report = validate_graph(_valid())
    assert report.conforms, report.violations


@pytest.mark.parametrize("shape", _shape_names())
def test_shape_has_a_conforming_node_in_the_fixture(shape: str) -> None:
    shapes, data = _shapes(), _valid()
    iri = rdflib.URIRef(SHAPES_NS + shape)
    focus = {s for c in shapes.objects(iri, SH.targetClass) for s in data.subjects(rdflib.RDF.type, c)}
    focus |= {o for p in shapes.objects(iri, SH.targetObjectsOf) for o in data.objects(None, p)}
    assert focus, f"{shape} targets nothing in {VALID.name}"


def test_every_shape_has_a_violating_fixture() -> None:
    assert sorted(BREAKS) == _shape_names()


@pytest.mark.parametrize(("shape", "update"), sorted(BREAKS.items()))
def test_shape_reports_its_violation(shape: str, update: str) -> None:
    data = _valid()
    before = len(data)
    data.update(HEADER + update)
    assert len(data) != before or "INSERT" in update, "the update changed nothing"
    report = validate_graph(data)
    assert not report.conforms
    assert shape in {v.shape for v in report.violations}, report.violations


def test_seed_build_conforms(seed_out: Path) -> None:
    report = validate_store(GraphStore.open(seed_out, read_only=True))
    assert report.conforms, report.violations[:5]


def test_validate_command_conforms(seed_out: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--out", str(seed_out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{seed_out}: conforms (")


def test_validate_command_reports_violations_with_exit_3(tmp_path: Path) -> None:
    data = _valid()
    data.update(HEADER + BREAKS["OrganisationShape"])
    data.update(HEADER + BREAKS["RoleShape"])
    broken = tmp_path / "broken.ttl"
    data.serialize(broken, format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines[0] == f"{broken}: does not conform: 2 violations."
    assert "OrganisationShape (1)" in lines
    assert "RoleShape (1)" in lines
    assert any(line.startswith(f"  <{ID}organisation/university-of-leeds>  ccg:ukprn: ") for line in lines)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.ttl", "this is not turtle", "cannot read as Turtle: "),
        ("graph.xyz", "", "unknown RDF format; use one of "),
    ],
)
def test_validate_command_bad_file(tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}: {problem}")
    assert result.output.count("\n") == 1


def test_validate_command_without_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path}: no graph store here")


def test_build_fails_loudly_when_its_output_does_not_conform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stricter shapes file stands in for a bug in the build: the build must refuse its own output."""
    strict = tmp_path / "ontology" / "shapes.ttl"
    strict.parent.mkdir()
    strict.write_text(
        ontology_file("shapes.ttl").read_text()
        + "\nccgsh:Strict a sh:NodeShape ; sh:targetClass schema:Person ;"
        " sh:property [ sh:path schema:telephone ; sh:minCount 1 ] .\n"
    )
    shipped = validate_module.ontology_file
    monkeypatch.setattr(
        validate_module, "ontology_file", lambda name: strict if name == "shapes.ttl" else shipped(name)
    )
    out = tmp_path / "out"
    with pytest.raises(
        ShapesError, match=r"^the build output does not conform to the shapes \(4 violations\): <"
    ):
        build([ROOT / "data" / "declaration.txt"], BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI))
    assert not (out / "graph.ttl").exists()
    result = CliRunner().invoke(
        cli, ["build", str(ROOT / "data" / "declaration.txt"), "--out", str(out), "--no-validate"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").exists()


def test_a_violation_in_one_document_of_many_fails_a_parallel_build(tmp_path: Path) -> None:
    """Reference data that puts Sheffield at latitude 253: only the one release of sixteen that
    names Sheffield brings that link. Built with two workers, each checking its documents, the
    build fails with the same Error line as with one, before any output is written."""
    reference = tmp_path / "reference"
    shutil.copytree(ROOT / "data" / "reference", reference)
    identifiers = reference / "identifiers.csv"
    text = identifiers.read_text(encoding="utf-8")
    assert ",2638077,,,53.38297," in text
    identifiers.write_text(text.replace(",2638077,,,53.38297,", ",2638077,,,253.38297,"), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1, 16):
        (corpus / f"release-{i:02}.txt").write_text(
            "Leeds leaders back new research fund\n\nLeeds City Council and the University of Leeds"
            f" today announced a fund of £{i} million for civic research.\n"
        )
    (corpus / "release-16.txt").write_text(
        "Sheffield backs the fund\n\nSheffield City Council and the University of Sheffield today"
        " joined the civic research fund in Sheffield.\n"
    )
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        result = CliRunner().invoke(
            cli, ["build", str(corpus), "--out", str(out), "--reference", str(reference), "-j", jobs]
        )
        assert result.exit_code == 1, result.output
        assert not (out / "graph.ttl").exists()
        outputs.append(result.output.splitlines()[-1])
    assert (
        outputs[0]
        == outputs[1]
        == (
            "Error: the build output does not conform to the shapes (1 violation): "
            f"<{ID}city/sheffield> schema:latitude: Value does not satisfy sh:maxInclusive"
        )
    )
