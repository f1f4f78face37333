"""Parties to an agreement said by constructions the other signing tests do not cover.

Each construction has its own sentences, with different bodies and wording, and near-misses that
must name no party (or only the one that signed). The bodies are real, the people invented.
"""

from __future__ import annotations

import pytest

from extracting import run


def parties(text: str, reference) -> list[str]:
    return sorted(s.org for s in run(text, reference).signatories)


def counts(text: str, reference) -> list[tuple[str, int]]:
    return sorted((c.what, c.count) for c in run(text, reference).claimed_counts)


# -- an agreement as the subject of a passive of backing: "The compact is backed by A and B" ----------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The new compact is backed by Swansea University and Swansea Council.",
         ["Swansea University", "Swansea Council"]),
        ("The Tees Valley Charter, unveiled on Monday, was endorsed by Teesside University and Darlington "
         "Borough Council.", ["Teesside University", "Darlington Borough Council"]),
        ("The declaration has been backed by institutions including the University of Bath, Bath Spa "
         "University and the University of Bristol.",
         ["University of Bath", "Bath Spa University", "University of Bristol"]),
        ("The accord was formally endorsed by Aberdeen City Council and Robert Gordon University at a meeting "
         "on Monday.", ["Aberdeen City Council", "Robert Gordon University"]),
        # near-misses: a sentence that says who signed tells the backers apart; backing no agreement
        ("The charter was backed by the Local Government Association and signed by the University of Essex.",
         ["University of Essex"]),
        ("The bid is backed by Keele University and Staffordshire University.", []),
        ("Keele University signed the charter. The charter has also been endorsed by the Local Government "
         "Association.", ["Keele University"]),
        ("The charter has been endorsed by the University of Essex and backed by Essex County Council.", []),
    ],
)  # fmt: skip
def test_an_agreement_backed_by_its_parties(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- backing an agreement said actively: "A and B back the new civic compact" -------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Coventry University and Coventry City Council back the new civic compact.",
         ["Coventry University", "Coventry City Council"]),
        ("Northumbria University endorsed the declaration on Tuesday.", ["Northumbria University"]),
        ("Bournemouth University has backed the Dorset Skills Charter.", ["Bournemouth University"]),
        ("Leeds Beckett University endorses a new anchor charter for the city.", ["Leeds Beckett University"]),
        # near-misses: backing that is denied, and backing something that is no agreement
        ("The University of Kent has not endorsed the compact.", []),
        ("Kent County Council backs calls for a new skills fund.", []),
    ],
)  # fmt: skip
def test_bodies_that_back_an_agreement(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- a clause whose means is signing: "A formalised its ties with B by signing a civic agreement" ------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The University of Derby has formalised its relationship with Derby City Council by signing a civic "
         "agreement.", ["University of Derby", "Derby City Council"]),
        ("Bangor University cemented its ties with Gwynedd Council by signing the Gwynedd Charter.",
         ["Bangor University", "Gwynedd Council"]),
        ("Ulster University marked the anniversary by joining the Belfast Skills Compact.", ["Ulster University"]),
        ("Edge Hill University and West Lancashire Borough Council sealed their partnership through signing "
         "a ten-year agreement.", ["Edge Hill University", "West Lancashire Borough Council"]),
        # near-misses: a report's finding, and a signing still to come
        ("A study by Centre for Cities says councils could gain by signing the compact.", []),
        ("Hull City Council will mark the day by signing the charter.", []),
    ],
)  # fmt: skip
def test_parties_of_a_clause_whose_means_is_signing(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- a signer's apposition: "Professor A, Vice-Chancellor of B and one of the signatories, said" ------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("Professor Ann Lee, Vice-Chancellor of Lancaster University and one of the signatories, said the "
         "charter was overdue.", ["Lancaster University"]),
        ("Cllr Tom Hart, leader of Wirral Council and one of the charter's signatories, welcomed it.",
         ["Wirral Council"]),
        ("Aston University, a signatory to the compact, hosted the event.", ["Aston University"]),
        ("Dr Sam Okoro, Principal of Fife College, one of the founding signatories, spoke first at the "
         "launch of the accord.", ["Fife College"]),
        # near-misses: a signatory of another agreement, and signatories only spoken of
        ("Aston University, a signatory to another compact, hosted the event.", []),
        ("Dr Sam Okoro of Fife College asked whether the signatories of the accord would meet.", []),
    ],
)  # fmt: skip
def test_a_signer_named_in_an_apposition(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- an agreement that brings some bodies together with others ---------------------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The accord brings Cardiff University and Cardiff Metropolitan University together with Cardiff "
         "Council.", ["Cardiff University", "Cardiff Metropolitan University", "Cardiff Council"]),
        ("The compact brings the University of Hull together with Hull City Council and Hull College for the "
         "first time.", ["University of Hull", "Hull City Council", "Hull College"]),
        ("The new partnership agreement brings Keele University together with Stoke-on-Trent City Council.",
         ["Keele University", "Stoke-on-Trent City Council"]),
        ("The charter brings Nottingham Trent University and the University of Nottingham together with "
         "Nottingham City Council and Nottinghamshire County Council.",
         ["Nottingham Trent University", "University of Nottingham", "Nottingham City Council",
          "Nottinghamshire County Council"]),
        # near-misses: an event, not an agreement; bodies the text does not name
        ("The festival brings Leeds Beckett University together with Leeds City Council.", []),
        ("The charter brings Keele University together with local employers.", ["Keele University"]),
    ],
)  # fmt: skip
def test_an_agreement_that_brings_bodies_together_with_others(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- a declaration named as a sentence's subject is the text's own, before an alliance's unnamed one ---


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A dozen universities have signed a joint declaration.\n\nThe Northern Civic Universities Declaration, "
         "published on 16 January, is backed by members of the Civic University Network.",
         "Northern Civic Universities Declaration"),
        ("Core Cities UK welcomed the joint declaration.\n\nThe Midlands Skills Declaration sets out four asks.",
         "Midlands Skills Declaration"),
        ("The Civic University Network praised the joint declaration.\n\nThe Wales Research Declaration was "
         "launched in Cardiff.", "Wales Research Declaration"),
        ("Key Cities called it a joint declaration of intent.\n\nThe Coastal Towns Declaration names six goals.",
         "Coastal Towns Declaration"),
    ],
)  # fmt: skip
def test_a_declaration_named_as_a_subject(reference, text, name) -> None:
    declaration = run(text, reference).declaration
    assert declaration is not None and declaration.name == name


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: a named declaration only mentioned in passing leaves the alliance's own
        "Core Cities UK has signed a joint declaration, building on the Leeds Climate Declaration of 2019.",
        "Core Cities UK signed a joint declaration. It follows what some called the Bristol Declaration.",
    ],
)
def test_a_declaration_named_in_passing_is_not_the_texts_own(reference, text) -> None:
    declaration = run(text, reference).declaration
    assert declaration is not None and declaration.name == "Core Cities UK declaration"


