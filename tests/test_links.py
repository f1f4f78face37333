"""Links out come only from the reference data, each identifier with its source."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox

from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.document import Document
from corecities_graph.graph.vocab import CCG, DEFAULT_BASE_IRI, OWL, SCHEMA
from corecities_graph.store.embedded import GraphStore

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
    """Every identifier the verified reference data gives (identifiers.csv), with its sources."""
    return {iri: sources for row in _rows("identifiers.csv") for iri, sources in _iris(row).items()}


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


def test_a_city_outside_identifiers_is_placed_but_not_linked_out(tmp_path: Path) -> None:
    """Aberdeen is only in gb_cities.csv, which places a city but gives no identifiers to link to."""
    text = "Aberdeen welcomes the plan\n\nThe leader of Aberdeen City Council said the city in Aberdeen would join.\n"
    document = Document(doc_id="aberdeen", text=text, title="Aberdeen")
    build([], BuildSettings(out=tmp_path, base_iri=DEFAULT_BASE_IRI, write_view=False), documents=[document])
    aberdeen = DEFAULT_BASE_IRI + "city/aberdeen"
    assert not [t for s, t in _same_as(tmp_path) if s == aberdeen]
    store = GraphStore.open(tmp_path, read_only=True).oxigraph
    nations = list(store.quads_for_pattern(ox.NamedNode(aberdeen), ox.NamedNode(str(CCG.nation)), None, None))
    assert [q.object.value for q in nations] == [DEFAULT_BASE_IRI + "nation/scotland"]
