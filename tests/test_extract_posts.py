"""People's posts in orders and wordings not covered elsewhere, each from small hand-made texts with invented people."""

from __future__ import annotations

import pytest

from extracting import people_of, run


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # the owner called by its initials
        ("Norwich University of the Arts signed. NUA's principal and vice-chancellor, Professor Sam Lee, signed too.",
         "Sam Lee", {("Principal and vice-chancellor", "Norwich University of the Arts")}),
        ("Liverpool John Moores University signed. LJMU's vice-chancellor, Professor Mark Roe, said it was right.",
         "Mark Roe", {("Vice-chancellor", "Liverpool John Moores University")}),
        ("The University of the West of England signed. Professor Ada Moss, UWE's deputy vice-chancellor, said "
         "it was right.", "Ada Moss", {("Deputy vice-chancellor", "University of the West of England")}),
        # a lower-case post after the owner called by its first word
        ("Keele University signed. Keele's vice-chancellor, Professor Ann Marsh, said so.",
         "Ann Marsh", {("Vice-chancellor", "Keele University")}),
        ("Hull City Council signed. Hull City Council's deputy leader, Cllr Joan Tate, said so.",
         "Joan Tate", {("Deputy leader", "Hull City Council")}),
    ],
)  # fmt: skip
def test_lower_case_posts_after_an_owner_called_short(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    "text",
    [
        'Hull City Council signed. Marston\'s team leader, Sam Reid, said: "Yes."',
        'Hull City Council signed. The team\'s manager, Sam Reid, said: "Yes."',
    ],
)
def test_a_lower_case_post_without_a_known_owner_is_not_recorded(reference, text) -> None:
    assert people_of(text, reference)["Sam Reid"][1] == set()


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ('Dr Ruth Oak, Chief Executive of Sheffield Teaching Hospitals, said: "Yes." Sheffield Teaching Hospitals '
         "NHS Foundation Trust signed.", "Ruth Oak", {("Chief Executive", "Sheffield Teaching Hospitals NHS Foundation Trust")}),
        ('York St John University signed. Professor Karen Bell, Vice-Chancellor of York St John, said: "Yes."',
         "Karen Bell", {("Vice-Chancellor", "York St John University")}),
        ('Leeds Beckett University signed. Professor Pete Slee, Vice-Chancellor of Leeds Beckett, said: "Yes."',
         "Pete Slee", {("Vice-Chancellor", "Leeds Beckett University")}),
        # a place followed by a name is still the place
        ('The Liverpool City Region Combined Authority signed. Metro Mayor of the Liverpool City Region Steve Orme '
         'said: "Yes."', "Steve Orme", {("Metro Mayor", "Liverpool City Region")}),
        ('Greater Manchester Combined Authority signed. Mayor of Greater Manchester Andy Barr said: "Yes."',
         "Andy Barr", {("Mayor", "Greater Manchester")}),
    ],
)  # fmt: skip
def test_a_place_opening_an_organisations_short_name_is_the_organisation(
    reference, text, name, roles
) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_the_words_after_a_place_in_a_short_name_are_no_person(reference) -> None:
    text = (
        'York St John University signed. Professor Karen Bell, Vice-Chancellor of York St John, said: "Yes."'
    )
    assert set(people_of(text, reference)) == {"Karen Bell"}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a group named by the bodies it gathers, even when its name opens with a region
        ('Professor Ann Hale, chair of the North East Universities group, said: "Yes."',
         "Ann Hale", {("Chair", "North East Universities")}),
        ('Professor Ann Hale, Vice-Chancellor of the University of Leeds and Chair of the Yorkshire Universities '
         'group, said: "Yes."', "Ann Hale", {("Vice-Chancellor", "University of Leeds"), ("Chair", "Yorkshire Universities")}),
        # a body after the kind it is
        ("Lewis Carr, regional secretary of the union Unite, said the charter had to deliver.",
         "Lewis Carr", {("Regional secretary", "Unite")}),
        ("Ann Cole, chief executive of the charity Shelter, said it would help.",
         "Ann Cole", {("Chief executive", "Shelter")}),
        # a name opening with an acronym that the text names more than once
        ('The report is by IPPR North. Dr Owen Hart, Director of IPPR North, said: "Yes."',
         "Owen Hart", {("Director", "IPPR North")}),
        # economists and analysts hold posts
        ("Dr Imogen Clay, a research policy analyst at the Higher Education Policy Institute, said it was risky.",
         "Imogen Clay", {("Research policy analyst", "Higher Education Policy Institute")}),
        ("Dr Lisa Cane, a senior economist at Centre for Cities, said the plan was good.",
         "Lisa Cane", {("Senior economist", "Centre for Cities")}),
    ],
)  # fmt: skip
def test_bodies_a_post_names_in_passing(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a field of work or a once-named acronym is no body
        ('Dr Ann Roe, Head of HR at the University of Hull, said: "Yes."', "Ann Roe", {("Head of HR", "University of Hull")}),
        ('Jo Bell, Director of Research, said: "Yes."', "Jo Bell", {("Director of Research", None)}),
        ('Rt Hon Jo Bell MP, Secretary of State for Housing, said: "Yes."',
         "Jo Bell", {("Member of Parliament", None), ("Secretary of State for Housing", None)}),
    ],
)  # fmt: skip
def test_fields_of_a_post_are_no_bodies(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_a_second_post_after_and_is_not_part_of_the_organisations_name(reference) -> None:
    text = ('Professor Sam Varma, Vice-Chancellor and Principal of the University of Warwick and Chair of the West '
            'Midlands Universities group, said: "Yes."')  # fmt: skip
    assert "University of Warwick" in {o.name for o in run(text, reference).organisations}
    assert people_of(text, reference)["Sam Varma"][1] == {
        ("Vice-Chancellor and Principal", "University of Warwick"), ("Chair", "West Midlands Universities"),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # "Lord" opens the post, not the name; a Lord Mayor's or Lord Provost's post is in the city
        ('Lord Mayor Sam Hill said: "Yes." Leeds City Council signed.', "Sam Hill", {("Lord Mayor", "Leeds")}),
        ('Lord Provost Jane McLean said: "Yes." Glasgow City Council signed.', "Jane McLean", {("Lord Provost", "Glasgow")}),
        ('Glasgow is ready. Lord Provost Jane McLean said: "Yes."', "Jane McLean", {("Lord Provost", "Glasgow")}),
        ('The Lord Provost of Glasgow, Jane McLean, said: "Yes."', "Jane McLean", {("Lord Provost", "Glasgow")}),
    ],
)  # fmt: skip
def test_lord_mayors_and_lord_provosts(reference, text, name, roles) -> None:
    people = people_of(text, reference)
    assert set(people) == {name}
    assert people[name] == (None, roles)


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a sentence about someone that names their post
        ("Dr Rachel Oko is a senior economist at Centre for Cities.", "Rachel Oko", {("Senior economist", "Centre for Cities")}),
        ("Marcus Webb is Director of Partnerships at Teesside University.",
         "Marcus Webb", {("Director of Partnerships", "Teesside University")}),
        ("Professor Jo Lake is Vice-Chancellor of the University of Hull and chairs the Humber Skills Board.",
         "Jo Lake", {("Vice-Chancellor", "University of Hull")}),
        # a post beside the surname of someone named in full before
        ("Ravi Chandra said the fund was small. Chandra, who is vice-chancellor of the University of Bradford, said the "
         "ask was modest.", "Ravi Chandra", {("Vice-chancellor", "University of Bradford")}),
        ("Professor Ravi Chandra spoke first. Chandra, vice-chancellor of the University of Bradford, said it was modest.",
         "Ravi Chandra", {("Vice-chancellor", "University of Bradford")}),
    ],
)  # fmt: skip
def test_posts_in_a_sentence_about_someone_or_beside_their_surname(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Professor Sam Hill is a lifelong supporter of Leeds United.",
        "Professor Sam Hill is a member of the public panel.",
        'Professor Sam Hill spoke. "Hill, Leader of Nothing, is a book," said Cllr Ann Roe.',
        "Professor Sam Hill and Professor Jo Hill spoke. Hill, Leader of Leeds City Council, said so.",
    ],
)
def test_no_post_from_a_sentence_about_someone_without_one(reference, text) -> None:
    assert people_of(text, reference)["Sam Hill"][1] == set()


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # the post on a line of its own after the writer's handle
        ("Daily Echo\n\nCharter signed\n\nBy Tamsin Hope\n@TamsinHopeEcho\nReporter\n\nSouthampton City Council signed.",
         "Tamsin Hope", {("Reporter", "Daily Echo")}),
        # the shared service a byline names in place of a post
        ("By Lauren Bolt\nLocal Democracy Reporting Service\n14:15, 11 MAR 2024\n\nThe charter was signed.",
         "Lauren Bolt", {("Local Democracy Reporting Service", None)}),
        # "Posted by", the post cut at the next cell of the line
        ("Posted by Dr Rachel Oko, Senior Economist | 4 March 2025 | 6 minute read\nThe report is out.",
         "Rachel Oko", {("Senior Economist", None)}),
    ],
)  # fmt: skip
def test_posts_in_bylines(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ('Sheffield City Council and the University of Sheffield signed. The council\'s leader Cllr Tom Hunt said: "Yes."',
         "Tom Hunt", {("Leader", "Sheffield City Council")}),
        ('The University of Hull signed. The university\'s deputy vice-chancellor Professor Ann Lyle said: "Yes."',
         "Ann Lyle", {("Deputy vice-chancellor", "University of Hull")}),
        # without a comma, words that do not end in a post are no post
        ('Hull City Council signed. The council\'s plans were welcomed by Cllr Tom Hunt, who said: "Yes."',
         "Tom Hunt", set()),
    ],
)  # fmt: skip
def test_a_post_owned_by_a_body_named_by_a_common_noun_without_a_comma(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a former body is not the present post's
        ('Professor Ann Hale, formerly of Cardiff University and now Vice-Chancellor of Swansea University, said: "Yes."',
         "Ann Hale", {("Vice-Chancellor", "Swansea University")}),
        # a school or faculty inside the organisation the text ties it to
        ('Professor Dan Ives, Dean of the Business School at Manchester Metropolitan University, said: "Yes."',
         "Dan Ives", {("Dean of the Business School", "Manchester Metropolitan University")}),
        ('Professor Dan Ives, Dean of the Faculty of Health at the University of Plymouth, said: "Yes."',
         "Dan Ives", {("Dean of the Faculty of Health", "University of Plymouth")}),
    ],
)  # fmt: skip
def test_a_post_takes_the_organisation_the_text_ties_to_it(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles
