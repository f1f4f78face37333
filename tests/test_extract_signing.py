"""Who signed an agreement and how many took part, said in the many ways releases say it.

Each case is a small hand-made sentence; the bodies are real, the people invented.
"""

from __future__ import annotations

import pytest

from extracting import run


def parties(text: str, reference) -> list[str]:
    return sorted(s.org for s in run(text, reference).signatories)


# -- signing said with other verbs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Northumbria University today became a signatory to the North East Compact.", ["Northumbria University"]),
        ("Anglia Ruskin University has joined as a signatory to the Cambridge Compact.", ["Anglia Ruskin University"]),
        ("Teesside University has added its name to the Tees Valley Charter.", ["Teesside University"]),
        ("Leaders from Derby City Council and the University of Derby put pen to paper on the agreement.",
         ["Derby City Council", "University of Derby"]),
        ("Senior figures from Southampton City Council and Solent University gathered to sign the accord.",
         ["Southampton City Council", "Solent University"]),
        ("Coventry University and the University of Warwick have pledged their support to the charter and "
         "signed it on Friday.", ["Coventry University", "University of Warwick"]),
        ("The University of Hull and Hull City Council both signed.", ["University of Hull", "Hull City Council"]),
        ("Cambridge City Council and Anglia Ruskin University are partners in the accord.",
         ["Cambridge City Council", "Anglia Ruskin University"]),
        ("Keele University, Staffordshire University and Stoke-on-Trent City Council are the three partners "
         "in the accord.", ["Keele University", "Staffordshire University", "Stoke-on-Trent City Council"]),
        ("The University of Derby joined the University of Nottingham in signing the declaration.",
         ["University of Derby", "University of Nottingham"]),
        ("Keele University joins Staffordshire University in signing the declaration.",
         ["Keele University", "Staffordshire University"]),
        ("Oxford Brookes University signed the declaration last week, followed by Oxford City Council.",
         ["Oxford Brookes University", "Oxford City Council"]),
        ("Newcastle City Council and Newcastle University, which signed the compact in 2021, are renewing it.",
         ["Newcastle City Council", "Newcastle University"]),
        ("Leeds Trinity University has become the fourth signatory of the West Yorkshire Skills Accord, "
         "joining Leeds Beckett University, the University of Bradford and Kirklees Council.",
         ["Leeds Trinity University", "Leeds Beckett University", "University of Bradford", "Kirklees Council"]),
    ],
)  # fmt: skip
def test_signing_said_with_other_verbs(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- parties after a lead: a passive, an apposition, an agreement as the subject ------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The charter was co-signed by the University of Kent and Kent County Council.",
         ["University of Kent", "Kent County Council"]),
        ("The compact was endorsed by Universities UK and signed by the University of Leeds.", ["University of Leeds"]),
        ("The deal - signed by the University of Brighton and the University of Sussex - runs for ten years.",
         ["University of Brighton", "University of Sussex"]),
        ("The accord, signed by Cardiff University, Cardiff Metropolitan University and Cardiff Council, "
         "sets out five aims.", ["Cardiff University", "Cardiff Metropolitan University", "Cardiff Council"]),
        ("Signing the accord were the University of Edinburgh, Edinburgh Napier University and the City of "
         "Edinburgh Council.", ["University of Edinburgh", "Edinburgh Napier University", "City of Edinburgh Council"]),
        ("Among those signing the charter were Plymouth City Council and the University of Plymouth.",
         ["Plymouth City Council", "University of Plymouth"]),
        ("Partners in the agreement are Nottingham Trent University, the University of Nottingham and "
         "Nottingham City Council.", ["Nottingham Trent University", "University of Nottingham", "Nottingham City Council"]),
        ("The signatories of the accord, Bangor University and Gwynedd Council, met on Monday.",
         ["Bangor University", "Gwynedd Council"]),
        ("Professor Amy Lee, who signed on behalf of the University of Leeds, said it was a good day.",
         ["University of Leeds"]),
        ("The charter unites De Montfort University, the University of Leicester and Leicester City Council.",
         ["De Montfort University", "University of Leicester", "Leicester City Council"]),
        ("The agreement sees Lancaster University and Lancashire County Council commit to shared goals.",
         ["Lancaster University", "Lancashire County Council"]),
        ("The compact commits Sunderland City Council and the University of Sunderland to work together.",
         ["Sunderland City Council", "University of Sunderland"]),
        ("The compact between Hull City Council and the University of Hull runs for five years.",
         ["Hull City Council", "University of Hull"]),
        ("The accord was signed by the city's four universities - the University of Glasgow, the University of "
         "Strathclyde, Glasgow Caledonian University and Glasgow School of Art - and the council.",
         ["University of Glasgow", "University of Strathclyde", "Glasgow Caledonian University", "Glasgow School of Art"]),
        ("The compact was signed by the vice-chancellors of the University of Manchester, Manchester Metropolitan "
         "University and the University of Salford.",
         ["University of Manchester", "Manchester Metropolitan University", "University of Salford"]),
        # a dashed aside inside the list, and a name that holds a word the list would end at
        ("The accord is signed by Glasgow City Council, the University of Strathclyde - the city's oldest "
         "partners - and Glasgow Caledonian University.",
         ["Glasgow City Council", "University of Strathclyde", "Glasgow Caledonian University"]),
        ("The compact was signed by Cardiff Council, Cardiff University, Cardiff Met and the University of "
         "South Wales.", ["Cardiff Council", "Cardiff University", "University of South Wales"]),
    ],
)  # fmt: skip
def test_parties_after_a_lead(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The charter was signed by Cllr Amy Ross, leader of Leeds City Council, and Professor Tom Hale, "
         "vice-chancellor of the University of Leeds.", ["Leeds City Council", "University of Leeds"]),
        ("The pledge has been signed by 12 organisations, including the University of Bradford and Bradford Council.",
         ["University of Bradford", "Bradford Council"]),
        ("The compact was launched on Monday. Also signing were Hull College and the University of Hull.",
         ["Hull College", "University of Hull"]),
        ("The compact was launched on Monday. Joining them are Hull College and the University of Hull.",
         ["Hull College", "University of Hull"]),
        ("Joining the University of Bradford as signatories are Bradford College and Bradford Council.",
         ["University of Bradford", "Bradford College", "Bradford Council"]),
        ("The University of Stirling was joined by Stirling Council in signing the accord.",
         ["University of Stirling", "Stirling Council"]),
        ("The signatories - Hull College, the University of Hull and Hull City Council - will meet twice a year.",
         ["Hull College", "University of Hull", "Hull City Council"]),
        ("Hull College and the University of Hull are among the organisations that have signed the compact.",
         ["Hull College", "University of Hull"]),
        ("In signing the accord, the University of Dundee and Dundee City Council pledged to cut emissions.",
         ["University of Dundee", "Dundee City Council"]),
        ("By signing the charter, Salford City Council commits to paying the living wage.", ["Salford City Council"]),
        ("The University of Leicester has renewed its civic agreement with Leicester City Council.",
         ["University of Leicester", "Leicester City Council"]),
        ("Liverpool City Council and the University of Liverpool have struck a new deal on research.",
         ["Liverpool City Council", "University of Liverpool"]),
        ("De Montfort University and Leicester City Council today unveiled a joint charter on skills.",
         ["De Montfort University", "Leicester City Council"]),
        ("The University of Sheffield and Sheffield City Council have agreed to work together under a new civic "
         "agreement.", ["University of Sheffield", "Sheffield City Council"]),
        ("The partnership agreement formalises links between Swansea University and Swansea Council.",
         ["Swansea University", "Swansea Council"]),
        ("The deal, struck between Glasgow City Council and the University of Glasgow, runs to 2030.",
         ["Glasgow City Council", "University of Glasgow"]),
    ],
)  # fmt: skip
def test_parties_with_their_posts_and_in_inverted_clauses(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("UWE Bristol signs West of England Green Skills Charter", ["University of the West of England"]),
        ("Keele University signs civic compact with Stoke-on-Trent City Council",
         ["Keele University", "Stoke-on-Trent City Council"]),
        ("Cardiff University joins Core Cities research compact", ["Cardiff University"]),
        ("Hull College and University of Hull sign Humber skills compact", ["Hull College", "University of Hull"]),
        ("University of Bolton becomes latest signatory to Bolton Civic Charter", ["University of Bolton"]),
        ("Swansea Council and Swansea University seal partnership", ["Swansea Council", "Swansea University"]),
        ("Leeds City Council backs Leeds Anchor Charter", []),
        ("Lancaster University pledges support for Lancashire Skills Compact", []),
    ],
)  # fmt: skip
def test_headlines_in_the_present_tense(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Dr Ian Pike, who chairs the Yorkshire Universities group, said the charter signed by the University "
         "of York was welcome.", ["University of York"]),
        ("The compact follows a similar deal signed by Bristol City Council in 2019.", []),
        ("Leeds City Council leader Cllr Amy Ross signed the charter, as did the University of Leeds.",
         ["Leeds City Council", "University of Leeds"]),
        ("Sheffield City Council signed the charter after talks with the University of Sheffield.",
         ["Sheffield City Council"]),
        ("The compact, which is funded by the Department for Education, was signed by Hull College.", ["Hull College"]),
        ("The University of Bath has declined to sign the charter.", []),
        ("Cardiff Council has been asked to sign the compact.", []),
        ("The gap between the University of Leeds and Leeds City Council on the charter has narrowed.", []),
        ("The University of Leeds said it would not sign the charter unless Leeds City Council changed it.", []),
    ],
)  # fmt: skip
def test_a_reduced_relative_and_bodies_beside_the_signing(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- lists of signatories -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        ("The signatories are:", ["University of Hull - Professor Dan Ruiz, Vice-Chancellor", "Hull City Council - Cllr Mo Patel, Leader"]),
        ("The signatories are:", ["University of Hull – Professor Dan Ruiz", "Hull City Council – Cllr Mo Patel"]),
        ("Signatories to the Compact are:", ["University of Hull, represented by Professor Dan Ruiz",
                                             "Hull City Council, represented by Cllr Mo Patel"]),
        ("Signatories", ["University of Hull", "Hull City Council"]),
        ("The charter's signatories:", ["University of Hull", "Hull City Council"]),
        ("The following organisations have signed the compact:", ["University of Hull", "Hull City Council"]),
        ("Signatories to the Compact are:", ["- University of Hull", "- Hull City Council"]),
        ("Signed by:", ["Professor Dan Ruiz, Vice-Chancellor, University of Hull", "Cllr Mo Patel, Leader, Hull City Council"]),
        ("The signatories are:", ["University of Hull (Professor Dan Ruiz)", "Hull City Council (Cllr Mo Patel)"]),
        ("The signatories are:", ["University of Hull: Professor Dan Ruiz, Vice-Chancellor", "Hull City Council: Cllr Mo Patel"]),
        ("Signatories:", ["Name | Organisation", "Professor Dan Ruiz | University of Hull", "Cllr Mo Patel | Hull City Council"]),
        ("The signatories are:", ["University of Hull", "Hull City Council", "Supporters:", "University of Lincoln"]),
    ],
)  # fmt: skip
def test_a_list_of_one_party_a_line(reference, lead, lines) -> None:
    text = "The Humber Compact was launched today.\n" + "\n".join([lead, *lines])
    assert parties(text, reference) == ["Hull City Council", "University of Hull"]


