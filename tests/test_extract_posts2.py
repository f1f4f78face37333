"""Posts, people and bodies in layouts and wordings of the second round, each from small hand-made
texts with invented people."""

from __future__ import annotations

import pytest

from extracting import people_of, run

_TABLE = (
    "Organisation | Signed by\n"
    "Leeds City Council | Cllr Ann Morley, Leader\n"
    "University of Leeds | Professor Tom Hale, Deputy Vice-Chancellor\n"
    "Leeds Beckett University | Dr Jo Pike, Pro Vice-Chancellor (Enterprise)\n"
    "Coleg Gwent | Sam Price, Principal\n"
    "Coleg y Cymoedd | Huw Rhys, Principal\n"
)


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("Ann Morley", {("Leader", "Leeds City Council")}),
        ("Tom Hale", {("Deputy Vice-Chancellor", "University of Leeds")}),
        ("Jo Pike", {("Pro Vice-Chancellor (Enterprise)", "Leeds Beckett University")}),
        # a body the finder does not know, in the column of bodies it does
        ("Sam Price", {("Principal", "Coleg Gwent")}),
        ("Huw Rhys", {("Principal", "Coleg y Cymoedd")}),
    ],
)
def test_a_tables_row_names_the_body_of_the_post_in_its_first_cell(reference, name, roles) -> None:
    assert people_of(_TABLE, reference)[name][1] == roles


def test_the_first_column_of_a_table_of_bodies_holds_bodies(reference) -> None:
    names = {o.name for o in run(_TABLE, reference).organisations}
    assert {"Coleg Gwent", "Coleg y Cymoedd"} <= names
    assert "Signed by" not in names


def test_a_row_without_bodies_around_it_makes_no_body(reference) -> None:
    text = "Share this article: Facebook | X | LinkedIn\nRead More | Next story\n"
    assert {o.name for o in run(text, reference).organisations} == set()


