"""Proposals: what the parties or the publisher ask someone else to do or create, named as the thing.

Every case is a made-up sentence for one phenomenon. Names are the short noun phrase of what is
asked for; when the text asks for an action ("to extend X"), the name is the action as a noun
("Extension of X"), which is how an annotator words it.
"""

from __future__ import annotations

import pytest

from extracting import run


def names(text: str, reference) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in run(text, reference).proposals]


# -- asks addressed to someone: "asks X to VERB ...", "calls on X to VERB ..." ---------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners call on ministers to extend the Solent Freeport to Portsmouth.",
         ["Extension of the Solent Freeport"]),
        ("The university urges the Treasury to include Sunderland in the next round of bootcamp funding.",
         ["Inclusion of Sunderland in the next round of bootcamp funding"]),
        ("The compact asks the government to designate Hull as a Green Energy Zone, and to devolve a share "
         "of national energy funding to the region.",
         ["Green Energy Zone", "Devolution of a share of national energy funding"]),
        ("The partners asked the Welsh Government to let the council run a pilot individual learning account "
         "worth £1,200 per learner.", ["Pilot individual learning account worth £1,200 per learner"]),
        ("The charter also asks the government to let mayors use apprenticeship levy underspends for "
         "retrofit bootcamps.", ["Use of apprenticeship levy underspends"]),
        ("The accord calls on the Department for Education to let the combined authority pool its adult "
         "skills budget with college capital funding, something ministers have resisted.",
         ["Pooling of its adult skills budget"]),
        ("The document calls on the Scottish Government to establish a Dundee Anchor Fund, which would lend "
         "to small firms, and to allow councils to weight local employment more heavily in tender scoring.",
         ["Dundee Anchor Fund", "Weighting of local employment in tender scoring"]),
        ("The pact asks the Department for Education to allocate the region's share of the Local Skills "
         "Improvement Fund as a single pot.",
         ["Allocation of the region's share of the Local Skills Improvement Fund"]),
        ("It asks ministers to treat the harbour as a priority area for the next round of Freeport skills "
         "funding.", ["Priority area for the next round of Freeport skills funding"]),
        ("The leaders would like government to commit to a regional careers guarantee.",
         ["Regional careers guarantee"]),
        ("The partners want the government to give York a share of the business rates growth.",
         ["Share of the business rates growth"]),
        ("The board urged ministers to hand the combined authority control of post-16 transport budgets.",
         ["Control of post-16 transport budgets"]),
        ("He said the university had asked the government to include the city in the next round of "
         "digital skills bootcamp funding.",
         ["Inclusion of the city in the next round of digital skills bootcamp funding"]),
    ],
)  # fmt: skip
def test_an_ask_addressed_to_someone_is_named_by_what_they_are_asked_to_do(
    reference, text, proposals
) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    "text",
    [
        # what the asker is asked to do is no thing to create
        "The mayor asked the council to support more jobs.",
        "The minister asked the universities to work together.",
        "Officers asked the committee to note the report.",
        "He asked for the meeting to be moved.",
    ],
)
def test_an_ask_for_an_act_that_creates_nothing_is_no_proposal(reference, text) -> None:
    assert names(text, reference) == []


# -- a seat, a share, powers: named with what they are for ------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The letter asks for a seat for the region's colleges on the skills advisory board.",
         ["Seat for the region's colleges on the skills advisory board"]),
        ("The letter asks for:\n- a regional transport budget;\n- powers for the mayor to co-fund college "
         "spin-outs through the investment zone.",
         ["Regional transport budget", "Powers for the mayor to co-fund college spin-outs"]),
        ("The compact asks for:\n1. A seat for Core Cities on the Skills and Productivity Board (SPB) "
         "advisory group.\n2. A skills fund.",
         ["Seat for Core Cities on the Skills and Productivity Board (SPB) advisory group", "Skills fund"]),
        # an ordinary name still ends before what it is for
        ("The partners call for devolved adult education budgets for every city.",
         ["Devolved adult education budgets"]),
    ],
)  # fmt: skip
def test_a_relational_ask_keeps_its_complement(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- lists whose lead-in asks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The proposals include: • a new Regional Skills Fund • devolved adult education budgets",
         ["Regional Skills Fund", "Devolved adult education budgets"]),
        ("The compact asks government to: - create a Humber Skills Fund; - devolve adult education budgets "
         "to the city region.", ["Humber Skills Fund", "Devolution of adult education budgets"]),
        ("The compact asks government to:\n- create a Humber Skills Fund;\n- extend the Humber Freeport "
         "to Goole.", ["Humber Skills Fund", "Extension of the Humber Freeport"]),
        ("So what should ministers do? We recommend four things.\n1. Give combined authorities a devolved "
         "transport budget.\n2. Fold the small local funds into a single place-based growth pot.\n"
         "3. Make the Freeport skills pilots permanent.\n4. Allow mayors to co-commission college courses "
         "on local priorities such as retrofit.",
         ["Devolved transport budget", "Single place-based growth pot", "Permanent Freeport skills pilots",
          "Co-commissioning of college courses on local priorities"]),
        ("The report makes the following recommendations:\n• a regional careers guarantee;\n"
         "• a Tees Skills Observatory.", ["Regional careers guarantee", "Tees Skills Observatory"]),
    ],
)  # fmt: skip
def test_a_list_led_in_by_an_ask(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # the page stops inside the last item: the whole items stay, the cut one is not invented
        ("The letter asks for:\n• a devolved research budget;\n• a regional skills fund;\n• an extension of the "
         "Innovation Accel", ["Devolved research budget", "Regional skills fund"]),
        ("The proposals include: • a new Regional Skills Fund; • devolved adult educ",
         ["Regional Skills Fund"]),
    ],
)  # fmt: skip
def test_a_list_cut_with_the_page_keeps_its_whole_items(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    "text",
    [
        "The charter sets out five commitments.\n1. Create a shared skills passport.\n2. Open a careers hub.",
        "Under the compact the partners will: • create a shared skills passport • open a careers hub",
    ],
)
def test_a_list_of_the_parties_own_commitments_proposes_nothing(reference, text) -> None:
    assert names(text, reference) == []


