"""Several documents, one graph: shared identities across releases, sources kept, disagreements reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.sparql.formats import rows
from corecities_graph.sparql.query import named_queries, run_query
from corecities_graph.store.embedded import GraphStore

ALLIANCE_RELEASE = """https://www.example.org/news/2021/04/northern-pledge
Published: 12 April 2021

Core Cities Group and 21 universities sign northern pledge

Core Cities Group has published a joint declaration with 21 universities. The cities are home to 40 per cent \
of the UK's university students.

Councillor Petra Vance, Chair of Core Cities Group and Leader of Leeds City Council, said: "This is a good day \
for the north."
"""

NEWSPAPER_REPORT = """https://www.example-paper.co.uk/2021/04/13/universities-pledge
Published: 13 April 2021

Universities back city pledge

Core Cities UK has set out a joint declaration with 24 universities. The cities host almost 40 per cent of the \
UK's university students.

Cllr Petra Vance, the Vice-Chair of Core Cities UK, said: "We will keep working together."
"""

DOC = DEFAULT_BASE_IRI + "document/"


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-docs")
    (folder / "a_alliance.txt").write_text(ALLIANCE_RELEASE, encoding="utf-8")
    (folder / "b_paper.txt").write_text(NEWSPAPER_REPORT, encoding="utf-8")
    out = tmp_path_factory.mktemp("two-docs-out")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1600000000")
    try:
        result = build([folder], BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, write_view=False))
    finally:
        mp.undo()
    assert not result.failed
    return out


def answer(out: Path, name: str) -> set[tuple[str, ...]]:
    store = GraphStore.open(out, read_only=True)
    _header, table = rows(run_query(store, name, named_queries()[name].text))
    return {tuple(row) for row in table}


def test_one_person_across_documents_is_one_iri_with_every_post(corpus_out: Path) -> None:
    people = {row[:5] for row in answer(corpus_out, "people") if row[1] == "Petra Vance"}
    iri = DEFAULT_BASE_IRI + "person/petra-vance"
    assert people == {
        (iri, "Petra Vance", "Cllr", "Chair", "Core Cities UK"),
        (iri, "Petra Vance", "Cllr", "Leader", "Leeds City Council"),
        (iri, "Petra Vance", "Cllr", "Vice-Chair", "Core Cities UK"),
    }


def test_alliance_names_in_two_spellings_are_one_institution(corpus_out: Path) -> None:
    alliances = {row[:3] for row in answer(corpus_out, "institutions") if row[2] == "alliance"}
    assert alliances == {(DEFAULT_BASE_IRI + "organisation/core-cities-uk", "Core Cities UK", "alliance")}


def test_every_claim_keeps_its_source(corpus_out: Path) -> None:
    counts = {(row[1], row[2], row[3]) for row in answer(corpus_out, "claimed_counts")}
    assert counts == {("universities", "21", DOC + "a-alliance"), ("universities", "24", DOC + "b-paper")}
    stats = {(row[3], row[5], row[6]) for row in answer(corpus_out, "statistics")}
    assert stats == {("40", "", DOC + "a-alliance"), ("40", "almost", DOC + "b-paper")}


def test_conflicts_report_counts_qualifiers_and_posts_side_by_side(corpus_out: Path) -> None:
    conflicts = answer(corpus_out, "conflicts")
    assert conflicts == {
        ("Core Cities UK declaration", "number of universities", "21", DOC + "a-alliance", "24", DOC + "b-paper"),
        ("Core Cities UK", "share of the UK's university students", "40", DOC + "a-alliance",
         "almost 40", DOC + "b-paper"),
        ("Petra Vance", "post at Core Cities UK", "Chair", DOC + "a-alliance", "Vice-Chair", DOC + "b-paper"),
    }  # fmt: skip


def test_an_organisations_city_is_named_even_when_the_text_only_implies_it(corpus_out: Path) -> None:
    located = {(row[1], row[3]) for row in answer(corpus_out, "institutions")}
    assert ("Leeds City Council", "Leeds") in located
    assert all(row[1] != "Leeds" for row in answer(corpus_out, "cities"))  # named only inside a name
