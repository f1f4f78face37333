"""Posts and people in constructions of the fourth round, each from small hand-made texts with
invented people, organisations and places, and near-misses that must give nothing."""

from __future__ import annotations

import pytest

from extracting import people_of


# a seat's letters after a name (MS, MSP, MLA, AM, MEP, TD) stand between the name and its post
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Carwyn Lloyd MS, Minister for Further and Higher Education, said: “This matters.”",
            "Carwyn Lloyd",
            {("Minister for Further and Higher Education", None)},
        ),
        (
            "Morven Baird MSP, Convener of the Education Committee, said the plan was sound.",
            "Morven Baird",
            {("Convener", "Education Committee")},
        ),
        (
            "In a statement, Declan Quinn MLA, Minister for the Economy, said: “We welcome it.”",
            "Declan Quinn",
            {("Minister for the Economy", None)},
        ),
        (
            "Aoife Brennan TD, Minister of State for Skills, said the two colleges had shown the way.",
            "Aoife Brennan",
            {("Minister of State for Skills", None)},
        ),
    ],
)
def test_seat_letters_before_post(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    "text",
    [
        # capitals that are no seat: a unit and a word in capitals after a name-shaped pair
        "The Harbour Road MS unit opened in May.",
        "Doors open at Kelvin Hall AM and PM every day.",
    ],
)
def test_seat_letters_near_misses(reference, text) -> None:
    assert people_of(text, reference) == {}


# a place, then a mayoral post that opens with the word after the place, then the name: the post
# is the mayor's in the place, even when the place's council is named too
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Sunderland City Council and Sunderland College signed. Sunderland City Mayor Sir Tom Aske said it mattered.",
            "Tom Aske",
            {("City Mayor", "Sunderland")},
        ),
        (
            "Leicester City Council backed the plan. Leicester City Mayor Rita Bhatt said it was overdue.",
            "Rita Bhatt",
            {("City Mayor", "Leicester")},
        ),
        (
            "Bristol City Council and the University of Bristol agreed. Bristol City Mayor Dan Ogle spoke.",
            "Dan Ogle",
            {("City Mayor", "Bristol")},
        ),
        (
            "Salford City Council signed it. Salford City Mayor Cllr Joan Platt said: “It is a start.”",
            "Joan Platt",
            {("City Mayor", "Salford")},
        ),
    ],
)
def test_place_then_mayoral_post(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # the short form of the council still stands for the council before a post of its own
        (
            "Leicester City Council signed. Leicester City Leader Cllr Ann Hoyle said it mattered.",
            "Ann Hoyle",
            {("Leader", "Leicester City Council")},
        ),
        # no mayoral post after the place: nothing about a mayor is made up
        (
            "Salford City Council signed. Salford City Chief Executive Tom Brine said it mattered.",
            "Tom Brine",
            {("Chief Executive", "Salford City Council")},
        ),
    ],
)
def test_place_then_mayoral_post_near_misses(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


# "on behalf of ORG, NAME, POST(S), said": the posts given without a body are the body's
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Responding on behalf of the Scottish Government, Rt Hon Ailsa Muir MSP, Cabinet Secretary "
            "for Education, said she would meet the partners.",
            "Ailsa Muir",
            {("Cabinet Secretary for Education", "Scottish Government")},
        ),
        (
            "Speaking on behalf of Universities UK, Professor Ian Rook, President, said the sector was ready.",
            "Ian Rook",
            {("President", "Universities UK")},
        ),
        (
            "On behalf of the Welsh Government, Dr Nia Evans, Chief Scientific Adviser, said: “We agree.”",
            "Nia Evans",
            {("Chief Scientific Adviser", "Welsh Government")},
        ),
        (
            "Replying on behalf of the UK Government, Tom Hale MP, Minister for Skills and Minister for "
            "Science, said he would write to them.",
            "Tom Hale",
            {
                ("Minister for Skills", "UK Government"),
                ("Minister for Science", "UK Government"),
                ("Member of Parliament", None),
            },
        ),
    ],
)
def test_posts_on_behalf_of_a_body(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # the body spoken for is not the one before the comma: the post keeps no body
        (
            "On behalf of the Welsh Government and the sector, Dr Nia Evans, Chief Scientific Adviser, "
            "said: “We agree.”",
            "Nia Evans",
            {("Chief Scientific Adviser", None)},
        ),
        # a post with its own body keeps it
        (
            "Speaking on behalf of Universities UK, Professor Ian Rook, Vice-Chancellor of Keele University, "
            "said the sector was ready.",
            "Ian Rook",
            {("Vice-Chancellor", "Keele University")},
        ),
    ],
)
def test_posts_on_behalf_of_a_body_near_misses(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


# "A/An/One POST of/for/at ORG, NAME,": a lower-case post after an indefinite article, in the body
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "A representative of the Tyne Chamber of Commerce, Gail Otley, welcomed the renewal.",
            "Gail Otley",
            {("Representative", "Tyne Chamber of Commerce")},
        ),
        (
            "A spokesperson for Halden City Council, Priya Doshi, said the figures were provisional.",
            "Priya Doshi",
            {("Spokesperson", "Halden City Council")},
        ),
        (
            "An adviser at Universities UK, Dr Tom Vesey, said the plan would need funding.",
            "Tom Vesey",
            {("Adviser", "Universities UK")},
        ),
        (
            "One senior lecturer at Keele University, Dr Amy Roe, said students had been consulted.",
            "Amy Roe",
            {("Senior lecturer", "Keele University")},
        ),
    ],
)
def test_indefinite_post_before_name(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # no post word after the article: a description, not a post
        ("A long-time friend of Keele University, Dr Amy Roe, said students had been consulted.", "Amy Roe"),
        # the article's phrase names no body just before the name
        ("A representative of the tenants, Gail Otley, welcomed the renewal.", "Gail Otley"),
    ],
)
def test_indefinite_post_before_name_near_misses(reference, text, name) -> None:
    assert people_of(text, reference).get(name, (None, set()))[1] == set()


