"""Phenomena of the genre, each from small hand-made texts with invented people and bodies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from corecities_graph.extract.text import MAX_SENTENCE, segment
from extracting import people_of, run


@pytest.mark.parametrize(
    ("text", "name", "honorific", "roles"),
    [
        # role before the name
        ('Deputy Vice-Chancellor Professor Maya Lindqvist said: "We are ready."',
         "Maya Lindqvist", "Professor", {("Deputy Vice-Chancellor", None)}),
        ('Deputy Vice-Chancellor Professor Maya Lindqvist of Keele University said: "We are ready."',
         "Maya Lindqvist", "Professor", {("Deputy Vice-Chancellor", "Keele University")}),
        ('Northumbria University Vice-Chancellor Professor Lena Grey said: "Yes."',
         "Lena Grey", "Professor", {("Vice-Chancellor", "Northumbria University")}),
        ('Chair of the network Professor Ruth Abara said: "Yes."', "Ruth Abara", "Professor", {("Chair", None)}),
        # role after the name, two posts joined by "and"
        ('Tariq Bellamy, Chair of the Northern Skills Alliance and Leader of Wakefield Council, said: "It is time."',
         "Tariq Bellamy", None, {("Chair", "Northern Skills Alliance"), ("Leader", "Wakefield Council")}),
        ('Dr Amira Haddad, Head of Research at Tyneside Health Institute, said: "Yes."',
         "Amira Haddad", "Dr", {("Head of Research", "Tyneside Health Institute")}),
        ('Cllr Owen Price, Cabinet Member for Skills and Jobs at Wakefield Council, said: "Yes."',
         "Owen Price", "Cllr", {("Cabinet Member for Skills and Jobs", "Wakefield Council")}),
        ('Jonah Pike, chief executive of Halden Robotics Ltd, said: "We will hire locally."',
         "Jonah Pike", None, {("Chief executive", "Halden Robotics Ltd")}),
        # stacked honorifics, and honorifics that are not part of the name
        ('Professor Sir Oliver Brandt, Vice-Chancellor of Keele University, said: "Yes."',
         "Oliver Brandt", "Professor Sir", {("Vice-Chancellor", "Keele University")}),
        ('The Rt Hon Amelia Stroud MP, Secretary of State for Education, said: "We will listen."',
         "Amelia Stroud", "Rt Hon", {("Member of Parliament", None), ("Secretary of State for Education", None)}),
        ('Dame Ruth Okonjo, President of the Royal Society of Chemistry, said: "Good."',
         "Ruth Okonjo", "Dame", {("President", "Royal Society of Chemistry")}),
        ('Baroness Jean Whitlock, Chair of Halden Foundation, said: "Good."',
         "Jean Whitlock", "Baroness", {("Chair", "Halden Foundation")}),
        # Councillor, Cllr, Cllr. all become Cllr
        ('Councillor Nadia Farouk, Leader of Bradford Council, said: "Good."',
         "Nadia Farouk", "Cllr", {("Leader", "Bradford Council")}),
        ('Cllr. Nadia Farouk, Leader of Bradford Council, said: "Good."',
         "Nadia Farouk", "Cllr", {("Leader", "Bradford Council")}),
        ('Nadia Farouk, Leader of Bradford Council, said: "Good."',
         "Nadia Farouk", None, {("Leader", "Bradford Council")}),
        # a mayor's post is in the city (or the city region)
        ('Mayor of Bristol Ruth Penhaligon said: "Our city is open."',
         "Ruth Penhaligon", None, {("Mayor", "Bristol")}),
        ('Ruth Penhaligon, the Mayor of Bristol, said: "Our city is open."',
         "Ruth Penhaligon", None, {("Mayor", "Bristol")}),
        ('The Metro Mayor of Greater Manchester, Paul Treadwell, said: "Yes."',
         "Paul Treadwell", None, {("Metro Mayor", "Greater Manchester")}),
        ('Metro Mayor of the Liverpool City Region Sam Okoro said: "Yes."',
         "Sam Okoro", None, {("Metro Mayor", "Liverpool City Region")}),
        # speaker after the quote, a possessive organisation, an apposition outside speech
        ('"This is a landmark for the region," said Cllr Helen Ashdown, Leader of Kirklees Council.',
         "Helen Ashdown", "Cllr", {("Leader", "Kirklees Council")}),
        ('The University of Hull\'s Vice-Chancellor, Professor Dan Roper, said: "We welcome it."',
         "Dan Roper", "Professor", {("Vice-Chancellor", "University of Hull")}),
        ("Sir Keir Bramley, Leader of the Opposition, visited Leeds.",
         "Keir Bramley", "Sir", {("Leader of the Opposition", None)}),
        # a post in brackets, after a comma before a colon, or after the organisation in lower case
        ('Cllr Amy Hirst (Leader, Wakefield Council) said: "Yes."',
         "Amy Hirst", "Cllr", {("Leader", "Wakefield Council")}),
        ('Professor Ian Colley, Vice-Chancellor, Keele University: "We are delighted."',
         "Ian Colley", "Professor", {("Vice-Chancellor", "Keele University")}),
        ('In a statement, Halden Council leader Cllr Rob Dyson said: "We are delighted."',
         "Rob Dyson", "Cllr", {("Leader", "Halden Council")}),
        ('Professor Lisa Tan, the university\'s Pro Vice-Chancellor for Engagement, said: "Yes."',
         "Lisa Tan", "Professor", {("Pro Vice-Chancellor for Engagement", None)}),
        # a relative clause is not a post
        ('Professor Ama Boateng, who leads the Centre for Regional Growth, said it was "bold".',
         "Ama Boateng", "Professor", set()),
        ('South Yorkshire Mayor Tessa Morland said: "Yes."', "Tessa Morland", None, {("Mayor", "South Yorkshire")}),
        ('Leader of Manchester City Council Sir Ralph Lees said: "Yes."',
         "Ralph Lees", "Sir", {("Leader", "Manchester City Council")}),
        ('Vice-Chancellor Professor Shearer West said the deal was "historic".',
         "Shearer West", "Professor", {("Vice-Chancellor", None)}),
        ("The Lord Mayor of Leeds, Councillor Asha Khan, opened the event.",
         "Asha Khan", "Cllr", {("Lord Mayor", "Leeds")}),
        # names with letters beyond ASCII
        ('Professor Helen Café, Pro-Vice-Chancellor of Keele University, said: "Yes."',
         "Helen Café", "Professor", {("Pro-Vice-Chancellor", "Keele University")}),
        ('Cllr Seán Ó Briain, Leader of Wakefield Council, said: "Yes."',
         "Seán Ó Briain", "Cllr", {("Leader", "Wakefield Council")}),
        ('Dr Zoë Łukasz-Nowak, Director of the Halden Institute, said: "Yes."',
         "Zoë Łukasz-Nowak", "Dr", {("Director", "Halden Institute")}),
        # a capital inside the surname
        ('Director of Aston University, Dr Victor McAllister, said: "Yes."',
         "Victor McAllister", "Dr", {("Director", "Aston University")}),
        ('Professor Ann MacLeod, Vice-Chancellor of the University of Leeds, said: "Yes."',
         "Ann MacLeod", "Professor", {("Vice-Chancellor", "University of Leeds")}),
        ('Cllr Rosa DeVito, Leader of Leeds City Council, said: "Yes."',
         "Rosa DeVito", "Cllr", {("Leader", "Leeds City Council")}),
        # a surname that is also a city stays a surname
        ('Tom Lincoln, Leader of Leeds City Council, said: "Yes."',
         "Tom Lincoln", None, {("Leader", "Leeds City Council")}),
    ],
)  # fmt: skip
def test_people_posts_and_honorifics(reference, text, name, honorific, roles) -> None:
    people = people_of(text, reference)
    assert name in people, list(people)
    assert people[name][0] == honorific
    assert people[name][1] == roles


def test_photo_caption_lists_people_with_roles_in_mixed_orders(reference) -> None:
    text = (
        "Pictured, from left: Dr Amira Haddad, Head of Research at Tyneside Health Institute; "
        "Councillor Ben Oduya, Leader of Gateshead Council; and Northumbria University Vice-Chancellor "
        "Professor Lena Grey."
    )
    people = people_of(text, reference)
    assert people == {
        "Amira Haddad": ("Dr", {("Head of Research", "Tyneside Health Institute")}),
        "Ben Oduya": ("Cllr", {("Leader", "Gateshead Council")}),
        "Lena Grey": ("Professor", {("Vice-Chancellor", "Northumbria University")}),
    }


def test_mayor_role_points_at_the_city_not_an_organisation(reference) -> None:
    person = next(p for p in run('Mayor of Bristol Ruth Penhaligon said: "Yes."', reference).people)
    assert person.roles[0].org == "Bristol" and person.roles[0].org_is_city


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "She added:" and '..., he said.' go to the last named speaker
        ('Cllr Jo Marsh, Leader of Leeds City Council, said: "We want growth."\nShe added: "And homes."',
         [("Jo Marsh", "We want growth.", 1), ("Jo Marsh", "And homes.", 1)]),
        ('Professor Ian Bale said: "We agree."\n"It is a plan," he said.',
         [("Ian Bale", "We agree.", 1), ("Ian Bale", "It is a plan,", 1)]),
        # "Sir Colin" after "Sir Colin Marsh" is the same speaker
        ('Mayor of Leicester Sir Colin Marsh backed the bid.\n"We have the land," Sir Colin said.',
         [("Colin Marsh", "We have the land,", 1)]),
        # a quote left open at the end of a paragraph continues in the next one
        ('Dr Ann Lowe said: "First point.\n"Second point.\n"Third point."\nThe report follows.',
         [("Ann Lowe", "First point.\nSecond point.\nThird point.", 3)]),
        # single quotation marks
        ("Professor Guy Oduya stated, ‘Cities and universities work together.’",
         [("Guy Oduya", "Cities and universities work together.", 1)]),
        # an unattributed pull-quote is not a quote
        ('"A better future for all"\nThe cities met today.', []),
    ],
)  # fmt: skip
def test_quotes_and_who_said_them(reference, text, expected) -> None:
    quotes = run(text, reference).quotes
    assert [(q.speaker, q.text, q.paragraphs) for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("The plan funds fourteen new apprenticeship schemes.", Decimal(14), "count", None),
        ("The network counts twenty-one pilot studies.", Decimal(21), "count", None),
        ("About 12 per cent of adults hold no qualification.", Decimal(12), "percent", "around"),
        ("Around 18 percent of adults hold no qualification.", Decimal(18), "percent", "around"),
        ("Up to 25% of income comes from partners.", Decimal(25), "percent", None),
        ("The fund is worth £1.5 million.", Decimal(1_500_000), "GBP", None),
        ("Spending reached £222bn last decade.", Decimal(222_000_000_000), "GBP", None),
        ("It could unlock £100billion for the regions.", Decimal(100_000_000_000), "GBP", None),
        ("The trust treats nearly 1.2m patients.", Decimal(1_200_000), "people", "nearly"),
        ("The city welcomes almost 3,500 visitors.", Decimal(3500), "people", "almost"),
        ("The scheme will create more than 400 jobs.", Decimal(400), "jobs", "more than"),
        ("Its roots go back over 175 years.", Decimal(175), "years", "over"),
    ],
)
def test_figures_values_units_and_qualifiers(reference, text, value, unit, qualifier) -> None:
    stats = run(text, reference).statistics
    assert [(s.value, s.unit, s.qualifier) for s in stats] == [(value, unit, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was agreed in 2021 by the partners.",
        "Call 0161 496 0000 for details.",
        "Recovery after COVID-19 is the first aim.",
    ],
)
def test_years_phones_and_virus_names_are_not_figures(reference, text) -> None:
    assert run(text, reference).statistics == []


@pytest.mark.parametrize(
    ("text", "what", "count"),
    [
        ("The pledge was signed by 12 universities and the cities.", "universities", 12),
        ("The eleven cities met in Leeds.", "cities", 11),
        ("The city's two universities back the bid.", "universities", 2),
        ("We have two brilliant universities here.", "universities", 2),
        ("The three partners will share the cost.", "signatories", 3),
    ],
)
def test_counts_of_parties_are_claimed_counts_not_figures(reference, text, what, count) -> None:
    result = run(text, reference)
    assert [(c.what, c.count) for c in result.claimed_counts] == [(what, count)]
    assert result.statistics == []


@pytest.mark.parametrize(
    ("text", "proposal"),
    [
        ("The partners are calling for a new regional skills fund to be set up by government.",
         "Regional skills fund"),
        ("The network also wants a civic university fund to be created.", "Civic university fund"),
        ("They ask for new Coastal Innovation Zones to be established.", "Coastal Innovation Zones"),
        ("The partners are asking government for a dedicated regional investment fund.",
         "Regional investment fund"),
    ],
)  # fmt: skip
def test_proposals_named_in_lower_case_or_title_case(reference, text, proposal) -> None:
    assert [p.name for p in run(text, reference).proposals] == [proposal]


@pytest.mark.parametrize(
    ("cue", "lines", "signatories"),
    [
        ("The Kestrel Charter has been signed by:",
         ["Keele University", "Wakefield Council", "Halden Robotics Ltd"],
         ["Keele University", "Wakefield Council", "Halden Robotics Ltd"]),
        ("The Kestrel Charter is backed by a coalition. The signatories are:",
         ["University of Kent and Canterbury Christ Church University (joint)", "Medway Council"],
         ["University of Kent and Canterbury Christ Church University", "Medway Council"]),
        ("The Kestrel Declaration has been signed by:",
         ["Liverpool John Moore's University", "Queens University Belfast", "Sheffield Hallam",
          "Nottingham Trent Univeristy"],
         ["Liverpool John Moores University", "Queen's University Belfast", "Sheffield Hallam University",
          "Nottingham Trent University"]),
    ],
)  # fmt: skip
def test_signatory_lists(reference, cue, lines, signatories) -> None:
    result = run("\n".join([cue, *lines]), reference)
    assert [s.org for s in result.signatories] == signatories


def test_a_joint_entry_is_one_party_with_two_members(reference) -> None:
    text = "The signatories are:\nUniversity of Kent and Canterbury Christ Church University (joint)"
    org = run(text, reference).organisations[0]
    assert (org.type, org.members) == (
        "alliance",
        ("University of Kent", "Canterbury Christ Church University"),
    )


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Staff at Halden Valley University welcomed the news.", "Halden Valley University", "university"),
        ("Students at Northgate College welcomed the news.", "Northgate College", "other"),  # further education
        ("University College Birmingham signed.", "University College Birmingham", "university"),
        ("Kestrel District Council welcomed the news.", "Kestrel District Council", "council"),
        ("The Humber Combined Authority welcomed the news.", "Humber Combined Authority", "council"),
        ("University Hospitals of Halden NHS Trust welcomed the news.",
         "University Hospitals of Halden NHS Trust", "other"),
        ("Kestrel and Halden Mental Health NHS Foundation Trust welcomed it.",
         "Kestrel and Halden Mental Health NHS Foundation Trust", "other"),
        ("The Halden Local Enterprise Partnership welcomed the news.", "Halden Local Enterprise Partnership", "other"),
        ("Shares in Brightwater Engineering plc rose.", "Brightwater Engineering plc", "company"),
        ("Halden Robotics Ltd will hire 40 graduates.", "Halden Robotics Ltd", "company"),
        ("The Institute for Coastal Futures published a report.", "Institute for Coastal Futures", "institute"),
        ("The Centre for Place-Based Policy published a report.", "Centre for Place-Based Policy", "institute"),
        ("The Department for Education published a report.", "Department for Education", "government"),
        ("It was signed by Kestrel City Council on Monday.", "Kestrel City Council", "council"),
        ("The Office for Coastal Statistics published a report.", "Office for Coastal Statistics", "government"),
    ],
)  # fmt: skip
def test_organisations_missing_from_reference_data_are_found_and_typed(reference, text, name, type_) -> None:
    orgs = [(o.name, o.type) for o in run(text, reference).organisations]
    assert orgs == [(name, type_)]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Liverpool John Moore's University", "Liverpool John Moores University"),
        ("Queens University Belfast", "Queen's University Belfast"),
        ("Nottingham Trent Univeristy", "Nottingham Trent University"),
        ("Leeds Becket University", "Leeds Beckett University"),
        ("Core Cities Group", "Core Cities UK"),
        # close spellings of other bodies stay apart
        ("University of Leicester", None),
        ("Leeds City College", None),
        ("Newcastle College", None),
        ("Bristol City Council", None),
    ],
)
def test_fuzzy_resolution_is_guarded(reference, surface, canonical) -> None:
    assert reference.canonical_org(surface) == canonical


@pytest.mark.parametrize(
    ("text", "cities", "regions"),
    [
        (
            "Leaders from Sheffield and the Sheffield City Region met.",
            ["Sheffield"],
            ["Sheffield City Region"],
        ),
        (
            "Work in Greater Manchester and the West Midlands goes on.",
            [],
            ["Greater Manchester", "West Midlands"],
        ),
        ("The Liverpool City Region and Liverpool itself gain.", ["Liverpool"], ["Liverpool City Region"]),
        ("Staff at the University of Leeds agreed.", [], []),
    ],
)
def test_regions_are_kept_apart_from_cities(reference, text, cities, regions) -> None:
    result = run(text, reference)
    assert (result.cities(), result.regions()) == (cities, regions)


@pytest.mark.parametrize(
    "noise",
    [
        "READ MORE: Council approves new bus lanes at Wakefield Council",
        "Photo: Jane Ode / Halden Gazette",
        "Image credit: Keele University",
        "Share on Facebook Share on Twitter",
        "Twitter Facebook LinkedIn",
        "We use cookies to improve your experience. Accept cookies | Cookie settings",
        "Tags: Research, Keele University",
        "12",
        "Page 3 of 7",
    ],
)
def test_page_furniture_is_ignored(reference, noise) -> None:
    result = run(f"{noise}\nThe meeting went well.", reference)
    assert result.organisations == [] and result.people == [] and result.statistics == []


def test_notes_to_editors_are_read_but_not_their_heading(reference) -> None:
    # the notes say who the parties are (an alliance's members, a list, who to call)
    text = (
        "The Kestrel Charter was launched today.\n"
        "Notes to editors\n"
        "Halden Media Group publishes this page. Call 01632 960000.\n"
        "The charter has been signed by:\n"
        "Keele University\n"
    )
    result = run(text, reference)
    assert [o.name for o in result.organisations] == ["Halden Media Group", "Keele University"]
    assert [s.org for s in result.signatories] == ["Keele University"]
    assert result.statistics == []
    assert all(not p.noise for p in segment(text).paragraphs[2:])
    assert segment(text).paragraphs[1].noise


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("https://example.org/news/2021/05/pledge\nPublished: 3 May\nText.", "2021-05-03"),
        ("https://example.org/news/pledge\nPublished: 3 May\nText.", None),
        ("https://example.org/news/pledge\n08:00, 3 MAY 2022\nText.", "2022-05-03"),
        ("https://example.org/news/pledge\nLast updated 16 March 2021\nText.", "2021-03-16"),
    ],
)
def test_dateline_and_a_date_without_a_year(reference, text, date) -> None:
    assert run(text, reference).date == date


def test_long_input_is_cut_into_bounded_sentences(reference) -> None:
    text = " ".join(["University of Leeds and Cllr Ann Lee said £1.5m per cent"] * 2000)
    seg = segment(text)
    assert max(s.end - s.start for s in seg.sentences) <= MAX_SENTENCE
    assert all(text[s.start : s.end] == s.text for s in seg.sentences)
    assert run(text, reference).organisations  # and extraction still reads it


def test_an_organisation_named_after_a_region_is_not_placed_in_a_city(reference) -> None:
    org = run("The Greater Manchester Combined Authority agreed.", reference).organisations[0]
    assert (org.name, org.type, org.city) == ("Greater Manchester Combined Authority", "council", None)


def test_a_generic_agreement_is_told_apart_by_its_first_party(reference) -> None:
    first = run(
        "Keele University and Wakefield Council have signed a Memorandum of Understanding.", reference
    )
    second = run("Halden Council and Keele University have signed a Memorandum of Understanding.", reference)
    assert first.declaration is not None and second.declaration is not None
    assert first.declaration.key == "keele-university-memorandum-of-understanding"
    assert second.declaration.key == "halden-council-memorandum-of-understanding"
    assert [s.org for s in first.signatories] == ["Keele University", "Wakefield Council"]


def test_a_named_agreement_keeps_one_identity_across_documents(reference) -> None:
    first = run("Halden Council has agreed a Kestrel Health Partnership with partners.", reference, "a")
    second = run("Keele University has signed the Kestrel Health Partnership too.", reference, "b")
    assert first.declaration is not None and second.declaration is not None
    assert first.declaration.key == second.declaration.key == "kestrel-health-partnership"