def test_a_post_in_a_sub_body_of_the_rows_body_is_the_bodys(reference) -> None:
    text = (
        "Organisation | Signed by\n"
        "Cardiff Capital Region | Cllr Dai Lewis, Chair of the Regional Cabinet\n"
        "Cardiff Council | Cllr Ann Morley, Leader\n"
        "Cardiff University | Professor Tom Hale, Vice-Chancellor\n\n"
        "Cllr Dai Lewis, Chair of the Cardiff Capital Region Regional Cabinet, said it was right.\n"
    )
    assert people_of(text, reference)["Dai Lewis"][1] == {
        ("Chair of the Regional Cabinet", "Cardiff Capital Region")
    }


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # an owner's possessive ends the owner's name: no body runs on into the post
        ("The Welsh Government's Cabinet Secretary for Economy, Lowri Jones, welcomed the agreement.",
         "Lowri Jones", {("Cabinet Secretary for Economy", "Welsh Government")}),
        ('Ulster University signed. Professor Dan Moore, Provost of Ulster University\'s Magee campus, said: "Yes."',
         "Dan Moore", {("Provost", "Ulster University")}),
        # the ranked post at the end of a line
        ("The compact was signed for Newcastle University by Professor Ann Lee, Deputy Vice-Chancellor.",
         "Ann Lee", {("Deputy Vice-Chancellor", "Newcastle University")}),
    ],
)  # fmt: skip
def test_posts_after_an_owners_possessive_and_ranked_posts(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_an_owners_possessive_makes_no_body_of_the_post(reference) -> None:
    text = "The Welsh Government's Cabinet Secretary for Economy, Lowri Jones, welcomed the agreement."
    assert {o.name for o in run(text, reference).organisations} == {"Welsh Government"}


def test_a_releases_own_university_is_the_university(reference) -> None:
    text = (
        "Cardiff University\n\nCardiff University has signed the compact.\n\n"
        "Cardiff Metropolitan University also signed.\n\n"
        'The university\'s Pro Vice-Chancellor for Civic Mission, Dr Owen Price, said: "Yes."\n'
    )
    assert people_of(text, reference)["Owen Price"][1] == {
        ("Pro Vice-Chancellor for Civic Mission", "Cardiff University")
    }


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("The North East Combined Authority signed.\n\nJon Hale was elected as the first Mayor of the North East "
         "in May 2024.", "Jon Hale", {("Mayor", "North East")}),
        ("Teesside University signed.\n\nAnn Lee was appointed Director of Research at Teesside University in 2020.",
         "Ann Lee", {("Director of Research", "Teesside University")}),
    ],
)  # fmt: skip
def test_a_post_someone_was_elected_or_appointed_to(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_a_verb_is_no_post(reference) -> None:
    text = "Teesside University signed.\n\nAnn Lee was speaking at Teesside University on Monday."
    assert "Ann Lee" not in people_of(text, reference)


def test_a_posts_field_in_brackets_after_an_owners_possessive(reference) -> None:
    text = (
        "Durham University signed. Durham University's Pro-Vice-Chancellor (Regional Engagement), "
        'Professor Ann Wood, said: "Yes."'
    )
    assert people_of(text, reference)["Ann Wood"][1] == {
        ("Pro-Vice-Chancellor (Regional Engagement)", "Durham University")
    }


@pytest.mark.parametrize(
    "text",
    [
        # a college's own page: its principal
        "The Leeds College\n\nThe Leeds College has joined the accord with Leeds Beckett University and the "
        'University of Leeds.\n\nPrincipal and Chief Executive Dr Sam Oyelaran said: "Yes."',
        # one college named among universities none of which is named most
        "Leeds Beckett University, the University of Leeds and Leeds City College signed. Leeds City College "
        'backed it.\n\nPrincipal Dr Sam Oyelaran said: "Yes."',
    ],
)
def test_a_principal_without_a_body_is_the_colleges(reference, text) -> None:
    (role,) = people_of(text, reference)["Sam Oyelaran"][1]
    assert role[1] in {"The Leeds College", "Leeds City College"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The accord was signed by Leeds City Council and The Manchester College.", "The Manchester College"),
        ("Signatories:\n• The Christie NHS Foundation Trust\n• Leeds City Council\n", "The Christie NHS Foundation Trust"),
        ("The Sheffield College\n\nThe Sheffield College has signed.", "The Sheffield College"),
    ],
)  # fmt: skip
def test_the_in_a_bodys_own_name_is_kept(reference, text, name) -> None:
    assert name in {o.name for o in run(text, reference).organisations}


@pytest.mark.parametrize(
    "text",
    [
        "The Manchester College has signed the accord.",  # a sentence opens with 'The'
        "It was signed by the Manchester College and Leeds City Council.",
        "It was signed by The University of Sheffield and Leeds City Council.",
    ],
)
def test_a_sentences_the_is_not_a_bodys_name(reference, text) -> None:
    assert not any(o.name.startswith("The ") for o in run(text, reference).organisations)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("It was signed by the Glasgow School of Art and Glasgow City Council.", "Glasgow School of Art", "university"),
        ("It was signed by the Royal Conservatoire of Scotland and Glasgow City Council.",
         "Royal Conservatoire of Scotland", "university"),
        ("Organisation | Signed by\nCardiff Capital Region | Cllr Ann Morley, Chair\nCardiff Council | Cllr Dai "
         "Lewis, Leader\nCardiff University | Professor Tom Hale, Vice-Chancellor\n", "Cardiff Capital Region", "council"),
    ],
)  # fmt: skip
def test_types_of_art_schools_and_signing_city_regions(reference, text, name, type_) -> None:
    types = {o.name: o.type for o in run(text, reference).organisations}
    assert types[name] == type_


