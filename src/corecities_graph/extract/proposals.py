"""Proposals: what a declaration asks for, named in title case or as a lower-case phrase.

The rules here find where an ask is made (a call for, a list led in by an ask, an ask addressed to
someone) and what is not one (an aside, an ask dropped or made by outsiders). What an addressee is
asked to do is read in asks.py; where a name starts and stops, in proposal_names.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .asks import asked_acts, named_objects
from .facts import OrgMention, Proposal
from .proposal_names import (
    ACT_NAMES,
    ACT_VERBS,
    LOWER_HEADS,
    PROPOSAL_HEADS,
    RELATIONAL,
    THING,
    VAGUE,
    clause_end,
    complement,
    further,
    normalise,
    trimmed,
)
from .text import Paragraph, Segmented, Sentence, capitalise

_CUE = re.compile(
    r"\b(?:propos\w*|call(?:s|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+(?:(?:the\s+)?\w+\s+)?for|urg\w+|recommend\w*|"
    r"should\s+be\s+(?:introduced|set\s+up|created|established|launched)|to\s+be\s+set\s+up|"
    r"need(?:s|ed)?|want(?:s|ed)?|introduction\s+of|establish\w*|seek\w*)\b",
    re.IGNORECASE,
)
_CAP = r"(?:UK|[A-Z][\w’'-]*)"
_TITLED = re.compile(
    rf"(?P<np>{_CAP}(?:\s+(?:and\s+|of\s+|for\s+|&\s+)?{_CAP})*?\s+(?:{'|'.join(PROPOSAL_HEADS)})\b)"
    r"(?P<acr>\s*\([A-Z][A-Za-z]{1,9}\))?"
)
_LOWER = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+for|need(?:s|ed)?|want(?:s|ed)?|propos\w+)\s+"
    r"(?P<np>(?:greater|more|better|increased|stronger|further|fairer|new|longer-term)\s+"
    r"(?:[a-z][^.;:]*?\s+over\s+how\s+[^.;:]+?\s+(?:are|is)\s+delivered|[a-z][^.;:]*?))"
    r"(?=,\s+(?:the|a|an)\s|,?\s+and\s+(?:a|an|the)\s|[.;:]|\s+to\s+(?!the\b)[a-z]+\b|\s+[–—-]\s"
    r"|\s+(?:is|are|was|were|will|would)\b|$)"
)
# "calling for a new regional skills fund", "wants a civic university fund to be created"
_LOWER_NAMED = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:on\s+(?:the\s+)?\w+\s+)?for|ask(?:s|ed|ing)?\s+(?:(?:the\s+)?\w+\s+)?for"
    r"|need(?:s|ed)?|want(?:s|ed)?|propos\w+|urg\w+|recommend\w*|seek\w*|back(?:s|ed|ing)?)\s+(?:(?:an?|the)\s+)?(?:(?:new|brand-new|dedicated)\s+)?"
    # ("recommendations include a hub": the cue is a noun, and its verb no part of the name)
    rf"(?P<np>(?!(?:to|that|see|for|include|includes|included|is|are|was|were)\b)(?:[a-z][\w-]*\s+|[A-Z][\w’'-]*\s+(?:of\s+)?){{0,5}}?(?:{LOWER_HEADS}))\b"
    r"(?!\s+(?:of|for)\b)"
)
# "the introduction of a cities trade package and a new urban trade strategy", "bringing in a visitor levy"
_MAKING = re.compile(
    r"\b(?:introduction|creation|establishment|setting[\s-]up|launch|formation)\s+of\s+|\bsetting\s+up\s+"
    r"|\bbring(?:s|ing)?\s+in\s+(?:of\s+)?|\bintroduc(?:e|ing)\s+|\bcreat(?:e|ing)\s+|\bestablish(?:ing)?\s+|\bset\s+up\s+"
    r"|\bput\s+in\s+place\s+|\bconfirm(?:s|ed|ing)?\s+(?=the\s+(?:extension|expansion|renewal)\b)",
    re.IGNORECASE,
)
# "greater flexibility over how ...", "control of the region's budgets", "full devolution of ...":
# what is asked for is a power, named by the power itself
_POWER = re.compile(
    r"\b(?:(?:greater|more|full|increased|stronger|new|local)\s+)+(?:local\s+)?(?:flexibility|control|powers?|freedoms?"
    r"|autonomy|say|influence|devolution)\b"
    r"|\b(?:full\s+)?(?:devolution|control)\s+(?:of|over)\s+(?!the\s+(?:government|city|council)\b)",
    re.IGNORECASE,
)
# "asks the partners to ...", "urges residents to ...": the parties' own duties and the public's, no ask
_PARTIES_OR_PUBLIC = (
    r"signator(?:y|ies)|partners?|members?|residents|people|businesses|employers|students|staff|public|volunteers"
    r"|parents|schools|councillors"
)
_ASKS_PARTIES = re.compile(
    r"\b(?:ask|urg|call\w*\s+on|invit|encourag|requir|commit)\w*\s+(?:(?:the|its|their|all|each|every)\s+)?"
    rf"(?:[\w-]+\s+)?(?:{_PARTIES_OR_PUBLIC})\s+to\s+$",
    re.IGNORECASE,
)
# "asks the government to", "calls on ministers to", "urges the Treasury to", "would like government to":
# an ask addressed to someone, whose verb (below) says what is asked for
_ADDRESSED = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)"
    r"|want(?:s|ed)?|would\s+like|invit(?:e|es|ed|ing)|challeng(?:e|es|ed|ing)|encourag(?:e|es|ed|ing))\s+"
    r"(?!(?:for|to|them|it|him|her|us|each|every|all|any|anyone|its|their|our)\b)"
    rf"(?!(?:the\s+)?(?:{_PARTIES_OR_PUBLIC})\b)(?:(?:[\w’'-]+\s+){{1,5}}?"
    # "the Department for Science, Innovation and Technology", "the Department of Health and Social Care":
    # a body's long title, its words capitalised
    r"|(?:the\s+)?(?-i:[A-Z][\w’'-]*)(?:,?\s+(?:(?:of|for|and|the|&)\s+){0,2}(?-i:[A-Z][\w’'-]*)){1,8},?\s+"
    # "Homes England, the national housing agency, to": a body described between commas
    r"|(?:the\s+)?(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,4},\s+(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,6}?"
    r"[\w’'-]+,\s+)to\s+"
    # "ministers are being asked to approve ...": the addressee is the subject
    r"|\b(?:asked|urged|called\s+on|pressed|lobbied)\s+to\s+"
    # "Lancashire's bid to be given a devolution deal", "the case to extend the Freeport"
    r"|\b(?:bids?|push|campaign|case|calls?|requests?)\s+to\s+(?=be\s+(?:given|granted|handed)|extend|include|devolve)",
    re.IGNORECASE,
)
_ADDRESSED_AGAIN = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)"
    r"|challeng(?:e|es|ed|ing)|encourag(?:e|es|ed|ing))\s+(?:them|it)\s+(?:also\s+)?to\s+",
    re.IGNORECASE,
)
_ADDRESSED_WORDS = (
    "ask", "call", "urg", "press", "lobb", "want", "like", "invit", "challeng", "encourag", "bid", "push", "campaign",
    "case", "request",
)  # fmt: skip
# "... to be given", "... to give York": what precedes is who receives or acts ("a fund to develop
# programmes" is a purpose, and the fund stays)
_AGENT_TO = re.compile(
    r"\s+to\s+(?:be\s+(?:given|granted|handed|allowed|able|made)|give|hand|grant|let|allow|designate|treat|include"
    # "called for the council leader to resign": a person asked to act, no thing
    r"|resign|step\s+down|stand\s+down|apologi[sz]e|quit|intervene|act|think|rethink|reconsider|explain|listen"
    r"|respond|meet|come|go|have)\b"
)
_THEN_TO = re.compile(r"\s+to\s+")
# "for skills funding to be devolved": a thing asked for in the state it is to be put in
_TO_BE_DONE = re.compile(
    r"\s+to\s+be\s+(devolved|extended|expanded|pooled|retained|ring-fenced|protected|doubled|renewed|transferred)\b"
    # "to be devolved to member cities on multi-year settlements": the terms it is to be held on
    r"(?:(?:\s+to\s+[\w\s’'-]{1,40}?)?\s+(?:on|over|through)\s+(?P<terms>(?:multi|long|\w+)-(?:year|term)\s+[a-z][\w-]*))?"
)
# ", and for a guarantee ...": a further ask after a call for something
_AND_FOR = re.compile(
    r",\s*(?:(?:and|or)\s+)?(?:also\s+)?for\s+|\s+(?:and|or)\s+(?:also\s+)?for\s+", re.IGNORECASE
)
# "hopes government will fund a new institute", "recommends that the government create a fund",
# "asks that ministers should extend ...": an act asked of someone, in a clause of its own
_ASKS_THAT = re.compile(
    r"\b(?:(?:hop(?:e|es|ed|ing))\s+(?:that\s+)?(?!(?:it|they|we|to)\b)(?:[\w’'-]+\s+){1,5}?will"
    r"|(?:ask(?:s|ed|ing)?|recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|insist(?:s|ed|ing)?"
    r"|demand(?:s|ed|ing)?|suggest(?:s|ed|ing)?)\s+that\s+"
    # "a demand that is likely to be raised": a relative clause about the noun, no one asked
    r"(?!(?:it|they|we|is|was|are|were|has|had|have|would|could|may|might|can)\b)(?:[\w’'-]+\s+){1,5}?"
    r"(?:should|must|will)?)\s+",
    re.IGNORECASE,
)
# "recommends that the Treasury extend the fund": the act asked, in the bare form of the verb
_ASKS_THAT_BARE = re.compile(
    r"\b(?:recommend|propos|urg|ask|insist|demand|suggest)\w*\s+that\s+(?:the\s+)?"
    r"(?:(?:UK\s+|Welsh\s+|Scottish\s+)?(?:government|ministers|treasury)"
    r"|(?-i:[A-Z][\w’'-]*)(?:,?\s+(?:for\s+|of\s+|and\s+)?(?-i:[A-Z][\w’'-]*)){0,5})\s+(?=[a-z])",
    re.IGNORECASE,
)
# "and to devolve ...", "or to extend ...": a further act asked of the same addressee
_AND_TO = re.compile(
    rf"(?:,\s*|\s+)(?:and|or)\s+(?:also\s+)?(?:to\s+|(?=(?:{ACT_VERBS})\s+(?:the|a|an|its|their)\b)"
    # "calls on the department to ..., and on Research England to ...": a second addressee
    r"|on\s+(?:the\s+)?(?-i:[A-Z][\w’'-]*)(?:\s+(?:of\s+|for\s+|and\s+)?(?-i:[A-Z][\w’'-]*)){0,6}\s+to\s+)",
    re.IGNORECASE,
)
# "is seeking a ten-year settlement", "recommends a single skills budget", "wants to see a new hub set
# up", "Recommendations include a data hub", "makes a call for a visitor levy": the object asked for
_SEEKS = re.compile(
    r"\b(?:seek(?:s|ing)?|sought|recommend(?:s|ed|ing)?|propos(?:e|es|ed|ing)|demand(?:s|ed|ing)?|want(?:s|ed)?"
    r"|urg(?:e|es|ed|ing)|favou?r(?:s|ed|ing)?|(?:wants?|wanted|like|likes|hopes?|hoping)\s+to\s+see"
    # "they say they need a long-term settlement": what the parties need from someone
    r"|(?:we|they|cities|regions|councils|mayors|partners|universities|signatories)\s+(?:also\s+)?(?:need|needed)(?=\s+(?:an?|new)\s)"
    r"|request(?:s|ed|ing)?|(?:recommendations?|proposals?|asks?|demands?|requests?|priorit(?:y|ies))"
    r"(?:\s+(?:of|for|to)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)??(?:\s*,\s*which)?"
    r"(?:\s+(?:include|includes|included|is|are|was|were)|,?\s+including)(?:\s+(?:simple|clear|straightforward))?(?:\s*:)?"
    r"|(?:asks|demands|requests|recommendations|proposals|priorities)\s*:"
    r"|(?:make|makes|made|making|issue[sd]?|renew(?:s|ed)?|repeat(?:s|ed)?|lead(?:s|ing)?|led|back(?:s|ed|ing)?"
    r"|support(?:s|ed|ing)?|echo(?:es|ed|ing)?|join(?:s|ed|ing)?)\s+(?:a|the|its|their)\s+(?:[\w-]+\s+)?calls?"
    r"\s+(?:(?:from|by)\s+[^.;]{1,60}?\s+)?for)\s+"
    r"(?!(?:to|that|it|them|this|these|those|him|her|us|our|their|its|his|whether|how|what|why|is|are|was|were"
    r"|will|would|could|should|has|have|had|also|already|for"
    # "Its demands include a settlement": the noun before the verb that lists them, read as such
    r"|include|includes|included)\b)",
    re.IGNORECASE,
)
# "says the", "said that the": a reported ask, its body named right after the reporting verb
_SAYS_BODY = re.compile(r"\b(?:says|said|argues|argued)\s+(?:that\s+)?$")
_BARE_ACT = re.compile(
    r"(?!(?:be|have|not|now|also|do|make|get|go|see|take|continue|remain|keep|work|help|try|feel|look)\b)"
    r"[a-z]{3,}\s+(?:the\s+|a\s+|an\s+)?[a-z]"
)
_FUNDING_FOR = re.compile(r"(?:[\w-]+\s+){0,2}funding\s+for\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_AND_COMMITMENT = re.compile(
    r",?\s+and\s+(?:also\s+)?(?:a|an)\s+(?:(?:firm|clear|formal|new)\s+)?(?:commitment|pledge|promise)\s+to\s+"
)
_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_SEEN_DONE = re.compile(
    r"(?!(?:it|this|that|them|more|how|what|whether)\b)(?:[\w’'-]+\s+){1,10}?"
    r"(?:funded|built|delivered|reopened|completed|electrified|upgraded|devolved|extended)\s+"
    r"(?=(?:in|by|within|through|before|from)\s)"
)
_SHARED = re.compile(r"\b(?:shared|joint|common|own)\s+$", re.IGNORECASE)
_SEEKS_GATE = re.compile(
    r"seek|sought|recommend|propos|demand|want|urg|favo|to see|request|ask|priorit|call|need"
)
# "what the partners want from the government in return: a settlement, devolved funding and a fund":
# the things wanted, listed after the colon
_WANTS_LIST = re.compile(
    r"\b(?:want(?:s|ed)?|ask(?:s|ed)?|seek(?:s|ing)?|need(?:s|ed)?)\s+(?:from|of)\s+(?:the\s+)?(?:UK\s+|Welsh\s+"
    r"|Scottish\s+)?(?:government|ministers|treasury|whitehall)(?:\s+in\s+return)?\s*:\s*",
    re.IGNORECASE,
)
_LIST_COMMA = re.compile(r",\s*(?:and\s+|or\s+)?")
_DEVOLVED = re.compile(r"(?:devolved|ring-fenced|multi-year|long-term)\s+[a-z][\w-]*\s+[a-z]")
# "the government should ...", "the Welsh Government must ...": an act asked of government
_SHOULD = re.compile(
    r"\b(?:(?:the\s+)?(?:UK\s+)?(?:government|ministers|treasury|chancellor|whitehall|holyrood|westminster)"
    r"|(?:combined|mayoral|local|strategic)\s+authorities|mayors|councils|city\s+regions"
    r"|(?:the\s+)?(?-i:[A-Z][\w’'-]*(?:\s+(?:for\s+|of\s+|and\s+)?[A-Z][\w’'-]*){1,5})"
    # "and that Medr should allow ...": a body of one word, after "that"
    r"|(?<=\bthat\s)(?!(?:This|That|It|We|They|He|She|There|These|Those|Our|Their|Its)\b)(?-i:[A-Z][a-z][\w’'-]*))"
    r"\s+(?:should|must|ought\s+to|needs?\s+to)\s+(?:(?:now|also|urgently|instead)\s+)?",
    re.IGNORECASE,
)
# "signatories should publish a progress statement": where no agreement is made, what the writer
# says the universities or the parties to such agreements should do is asked of them
_SHOULD_ANYONE = re.compile(
    r"\b(?:(?:every|each|all)\s+(?:new\s+)?)?(?:universit(?:y|ies)|institutions|signator(?:y|ies)|agreements?"
    r"|partnerships|colleges)(?:\s+themselves)?\s+(?:should|must|ought\s+to)\s+(?:(?:now|also)\s+)?",
    re.IGNORECASE,
)
# "to see the Office for Students accept ...": a body, then what it is to do
_SEEN_ACTING = re.compile(
    r"(?:the\s+)?(?P<who>(?-i:[A-Z][\w’'-]*)(?:\s+(?:for\s+|of\s+|and\s+)?(?-i:[A-Z][\w’'-]*)){0,5})"
    r"\s+(?!(?:and|or|of|for|to|as|in|on|at|by|with|is|are|was|were|be|being|have|has|do|does)\b)[a-z]+\s+"
    r"(?=(?:the|a|an|that|this|their|its|every|all|more)\s)"
)
# "publish the share of their spending", "open up their licensing terms": an act with an object
_OWN_ACT = re.compile(
    r"(?!(?:be|have|do|make|work|continue|say|see|get|take|look|think|also|not|now)\b)[a-z]+"
    r"(?:\s+(?:up|out|down|back))?\s+(?=(?:the|a|an|their|its|every|all|each|more)\s)"
)
_SHOULD_WORDS = re.compile(r"\s+themselves\b|\s+(?:should|must|ought\s+to)\b.*$", re.IGNORECASE)
# "argues that councils should be given a formal role": what someone should do, argued for
_ARGUES = re.compile(
    r"\bargu(?:e|es|ed|ing)\s+that\s+(?!(?:it|they|we|he|she|this)\b)(?:[\w’'-]+\s+){1,7}?"
    r"(?:should|must|ought\s+to|needs?\s+to)\s+(?:(?:now|also|urgently|instead)\s+)?",
    re.IGNORECASE,
)
# "demanded that devolution is delivered on the same timetable": what is to be done, as a clause
_THAT_DONE = re.compile(
    r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|propos(?:e|es|ed|ing)"
    r"|recommend(?:s|ed|ing)?|call(?:s|ed|ing)?\s+for"
    # "A requirement that local growth plans are drawn up with universities": the rule asked for
    r"|(?:an?|the)\s+(?:(?:new|legal|statutory|formal)\s+)?(?:requirement|guarantee|commitment|rule|duty|expectation"
    r"|presumption|pledge|assurance))\s+that\s+"
    r"(?!(?:is|was|are|were|has|had|have|would|could|may|might|can)\b)(?P<np>(?:[\w’'-]+\s+){1,6}?)"
    r"(?:is|are|be|should\s+be|must\s+be|will\s+be)\s+"
    r"(?P<done>[a-z]+ed|given|made|run|set\s+up|drawn\s+up|kept|spent|paid|held|built)\b",
    re.IGNORECASE,
)
_MAKING_GATE = re.compile(
    r"introduc|creat|establish|setting|set up|launch|formation|bring|put in place|confirm"
)
_POWER_GATE = re.compile(r"flexibilit|control|power|freedom|autonomy|say|influence|devolution")
# "press for a regional skills passport", "asked the chancellor for ten-year settlements": the ask itself
_ASK_FOR = re.compile(
    r"\b(?:call(?:s|ed|ing)?|(?:ask(?:s|ed|ing)?|press(?:es|ed|ing)?|lobby(?:ing)?|lobbied|petition(?:s|ed|ing)?)"
    r"(?:\s+(?!for\b)(?:the\s+)?[\w-]+){0,2}?|push(?:es|ed|ing)?|argu(?:e|es|ed|ing)"
    # "the proposal is for a single skills fund"
    r"|(?:proposals?|asks?|calls?|demands?|requests?|recommendations?)\s+(?:is|are|was|were)"
    r"|(?:make|makes|made|making|put|puts|putting)\s+(?:the|a|its|their)\s+(?:strong\s+|clear\s+)?case"
    # "highlights the need for a careers service", "there is an urgent need for a fund"
    r"|(?:highlight|stress|underlin|emphasi[sz]|point\w*\s+to|set\w*\s+out|spell\w*\s+out|flag|identif|recogni[sz]"
    r"|argu|warn\w*\s+of)\w*\s+(?:(?:also|again)\s+)?the\s+(?:(?:urgent|clear|pressing|real|growing)\s+)?need"
    r"|\bthere\s+(?:is|was)\s+(?:an?\s+)?(?:(?:urgent|clear|pressing|real|growing)\s+)?need"
    r"|^\W*the\s+need)\s+for\s+",
    re.IGNORECASE,
)
# "a call for evidence", "asked residents for their views", "calling for volunteers": an invitation
_NOT_ASKED = re.compile(
    r"(?:(?:their|your|its|our)\s+)?(?:evidence|papers|proposals|bids|projects|applications|expressions\s+of\s+interest"
    r"|views|nominations|volunteers|submissions|ideas|comments|feedback|participants|entries)\b",
    re.IGNORECASE,
)
_PROPOSING = re.compile(
    r"\b(?:call\w*|want\w*|back\w*|support\w*|propos\w*|urg\w*|argu\w*|recommend\w*|need\w*|seek\w*|press\w*"
    r"|push\w*|demand\w*|ask\w*|lobb\w*|include|includes|should|must|would)\b",
    re.IGNORECASE,
)
# One search for any of the words the rules below start from: most sentences hold none
_ANY_CUE = re.compile(
    r"\b(?:call|want|back|support|propos|urg|argu|recommend|need|seek|press|push|demand|ask|lobb|include|should"
    r"|must|would|establish|introduc|to\s+be\s+set|bid|favo|request|insist|like|hop|ought|case)",
    re.IGNORECASE,
)
# The words of _ANY_CUE as plain text: a quicker first look at every sentence
_CUE_WORDS = (
    "call", "want", "back", "support", "propos", "urg", "argu", "recommend", "need", "seek", "press", "push",
    "demand", "ask", "lobb", "include", "should", "must", "would", "establish", "introduc", "to be set", "bid",
    "favo", "request", "insist", "like", "hop", "ought", "case",
)  # fmt: skip


def _by_first_letter(words: Iterable[str]) -> str:
    """'call|case|want' as 'c(?:all|ase)|w(?:ant)': the engine tries each first letter once, not each word."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items())