# -- what proposes nothing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Whether the councils will call for a regional skills fund remains to be seen.",
        '"We could have asked for hundreds of millions and been ignored," she said.',
        "We would never have called for a tourism levy.",
        "An earlier proposal to create a joint procurement office was dropped during negotiations.",
        "A plan for a maritime free school was considered but left out of the final text.",
        "The idea of a Humber Skills Fund has been shelved.",
        '"We are asking the government for two things," she said.',
        "Labour's spokesman called for a new regional investment bank.",
        "Critics want a new Northern Skills Observatory instead.",
        "Councillor Tom Reddy, who leads the opposition group, called for a new regional investment bank.",
        "Liberal Democrat leader Jo Penn urged ministers to fund a new Humber skills academy.",
        "The opposition group leader, Cllr Tom Reddy, urged ministers to fund a new marine skills academy.",
        "The universities will create 500 placements.",
        "The partners pledge to set up a joint careers hub.",
    ],
)
def test_asides_dropped_asks_outsiders_and_own_pledges_propose_nothing(reference, text) -> None:
    assert names(text, reference) == []


def test_a_headline_ask_and_its_full_name_are_one_proposal(reference) -> None:
    text = (
        "Mayor backs call for skills devolution deal\n\n"
        "The report calls for a North East Skills Devolution Deal to be agreed within a year."
    )
    assert names(text, reference) == ["North East Skills Devolution Deal"]