@pytest.mark.parametrize(
    ("text", "nobody"),
    [
        ("Pictured (l-r): Ann Lee and Tom Hale at the signing. Photo: Martin Shields / Strathclyde Communications",
         {"Martin Shields", "Strathclyde Communications"}),
        ("Picture credit: Dan Moore | Leeds City Council\n\nLeeds City Council signed.", {"Dan Moore"}),
        ("The University of South Wales, which has a campus on Cardiff's Adam Street, said it would help.",
         {"Adam Street"}),
    ],
)  # fmt: skip
def test_no_person_from_a_photo_credit_or_a_street(reference, text, nobody) -> None:
    assert not nobody & set(people_of(text, reference))


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("Leeds City Council signed.\n\nPress office: Sam Reid, Senior Communications Manager, Leeds City Council.",
         "Sam Reid", {("Senior Communications Manager", "Leeds City Council")}),
        ("Ulster University signed.\n\nMedia office: Ann Doyle, Communications Officer, Ulster University",
         "Ann Doyle", {("Communications Officer", "Ulster University")}),
        # a byline after its date, and the title it writes for named again at the foot
        ("Nation.Cymru\n\nNews\n\n28 Feb 2025 | Ffion Hughes, Local Democracy Reporter\n\nCardiff Council signed.\n\n"
         "Ffion Hughes is a Local Democracy Reporter for Nation.Cymru.",
         "Ffion Hughes", {("Local Democracy Reporter", "Nation.Cymru")}),
        ("Leeds Live\n\n3 March 2025 | Tom Abel, Political Reporter\n\nLeeds City Council signed.",
         "Tom Abel", {("Political Reporter", "Leeds Live")}),
    ],
)  # fmt: skip
def test_press_office_contacts_and_dated_bylines(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Key Cities welcomed it. The Key Cities network has 27 members.", "Key Cities", "alliance"),
        ("Universities UK welcomed the compact.", "Universities UK", "alliance"),
        # named twice, but typed as a think tank only where the text calls it one
        ('IPPR North wrote the report. Dr Sam Roe, Director of IPPR North, said: "Yes."', "IPPR North", "other"),
        ("The think tank IPPR Scotland wrote the report.", "IPPR Scotland", "institute"),
    ],
)  # fmt: skip
def test_bodies_without_a_head_word(reference, text, name, type_) -> None:
    types = {o.name: o.type for o in run(text, reference).organisations}
    assert types.get(name) == type_, types


@pytest.mark.parametrize(
    "text",
    [
        "Seventeen Key Cities signed, and Seventeen Key Cities backed it.",  # a count of cities, not a name
        "Smart Cities matter.",  # named once, and nothing calls it a body
        "BBC Wales reported it.",
    ],
)
def test_no_body_from_a_count_or_a_phrase_named_once(reference, text) -> None:
    names = {o.name for o in run(text, reference).organisations}
    assert not names & {"Seventeen Key Cities", "Smart Cities", "BBC Wales"}