# -- bodies that only back it, will sign later or have not signed ---------------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Aberystwyth University will sign the charter later this year.", []),
        ("Bath Spa University is expected to sign the pledge next month.", []),
        ("The charter will be signed by Leeds City Council next month.", []),
        ("Leeds City Council is due to sign the charter in June.", []),
        ("The University of Bath has backed the charter but has not signed it.", []),
        ("The compact was signed by Bolton Council, with the University of Bolton set to sign next year.",
         ["Bolton Council"]),
        ("The compact is signed by the University of Hull and supported by Hull City Council.", ["University of Hull"]),
        ("The compact, signed by the University of Hull and welcomed by Hull City Council, runs to 2030.",
         ["University of Hull"]),
        ("Hull City Council will join the University of Hull in signing the compact next year.", ["University of Hull"]),
        ("Wigan Council, which will sign later, welcomed the charter that the University of Bolton signed on Monday.",
         ["University of Bolton"]),
        ("The accord was formally signed at a ceremony attended by Dundee City Council and the University of Dundee.",
         []),
        ("Leeds City Council signed off the budget for the charter programme.", []),
        ("Manchester City Council signed a contract with the University of Manchester.", []),
    ],
)  # fmt: skip
def test_backers_and_future_signers_are_not_parties(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- claimed counts -------------------------------------------------------------------------------


def counts(text: str, reference) -> list[tuple[str, int]]:
    return sorted((c.what, c.count) for c in run(text, reference).claimed_counts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ten leaders and mayors of the alliance signed the declaration.", [("cities", 10)]),
        ("The accord was signed by eight organisations.", [("signatories", 8)]),
        ("The charter, signed by six institutions, runs to 2030.", [("signatories", 6)]),
        ("The charter was signed by representatives of 14 organisations.", [("signatories", 14)]),
        ("Eleven city councils and their universities signed the declaration.", [("cities", 11)]),
        ("The charter has been signed by 16 of the network's member councils.", [("cities", 16)]),
        ("Nine of the region's universities have written jointly to the Chancellor.", [("universities", 9)]),
        ("First signed in 2021, the agreement brings together the city region's four universities.",
         [("universities", 4)]),
        ("Glasgow's four universities have signed a charter on spending.", [("universities", 4)]),
        ("The compact was signed with the region's four universities.", [("universities", 4)]),
    ],
)  # fmt: skip
def test_counts_said_by_partitives_synonyms_and_passives(reference, text, expected) -> None:
    assert counts(text, reference) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The city is home to four universities.",
        "The city's two universities teach more than 45,000 students.",
        "An observatory would be run jointly with the region's five universities.",
        "A further four universities are expected to sign next year.",
        "Key Cities is a cross-party network of 27 mid-sized cities and towns.",
        "Sixteen of the network's 27 member councils have signed the charter.",
        "Of the UK's 160 universities, 24 signed the declaration.",
        "Belfast, Cardiff and Glasgow, the three core cities in the devolved nations, signed the prospectus.",
        "In 2020, 24 universities signed a declaration with the cities.",
    ],
)
def test_a_place_a_network_a_whole_or_a_future_is_not_the_parties(reference, text) -> None:
    assert counts(text, reference) == []