_CUE_WORD = re.compile(_by_first_letter(_CUE_WORDS))
# "Whether they will call for more funding remains to be seen": an aside proposes nothing
_ASIDE = re.compile(
    r"\b(?:whether|remains\s+to\s+be\s+seen|not\s+(?:yet\s+)?(?:clear|known)|unclear|if\s+[\w\s]{1,30}?\bwill"
    # "We could have asked for hundreds of millions": an ask not made
    r"|(?:could|would|might)(?:\s+not)?\s+have\s+(?:\w+\s+)?(?:asked|called|pressed|sought|demanded|lobbied|proposed))\b",
    re.IGNORECASE,
)
# "the need for a skills academy", "the urgent need for a new fund": a thing said to be needed
_NEED_FOR = re.compile(
    r"\bthe\s+(?:(?:urgent|clear|pressing|real|growing|obvious)\s+)?need\s+for\s+", re.IGNORECASE
)
# "reduce the need for", "removes the need for": a need done away with asks for nothing
_REMOVES = re.compile(
    r"\b(?:reduc|remov|avoid|eliminat|obviat|lessen|cut(?:s|ting)?\b|end(?:s|ed|ing)?\b|question|doubt|deni|deny"
    r"|dismiss|reject)\w*\s+(?:(?:any|all|much|some)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
# "Asked whether ...", "Asked about ...": a participle opening the sentence puts a question to its
# subject, and its "ask" is no ask
_QUESTION_PUT = re.compile(r"\W*asked\s+(?=(?:whether|if|about|how|why|what|when|who)\b)", re.IGNORECASE)
# "An earlier proposal to create a joint office was dropped": an ask given up is no longer made
_DROPPED = re.compile(
    r"\b(?:proposals?|ideas?|plans?|suggestions?|calls?|asks?|bids?)\b[^.;]*?\b(?:was|were|has\s+been|have\s+been"
    r"|had\s+been)\s+(?:\w+\s+)?(?:dropped|rejected|abandoned|shelved|withdrawn|scrapped|left\s+out|turned\s+down"
    r"|ruled\s+out|considered\s+but)\b",
    re.IGNORECASE,
)
# "Labour's spokesman called for ...", "critics want ...": an ask from outside the parties is not theirs
_OUTSIDER = re.compile(
    r"\b(?:(?i:opposition|shadow|critics?|campaigners?)|(?:Labour|Conservative|Tory|Liberal\s+Democrat|Lib\s+Dem|Green"
    r"|Reform\s+UK|SNP|Plaid)(?:'s|’s)?\s+(?:spokes\w+|group|leader|MPs?|MSPs?|MSs?|candidate|councillors?))\b"
    # "The minister recommended ...", "Ministers want ...": what government wants is no ask made of it
    r"|^\W*(?i:the\s+)?(?:(?:UK|Welsh|Scottish|[\w-]+['’]s)\s+)?(?i:minister|ministers|secretary\s+of\s+state|chancellor"
    r"|government)\s+(?:(?:has|have|had|also|now|is|are)\s+)?(?i:want|wants|wanted|recommend\w*|propos\w*|call\w*|urg\w*"
    r"|back\w*|support\w*|seek\w*|sought|favou?r\w*|hope\w*|plan\w*)\b"
)
# "The proposals include:", "The alliance is calling for:", "makes three asks of government:": the
# items follow, one a line. (What the parties commit themselves to do is not asked of anyone.)
_LIST_LEAD = re.compile(
    r"\b(?:propos\w*|call(?:s|ed|ing)?\s+(?:for|on)|asks?|asking|recommend\w*|want\w*|urg\w*|demand\w*|measures|priorities"
    r"|needs?\s+from|request\w*|should|must)\b[^.!?]*:\s*$",
    re.IGNORECASE,
)
# "the government to confirm funding", "NHS England to give the trust a budget": an item that names
# who is asked before what they are asked to do
_AGENT_ITEM = re.compile(
    r"(?!an?\s)(?:the\s+)?(?:(?-i:[A-Z][\w’'-]*)(?:\s+(?:and\s+|of\s+|for\s+)?(?-i:[A-Z][\w’'-]*)){0,6}"
    r"|(?:UK\s+|Welsh\s+|Scottish\s+)?government|ministers|treasury|councils|mayors|universities"
    r"|(?:combined|local|mayoral\s+combined|combined\s+county)\s+authorit(?:y|ies)|council|mayor|regulator)\s+to\s+(?=[a-z])",
    re.IGNORECASE,
)
# "joint bids to the Welsh Government for a zone", "a case to ministers for a fund": an item that is
# itself an ask, addressed or not, names what it asks for after "for"
_BID_NOUN = (
    r"(?:(?:an?|the|joint|shared|common|combined|formal|strong)\s+)*(?:bids?|applications?|requests?|calls?|case"
    r"|pleas?|representations?|submissions?)"
)
_BID = re.compile(rf"{_BID_NOUN}\b(?!\s+(?:for|of)\b)", re.IGNORECASE)
_BID_FOR = re.compile(
    rf"{_BID_NOUN}\s+(?:to\s+(?:[\w’'-]+\s+){{1,6}}?)?"
    r"for\s+(?=(?:an?|the|new)\s)",
    re.IGNORECASE,
)
_MAKING_ITEM = re.compile(
    r"(?:the\s+)?(creation|establishment|introduction|setting\s+up)\s+of\s+(?:an?\s+|the\s+)?(?=[a-z])", re.I
)
# "Under the charter the partners must:": the parties' own duties follow, no asks
_OWN_SHOULD = re.compile(
    r"\b(?:we|partners|signator(?:y|ies)|parties|members|the\s+(?:two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+[\w-]+)\s+(?:(?:also|each|all)\s+)?(?:should|must)\s*:\s*$",
    re.IGNORECASE,
)
# "We recommend five things.", "It sets out the following steps.": a lead-in that counts its items
_COUNTED_LEAD = re.compile(
    r"\b(?:recommend\w*|propos\w*|ask\w*|call(?:s|ed|ing)?\s+for|want\w*|urg\w*|suggest\w*)\b[^.!?]*?\b"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+)?(?:things|steps|changes|measures"
    r"|asks|recommendations|proposals|priorities|actions|reforms|ideas)|the\s+following)\b[^.!?]*[.:]\s*$",
    re.IGNORECASE,
)
# "The proposals include: • a fund • devolved budgets": the items on the lead-in's own line
_INLINE = re.compile(r":\s*(?=[•·▪●‣]|[-–—]\s)")
_INLINE_ITEM = re.compile(r"(?:(?<=:)|(?<=[;,])|(?<=\s))\s*(?:[•·▪●‣]|[-–—](?=\s))\s*")
_ITEM_END = set(".;:!?,)\"'’”")
# "1. ", "(a) ", "ii) ": the number of a list's item is not its name
_ITEM_NUMBER = re.compile(r"(?:\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}[.)])\s+", re.IGNORECASE)
# "create a shared skills passport", "opening community research hubs": the thing made, not the making
_MAKE_VERB = re.compile(
    r"(?:to\s+)?(?:create|creating|open|opening|set\s+up|setting\s+up|establish|establishing|launch|launching"
    r"|develop|developing|deliver|delivering|publish|publishing|introduce|introducing|provide|providing"
    r"|offer|offering|build|building|expand|expanding|pilot|piloting|run|running|fund|funding|appoint|appointing"
    r"|produce|producing|agree|agreeing|secure|securing)\s+",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"^\s*(?:(?:to\s+be\s+set\s+up\s+)?(?P<p>(?:to|that\s+would)\s+[^,.;]+))")
_SKIP_WORDS = {"The", "A", "An", "In", "They", "Their", "Our", "We", "It", "Writing", "Local"}
_CLAUSE = re.compile(r"\b(?:not|to|that|will|would|should|must)\b")
# "proposes a Net Zero Research Alliance", "calls for a new Northern Skills Network": not yet there
_PROPOSED_ORG = re.compile(
    r"\b(?:propos(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+for|creation\s+of|setting\s+up|establish(?:ing|ment\s+of)?"
    r"|want(?:s|ed)?|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|back(?:s|ed|ing)?|seek(?:s|ing)?|sought"
    r"|demand(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|(?:like|likes|hope|hopes|hoping|wants?|wanted)\s+to\s+see"
    r"|(?<!\breduce\s)(?<!\bremove\s)(?<!\bavoid\s)the\s+need\s+for"
    r"|(?:should|must)\s+(?:create|establish|set\s+up|introduce|launch|fund)"
    r"|hop(?:e|es|ed|ing)\s+(?:that\s+)?(?:[\w’'-]+\s+){1,5}?will\s+(?:fund|back|create|establish|set\s+up)"
    r"|(?:ask\w*|urg\w*|call\w*\s+(?:on|for))\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?to\s+(?:back|fund|finance|create|establish|set\s+up))"
    r"\s+an?\s+(?:(?:new|brand-new|dedicated)\s+)?(?:[£$€]\d[\d.,]*\s*(?:bn|m|k|million|billion)?\s+)?$",
    re.IGNORECASE,
)

# "for a ten-year settlement to give them certainty": after a thing (not a body), "to give" says what
# the thing is for, and the thing is asked for
_ACTIVE_TO = re.compile(r"\s+to\s+(?!be\b)")

# "wants a new", "is calling for a new", "urged ministers to back a new": an ask verb, then a thing
# that "new" marks as not yet there
_ASKED_NEW = re.compile(
    r"\b(?:(?:call(?:s|ed|ing)?|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|push(?:es|ed|ing)?|argu(?:e|es|ed|ing))\s+for"
    r"|want(?:s|ed)?|seek(?:s|ing)?|sought|propos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?"
    r"|back(?:s|ed|ing)?|demand(?:s|ed|ing)?)\s+an?\s+new\s+(?=[a-z])",
    re.IGNORECASE,
)

_LOWER_PHRASE = re.compile(r"[a-z][\w-]*(?:\s+[a-z][\w-]*){1,5}")
# "a new chief executive", "a new skills minister": a person or a post, which is no thing asked for
_PERSON_END = re.compile(
    r"\b(?:executive|chair|chairman|chairwoman|chairperson|leader|director|minister|officer|commissioner|mayor"
    r"|head|chief|secretary|manager|president|principal|chancellor|vice-chancellor|dean|provost|councillor|member"
    r"|partner|tsar|czar|champion|envoy|adviser|advisor|lead|owner|employer|person|people|staff)s?$"
)

# "a" or "an" between spaces, which every proposed body's lead-in ends with: a cheap first test of the
# lowered text before a name (the letters a and n lower as IGNORECASE reads them)
_A_OR_AN = re.compile(r"\san?\s")


def proposed_organisations(seg: Segmented, orgs: list[OrgMention]) -> list[OrgMention]:
    """Organisations named only as something to be set up: a proposal, not a body that exists."""
    proposed = []
    for org in orgs:
        sentence = seg.sentence_at(org.evidence.span.start)
        before = seg.text[max(sentence.start, org.evidence.span.start - 80) : org.evidence.span.start]
        if (
            _A_OR_AN.search(before.lower())
            and _PROPOSED_ORG.search(before)
            and not _ASIDE.search(sentence.text)
        ):
            proposed.append(org)
    names = {o.name for o in proposed}
    # named as it exists elsewhere in the text ("the Alliance met"): an organisation after all
    return [o for o in proposed if sum(1 for other in orgs if other.name == o.name) == 1 and o.name in names]


def find_proposals(
    seg: Segmented, orgs: list[OrgMention], proposed: list[OrgMention] | None = None, agreement: bool = True
) -> list[Proposal]:
    """Named proposals in sentences that propose, call for, or ask for something.

    `agreement`: whether the text is about an agreement; without one, what the writer says
    universities or the parties to such agreements should do is a proposal too.
    """
    text = seg.text
    found: list[Proposal] = []
    org_spans = [(o.evidence.span.start, o.evidence.span.end) for o in orgs]
    cut_at: int | None = None  # where the sentence being read stops, if it has no full stop

    def add(
        start: int, end: int, purpose: str | None = None, keep: bool = False, name: str | None = None
    ) -> None:
        """The proposal named by text[start:end] (trimmed to its name), or by a name made from it."""
        if not keep:
            start, end = trimmed(text, start, end)
        # "Inclusion of Sunderland College in ...", "a seat for X on the Skills Board": a body inside
        # the thing asked for, which is not the body itself
        made = name is not None
        # "a formal role in allocating Higher Education Innovation Funding": named by what it is over
        first_words = [w.lower() for w in text[start:end].split(" ", 3)[:3]]
        relational = made or any(w in RELATIONAL for w in first_words) or first_words[0] in ACT_NAMES
        # "long-term funding for the Maritime Centre": funding for a body names the body inside it
        relational = relational or (
            "funding" in first_words and _FUNDING_FOR.match(text, start, end) is not None
        )
        name = name or text[start:end]
        if cut_at is not None and end >= cut_at:
            return  # "... and a new careers guaran": the page stopped inside this name
        serves = _ACTIVE_TO.match(text, end) and THING.search(text[start:end].rsplit(" ", 1)[-1])
        if not made and _AGENT_TO.match(text, end) and not serves:
            return  # "for combined authorities to be given a duty": who is to act, not what is asked
        if (
            not 2 <= len(name.split()) <= (20 if made else 16)
            or (name[:1].isdigit() and not _PER_CENT_OF.match(name))
            or VAGUE.match(name)
            # "research is creating – in life sciences": a dash opens an aside, not a name
            or name[:1] in "–—-"
            # "the freedom to spend what is already there": a clause, no thing named
            or " what " in name
            or (not made and _names_nothing(name, text, end))
            # (a name made from the ask, 'Requirement for Innovate UK to publish', may open on the body)
            or any(a < end and start < b and not (relational and (start < a or made)) for a, b in org_spans)
        ):
            return
        # "a “green skills passport”": the quotation marks are the writer's, not the name's
        name = re.sub(r"[“”\"]|‘|’(?![a-z])|(?<![a-z])'|'(?![a-z])", "", name).strip()
        if (stop := complement(text, end, len(_content_words(name)))) > end:
            name, end = name + text[end:stop], stop  # "a fund worth £1bn over five years"
        found.append(Proposal(capitalise(normalise(name)), purpose, seg.evidence(start, end)))

    for org in proposed or ():
        body = org.evidence.sentence.text
        if _DROPPED.search(body) or _OUTSIDER.search(body):
            continue  # a body proposed and dropped, or proposed by someone else: no ask of the parties
        span = org.evidence.span
        if (stop := complement(text, span.end, len(_content_words(org.name)))) > span.end:
            found.append(Proposal(org.name + text[span.end : stop], None, seg.evidence(span.start, stop)))
            continue
        found.append(Proposal(org.name, None, org.evidence))
    for start, end in [*_listed(seg), *_listed_in_sentence(seg)]:
        # "create a regional skills passport", "devolve adult education budgets": an act or its object
        if done := _THAT_DONE.match(text, start, end):
            start, stop, done_name = _done(text, done, end)
            add(start, stop, keep=True, name=done_name)  # "A requirement that local plans are drawn up"
            continue
        # "- the combined authority to use its housing funding ...": who is to act, then the act
        if agent := _AGENT_ITEM.match(text, start, end):
            start = agent.end()
        if bid := _BID_FOR.match(text, start, end):
            start = bid.end()  # "joint bids to the Welsh Government for a regional innovation zone"
        elif _BID.match(text, start, end):
            continue  # "joint bids to research councils": an ask with nothing it is for names nothing
        acts = asked_acts(text, start, end)
        for name, first, last in acts:
            add(first, last, keep=True, name=name)
        if not acts:
            if verb := _MAKE_VERB.match(text, start, end):
                start = verb.end()
            if making := _MAKING_ITEM.match(text, start, end):
                # "the creation of a london careers service": the making is part of the ask's name
                first, last = trimmed(text, making.end(), end)
                add(first, last, keep=True, name=f"{making.group(1)} of {text[first:last]}")
                continue
            add(start, end)
    for sentence in seg.sentences:
        body = text[sentence.start : sentence.end]
        # every rule below needs a word that proposes: most sentences have none, and stop here
        lowered = body.lower()
        if not _CUE_WORD.search(lowered):
            continue
        # "Asked whether they would call for ..., she said": a question put to a speaker asks nothing
        question = _QUESTION_PUT.match(body)
        cue = _ANY_CUE.search(body, body.find(",", question.end()) + 1 if question else 0)
        if cue is None:
            continue
        # a sentence without its full stop is a heading or was cut off with the page
        running = body.rstrip().rstrip("\"'’”)")[-1:] in (".", "!", "?", ":", ";")
        cut_at = None if running else sentence.start + len(body.rstrip()) - 1
        aside = _ASIDE.search(body)
        if aside and (aside.start() < cue.start() or aside.group().lower().startswith("remains")):
            continue  # "Whether they will call for ...", "... remains to be seen": an aside
        passive = " was " in lowered or " were " in lowered or " been " in lowered
        if (passive and _DROPPED.search(body)) or _OUTSIDER.search(body[: cue.end()]):
            continue
        if _PRONOUN.match(body) and _OUTSIDER.search(
            text[text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
        ):
            continue  # "Green group leader X said ... She also called for ...": the outsider again
        for making in _MAKING.finditer(body) if _MAKING_GATE.search(lowered) else ():
            before = body[: making.start()]
            if not (_PROPOSING.search(before) or _CUE.search(before)) or _negated(before):
                continue
            # ("that a fund is set up within a year": in the passive, the thing made went before)
            if re.search(r"\b(?:be|been|being|is|are|was|were)\s+$", before) or _ASKS_PARTIES.search(before):
                continue  # "a fund to be set up by government": what follows is who, not what
            at = sentence.start + making.end()
            while True:
                start, end = trimmed(text, at, sentence.end)
                add(start, end, keep=True)
                more = further(text, end, sentence.end)
                if not more:
                    break
                at = more.end()
        addressed = " to " in lowered and any(word in lowered for word in _ADDRESSED_WORDS)
        addressed_asks = list(_ADDRESSED.finditer(body)) if addressed else []
        if addressed_asks:
            # "calls on ministers to introduce ..., and urges them to agree ...": the same addressee again
            addressed_asks += list(_ADDRESSED_AGAIN.finditer(body, addressed_asks[0].end()))
        for ask in addressed_asks:
            if _negated(body[: ask.start()]) or ask.group().lower().endswith(" not to "):
                continue  # "urged ministers not to cut the programme": asked not to act
            # "asks X to designate ..., and to devolve ...": every act asked of the same addressee
            asked = [ask.end()] + [m.end() for m in _AND_TO.finditer(body, ask.end())]
            for at in asked:
                for name, start, end in asked_acts(text, sentence.start + at, sentence.end):
                    add(start, end, keep=True, name=name)
        for ask in _ASK_FOR.finditer(body) if " for " in lowered else ():
            if (
                _negated(body[: ask.start()])
                or (
                    re.search(
                        r"\b(?:a|an|the|first|second|new|open|its|\w+['’]s)\s+$", body[: ask.start()], re.I
                    )
                    and not re.match(r"\w+\s+(?:is|are|was|were)\b", ask.group())  # "the proposal is for"
                )
                or _NOT_ASKED.match(body, ask.end())
            ):
                continue  # "a first call for joint projects" is a call for bids, not an ask
            # "calls for A worth £5m, for B, and for C": every ask after the one call
            asked_for = [ask.end()] + [m.end() for m in _AND_FOR.finditer(body, ask.end())]
            for at in (sentence.start + a for a in asked_for):
                while True:
                    if text[:at].endswith(("to ", "to\t")):
                        # "..., and to replace grants with a settlement": a further act, read as one
                        for name, first, last in asked_acts(text, at, sentence.end):
                            add(first, last, keep=True, name=name)
                        break
                    start, end = trimmed(text, at, sentence.end)
                    # "for combined authorities to be given a duty to convene", "for the government to give
                    # York a share of ...": who is to act comes first, what is asked follows
                    then = _THEN_TO.match(text, end, sentence.end)
                    if then and THING.search(text[start:end].rsplit(" ", 1)[-1]):
                        then = None  # "for a skills passport to allow adults to ...": a thing and its purpose
                    acts = asked_acts(text, then.end(), sentence.end) if then else []
                    for name, first, last in acts:
                        add(first, last, keep=True, name=name)
                        end = last
                    done = _TO_BE_DONE.match(text, end, sentence.end) if not acts else None
                    if done and not VAGUE.match(text[start:end]):
                        # "for skills funding to be devolved": the thing as it is to become
                        terms = f" on {done.group('terms')}" if done.group("terms") else ""
                        add(start, end, keep=True, name=f"{done.group(1)} {text[start:end]}{terms}")
                    elif not acts and not VAGUE.match(text[start:end]):
                        add(start, end, keep=True)
                    more = further(text, end, sentence.end)
                    if not more:
                        break
                    at = more.end()
        for need in _NEED_FOR.finditer(body) if "need for" in lowered else ():
            # "commits them to the need for a graduate retention programme": a thing needed, wherever
            # the need is said, unless the need is denied or done away with
            if not _negated(body[: need.start()]) and not _REMOVES.search(body, 0, need.start()):
                for name, start, end in named_objects(
                    text, sentence.start + need.end(), sentence.end, thing=True
                ):
                    add(start, end, keep=True, name=name)
        for seeks in _SEEKS.finditer(body) if running and _SEEKS_GATE.search(lowered) else ():
            if _negated(body[: seeks.start()]) or (
                seeks.group().lower().startswith("priorit") and _SHARED.search(body, 0, seeks.start())
            ):
                continue  # "five shared priorities, including a joint programme": the parties' own work
            at = sentence.start + seeks.end()
            if seeks.group().lower().endswith("see ") and (seen := _SEEN_DONE.match(text, at, sentence.end)):
                # "want to see four new stations on the main line funded in the next spending review":
                # the thing in the state it is to be put in, named as the text puts it
                stop = clause_end(text, seen.end(), sentence.end)
                if stop > seen.end():
                    start = article.end() if (article := _ARTICLE.match(text, at, stop)) else at
                    add(start, stop, keep=True, name=text[start:stop])
                    if pledge := _AND_COMMITMENT.match(text, stop, sentence.end):
                        # "..., and a commitment to electrify the line": a further act wanted of them
                        for name, first, last in asked_acts(text, pledge.end(), sentence.end):
                            add(first, last, keep=True, name=name)
                    continue
            if seeks.group().lower().endswith("see ") and (
                agent := _SEEN_ACTING.match(text, at, sentence.end)
            ):
                # "would like to see the Office for Students accept the statement as evidence": what the
                # body is to do, named with the body
                acts = asked_acts(text, agent.end("who"), sentence.end)
                for name, start, end in acts:
                    add(start, end, keep=True, name=name)
                stop = clause_end(text, agent.end(), sentence.end)
                if not acts and stop > agent.end():
                    who, act = text[agent.start("who") : agent.end("who")], text[agent.end("who") : stop]
                    # the evidence is the act: the body is named in the name, not as part of the span
                    add(agent.end("who") + 1, stop, keep=True, name=f"{who} to{act}")
                continue
            if True:
                for name, start, end in named_objects(
                    text, sentence.start + seeks.end(), sentence.end, thing=True
                ):
                    add(start, end, keep=True, name=name)
        for wants in _WANTS_LIST.finditer(body) if running and ":" in body else ():
            if not _negated(body[: wants.start()]):
                at = sentence.start + wants.end()
                commas = list(_LIST_COMMA.finditer(text, at, sentence.end))
                bounds = [(at, commas[0].start() if commas else sentence.end)] + [
                    (comma.end(), after.start() if after else sentence.end)
                    for comma, after in zip(commas, [*commas[1:], None][: len(commas)], strict=True)
                ]
                for item_start, item_end in bounds:
                    start, stop = trimmed(text, item_start, item_end)
                    if _DEVOLVED.match(text, start, stop):  # "devolved innovation funding": a thing asked for
                        add(start, stop, keep=True)
                        continue
                    for name, start, stop in named_objects(text, item_start, item_end, thing=True):
                        add(start, stop, keep=True, name=name)
        shoulds = (
            [
                *_SHOULD.finditer(body),
                # "universities themselves should ...": asked of them by the writer, whatever was agreed
                *(
                    m
                    for m in _SHOULD_ANYONE.finditer(body)
                    if not agreement or "themselves" in m.group().lower()
                ),
            ]
            if running
            and ("should" in lowered or "must" in lowered or "ought" in lowered or "need" in lowered)
            else ()
        )
        for should in shoulds:
            at = sentence.start + should.end()
            acts = asked_acts(text, at, sentence.end)
            own = _OWN_ACT.match(text, at, sentence.end) if should.re is _SHOULD_ANYONE else None
            # an act named by its noun ("Publication of ..."), or one the rules do not name
            nominal = all((name or "").split(" ", 1)[0].lower() in ACT_NAMES for name, _, _ in acts)
            if own and nominal:
                # "universities themselves should publish the share of their spending": what they
                # are to do, named with who is to do it
                who = _SHOULD_WORDS.sub("", should.group()).strip()
                stop = max((last for _, _, last in acts), default=trimmed(text, own.end(), sentence.end)[1])
                if not VAGUE.match(text[own.end() : stop]):
                    add(at, stop, keep=True, name=f"{who} to {text[at:stop]}")
                continue
            for name, start, end in acts:
                add(start, end, keep=True, name=name)
            if not acts and should.re is _SHOULD and (said := _SAYS_BODY.search(body, 0, should.start())):
                # "and says the Skills Entitlement should cover modules taught jointly": a reported
                # ask of a named body or scheme whose act no rule names, named as the text puts it
                stop = clause_end(text, at, sentence.end)
                who = _SHOULD_WORDS.sub("", body[said.end() : should.end()]).strip()
                lo = sentence.start + should.start()
                named = any(a < at and lo < b for a, b in org_spans)  # a party's own act is no ask of it
                if not named and _BARE_ACT.match(text, at, stop) and len(text[at:stop].split()) >= 2:
                    add(at, stop, keep=True, name=f"{who} should {text[at:stop]}")
        for asks in (
            [*_ASKS_THAT.finditer(body), *_ASKS_THAT_BARE.finditer(body)]
            if running and (" that " in lowered or " will " in lowered)
            else ()
        ):
            if not _negated(body[: asks.start()]):
                for name, start, end in asked_acts(text, sentence.start + asks.end(), sentence.end):
                    add(start, end, keep=True, name=name)
        for argues in _ARGUES.finditer(body) if running and "argu" in lowered else ():
            if not _negated(body[: argues.start()]):
                for name, start, end in asked_acts(text, sentence.start + argues.end(), sentence.end):
                    add(start, end, keep=True, name=name)
        for done in (
            _THAT_DONE.finditer(text, sentence.start, sentence.end) if running and " that " in lowered else ()
        ):
            if not _negated(text[sentence.start : done.start()]):
                start, stop, done_name = _done(text, done, sentence.end)
                add(start, stop, keep=True, name=done_name)
        for power in _POWER.finditer(body) if _POWER_GATE.search(lowered) else ():
            before = body[: power.start()]
            if (_PROPOSING.search(before) or _CUE.search(before)) and not _negated(before):
                start, end = trimmed(text, sentence.start + power.start(), sentence.end)
                if re.search(r"\s(?:over|of|in|to)\s", text[start:end]):
                    add(start, end, keep=True)  # "greater devolution" alone is a goal, not a proposal
        if not _CUE.search(body):
            continue
        for match in _TITLED.finditer(body):
            if (
                _negated(body[: match.start()])
                or _CONTEXT.search(body[max(0, match.start() - 40) : match.start()])
                or _ASKER.match(body, match.end())
            ):
                continue
            words = match.group("np").split()
            while words and words[0] in _SKIP_WORDS:
                words.pop(0)
            start = sentence.start + match.end("np") - len(" ".join(words))
            purpose = _PURPOSE.match(body[match.end() :])
            add(start, sentence.start + match.end(), purpose.group("p") if purpose else None, keep=True)
        for match in _ASKED_NEW.finditer(body) if "new " in lowered else ():
            # "the partners want a new graduate retention bonus": "new" marks a thing not yet there,
            # whatever its head noun
            if not _negated(body[: match.start()]) and not _NOT_ASKED.match(body, match.end()):
                start, end = trimmed(text, sentence.start + match.end(), sentence.end)
                phrase = text[start:end]
                if _LOWER_PHRASE.fullmatch(phrase) and not _PERSON_END.search(phrase):
                    add(start, end, keep=True)
        for match in _LOWER_NAMED.finditer(body):
            # "urged the Treasury not to cut the programme": a clause, no name
            # "asked for feedback on the plan": an invitation, no ask
            if (
                not _negated(body[: match.start()])
                and not _CLAUSE.search(match.group("np"))
                and not _NOT_ASKED.match(body, match.start("np"))
            ):
                add(sentence.start + match.start("np"), sentence.start + match.end("np"))
        for match in _LOWER.finditer(body):
            if len(match.group("np").split()) >= 3 and not _negated(body[: match.start()]):
                add(sentence.start + match.start("np"), sentence.start + match.end("np"))
    return _distinct(found)


# "any new fund", "every campus", "exactly this kind of offer", "such a scheme": a quantifier or a word
# that points back opens the phrase, which then names no particular thing
_NO_PARTICULAR = re.compile(
    r"(?:(?:exactly|just|precisely|only)\s+)?(?:any|every|each|no|such|this|that|these|those|either|neither)\b",
    re.IGNORECASE,
)
# "the jobs graduates are (looking for)": a phrase ending on an auxiliary is a clause cut before its verb
_AUXILIARY_END = re.compile(
    r"\s(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|may|might|shall"
    r"|should|must)$",
    re.IGNORECASE,
)
# "three specific measures:", "five asks:": a count of the items a colon leads in to, no item itself
_COUNTED = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:[\w-]+\s+)?[\w-]+s$",
    re.IGNORECASE,
)
# "a shift in how skills money reaches places", "a change to how bids are judged": a way of doing
# things, which is a goal and not a thing asked for
_IN_HOW = re.compile(r"\s(?:in|to)\s+(?:how|the\s+way)\s", re.IGNORECASE)


