"""Institutions and their types, each phenomenon from small hand-made texts with invented bodies."""

from __future__ import annotations

import pytest

from extracting import run


def _orgs(text: str, reference) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {o.name: o.type for o in run(text, reference).organisations}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # a department or ministry whose subject is a short list, the sentence going on after it
        ("The charter asks the Department for Farming, Fisheries and Rural Affairs to publish figures.",
         "Department for Farming, Fisheries and Rural Affairs", "government"),
        ("A Ministry of Towns, Housing and Local Government spokesperson said no.",
         "Ministry of Towns, Housing and Local Government", "government"),
        ("She wrote to the Department for Culture, Media and Sport.", "Department for Culture, Media and Sport",
         "government"),
        # a faculty or school named by its subjects is a body of its own
        ("Dean of the Faculty of Design, Media and the Built Environment at Keele University, said so.",
         "Faculty of Design, Media and the Built Environment", "other"),
        ("Courses run through its School of Planning, Housing and the Built Environment.",
         "School of Planning, Housing and the Built Environment", "other"),
    ],
)  # fmt: skip
def test_a_name_whose_subject_is_a_list(reference, text, name, type_) -> None:
    assert _orgs(text, reference).get(name) == type_


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the list goes on into other bodies or places: the department ends at its first subject
        ("The Department for Education, Leeds City Council and Ofsted met.",
         "Department for Education, Leeds City Council and Ofsted"),
        ("The Department for Transport, Leeds and Bradford agreed a plan.", "Department for Transport, Leeds and Bradford"),
        # a faculty named by one subject is where a post is held, not a body the text lists
        ("Professor Ann Lowe, Head of the Faculty of Health at Keele University, said so.", "Faculty of Health"),
    ],
)  # fmt: skip
def test_a_list_that_is_not_the_name(reference, text, absent) -> None:
    assert absent not in _orgs(text, reference)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a nation's executive is a body; "and the" after a department starts another
        ("It was sent to the Department for the Economy and the Northern Ireland Executive in March.",
         {"Department for the Economy": "government", "Northern Ireland Executive": "government"}),
        ("Tenants of the Northern Ireland Housing Executive were asked.",
         {"Northern Ireland Housing Executive": "government"}),
        # a chief executive is a post, not a body
        ("The Chief Executive of Halden Borough Council spoke.", {"Halden Borough Council": "council"}),
    ],
)  # fmt: skip
def test_executives_that_are_bodies(reference, text, names) -> None:
    assert _orgs(text, reference) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # national funders and agencies named by what they fund and the nation, with no head word
        ("It asks Innovate UK and Research England to act, with Skills England.",
         {"Innovate UK": "government", "Research England": "government", "Skills England": "government"}),
        ("Funding from UK Trade and Enterprise was promised.", {"UK Trade and Enterprise": "government"}),
        ("A spokesperson for Homes England said so.", {"Homes England": "government"}),
        ("A spokesperson for Invest Northern Ireland said so.", {"Invest Northern Ireland": "government"}),
        ("Its allocation from the Scottish Funding Council rose.", {"Scottish Funding Council": "government"}),
        # a place's body is not a nation's agency
        ("It was backed by Sustainable Glasgow.", {"Sustainable Glasgow": "other"}),
        # "NHS England and X": two bodies
        ("It asks NHS England and Innovate UK to act.", {"NHS England": "other", "Innovate UK": "government"}),
    ],
)  # fmt: skip
def test_national_bodies_without_a_head_word(reference, text, names) -> None:
    assert _orgs(text, reference) == names


@pytest.mark.parametrize(
    "text",
    [
        "The Research England Development Fund is open.",  # a capital after it: a longer name, a fund
        "It was built with UK Steel and Glass Industries.",
    ],
)
def test_national_shapes_inside_longer_names(reference, text) -> None:
    assert not any(t == "government" for t in _orgs(text, reference).values())


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # membership bodies of councils, colleges or universities
        ("The Local Government Association backed it.", "Local Government Association", "alliance"),
        ("The Welsh Local Government Association (WLGA) agreed.", "Welsh Local Government Association", "alliance"),
        ("The Association of Colleges backed it.", "Association of Colleges", "alliance"),
        ("So did the Convention of Northern Local Authorities.", "Convention of Northern Local Authorities",
         "alliance"),
        ("The Humber Colleges Group signed.", "Humber Colleges Group", "alliance"),
        ('Professor Jo Bell, Chair of the Northern Towns Universities group, said: "Yes."',
         "Northern Towns Universities", "alliance"),
        # one college under one board is not an association
        ("The Valleys Group of Colleges signed.", "Valleys Group of Colleges", "other"),
    ],
)  # fmt: skip
def test_membership_bodies_are_alliances(reference, text, name, type_) -> None:
    assert _orgs(text, reference).get(name) == type_


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Staff at the universities of Birmingham, Leeds and Sheffield objected.",
         {"University of Birmingham", "University of Leeds", "University of Sheffield"}),
        ("The universities of Cardiff and Leeds agreed.", {"Cardiff University", "University of Leeds"}),
        # a list with something that is not a city is not read as universities
        ("The universities of Leeds and Narnia agreed.", set()),
    ],
)  # fmt: skip
def test_a_collapsed_list_of_universities(reference, text, names) -> None:
    assert set(_orgs(text, reference)) == names