def test_another_agreements_parties_are_not_counted_or_signed(reference) -> None:
    text = (
        "Queen's University Belfast has signed the Belfast Skills Compact with Belfast City Council.\n"
        "The Belfast Region City Deal brings together the UK Government, six councils and the two universities."
    )
    result = run(text, reference)
    assert sorted(s.org for s in result.signatories) == ["Belfast City Council", "Queen's University Belfast"]
    assert result.claimed_counts == []


# -- second round: leads, lists and names read in releases written apart from the rules ------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # a relative clause with an aside before its verb
        ("Hull College is one of nine colleges which, together with the region's councils, have signed the "
         "Humber Skills Compact.", ["Hull College"]),
        ("The University of Lincoln is one of 12 universities that, alongside five councils, have signed the "
         "Midlands Compact.", ["University of Lincoln"]),
        # a venue of many words between the verb and its agents
        ("The accord was signed at the University of Dundee's Centre for Entrepreneurship and Social Innovation by "
         "Dundee City Council and Abertay University.", ["Dundee City Council", "Abertay University"]),
        ("The compact was signed in the old council chamber at Hull's Guildhall on Friday morning by Hull College "
         "and the University of Hull.", ["Hull College", "University of Hull"]),
        # a party named by a short form of a body the text names in full elsewhere
        ("Glasgow City Council met at the University of Strathclyde on Monday. Four organisations put their "
         "names to the accord there: Glasgow City Council, Strathclyde and Glasgow Caledonian University.",
         ["Glasgow City Council", "University of Strathclyde", "Glasgow Caledonian University"]),
        # not a city the body is named after
        ("The University of Leeds hosted the signing. The compact was signed by Leeds, Leeds Beckett University "
         "and Leeds Trinity University.", ["Leeds Beckett University", "Leeds Trinity University"]),
        ("Abertay University hosted the signing. The accord was signed by Dundee City Council, Abertay and "
         "Dundee and Angus College.", ["Dundee City Council", "Abertay University", "Dundee and Angus College"]),
        # Welsh college names, and a bilingual line of a list
        ("The compact was signed by Newport City Council, Coleg Gwent and Coleg y Cymoedd.",
         ["Coleg Gwent", "Coleg y Cymoedd", "Newport City Council"]),
        ("Coleg Cambria has signed the North Wales Skills Charter.", ["Coleg Cambria"]),
        # the writers of a joint letter
        ("Hull City Council and the University of Hull have written jointly to the Chancellor.",
         ["Hull City Council", "University of Hull"]),
        ("Leeds City Council and Leeds Beckett University wrote a joint letter to ministers on Monday.",
         ["Leeds City Council", "Leeds Beckett University"]),
    ],
)  # fmt: skip
def test_leads_and_names_of_the_second_round(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        # a lead too long for a heading, after a heading
        ("Signatories\nThe compact has been signed by the leaders of the councils of the region's five cities "
         "(Hull, York, Leeds, Bradford and Wakefield) and, after a vote of each governing body, by the following "
         "institutions:", ["• University of Hull", "• Hull City Council"]),
        # a list announced by a sentence that ends before it, not with a colon
        ("The compact was signed at Hull Guildhall by the two partners below.",
         ["Organisation | Signed by", "University of Hull | Professor Dan Ruiz, Vice-Chancellor",
          "Hull City Council | Cllr Mo Patel, Leader"]),
        # a row whose party the text does not know as a body does not end the table
        ("The compact was signed at Hull Guildhall by the three partners below.",
         ["Organisation | Signed by", "Local employers | Jo Bell, on their behalf",
          "University of Hull | Professor Dan Ruiz, Vice-Chancellor", "Hull City Council | Cllr Mo Patel, Leader"]),
        ("The compact has been signed by the following organisations.", ["University of Hull", "Hull City Council"]),
        ("The partners listed below have signed the compact.", ["- University of Hull", "- Hull City Council"]),
        # one party a line, its name in Welsh and in English
        ("The signatories are:", ["Prifysgol Hull / University of Hull", "Hull City Council"]),
    ],
)  # fmt: skip
def test_lists_announced_in_other_ways(reference, lead, lines) -> None:
    text = "The Humber Compact was launched today.\n" + "\n".join([lead, *lines])
    assert parties(text, reference) == ["Hull City Council", "University of Hull"]


