"""The ontology declares exactly the ccg: terms a build uses; the README diagram is generated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import OWL, RDF, RDFS

from corecities_graph.cli import cli
from corecities_graph.graph.vocab import CCG, ONTOLOGY_IRI
from corecities_graph.publish import diagram
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.validate import ontology_file

ROOT = Path(__file__).resolve().parents[1]


def _ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("corecities.ttl"), format="turtle")


def _declared() -> set[str]:
    onto = _ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s) for k in kinds for s in onto.subjects(RDF.type, k) if str(s).startswith(ONTOLOGY_IRI)}


def _used(out: Path) -> set[str]:
    store = GraphStore.open(out, read_only=True).oxigraph
    used = set()
    for quad in store.quads_for_pattern(None, None, None, None):
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(ONTOLOGY_IRI):
                used.add(term.value)
    return used


@pytest.fixture(scope="module")
def analysed_out(seed_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed build with the network measures written back, so every term a graph can hold is used."""
    out = tmp_path_factory.mktemp("analysed") / "out"
    shutil.copytree(seed_out, out)
    result = CliRunner().invoke(cli, ["analyse", "--write-back", "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    return out


def test_every_term_a_build_uses_is_declared_with_label_and_comment(analysed_out: Path) -> None:
    onto, declared = _ontology(), _declared()
    used = _used(analysed_out)
    assert used - declared == set()
    for term in sorted(used):
        assert onto.value(rdflib.URIRef(term), RDFS.label), f"{term} has no rdfs:label"
        assert onto.value(rdflib.URIRef(term), RDFS.comment), f"{term} has no rdfs:comment"


def test_ontology_declares_nothing_a_build_does_not_use(analysed_out: Path) -> None:
    assert _declared() - _used(analysed_out) == set()


def test_ontology_matches_the_python_namespace() -> None:
    names = {name for name in CCG.__annotations__ if not name.startswith("_")}
    assert {ONTOLOGY_IRI + name for name in names} == _declared()


def test_ontology_header() -> None:
    onto = _ontology()
    header = rdflib.URIRef(ONTOLOGY_IRI.rstrip("#"))
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) is not None
    assert onto.value(header, rdflib.DCTERMS.license) is not None
    assert onto.value(header, rdflib.DCTERMS.title) is not None


def test_properties_have_domain_or_range() -> None:
    onto = _ontology()
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        assert onto.value(prop, RDFS.domain) is not None and onto.value(prop, RDFS.range) is not None, prop
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        assert onto.value(prop, RDFS.range) is not None, prop


def test_readme_diagram_is_up_to_date() -> None:
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    assert diagram.START in readme
    assert readme == diagram.with_diagram(readme), "run: python -m corecities_graph.publish.diagram"


def test_diagram_check_reports_a_stale_readme(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Model\n\n{diagram.START}\nold\n{diagram.END}\n", encoding="utf-8")
    assert diagram.main([str(readme), "--check"]) == 1
    assert diagram.main([str(readme)]) == 0
    assert diagram.main([str(readme), "--check"]) == 0
    assert "classDiagram" in readme.read_text(encoding="utf-8")