# a picture's line listing people, each followed by a body the text names (in brackets or after a
# comma): each is a person, titled as written, with no post made up from the body
@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        (
            "Keele University and Stoke-on-Trent City Council signed the compact.\n\n"
            "Photo: Professor Ann Roe (Keele University) and Cllr Joe Platt (Stoke-on-Trent City Council) at the signing.",
            "Ann Roe",
            "Professor",
        ),
        (
            "The University of Dundee and Abertay University agreed.\n\n"
            "Picture: Dr Ruth Kerr, University of Dundee; Sam Iqbal, Abertay University",
            "Sam Iqbal",
            None,
        ),
        (
            "Newcastle University, Newcastle College and the North East Chamber of Commerce agreed.\n\n"
            "Image: Professor Ali Shah (Newcastle University), Rosa Bell (Newcastle College) and "
            "Tom Kemp (North East Chamber of Commerce)",
            "Tom Kemp",
            None,
        ),
        (
            "Cardiff University and Cardiff Council signed.\n\n"
            "Photo: Cllr Huw Jones, Cardiff Council; and Professor Eira Owen, Cardiff University",
            "Eira Owen",
            "Professor",
        ),
    ],
)
def test_caption_lists_people_with_their_bodies(reference, text, name, honorific) -> None:
    assert people_of(text, reference)[name] == (honorific, set())


@pytest.mark.parametrize(
    "text",
    [
        # a photographer and an agency: a credit, not a caption
        "Keele University signed the compact.\n\nPhoto: Sam Reid / Keele University",
        # one name with a body may be the photographer's: nobody is listed
        "Keele University signed the compact.\n\nPhoto: Sam Reid, Keele University",
    ],
)
def test_caption_list_near_misses(reference, text) -> None:
    assert "Sam Reid" not in people_of(text, reference)


# "X's post, NAME": the owner word is the one named body whose name is that word and its head
# nouns ("University of Strathclyde"), when no body's name opens with it
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "The University of Strathclyde signed. Strathclyde’s vice-principal, Professor Alan Orr, said it mattered.",
            "Alan Orr",
            {("Vice-principal", "University of Strathclyde")},
        ),
        (
            "The University of Roehampton signed. Roehampton's deputy vice-chancellor, Dr Kay Lam, said it mattered.",
            "Kay Lam",
            {("Deputy vice-chancellor", "University of Roehampton")},
        ),
        (
            "The University of Bath agreed. Bath’s pro-vice-chancellor, Professor Ed Moss, spoke first.",
            "Ed Moss",
            {("Pro-vice-chancellor", "University of Bath")},
        ),
        (
            "The University of Ravenmoor agreed. Ravenmoor’s principal, Professor Iona Gray, said it was right.",
            "Iona Gray",
            {("Principal", "University of Ravenmoor")},
        ),
    ],
)
def test_possessive_proper_word_of_one_body(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # two bodies are called by the word: whose post it is stays unsaid
        (
            "The University of Leeds and the Leeds College of Music signed. Leeds's vice-principal, "
            "Professor Amy Tse, said it mattered.",
            "Amy Tse",
        ),
        # a mayor's post after a possessive is not the university's
        (
            "The University of Roehampton signed. Roehampton's deputy mayor, Cllr Rob Lane, said it mattered.",
            "Rob Lane",
        ),
    ],
)
def test_possessive_proper_word_near_misses(reference, text, name) -> None:
    assert not any(org and org.startswith("University") for _, org in people_of(text, reference)[name][1])


