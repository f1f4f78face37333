"""Posts, people and quotes in wordings of the third round, each from small hand-made texts with
invented people."""

from __future__ import annotations

import pytest

from extracting import people_of, run


@pytest.mark.parametrize(
    ("text", "name", "honorific", "roles"),
    [
        # Scottish and Irish civic titles: a Bailie is titled, a Cathaoirleach holds a post
        (
            "The Lord Provost of Dundee, Bailie Ewan Rattray, opened the event.",
            "Ewan Rattray",
            "Bailie",
            {("Lord Provost", "Dundee")},
        ),
        (
            "It was also attended by the Cathaoirleach of Sligo County Council, Cllr Niamh Ó Dálaigh.",
            "Niamh Ó Dálaigh",
            "Cllr",
            {("Cathaoirleach", "Sligo County Council")},
        ),
        (
            "Sligo County Council signed. The Leas-Chathaoirleach of Sligo County Council, Cllr Tom Ryan, attended.",
            "Tom Ryan",
            "Cllr",
            {("Leas-Chathaoirleach", "Sligo County Council")},
        ),
    ],
)
def test_civic_titles_and_posts(reference, text, name, honorific, roles) -> None:
    assert people_of(text, reference)[name] == (honorific, roles)


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a combined post before 'of' and the name
        (
            "The Principal and Vice-Chancellor of the University of Dundee, Professor Moira Keddie, said it was right.",
            "Moira Keddie",
            {("Principal and Vice-Chancellor", "University of Dundee")},
        ),
        # the body of a post in brackets after it, in a list of signers
        (
            "Signed by: Professor Alan Muir, Principal and Vice-Chancellor (University of Stirling); "
            "and Jean Baird, Principal and Chief Executive (Forth Valley College).",
            "Alan Muir",
            {("Principal and Vice-Chancellor", "University of Stirling")},
        ),
        (
            "Signed by: Professor Alan Muir, Principal and Vice-Chancellor (University of Stirling); "
            "and Jean Baird, Principal and Chief Executive (Forth Valley College).",
            "Jean Baird",
            {("Principal and Chief Executive", "Forth Valley College")},
        ),
        # a faculty whose name has commas and 'and the'; a ranked post in brackets is at the same body
        (
            "Professor Lin Okafor, Pro-Vice-Chancellor (Research) and Dean of the Faculty of Science, "
            "Technology and the Natural Environment at Coventry University, said it mattered.",
            "Lin Okafor",
            {
                ("Pro-Vice-Chancellor (Research)", "Coventry University"),
                (
                    "Dean of the Faculty of Science, Technology and the Natural Environment",
                    "Coventry University",
                ),
            },
        ),
        # a portfolio after a post in a council is held in that council
        (
            "Cardiff Council, Newport City Council and Torfaen Council met. Cllr Rhian Bevan, Leader of "
            "Newport City Council and Cabinet Member for Regeneration, said it mattered.",
            "Rhian Bevan",
            {("Leader", "Newport City Council"), ("Cabinet Member for Regeneration", "Newport City Council")},
        ),
        # an owner's post with its remit after a named post
        (
            "Professor Sir Gavin Holt, Vice-Chancellor of the University of York and the colleges' lead for "
            "the charter, said it mattered.",
            "Gavin Holt",
            {("Vice-Chancellor", "University of York"), ("Colleges' lead for the charter", None)},
        ),
        # the Queen's: a body called by its first word with its possessive
        (
            "Queen's University Belfast signed. Professor Ruth Gilmore, the Queen's provost, said it was right.",
            "Ruth Gilmore",
            {("Provost", "Queen's University Belfast")},
        ),
    ],
)
def test_posts_in_every_order(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # mayors of combined authority areas named with 'and', without a title
        (
            "It was signed by the Mayor of York and North Yorkshire, Tess Arden; and the Mayor of Hull and "
            "East Yorkshire, Gil Norris.",
            "Tess Arden",
            {("Mayor", "York and North Yorkshire")},
        ),
        (
            "It was signed by the Mayor of York and North Yorkshire, Tess Arden; and the Mayor of Hull and "
            "East Yorkshire, Gil Norris.",
            "Gil Norris",
            {("Mayor", "Hull and East Yorkshire")},
        ),
        # a deputy mayor with a portfolio is the mayor's place's
        (
            "The Mayor of London, Rosa Quint, signed it. The panel is chaired by the Deputy Mayor for Skills and "
            "Work, Pavel Horak.",
            "Pavel Horak",
            {("Deputy Mayor for Skills and Work", "London")},
        ),
        # a minister named in lower case before the name
        (
            "The housing minister, Ellen Marsh MP, said the government would respond.",
            "Ellen Marsh",
            {("Housing minister", None), ("Member of Parliament", None)},
        ),
        # a Lord Mayor in a council's row is mayor of the council's city
        (
            "Signatories to the charter are:\n\n| Organisation | Signed by |\n"
            "| Leeds City Council | Alderman Rona Vickers, Lord Mayor |\n"
            "| Leeds Beckett University | Professor Kit Oduya, Vice-Chancellor |\n",
            "Rona Vickers",
            {("Lord Mayor", "Leeds")},
        ),
    ],
)
def test_mayors_deputies_and_ministers(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a body the finder does not know, after 'at'; a body named after a city, after 'of'
        (
            "Dr Omar Reyes, head of research at Million Plus Network, which speaks for modern universities, "
            'said it was "a fair settlement".',
            "Omar Reyes",
            {("Head of research", "Million Plus Network")},
        ),
        (
            'Dr Ada Kell, Chief Executive of Bristol Forward, said: "We are ready."',
            "Ada Kell",
            {("Chief Executive", "Bristol Forward")},
        ),
    ],
)
def test_posts_at_bodies_the_text_names_once(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_a_think_tanks_economist_is_the_think_tanks(reference) -> None:
    text = (
        "Centre for Thriving Places\n\nPublished 3 May 2026 | Author: Dr Isla Fenn, Senior Economist\n\n"
        "The think tank Centre for Thriving Places says cities need more money."
    )
    assert people_of(text, reference, publisher="Centre for Thriving Places")["Isla Fenn"][1] == {
        ("Senior Economist", "Centre for Thriving Places")
    }


@pytest.mark.parametrize(
    ("text", "honorific"),
    [
        (
            'Mark Tully, vice-chancellor of Durham University, spoke. "We are ready," Professor Tully said.',
            "Professor",
        ),
        # a paper's courtesy title on second mention is house style, not a title
        ('Mark Tully, leader of Durham County Council, spoke. "We are ready," Mr Tully said.', None),
    ],
)
def test_a_later_mentions_title(reference, text, honorific) -> None:
    assert people_of(text, reference)["Mark Tully"][0] == honorific


@pytest.mark.parametrize(
    ("text", "nobody"),
    [
        (
            "Professor Ann Rudd and Cllr Tim Cole signed it at a ceremony at the Mansion House.",
            "Mansion House",
        ),
        ("Pictured: Professor Ann Rudd and Cllr Tim Cole at Bradford Royal Infirmary.", "Royal Infirmary"),
        # a faculty's name after 'and the' is no name of a person
        (
            "Professor Ann Rudd, Dean of the Faculty of Arts, Design and the Performing Arts at Leeds "
            'Beckett University, said: "We are ready."',
            "Performing Arts",
        ),
        # a lecture or building named after someone with a title
        ("It follows the Dame Ada Vale Lecture given by Professor Ann Rudd last year.", "Ada Vale Lecture"),
        ("Cllr Tim Cole opened the Sir Tom Wade Building on Friday.", "Tom Wade Building"),
    ],
)
def test_no_person_from_a_building_or_a_faculty(reference, text, nobody) -> None:
    assert nobody not in people_of(text, reference)


def _quotes(text: str, reference) -> list[tuple[str, str]]:
    return [(q.speaker, q.text.split()[0]) for q in run(text, reference).quotes]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # a quote opening the paragraph, split by "she said"
        (
            "Dr Jo Hart, principal of Selby College, spoke at the launch.\n\n"
            '"Colleges are small," she said, "but we train the workforce for the whole county."\n',
            [("Jo Hart", "Colleges")],
        ),
        # a post speaking on its own line before the words
        (
            "The charter was launched by Lord Mayor Cllr Ian Pryor at the Town Hall.\n\n"
            "Opening the event, the Lord Mayor said:\n\n"
            '"This city has changed beyond recognition in my lifetime."\n',
            [("Ian Pryor", "This")],
        ),
        # words after a line that ends in a colon without a speech verb
        (
            "Professor Lena Vos, the university's Vice-President for Enterprise, put it this way:\n\n"
            '"We have spent a decade proving that we can work together."\n',
            [("Lena Vos", "We")],
        ),
        # "He added:" after someone new is named
        (
            'Professor Ada Quill said: "We are delighted to sign this charter today."\n\n'
            'Cllr Rob Dent, leader of the council, said the charter gave the city "one plan".\n\n'
            'He added: "We will publish the results every single year for everyone."\n',
            [("Ada Quill", "We"), ("Rob Dent", "We")],
        ),
        # '"...," he said.' after someone new is named with a verb that is not one of speech
        (
            'Professor Ada Quill said: "We are delighted to sign this charter today."\n\n'
            "But Cllr Rob Dent, leader of the council, warned that money must follow.\n\n"
            '"We can sign as many charters as we like," he said.\n',
            [("Ada Quill", "We"), ("Rob Dent", "We")],
        ),
        # a single-quoted phrase closing before 'and'
        (
            "Cllr Rob Dent said the city had 'gone from coal to code in a single generation' and more.\n\n"
            "'This is not a glossy brochure,' he said.\n",
            [("Rob Dent", "gone"), ("Rob Dent", "This")],
        ),
        # words in quotation marks after what the paragraph reports someone said, left open by a cut page
        (
            "Mayors met on Monday. Cllr Rob Dent, chair of the Shire Councils Network, said counties were "
            'left out. "We back devolution, but it cannot become a system in which half',
            [("Rob Dent", "We")],
        ),
        # a scare quote, then reported speech that turns into a quotation
        (
            'Professor Ada Quill said the plan was "within reach" but added that ministers '
            "'need to commit the capital funding this year, because every year counts'.",
            [("Ada Quill", "need")],
        ),
        # a quotation over two paragraphs whose speaker is named where it ends
        (
            'York Council signed.\n\n"This is the first paragraph of what I have to say.\n\n'
            '"And this is the second paragraph of it," said Cllr Ann Hope, Leader of York Council.\n',
            [("Ann Hope", "This")],
        ),
        (
            'York Council signed.\n\n"This is the first paragraph of what I have to say.\n\n'
            '"And this is the second paragraph of it," Cllr Ann Hope said.\n',
            [("Ann Hope", "This")],
        ),
    ],
)
def test_quotes_and_their_speakers(reference, text, quotes) -> None:
    assert _quotes(text, reference) == quotes