# -- asks with other verbs and shapes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The council is seeking a ten-year funding settlement for the city.", ["Ten-year funding settlement"]),
        ("The mayor wants to see a new Northern Skills Observatory set up.", ["Northern Skills Observatory"]),
        ("The report recommends a single regional skills budget.", ["Single regional skills budget"]),
        ("Recommendations include a city data hub and a regional skills passport.",
         ["City data hub", "Regional skills passport"]),
        ("The letter makes a call for a visitor levy.", ["Visitor levy"]),
        ("The partners have backed the call from Bristol City Council for a new Avon health innovation hub.",
         ["Avon health innovation hub"]),
        ("Combined authorities should be given powers to raise a tourism levy.", ["Powers to raise a tourism levy"]),
        ("The need for local leaders to have greater flexibility over how skills funding is spent was "
         "highlighted.", ["Greater flexibility over how skills funding is spent"]),
        ("The government should put in place a process to agree city deals.", ["Process to agree city deals"]),
        ("The Welsh Government should create a Gwent Skills Fund.", ["Gwent Skills Fund"]),
        ("The leaders demanded that devolution is delivered on the same timetable as in Scotland.",
         ["Devolution delivered on the same timetable"]),
        ("The backers want a £5m Urban Research Fund and say the introduction of city skills passports would help.",
         ["Urban Research Fund", "City skills passports"]),
        ("The commission calls for a civic fund worth £100m, for the introduction of civic impact measures, "
         "and for mayoral combined authorities to be given a duty to convene local anchor institutions.",
         ["Civic fund worth £100m", "Civic impact measures", "Duty to convene local anchor institutions"]),
        ("The partners are calling for a student levy, and for the government to give York a share of the "
         "business rates growth from the new station.",
         ["Student levy", "Share of the business rates growth from the new station"]),
        ("It asks for a £20m Coastal Research Fund, and for skills funding to be devolved to member towns.",
         ["Coastal Research Fund", "Devolved skills funding"]),
    ],
)  # fmt: skip
def test_asks_with_other_verbs_and_shapes(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # a heading or a page cut off inside a sentence: whole names stay, the cut one is not invented
        ("The compact calls for a regional skills fund and a new careers guaran", ["Regional skills fund"]),
        ("Leaders back call for new devolution deal", []),
        ("Universities should create more jobs.", []),
        ("The partners should publish a report every year.", []),
    ],
)  # fmt: skip
def test_headings_cut_sentences_and_the_parties_own_duties(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- a body asked for is a proposal, not an organisation ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The university proposes a Net Zero Research Alliance for the region.", "Net Zero Research Alliance"),
        ("The council is seeking a Humber Energy Partnership with government.", "Humber Energy Partnership"),
        ("The leaders would like to see a Tees Valley Research Network set up.", "Tees Valley Research Network"),
        ("The compact asks the government to set up a Solent Maritime Skills Agency.",
         "Solent Maritime Skills Agency"),
        ("The partners call on government to create a Midlands Research Council.", "Midlands Research Council"),
        ("The bid seeks the establishment of a Wessex Skills Board.", "Wessex Skills Board"),
    ],
)  # fmt: skip
def test_a_body_asked_for_is_no_organisation(reference, text, body) -> None:
    result = run(text, reference)
    assert [p.name for p in result.proposals] == [body]
    assert body not in {o.name for o in result.organisations}


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The group is pressing ministers for a ten-year funding settlement.", ["Ten-year funding settlement"]),
        ("The signatories will lobby government for a new Tay Skills Fund.", ["Tay Skills Fund"]),
        ("The partners' key ask is a devolved skills budget.", ["Devolved skills budget"]),
        ("A key demand is the devolution of the adult education budget.",
         ["Devolution of the adult education budget"]),
        ("Among its asks are a regional skills fund and a new freight hub.", ["Regional skills fund", "Freight hub"]),
        ("The document sets out three asks: a research fund, a skills passport and a seat on the board.",
         ["Research fund", "Skills passport", "Seat on the board"]),
        ("The proposals, which include a new skills fund and a health data hub, will go to ministers.",
         ["Skills fund", "Health data hub"]),
        ("The council has written to the Chancellor requesting a business rates retention pilot.",
         ["Business rates retention pilot"]),
        ("The compact also makes the case for a regional freight strategy.", ["Regional freight strategy"]),
        ("The universities hope government will fund a new Clean Energy Institute.", ["Clean Energy Institute"]),
        ("It is calling on ministers to back its plan for a Teesside Hydrogen Hub.", ["Teesside Hydrogen Hub"]),
        ("They urged the Department for Transport to fund the reopening of the Leamside line.",
         ["Reopening of the Leamside line"]),
        ("The authors want ministers to allow universities to borrow against future income.",
         ["Borrowing against future income"]),
        ("It recommends that the government create a Northern Research Fund.", ["Northern Research Fund"]),
    ],
)  # fmt: skip
def test_asks_pressed_lobbied_requested_and_hoped_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    "text",
    [
        "The government has already set up a regional fund.",
        "Ministers asked the universities to sign the charter.",
        "The council wants to create 1,000 jobs.",
        "The partners will jointly bid for a £20m regional skills fund.",
        "Leaders hope the partnership will grow.",
    ],
)
def test_acts_of_others_and_hopes_for_no_thing_propose_nothing(reference, text) -> None:
    assert names(text, reference) == []


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Lancashire's bid to be given a devolution deal was discussed.", ["Devolution deal"]),
        ("The partners are also asking for government support for a new Tees hydrogen hub.", ["Tees hydrogen hub"]),
        ("It urges the government to commit £50m to a new coastal research fund.", ["Coastal research fund"]),
        ("What the region needs from government:\n• a ten-year skills settlement;\n• a seat on the skills board.",
         ["Ten-year skills settlement", "Seat on the skills board"]),
    ],
)  # fmt: skip
def test_bids_support_for_and_what_is_needed_from_government(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The charter calls for a Solent Skills Fund of £8m over four years.", ["Solent Skills Fund of £8m over four years"]),
        ("It asks for a devolved research budget of up to £100 million a year.",
         ["Devolved research budget of up to £100 million a year"]),
        ("The report recommends:\n• a Tees Skills Observatory run jointly with the region's universities.",
         ["Tees Skills Observatory"]),
    ],
)  # fmt: skip
def test_a_name_keeps_its_size_and_ends_before_its_keeper(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The charter calls on the UK Government to fund a new Wrexham Skills Academy and extend the Levelling "
         "Up Fund to market towns.", ["Wrexham Skills Academy", "Extension of the Levelling Up Fund"]),
        ("The alliance is urging ministers to devolve the adult education budget and to give mayors powers over "
         "bus franchising.", ["Devolution of the adult education budget", "Powers over bus franchising"]),
        ("The report urges the government to scrap the competitive bidding process for local growth funds.",
         ["Scrapping of the competitive bidding process"]),
        ("Ministers are being asked to approve a Cornwall Investment Zone.", ["Cornwall Investment Zone"]),
        ("The compact's three asks of government are a skills fund, a data hub and a seat on the Growth Board.",
         ["Skills fund", "Data hub", "Seat on the Growth Board"]),
        ("They also want a ‘one-stop shop’ for business support.", ["One-stop shop"]),
        ("The partners are calling for the creation of a “green skills passport” for the region.",
         ["Green skills passport"]),
        ("The document also proposes that each city region should have its own skills observatory.",
         ["Skills observatory"]),
        ("The universities are backing calls for a national civic university fund.",
         ["National civic university fund"]),
    ],
)  # fmt: skip
def test_further_acts_passive_asks_and_quoted_names(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    "text",
    [
        "The partners responded to the government's call for evidence on devolution.",
        "UKRI has opened a call for proposals for place-based research projects.",
        "The university is calling for volunteers to take part in the study.",
        "The council asked residents for their views on a new Local Plan.",
        "The charter asks each signatory to publish an annual report.",
        "The compact asks the partners to create a shared careers hub.",
        "He called for the council leader to resign.",
        "The partners want to see the compact renewed in 2027.",
        "The minister recommended the Leeds City Region Deal as a model for others.",
        "Ministers want a new skills fund, the partners said, but have offered no money.",
        "The Government has backed a new Tees skills fund.",
    ],
)
def test_invitations_duties_of_the_parties_and_what_government_wants_propose_nothing(reference, text) -> None:
    assert names(text, reference) == []


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partnership will press for investment in the Midland Main Line.",
         ["Investment in the Midland Main Line"]),
        ("It calls for the region to be given its fair share of national infrastructure spending.",
         ["Fair share of national infrastructure spending"]),
        ("Leaders called for an end to short-term funding pots.", ["End to short-term funding pots"]),
        ("The report calls for a 'skills guarantee' for every school leaver.", ["Skills guarantee"]),
        ("The compact asks the Scottish Government to consider a Tay Cities Skills Fund.",
         ["Tay Cities Skills Fund"]),
        ("The report says councils should be handed control of the money spent on training 16 to 19-year-olds.",
         ["Control of the money spent on training 16 to 19-year-olds"]),
    ],
)  # fmt: skip
def test_shares_ends_and_quoted_asks(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    "text",
    [
        "Partners urged the Treasury not to cut the programme.",
        "The councils asked for clarity on the future of the fund.",
        "The board agreed to ask the government for a further £2m for the scheme.",
    ],
)
def test_no_ask_not_to_act_for_clarity_or_for_a_sum(reference, text) -> None:
    assert names(text, reference) == []


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The proposal is for a single skills fund covering the whole region.", ["Single skills fund"]),
        ("Council leaders are demanding a fairer funding formula.", ["Fairer funding formula"]),
        ("Our ask of government is simple: a ten-year funding settlement.", ["Ten-year funding settlement"]),
        ('"We are asking the government to back our bid for a Tees Investment Zone," she said.',
         ["Tees Investment Zone"]),
        ("They are asking for nothing more than a fair hearing.", []),
    ],
)  # fmt: skip
def test_what_the_ask_is(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


def test_a_council_leader_named_with_a_party_still_asks(reference) -> None:
    text = "Council leader Cllr Ann Moss (Labour) called for a new regional investment bank."
    assert names(text, reference) == ["Regional investment bank"]


# -- a list led by "calls on ministers to:", and what is near an ask but not asked for -------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Report sets out its asks\n\nThe report calls on ministers to:\n"
         "• create a £200 million Coastal Towns Fund, targeted at places with low wages;\n"
         "• establish a Northern Careers Service for adults.",
         ["Coastal Towns Fund", "Northern Careers Service"]),
        ("The partners also want the Scottish Government to fund a Fife Coding Academy, building on the "
         "Edinburgh City Region Deal.", ["Fife Coding Academy"]),
        ("The councils want ministers to create a Tees Green Skills Fund as part of the Teesside Freeport "
         "programme.", ["Tees Green Skills Fund"]),
        ("Twelve colleges have signed a Coastal Skills Pact, convened by the Sussex Colleges Group, that asks "
         "the government for a ten-year settlement on adult skills.",
         ["Ten-year settlement on adult skills"]),
    ],
)  # fmt: skip
def test_a_list_called_for_and_names_beside_an_ask(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    "text",
    [
        "They want the region to keep its skills budget, a demand that is likely to be raised again next month.",
        "Leeds City Council made a request that was turned down by ministers last year.",
    ],
)
def test_a_relative_clause_after_demand_asks_nothing(reference, text) -> None:
    assert "Is likely to raised again next month" not in names(text, reference)
    assert not any(n.lower().startswith(("is ", "was ")) for n in names(text, reference))


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It also sets out what the partners want from the Scottish Government in return: a five-year Civic "
         "Skills Settlement for the region, devolved adult learning funding so that more is spent locally, "
         "and a Green Skills Fund of £40 million to equip colleges.",
         ["Five-year Civic Skills Settlement", "Devolved adult learning funding", "Green Skills Fund of £40 million"]),
        ("Here is what the councils need from government: a tourist levy, and ring-fenced bus funding for "
         "rural routes.", ["Tourist levy", "Ring-fenced bus funding"]),
        ("What the colleges want from ministers: more time.", []),
    ],
)  # fmt: skip
def test_what_is_wanted_from_government_listed_after_a_colon(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners are asking the Department for Education to give the region a careers budget and to "
         "replace annual allocations with a single three-year funding settlement.",
         ["Careers budget", "Single three-year funding settlement"]),
        ("The council urges ministers to replace the old grant with a new city fund.", ["City fund"]),
        ("The councils call for a tourist levy and to extend the Solent Freeport to Portsmouth.",
         ["Tourist levy", "Extension of the Solent Freeport"]),
    ],
)  # fmt: skip
def test_a_replacement_is_named_by_what_replaces(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("They are also asking the Department of Health and Social Care to devolve a share of national "
         "dementia research funding to Leeds.", ["Devolution of a share of national dementia research funding"]),
        ("The charter asks the Department for Science, Innovation and Technology to publish regional "
         "patent figures every year.", ["Publication of regional patent figures"]),
        ("The partners call on the Department for the Economy and the Northern Ireland Executive to expand "
         "the Coleraine campus to 9,000 students.", ["Expansion of the Coleraine campus"]),
    ],
)  # fmt: skip
def test_an_addressee_with_a_long_title_still_asks(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("A report calls for a Skills Deal that would give the combined authority control over funding for "
         "16 to 19-year-olds, and for a careers guarantee.",
         ["Skills Deal", "Control over funding for 16 to 19-year-olds", "Careers guarantee"]),
        ("The mayors want control of adult skills budgets for their areas.",
         ["Control of adult skills budgets for their areas"]),
    ],
)  # fmt: skip
def test_control_keeps_what_it_is_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("In it, the mayors ask ministers for single funding settlements, and want the power to keep half of "
         "the business rates raised in their areas.",
         ["Single funding settlements", "Power to keep half of the business rates"]),
        ("The council wants the power to decide.", []),
    ],
)  # fmt: skip
def test_a_power_wanted_is_named_with_what_it_is_over(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The report asks ministers to require Innovate UK to publish its grants by combined authority area "
         "every year.", ["Requirement for Innovate UK to publish its grants by combined authority area"]),
        ("The councils want the Treasury to publish transport spending by region.",
         ["Publication of transport spending by region"]),
        ("The council calls for a new skills fund run by the combined authority.", ["Skills fund"]),
    ],
)  # fmt: skip
def test_a_breakdown_by_area_stays_in_the_name(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- asks read from unseen wordings --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact also highlights the need for a single all-age careers service commissioned locally "
         "rather than nationally.", ["Single all-age careers service commissioned locally"]),
        ("The memorandum stresses the need for research funding that runs for longer than one year.",
         ["Research funding"]),
        ("The partners underline the need for a regional skills observatory.", ["Regional skills observatory"]),
        ("There is an urgent need for a dedicated retrofit skills fund in every region.",
         ["Retrofit skills fund in every region"]),
        ("The report points to the need for more investment.", []),
        ("The universities say there is no need for a new skills fund.", []),
    ],
)  # fmt: skip
def test_the_need_for_a_thing_asks_for_it(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It also wants multi-year retrofit settlements for cities and a green skills passport that would be "
         "recognised across the four nations.", ["Multi-year retrofit settlements", "Green skills passport"]),
        ("The declaration asks ministers for five-year funding deals for retrofitting homes and a “green skills "
         "passport” that would let workers move between employers.",
         ["Five-year funding deals", "Green skills passport"]),
        ("The charter calls for a research fund for smaller universities and a new careers hub in the city "
         "centre.", ["Research fund", "Careers hub in the city centre"]),
    ],
)  # fmt: skip
def test_a_second_thing_asked_for_after_what_the_first_is_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners are asking the Welsh Government and Medr, the Commission for Tertiary Education and "
         "Research, to fund a single regional skills plan for five years.", ["Single regional skills plan"]),
        ("The councils call on Homes England, the national housing agency, to create a city housing fund.",
         ["City housing fund"]),
    ],
)  # fmt: skip
def test_an_addressee_described_between_commas_still_asks(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact also asks the Scottish Government to let the council keep part of its visitor levy "
         "income for housing.", ["Retention of part of its visitor levy income"]),
        ("The agreement asks the Office for Students to recognise civic partnerships when it assesses "
         "institutions.", ["Recognition of civic partnerships"]),
        ("The partners urge the regulator to recognise joint degrees in its funding rules.",
         ["Recognition of joint degrees in its funding rules"]),
        ("The accord urges the government to set aside 10 per cent of new regional research funding for places "
         "outside the largest city regions.",
         ["10 per cent of new regional research funding for places outside the largest city regions"]),
        ("The mayors want ministers to set aside a share of the levy for adult retraining.",
         ["Share of the levy for adult retraining"]),
    ],
)  # fmt: skip
def test_acts_asked_for_by_their_verb(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It also argues that councils in Key Cities places should be given a formal role in the Higher "
         "Education Innovation Funding allocations made to their local universities.",
         ["Formal role in the Higher Education Innovation Funding allocations"]),
        ("The report argues that the government should create a northern research fund.",
         ["Northern research fund"]),
        ("The report argues that the city will thrive if it creates a research fund.", []),
    ],
)  # fmt: skip
def test_an_argument_that_someone_should_act_asks(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("IPPR North calls on the government to:\n- give mayoral combined authorities a formal role in allocating "
         "Higher Education Innovation Funding in their areas.",
         ["Formal role in allocating Higher Education Innovation Funding in their areas"]),
        ("The councils want a greater say in setting bus fares.", ["Greater say in setting bus fares"]),
    ],
)  # fmt: skip
def test_a_role_in_doing_something_keeps_the_doing(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners call on the UK and Scottish governments to introduce a skills guarantee for offshore "
         "workers, and urge them to agree a dedicated North Sea transition fund.",
         ["Skills guarantee", "North Sea transition fund"]),
        ("The council asks ministers to extend the Freeport and presses them to fund a new careers hub.",
         ["Extension of the Freeport", "Careers hub"]),
        ("The universities urge them to join the compact.", []),
    ],
)  # fmt: skip
def test_the_same_addressee_asked_again_by_a_pronoun(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners are also asking the Department for the Economy to provide multi-year funding for civic "
         "research in Northern Ireland.", ["Multi-year funding for civic research in Northern Ireland"]),
        ("The councils want ministers to provide long-term funding for bus services.", ["Long-term funding for bus services"]),
        ("The partners want the Welsh Government to commit to five years of funding for a regional skills plan.",
         ["Five years of funding for a regional skills plan"]),
        ("The councils want ministers to provide more funding.", []),
    ],
)  # fmt: skip
def test_funding_asked_for_over_years(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The memorandum also asks ministers to make Leeds one of the first “health innovation zones”, a status "
         "that would make it easier to test new technology.", ["Health innovation zones"]),
        ("The councils urge the government to make Hull a Green Energy Zone.", ["Green Energy Zone"]),
        ("The partners ask ministers to make it easier to hire graduates.", []),
    ],
)  # fmt: skip
def test_a_place_made_into_something(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ('"We are asking government for relatively modest sums that would make a very large difference."', []),
        ("The councils called for significant sums to be spent in the north.", []),
    ],
)  # fmt: skip
def test_sums_of_money_are_not_things_asked_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Green group leader Cllr Mairi Ferguson said it would mean little without action on housing. She also "
         "called on the Scottish Government to give councils the power to introduce rent controls.", []),
        ("Opposition councillors criticised the plan. They want the council to create a tenants' fund.", []),
        ("The partners welcomed the plan. They also called on the Scottish Government to create a housing fund.",
         ["Housing fund"]),
    ],
)  # fmt: skip
def test_an_outsider_named_before_a_pronoun_still_asks_for_nothing_of_the_parties(
    reference, text, proposals
) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Its demands include:\n- a statutory seat for mayors in Spending Review negotiations;\n- the right to "
         "retain 100 per cent of business rates growth in their areas for at least a decade.",
         ["Statutory seat for mayors in Spending Review negotiations",
          "Right to retain 100 per cent of business rates growth in their areas"]),
        ("The asks of government are:\n1. A requirement that local growth plans are drawn up with the "
         "universities in each area.\n2. A guarantee that skills budgets are devolved to the regions.",
         ["Local growth plans drawn up", "Skills budgets devolved"]),
    ],
)  # fmt: skip
def test_list_items_named_by_a_right_or_a_requirement(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact calls for a review of how Scottish Funding Council allocations recognise the civic work of "
         "universities.", ["Review of Scottish Funding Council allocations"]),
        ("The partners want a review of how Innovate UK grants reward local recruitment.",
         ["Review of Innovate UK grants"]),
        ("The councils call for a review of how funding is allocated.", ["Review of how funding is allocated"]),
    ],
)  # fmt: skip
def test_a_review_of_how_something_works_is_a_review_of_it(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The accord urges the government to set aside 10 per cent of new regional research and development "
         "funding for places outside the largest city regions of England and Wales.",
         ["10 per cent of new regional research and development funding"]),
    ],
)  # fmt: skip
def test_a_complement_too_long_for_a_name_is_left_out(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ('Green group leader Cllr Mairi Ferguson welcomed the compact. "If they are serious, they should build '
         'homes," she said. She also called on the Scottish Government to give councils the power to introduce '
         "rent controls.", []),
    ],
)  # fmt: skip
def test_an_outsider_earlier_in_the_paragraph_is_still_who_a_pronoun_means(
    reference, text, proposals
) -> None:
    assert names(text, reference) == proposals


