"""Institutions, places and figures by construction: each case a small invented sentence, with
near-misses that must give nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extracting import run


def orgs_of(text: str, reference) -> dict[str, str]:
    return {o.name: o.type for o in run(text, reference).organisations}


# -- a news title as the one told, or the one a document was seen by -------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Professor Ann Hale told the Wessex Evening Echo that the deal was overdue.", "Wessex Evening Echo"),
        ("The plan, seen by Northern Policy Review, sets out four asks.", "Northern Policy Review"),
        ("Speaking to Fenland Weekly Press, the leader said work starts soon.", "Fenland Weekly Press"),
        ("Cllr Omar Reid told the Daily Harbour Chronicle: “We are ready.”", "Daily Harbour Chronicle"),
        ("In an interview with Campus Times Magazine, she said the charter would last.", "Campus Times Magazine"),
    ],
)  # fmt: skip
def test_a_news_title_told_or_reading_is_a_body(reference, text, name) -> None:
    assert orgs_of(text, reference).get(name) == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Professor Ann Hale told Sarah Jones that the deal was overdue.",  # a person, not a title
        "The leader said the Evening Echo had not been told.",  # a title, but nobody told it anything
    ],
)
def test_no_news_title_without_telling_and_a_title_word(reference, text) -> None:
    assert not any(w in name for name in orgs_of(text, reference) for w in ("Sarah", "Echo"))


# -- a name with no head word introduced by an apposition naming a kind of body --------------------


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Opportunity Tayside, the private sector economic development body, was consulted.",
         "Opportunity Tayside", "other"),
        ("The Severn Estuary Region, the six-council regional partnership, is an observer.",
         "Severn Estuary Region", "other"),
        ("Brightlines, a rail operator, will run the new service.", "Brightlines", "company"),
        ("Civic Futures North, the think tank, published the figures.", "Civic Futures North", "institute"),
        ("Making Music Midlands, a local charity, joined the partners.", "Making Music Midlands", "other"),
    ],
)  # fmt: skip
def test_a_body_introduced_by_an_apposition(reference, text, name, type_) -> None:
    assert orgs_of(text, reference).get(name) == type_


@pytest.mark.parametrize(
    "text",
    [
        "Leeds, the city's main employer hub, grew fastest.",  # a city described, not a body
        "Helen Marsh, the partnership's chair, opened the meeting.",  # a person who chairs a body
        "Helen Marsh, the chair of the city's new skills partnership, opened the meeting.",
        "Helen Marsh, the recently appointed director of a regional charity, opened the meeting.",
        "Helen Marsh, a founding trustee of the local trust, opened the meeting.",
        "Helen Marsh, who leads the council's work with the partnership, opened the meeting.",
        "It was signed by the chair of the regional partnership, Helen Marsh, on Monday.",
        "It was signed by a director of the charity, Helen Marsh, on Monday.",
        "Helen Marsh, the programme lead at the university's enterprise agency, opened the meeting.",
    ],
)
def test_no_body_from_an_apposition_about_a_place_or_a_person(reference, text) -> None:
    names = orgs_of(text, reference)
    assert "Leeds" not in names and "Helen Marsh" not in names


# -- a building where an event took place is not a party ------------------------------------------


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("The agreement was signed at the Civic Centre by the leader and the vice-chancellor.", "Civic Centre"),
        ("The compact was launched at the Royal Wessex Hospital on Monday.", "Royal Wessex Hospital"),
        ("A ceremony at the Tyne Maritime Museum marked the start of the charter.", "Tyne Maritime Museum"),
        ("Leaders met at the Merrion Centre to agree the plan.", "Merrion Centre"),
    ],
)  # fmt: skip
def test_a_venue_is_not_a_body(reference, text, venue) -> None:
    assert venue not in orgs_of(text, reference)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the same building also acts in the text: it is a body
        ("The charter was signed at the Royal Wessex Hospital. The Royal Wessex Hospital said it was proud.",
         "Royal Wessex Hospital"),
        # a centre that works, not where something happened
        ("Researchers at the Centre for Coastal Economies found the gap had grown.", "Centre for Coastal Economies"),
    ],
)  # fmt: skip
def test_a_body_named_otherwise_stays(reference, text, name) -> None:
    assert name in orgs_of(text, reference)


# -- places that stand for universities in a list of universities ---------------------------------


def cities_of(text: str, reference) -> set[str]:
    return {p.name for p in run(text, reference).places if p.kind == "city"}


@pytest.mark.parametrize(
    "text",
    [
        "Universities named in the charter include Coventry, Hull and Plymouth.",
        "The universities that signed are Sunderland, Wolverhampton and Lincoln.",
        "Other universities backing the bid include Exeter, Plymouth and Bath, alongside two colleges.",
        "Universities in the network include Leeds, York, Bradford and Hull.",
    ],
)
def test_places_listed_as_universities_are_not_places(reference, text) -> None:
    assert cities_of(text, reference) == set()


@pytest.mark.parametrize(
    ("text", "cities"),
    [
        ("Universities in cities such as Leeds and Hull are growing.", {"Leeds", "Hull"}),
        ("The universities are based in Coventry and Plymouth.", {"Coventry", "Plymouth"}),
    ],
)
def test_places_where_universities_are_stay_places(reference, text, cities) -> None:
    assert cities_of(text, reference) == cities


# -- a few already named, counted again with a definite article, claim nothing ---------------------


def figures_of(text: str, reference) -> set[tuple[Decimal, str]]:
    return {(s.value, s.unit) for s in run(text, reference).statistics}


@pytest.mark.parametrize(
    "text",
    [
        "In a joint statement the four leaders said the city needed trams.",
        "These three employers will each take on apprentices next year.",
        "Those two researchers wrote the first draft of the plan.",
        "All five trainees finished the course in the summer.",
    ],
)
def test_a_definite_small_number_refers_back(reference, text) -> None:
    assert figures_of(text, reference) == set()


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("More than 300 leaders attended the summit in March.", (Decimal(300), "people")),
        ("The partners will recruit 1,200 apprentices by 2030.", (Decimal(1200), "people")),
    ],
)
def test_a_figure_with_no_definite_article_is_a_claim(reference, text, figure) -> None:
    assert figure in figures_of(text, reference)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("It was signed by the regional body, Severn Estuary Partnership, together with two councils.",
         "Severn Estuary Partnership", "other"),
        ("Work is led by a local charity, Making Music Midlands, with the university.", "Making Music Midlands", "other"),
        ("The data come from a think tank, Civic Futures North, which studied ten cities.",
         "Civic Futures North", "institute"),
        ("The compact was signed in Newport by the regional body, Cardiff Capital Region, and the colleges.",
         "Cardiff Capital Region", "council"),
    ],
)  # fmt: skip
def test_a_body_introduced_by_its_kind_before_its_name(reference, text, name, type_) -> None:
    assert orgs_of(text, reference).get(name) == type_


def test_no_body_from_a_kind_before_a_place(reference) -> None:
    names = orgs_of("Jobs went to the regional capital, Leeds, and to Bradford.", reference)
    assert "Leeds" not in names


# -- a nation's development agency, named by the nation and "Enterprise" ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Scottish Enterprise has endorsed the pact.", "Scottish Enterprise"),
        ("The partners met South of Scotland Enterprise in June.", "South of Scotland Enterprise"),
        ("Funding came from Welsh Enterprise and the council.", "Welsh Enterprise"),
        ("- Scottish Enterprise\n", "Scottish Enterprise"),
    ],
)
def test_a_nations_enterprise_agency_is_government(reference, text, name) -> None:
    assert orgs_of(text, reference).get(name) == "government"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Leeds Enterprise Partnership signed the charter.", "Leeds Enterprise Partnership"),
        ("Bradford Youth Enterprise ran the workshops.", "Bradford Youth Enterprise"),
    ],
)
def test_other_enterprises_are_not_government(reference, text, name) -> None:
    assert orgs_of(text, reference).get(name, "other") != "government"


# -- two places joined by "with" in a council's name, and as one borough ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Blackburn with Darwen Borough Council signed the compact.", "Blackburn with Darwen Borough Council"),
        ("It was backed by Leeds with Otley Town Council.", "Leeds with Otley Town Council"),
        ("The plan names Preston with Longridge Council as lead partner.", "Preston with Longridge Council"),
        ("Talks began with Exeter with Topsham Partnership last year.", "Exeter with Topsham Partnership"),
    ],
)  # fmt: skip
def test_a_council_of_two_places_joined_by_with(reference, text, name) -> None:
    assert name in orgs_of(text, reference)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The university worked with Darwen Borough Council on housing.", "Darwen Borough Council"),
        ("Leeds will partner with York City Council on transport.", "York City Council"),
    ],
)  # fmt: skip
def test_with_after_a_verb_joins_nothing(reference, text, name) -> None:
    assert name in orgs_of(text, reference)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The unitary authorities of Blackpool and Blackburn with Darwen agreed.", {"Blackpool"}),
        ("Ministers compared Leeds with York last year.", {"Leeds", "York"}),
    ],
)
def test_a_borough_of_two_places_is_not_the_city(reference, text, kept) -> None:
    assert cities_of(text, reference) == kept