@pytest.mark.parametrize(
    "text",
    [
        "For more, contact the Mayor's Press Office on 020 1234 5678.",
        "Media enquiries: Keele University Communications Office",
        "Call the Media Office on 01234 567890.",
    ],
)
def test_a_press_office_is_a_contact_not_a_body(reference, text) -> None:
    assert not any("Office" in name for name in _orgs(text, reference))


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a title heading the page is the publisher, not a body the story names
        ("Halden Evening Gazette\n\nCouncil signs skills pact\n\nHalden Borough Council has signed a pact.", False),
        ("HaldenLive\n\nCouncil signs skills pact\n\nHalden Borough Council has signed a pact.", False),
        # one the story names in a sentence of its own is a body too
        ("Halden Evening Gazette\n\nCouncil signs skills pact\n\nHalden Borough Council has signed a pact, "
         "its leader told the Halden Evening Gazette on Monday.", True),
    ],
)  # fmt: skip
def test_a_masthead_alone_is_not_an_institution(reference, text, present) -> None:
    assert (
        "Halden Evening Gazette" in _orgs(text, reference) or "HaldenLive" in _orgs(text, reference)
    ) is present


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # two head words that make an association's name
        ("Jo Rao, director of policy at College Alliance, said no.", "College Alliance", "alliance"),
        # a membership body named with no head word, by what it represents
        ("It was coordinated by Halden Higher, the body that represents universities and colleges in Halden.",
         "Halden Higher", "alliance"),
        ("GuildHE, which represents smaller universities, said so.", "GuildHE", "alliance"),
        # "upon" inside the place that names a trust
        ("Keele University and The Stockton upon Tees Hospitals NHS Foundation Trust have renewed it.",
         "The Stockton upon Tees Hospitals NHS Foundation Trust", "other"),
        # a Welsh group of colleges
        ("It joins Coleg Cambria, Grŵp Colegau Gogledd and Gwynedd Council.", "Grŵp Colegau Gogledd", "other"),
        # a city's harbour, a port company, a local enterprise partnership
        ("Belfast Harbour said it would consider the charter.", "Belfast Harbour", "other"),
        ("It was endorsed by Associated Northern Ports.", "Associated Northern Ports", "other"),
        ("It was welcomed by Halden Valley LEP, which is being wound down.", "Halden Valley LEP", "other"),
        # a college of a federal university in London is a university
        ("Queen Anne's College London signed.", "Queen Anne's College London", "university"),
        # a national body's possessive
        ("Bids go to the next round of Innovate UK's Launchpads.", "Innovate UK", "government"),
    ],
)  # fmt: skip
def test_bodies_named_without_the_usual_head(reference, text, name, type_) -> None:
    assert _orgs(text, reference).get(name) == type_


@pytest.mark.parametrize(
    "text",
    [
        "Keele, which represents a third of universities, said so.",  # one plain word: a place or short form
        "The event was held at Sutton Harbour on Friday.",  # a harbour not after a city is a place
    ],
)
def test_shapes_that_are_not_bodies(reference, text) -> None:
    assert _orgs(text, reference) == {}


def test_an_acronym_the_text_defines_names_the_body_by_its_full_name(reference) -> None:
    text = "The D2N2 Local Enterprise Partnership (LEP) said so. The D2N2 LEP agreed."
    assert _orgs(text, reference) == {"D2N2 Local Enterprise Partnership": "other"}


@pytest.mark.parametrize(
    ("last_line", "name"),
    [
        ("Glasgow Caledonian Univer", "Glasgow Caledonian University"),
        ("Halden Coll", "Halden College"),
    ],
)
def test_a_head_word_cut_off_by_the_end_of_the_page(reference, last_line, name) -> None:
    text = f"The signatories are:\nKeele University\n{last_line}"
    assert name in _orgs(text, reference)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # "and" before a body of a nation starts another body, not more of the first's subject
        ("The Convention of Northern Local Authorities and Universities Scotland are discussing it.",
         {"Convention of Northern Local Authorities": "alliance", "Universities Scotland": "alliance"}),
        # chambers of commerce
        ("It was backed by the Greater Halden Chambers of Commerce, which said so.",
         {"Greater Halden Chambers of Commerce": "other"}),
        # a building called chambers is not a body
        ("The event was at Halden City Chambers.", {}),
        # an area written as a list of places before a joint health body
        ("It signed with the Bristol, North Halden and South Halden Integrated Care Board on Monday.",
         {"Bristol, North Halden and South Halden Integrated Care Board": "other"}),
        # a list of places before a college is a list of parties, not one college's name
        ("Leeds, Bath and Weston College signed.", {"Bath and Weston College": "other"}),
    ],
)  # fmt: skip
def test_lists_of_bodies_and_of_places(reference, text, names) -> None:
    assert _orgs(text, reference) == names


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # a national institute "for" a field is the state's funder of it
        ("It hosts a centre funded by the National Institute for Coastal Research.",
         "National Institute for Coastal Research", "government"),
        # a body named after the kind of body it is
        ("Lewis Carver, regional secretary of the union Fairwork, said no.", "Fairwork", "other"),
        ("A report by the think tank Halden Futures said so.", "Halden Futures", "institute"),
    ],
)  # fmt: skip
def test_kinds_of_body_named_in_the_text(reference, text, name, type_) -> None:
    assert _orgs(text, reference).get(name) == type_