def test_the_agreement_signed_is_not_a_proposal_of_its_own(reference) -> None:
    text = (
        "Universities and colleges sign up to Black Country Skills Compact\n\n"
        "Seven universities have become signatories to the Black Country Skills Compact, a new agreement that "
        "aims to close the gap between the skills employers need and the training on offer.\n\n"
        "The compact calls for a regional careers hub."
    )
    assert names(text, reference) == ["Regional careers hub"]


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The need for local leaders to have greater flexibility over adult skills budgets is set out in the "
         "report.", ["Greater flexibility over adult skills budgets"]),
        ("More control over bus franchising is needed, the mayors say.", []),
        ("They want greater flexibility over how skills funding is spent.",
         ["Greater flexibility over how skills funding is spent"]),
    ],
)  # fmt: skip
def test_a_power_asked_for_stops_before_what_is_said_of_it(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners also want to see the bringing in of a tourist levy and the setting up of a regional "
         "investment bank.", ["Tourist levy", "Regional investment bank"]),
        ("The councils are calling for the bringing in of a workplace parking levy.", ["Workplace parking levy"]),
    ],
)  # fmt: skip
def test_the_bringing_in_of_a_thing(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It asks for skills funding to be devolved to member cities on multi-year settlements.",
         ["Devolved skills funding on multi-year settlements"]),
        ("The mayors call for transport budgets to be pooled over ten-year periods.",
         ["Pooled transport budgets on ten-year periods"]),
        ("It calls for adult skills budgets to be devolved.", ["Devolved adult skills budgets"]),
    ],
)  # fmt: skip
def test_the_terms_a_thing_is_to_be_devolved_on(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The councils want a workplace parking levy.", ["Workplace parking levy"]),
        ("The partners call for a regional electric vehicle charging network.",
         ["Regional electric vehicle charging network"]),
        ("The charter asks ministers to fund a district heating scheme.", ["District heating scheme"]),
    ],
)  # fmt: skip
def test_a_gerund_inside_a_name_is_part_of_it(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It sets out a series of asks, including a northern research fund and a careers guarantee.",
         ["Northern research fund", "Careers guarantee"]),
        ("The charter sets out five asks of government, including a civic innovation fund.",
         ["Civic innovation fund"]),
        ("The proposals, including those from the opposition, were debated.", []),
    ],
)  # fmt: skip
def test_asks_including_things(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It also asks for a skills fund, a careers hub and a retrofit programme.",
         ["Skills fund", "Careers hub", "Retrofit programme"]),
        ("The letter requests a meeting with ministers and a review of the funding formula.",
         ["Review of the funding formula"]),
        ("The mayors are calling for a housing fund, a transport deal and greater control of skills budgets.",
         ["Housing fund", "Transport deal", "Greater control of skills budgets"]),
    ],
)  # fmt: skip
def test_every_item_of_a_list_asked_for(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The universities asked for feedback on the plan.", []),
        ("The council is calling for views on its draft transport strategy.", []),
        ("The partners asked for ideas for the new fund.", []),
    ],
)  # fmt: skip
def test_an_invitation_to_comment_asks_for_nothing(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners say they need a long-term funding settlement.", ["Long-term funding settlement"]),
        ("Leaders said cities need a single skills budget and a regional careers service.",
         ["Single skills budget", "Regional careers service"]),
        ("The partners need more staff to run the hub.", []),
        ("They need to recruit more apprentices.", []),
    ],
)  # fmt: skip
def test_what_the_parties_say_they_need(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("It is the first time the group has set out its demands in a single formal document ahead of a Spending "
         "Review.", []),
        ("The mayors repeated their requests at a meeting before the Spending Review.", []),
    ],
)  # fmt: skip
def test_where_demands_are_made_is_not_what_is_demanded(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("So here is a modest suggestion. Signatories should publish a short progress statement every year.",
         ["Signatories to publish a short progress statement"]),
        ("The report argues that universities themselves should create a local supplier fund.",
         ["Local supplier fund"]),
        ("In the end, every university must review its civic strategy.", ["Every university to review its civic strategy"]),
    ],
)  # fmt: skip
def test_without_an_agreement_the_writer_asks_universities_themselves(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


def test_under_an_agreement_the_parties_own_duties_are_not_asks(reference) -> None:
    text = (
        "Leeds City Council and the University of Leeds have signed the Leeds Civic Skills Charter. Under the "
        "charter, the universities should publish a joint annual report."
    )
    assert names(text, reference) == []


# -- names that keep how much, with whom, and by when -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The accord calls for a coastal skills fund worth £40 million over four years.",
         ["Coastal skills fund worth £40 million over four years"]),
        ("The partners want a Harbour Renewal Fund of £2.5 billion over ten years, held within the Treasury.",
         ["Harbour Renewal Fund of £2.5 billion over ten years"]),
        ("The charter asks ministers to create a Town Centres Fund of at least £6 million a year, matched by "
         "employers.", ["Town Centres Fund of at least £6 million a year"]),
        # a complement that would swamp the name is cut at a preposition
        ("The letter asks for:\n- recognition of work with parish councils in the assessment of teaching "
         "quality;\n- a rural bus fund.", ["Recognition of work with parish councils", "Rural bus fund"]),
        ("The charter asks the government to require colleges to publish a staffing plan alongside their "
         "budgets.", ["Requirement for colleges to publish a staffing plan alongside their budgets"]),
        ("The partners urged the Executive to publish a costed plan for it within the current term.",
         ["Publication of a costed plan for it within the current term"]),
    ],
)  # fmt: skip
def test_a_name_keeps_its_amount_partner_and_deadline(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The councils called on ministers to give the county a single, multi-year adult learning settlement.",
         ["Single, multi-year adult learning settlement"]),
        ("The mayors want:\n- a single, flexible transport pot for all bus services;\n- a port levy.",
         ["Single, flexible transport pot", "Port levy"]),
        # a list of adjectives, not of things: "a fund, a levy" stays two
        ("The charter asks for a harbour fund, a port levy and a ferry pass.",
         ["Harbour fund", "Port levy", "Ferry pass"]),
    ],
)  # fmt: skip
def test_adjectives_joined_by_a_comma_are_one_name(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- what someone is to be allowed, required or wished to do ------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The partners say that Ofwat should allow river funding to be used for schemes run by anglers.",
         ["Use of river funding for schemes run by anglers"]),
        ("The compact urges ministers to let town councils bid directly into the next round of the Heritage "
         "Fund.", ["Bidding directly into the next round of the Heritage Fund"]),
        ("The report recommends that the government should require every port that receives public grants to publish "
         "its emissions each year.",
         ["Requirement for every port that receives public grants to publish its emissions"]),
        ("The review recommends that the Treasury extend the Coastal Towns Fund to inland market towns.",
         ["Extension of the Coastal Towns Fund"]),
        ("The report suggests that the government is right to wait.", []),
        ("I would like to see the Arts Council accept that report as evidence in funding bids, so that "
         "touring counts.", ["Arts Council to accept that report as evidence in funding bids"]),
    ],
)  # fmt: skip
def test_what_a_body_is_allowed_required_or_wished_to_do(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("The compact calls on the Department for Transport to extend the Valley Line, and on Network Rail to "
         "weight rural stations more heavily in its plans.",
         ["Extension of the Valley Line", "Weighting of rural stations in its plans"]),
        ("The concordat calls on the Welsh Government to:\n1. include colleges as statutory partners on "
         "regional skills boards;\n2. create a Rural Colleges Fund.",
         ["Inclusion of colleges as statutory partners on regional skills boards", "Rural Colleges Fund"]),
        ("The report says funding councils should count work with charities as evidence of impact.",
         ["Counting of work with charities as evidence of impact"]),
        ("They called for a change to planning rules so that student flats count for housing targets.",
         ["Change to planning rules so that student flats count"]),
    ],
)  # fmt: skip
def test_second_addressees_and_acts_named_with_what_they_count_as(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- lists: their lead-ins and their items ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        ("Recommendations\n\nThe government should:\n- give port authorities a formal role in the allocation "
         "of coastal funding;\n- fund a national programme of fishing apprenticeships.",
         ["Formal role in the allocation of coastal funding", "National programme of fishing apprenticeships"]),
        ("The charter calls for:\n- the combined authority to use its transport funding to back the new "
         "stations;\n- the government to confirm funding for a second phase of the tram extension, so that "
         "nurses and porters can reach the hospital without a car before the early shift starts;\n- Sport "
         "England to give the trust a longer-term facilities budget.",
         ["Use of its transport funding", "Second phase of the tram extension", "Longer-term facilities budget"]),
        ("The partners want from national government:\n* the creation of a county apprenticeship service, run "
         "by the council;\n* an end to the cap on bus fares.",
         ["Creation of county apprenticeship service", "End to the cap on bus fares"]),
    ],
)  # fmt: skip
def test_list_lead_ins_and_items_that_name_who_is_asked(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # the parties' own duties, listed before the asks, are not asked of anyone
        ("Under the charter, the partners will:\n- open a joint careers office;\n- publish an annual report.\n\n"
         "The charter also calls on the government to:\n- create a Coastal Colleges Fund.",
         ["Coastal Colleges Fund"]),
        ("Under the compact the partners must:\n- open a shared skills hub;\n- publish a yearly report.", []),
        # an act whose object went before names nothing
        ("They point to the need for a regional transport plan, which they want ministers to publish within "
         "two years.", ["Regional transport plan"]),
        # a clause is no name
        ("We are asking for the freedom to spend what is already there on what our towns need.", []),
        ("Universities themselves should open up their licensing terms to local firms.",
         ["Universities to open up their licensing terms"]),
    ],
)  # fmt: skip
def test_own_duties_objects_gone_before_and_clauses_are_not_asks(reference, text, proposals) -> None:
    assert names(text, reference) == proposals