def test_a_bilingual_line_names_one_college(reference) -> None:
    text = "The Cardiff Compact was launched today.\nThe signatories are:\nCardiff Council\nColeg Caerdydd a'r Fro / Cardiff and Vale College"
    assert parties(text, reference) == ["Cardiff Council", "Cardiff and Vale College"]


# -- a body whose own name starts with "The" ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # a capital "The" where no sentence starts is the name's own
        ("The accord was signed by Sheffield City Council and The Sheffield College.",
         ["Sheffield City Council", "The Sheffield College"]),
        ("The compact was signed at The Manchester College's Openshaw campus by Manchester City Council.",
         ["Manchester City Council"]),
        # and so is one on a line of a list that holds only the name
        ("The Bury Compact was launched today.\nThe compact has been signed by:\n• Bury Council\n"
         "• The Christie NHS Foundation Trust", ["Bury Council", "The Christie NHS Foundation Trust"]),
        # not a sentence's own capital, nor a name the reference knows without it
        ("The Sheffield College has signed the accord. The University of Manchester signed it too.",
         ["Sheffield College", "University of Manchester"]),
        ("The compact was signed by Salford City Council and The University of Manchester.",
         ["Salford City Council", "University of Manchester"]),
        # a newspaper's capitals
        ("THE University of Portsmouth has signed a civic agreement.", ["University of Portsmouth"]),
    ],
)  # fmt: skip
def test_a_name_that_starts_with_the(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


def test_the_name_with_its_article_is_kept_at_every_mention(reference) -> None:
    text = (
        "Sheffield City Council and The Sheffield College have signed the accord.\n"
        "The Sheffield College will lead its first pilot."
    )
    names = {o.name for o in run(text, reference).organisations}
    assert names == {"Sheffield City Council", "The Sheffield College"}


# -- claimed counts, second round -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parties counted by what they are, however many kinds
        ("Seven councils, colleges and universities have signed up to the Humber Skills Compact.",
         [("signatories", 7)]),
        ("Five organisations put their names to the accord on Monday.", [("signatories", 5)]),
        ("Six members of the network have signed the charter.", [("signatories", 6)]),
        ("The accord is signed by the four mayoral combined authorities of the north.", [("signatories", 4)]),
        # the parties counted by a number alone
        ("Hull City Council has signed a compact with Hull College and the University of Hull, under which the "
         "three will work together.",
         [("signatories", 3)]),
        ("It is the first time all five have signed a joint document.", [("signatories", 5)]),
        ("The six that have signed the charter will meet in May.", [("signatories", 6)]),
        # "both" is two
        ("Both universities and the college together teach 30,000 students.", [("universities", 2)]),
        ("With both of Leeds's universities on board, the compact covers the city.", [("universities", 2)]),
    ],
)  # fmt: skip
def test_counts_of_the_second_round(reference, text, expected) -> None:
    assert counts(text, reference) == expected


