"""Phenomena of releases from other publishers, each from small hand-made texts with invented people.

Grouped as the kinds of fact they touch: agreements and who signed them, claimed counts, proposals,
people and posts, quotes, places and institutions, statistics. Where the fact only reaches users
through the graph (a proposal needs a declaration to be listed), the case is checked through the
named queries too.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from corecities_graph.corpus.evaluate import graph_view
from corecities_graph.document import Document
from corecities_graph.extract import extract
from corecities_graph.resolve.reference import Reference
from extracting import people_of, run


def through_queries(text: str, reference: Reference, publisher: str | None = None):
    document = Document(doc_id="t", text=text, publisher=publisher)
    return graph_view(document, extract(document, reference), reference)


# -- agreements and who signed them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Keele University joins the Staffordshire Civic Compact this week.", ["Keele University"]),
        ("Keele University and Staffordshire University have become signatories of the compact.",
         ["Keele University", "Staffordshire University"]),
        ("The new partnership brings Cardiff University and Cardiff Council together for ten years.",
         ["Cardiff University", "Cardiff Council"]),
        ("Exeter City Council signed a ten-year civic partnership with the University of Exeter.",
         ["Exeter City Council", "University of Exeter"]),
        ("The University of Sunderland has signed a civic university agreement with Sunderland City Council.",
         ["University of Sunderland", "Sunderland City Council"]),
        ("Wrexham Council is represented in the accord by its leader.", ["Wrexham Council"]),
        ("Bangor University has put its name to the North Wales Skills Charter.", ["Bangor University"]),
        ("Ulster University is the latest institution to sign the Derry Civic Accord.", ["Ulster University"]),
        ("Keele University and Staffordshire University are among the signatories of the Stoke Civic Compact.",
         ["Keele University", "Staffordshire University"]),
        ("Aberdeen City Council and Robert Gordon University have joined forces in a new partnership.",
         ["Aberdeen City Council", "Robert Gordon University"]),
        ("Edinburgh Napier University has joined the Lothian Skills Compact, becoming the fifth signatory "
         "alongside Heriot-Watt University and the University of Edinburgh.",
         ["Edinburgh Napier University", "Heriot-Watt University", "University of Edinburgh"]),
        ("The Tees Skills Compact was signed today. The universities that have signed it include: "
         "Teesside University, Durham University and Newcastle University.",
         ["Teesside University", "Durham University", "Newcastle University"]),
        ("Hull City Council has signed a Civic Compact with the region's two universities: "
         "the University of Hull and Hull York Medical School.",
         ["Hull City Council", "University of Hull", "Hull York Medical School"]),
    ],
)  # fmt: skip
def test_signing_said_with_other_verbs(reference, text, signatories) -> None:
    result = run(text, reference)
    assert result.declaration is not None
    assert sorted(s.org for s in result.signatories) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The Solent Skills Charter was signed at the Guildhall on Friday by Southampton City Council, "
         "the University of Southampton and Solent University.",
         ["Southampton City Council", "University of Southampton", "Solent University"]),
        ("The Tyne Accord, which was also signed by Newcastle College and the North of Tyne Combined "
         "Authority, was launched on Monday.",
         ["Newcastle College", "North of Tyne Combined Authority"]),
        ("The open letter, signed by the Mayor of Greater Manchester and the vice-chancellors of the "
         "University of Salford and the University of Bolton, asks for a devolved research budget.",
         ["University of Salford", "University of Bolton"]),
        ("The Humber Compact has been signed by the University of Hull, as well as Hull City Council.",
         ["University of Hull", "Hull City Council"]),
        ("The Lincoln Charter was launched today. Other signatories include Lincoln College and "
         "the University of Lincoln.", ["Lincoln College", "University of Lincoln"]),
        ("The Exeter Compact has four signatories. Its four signatories are Exeter College, the "
         "University of Exeter, Devon County Council and Exeter City Council.",
         ["Exeter College", "University of Exeter", "Devon County Council", "Exeter City Council"]),
        ("The Kent Accord was agreed today. The colleges involved are East Kent College and "
         "Canterbury College.", ["East Kent College", "Canterbury College"]),
        ("Universities named in the Norfolk Charter include Norwich and Ipswich, along with the "
         "University of East Anglia.", ["University of East Anglia"]),
        ("Keele University has put its name to the Stoke Civic Compact, joining Staffordshire University "
         "and Stoke-on-Trent City Council in a shared effort to keep graduates.",
         ["Keele University", "Staffordshire University", "Stoke-on-Trent City Council"]),
        ("Both of Bath's universities have joined Bath and North East Somerset Council and Bath College "
         "in signing a charter on skills.", ["Bath and North East Somerset Council", "Bath College"]),
        ("The Solent Charter has six signatories, among them Solent University and Southampton City Council.",
         ["Solent University", "Southampton City Council"]),
        ("The Solent Charter was put together by Solent University and Southampton City Council.",
         ["Solent University", "Southampton City Council"]),
        ("It joins the Norwich Charter, two years after the agreement was first signed by the University of "
         "East Anglia and Norwich City Council.", ["University of East Anglia", "Norwich City Council"]),
        ("Lancaster University and Edge Hill University are named in the Lancashire Compact alongside "
         "Blackpool Council.", ["Lancaster University", "Edge Hill University", "Blackpool Council"]),
        ("Keele University has joined Stoke-on-Trent City Council in a compact on skills.",
         ["Keele University", "Stoke-on-Trent City Council"]),
    ],
)  # fmt: skip
def test_parties_listed_after_a_passive_or_a_lead(reference, text, signatories) -> None:
    assert sorted(s.org for s in run(text, reference).signatories) == sorted(signatories)


@pytest.mark.parametrize(
    "text",
    [
        "The Belfast Compact was signed in May. The partners are calling on the Department for the Economy to act.",
        "The Leeds Charter was launched. It was not signed by Leeds City Council, which is still consulting.",
        "The Hull Compact was agreed in June. Its signatories are expected to meet Hull City Council next year.",
    ],
)
def test_a_lead_that_is_not_followed_by_its_parties_names_none(reference, text) -> None:
    assert [s.org for s in run(text, reference).signatories] == []


def test_a_table_of_signatories_names_the_first_cell(reference) -> None:
    text = (
        "The Glasgow Charter was launched today. It lists the signatories as follows:\n\n"
        "Signatory | Sector | Signed by\nUniversity of Glasgow | Higher education | Principal\n"
        "Glasgow City Council | Local government | Leader\n\nThe charter runs for five years."
    )
    assert [s.org for s in run(text, reference).signatories] == [
        "University of Glasgow",
        "Glasgow City Council",
    ]


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        ("Signatories to the Compact are:", ["University of Hull", "Hull City Council"]),
        (
            "The organisations that have signed the charter include:",
            ["University of Hull", "Hull City Council"],
        ),
        ("Those signing the accord are:", ["University of Hull", "Hull City Council"]),
        (
            "The compact has been endorsed by the following partners:",
            ["University of Hull", "Hull City Council"],
        ),
    ],
)
def test_a_list_lead_in_with_words_before_the_colon(reference, lead, lines) -> None:
    result = run("The Humber Civic Compact was launched today.\n" + "\n".join([lead, *lines]), reference)
    assert [s.org for s in result.signatories] == lines


def test_a_list_line_that_is_a_proper_name_is_a_party(reference) -> None:
    text = (
        "Glasgow City Council\nThe Clyde Accord was signed today.\nThe accord has been signed by:\n"
        + "\n".join(["Glasgow City Council", "Scottish Enterprise", "NHS Greater Glasgow and Clyde"])
    )
    assert [s.org for s in run(text, reference).signatories] == [
        "Glasgow City Council", "Scottish Enterprise", "NHS Greater Glasgow and Clyde",
    ]  # fmt: skip


def test_what_is_quoted_after_a_colon_is_not_a_list_of_parties(reference) -> None:
    text = (
        'Cllr Amy Bell, who signed the Exeter Compact, said: "Exeter College and Devon County Council agree."'
    )
    assert [s.org for s in run(text, reference).signatories] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The core cities group has published a joint declaration with 20 universities.", "declaration"),
        ("The Core cities and 24 universities have signed a declaration on research.", "declaration"),
        ("Swansea Council and Swansea University signed a compact on skills.", "agreement"),
        ("Leeds Beckett University has agreed a charter for the city.", "agreement"),
    ],
)
def test_an_agreement_written_any_way_is_minted(reference, text, kind) -> None:
    result = run(text, reference)
    assert result.declaration is not None and result.declaration.kind == kind


def test_the_alliance_written_in_lower_case_is_core_cities_uk(reference) -> None:
    names = {o.name for o in run("The core cities group has written to ministers.", reference).organisations}
    assert "Core Cities UK" in names


def test_counts_and_proposals_of_an_unnamed_agreement_reach_the_queries(reference) -> None:
    text = (
        "Leeds City Council and two universities signed a civic partnership today.\n"
        "The partners are calling for a new regional skills fund."
    )
    view = through_queries(text, reference)
    assert {r.org for r in view.signatories} == {"Leeds City Council"}
    assert [(c.what, c.count) for c in view.claimed_counts] == [("universities", 2)]
    assert [p.name for p in view.proposals] == ["Regional skills fund"]


def test_proposals_without_any_agreement_are_still_listed(reference) -> None:
    view = through_queries("Bristol City Council is calling for a new West of England health hub.", reference)
    assert [p.name for p in view.proposals] == ["West of England health hub"]


def test_members_of_a_joint_entry_are_institutions_in_the_queries(reference) -> None:
    text = "The signatories are:\nUniversity of Exeter and Falmouth University (joint)\nCornwall Council"
    names = {r.name: r.type for r in through_queries(text, reference).organisations}
    assert names["University of Exeter"] == "university"
    assert names["Falmouth University"] == "university"


# -- claimed counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 60 universities across the UK have committed to civic agreements.",
        "The compact draws on over 150 local partners.",
        "More than 40 universities nationwide have made similar pledges.",
        "Leaders of the eight core cities in England met in Leeds.",
        "The Key Cities group represents 27 cities and towns across England and Wales.",
        "Our analysis of the 63 largest cities and towns suggests a gap.",
        "Some 12 of the region's higher education institutions are within an hour of the site.",
    ],
)
def test_a_count_of_a_wider_group_is_not_a_claimed_count(reference, text) -> None:
    assert run(text, reference).claimed_counts == []


@pytest.mark.parametrize(
    ("text", "what", "count"),
    [
        ("Leeds and the other 10 Core Cities have signed the declaration.", "cities", 11),
        ("The declaration was signed by 24 of its higher education institutions.", "universities", 24),
        ("Twenty-one universities have signed the declaration.", "universities", 21),
        ("All four of Edinburgh's universities have signed an accord with the council.", "universities", 4),
        ("Nine organisations from across the city region have signed the Health Compact.", "signatories", 9),
        ("UWE Bristol is one of nine organisations to have signed the charter.", "signatories", 9),
    ],
)
def test_remainders_and_partitives_are_counted(reference, text, what, count) -> None:
    assert [(c.what, c.count) for c in run(text, reference).claimed_counts] == [(what, count)]


@pytest.mark.parametrize(
    "text",
    [
        "The report sets out three recommendations for ministers.",
        "Two people entering reception\nThe partnership was launched today.",
        "The charter lists five commitments.",
        "Four institutions join the city council in the pact.",
        "The university is one of nine organisations to have signed the charter.",
        "The partners will create extra level 4 and 5 courses.",
        "Local research budgets: five things the spending review should do",
    ],
)
def test_the_documents_own_items_and_alt_text_are_not_figures(reference, text) -> None:
    assert run(text, reference).statistics == []


# -- proposals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The proposals include:\n• a new Regional Skills Fund\n• devolved adult education budgets",
         ["Regional Skills Fund", "Devolved adult education budgets"]),
        ("The alliance is calling for:\n- a cities trade package\n- longer-term funding settlements",
         ["Cities trade package", "Longer-term funding settlements"]),
        ("It argues for the introduction of a cities trade package and a new urban trade strategy.",
         ["Cities trade package", "Urban trade strategy"]),
        ("The report backs the creation of a regional skills fund.", ["Regional skills fund"]),
        ("Leaders want the setting up of a northern investment bank.", ["Northern investment bank"]),
        ("The city supports bringing in a visitor levy.", ["Visitor levy"]),
        ("The partners call for a North East Regional Skills Fund.", ["North East Regional Skills Fund"]),
        ("The university proposes a Net Zero Research Alliance for the region.", ["Net Zero Research Alliance"]),
        ("The charter makes two asks of government:\n1. A £20 million Coastal Research Fund, piloted over "
         "three years, for partnerships led by colleges.\n2. Multi-year skills settlements for towns.",
         ["Coastal Research Fund", "Multi-year skills settlements"]),
        ("The councils are calling for:\n(a) creating a regional skills passport, recording short courses "
         "and placements\n(b) an extension of the Solent Freeport",
         ["Regional skills passport", "Extension of the Solent Freeport"]),
        ("The letter asks for:\n• a devolved research budget\n\nThe region has 2.9 million people and "
         "an economy worth £70bn, the letter says.", ["Devolved research budget"]),
        ("It asks the government to back a £25m Advanced Ceramics Research Centre in Hanley.",
         ["Advanced Ceramics Research Centre in Hanley"]),
        ("The mayor urged ministers to fund a new marine skills academy.", ["Marine skills academy"]),
    ],
)  # fmt: skip
def test_proposals_named_by_lists_and_nominalisations(reference, text, proposals) -> None:
    assert [p.name for p in run(text, reference).proposals] == proposals


def test_a_proposed_alliance_is_not_an_existing_organisation(reference) -> None:
    result = run("The university proposes a Net Zero Research Alliance for the region.", reference)
    assert "Net Zero Research Alliance" not in {o.name for o in result.organisations}


@pytest.mark.parametrize(
    "text",
    [
        "Whether they will call for increased funding remains to be seen.",
        "It is not yet clear if ministers will ask for a new skills fund.",
        # what the parties commit themselves to is not asked of anyone
        "The Derby Compact was signed today. Under the compact the partners will:\n• create a shared skills "
        "passport\n• open a joint careers hub",
        "The Derby Compact was signed today. The charter commits its signatories to:\n- a joint student housing strategy",
        "The mayor asked the council to support more jobs.",
    ],
)
def test_an_aside_proposes_nothing(reference, text) -> None:
    assert run(text, reference).proposals == []


# -- people and posts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "honorific", "roles"),
    [
        # the organisation before the role, after the name
        ('Professor Ann Smith, University of Exeter Pro Vice-Chancellor, said: "We are ready."',
         "Ann Smith", "Professor", {("Pro Vice-Chancellor", "University of Exeter")}),
        # lower-case stacked roles before the name
        ('Core Cities chair and leader of Leeds City Council Sir John Smith said: "Yes."',
         "John Smith", "Sir", {("Chair", "Core Cities UK"), ("Leader", "Leeds City Council")}),
        # "Council Leader Cllr Name"
        ('Swansea Council Leader Cllr Rob Hale said: "Yes."',
         "Rob Hale", "Cllr", {("Leader", "Swansea Council")}),
        # a combined post after the organisation that opens it
        ('Keele University Vice-Chancellor and Chief Executive Professor Ann Lowe said: "Yes."',
         "Ann Lowe", "Professor", {("Vice-Chancellor and Chief Executive", "Keele University")}),
        # a portfolio that lists its areas
        ('Cllr Ben Hart, Derby City Council\'s cabinet member for housing, planning and transport, said: "Yes."',
         "Ben Hart", "Cllr", {("Cabinet member for housing, planning and transport", "Derby City Council")}),
        # a post with its portfolio opens the sentence
        ('Cabinet Member for Education, Employment and Skills, Cllr Ann Rees, said: "Yes." Cardiff Council agreed.',
         "Ann Rees", "Cllr", {("Cabinet Member for Education, Employment and Skills", "Cardiff Council")}),
        ('Vice-Principal for Research at the University of Dundee, Professor Liam Rae, said: "Yes."',
         "Liam Rae", "Professor", {("Vice-Principal for Research", "University of Dundee")}),
        ('Cllr Asha Khan, the council\'s portfolio holder for children, said: "Yes." Bradford Council agreed.',
         "Asha Khan", "Cllr", {("Portfolio holder for children", "Bradford Council")}),
    ],
)  # fmt: skip
def test_posts_in_unfamiliar_orders(reference, text, name, honorific, roles) -> None:
    people = people_of(text, reference)
    assert name in people, list(people)
    assert people[name] == (honorific, roles)


def test_the_organisation_before_a_role_is_not_an_organisation_named_with_it(reference) -> None:
    text = 'Professor Ann Smith, University of Exeter Pro Vice-Chancellor, said: "We are ready."'
    assert {o.name for o in run(text, reference).organisations} == {"University of Exeter"}


def test_a_chain_of_titles_is_several_posts(reference) -> None:
    text = (
        "Rt Hon Jane Doe MP, First Secretary, Leader of the House and Chair of the Devolution Committee, "
        'said: "We will listen."'
    )
    people = people_of(text, reference)
    assert people["Jane Doe"] == (
        "Rt Hon",
        {("Member of Parliament", None), ("First Secretary", None), ("Leader of the House", None),
         ("Chair", "Devolution Committee")},
    )  # fmt: skip


def test_mp_after_a_name_is_a_post(reference) -> None:
    people = people_of('Sam Patel MP said: "This matters to Leicester."', reference)
    assert people["Sam Patel"] == (None, {("Member of Parliament", None)})


def test_a_caption_of_several_people_keeps_each_organisation(reference) -> None:
    text = (
        "Leader of Exeter City Council Cllr Amy Bell, Leader of Truro Council Cllr Dan Moss, at the launch."
    )
    assert people_of(text, reference) == {
        "Amy Bell": ("Cllr", {("Leader", "Exeter City Council")}),
        "Dan Moss": ("Cllr", {("Leader", "Truro Council")}),
    }


@pytest.mark.parametrize(
    "text",
    [
        'Chair of the Cabinet Committee for Devolved Powers said: "We will meet."',
        'Looking ahead to the spending review, it added: "We are ready."',
        "Bristol Civic Skills Fund, a £4.5m programme, opens in May.",
        'The Chief Executive of Sheffield Teaching Hospitals said: "We will meet."',
        'The Pro-Vice-Chancellor for Research and Knowledge Exchange at LJMU said: "We will meet."',
    ],
)
def test_bodies_and_fronted_phrases_are_not_people(reference, text) -> None:
    assert run(text, reference).people == []


def test_a_post_without_an_organisation_takes_the_publishers(reference) -> None:
    text = 'Vice-Chancellor Professor Evelyn Welch said: "This is a proud day for Bristol."'
    people = people_of(text, reference, publisher="University of Bristol")
    assert people["Evelyn Welch"] == ("Professor", {("Vice-Chancellor", "University of Bristol")})


def test_a_post_without_an_organisation_keeps_the_one_already_known(reference) -> None:
    text = (
        "Professor Evelyn Welch, Vice-Chancellor of the University of Bristol, welcomed the plan.\n"
        'Vice-Chancellor Professor Evelyn Welch said: "It is a proud day."'
    )
    assert people_of(text, reference)["Evelyn Welch"] == (
        "Professor", {("Vice-Chancellor", "University of Bristol")},
    )  # fmt: skip


def test_a_press_contact_after_notes_to_editors(reference) -> None:
    text = (
        "The compact was signed today.\nNotes to editors\n"
        "For more information contact Sam Reid, Press Officer at Hull City Council, on 01482 300 300."
    )
    assert people_of(text, reference)["Sam Reid"] == (None, {("Press Officer", "Hull City Council")})


# -- quotes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "start"),
    [
        ('Cllr Amy Bell, Leader of Exeter City Council, said:\n\n"We are ready to deliver for our city."',
         "Amy Bell", "We are ready to deliver"),
        ("Dr Lena Ross said the plan was overdue.\n'We have waited long enough for this and now",
         "Lena Ross", "We have waited long enough"),
        ('Dr Lena Ross said the plan was overdue. "We have waited long enough," she said.',
         "Lena Ross", "We have waited long enough"),
    ],
)  # fmt: skip
def test_quotes_after_a_break_or_continuing_reported_speech(reference, text, speaker, start) -> None:
    quotes = run(text, reference).quotes
    assert [(q.speaker, q.text[: len(start)]) for q in quotes] == [(speaker, start)]


# -- places and institutions ----------------------------------------------------------------------


def test_a_surname_that_is_a_town_is_not_a_city(reference) -> None:
    result = run('Cllr Keith Wakefield said: "Leeds is ready."', reference)
    assert result.cities() == ["Leeds"]


def test_a_city_inside_an_organisation_places_it(reference) -> None:
    orgs = {
        o.name: o.city
        for o in run("Leader of Cardiff City Council Cllr Huw Jones spoke.", reference).organisations
    }
    assert orgs == {"Cardiff City Council": "Cardiff"}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("The plan is backed by Sustainable Glasgow and the city's universities.", "Sustainable Glasgow", "other"),
        ("Work starts at Bristol Temple Quarter Innovation District next year.",
         "Bristol Temple Quarter Innovation District", "other"),
        ("Engineers at National Manufacturing Institute Scotland welcomed it.",
         "National Manufacturing Institute Scotland", "institute"),
        ("The Nottingham and Nottinghamshire Integrated Care System joins the plan.",
         "Nottingham and Nottinghamshire Integrated Care System", "other"),
        ("Leaders will sit on a new 'Core Cities Cabinet' to meet ministers.", "Core Cities Cabinet", "other"),
        ("The City Office will run the programme.", "City Office", "other"),
        ("Wigan and Leigh College signed it.", "Wigan and Leigh College", "other"),
        ("The East Riding of Yorkshire Council signed it.", "East Riding of Yorkshire Council", "council"),
    ],
)  # fmt: skip
def test_names_without_an_organisational_head_word(reference, text, name, type_) -> None:
    orgs = {o.name: o.type for o in run(text, reference).organisations}
    assert orgs.get(name) == type_, orgs


def test_a_parent_organisation_used_as_a_modifier_names_both(reference) -> None:
    names = {
        o.name
        for o in run("The UPP Foundation Civic University Commission reported.", reference).organisations
    }
    assert {"UPP Foundation", "UPP Foundation Civic University Commission"} <= names


# -- statistics -----------------------------------------------------------------------------------


def test_a_statistics_subject_is_an_entity_never_a_cut_string(reference) -> None:
    text = "The partnership commits both organisations to spend £5m on the Bristol Civic Skills Fund."
    stats = run(text, reference).statistics
    assert [(s.value, s.unit) for s in stats] == [(Decimal(5_000_000), "GBP")]
    assert stats[0].subject in {"Bristol Civic Skills Fund", None}
    assert "organisatio" not in (stats[0].subject or "")


def test_a_figure_beside_a_proposal_is_about_it(reference) -> None:
    stats = run("The compact calls on government to create a £5m Urban Research Fund.", reference).statistics
    assert [(s.subject, s.subject_kind, s.measure, s.value) for s in stats] == [
        ("Urban Research Fund", "proposal", "amount", Decimal(5_000_000))
    ]


def test_two_releases_pricing_one_proposal_differently_are_a_conflict(reference) -> None:
    import pyoxigraph as ox

    from corecities_graph.graph.model import ModelSettings, document_quads
    from corecities_graph.sparql.query import named_queries

    store = ox.Store()
    for doc_id, text in [
        ("a", "The compact calls on government to create a £5m Urban Research Fund."),
        (
            "b",
            "The proposals include:\n• a new Urban Research Fund, seeded with £4.5m from central government",
        ),
    ]:
        document = Document(doc_id=doc_id, text=text)
        store.extend(document_quads(document, extract(document, reference), ModelSettings()))
    rows = list(store.query(named_queries()["conflicts"].text, use_default_graph_as_union=True))
    assert [(r["subject_name"].value, {r["value_a"].value, r["value_b"].value}) for r in rows] == [
        ("Urban Research Fund", {"4500000", "5000000"})
    ]


def test_a_bar_of_section_links_is_furniture(reference) -> None:
    result = run(
        "News | Exeter | Plymouth | Torbay | Sport\nThe University of Exeter signed the compact.", reference
    )
    assert result.cities() == []


def test_a_town_as_a_surname_after_a_full_name_and_alone(reference) -> None:
    text = (
        "Pictured: Professor Karen Stirling, Principal of the University of Dundee.\n"
        'Professor Stirling said the agreement was "a promise to the city".'
    )
    assert run(text, reference).cities() == []


@pytest.mark.parametrize(
    ("text", "name", "honorific", "roles"),
    [
        # a combined post before the name, its organisation the one the text is about
        ('The University of Strathclyde signed.\nPrincipal and Vice-Chancellor Professor Sir Alan Munro said: "Yes."',
         "Alan Munro", "Professor Sir", {("Principal and Vice-Chancellor", "University of Strathclyde")}),
        # the organisation's possessive, a lower-case post, the name between commas
        ('Devon County Council\'s cabinet member for skills, Councillor Neil Tremayne, said: "Yes."',
         "Neil Tremayne", "Cllr", {("Cabinet member for skills", "Devon County Council")}),
        # two posts before the name, the second opening with its organisation
        ('Leeds City Council is the host.\nCouncil leader and Core Cities vice-chair Cllr Dee Walsh said: "Yes."',
         "Dee Walsh", "Cllr", {("Council leader", "Leeds City Council"), ("Vice-chair", "Core Cities UK")}),
        # NHS boards named by a place, and "City of X" names
        ("Pictured: Grace Ogilvie, Chief Executive of NHS Tayside.",
         "Grace Ogilvie", None, {("Chief Executive", "NHS Tayside")}),
        ("Leader of City of York Council, Cllr Beth Rowntree, said:\n\"We are ready.\"",
         "Beth Rowntree", "Cllr", {("Leader", "City of York Council")}),
        ("Dr Anthony Mbeki, Principal of The City of Liverpool College, said the college was ready.",
         "Anthony Mbeki", "Dr", {("Principal", "The City of Liverpool College")}),
        # a byline after the date, and an honorific of Northern Ireland's councils
        ("14 March 2025 | By Tomasz Wierzbicki, Policy Editor\nThe compact was signed.",
         "Tomasz Wierzbicki", None, {("Policy Editor", None)}),
        ('Alderman Sandra Gilmore, Chair of Belfast City Council\'s growth committee, said: "Yes."',
         "Sandra Gilmore", "Alderman", {("Chair", "Belfast City Council")}),
    ],
)  # fmt: skip
def test_posts_before_names_and_bodies_named_by_places(reference, text, name, honorific, roles) -> None:
    people = people_of(text, reference)
    assert name in people, list(people)
    assert people[name] == (honorific, roles)


def test_the_masthead_is_the_publisher_whose_posts_go_without_saying(reference) -> None:
    text = 'Swansea University\nThe compact was signed.\nVice-Chancellor Professor Elin Mathias said: "Yes."'
    assert people_of(text, reference)["Elin Mathias"] == (
        "Professor",
        {("Vice-Chancellor", "Swansea University")},
    )


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        (
            "Their universities educate around a quarter of the UK's students.",
            Decimal(25),
            "percent",
            "around",
        ),
        ("More than half of our students come from Scotland.", Decimal(50), "percent", "more than"),
        ("Around a third of them come from the city region.", Decimal("33.3"), "percent", "around"),
        ("The plan covers 130 hectares of former rail land.", Decimal(130), "hectares", None),
        ("The trusts employ more than 9,000 nurses.", Decimal(9000), "people", "more than"),
        ("It will train almost 8,000 health and social care students.", Decimal(8000), "people", "almost"),
        ("The deal is worth an estimated £3.2bn to the region.", Decimal(3_200_000_000), "GBP", None),
        ("As many as 40 per cent of the jobs could go.", Decimal(40), "percent", None),
    ],
)
def test_shares_in_words_measures_and_more_qualifiers(reference, text, value, unit, qualifier) -> None:
    stats = run(text, reference).statistics
    assert [(s.value, s.unit, s.qualifier) for s in stats] == [(value, unit, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "The fund will run over five years.",
        "The partners will meet for the next three years.",
        "The programme is funded for two years.",
    ],
)
def test_how_long_is_not_a_figure(reference, text) -> None:
    assert run(text, reference).statistics == []


@pytest.mark.parametrize(
    "text",
    [
        "Cardiff University signed the compact, joining 21 other universities and the cities.",
        "The commission heard from more than 200 universities and councils.",
        "It is the first bid since 2020, when the cities and 24 universities signed a declaration.",
    ],
)
def test_counts_of_other_agreements_and_rough_counts_are_not_claimed(reference, text) -> None:
    assert run(text, reference).claimed_counts == []


@pytest.mark.parametrize(
    ("text", "speaker", "start"),
    [
        # reported speech turning into the speaker's own words, in single quotes, cut off
        ("Cllr Dee Walsh said the prospectus was 'not a wish list but a delivery plan, and the cities will",
         "Dee Walsh", "not a wish list but a"),
        ("Professor Ian Rowe said the plan was overdue.\nProfessor Rowe added that the university would "
         "'use every lever we have to keep graduates here'.", "Ian Rowe", "use every lever we have"),
        # 'She said:' and '..., she said' before anyone was quoted: the last person named
        ('Cllr Moira Fyfe, leader of Glasgow City Council, said the plan was good.\nShe said: "We have brilliant '
         'universities here."', "Moira Fyfe", "We have brilliant universities"),
        ('Professor Hana Oko told the magazine it was serious.\n"The test will be whether ministers listen," she said.',
         "Hana Oko", "The test will be whether"),
    ],
)  # fmt: skip
def test_quotes_continuing_reported_speech(reference, text, speaker, start) -> None:
    quotes = run(text, reference).quotes
    assert [(q.speaker, q.text[: len(start)]) for q in quotes] == [(speaker, start)]


def test_a_scare_quote_in_reported_speech_is_not_a_quote(reference) -> None:
    text = 'Cllr Moira Fyfe said the compact would give the city "a seat at the table" at last.'
    assert run(text, reference).quotes == []


def test_a_name_does_not_start_inside_a_place(reference) -> None:
    people = people_of('Mayor of Greater Manchester Paul Dennehy said: "Our universities matter."', reference)
    assert list(people) == ["Paul Dennehy"]


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Derry City and Strabane District Council backed it.", "Derry City and Strabane District Council", "council"),
        ("The Humber and North Yorkshire Integrated Care Board agreed.",
         "Humber and North Yorkshire Integrated Care Board", "other"),
        ("The West of England Combined Authority will fund it.", "West of England Combined Authority", "council"),
        ("Isle of Anglesey County Council joins the plan.", "Isle of Anglesey County Council", "council"),
        ("Exeter College runs the courses.", "Exeter College", "other"),
        ("Royal Devon University Healthcare NHS Foundation Trust joins.",
         "Royal Devon University Healthcare NHS Foundation Trust", "other"),
    ],
)  # fmt: skip
def test_names_joining_places_and_colleges(reference, text, name, type_) -> None:
    orgs = {o.name: o.type for o in run(text, reference).organisations}
    assert orgs.get(name) == type_, orgs


def test_the_agreement_signed_is_not_also_a_body(reference) -> None:
    result = run(
        "City of York Council has signed the York Civic Partnership with two universities.", reference
    )
    assert result.declaration is not None and result.declaration.name == "York Civic Partnership"
    assert "York Civic Partnership" not in {o.name for o in result.organisations}


def test_an_enumeration_inside_a_post_is_one_post(reference) -> None:
    text = 'Margaret Oduya, Secretary of State for Housing, Communities and Local Government, said: "Yes."'
    assert people_of(text, reference)["Margaret Oduya"] == (
        None, {("Secretary of State for Housing, Communities and Local Government", None)},
    )  # fmt: skip


def test_becoming_the_nth_signatory_counts_the_parties(reference) -> None:
    text = "Edinburgh Napier University joined the Lothian Compact, becoming the fifth signatory."
    assert [(c.what, c.count) for c in run(text, reference).claimed_counts] == [("signatories", 5)]


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Cyngor Gwynedd signed the agreement.", "Cyngor Gwynedd", "council"),
        ("He chairs the Energy Skills Taskforce.", "Energy Skills Taskforce", "other"),
    ],
)
def test_welsh_councils_and_taskforces(reference, text, name, type_) -> None:
    assert {o.name: o.type for o in run(text, reference).organisations}.get(name) == type_


def test_dozens_in_words(reference) -> None:
    counts = run("Two dozen universities have signed the compact.", reference).claimed_counts
    assert [(c.what, c.count) for c in counts] == [("universities", 24)]


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact calls on government to create a £5m Urban Research Fund and devolved adult education budgets.",
         ["Urban Research Fund", "Devolved adult education budgets"]),
        ("It argues for the creation of a national urban research fund, for devolved adult education budgets, "
         "and for the setting up of city skills observatories to track demand.",
         ["National urban research fund", "Devolved adult education budgets", "City skills observatories"]),
        ("The university will press for a regional skills passport.", ["Regional skills passport"]),
        ("Leaders asked the chancellor for ten-year funding settlements and control over adult skills budgets.",
         ["Ten-year funding settlements", "Control over adult skills budgets"]),
        ("The partners want greater flexibility over how the apprenticeship levy is spent locally.",
         ["Greater flexibility over how the apprenticeship levy is spent locally"]),
        ("The charter commits them to lobby for the creation of a graduate retention scheme for the region.",
         ["Graduate retention scheme"]),
        ("The backers argue that the introduction of city skills passports would help workers move.",
         ["City skills passports"]),
    ],
)  # fmt: skip
def test_asks_coordinated_and_cut_at_a_verb(reference, text, proposals) -> None:
    assert [p.name for p in run(text, reference).proposals] == proposals


@pytest.mark.parametrize(
    "text",
    [
        "The cities have asked for the same things for a decade.",
        "Leaders are calling for a radical new vision.",
        "A first call for joint projects is expected in the autumn.",
        "They called for greater devolution.",
    ],
)
def test_vague_asks_and_calls_for_bids_propose_nothing(reference, text) -> None:
    assert run(text, reference).proposals == []


def test_a_whether_after_the_ask_does_not_cancel_it(reference) -> None:
    text = "She will press for a regional skills passport, whether or not ministers agree."
    assert [p.name for p in run(text, reference).proposals] == ["Regional skills passport"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The agreement commits the five organisations to work together.", 5),
        ("The partnership brings the three organisations together.", 3),
    ],
)
def test_the_organisations_of_an_agreement_are_its_parties(reference, text, count) -> None:
    result = run(text, reference)
    assert [(c.what, c.count) for c in result.claimed_counts] == [("signatories", count)]
    assert result.statistics == []


@pytest.mark.parametrize(
    "text",
    [
        "Manufacturing has been at its core for more than two centuries.",
        "Our universities are two of the biggest employers in Swansea.",
        "Ten councils and four universities sign up to the compact.",
    ],
)
def test_spans_of_time_ranks_and_councils_are_not_figures(reference, text) -> None:
    assert run(text, reference).statistics == []


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ('Alderman Sandra Gilmore, Chair of the City Growth Committee at Belfast City Council, said: "Yes."',
         "Sandra Gilmore", {("Chair of the City Growth Committee", "Belfast City Council")}),
        ('Councillor Ali Bruce, Convener of the Finance Committee, Edinburgh City Council, said: "Yes."',
         "Ali Bruce", {("Convener of the Finance Committee", "Edinburgh City Council")}),
        ('Dee Walsh, the leader of Leeds city council and vice-chair of Core Cities, said the cities were ready.',
         "Dee Walsh", {("Leader", "Leeds City Council"), ("Vice-chair", "Core Cities UK")}),
        ("Pictured: Professor Ruth Devlin, Queen's University Belfast; Mary Byrne, Principal and Chief Executive, "
         "Belfast Metropolitan College.", "Mary Byrne", {("Principal and Chief Executive", "Belfast Metropolitan College")}),
    ],
)  # fmt: skip
def test_posts_in_committees_lower_case_councils_and_combined_posts_in_captions(
    reference, text, name, roles
) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_an_agreement_in_a_headline_is_not_a_person(reference) -> None:
    assert run("Queen's and partners sign Belfast Region Skills Compact", reference).people == []


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The University of Dundee put its name to the Tay Civic Agreement on Friday, together with Dundee City "
         "Council.", ["University of Dundee", "Dundee City Council"]),
        ("Hull City Council has agreed a health partnership, the Hull Hearts Partnership, with the University of Hull.",
         ["Hull City Council", "University of Hull"]),
        ("Keele University is one of the signatories of the Stoke Compact, through which it works with Stoke-on-Trent "
         "City Council.", ["Keele University"]),
        ("A report from the Civic Research Foundation has found that 60 universities have signed civic agreements.", []),
    ],
)  # fmt: skip
def test_who_signed_is_read_from_the_clause_of_the_signing(reference, text, signatories) -> None:
    assert sorted(s.org for s in run(text, reference).signatories) == sorted(signatories)


def test_a_partnership_that_was_signed_is_not_a_body(reference) -> None:
    text = "The Aberdeen Energy Transition Partnership was launched yesterday by Aberdeen City Council."
    assert "Aberdeen Energy Transition Partnership" not in {
        o.name for o in run(text, reference).organisations
    }


def test_hundreds_of_partners_are_a_figure_and_times_a_ratio(reference) -> None:
    result = run(
        "Over 150 local partners back it. Spending is roughly 2.5 times the figure elsewhere.", reference
    )
    assert {(s.value, s.unit) for s in result.statistics} == {
        (Decimal(150), "count"),
        (Decimal("2.5"), "ratio"),
    }


def test_a_news_title_on_its_own_line_is_the_publisher_of_its_journalists(reference) -> None:
    text = (
        "Yorkshire Evening Herald\n\nCouncil and colleges sign skills pact\n\nBy Amy Rowe\nEducation Correspondent\n\n"
        "By Sam Hill\nLocal Democracy Reporter\n\nLeeds City Council has signed the Leeds Skills Pact."
    )
    result = run(text, reference)
    # the title heading the page published the story; the story is not about it
    assert "Yorkshire Evening Herald" not in {o.name for o in result.organisations}
    roles = {p.name: {(r.role, r.org) for r in p.roles} for p in result.people}
    assert roles["Amy Rowe"] == {("Education Correspondent", "Yorkshire Evening Herald")}
    assert roles["Sam Hill"] == {("Local Democracy Reporter", None)}  # a service shared between titles


def test_a_county_named_after_its_city_is_no_city_and_an_owner_ends_a_name(reference) -> None:
    result = run("The area runs from Northumberland to County Durham. The Manchester College's Openshaw "
                 "campus hosted it.", reference)  # fmt: skip
    assert result.cities() == []
    assert "Manchester College" in {o.name for o in result.organisations}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Liverpool City Region compact was signed. Liverpool City Region leaders met. "
         'Metro Mayor Sam Oduya said: "Yes."', ("Metro Mayor", "Liverpool City Region")),
        # the text's wording is kept: "City Mayor" is the post
        ('Leicester signed it. Leicester is ready. City Mayor Sir Ian Moss said: "Yes."', ("City Mayor", "Leicester")),
        ('Sir Ian Moss, the City Mayor, said: "Yes." Leicester signed it.', ("City Mayor", "Leicester")),
        ('Leicester City Mayor Peter Hales said: "Yes."', ("City Mayor", "Leicester")),
    ],
)  # fmt: skip
def test_a_mayor_named_without_a_place_is_mayor_of_the_one_the_text_names_most(reference, text, role) -> None:
    [person] = run(text, reference).people
    assert {(r.role, r.org) for r in person.roles} == {role}


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # the owner a common noun for a body already named
        ("Centre for Cities published the report. Mo Khan, the think tank's chief executive, said it was late.",
         "Mo Khan", {("Chief executive", "Centre for Cities")}),
        ('Leeds City Council signed. Councillor Ann Bright, the council\'s deputy leader and executive member '
         'for economy and culture, said: "Yes."',
         "Ann Bright", {("Deputy leader", "Leeds City Council"),
                        ("Executive member for economy and culture", "Leeds City Council")}),
        ('The Civic Skills Commission reported. Dame Ruth Cole, chair of the commission and a former chief '
         'executive of Hull City Council, said: "Yes."',
         "Ruth Cole", {("Chair", "Civic Skills Commission"), ("Former chief executive", "Hull City Council")}),
        ('The Liverpool City Region Combined Authority agreed. Cllr Ian Roe, Portfolio Holder for Skills at the '
         'combined authority and Leader of Wirral Council, said: "Yes."',
         "Ian Roe", {("Portfolio Holder for Skills", "Liverpool City Region Combined Authority"),
                     ("Leader", "Wirral Council")}),
        # "its": the body the clause is about
        ("Bristol City Council is represented in the compact by its cabinet member for skills, Councillor Tom Price.",
         "Tom Price", {("Cabinet member for skills", "Bristol City Council")}),
        ("Ulster University and Derry City Council signed. The university is represented by its Magee campus "
         "provost, Professor Ama Osei, and the council by its chief executive, Paul Grant.",
         "Paul Grant", {("Chief executive", "Derry City Council")}),
        ("Ulster University and Derry City Council signed. The university is represented by its Magee campus "
         "provost, Professor Ama Osei, and the council by its chief executive, Paul Grant.",
         "Ama Osei", {("Magee campus provost", "Ulster University")}),
        ('Hull City Council signed. The council\'s cabinet member for climate, ecology and energy, Cllr Rae Lin, '
         'said: "Yes."', "Rae Lin", {("Cabinet member for climate, ecology and energy", "Hull City Council")}),
    ],
)  # fmt: skip
def test_posts_in_a_body_the_text_refers_back_to(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ('Professor Priya Shah, who became President and Vice-Chancellor of the University of Leicester in '
         'January, said: "Yes."', "Priya Shah", {("President and Vice-Chancellor", "University of Leicester")}),
        ('Dr Lena Hart, who is Director of Research at Cardiff University, said: "We will."',
         "Lena Hart", {("Director of Research", "Cardiff University")}),
        ('Professor Tom Akers, who chairs the Tyne Colleges Group and is principal of Newcastle College, said: "Yes."',
         "Tom Akers", {("Chair", "Tyne Colleges Group"), ("Principal", "Newcastle College")}),
        ("The plan will be overseen by a Civic Charter Board chaired by Professor Sue Varley, Dean of Law at "
         "the University of Salford.",
         "Sue Varley", {("Chair", "Civic Charter Board"), ("Dean of Law", "University of Salford")}),
        ('Dame Rose Ince, who co-chairs the Humber Skills Board, said: "Yes."',
         "Rose Ince", {("Co-chair", "Humber Skills Board")}),
    ],
)  # fmt: skip
def test_posts_said_in_a_relative_clause_or_by_a_verb(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        # a combined post after an owner's possessive is one post
        ("Sir Graham Tully, the University of Sunderland's Vice-Chancellor and Chief Executive, told the paper it worked.",
         "Graham Tully", {("Vice-Chancellor and Chief Executive", "University of Sunderland")}),
        ("Norwich University of the Arts (NUA) signed. NUA's principal and vice-chancellor, Professor Sam Lee, signed too.",
         "Sam Lee", {("Principal and vice-chancellor", "Norwich University of the Arts")}),
        # the owner called by the first word of its name
        ("Keele University and Staffordshire University signed. Keele's Vice-Chancellor, Professor Ann Marsh, said so.",
         "Ann Marsh", {("Vice-Chancellor", "Keele University")}),
        ("Keele University signed. Professor Ann Marsh, Keele's Vice-Chancellor, said the compact would work.",
         "Ann Marsh", {("Vice-Chancellor", "Keele University")}),
        ("Bangor University and Wrexham Council signed. Bangor's Vice-Chancellor Professor Iwan Rhys said it was good.",
         "Iwan Rhys", {("Vice-Chancellor", "Bangor University")}),
        # the post's organisation opens with a name joined by "and"
        ("At the signing, Cardiff and Vale College Principal and Chief Executive Nia Roe said the college was ready.",
         "Nia Roe", {("Principal and Chief Executive", "Cardiff and Vale College")}),
        ("Wigan and Leigh College Principal and Chief Executive Dr Ann Fry said it would work.",
         "Ann Fry", {("Principal and Chief Executive", "Wigan and Leigh College")}),
    ],
)  # fmt: skip
def test_combined_posts_after_owners_and_owners_called_short(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


@pytest.mark.parametrize(
    ("text", "name", "roles"),
    [
        ("Professor Gwyn ap Iorwerth, Provost of the University of Wales Trinity Saint David, said it would work.",
         "Gwyn ap Iorwerth", {("Provost", "University of Wales Trinity Saint David")}),
        ('Dr Anna van der Berg, Director of Research at the University of York, said: "Yes."',
         "Anna van der Berg", {("Director of Research", "University of York")}),
        ('Stoke-on-Trent City Council agreed. Council leader Cllr Dean Faulkner told the meeting: "We are ready."',
         "Dean Faulkner", {("Council leader", "Stoke-on-Trent City Council")}),
        ('Professor Chancellor Obi, Dean of Law at the University of Hull, said: "Yes."',
         "Chancellor Obi", {("Dean of Law", "University of Hull")}),
        # a one-word news title on its own line is the publisher its journalists write for
        ("WalesOnline\n\nCouncil signs accord\n\nBy Rhodri ap Dafydd\nBusiness Editor\n\nSwansea Council signed it.",
         "Rhodri ap Dafydd", {("Business Editor", "WalesOnline")}),
        ("DerbyshireLive\n\nCouncil signs promise\n\nBy Amy Hall\nEducation reporter\n\nDerby City Council signed it.",
         "Amy Hall", {("Education reporter", "DerbyshireLive")}),
    ],
)  # fmt: skip
def test_names_with_particles_or_a_post_word_and_one_word_mastheads(reference, text, name, roles) -> None:
    assert people_of(text, reference)[name][1] == roles


def test_he_said_after_someone_reported_since_the_last_quote(reference) -> None:
    text = (
        'Cllr Dean Hart said: "We are ready.\n\n'
        "Professor Owen Cole said 70 per cent of students stay in the city.\n\n"
        '"Our students are this city," he said.'
    )
    assert [(q.speaker, q.text[:8]) for q in run(text, reference).quotes][-1] == ("Owen Cole", "Our stud")
