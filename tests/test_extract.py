"""Extraction phenomena, one small hand-written text each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from corecities_graph.document import Document
from corecities_graph.extract import extract


def run(text: str, reference):
    return extract(Document(doc_id="t", text=text), reference)


@pytest.mark.parametrize(
    ("text", "name", "honorific", "roles"),
    [
        (
            "Cllr Ann Smith, Chair of Core Cities UK and Leader of Leeds City Council, said: “Yes.”",
            "Ann Smith", "Cllr", {("Chair", "Core Cities UK"), ("Leader", "Leeds City Council")},
        ),
        (
            "Councillor Ann Smith, the Chair of Core Cities UK as well as leader of Leeds City Council, said: “Yes.”",
            "Ann Smith", "Cllr", {("Chair", "Core Cities UK"), ("Leader", "Leeds City Council")},
        ),
        (
            "Professor Sam Green, Provost and Vice-Principal of the University of Leeds said: “Yes.”",
            "Sam Green", "Professor", {("Provost and Vice-Principal", "University of Leeds")},
        ),
        (
            "Birmingham City Council’s Deputy Leader, Cllr Kim Lee said: “We welcome it.”",
            "Kim Lee", "Cllr", {("Deputy Leader", "Birmingham City Council")},
        ),
        (
            "Professor Sir Alan Reed, the Deputy Vice-Chancellor, Aston University, said: “Good.”",
            "Alan Reed", "Professor Sir", {("Deputy Vice-Chancellor", "Aston University")},
        ),
        (
            "Professor Jo Hart, the president and vice-chancellor at partner Nottingham Trent University, said: “Fine.”",
            "Jo Hart", "Professor", {("President and vice-chancellor", "Nottingham Trent University")},
        ),
        (
            "For more information contact Tom Bell, Press Officer at Core Cities UK on 0161 496 0000.",
            "Tom Bell", None, {("Press Officer", "Core Cities UK")},
        ),
        ("By Ruth Ode, Second Year, Law\n\nThe city grew.", "Ruth Ode", None, {("Second Year, Law", None)}),
    ],
)  # fmt: skip
def test_people_frames(reference, text, name, honorific, roles) -> None:
    people = {p.name: p for p in run(text, reference).people}
    assert name in people, list(people)
    assert people[name].honorific == honorific
    assert {(r.role, r.org) for r in people[name].roles} == roles


def test_people_unknown_organisation_is_found_by_its_head_word(reference) -> None:
    result = run("Dr Lee Wong, Chief Executive of Kirklees Health Trust, said: “We are ready.”", reference)
    assert [(o.name, o.type) for o in result.organisations] == [("Kirklees Health Trust", "other")]
    assert result.people[0].roles[0].role == "Chief Executive"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("The cities deliver 26 per cent of the UK economy.", Decimal(26), "percent", None),
        ("They host almost 40% of university students.", Decimal(40), "percent", "almost"),
        ("They host nearly 12 percent of students.", Decimal(12), "percent", "nearly"),
        ("It would add £100billion a year to the economy.", Decimal(100_000_000_000), "GBP", None),
        ("It would add £222bn to the economy.", Decimal(222_000_000_000), "GBP", None),
        ("The region has 1.16m residents.", Decimal(1_160_000), "people", None),
        ("The plan has fourteen priority schemes.", Decimal(14), "count", None),
        ("They will create over 1,000 jobs.", Decimal(1000), "jobs", "over"),
        ("It is home to more than 20 million people.", Decimal(20_000_000), "people", "more than"),
        ("It is ranked among the world’s top 100 institutions.", Decimal(100), "rank", "within top"),
    ],
)
def test_statistics(reference, text, value, unit, qualifier) -> None:
    stats = run(text, reference).statistics
    assert [(s.value, s.unit, s.qualifier) for s in stats] == [(value, unit, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "Call the office on +44 (0) 7789 921 165.",
        "The plan was published in 2020.",
        "The COVID-19 response was strong.",
        "It was updated on 16 March 2021.",
        "It joins 21 universities and 11 cities.",
    ],
)
def test_not_statistics(reference, text) -> None:
    assert run(text, reference).statistics == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "It is one of 21 universities along with 11 Core UK Cities.",
            {("universities", 21), ("cities", 11)},
        ),
        (
            "The 11 ‘Core Cities’ of the UK together with 24 universities.",
            {("cities", 11), ("universities", 24)},
        ),
        ("It was launched by Nottingham’s two universities.", {("universities", 2)}),
        ("Every one of the ‘Core Cities’ can point to them.", set()),
    ],
)
def test_claimed_counts(reference, text, counts) -> None:
    assert {(c.what, c.count) for c in run(text, reference).claimed_counts} == counts


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Liverpool John Moore’s University", "Liverpool John Moores University"),
        ("Queens University Belfast", "Queen's University Belfast"),
        ("Sheffield Hallam", "Sheffield Hallam University"),
        ("Core Cities Group", "Core Cities UK"),
    ],
)
def test_organisation_names_resolve_to_canonical(reference, surface, canonical) -> None:
    names = {o.name for o in run(f"Yesterday {surface} took part.", reference).organisations}
    assert names == {canonical}


def test_regions_are_not_cities(reference) -> None:
    result = run("Work in the West Midlands and the Sheffield City Region, and in Leeds.", reference)
    assert result.cities() == ["Leeds"]
    assert set(result.regions()) == {"West Midlands", "Sheffield City Region"}


def test_city_inside_an_organisation_name_is_not_a_place(reference) -> None:
    assert run("The University of Leeds agreed.", reference).cities() == []


def test_quote_runs_over_paragraphs_and_she_added(reference) -> None:
    text = (
        "Cllr Ann Smith, Leader of Leeds City Council, said: “First paragraph.\n\n"
        "“Second paragraph.”\n\nShe added: “Third words.”\n"
    )
    quotes = run(text, reference).quotes
    assert [(q.speaker, q.paragraphs, q.text) for q in quotes] == [
        ("Ann Smith", 2, "First paragraph.\nSecond paragraph."),
        ("Ann Smith", 1, "Third words."),
    ]


def test_single_quotes_with_apostrophes_inside(reference) -> None:
    text = (
        "Professor Guy Orpen, who is the University’s vice-chancellor, stated, ‘Our city’s work is strong.’"
    )
    quotes = run("University of Bristol news\n\n" + text, reference).quotes
    assert quotes[0].text == "Our city’s work is strong."


def test_unattributed_pull_quote_is_not_a_quote(reference) -> None:
    assert run('"We need to plan for a better future"\n\nThe cities met.', reference).quotes == []


def test_signatory_list_with_composite_entry(reference) -> None:
    text = (
        "The declaration has been signed by:\n\nAston University\n\n"
        "Universities for Nottingham (Nottingham Trent University & University of Nottingham)\n\n"
        "Core Cities UK is an alliance of 11 cities - Leeds and Sheffield.\n"
    )
    result = run(text, reference)
    assert [s.org for s in result.signatories] == ["Aston University", "Universities for Nottingham"]
    composite = next(o for o in result.organisations if o.name == "Universities for Nottingham")
    assert composite.members == ("Nottingham Trent University", "University of Nottingham")
    assert {(m.alliance, m.city) for m in result.alliance_members} == {
        ("Core Cities UK", "Leeds"),
        ("Core Cities UK", "Sheffield"),
    }


def test_named_but_not_signing_is_not_a_signatory(reference) -> None:
    text = (
        "Aston University is now a signatory to the Civic University Agreement. "
        "Newman University has worked closely with the Council on papers."
    )
    assert [s.org for s in run(text, reference).signatories] == ["Aston University"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "They call for greater local flexibility in the delivery of skills programmes, the introduction "
            "of a Cities Trade Package, and a new UK Urban Trade Strategy to reposition the UK.",
            [
                "Greater local flexibility in delivery of skills programmes",
                "Cities Trade Package",
                "UK Urban Trade Strategy",
            ],
        ),
        ("Whether they act where they ask for more funding – is yet to be seen.", []),
        ("They set out how they can boost research spend.", []),
    ],
)
def test_proposals(reference, text, names) -> None:
    assert [p.name for p in run(text, reference).proposals] == names


def test_page_noise_and_repeated_paragraphs_are_ignored(reference) -> None:
    text = (
        "READ MORE: Leeds City Council news\n\nSkip to content\n\nBristol, a quiet city | Paper / Jo Snap\n\n"
        "The cities deliver 26 per cent of output.\n\nThe cities deliver 26 per cent of output.\n"
    )
    result = run(text, reference)
    assert result.organisations == []
    assert result.people == []
    assert result.cities() == ["Bristol"]
    assert len(result.statistics) == 1 and result.statistics[0].more == ()


def test_every_span_lies_inside_the_text(reference) -> None:
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "seed.txt").read_text(encoding="utf-8")
    result = run(text, reference)
    spans = [o.evidence for o in result.organisations] + [p.evidence for p in result.people]
    spans += [q.evidence for q in result.quotes] + [s.evidence for s in result.statistics]
    for evidence in spans:
        assert 0 <= evidence.span.start < evidence.span.end <= len(text)
        assert evidence.sentence.text == text[evidence.sentence.start : evidence.sentence.end]