@pytest.mark.parametrize(
    "text",
    [
        # universities and colleges counted together are not a count of universities
        "Hull City Council and four of the region's universities and colleges have signed the compact.",
        # a phrase in quotation marks counts nothing
        "Leeds partners sign charter to end 'two cities' divide",
        # a network's own members, not the agreement's parties
        "The network brings together 30 cities that are home to five million people.",
        # "both A and B" is not a count
        "This is a hard time for both universities and our cities.",
        "Key Cities has 27 members, and its eight members in the north meet each month.",
    ],
)
def test_counts_that_are_not_the_parties_second_round(reference, text) -> None:
    assert counts(text, reference) == []


# -- third round: the parties after a group noun, in a later sentence, or after "joined ... to" ----


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # a signing sentence with a date word between the auxiliary and the verb
        ("Hull College and the University of Hull have today signed a joint statement on skills.",
         ["Hull College", "University of Hull"]),
        ("Leeds City Council and Leeds Beckett University have this week signed a new charter.",
         ["Leeds City Council", "Leeds Beckett University"]),
        ("Swansea Council and Swansea University have formally signed the accord.",
         ["Swansea Council", "Swansea University"]),
        # the names after a group noun and a dash or a comma
        ("The compact was signed by Hull City Council and the city's two universities - the University of Hull "
         "and Hull College.", ["Hull City Council", "University of Hull", "Hull College"]),
        ("The accord was signed in the Guildhall by Dundee City Council, NHS Lothian and the city's two "
         "universities - the University of Dundee and Abertay University.",
         ["Dundee City Council", "NHS Lothian", "University of Dundee", "Abertay University"]),
        ("Leeds City Council has signed a memorandum of understanding with the city's two largest universities, "
         "the University of Leeds and Leeds Beckett University, to share data.",
         ["Leeds City Council", "University of Leeds", "Leeds Beckett University"]),
        ("Sheffield City Council has agreed a new compact with its two universities, the University of "
         "Sheffield and Sheffield Hallam University.",
         ["Sheffield City Council", "University of Sheffield", "Sheffield Hallam University"]),
        # a generic name between the bodies after "with"
        ("The University of Lincoln has renewed its civic agreement with the city council and Lincoln College.",
         ["University of Lincoln", "Lincoln College"]),
        ("Keele University has signed a compact with the county council, Staffordshire University and "
         "Stoke-on-Trent College.", ["Keele University", "Staffordshire University", "Stoke-on-Trent College"]),
        # "joined A and B to launch the partnership": all of them are its parties
        ("Ulster University has joined Belfast City Council and Belfast Metropolitan College to launch the "
         "Belfast Skills Partnership.", ["Ulster University", "Belfast City Council", "Belfast Metropolitan College"]),
        ("The University of Exeter joined Exeter City Council and Exeter College to sign a new civic charter.",
         ["University of Exeter", "Exeter City Council", "Exeter College"]),
        ("Bangor University joins Gwynedd Council and Coleg Cambria to form a new skills compact.",
         ["Bangor University", "Gwynedd Council", "Coleg Cambria"]),
        # agents that are people of the bodies named after them
        ("The accord was signed by all three vice-chancellors in the University of Hull, Hull College and "
         "Doncaster College at a meeting on Tuesday.", ["University of Hull", "Hull College", "Doncaster College"]),
        ("The charter was signed by the leaders of Leeds City Council and Bradford Council.",
         ["Leeds City Council", "Bradford Council"]),
        # "agreed by", "the founding partners of"
        ("The compact, agreed by Hull City Council and the University of Hull, runs to 2030.",
         ["Hull City Council", "University of Hull"]),
        ("The budget was agreed by Hull City Council on Monday.", []),
        ("The accord was signed by the leaders of Leeds City Council at a meeting of the Leeds Beckett University "
         "board.", ["Leeds City Council"]),
        ("Hull College, the University of Hull and Hull City Council are the founding partners of the charter.",
         ["Hull College", "University of Hull", "Hull City Council"]),
        ("Keele University joins the Staffordshire declaration.", ["Keele University"]),
        ("Cardiff University and Cardiff Council have become signatories of the compact.",
         ["Cardiff University", "Cardiff Council"]),
        ("Plymouth City Council and the University of Plymouth put their names to the pledge.",
         ["Plymouth City Council", "University of Plymouth"]),
        ("The University of Leeds is represented in the agreement by its vice-chancellor.", ["University of Leeds"]),
        ("The partnership brings the University of Hull, Hull College and Hull City Council together.",
         ["University of Hull", "Hull College", "Hull City Council"]),
        ("Partners include the University of Derby and Derby City Council.", ["University of Derby", "Derby City Council"]),
        ("The University of Hull and Hull City Council entered into a memorandum of understanding on Monday.",
         ["University of Hull", "Hull City Council"]),
        ("The compact was co-signed by Hull College and the University of Hull.", ["Hull College", "University of Hull"]),
        ("Each of the three councils - Hull City Council, North Lincolnshire Council and East Riding of Yorkshire "
         "Council - has signed the compact.",
         ["Hull City Council", "North Lincolnshire Council", "East Riding of Yorkshire Council"]),
    ],
)  # fmt: skip
def test_parties_of_the_third_round(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # the group that signed, then its names in a sentence of their own
        ("Three universities and two colleges have become signatories to the Humber Skills Compact. The "
         "universities are the University of Hull, the University of Lincoln and Sheffield Hallam University. "
         "They are joined by Hull College and Bishop Burton College.",
         ["University of Hull", "University of Lincoln", "Sheffield Hallam University", "Hull College",
          "Bishop Burton College"]),
        ("Four organisations have signed the Leeds Anchor Charter. The partners are Leeds City Council, the "
         "University of Leeds, Leeds Beckett University and Leeds Trinity University.",
         ["Leeds City Council", "University of Leeds", "Leeds Beckett University", "Leeds Trinity University"]),
        ("Two councils signed the accord on Monday. The councils are Dundee City Council and Angus Council.",
         ["Dundee City Council", "Angus Council"]),
        ("Five bodies have put their names to the compact. They include Hull College and the University of Hull.",
         ["Hull College", "University of Hull"]),
        ("The compact has been signed by five organisations. Those organisations are Hull College and the "
         "University of Hull.", ["Hull College", "University of Hull"]),
        ("Eight organisations have signed the Humber Compact. They are Hull College, the University of Hull and "
         "Hull City Council.", ["Hull College", "University of Hull", "Hull City Council"]),
        ("The compact will be signed by five organisations. Those organisations are Hull College and the "
         "University of Hull.", []),
        # not after a sentence that does not say they signed
        ("The charter was welcomed on Monday. The universities are the University of Hull and the University "
         "of Lincoln.", []),
        ("Hull City Council signed the compact. The universities are among the largest employers in the city.",
         ["Hull City Council"]),
        ("Hull City Council signed the compact. The universities are the University of Hull and Hull College.",
         ["Hull City Council"]),
        ("The city council signed the compact. The universities are the University of Hull and Hull College.", []),
    ],
)  # fmt: skip
def test_the_names_of_a_group_that_signed_in_the_next_sentence(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        ("The partners are:", ["• University of Hull", "• Hull City Council"]),
        ("The organisations that have signed the charter include:", ["University of Hull", "Hull City Council"]),
        ("Signatories to the Humber Compact so far are:", ["- University of Hull", "- Hull City Council"]),
        ("The bodies that have put their names to the compact are:", ["University of Hull", "Hull City Council"]),
        ("Signatories to the Compact are: University of Hull, Hull City Council and", []),
    ],
)  # fmt: skip
def test_lead_ins_with_words_before_the_colon(reference, lead, lines) -> None:
    text = "The Humber Compact was launched today.\n" + "\n".join([lead, *lines])
    assert parties(text, reference) == ["Hull City Council", "University of Hull"]


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        # the list on one line after its lead, whole or cut off after "and"
        ("Signatories to the Compact are:", ["Hull City Council, the University of Hull"]),
        ("The partners are:", ["the University of Hull and Hull City Council."]),
        ("The organisations that have signed the charter include:", ["Hull City Council, University of Hull and"]),
        # one a line, the last cut off in the middle of its name
        ("The partners are:", ["• University of Hull", "• Hull City Council", "• Hull Co"]),
        ("The signatories are:", ["University of Hull", "Hull City Council", "University of Linc"]),
    ],
)  # fmt: skip
def test_lists_on_one_line_and_cut_off(reference, lead, lines) -> None:
    text = "The Humber Compact was launched today.\n" + "\n".join([lead, *lines])
    assert parties(text, reference) == ["Hull City Council", "University of Hull"]


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Hull College signed the compact. The University of Hull welcomed it but is not a signatory.",
         ["Hull College"]),
        ("The charter has been endorsed by Universities UK and backed by the Local Government Association.", []),
        ("GuildHE and the Association of Colleges have endorsed the statement.", []),
        ("The University of Leeds welcomed the charter signed by Leeds City Council.", ["Leeds City Council"]),
        ("The partnership has been welcomed by Invest Northern Ireland.", []),
    ],
)  # fmt: skip
def test_welcoming_and_backing_are_not_signing(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Hull City Council has signed a memorandum of understanding with Hull College. Hull City Council is one "
         "of four councils that are partners in the Humber City Deal, alongside the University of Hull.",
         ["Hull City Council", "Hull College"]),
        ("Leeds City Council signed the Leeds Anchor Charter on Monday. Leeds Beckett University is a partner "
         "in the Leeds City Region Deal.", ["Leeds City Council"]),
        ("Leeds City Council signed the Leeds Anchor Charter on Monday. Leeds Beckett University also joined "
         "the Anchor Charter.", ["Leeds City Council", "Leeds Beckett University"]),
        ("Leeds City Council signed the Leeds Anchor Charter on Monday. Leeds Beckett University is a partner "
         "in the Leeds Charter.", ["Leeds City Council", "Leeds Beckett University"]),
    ],
)  # fmt: skip
def test_partners_in_another_named_agreement(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six of Edinburgh's biggest employers have signed up to a new pact.", [("signatories", 6)]),
        ("Five of the city's largest institutions have signed the charter.", [("signatories", 5)]),
        ("The accord was signed by all nine mayors of the group.", [("signatories", 9)]),
        ("Leeds City Council has signed a compact with the city's two largest universities.",
         [("universities", 2)]),
        # an agreement described first and named after: one agreement, not another
        ("Fifteen universities have put their names to a joint declaration with Core Cities UK. The Cities Net "
         "Zero Declaration was signed by the leaders of the 11 Core Cities councils.",
         [("cities", 11), ("universities", 15)]),
        ("24 of its higher education institutions have signed the pledge.", [("universities", 24)]),
        ("The accord was signed by the region's seven councils.", [("signatories", 7)]),
        ("Nine employers signed the pledge on Monday.", [("signatories", 9)]),
        ("The compact was signed by four of the city's largest employers.", [("signatories", 4)]),
        ("The eleven Core Cities have signed the declaration.", [("cities", 11)]),
    ],
)  # fmt: skip
def test_counts_of_the_third_round(reference, text, expected) -> None:
    assert counts(text, reference) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Queen's University Belfast is a member of the Russell Group of 24 leading universities.",
        "The University of Hull is a member of a network of 40 universities.",
        "The compact builds on the work of over 150 local partners.",
        "The charter sets out three recommendations for the two councils.",
        "Our analysis of the 63 largest cities shows the gap.",
        "More than 200 employers have signed the pledge since 2019.",
        "The charter builds on the work of 60 universities across the UK.",
        "The region's two largest universities teach 60,000 students.",
    ],
)
def test_counts_that_are_not_the_parties_third_round(reference, text) -> None:
    assert counts(text, reference) == []


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        # headings with no colon, or a question
        ("Partners:", ["University of Hull", "Hull City Council"]),
        ("The partners", ["• University of Hull", "• Hull City Council"]),
        ("Who has signed?", ["University of Hull", "Hull City Council"]),
        # a line that says what the party does after a comma
        ("The signatories are:", ["• University of Hull, which will lead the research strand of the compact",
                                  "• Hull City Council, which chairs the board"]),
    ],
)  # fmt: skip
def test_list_headings_and_lines_with_what_the_party_does(reference, lead, lines) -> None:
    text = "The Humber Compact was launched today.\n" + "\n".join([lead, *lines])
    assert parties(text, reference) == ["Hull City Council", "University of Hull"]


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The University of Hull, Hull City Council and Hull College have come together to sign the Humber Compact.",
         ["University of Hull", "Hull City Council", "Hull College"]),
        ("The University of Hull, Hull City Council and Hull College have teamed up on a new compact.",
         ["University of Hull", "Hull City Council", "Hull College"]),
        ("The University of Hull has teamed up with Hull City Council to launch a civic compact.",
         ["University of Hull", "Hull City Council"]),
        ("The University of Hull has teamed up with Hull City Council on research.", []),
    ],
)  # fmt: skip
def test_coming_together_and_teaming_up(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- lists an agreement gathers, dates before "by", "also signing", headlines ----------------------


@pytest.mark.parametrize(
    ("lead", "lines"),
    [
        ("The Humber Civic Compact brings together:", ["- the University of Hull", "- Hull City Council"]),
        ("The new charter unites:", ["• University of Hull", "• Hull City Council"]),
        ("The partners in the compact are:", ["University of Hull", "Hull City Council"]),
    ],
)  # fmt: skip
def test_lists_an_agreement_gathers(reference, lead, lines) -> None:
    text = "Civic leaders in Hull have a new agreement.\n" + "\n".join(
        [lead, *lines, "", "It runs for five years."]
    )
    assert parties(text, reference) == ["Hull City Council", "University of Hull"]


def test_a_list_of_asks_after_a_colon_names_no_party(reference) -> None:
    text = (
        "The Humber Civic Compact was launched today.\nThe compact calls on:\n- Hull City Council\n"
        "- the University of Hull\n"
    )
    assert parties(text, reference) == []


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The Kent Civic Charter was signed at the Marlowe Theatre on Friday (May 2) by the University of Kent "
         "and Kent County Council.", ["University of Kent", "Kent County Council"]),
        ("The compact was signed in Canterbury on Friday, 2 May, by the University of Kent and Kent County Council.",
         ["University of Kent", "Kent County Council"]),
        ("The Derby Skills Charter was launched by the city council on Monday, with the University of Derby and "
         "Derby College also signing.", ["University of Derby", "Derby College"]),
        ("The charter was launched on Monday, with the University of Derby expected to sign later.", []),
        ("Last year the two universities went further, signing a Coventry Civic Charter with Coventry City "
         "Council and Warwickshire County Council.", ["Coventry City Council", "Warwickshire County Council"]),
        ("Coventry University, Warwick and the city council among nine signatories",
         ["Coventry University"]),
    ],
)  # fmt: skip
def test_signing_with_dates_asides_and_headlines(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- collapsed lists, cut-off names, signers with two posts --------------------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Its signatories include the universities of Leeds, York and Sheffield, as well as Hull City Council.",
         ["University of Leeds", "University of York", "University of Sheffield", "Hull City Council"]),
        ("The accord was signed by the Universities of Glasgow and Strathclyde.",
         ["University of Glasgow", "University of Strathclyde"]),
    ],
)  # fmt: skip
def test_collapsed_lists_of_universities(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


def test_collapsed_universities_are_institutions_and_their_towns_stay_places(reference) -> None:
    result = run("The universities of Leeds and York have signed the Yorkshire Compact.", reference)
    names = {o.name for o in result.organisations}
    assert {"University of Leeds", "University of York"} <= names


def test_a_list_cut_off_in_its_last_name(reference) -> None:
    text = (
        "The Humber Compact was signed by the following organisations:\nHull City Council\n"
        "University of Hull\nHull College\nLeeds Beckett Univer"
    )
    # the head word the page stopped inside is written out: the name is the body's, not a fragment
    assert parties(text, reference) == ["Hull City Council", "Hull College", "Leeds Beckett University",
                                        "University of Hull"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The concordat was signed at Cathays Park by Professor Ann Rees, Chair of Universities Wales and "
         "Vice-Chancellor of Cardiff University, and Cllr Tom Lloyd, Leader of Cardiff Council.",
         ["Universities Wales", "Cardiff Council"]),
        ("The charter was signed by Professor Ann Rees, Vice-Chancellor of Cardiff University, and Cllr Tom "
         "Lloyd, Leader of Cardiff Council.", ["Cardiff University", "Cardiff Council"]),
        ("The charter was signed by Cardiff University, Cardiff Council and Cardiff and Vale College.",
         ["Cardiff University", "Cardiff Council", "Cardiff and Vale College"]),
    ],
)  # fmt: skip
def test_a_signer_signs_for_the_body_of_their_first_post(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- counts: the nth to sign, all of those who signed, a nation's whole --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leeds Trinity University has become the fifth organisation to sign the Leeds Anchor Charter.",
         [("signatories", 5)]),
        ("Hull College has joined the Humber Compact, becoming the ninth body to sign up since it was launched.",
         [("signatories", 9)]),
        ("All six of the region's elected mayors have signed a Midlands Transport Accord.", [("signatories", 6)]),
        ("All four metro mayors have signed the accord.", [("signatories", 4)]),
        ("Scotland's nineteen universities already work with councils through agreements, but this is the "
         "first charter of its kind.", []),
        ("Wales's eight universities have signed the Welsh Civic Compact.", [("universities", 8)]),
    ],
)  # fmt: skip
def test_counts_of_those_who_signed(reference, text, expected) -> None:
    assert counts(text, reference) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Under the Hull Skills Accord, the University of Hull will train 500 apprentices. Hull City Council will "
         "fund the bursaries, and Hull College will run the courses.",
         ["University of Hull", "Hull City Council", "Hull College"]),
        ("Under the Hull Skills Accord, the University of Hull will train 500 apprentices. Ministers say Hull City "
         "Council will need more money.", ["University of Hull"]),
        ("The University of Hull will train 500 apprentices. Hull City Council will fund the bursaries.", []),
    ],
)  # fmt: skip
def test_what_each_party_will_do_under_the_agreement(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # those who welcomed it but are not signatories are no parties
        ("Hull City Council and the University of Hull have signed a skills charter. The East Riding of "
         "Yorkshire Council and Hull College welcomed the charter but are not signatories.",
         ["Hull City Council", "University of Hull"]),
        ("Hull City Council and the University of Hull have signed a skills charter. Hull College is not a "
         "signatory.", ["Hull City Council", "University of Hull"]),
        # "is also a party", "is a party to the charter": a party
        ("Hull City Council and the University of Hull have signed a skills charter. Hull College is also a "
         "party.", ["Hull City Council", "University of Hull", "Hull College"]),
        ("Hull City Council and the University of Hull have signed a skills charter. Hull College is a party "
         "to the charter.", ["Hull City Council", "University of Hull", "Hull College"]),
    ],
)  # fmt: skip
def test_non_signatories_and_further_parties(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Keele University and Stoke-on-Trent City Council formalise civic partnership",
         ["Keele University", "Stoke-on-Trent City Council"]),
        ("Keele University and Stoke-on-Trent City Council have formalised a five-year partnership to grow the "
         "local economy.", ["Keele University", "Stoke-on-Trent City Council"]),
        # a partnership still to be formalised has no parties yet
        ("Keele University and Stoke-on-Trent City Council will formalise their partnership next year.", []),
    ],
)  # fmt: skip
def test_a_partnership_formalised_has_its_parties(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # signers with their posts, one a clause between semicolons
        ("The letter is signed by Professor Ann Roe, Vice-Chancellor of the University of Hull; Dr Tom Gee, "
         "Principal of Hull College; Staffordshire University's vice-chancellor, Professor Nia Hart; and Cllr "
         "Jo Bell, leader of Hull City Council.",
         ["University of Hull", "Hull College", "Staffordshire University", "Hull City Council"]),
        # a semicolon before a clause still ends the list
        ("The letter is signed by Professor Ann Roe, Vice-Chancellor of Keele University; Staffordshire "
         "University is expected to sign next month.", ["Keele University"]),
    ],
)  # fmt: skip
def test_signers_listed_between_semicolons(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        # teamed up, and the agreement named in the next sentence
        ("Keele University has teamed up with Stoke-on-Trent City Council to speed up the building of heat "
         "networks.\n\nThe Stoke Heat Networks Compact, sealed this week, commits the two partners to share data.",
         ["Keele University", "Stoke-on-Trent City Council"]),
        # no agreement after it, or a teaming up still to come: no parties
        ("Keele University has teamed up with Stoke-on-Trent City Council to speed up the building of heat "
         "networks.\n\nThe work will start in May.", []),
        ("Keele University will team up with Stoke-on-Trent City Council to speed up the building of heat "
         "networks.\n\nThe Stoke Heat Networks Compact, sealed this week, commits the two partners to share data.",
         []),
    ],
)  # fmt: skip
def test_teamed_up_before_the_agreement_is_named(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The partnership was formalised by Keele University and Stoke-on-Trent City Council on Monday.",
         ["Keele University", "Stoke-on-Trent City Council"]),
        ("The Stoke Civic Partnership, sealed on Monday by Keele University and Staffordshire University, runs "
         "for ten years.", ["Keele University", "Staffordshire University"]),
        # sealed by something other than the bodies
        ("The deal was sealed by a handshake between the mayor and Stoke-on-Trent City Council.", []),
    ],
)  # fmt: skip
def test_a_partnership_formalised_or_sealed_by_bodies(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)