def test_a_lower_case_post_after_an_alliance_named_without_a_head_word(reference) -> None:
    text = (
        "Key Cities launched the charter.\n\n"
        'Key Cities chair Cllr Ann Lee, Leader of Derby City Council, said: "Yes."'
    )
    assert people_of(text, reference)["Ann Lee"][1] == {
        ("Chair", "Key Cities"),
        ("Leader", "Derby City Council"),
    }


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a kind of body, then its post, in lower case before the name
        ("Hull City Council signed.\n\nIt was signed on Friday by council leader Councillor Mike Bell and others.",
         "Mike Bell", {("Leader", "Hull City Council")}),
        # a lower-case post of a named body after the name
        ("But Cllr Iwan Bell, leader of Newport City Council, warned it would fail.",
         "Iwan Bell", {("Leader", "Newport City Council")}),
        # a post named by the kind of body it is in: the one such body the text names
        ("The pledge was signed at a meeting of the council's City Growth and Regeneration Committee.\n\n"
         'Committee chair Councillor Declan Toal (SDLP) said the pledge was "overdue".',
         "Declan Toal", {("Committee chair", "City Growth and Regeneration Committee")}),
    ],
)  # fmt: skip
def test_lower_case_posts_with_their_body(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_a_post_in_a_body_the_text_does_not_name_is_left_out(reference) -> None:
    text = (
        "Dr Amy Rees, Chief People Officer at Leeds Teaching Hospitals NHS Trust and co-chair of the "
        'compact\'s steering group, said: "Yes."'
    )
    assert people_of(text, reference)["Amy Rees"][1] == {
        ("Chief People Officer", "Leeds Teaching Hospitals NHS Trust")
    }


@pytest.mark.parametrize(
    "table",
    [
        # bars that open and close each row, as a text table keeps them
        "| Organisation | Signed by |\n| Exeter City Council | Cllr Ann Morley, Leader |\n"
        "| University of Exeter | Professor Tom Hale, Vice-Chancellor |\n| Coleg Gwent | Sam Price, Principal |\n",
        "|Organisation | Signatory|\n|Exeter City Council | Cllr Ann Morley, Leader|\n"
        "|University of Exeter | Professor Tom Hale, Vice-Chancellor|\n|Coleg Gwent | Sam Price, Principal|\n",
        "Organisation | Signatory |\nExeter City Council | Cllr Ann Morley, Leader |\n"
        "University of Exeter | Professor Tom Hale, Vice-Chancellor |\nColeg Gwent | Sam Price, Principal |\n",
    ],
)
def test_a_row_between_bars_names_the_body_in_its_first_cell(reference, table) -> None:
    people = people_of(table, reference)
    assert people["Ann Morley"][1] == {("Leader", "Exeter City Council")}
    assert people["Tom Hale"][1] == {("Vice-Chancellor", "University of Exeter")}
    assert people["Sam Price"][1] == {("Principal", "Coleg Gwent")}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Exeter City Council signed. It was signed by the council's Chief Executive, Ann Hill, the University "
         "of Exeter's Provost, Professor Tom Ray, and others.",
         ("Ann Hill", {("Chief Executive", "Exeter City Council")}),
         ("Tom Ray", {("Provost", "University of Exeter")})),
        ("Exeter City Council signed. It was signed by the council's Chief Executive, Ann Hill, Ulster "
         "University's Pro-Vice-Chancellor for Civic Engagement, Professor Tom Ray, and others.",
         ("Ann Hill", {("Chief Executive", "Exeter City Council")}),
         ("Tom Ray", {("Pro-Vice-Chancellor for Civic Engagement", "Ulster University")})),
        # a long sentence: the post before the second name is still read
        ("The three-year Exeter Digital Skills Memorandum of Understanding was signed at the Guildhall in the "
         "city centre on a wet Tuesday afternoon by Exeter City Council's Chief Executive, Ann Hill, Ulster "
         "University's Pro-Vice-Chancellor for Civic Engagement, Professor Tom Ray, and others.",
         ("Ann Hill", {("Chief Executive", "Exeter City Council")}),
         ("Tom Ray", {("Pro-Vice-Chancellor for Civic Engagement", "Ulster University")})),
    ],
)  # fmt: skip
def test_in_a_list_of_posts_before_names_each_post_is_the_next_names(reference, text, first, second) -> None:
    people = people_of(text, reference)
    assert people[first[0]][1] == first[1]
    assert people[second[0]][1] == second[1]


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a party's name before the post of the council is no part of the post
        ("Cllr Marcus Hale, the Labour leader of Leeds City Council, who chairs Core Cities UK, said it was right.",
         "Marcus Hale", {("Leader", "Leeds City Council"), ("Chair", "Core Cities UK")}),
        ("Cllr Marcus Hale, Conservative leader of Leeds City Council, who co-chairs the Northern Powerhouse "
         "Partnership, said it was right.",
         "Marcus Hale", {("Leader", "Leeds City Council"), ("Co-chair", "Northern Powerhouse Partnership")}),
        ("Cllr Marcus Hale, leader of Leeds City Council, who chairs Core Cities UK, said it was right.",
         "Marcus Hale", {("Leader", "Leeds City Council"), ("Chair", "Core Cities UK")}),
        ("Cllr Ann Vale, the Liberal Democrat leader of Sheffield City Council, said it was right.",
         "Ann Vale", {("Leader", "Sheffield City Council")}),
        # a party's group is a body of its own, and its leader's post keeps the party
        ("Green group leader Cllr Mairi Ferguson welcomed the compact.", "Mairi Ferguson", {("Green group leader", None)}),
        ("Leeds City Council signed. The Liberal Democrat group leader, Cllr Mairi Ferguson, said so.",
         "Mairi Ferguson", {("Liberal Democrat group leader", None)}),
        ("Leeds City Council signed. Scottish Conservative group leader Cllr Mairi Ferguson said so.",
         "Mairi Ferguson", {("Scottish Conservative group leader", None)}),
    ],
)  # fmt: skip
def test_party_words_and_a_later_clause_in_an_apposition(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a body called by its first word after 'of', whatever its apostrophe
        ("Queen’s University Belfast signed. Professor Neil Dale, President and Vice-Chancellor of Queen’s, said it.",
         "Neil Dale", {("President and Vice-Chancellor", "Queen's University Belfast")}),
        ("Queen's University Belfast signed. Professor Neil Dale, Vice-Chancellor of Queen’s, said it.",
         "Neil Dale", {("Vice-Chancellor", "Queen's University Belfast")}),
        # a body clipped to its place and the start of its next word
        ("Belfast Metropolitan College and Belfast City Council signed. Sam Doe, Principal and Chief Executive, "
         "Belfast Met, said it.", "Sam Doe", {("Principal and Chief Executive", "Belfast Metropolitan College")}),
        ("Pictured (left to right): Sam Doe, Principal, Belfast Met; Professor Ann Walsh, Deputy Vice-Chancellor, "
         "Ulster University. Belfast Metropolitan College and Belfast City Council signed.",
         "Sam Doe", {("Principal", "Belfast Metropolitan College")}),
    ],
)  # fmt: skip
def test_a_body_called_short_after_a_post(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a body's initials before a lower-case post, and a portfolio listed before the next post
        ("Greater Manchester Combined Authority signed. Cllr Arif Khan, GMCA lead for education, work and skills "
         "and leader of Oldham Council, said it.", "Arif Khan",
         {("Lead for education, work and skills", "Greater Manchester Combined Authority"), ("Leader", "Oldham Council")}),
        ("Greater Manchester Combined Authority signed. Cllr Arif Khan, GMCA lead for housing and leader of Bury "
         "Council, said it.", "Arif Khan",
         {("Lead for housing", "Greater Manchester Combined Authority"), ("Leader", "Bury Council")}),
        ("West Midlands Combined Authority signed. Cllr Ann Bell, WMCA portfolio holder for skills, jobs and "
         "housing and leader of Walsall Council, said it.", "Ann Bell",
         {("Portfolio holder for skills, jobs and housing", "West Midlands Combined Authority"), ("Leader", "Walsall Council")}),
        ("Cllr Arif Khan, cabinet member for climate, ecology and energy, said it.", "Arif Khan",
         {("Cabinet member for climate, ecology and energy", None)}),
    ],
)  # fmt: skip
def test_a_portfolio_list_then_another_post(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    "text",
    [
        "The University of Bradford has renewed its agreement with Bradford College. The University of Leeds and "
        "Sheffield Hallam University have similar ones. “It matters,” said Professor Ann Kaur, the vice-chancellor.",
        "The University of Bradford has signed a compact. Leeds Beckett University and the University of York "
        "signed one last year. Vice-Chancellor Professor Ann Kaur said it mattered.",
    ],
)
def test_a_tie_between_universities_goes_to_the_one_the_text_opens_with(reference, text) -> None:
    assert people_of(text, reference)["Ann Kaur"][1] <= {
        ("Vice-chancellor", "University of Bradford"),
        ("Vice-Chancellor", "University of Bradford"),
    }
    assert people_of(text, reference)["Ann Kaur"][1]


