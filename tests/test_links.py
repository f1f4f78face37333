"""Links out come only from the reference data, each identifier with its source."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox

from corecities_graph.build import BuildSettings, build
from corecities_graph.sources import Document
from corecities_graph.store import GraphStore
from corecities_graph.vocab import CCG, DEFAULT_BASE_IRI, OWL, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LINKS = DEFAULT_BASE_IRI + "graph/links"


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _iris(row: dict[str, str]) -> dict[str, str]:
    """The link IRIs a reference row gives, with the row's sources."""
    iris = {}
    if row.get("wikidata"):
        iris[f"http://www.wikidata.org/entity/{row['wikidata']}"] = row["sources"]
    if row.get("ror"):
        iris[row["ror"]] = row["sources"]
    if row.get("geonames"):
        iris[f"https://sws.geonames.org/{row['geonames']}/"] = row["sources"]
    return iris


def _same_as(out: Path) -> dict[tuple[str, str], set[str]]:
    store = GraphStore.open(out, read_only=True).oxigraph
    found: dict[tuple[str, str], set[str]] = {}
    for predicate in (OWL.sameAs, SCHEMA.sameAs):
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            found.setdefault((quad.subject.value, quad.object.value), set()).add(str(predicate))
    return found


def _sources(out: Path, iri: str) -> set[str]:
    store = GraphStore.open(out, read_only=True).oxigraph
    pattern = store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(str(CCG.identifierSource)), None, None)
    return {q.object.value for q in pattern}


def _given() -> dict[str, str]:
    """Every identifier the reference data gives: identifiers.csv, and GeoNames ids of gb_cities.csv."""
    given = {iri: sources for row in _rows("gb_cities.csv") for iri, sources in _iris(row).items()}
    given.update({iri: sources for row in _rows("identifiers.csv") for iri, sources in _iris(row).items()})
    return given


def test_seed_links_only_to_identifiers_the_reference_gives(seed_out: Path) -> None:
    given = _given()
    links = _same_as(seed_out)
    assert links, "the seed build links nothing"
    for (subject, target), predicates in links.items():
        assert target in given, f"{subject} sameAs {target}: not in data/reference"
        assert predicates == {str(OWL.sameAs), str(SCHEMA.sameAs)}, (subject, target)
        assert _sources(seed_out, target) == set(given[target].split(";")), target


def test_seed_links_every_reference_identifier_of_what_it_names(seed_out: Path) -> None:
    targets = {target for _, target in _same_as(seed_out)}
    for iri in ("http://www.wikidata.org/entity/Q39121", "https://sws.geonames.org/2644688/"):  # Leeds
        assert iri in targets
    assert "https://ror.org/024mrxd33" in targets  # University of Leeds


def test_seed_places_institutions_in_cities_and_cities_in_nations(seed_out: Path) -> None:
    store = GraphStore.open(seed_out, read_only=True).oxigraph
    leeds_uni = ox.NamedNode(DEFAULT_BASE_IRI + "organisation/university-of-leeds")
    leeds = ox.NamedNode(DEFAULT_BASE_IRI + "city/leeds")
    england = ox.NamedNode(DEFAULT_BASE_IRI + "nation/england")
    links = ox.NamedNode(LINKS)
    assert ox.Quad(leeds_uni, ox.NamedNode(str(SCHEMA.location)), leeds, links) in store
    assert ox.Quad(leeds, ox.NamedNode(str(CCG.nation)), england, links) in store
    assert ox.Quad(leeds, ox.NamedNode(str(SCHEMA.containedInPlace)), england, links) in store
    cities = {
        q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(str(CCG.nation)), None, None)
    }
    typed = {
        q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(str(SCHEMA.City)), None)
    }
    assert typed <= cities, f"cities without a nation: {sorted(typed - cities)}"


def test_a_city_outside_identifiers_links_only_to_its_sourced_geonames_id(tmp_path: Path) -> None:
    """Aberdeen is in gb_cities.csv (GeoNames, with its source) but has no Wikidata id in the reference."""
    text = "Aberdeen welcomes the plan\n\nThe leader of Aberdeen City Council said the city in Aberdeen would join.\n"
    document = Document(doc_id="aberdeen", text=text, title="Aberdeen")
    build([], BuildSettings(out=tmp_path, base_iri=DEFAULT_BASE_IRI, write_view=False), documents=[document])
    aberdeen = next(r for r in _rows("gb_cities.csv") if r["name"] == "Aberdeen")
    targets = {t for s, t in _same_as(tmp_path) if s == DEFAULT_BASE_IRI + "city/aberdeen"}
    assert targets == {f"https://sws.geonames.org/{aberdeen['geonames']}/"}
    assert _sources(tmp_path, next(iter(targets))) == {aberdeen["sources"]}