# -- counts: the whole a partitive names is not the parties' count -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The letter carries the names of eight of the eleven Core Cities. Core Cities UK is the alliance of "
         "eleven city councils.", [("cities", 8)]),
        ("Four of the seven city councils have signed the compact. The seven city councils meet monthly.",
         [("cities", 4)]),
        ("Nine of the 24 universities have signed the charter, and the 24 universities have signed up to "
         "the network.", [("universities", 9)]),
        ("Three of the five partners signed the accord on Monday; the five partners will meet in June.",
         [("signatories", 3)]),
        # near-misses: with no partitive the whole is the count; the part alone is the part
        ("The eleven Core Cities have signed the declaration.", [("cities", 11)]),
        ("Eight of the eleven Core Cities have signed the declaration.", [("cities", 8)]),
    ],
)  # fmt: skip
def test_the_whole_of_a_partitive_is_not_the_parties(reference, text, expected) -> None:
    assert counts(text, reference) == expected


# -- counts: one vice-chancellor a university, among those who signed --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agreement was signed by the two vice-chancellors and the leader of the council.",
         [("universities", 2)]),
        ("Both vice-chancellors signed the charter at the Guildhall.", [("universities", 2)]),
        ("The compact was signed by the three vice-chancellors at a ceremony in the city.", [("universities", 3)]),
        ("All four university vice-chancellors have signed the pledge.", [("universities", 4)]),
        # near-misses: heads who did not sign, and heads not counted
        ("The two vice-chancellors spoke at the launch of the accord.", []),
        ("The vice-chancellors of other universities have signed similar agreements.", []),
    ],
)  # fmt: skip
def test_vice_chancellors_who_signed_count_universities(reference, text, expected) -> None:
    assert counts(text, reference) == expected


