"""Statistics read from made-up sentences: ratios, ranges, durations, averages and pictures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from corecities_graph.corpus.evaluate import score_document
from corecities_graph.resolve.reference import Reference
from extracting import run


def _stats(text: str, reference: Reference) -> set[tuple[Decimal, str, str | None]]:
    return {(s.value, s.unit, s.qualifier) for s in run(text, reference).statistics}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly one in three nurses in Hull are over 55.", (Decimal("33.3"), "percent", "nearly")),
        ("Around one resident in five is a student in Exeter.", (Decimal(20), "percent", "around")),
        ("She said four in ten people in Derby are under 30.", (Decimal(40), "percent", None)),
        ("In Bristol fewer than one in ten firms export.", (Decimal(10), "percent", None)),
        ("Almost one in six of all jobs in Leeds are in health.", (Decimal("16.7"), "percent", "almost")),
    ],
)
def test_a_ratio_is_a_share(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    found = _stats(text, reference)
    assert expected in found
    assert not any(unit == "people" for _, unit, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Four years on, the agreement in Leeds is working.",
        "The signing follows two years of talks between officers in Cardiff.",
        "Bath Spa University joined the charter two years after it was first signed.",
        "Alt: Three people sit at a table in Norwich, signing documents.",
    ],
)
def test_not_a_statistic(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()


def test_a_range_is_its_low_end(reference: Reference) -> None:
    found = _stats(
        "The compact sets up a fund of between £8 million and £12 million in Leicester.", reference
    )
    assert found == {(Decimal(8000000), "GBP", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "People in Salford live on average 7.5 fewer years in good health.",
            (Decimal("7.5"), "years", None),
        ),
        (
            "Colleges in Stoke spend on average 30 per cent less per student.",
            (Decimal(30), "percent", None),
        ),
    ],
)
def test_on_average_is_not_a_recorded_qualifier(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund in Coventry is worth half a billion pounds.", (Decimal(500000000), "GBP", None)),
        (
            '"Twenty million pounds over five years is not enough," he said in Hull.',
            (Decimal(20000000), "GBP", None),
        ),
        ("Employers in Derby expect to fill 12,000 vacancies.", (Decimal(12000), "jobs", None)),
        ("One in four children and 1 in 5 adults in Leeds live in poverty.", (Decimal(25), "percent", None)),
    ],
)
def test_sums_and_shares_in_words(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        '"There are two roads, and we let one of them run into a dead end," she said in Salford.',
        "We are doing it together, across all four nations of the UK.",
        "The research is happening ten minutes from this room in Derby.",
        '"We will do it together rather than ten times over," she said in Cardiff.',
        "The campus opened in Leeds. Alt text: Two nursing students practise on a mannequin.",
    ],
)
def test_a_manner_of_speaking_is_not_a_statistic(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()


def test_headlines_under_related_news_are_not_this_releases_figures(reference: Reference) -> None:
    text = (
        "The charter was signed in York by the council and the university, which teaches 20,000 students.\n"
        "Related news\n- Bus fares capped at £2 across North Yorkshire\n- Scientists awarded £2.5m for study\n"
    )
    assert _stats(text, reference) == {(Decimal(20000), "people", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 9,000 people in Stoke work in ceramics, down from more than 40,000 in the 1970s.",
            (Decimal(40000), "people", "more than"),
        ),
        (
            "Some 300 students in Hull come from abroad, and about 120 of them study medicine.",
            (Decimal(120), "people", "around"),
        ),
        (
            "The city region has a population of 1.6 million and a young workforce.",
            (Decimal(1600000), "people", None),
        ),
        (
            "The plan doubles the number of patients in trials in Leeds, from around 8,000 a year to 16,000.",
            (Decimal(8000), "people", "around"),
        ),
    ],
)
def test_a_bare_number_counts_what_was_counted_before_it(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


def test_a_bare_year_range_is_not_a_figure(reference: Reference) -> None:
    found = _stats("Some 500 staff in Derby moved, from 2019 to 2021.", reference)
    assert found == {(Decimal(500), "people", "around")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The study draws on interviews with 48 university, college and council leaders in Leeds.",
            (Decimal(48), "people", None),
        ),
        (
            'The partners in Hull will fund 150 "start here" grants for graduates.',
            (Decimal(150), "count", None),
        ),
        (
            "The combined authority covers a population of around two million.",
            (Decimal(2000000), "people", "around"),
        ),
    ],
)
def test_noun_phrases_with_lists_quotes_and_populations(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roughly 3,000 students in Derby study part-time.", (Decimal(3000), "people", "around")),
        ("Some 40,000 people in Hull work at the port.", (Decimal(40000), "people", "around")),
        ("About one in four adults in Exeter volunteer.", (Decimal(25), "percent", "around")),
        ("Approximately 900 homes in Bath stand empty.", (Decimal(900), "count", "around")),
        ("The council in Leeds will spend at least £4 million on it.", (Decimal(4000000), "GBP", None)),
        ("An estimated 2,500 graduates leave Stoke each year.", (Decimal(2500), "people", None)),
        ("Fewer than 300 apprentices in Derby finished the course.", (Decimal(300), "people", None)),
        ("Less than a fifth of the money reaches Hull.", (Decimal(20), "percent", None)),
        ("A little over one in five jobs in Leeds are in the public sector.", (Decimal(20), "percent", None)),
        ("Just over 6,000 staff in York work for the university.", (Decimal(6000), "people", None)),
        ("Grants of up to £5,000 are open to firms in Derby.", (Decimal(5000), "GBP", None)),
        ("More than half of the pupils in Salford walk to school.", (Decimal(50), "percent", "more than")),
        ("Nearly 30% of graduates leave Swansea.", (Decimal(30), "percent", "nearly")),
    ],
)
def test_qualifiers_are_those_gold_records(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "The charter promises between 40 and 60 research internships a year in Hull.",
            (Decimal(40), "count", None),
            Decimal(60),
        ),
        (
            "Partners in Derby will offer between 1,000 and 1,500 apprentices a placement.",
            (Decimal(1000), "people", None),
            Decimal(1500),
        ),
    ],
)
def test_a_range_of_counts_is_its_low_end_with_the_shared_noun(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None], absent: Decimal
) -> None:
    found = _stats(text, reference)
    assert expected in found
    assert not any(value == absent for value, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Derby 220 local firms joined the scheme, against a target of 150.",
            (Decimal(150), "count", None),
        ),
        ("A pledge of 400 new jobs in Hull fell short, at around 260.", (Decimal(260), "jobs", "around")),
        (
            'The promise of 900 graduate jobs in Leeds ended at "nearly 700".',
            (Decimal(700), "jobs", "nearly"),
        ),
        (
            "About 30 per cent of students in Leeds live 20 miles away, and some 2,000 of them commute daily.",
            (Decimal(2000), "people", "around"),
        ),
    ],
)
def test_a_bare_number_measured_against_the_figure_before_it(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        'The pact in Exeter was "three years in the making".',
        '"We have spent eight years building trust in Derby," she said.',
        "It took four years to agree the deal in York.",
        "Most graduates in Hull find work within 30 miles of the campus.",
        "It has been 12 years since the first deal was signed in Leeds.",
    ],
)
def test_how_long_or_how_near_is_not_a_statistic(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The partners in Hull will cut waste by half by 2030.", (Decimal(50), "percent", None)),
        ("Bus use in Derby fell by a quarter.", (Decimal(25), "percent", None)),
        (
            "The college in Leeds has 9,000 learners, of whom almost a quarter are over 50.",
            (Decimal(25), "percent", "almost"),
        ),
    ],
)
def test_a_share_in_words_with_nothing_after_it(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    "text",
    ["The cost in Derby is half a dozen pounds.", "The council in York met in a third round of talks."],
)
def test_a_fraction_that_is_not_a_share(reference: Reference, text: str) -> None:
    assert not any(unit == "percent" for _, unit, _ in _stats(text, reference))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan in Aberdeen protects 3,500 oil and gas workers.", (Decimal(3500), "people", None)),
        ("The university in Derby supports 900 campus jobs.", (Decimal(900), "jobs", None)),
        ("The summit in Hull drew 150 business leaders.", (Decimal(150), "people", None)),
    ],
)
def test_a_word_ending_in_s_is_not_always_the_plural_counted(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    ("gold_qualifier", "hits"),
    [("about", 1), ("around", 1), ("some", 1), ("roughly", 1), ("up to", 0), (None, 0)],
)
def test_gold_qualifiers_are_read_through_the_recorded_list(
    reference: Reference, gold_qualifier: str | None, hits: int
) -> None:
    extraction = run("Some 4,000 students in Derby study nursing.", reference)
    gold = {"statistics": [{"value": 4000, "unit": "people", "qualifier": gold_qualifier, "surface": "x"}]}
    assert score_document(extraction, gold, "t")["qualifiers"].tp == hits
    hedged = run("Up to 4,000 students in Derby study nursing.", reference)
    assert score_document(hedged, gold, "t")["qualifiers"].tp == 1 - hits


def _counts(text: str, reference: Reference) -> set[tuple[str, int]]:
    return {(c.what, c.count) for c in run(text, reference).claimed_counts}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keele University is the fourth organisation to sign the Stoke Skills Charter.", ("signatories", 4)),
        ("The college became the ninth body to sign up to the Hull accord.", ("signatories", 9)),
        ("All six of the region's elected mayors have signed the Leeds compact.", ("signatories", 6)),
        ("All five of the county's councils signed up to the York charter.", ("signatories", 5)),
    ],
)
def test_counts_of_the_parties_said_by_order_or_by_all(
    reference: Reference, text: str, expected: tuple[str, int]
) -> None:
    assert expected in _counts(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        "Scotland's 19 universities already work with councils through many agreements.",
        "The country's 40 universities run partnerships of every kind.",
        "The sixth organisation in the list is a charity based in Derby.",
    ],
)
def test_a_wider_group_is_not_a_claimed_count(reference: Reference, text: str) -> None:
    assert _counts(text, reference) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only 14 of the compacts reviewed in Leeds set targets.", (Decimal(14), "count", None)),
        (
            "The hub in Derby will host at least six of the spin-outs funded this year.",
            (Decimal(6), "count", None),
        ),
    ],
)
def test_how_many_of_a_kind_is_a_count(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    "text", ["Two of the largest firms in Hull signed.", "Three of the projects are in Derby."]
)
def test_a_few_of_the_biggest_is_not_a_count(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Year 9 pupils in Hull will visit the campus.",
        "Phase 2 projects in Leeds start in the spring.",
        "Key Stage 4 results in Derby rose.",
    ],
)
def test_a_name_with_a_number_in_it_is_not_a_count(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()


def test_a_school_year_inside_what_is_counted(reference: Reference) -> None:
    found = _stats("The programme in Derby reached 4,000 Year 10 students.", reference)
    assert found == {(Decimal(4000), "people", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay in Derby is 12pc below the national average.", {(Decimal(12), "percent", None)}),
        ("Firms in Leeds bought 10 PCs.", set()),
    ],
)
def test_pc_is_per_cent(
    reference: Reference, text: str, expected: set[tuple[Decimal, str, str | None]]
) -> None:
    assert _stats(text, reference) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly half a million people in Leeds live in poverty.", (Decimal(500000), "people", "nearly")),
        ("The population of Exeter grew by 5% to 135,000.", (Decimal(135000), "people", None)),
        (
            "The plan in Hull will double the number of apprenticeships to 3,000.",
            (Decimal(3000), "count", None),
        ),
        ("Leeds is in the top 10 cities for growth.", (Decimal(10), "rank", "within top")),
    ],
)
def test_counts_said_in_words_or_before_their_number(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


def test_a_top_ten_of_cities_is_a_rank_not_a_claimed_count(reference: Reference) -> None:
    assert _counts("Leeds is ranked in the top 10 UK cities for growth.", reference) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The 64 pages of the accord in Leeds set out 15 clauses.",
        "The report in Hull draws 20 lessons for cities.",
    ],
)
def test_a_documents_own_parts_are_not_statistics(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan would lift 30,000 children in Leeds out of poverty.", (Decimal(30000), "people", None)),
        ("The scheme in Hull has trained 1,200 women in engineering.", (Decimal(1200), "people", None)),
        ("The university in York keeps in touch with 90,000 alumni.", (Decimal(90000), "people", None)),
        ("The scheme in Leeds supports 3,000 school leavers.", (Decimal(3000), "people", None)),
        ("The college in Hull teaches 400 undergraduates.", (Decimal(400), "people", None)),
    ],
)
def test_plurals_without_an_s_are_counted(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The pledge in Hull will create some 800 apprentice roles by 2028.",
            (Decimal(800), "jobs", "around"),
        ),
        ("Partners in York will open 250 graduate roles to local people.", (Decimal(250), "jobs", None)),
    ],
)
def test_roles_are_jobs(reference: Reference, text: str, expected: tuple[Decimal, str, str | None]) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        "The steering group in Derby will meet six times a year.",
        "Officers in Hull report to the board three times per month.",
        "The panel in Exeter sits four times each term.",
    ],
)
def test_how_often_is_not_a_ratio(reference: Reference, text: str) -> None:
    assert not any(unit == "ratio" for _, unit, _ in _stats(text, reference))


def test_times_bigger_is_still_a_ratio(reference: Reference) -> None:
    assert (Decimal(3), "ratio", None) in _stats(
        "Rents in Bath rose three times faster than wages.", reference
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The civic compacts agreed across Wales since 2019, of which there are now more than 20, "
            "have changed how councils work.",
            (Decimal(20), "count", "more than"),
        ),
        (
            "The city's apprentices, of whom there are currently about 1,400, earn a living wage.",
            (Decimal(1400), "people", "around"),
        ),
        (
            "The research hubs in Leeds, of which there are 12, share one budget.",
            (Decimal(12), "count", None),
        ),
    ],
)
def test_a_number_after_of_which_there_are_counts_the_clause_before(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


def test_a_bare_number_without_of_which_there_are_is_no_statistic(reference: Reference) -> None:
    assert _stats("The compacts in Leeds, which there is no need to list, are 12 years old.", reference) == {
        (Decimal(12), "years", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six council leaders and three university heads have written to the Treasury.", ("universities", 3)),
        ("Five university vice-chancellors have signed the accord in Hull.", ("universities", 5)),
        ("Two university leaders have jointly backed the bid in Exeter.", ("universities", 2)),
    ],
)
def test_university_heads_who_act_count_universities(
    reference: Reference, text: str, expected: tuple[str, int]
) -> None:
    assert expected in _counts(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        "Six council leaders and three university heads have written to the Treasury.",
        "Eight city leaders have signed the letter.",
    ],
)
def test_leaders_who_sign_are_not_a_statistic(reference: Reference, text: str) -> None:
    assert not any(value in {Decimal(6), Decimal(8)} for value, _, _ in _stats(text, reference))


def test_leaders_interviewed_are_still_a_statistic(reference: Reference) -> None:
    text = "The study in Hull drew on interviews with 40 council leaders."
    assert (Decimal(40), "people", None) in _stats(text, reference)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Leeds City Council, the University of Leeds, Leeds Beckett University and Leeds Trinity University "
            "have signed the Leeds Learning Compact. The three university partners will share data.",
            False,
        ),
        (
            "Leeds City Council, the University of Leeds, Leeds Beckett University and Leeds Trinity University "
            "have signed the Leeds Learning Compact. The four partners will share data.",
            True,
        ),
    ],
)
def test_a_count_of_one_kind_of_party_is_not_all_the_parties(
    reference: Reference, text: str, kept: bool
) -> None:
    counts = {n for what, n in _counts(text, reference) if what == "signatories"}
    assert bool(counts) is kept
    assert 3 not in counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plants in Hull emit about 3.2 million tonnes of CO2 a year.",
            (Decimal(3200000), "tonnes CO2", "around"),
        ),
        (
            "The scheme in Leeds will save 40,000 tonnes of carbon dioxide.",
            (Decimal(40000), "tonnes CO2", None),
        ),
        ("The port in Hull handles 9 million tonnes of cargo.", (Decimal(9000000), "tonnes", None)),
    ],
)
def test_tonnes_of_carbon_are_their_own_unit(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The review in Leeds heard from over 300 universities, councils and local charities.",
            (Decimal(300), "count", "over"),
        ),
        (
            "The network now spans more than 50 universities and further education colleges.",
            (Decimal(50), "count", "more than"),
        ),
        (
            "The survey reached 150 councils, combined authorities and businesses.",
            (Decimal(150), "count", None),
        ),
    ],
)
def test_many_bodies_of_several_kinds_are_a_figure(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    assert expected in _stats(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        "The partnership in Hull brings together 12 universities and colleges.",
        "Leeds is one of 27 cities and towns in the network.",
        "The compact in Exeter names 40 universities across the UK.",
    ],
)
def test_a_few_bodies_or_one_kind_are_not_such_a_figure(reference: Reference, text: str) -> None:
    assert not any(unit == "count" for _, unit, _ in _stats(text, reference))


def test_a_documents_own_targets_are_not_statistics(reference: Reference) -> None:
    assert _stats("Each plan in Derby should carry no more than six measurable targets.", reference) == set()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Hull College has signed an agreement with the University of Hull and Hull City Council. "
            "The two institutions will jointly run degree apprenticeships.",
            False,
        ),
        (
            "Hull College has signed an agreement with the University of Hull and Hull City Council. "
            "The three institutions will jointly run degree apprenticeships.",
            True,
        ),
    ],
)
def test_fewer_institutions_than_parties_are_some_of_them(
    reference: Reference, text: str, kept: bool
) -> None:
    counts = {n for what, n in _counts(text, reference) if what == "signatories"}
    assert bool(counts) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The college in Hull will add 1,200 new level 3 and 4 courses.", (Decimal(1200), "count", None)),
        ("Leeds will fund 600 extra level 6 places by 2030.", (Decimal(600), "count", None)),
        ("About 12,000 14 to 16-year-olds in Derby take part.", (Decimal(12000), "people", "around")),
        ("The scheme in York reached 900 18-year-olds last year.", (Decimal(900), "people", None)),
    ],
)
def test_levels_and_ages_inside_what_is_counted(
    reference: Reference, text: str, expected: tuple[Decimal, str, str | None]
) -> None:
    found = _stats(text, reference)
    assert expected in found
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The council in Hull should control the money spent on training 16 to 19-year-olds.",
        "Funding for 14-16-year-olds in Leeds is falling.",
    ],
)
def test_an_age_band_is_not_a_count(reference: Reference, text: str) -> None:
    assert _stats(text, reference) == set()