def test_a_body_said_it_is_not_the_person_named_before(reference) -> None:
    text = (
        "The charter was launched on Monday by Professor Ada Quill. Leeds Harbour, which had been expected "
        'to sign, said it would "consider the charter at its next board meeting in the spring".\n'
    )
    assert _quotes(text, reference) == []


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a civic post in a place the gazetteer does not hold
        ("Provost of Angus, Cllr Bill Duff, welcomed the guests.", "Bill Duff", {("Provost", "Angus")}),
        # the kind of body opens the post: the one body of that kind the text names
        (
            "Selby College and the University of York signed. College principal Ann Rudd said it would help.",
            "Ann Rudd",
            {("College principal", "Selby College")},
        ),
    ],
)
def test_civic_posts_in_unknown_places_and_posts_opened_by_a_kind(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_a_newspaper_after_the_is_no_person(reference) -> None:
    text = 'Speaking to the Selby Post, Cllr Rob Dent told the Post: "We will not wait for ministers."'
    people = people_of(text, reference)
    assert "Selby Post" not in people
    assert "Rob Dent" in people


def test_a_joint_statement_is_put_to_the_first_named(reference) -> None:
    text = (
        "Professor Ada Quill, Dean of Medicine at the University of Leeds, and Professor Rob Dent, Pro "
        "Vice-Chancellor (Health) at Leeds Beckett University, said in a joint statement that the deal "
        'would "bring the two universities and the hospitals closer than ever before".'
    )
    assert _quotes(text, reference) == [("Ada Quill", "bring")]


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a portfolio's list, capitalised or not, runs to the body after 'at'
        (
            "Bath Council signed.\n\nCllr Ann Cole, Cabinet Member for Climate, Transport and Energy at "
            "Bath Council, said it was good.",
            "Ann Cole",
            {("Cabinet Member for Climate, Transport and Energy", "Bath Council")},
        ),
        (
            "Bath Council signed.\n\nCllr Jo Dean, cabinet member for housing, planning and regeneration at "
            "Bath Council, said it was good.",
            "Jo Dean",
            {("Cabinet member for housing, planning and regeneration", "Bath Council")},
        ),
        # a signature block: the name on a line of its own, the post and body on the next
        (
            "Bath Council and the University of Bath signed.\n\nProfessor Ian Lowe\n"
            "Vice-Chancellor and President, University of Bath\n",
            "Ian Lowe",
            {("Vice-Chancellor and President", "University of Bath")},
        ),
    ],
)
def test_portfolio_lists_and_signature_blocks(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # after an owner's possessive, the post runs on past 'of' when no body follows
        (
            '"We are ready," said Bath Spa University\'s director of strategy, Dr Paul Hay.',
            "Paul Hay",
            {("Director of strategy", "Bath Spa University")},
        ),
        # 'The' opening a sentence is no part of a fronted post
        (
            "The Cabinet Secretary for Housing, Energy and Planning, Rhian Evans MS, said it was welcome.",
            "Rhian Evans",
            {("Cabinet Secretary for Housing, Energy and Planning", None)},
        ),
    ],
)
def test_owned_posts_with_a_field_and_fronted_posts(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    "text",
    ["The deal was backed by Selby North MP Ann Rudd.", "Local MP Ann Rudd said the town deserved it."],
)
def test_a_seat_in_parliament_before_the_name(reference, text) -> None:
    assert people_of(text, reference)["Ann Rudd"][1] == {("Member of Parliament", None)}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a comma inside one person's brackets does not end their post
        (
            "Derby City Council signed. It was signed by Cllr Ann Hope (Cabinet Member, Derby City Council) "
            "and Professor Tim Lee (Provost, University of Derby).",
            "Ann Hope",
            {("Cabinet Member", "Derby City Council")},
        ),
        # a City Mayor whose city is named only in its council's name
        (
            "Leicester City Council and the University of Leicester signed. It was signed by City Mayor "
            "Sir Ed Vale and Professor Tim Lee.",
            "Ed Vale",
            {("City Mayor", "Leicester")},
        ),
    ],
)
def test_posts_in_brackets_in_a_list_and_a_city_mayors_city(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # letters after a name stand between it and its post
        (
            "Mr Jim Hale OBE, Chair of Leeds City Council, said it was good.",
            "Jim Hale",
            {("Chair", "Leeds City Council")},
        ),
        ("Sir Ed Vale KC MP said it was good.", "Ed Vale", {("Member of Parliament", None)}),
        # a titled name may end in a word that also ends street names
        (
            "Ms Jo Lane, Director of Policy at Core Cities UK, said it was good.",
            "Jo Lane",
            {("Director of Policy", "Core Cities UK")},
        ),
    ],
)
def test_post_nominal_letters_and_titled_street_words(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


_COLUMNS = (
    "Signatories\n\n| Name | Post | Organisation |\n| Cllr Ann Hope | Leader | Selby Council |\n"
    "| Professor Dan Lee | Vice-Chancellor | University of York |\n| Sam Ray | Principal | Selby College |\n"
)


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("Ann Hope", {("Leader", "Selby Council")}),
        ("Dan Lee", {("Vice-Chancellor", "University of York")}),
        # a name without a title is a person in a table's column of names
        ("Sam Ray", {("Principal", "Selby College")}),
    ],
)
def test_a_table_with_columns_of_names_posts_and_bodies(reference, name, roles) -> None:
    assert people_of(_COLUMNS, reference)[name][1] == roles