# -- counts: a number and an article start two phrases; a count that refers back to a few parties -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The compact was renewed. Since 2019 the partners say they have met monthly.", []),
        ("In 2022 the universities set up a joint fund under the accord.", []),
        ("The declaration is signed by Leeds City Council, Bradford Council, Kirklees Council, the University "
         "of Leeds and the University of Bradford. A data service will be run jointly by the two "
         "organisations.", []),
        ("The charter is signed by Hull City Council, the University of Hull, Hull College and East Riding of "
         "Yorkshire Council. Its secretariat is shared by the two bodies.", []),
        # near-misses: a count of all the parties, and a count said with signing, stay
        ("The compact is signed by Hull City Council, the University of Hull and Hull College. The three "
         "partners will meet each year.", [("signatories", 3)]),
        ("The 12 partners signed the compact on Monday.", [("signatories", 12)]),
    ],
)  # fmt: skip
def test_counts_across_an_article_or_of_a_few_parties(reference, text, expected) -> None:
    assert counts(text, reference) == expected


# -- a verb that makes an agreement, with an article or, in a headline, none -------------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("University of Leeds and Leeds City Council enter into civic agreement",
         ["University of Leeds", "Leeds City Council"]),
        ("University of Hull forms civic partnership with Hull City Council",
         ["University of Hull", "Hull City Council"]),
        ("University of York launches compact with City of York Council",
         ["University of York", "City of York Council"]),
        ("Lancaster University agrees civic partnership with Lancashire County Council",
         ["Lancaster University", "Lancashire County Council"]),
        ("Keele University commits to the Staffordshire Skills Charter.", ["Keele University"]),
        ("The University of Stirling and Stirling Council have entered a new partnership agreement.",
         ["University of Stirling", "Stirling Council"]),
        # near-misses: an agreement asked for, one still to come, and a consultation about one
        ("Bristol City Council calls on the University of Bristol to launch a civic compact.", []),
        ("Hull City Council will form a civic partnership next year.", []),
        ("Leeds City Council launches consultation on a skills compact.", []),
    ],
)  # fmt: skip
def test_a_verb_that_makes_an_agreement(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("University of Leeds and Leeds City Council enter into civic agreement",
         "Civic agreement (University of Leeds)"),
        ("Aston University seals ten-year skills compact", "Ten-year skills compact (Aston University)"),
        ("Ulster University renews civic pact with Belfast City Council", "Civic pact (Ulster University)"),
        ("Swansea University forms research partnership with Swansea Council",
         "Research partnership (Swansea University)"),
    ],
)  # fmt: skip
def test_an_agreement_a_headline_describes_without_an_article(reference, text, name) -> None:
    declaration = run(text, reference).declaration
    assert declaration is not None and declaration.name == name


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: an agreement only planned, and a verb of making with no agreement
        "Leeds City Council to launch civic agreement",
        "Sheffield City Council launches consultation on skills",
    ],
)
def test_no_agreement_from_a_plan_or_a_consultation(reference, text) -> None:
    assert run(text, reference).declaration is None


# -- an agreement as the subject of a passive of making: "The compact was launched by A and B" -------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The civic agreement was launched by the University of Bristol and Bristol City Council on Monday.",
         ["University of Bristol", "Bristol City Council"]),
        ("The compact was formally launched on Friday by Sheffield Hallam University and Sheffield City "
         "Council.", ["Sheffield Hallam University", "Sheffield City Council"]),
        ("The partnership was formed by Aberdeen City Council and the University of Aberdeen in 2021.",
         ["Aberdeen City Council", "University of Aberdeen"]),
        ("The accord has been renewed by Glasgow City Council and the University of Strathclyde.",
         ["Glasgow City Council", "University of Strathclyde"]),
        # near-misses: an agent who is no body, and the agent of another verb
        ("The charter was launched by the Mayor at a ceremony.", []),
        ("The compact was launched at an event hosted by Leeds Beckett University.", []),
    ],
)  # fmt: skip
def test_an_agreement_made_by_its_parties(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)


# -- "A is a party to the agreement, as is B": the body a comparative clause adds -------------------


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        ("The University of Lincoln is now a party to the civic agreement, as is City of Lincoln Council.",
         ["University of Lincoln", "City of Lincoln Council"]),
        ("Hull College is a signatory to the compact, as are the University of Hull and Hull City Council.",
         ["Hull College", "University of Hull", "Hull City Council"]),
        ("Keele University became a signatory of the accord, as was Staffordshire University.",
         ["Keele University", "Staffordshire University"]),
        ("Cardiff University is a signatory to the compact, as is Cardiff Metropolitan University.",
         ["Cardiff University", "Cardiff Metropolitan University"]),
        # near-misses: a comparative clause that adds no body
        ("Aston University is a signatory to the charter, as is customary.", ["Aston University"]),
        ("Aston University is a signatory to the charter, as is usual for Birmingham City Council.",
         ["Aston University"]),
    ],
)  # fmt: skip
def test_a_party_added_by_as_is(reference, text, signatories) -> None:
    assert parties(text, reference) == sorted(signatories)