def _names_nothing(name: str, text: str, end: int) -> bool:
    """Whether a phrase read as a proposal's name names no particular thing (see the patterns above)."""
    return bool(
        _NO_PARTICULAR.match(name)
        or _AUXILIARY_END.search(name)
        or _IN_HOW.search(name)
        or (_COUNTED.match(name) and text[end : end + 2].lstrip().startswith(":"))
    )


# "set up", "created", "established": a doing that makes the thing, which then names the ask alone
_MADE_DONE = re.compile(r"set\s+up|created|established|launched|formed|founded|introduced", re.IGNORECASE)


def _done(text: str, done: re.Match[str], end: int) -> tuple[int, int, str]:
    """'devolution delivered on the same timetable': what is to be done, named with its doing."""
    start = done.start("np")
    stop = trimmed(text, done.end("done"), end)[1]
    what = re.sub(r"^(?:the|a|an)\s+", "", done.group("np").strip(), flags=re.IGNORECASE)
    if _MADE_DONE.fullmatch(done.group("done")):
        # "proposes that a transit delivery body be set up": what is made is named by itself
        return start + len(done.group("np")) - len(done.group("np").lstrip()), done.end("np") - 1, what
    return start, stop, f"{what} {text[done.start('done') : stop]}"


def _distinct(found: list[Proposal]) -> list[Proposal]:
    """One proposal per name, and of two that overlap in the text the longer."""
    by_name: dict[str, Proposal] = {}
    for proposal in found:
        same = by_name.setdefault(proposal.name.lower(), proposal)
        if same.purpose is None and proposal.purpose is not None:
            by_name[proposal.name.lower()] = proposal  # of two readings of one name, the one that says why
    ordered = sorted(by_name.values(), key=lambda p: (p.evidence.span.start, -p.evidence.span.end))
    kept: list[Proposal] = []
    for proposal in ordered:
        span = proposal.evidence.span
        clash = next(
            (k for k in kept if k.evidence.span.start < span.end and span.start < k.evidence.span.end), None
        )
        if clash is None:
            kept.append(proposal)
        elif span.end - span.start > clash.evidence.span.end - clash.evidence.span.start:
            kept[kept.index(clash)] = proposal
    # "skills devolution deal" in the headline and "North East Skills Devolution Deal" below: one ask,
    # named in full where the words of one are all among the other's
    words = {id(k): _content_words(k.name) for k in kept}
    return sorted(
        (
            k
            for k in kept
            if not any(
                other is not k and len(words[id(k)]) >= 2 and words[id(k)] < words[id(other)]
                for other in kept
            )
        ),
        key=lambda p: p.evidence.span.start,
    )


