"""Proposals by construction: each rule's own small sentences, and near-misses that must not fire."""

from __future__ import annotations

import pytest

from corecities_graph.resolve.reference import Reference
from extracting import run


def names(text: str, reference: Reference) -> list[str]:
    return [p.name for p in run(text, reference).proposals]


# -- a phrase opened by a quantifier or a word pointing back names no particular thing ---------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Ms Adeyemi said Scottish colleges would want any new fund to reach rural learners.", []),
        ("“Employers have been asking for exactly this kind of shared careers service,” he said.", []),
        ("The mayor wants every skills hub to open at weekends.", []),
        ("Trade unions have long called for such a scheme.", []),
        # near-misses: an article, not a quantifier, and the thing is named
        ("The mayor wants a new Humber skills hub.", ["Humber skills hub"]),
        ("Trade unions have long called for a regional apprenticeship scheme.", ["Regional apprenticeship scheme"]),
    ],
)  # fmt: skip
def test_a_quantified_or_pointing_phrase_names_no_proposal(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- a phrase ending on an auxiliary is a clause cut before its verb ----------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("“Ministers want us to create the apprenticeships young people are looking for,” she said.", []),
        ("The councils want to create the homes families are waiting for.", []),
        ("They want to set up the courses employers are asking for.", []),
        ("Leaders want to build the places residents are proud of.", []),
        # near-misses: the thing made is named, and its name ends on a noun
        ("The councils want to create a regional housing fund.", ["Regional housing fund"]),
        ("They want to set up a shared careers hub.", ["Shared careers hub"]),
    ],
)  # fmt: skip
def test_a_phrase_ending_on_an_auxiliary_is_no_name(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- a count before a colon leads in to the items, and is no item -------------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact asks for four practical changes:", []),
        ("The Tyne Accord calls for two specific measures:", []),
        ("The signatories seek 3 new powers:", []),
        ("The letter asks for five modest reforms:", []),
        # near-misses: a thing named before a colon that explains it, and a count with no colon
        ("The letter asks for a Regional Skills Fund: a pot of money for adult courses.", ["Regional Skills Fund"]),
        ("The letter asks for a ten-year funding settlement.", ["Ten-year funding settlement"]),
    ],
)  # fmt: skip
def test_a_counted_lead_in_is_no_proposal(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- a change in how something is done is a goal, not a thing ------------------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The councils are asking for a shift in how transport money reaches towns.", []),
        ("The universities called for a change in how research grants are judged.", []),
        ("Leaders want a rethink in the way bus services are planned.", []),
        ("The group called for changes to how capital bids are scored.", []),
        # near-misses: a power over how something is done is asked for, and so is a named thing
        ("The councils called for greater flexibility over how skills funding is spent.",
         ["Greater flexibility over how skills funding is spent"]),
        ("The universities called for a regional research fund.", ["Regional research fund"]),
    ],
)  # fmt: skip
def test_a_change_in_how_things_are_done_is_no_proposal(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "recognise X as partners": a bare role after "as" is no thing asked for ---------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It urges ministers to recognise colleges as partners in regional growth plans.", []),
        ("The charter asks the government to treat universities as anchors of local economies.", []),
        ("It calls on the Scottish Government to recognise councils as equals in skills planning.", []),
        ("The letter asks ministers to treat ports as gateways for regional trade.", []),
        # near-misses: with an article, what the place is to become is asked for
        ("The letter asks ministers to designate Hull as a Green Energy Zone.", ["Green Energy Zone"]),
        ("It asks the government to treat Preston as a digital innovation zone.", ["Digital innovation zone"]),
    ],
)  # fmt: skip
def test_a_bare_role_after_as_is_no_proposal(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "Its demands include ...": the cue is a noun, and the verb after it no part of the name ---------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Its demands include a ten-year funding settlement.", ["Ten-year funding settlement"]),
        ("The recommendations include a national civic data hub.", ["National civic data hub"]),
        ("Their demands included a regional transport fund and a new careers service.",
         ["Regional transport fund", "Careers service"]),
        ("The report's recommendations include a Solent Skills Fund.", ["Solent Skills Fund"]),
        # near-misses: what is included is no ask, and a demand that is the subject of a clause
        ("The programme includes a regional careers fair.", []),
        ("Their demands were rejected by the Treasury.", []),
    ],
)  # fmt: skip
def test_an_ask_noun_before_include_names_what_follows(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "has yet to call for": an ask not yet made --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The alliance has yet to call for a regional investment bank.", []),
        ("Mayors are yet to ask for a northern skills fund.", []),
        ("The universities have yet to propose a civic research institute.", []),
        ("The board has yet to seek a shared data platform.", []),
        # near-misses: the ask is made
        ("The alliance has called for a regional investment bank.", ["Regional investment bank"]),
        ("Mayors are asking for a northern skills fund.", ["Northern skills fund"]),
    ],
)  # fmt: skip
def test_an_ask_not_yet_made_is_no_proposal(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "Asked whether ...": a question put to a speaker ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Asked whether the mayors would call for a tourist levy, she declined to comment.", []),
        ("Asked if the council would push for a new transport fund, he said it was too early.", []),
        ("Asked whether Holyrood should set up a skills academy, the minister said no.", []),
        ("Asked when the group would seek a regional bank, a spokesperson did not reply.", []),
        # near-misses: a question about something else, then an ask made; an ask made outright
        ("Asked about the plan, she called for a new regional transport fund.", ["Regional transport fund"]),
        ("The mayors asked for a tourist levy.", ["Tourist levy"]),
    ],
)  # fmt: skip
def test_a_question_put_to_a_speaker_asks_nothing(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "the need for X", wherever the need is said -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact commits them to the need for a dedicated apprenticeship hub for the region.",
         ["Apprenticeship hub"]),
        ("Speakers at the launch spoke of the need for a Humber Energy Skills Centre.",
         ["Humber Energy Skills Centre"]),
        ("The plan rests on the urgent need for a regional data observatory.", ["Regional data observatory"]),
        ("Both leaders agreed on the need for a new graduate retention scheme in Wales.",
         ["Graduate retention scheme in Wales"]),
        # near-misses: a need done away with, and a need denied
        ("The new line would reduce the need for a second bypass scheme.", []),
        ("There is no need for a new regional body.", []),
    ],
)  # fmt: skip
def test_the_need_for_a_thing_is_a_proposal(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- a list led in by an ask, its items after the colon in the same sentence ---------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("We are asking for: a single capital pot, a ten-year settlement and a green skills academy.",
         ["Single capital pot", "Ten-year settlement", "Green skills academy"]),
        ("The asks are: a regional skills fund; a graduate retention scheme; and a civic innovation hub.",
         ["Regional skills fund", "Graduate retention scheme", "Civic innovation hub"]),
        ("The proposals: a new Tees Valley Skills Fund and a regional data observatory.",
         ["Tees Valley Skills Fund", "Regional data observatory"]),
        ("The mayors want three things: devolve the adult skills budget; create a careers hub; fund a transport plan.",
         ["Devolution of the adult skills budget", "Careers hub", "Transport plan"]),
        # near-misses: a colon that opens a quotation, and a speaker's own list inside one
        ("The council calls for more money, and its leader said: the city needs a new fund.", []),
        ("“We are asking for two things: the freedom to act and a fair deal,” she said.", []),
    ],
)  # fmt: skip
def test_a_list_in_the_lead_ins_own_sentence(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "that X be set up": the thing made is named by itself; a passive making has its object before ---
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The report proposes that a Tyne mass transit delivery body be set up.", ["Tyne mass transit delivery body"]),
        ("The partners proposed that a Solent Skills Observatory be established.", ["Solent Skills Observatory"]),
        ("The universities demanded that a civic research fund is set up within a year.", ["Civic research fund"]),
        ("The council recommends that a regional housing company be created by 2027.", ["Regional housing company"]),
        # near-misses: a doing that is no making keeps its doing; a making that is only reported
        ("The mayors demanded that the adult skills budget is devolved in full.", ["Adult skills budget devolved in full"]),
        ("A regional housing company was set up last year.", []),
    ],
)  # fmt: skip
def test_a_thing_asked_to_be_made_is_named_by_itself(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- creation verbs that bring a plan forward ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The charter urges government to bring forward a regional transport plan.", ["Regional transport plan"]),
        ("Leaders called on the Treasury to draw up a five-year capital settlement.", ["Five-year capital settlement"]),
        ("The letter asks ministers to come forward with a coastal communities fund.", ["Coastal communities fund"]),
        ("The compact urges the Welsh Government to devise a graduate retention scheme.", ["Graduate retention scheme"]),
        # near-misses: the parties' own drawing up, and a drawing up denied
        ("The partners will draw up a joint estates strategy.", []),
        ("The letter does not ask ministers to draw up a new transport plan.", []),
    ],
)  # fmt: skip
def test_asks_to_bring_forward_or_draw_up_a_thing(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- "for a settlement to give them certainty": after a thing, "to give" is its purpose ---------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners are pushing for a ten-year settlement to give them certainty.", ["Ten-year settlement"]),
        ("The cities want a new retrofit fund to let councils insulate homes.", ["Retrofit fund"]),
        ("Leaders called for a northern skills passport to allow adults to move between courses.",
         ["Northern skills passport"]),
        ("The mayors asked for a regional careers service to give every pupil advice.", ["Regional careers service"]),
        # near-misses: after a body, "to be given" and "to resign" say who is to act
        ("The group called for the council leader to resign.", []),
        ("The report calls for the mayor to step down.", []),
    ],
)  # fmt: skip
def test_a_thing_then_its_purpose_is_asked_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- a list item that is itself a bid or a case names what it asks for after "for" -------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The proposals include:\n\n- joint bids to the Scottish Government for a regional innovation zone;\n"
         "- a shared estates plan.", ["Regional innovation zone", "Shared estates plan"]),
        ("The proposals include:\n\n- a joint bid to Innovate UK for a new regional space cluster;\n"
         "- a civic data fund.", ["Regional space cluster", "Civic data fund"]),
        ("The asks are:\n\n1. a case to the Treasury for a northern rail settlement\n2. a tourist levy",
         ["Northern rail settlement", "Tourist levy"]),
        ("We are calling for:\n\n• applications for a coastal skills academy\n• a graduate retention bonus",
         ["Coastal skills academy", "Graduate retention bonus"]),
        # near-misses: a bid with nothing it is for is no name; a list led in by no ask gives nothing
        ("The partners have agreed:\n\n- joint bids to the Scottish Government for a regional innovation zone;\n"
         "- a shared estates plan.", []),
        ("The proposals include:\n\n- joint bids to research councils;\n- bids for more money.", []),
    ],
)  # fmt: skip
def test_a_bid_in_a_list_names_what_it_is_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- an ask verb, then "a new" and a lower-case thing, whatever its head noun --------------------------
@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners want a new graduate retention bonus.", ["Graduate retention bonus"]),
        ("The mayors are seeking a new northern research corridor.", ["Northern research corridor"]),
        ("The report urges a new regional innovation council.", ["Regional innovation council"]),
        ("Vice-chancellors have proposed a new shared graduate visa.", ["Shared graduate visa"]),
        # near-misses: a person or post is no thing asked for; a new way of working is a goal
        ("The board wants a new chief executive.", []),
        ("Leaders want a new approach to skills.", []),
    ],
)  # fmt: skip
def test_a_new_thing_asked_for_whatever_its_head(reference, text, proposals) -> None:
    assert names(text, reference) == proposals