# -- acts named by the verb itself, a receiver before what it gets, acts asked not to be done ------


_PACT = "Hull City Council and the University of Hull have signed a civic pact. "


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # "release" and "cut" are their own nouns; a cut is "in" what it cuts
        ("The partners are calling on the Executive to release the remaining capital for the new dental school "
         "in the next budget.", ["Release of the remaining capital for the new dental school in the next budget"]),
        ("The partners said the UK Government should cut VAT on solar panels to zero.",
         ["Cut in VAT on solar panels"]),
        # a pooling is named with what the money is pooled for
        ("The pact asks the Department for Education to let colleges pool funding for joint level 3 courses, "
         "something ministers have resisted.", ["Pooling of funding for joint level 3 courses"]),
        # "reclassify X as Y": what it is to become; "pass on to X the Y": what X is to get
        ("We urge the Government to reclassify the tunnel as a national project and to pass on to Humberside "
         "the consequential funding that would follow.", ["National project", "Consequential funding"]),
        # funding for a named body keeps the body in the name
        ("The pact also calls on ministers to confirm long-term funding for the Aura Innovation Centre, which "
         "employs 90 people.", ["Long-term funding for the Aura Innovation Centre"]),
        # asked not to act: no ask
        ("The partners urged ministers not to cut the bus grant.", []),
        ("The partners called on the Treasury not to release the reserve.", []),
        ("The partners urged ministers to cut VAT on heat pumps and not to cut the bus grant.",
         ["Cut in VAT on heat pumps"]),
    ],
)  # fmt: skip
def test_acts_named_by_their_own_verb_and_asks_not_to_act(reference, text, proposals) -> None:
    assert names(_PACT + text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # a reported ask of a named body, in a verb no rule names, is named as the text puts it
        ("The pact calls on ministers to act, and says the Apprenticeship Levy should cover short courses run "
         "by two colleges.", ["The Apprenticeship Levy should cover short courses run by two colleges"]),
        ("The report argues that the Treasury should meet the full cost of free travel for apprentices.",
         ["The Treasury should meet the full cost of free travel for apprentices"]),
        # no reporting verb, a state rather than an act, or a person: none
        ("The mayor said the Apprenticeship Levy should be simpler.", []),
        ("He said Hull should celebrate.", []),
        # a party's own act, or carrying on, is no ask of anyone
        ("The mayor said Hull City Council should cover the cost of the new bus passes.", []),
        ("The mayor said the Apprenticeship Levy should continue to grow.", []),
    ],
)  # fmt: skip
def test_a_reported_should_of_a_named_body_is_named_as_written(reference, text, proposals) -> None:
    assert names(_PACT + text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # "at least" counts, it does not place: the name runs on past it
        ("The partners set out what they are asking for:\n• a ten-year Humber innovation deal\n• the relocation "
         "of at least one national arts body's offices to the Old Town",
         ["Ten-year Humber innovation deal", "Relocation of at least one national arts body's offices"]),
        # a formula keeps what it shares out; ", based on ... and ..." is a clause, not a list
        ("The partners set out what they are asking for:\n• a ten-year Humber innovation deal\n• a fair formula "
         "for allocating Arts Council England capital funding, based on population and need rather than past "
         "success",
         ["Ten-year Humber innovation deal", "Fair formula for allocating Arts Council England capital funding"]),
    ],
)  # fmt: skip
def test_names_run_past_quantities_and_stop_before_participle_clauses(reference, text, proposals) -> None:
    assert names(_PACT + "\n\n" + text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # a dash opens an aside; what follows is no name
        ('Professor Lee said: "We want to make sure that young people can build careers in the industries our '
         'research is creating – in offshore wind, in ports, in health."', []),
        # shared priorities are the parties' own work, not asks
        ("The pact sets out four shared priorities, including a joint programme to reopen empty shops on "
         "Whitefriargate.", []),
        ("The pact's priorities include a regional skills fund.", ["Regional skills fund"]),
        # a "fair share" in quotation marks is a slogan, not a thing asked for
        ('Ten council leaders have written to ministers demanding a "fair share" of rail investment.', []),
        ("Ten council leaders have written to ministers demanding a “fair share” of rail investment.", []),
    ],
)  # fmt: skip
def test_asides_and_shared_priorities_are_not_asks(reference, text, proposals) -> None:
    assert names(_PACT + text, reference) == proposals


@pytest.mark.parametrize(
    ("text", "proposals"),
    [
        # "want to see X funded in Y": the thing in the state it is to be put in
        ("The signatories also want to see two new stations on the Hull to Selby line funded in the next "
         "spending review, and more besides.",
         ["Two new stations on the Hull to Selby line funded in the next spending review"]),
        ("The partners would like to see the Beverley bypass built by 2030.", ["Beverley bypass built by 2030"]),
        # "..., and a commitment to VERB": a further act wanted
        ("The partners want to see the Beverley bypass built by 2030, and a firm commitment to electrify the "
         "line east of Selby to Hull.", ["Beverley bypass built by 2030", "Electrification of the line east of Selby"]),
        ("The partners call on ministers to electrify the Hull line.", ["Electrification of the Hull line"]),
        # a vague object stays no ask
        ("The partners want to see more homes built in the city.", []),
    ],
)  # fmt: skip
def test_a_thing_wanted_in_the_state_it_is_to_be_put_in(reference, text, proposals) -> None:
    assert names(_PACT + text, reference) == proposals