def _content_words(name: str) -> frozenset[str]:
    """A name's words without articles and plural endings: 'the skills deals' ~ 'skill deal'."""
    words = (w.removesuffix("s") if len(w) > 3 else w for w in re.findall(r"[a-z0-9£%]+", name.lower()))
    return frozenset(w for w in words if w not in {"a", "an", "the", "of", "for", "to", "and", "new"})


# "measures into the Knowledge Exchange Framework", "a pilot, building on the City Deal": a name after
# such words is where the ask sits or what it follows, not what is asked for
_CONTEXT = re.compile(
    r"\b(?:into|within|under|through|beyond|around|across|towards?|alongside|following|(?:building|built|drawing"
    r"|based|modell?ed)\s+on|as\s+part\s+of|in\s+line\s+with|on\s+the\s+back\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "an Urban Research Compact, convened by Core Cities UK, that asks the government for ...": the
# named document makes the ask; it is not what is asked for
_ASKER = re.compile(
    r"(?:\s*\([^()]{1,20}\))?(?:\s*,[^,.;]{1,60},)?\s*(?:that|which)\s+(?:also\s+)?(?:asks|calls|urges|sets\s+out"
    r"|proposes|recommends|seeks|wants|demands|presses)\b"
)
# "10 per cent of new research funding": a share of something, which a figure starts
_PER_CENT_OF = re.compile(r"\d[\d.]*\s*(?:per\s+cent|%)\s+of\s", re.IGNORECASE)
_PRONOUN = re.compile(r"\W*(?:She|He|They)\b")
# "has not called for", "has yet to call for": an ask not (or not yet) made
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|yet\s+to)\b[^.;]*$|n[’']t\b[^.;]*$", re.IGNORECASE)


def _negated(before: str) -> bool:
    """'does not want more money': a negation in the clause before the ask (its tail is enough)."""
    return bool(_NEGATED.search(before[-150:]))


def _listed(seg: Segmented) -> list[tuple[int, int]]:
    """Items of a list whose lead-in proposes: 'The proposals include:' then one item a line.

    The lead-in may end in a full stop when it counts what follows ("We recommend five things."),
    and the items may stand on the lead-in's own line ("asks government to: • ... • ..."). A list
    cut off with the page loses its last item when the others end in punctuation and it does not.
    """
    found: list[tuple[int, int]] = []
    in_list = False
    style: bool | None = None
    items: list[tuple[int, int]] = []

    def close() -> None:
        if len(items) > 1 and _cut_off(seg.text, items):
            items.pop()
        found.extend(items)
        items.clear()

    paragraphs = seg.paragraphs
    for k, paragraph in enumerate(paragraphs):
        if paragraph.noise:
            in_list = False
            close()
            continue
        text = paragraph.text
        inline = _INLINE.search(text)
        if inline and _LIST_LEAD.search(text[max(0, inline.start() - 300) : inline.start() + 1]):
            close()
            in_list = False
            marks = list(_INLINE_ITEM.finditer(text, inline.start()))
            for mark, after in zip(marks, [*marks[1:], None], strict=True):
                stop = after.start() if after else len(text)
                body = text[mark.end() : stop].rstrip()
                items.append((paragraph.start + mark.end(), paragraph.start + mark.end() + len(body)))
            close()
            continue
        ending = text.rstrip()[-1:]
        # a lead-in that counts its items is read only before a marked item
        counted = ending in (".", ":") and len(text) < 400 and k + 1 < len(paragraphs)
        if (ending == ":" and _LIST_LEAD.search(text) and not _OWN_SHOULD.search(text)) or (
            counted and _marked(seg.text, paragraphs[k + 1]) and _COUNTED_LEAD.search(text)
        ):
            close()
            in_list, style = True, None if text.rstrip().endswith(":") else True
            continue
        if not in_list:
            continue
        # the items of a list are all marked ("•", "1.") or all short; a sentence after them ends it
        marked = _marked(seg.text, paragraph)
        if style is None:
            style = marked
        if (
            marked != style
            or (not marked and len(text.split()) > 12)
            or len(text.split()) > 40  # a marked item may run on ("..., so that staff can reach ...")
            or re.search(r"\b(?:said|says|added)\b", text)
        ):
            in_list = False
            close()
            continue
        start = paragraph.start
        if cut := _ITEM_NUMBER.match(text):
            start = paragraph.start + cut.end()
        items.append((start, paragraph.end))
    close()
    return found


# "We are asking for: a fund, a settlement and an academy": the items of a list led in by an ask run
# on in the lead-in's own sentence, split at semicolons, or else at commas and "and" before an article
_SENTENCE_ITEMS = re.compile(r"\s*;\s*(?:and\s+|or\s+)?")
_SENTENCE_COMMAS = re.compile(
    r"\s*,\s*(?:and\s+|or\s+)?(?=(?:an?|the|new)\s)|\s+(?:and|or)\s+(?=(?:an?|the|new)\s)"
)
# "..., she said:": a colon that opens a quotation, which no list follows
_REPORTING = re.compile(
    r"\b(?:said|says|say|added|adds|told|tells|wrote|writes|explained|explains|commented|comments|stated|states"
    r"|noted|notes|remarked|declared|announced|announces)\b",
    re.IGNORECASE,
)
_ITEM_OPENS = re.compile(r"(?:an?|the|new)\s", re.IGNORECASE)


def _listed_in_sentence(seg: Segmented) -> list[tuple[int, int]]:
    """Items of a list whose lead-in proposes and which run on after the colon in the same sentence."""
    text = seg.text
    found: list[tuple[int, int]] = []
    # only sentences with a colon can hold such a list: go to each colon, not through every sentence
    sentences: dict[int, Sentence] = {}
    at = text.find(":")
    while at >= 0:
        sentence = seg.sentence_at(at)
        sentences.setdefault(sentence.start, sentence)
        at = text.find(":", max(at + 1, sentence.end))
    for sentence in sentences.values():
        body = text[sentence.start : sentence.end]
        colon = body.find(":")
        if colon < 0 or not body[colon + 1 :].strip():
            continue
        lead, rest = body[: colon + 1], body[colon + 1 :]
        cue = _LIST_LEAD.search(lead)
        if (
            cue is None
            # "calls for a Regional Skills Fund: a pot for ...": a thing named, then explained
            or re.search(r"\ban?\s", cue.group(), re.IGNORECASE)
            or _OWN_SHOULD.search(lead)
            or _REPORTING.search(lead)
            or _INLINE.match(body, colon)
            or "\n" in body[colon:].rstrip()
            or rest.lstrip()[:1] in "\"“‘'"
            or body.lstrip()[:1] in "\"“‘'"  # a speaker's own list, in a quotation
        ):
            continue
        at = sentence.start + colon + 1
        stop = sentence.start + len(body.rstrip().rstrip(".!?"))
        splitter = _SENTENCE_ITEMS if ";" in rest else _SENTENCE_COMMAS
        cuts = [(m.start(), m.end()) for m in splitter.finditer(text, at, stop)]
        bounds = zip([at, *(b for _, b in cuts)], [*(a for a, _ in cuts), stop], strict=True)
        for first, last in bounds:
            while first < last and text[first].isspace():
                first += 1
            if _ITEM_OPENS.match(text, first, last) or asked_acts(text, first, last):
                found.append((first, last))
    return found


def _cut_off(text: str, items: list[tuple[int, int]]) -> bool:
    """Whether a list's last item was cut with the page: the others end in punctuation, it does not."""
    ends = [text[end - 1 : end] for _, end in items]
    return all(e in _ITEM_END for e in ends[:-1]) and ends[-1] not in _ITEM_END


def _marked(text: str, paragraph: Paragraph) -> bool:
    """Whether a paragraph is a marked list item: a bullet before it, or a number starting it."""
    line_start = text.rfind("\n", 0, paragraph.start) + 1
    return bool(text[line_start : paragraph.start].strip()) or bool(_ITEM_NUMBER.match(paragraph.text))