def test_a_tie_the_opening_body_is_not_in_stays_open(reference) -> None:
    text = (
        "Bradford College has signed a compact with the University of Leeds and Sheffield Hallam University. "
        "“It matters,” said Professor Ann Kaur, the vice-chancellor."
    )
    assert people_of(text, reference)["Ann Kaur"][1] == {("Vice-chancellor", None)}


@pytest.mark.parametrize(
    ("text", "publisher", "name", "roles"),
    [
        ('Alderman Trevor Bell, Chairman of the Development Committee, said: "Yes."',
         "Lisburn and Castlereagh City Council", "Trevor Bell",
         {("Chairman of the Development Committee", "Lisburn and Castlereagh City Council")}),
        ('Leeds City Council signed. Cllr Ann Bell, Chair of the Planning Committee, said: "Yes."', None,
         "Ann Bell", {("Chair of the Planning Committee", "Leeds City Council")}),
        # a minister's committee is no council's
        ('Leeds City Council signed. Rt Hon Ann Bell MP, Chair of the Cities and Regions Committee, said: "Yes."',
         None, "Ann Bell", {("Chair", "Cities and Regions Committee"), ("Member of Parliament", None)}),
    ],
)  # fmt: skip
def test_a_councillors_committee_is_the_councils(reference, text, publisher, name, roles) -> None:
    assert people_of(text, reference, publisher)[name][1] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Pictured: Leader of Exeter City Council Cllr Amy Bell, Leader of Cornwall Council Cllr Carl Dean, and "
        "Vice-Chancellor of the University of Exeter Professor Lisa Roe.",
        "Pictured: Leader of Exeter City Council Cllr Amy Bell, Leader of Cornwall Council Cllr Carl Dean, "
        "Vice-Chancellor of the University of Exeter Professor Lisa Roe.",
        "Leader of Exeter City Council Cllr Amy Bell, Leader of Cornwall Council Cllr Carl Dean, and "
        "Vice-Chancellor of the University of Exeter Professor Lisa Roe signed the deal.",
    ],
)
def test_a_caption_of_posts_before_names_with_a_surname_that_is_a_post(reference, text) -> None:
    people = people_of(text, reference)
    assert people["Amy Bell"][1] == {("Leader", "Exeter City Council")}
    assert people["Carl Dean"][1] == {("Leader", "Cornwall Council")}
    assert people["Lisa Roe"][1] == {("Vice-Chancellor", "University of Exeter")}