@pytest.mark.parametrize("separator", [":", " –", " -"])
def test_a_lists_line_opening_with_the_body(reference, separator) -> None:
    text = (
        "The charter was signed by:\n\n- University of York: Professor Dan Lee, Vice-Chancellor\n"
        f"- Selby College{separator} Sam Ray, Principal and Chief Executive\n"
    )
    people = people_of(text, reference)
    assert people["Sam Ray"][1] == {("Principal and Chief Executive", "Selby College")}
    assert people["Dan Lee"][1] == {("Vice-Chancellor", "University of York")}


def test_a_post_with_its_field_at_a_body_before_the_name(reference) -> None:
    text = "Core Cities UK signed. Head of Policy at Core Cities UK Kim Fox said it was good."
    assert people_of(text, reference)["Kim Fox"][1] == {("Head of Policy", "Core Cities UK")}


@pytest.mark.parametrize(
    "text",
    [
        "Ann Rudd, MP for Selby North, said it was good.",
        "Ann Rudd, Labour MP for Selby North, said it was good.",
        "The MP for Selby North, Ann Rudd, said it was good.",
    ],
)
def test_a_seat_in_parliament_in_an_apposition(reference, text) -> None:
    assert people_of(text, reference)["Ann Rudd"][1] == {("Member of Parliament", None)}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Selby College principal and chief executive Sam Ray said it was good.",
            "Sam Ray",
            {("Principal and chief executive", "Selby College")},
        ),
        (
            "Ann Lowe, Selby College vice-principal and deputy chief executive, said it was good.",
            "Ann Lowe",
            {("Vice-principal and deputy chief executive", "Selby College")},
        ),
    ],
)
def test_a_combined_post_in_lower_case_after_its_body(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    "header",
    [
        "News | Selby District Council",
        "Selby District Council | Leader",
        "Selby District Council > News > Jobs",
    ],
)
@pytest.mark.parametrize(
    ("contact", "name", "role"),
    [
        ("Media enquiries: Kim Fox, communications officer, 01757 705101.", "Kim Fox", "Communications officer"),
        ("For media enquiries contact Lee Ward, Head of Communications, on 01757 705101.", "Lee Ward",
         "Head of Communications"),
    ],
)  # fmt: skip
def test_a_press_contact_speaks_for_the_body_heading_the_page(reference, header, contact, name, role) -> None:
    text = f"{header}\n\nSelby College and the University of York signed a charter.\n\n{contact}"
    assert people_of(text, reference)[name][1] == {(role, "Selby District Council")}