# "ORG post and Unknown Body post Cllr NAME": lower-case posts stacked before a name, the second
# opened by capitalised words of a body: two posts, the second in that body when the finder knows
# it ('Humber Estuary Forum'), else in none ('Tay Cities Region')
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "Dundee City Council signed. Dundee City Council leader and Tay Cities Region joint "
            "committee chair Cllr Moira Gall said it mattered.",
            "Moira Gall",
            {("Leader", "Dundee City Council"), ("Joint committee chair", None)},
        ),
        (
            "Keele University signed. Keele University vice-chancellor and Staffordshire Skills Board "
            "vice-chair Professor Tom Ivers said it mattered.",
            "Tom Ivers",
            {("Vice-chancellor", "Keele University"), ("Vice-chair", "Staffordshire Skills Board")},
        ),
        (
            "Hull City Council agreed. Hull City Council leader and Humber Estuary Forum co-chair "
            "Cllr Dana Rudd welcomed it.",
            "Dana Rudd",
            {("Leader", "Hull City Council"), ("Co-chair", "Humber Estuary Forum")},
        ),
        (
            "Newcastle University agreed. Newcastle University pro-vice-chancellor and Tyne Valley "
            "Green Corridor lead Dr Omar Haq spoke.",
            "Omar Haq",
            {("Pro-vice-chancellor", "Newcastle University"), ("Lead", None)},
        ),
    ],
)
def test_stacked_posts_with_an_unknown_body(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # 'Council leader' is the council's: one capitalised word is the body's kind, kept in the post
        (
            "Leeds City Council signed. Council leader and Core Cities UK vice-chair Cllr Ann Bell said it mattered.",
            "Ann Bell",
            {("Council leader", "Leeds City Council"), ("Vice-chair", "Core Cities UK")},
        ),
        # two people, each with a capitalised name: the second name is no body opening a post
        (
            "Hull City Council agreed. Hull City Council leader Cllr Dana Rudd and Tom Hobb welcomed it.",
            "Dana Rudd",
            {("Leader", "Hull City Council")},
        ),
    ],
)
def test_stacked_posts_with_an_unknown_body_near_misses(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


# "POST of the NOUN's lower-case body": a body inside the one the kind noun stands for; the post
# keeps its words, held in the body named before
@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        (
            "The declaration was backed by the Civic University Network. Sir Tom Hale, chair of the "
            "network’s steering group, said it mattered.",
            "Tom Hale",
            {("Chair of the network’s steering group", "Civic University Network")},
        ),
        (
            "Halden City Council agreed. Cllr Rita Moss, chair of the council's audit panel, said it was sound.",
            "Rita Moss",
            {("Chair of the council's audit panel", "Halden City Council")},
        ),
        (
            "Keele University signed. Dr Ed Parr, head of the university's civic office, said it mattered.",
            "Ed Parr",
            {("Head of the university's civic office", "Keele University")},
        ),
        (
            "The Northern Skills Alliance met. Jo Ray, convener of the alliance's skills group, said: “Yes.”",
            "Jo Ray",
            {("Convener of the alliance's skills group", "Northern Skills Alliance")},
        ),
    ],
)
def test_post_in_a_body_of_a_named_one(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # no body of that kind is named: the post's body stays unknown, and the post is dropped
        ("Sir Tom Hale, chair of the network’s steering group, said it mattered.", "Tom Hale"),
        # the owner is a document, not a kind of body
        (
            "Keele University signed. Dr Ed Parr, co-chair of the compact's steering group, said it mattered.",
            "Ed Parr",
        ),
    ],
)
def test_post_in_a_body_of_a_named_one_near_misses(reference, text, name) -> None:
    assert people_of(text, reference).get(name, (None, set()))[1] == set()


# "By NAME, POST" on the writer's line: the post is in no body of its kind unless the text says so;
# a journalist's post stays the publisher's
@pytest.mark.parametrize(
    ("text", "publisher", "name", "roles"),
    [
        (
            "By Jo Penn, Senior Analyst\n\nResearch from the Northern Policy Institute shows the gap.",
            "Northern Policy Institute",
            "Jo Penn",
            {("Senior Analyst", None)},
        ),
        (
            "By Dr Ravi Mehta, Principal Economist\n\nThe Institute for Place Studies has published figures.",
            "Institute for Place Studies",
            "Ravi Mehta",
            {("Principal Economist", None)},
        ),
        (
            "By Ann Tull, Pro Vice-Chancellor\n\nKeele University signed the compact with the council.",
            "Keele University",
            "Ann Tull",
            {("Pro Vice-Chancellor", None)},
        ),
        (
            "Posted by Sam Bligh, Researcher\n\nThe Urban Futures Institute has looked at 60 towns.",
            "Urban Futures Institute",
            "Sam Bligh",
            {("Researcher", None)},
        ),
    ],
)
def test_byline_post_names_no_body(reference, text, publisher, name, roles) -> None:
    assert people_of(text, reference, publisher)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "publisher", "name", "roles"),
    [
        # the same post in the story's own words is the publisher's
        (
            "The Northern Policy Institute published it. Senior Analyst Jo Penn said the gap was wide.",
            "Northern Policy Institute",
            "Jo Penn",
            {("Senior Analyst", "Northern Policy Institute")},
        ),
        # a journalist's post on the byline is the publisher's, as before
        (
            "By Kim Doyle, Education Correspondent\n\nKeele University signed the compact.",
            "Halden Gazette",
            "Kim Doyle",
            {("Education Correspondent", "Halden Gazette")},
        ),
    ],
)
def test_byline_post_names_no_body_near_misses(reference, text, publisher, name, roles) -> None:
    assert people_of(text, reference, publisher)[name][1] == roles