def test_a_union_named_only_by_its_kind_is_no_body(reference) -> None:
    assert _orgs("The union said no.", reference) == {}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the line under a byline is the journalist's service, not a body the story names
        ("Council signs skills pact\n\nBy Sam Hill\nNorthern Reporting Service\n\nHalden Borough Council has "
         "signed a pact.", "Northern Reporting Service"),
        # short lines under "Related links" are links to other pages
        ("Halden Borough Council has signed a pact with Keele University.\n\nRelated links\nHalden Poverty "
         "Commission\nVolunteering at Keele University", "Halden Poverty Commission"),
    ],
)  # fmt: skip
def test_bodies_named_only_in_page_furniture(reference, text, absent) -> None:
    names = _orgs(text, reference)
    assert absent not in names
    assert "Halden Borough Council" in names


def test_a_body_in_furniture_and_in_the_story_stays(reference) -> None:
    text = ("Halden Borough Council has signed a pact with the Halden Poverty Commission.\n\nRelated links\n"
            "Halden Poverty Commission")  # fmt: skip
    assert "Halden Poverty Commission" in _orgs(text, reference)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # national funders and agencies named with a council's or an agency's head word
        ("The Medical Research Council and Arts Council England agreed.",
         {"Medical Research Council": "government", "Arts Council England": "government"}),
        ("The Higher Education Funding Council for Wales agreed.",
         {"Higher Education Funding Council for Wales": "government"}),
        ("The Coastal Protection Agency agreed.", {"Coastal Protection Agency": "government"}),
        ("A spokesperson for the Cabinet Office said no.", {"Cabinet Office": "government"}),
        # a local council stays a council
        ("Halden Borough Council agreed.", {"Halden Borough Council": "council"}),
        # universities listed by their places before the plural
        ("Staff at Newcastle and Northumbria universities voted.",
         {"Newcastle University": "university", "Northumbria University": "university"}),
        ("In Leeds and Narnia universities are strong.", {}),
    ],
)  # fmt: skip
def test_national_councils_agencies_and_listed_universities(reference, text, names) -> None:
    assert _orgs(text, reference) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a body's own centre is a building or unit of it, where things happen
        ("It was signed at the University of Hull's Riverside Innovation Centre last week.",
         {"University of Hull": "university"}),
        ("It was signed at the University of Leeds's Food and Farming Centre by Leeds City Council.",
         {"University of Leeds": "university", "Leeds City Council": "council"}),
        # a body's institute is named without its owner
        ("Researchers at LJMU's Coastal Health Institute said so.", {"Coastal Health Institute": "institute"}),
        # an owner that is no body keeps the name whole
        ("Patients at Queen's Medical Centre waited.", {"Queen's Medical Centre": "institute"}),
    ],
)  # fmt: skip
def test_units_a_body_owns(reference, text, names) -> None:
    assert _orgs(text, reference) == names


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Keele University is a member of the Halden Group of 12 universities.", "Halden Group", "alliance"),
        ("Both are members of the Northern Research Network.", "Northern Research Network", "alliance"),
        # a committee one sits on is not an alliance; a group named without members stays what it is
        ("She is a member of the Development Committee.", "Development Committee", "other"),
        ("The Halden Group said so.", "Halden Group", "other"),
    ],
)
def test_a_group_bodies_are_members_of_is_an_alliance(reference, text, name, type_) -> None:
    assert _orgs(text, reference).get(name) == type_


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # the councils of a city region meeting as one cabinet are a council body; a network's is not
        ("The compact was backed by the Halden City Region Cabinet.", "Halden City Region Cabinet", "council"),
        ("Cllr Ann Ray chairs the Halden Bay Regional Cabinet.", "Halden Bay Regional Cabinet", "council"),
        ("It was agreed by the Halden Towns Cabinet.", "Halden Towns Cabinet", "other"),
    ],
)  # fmt: skip
def test_a_city_regions_cabinet_is_a_council_body(reference, text, name, type_) -> None:
    assert _orgs(text, reference).get(name) == type_