@pytest.mark.parametrize(
    "header",
    ["News | Politics | Business", "Selby College | University of York"],
)
def test_a_header_line_without_one_body_names_no_publisher(reference, header) -> None:
    text = f"{header}\n\nSelby College and the University of York signed a charter.\n\n" + (
        "Media enquiries: Kim Fox, communications officer, 01757 705101."
    )
    assert people_of(text, reference)["Kim Fox"][1] == {("Communications officer", None)}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("But opposition leader Cllr Jo Bell said it was bad.", "Jo Bell", {("Opposition leader", None)}),
        ("The deputy opposition leader, Cllr Ann Ray, said no.", "Ann Ray", {("Deputy opposition leader", None)}),
        # a description, no post
        ("But opposition councillor Cllr Tom Hale said no.", "Tom Hale", set()),
    ],
)  # fmt: skip
def test_an_opposition_leader_holds_a_post_without_a_body(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


_CAPTIONED = (
    "Halden Combined Authority\n\n{caption}\n\n"
    "The Halden partnership was launched today by the Metro Mayor.\n\n"
    'The Metro Mayor said: "This is a good day for the whole of our region."\n'
)


@pytest.mark.parametrize(
    "caption",
    [
        "Image: Metro Mayor Sam Reid with the partnership board at the Hub. Photo: HCA",
        "Photo: Metro Mayor Sam Reid at the signing. Credit: Halden Combined Authority",
        "Picture: Metro Mayor Sam Reid",
    ],
)
def test_a_post_holder_named_only_in_a_caption_is_a_person(reference, caption) -> None:
    found = run(_CAPTIONED.format(caption=caption), reference)
    assert {p.name: {r.role for r in p.roles} for p in found.people} == {"Sam Reid": {"Metro Mayor"}}
    assert [q.speaker for q in found.quotes] == ["Sam Reid"]


@pytest.mark.parametrize(
    "caption",
    [
        "Photo: Sam Reid / Halden Combined Authority",  # a credit names the photographer
        "Image: Students walking past the Main Building. Photo: Sam Reid",
        "Image: Sam Reid and Kim Fox at the Hub.",  # no post before the name
    ],
)
def test_a_caption_without_a_post_names_no_one(reference, caption) -> None:
    assert run(_CAPTIONED.format(caption=caption), reference).people == []


def test_a_second_contact_after_another_bodys_names_no_employer(reference) -> None:
    text = (
        "Selby College and the University of York signed a charter.\n\n"
        "For more information contact Kim Fox, Press Manager at Core Cities UK on 01757 705101.\n\n"
        "Or Lee Ward, Communications Manager (Arts), on 01757 705102."
    )
    people = people_of(text, reference, publisher="University of York")
    assert people["Lee Ward"][1] == {("Communications Manager (Arts)", None)}


@pytest.mark.parametrize(
    ("header", "byline", "role", "org"),
    [
        ("HaldenLive > News > Politics", "By Kim Fox, Senior Reporter", "Senior Reporter", "HaldenLive"),
        ("The Halden Courier > News", "By Kim Fox\nScottish Political Correspondent",
         "Scottish Political Correspondent", "The Halden Courier"),
        ("News > Halden News", "By Kim Fox, Senior Reporter", "Senior Reporter", None),
    ],
)  # fmt: skip
def test_a_title_opening_the_trail_of_sections_is_the_journalists_publisher(
    reference, header, byline, role, org
) -> None:
    text = f"{header}\n\nCouncil and universities sign a charter\n\n{byline}\n\nSelby College and the University of York signed a charter."
    found = run(text, reference)
    assert {(r.role, r.org) for p in found.people if p.name == "Kim Fox" for r in p.roles} == {(role, org)}
    assert all("Halden" not in o.name for o in found.organisations)  # the title heads the page only