def test_a_post_word_after_a_titled_name_and_before_its_field_is_no_surname(reference) -> None:
    text = "Professor Ann Smith Dean of Medicine at the University of Leeds said it was right."
    assert "Ann Smith Dean" not in people_of(text, reference)


@pytest.mark.parametrize(
    "text",
    [
        "Leeds City Council signed. It was signed by Cllr Ann Hill, Leader of Leeds City Council, Professor Tom "
        "Ray, Vice-Chancellor of the University of Leeds, and others.",
        "Leeds City Council signed. It was signed by Cllr Ann Hill, Leader of Leeds City Council, and Professor "
        "Tom Ray, Vice-Chancellor of the University of Leeds.",
        "Leeds City Council signed. Cllr Ann Hill, Leader of Leeds City Council, Professor Tom Ray, "
        "Vice-Chancellor of the University of Leeds, and Dr Jo Pike, Principal of Leeds City College, signed.",
    ],
)
def test_in_a_list_of_names_each_with_its_post_after_it_the_post_is_the_names_before(reference, text) -> None:
    people = people_of(text, reference)
    assert people["Ann Hill"][1] == {("Leader", "Leeds City Council")}
    assert people["Tom Ray"][1] == {("Vice-Chancellor", "University of Leeds")}


@pytest.mark.parametrize(
    "text",
    [
        "Leeds City Council signed. It was signed by the council's leader, Cllr Ann Hill, the University of Leeds "
        "Vice-Chancellor, Professor Tom Ray, and others.",
        "Leeds City Council signed. It was signed by the council's leader, Cllr Ann Hill, and the University of "
        "Leeds Vice-Chancellor, Professor Tom Ray.",
    ],
)
def test_an_owners_post_does_not_run_over_another_titled_name(reference, text) -> None:
    people = people_of(text, reference)
    assert people["Ann Hill"][1] == {("Leader", "Leeds City Council")}
    assert people["Tom Ray"][1] == {("Vice-Chancellor", "University of Leeds")}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # the organisation before the post, after the name
        ("Professor Ann Smith, University of Exeter Pro Vice-Chancellor for Civic Engagement, said it was good.",
         "Ann Smith", {("Pro Vice-Chancellor for Civic Engagement", "University of Exeter")}),
        ("Professor Ann Smith, Exeter College Principal, and Cllr Bob Lee, Devon County Council Leader, signed.",
         "Bob Lee", {("Leader", "Devon County Council")}),
        # a chain of titles after 'Rt Hon ... MP'
        ("Rt Hon Jane Doe MP, First Secretary of State, Leader of the House of Commons and Chair of the Cabinet "
         "Committee for Devolved Powers, said it.", "Jane Doe",
         {("Member of Parliament", None), ("First Secretary of State", None), ("Leader of the House of Commons", None),
          ("Chair", "Cabinet Committee for Devolved Powers")}),
    ],
)  # fmt: skip
def test_orders_of_body_and_post_after_a_name(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ('Councillor Alan Hep, who leads the opposition group on Durham County Council, said: "No."',
         "Alan Hep", {("Leader of the opposition group", "Durham County Council")}),
        ('Cllr Ann Vale, who leads the Liberal Democrat group on Leeds City Council, said: "No."',
         "Ann Vale", {("Leader of the Liberal Democrat group", "Leeds City Council")}),
        ('Cllr Ann Vale, who leads the Labour group at the Leeds City Council, said: "No."',
         "Ann Vale", {("Leader of the Labour group", "Leeds City Council")}),
        # a clause leading something that is no body names no post
        ('Cllr Ann Vale, who leads the city\'s bid, said: "No."', "Ann Vale", set()),
    ],
)  # fmt: skip
def test_who_leads_a_group_on_a_council(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a membership body named after a post, not 'the University' standing for another one
        ("Newcastle University signed. Martin Ellery, head of policy at the University Alliance, said it was wrong.",
         "Martin Ellery", {("Head of policy", "University Alliance")}),
        ("Leeds City Council signed. Jo Hale, chief executive of the Yorkshire Universities Association, said so.",
         "Jo Hale", {("Chief executive", "Yorkshire Universities Association")}),
        ("The University of Leeds signed. Dr Jo Hale, director of the Northern Civic Network, said so.",
         "Jo Hale", {("Director", "Northern Civic Network")}),
    ],
)  # fmt: skip
def test_a_membership_body_named_after_a_post(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_the_university_before_another_capitalised_word_is_no_back_reference(reference) -> None:
    text = "Newcastle University signed. Staff at the University Alliance were briefed."
    names = [o.name for o in run(text, reference).organisations]
    assert names.count("Newcastle University") == 1


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("The compact has been welcomed by Universities UK, which represents 140 universities. Its chief "
         "executive, Dr Helen Marsh, described it as good.", {("Chief executive", "Universities UK")}),
        ("Leeds City Council signed the compact on Monday.\nIts leader, Cllr Helen Marsh, said it was good.",
         {("Leader", "Leeds City Council")}),
        # two bodies before: 'its' is left open
        ("The compact was welcomed by Universities UK and the Local Government Association. Its chief "
         "executive, Dr Helen Marsh, described it as good.", set()),
    ],
)  # fmt: skip
def test_its_opening_a_sentence_is_the_one_body_of_the_sentence_before(reference, text, roles) -> None:
    assert people_of(text, reference)["Helen Marsh"][1] == roles
