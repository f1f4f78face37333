"""Figures claimed in the text, and how many universities or cities a text says took part."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from .facts import ClaimedCount, Evidence, OrgMention, Proposal, Statistic
from .text import (
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
    SCALES,
    Segmented,
    Sentence,
    SpanSet,
    folded,
    parse_number,
    starting_within,
)

QUALIFIERS = (
    "a little over", "a little under", "slightly over", "slightly under", "well over", "just over", "just under", "more than", "less than", "fewer than", "at least", "up to",
    "close to", "almost", "nearly", "over", "around", "about", "approximately", "roughly",
    "some", "under", "upwards of", "as many as", "as much as", "an estimated", "estimated",
    "on average", "between",
)  # fmt: skip
_QUALIFIER_WORDS = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
# a look-ahead for the letters the qualifiers start with first: a word starting otherwise is passed over
# without trying every qualifier in turn
_QUAL_FIRST = "".join(sorted({q[0] for q in QUALIFIERS}))
_QUAL = rf"(?=[{_QUAL_FIRST}])(?:{_QUALIFIER_WORDS})"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_STAT = re.compile(
    # a figure starts where a word does (its qualifier, "top" or number) or at its currency sign: the
    # look-ahead passes over every other place at once
    r"(?=\b\w|[£$€])"
    rf"(?:(?P<qual>\b(?:{_QUAL}))\s+)?(?P<top>\btop\s+)?(?P<cur>[£$€])?"
    rf"(?<![\w.+-])(?P<num>{NUMBER_PATTERN})(?![\w-]*\d)"
    rf"(?:\s*(?P<scale>billion|bn|million|mn|m|thousand|k|trillion|tn)\b)?"
    rf"(?P<pct>\s*%|\s+per\s*cent\b|\s+percent\b|\s?pc\b)?",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?<![\w,.])(?P<num>{NUMBER_PATTERN})\s+"
    r"(?P<mid>(?:(?:of\s+(?:their|its|our|the|[A-Z][\w-]*[’']s)|UK[’']?s?|Core|core|UK|major|leading|civic|partner|"
    r"member|other|participating|English|British|Scottish|Welsh|regional)\s+|[‘'“\"])*"
    # "two brilliant universities", "three founding partners", "nine of the region's universities"
    r"(?:(?!(?:of|per|in|and|or|to|more|than|million|thousand|percent|cent)\b)[a-z][\w-]*(?:[’']s)?\s+){0,2}?)"
    r"(?P<what>universities|cities|signatories|partners|parties|organisations|organizations|bodies|institutions|members"
    r"|employers"
    # "four university heads have written": one head a university
    r"|university\s+(?:heads|leaders|vice-chancellors|principals)(?=\s+(?:have|has|had|signed|wrote|jointly)\b)"
    r"|higher\s+education\s+(?:institutions|providers)|city\s+councils|(?<=member\s)councils"
    # "the ten leaders and mayors of the alliance": one leader a city
    r"|(?:city\s+)?leaders(?:\s+and\s+(?:elected\s+|metro\s+)?mayors)?(?=\s+of\s+(?:the\s+)?(?:alliance|group|network|core\s+cities)\b))\b",
    re.IGNORECASE,
)
# "Nine organisations from across the region have signed", "nine organisations to have signed",
# "Six organisations put their names to the accord"
_SIGNING_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:(?:have|has|had)?\s*(?:signed|sign(?:ed)?\s+up|joined)|put\s+(?:their|its)\s+names?\s+to)\b"
)
# counted as what a body stands for or what a study looked at, not as who took part
_NOT_PARTIES = re.compile(
    r"\b(?:represents|representing|analysis\s+of(?:\s+the)?|study\s+of(?:\s+the)?|home\s+to|boasts"
    r"|(?:city|region|area|town|county|country|nation)\s+(?:has|had|hosts)"
    # "a further four universities", "another two councils": some more, not how many in all
    r"|a\s+further|another|an\s+additional|(?-i:A)\s+further)\s+$",
    re.IGNORECASE,
)
# "a member of the Russell Group of 24 universities", "part of a network of 40 universities": a wider
# group that one party belongs to
_MEMBER_OF = re.compile(
    r"\b(?:(?:member|part)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,4}?"
    r"|(?:network|association|consortium|federation|voice)\s+)of\s+(?:(?:some|about|around|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# "four universities are expected to sign next year": not parties yet
_HEDGED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:(?:is|are|were|was)\s+(?:expected|due|set|likely|poised|invited|asked)\s+to|will\s+(?:also\s+)?(?:sign|join))\b",
    re.IGNORECASE,
)
# "nearly 60 universities across the UK", "40 universities nationwide": a wider group than the parties
_WIDER = re.compile(
    r"\s*(?:(?:across|around|throughout|in)\s+(?:the\s+)?(?:UK|United\s+Kingdom|country|nation|England|Scotland"
    r"|Wales|Northern\s+Ireland|Britain|world|sector|devolved\s+nations)\b|nationwide\b|nationally\b|elsewhere\b)"
)
_PAST = re.compile(r"\b(?:in|since|back\s+in|until)\s+(?:19|20)\d{2}\b[^.;]*$", re.IGNORECASE)
# "First signed in 2021, the agreement brings together ...": the year the agreement itself began
_SAME_AGREEMENT_SINCE = re.compile(
    r"^\S+\s+(?:19|20)\d{2},\s+(?:the|this|its|our)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:agreement|compact|charter|accord|partnership|declaration|pledge|concordat|deal|memorandum)\b",
    re.IGNORECASE,
)
_PART_OF_WHOLE = re.compile(
    rf"(?:^\s*|\b(?:{NUMBER_PATTERN})\s+)of\s+(?:the\s+)?[\w-]+[’']s\s+$", re.IGNORECASE
)
_AND_TOWNS = re.compile(r"\s+and\s+(?:[\w-]+\s+)?towns\b", re.IGNORECASE)
# "nine of the region's universities have written jointly": some that did what the parties do
_ACTED_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:(?:have|has|had)\s+(?:also\s+|now\s+|jointly\s+|together\s+)*)?(?:signed|sign(?:ed)?\s+up|joined"
    r"|written|wrote|agreed|backed|launched|set\s+out|called|committed|pledged|put\s+their|come\s+together|teamed\s+up"
    r"|on\s+board)\b",
    re.IGNORECASE,
)
# "the city's two universities", "Glasgow's four universities": what a place has
_PLACE_OWNS = re.compile(r"(?:\b[Tt]he\s+(?:[a-z]+\s+){0,2}[a-z]+|\b[A-Z][\w-]+)[’']s\s+$")
_NATION_OWNS = re.compile(
    r"\b(?:Wales|Scotland|England|Britain|UK|Ireland|[Tt]he\s+(?:country|nation|UK))[’']s\s+$"
)
# the words that make such a count the parties of an agreement rather than a description of the place
_PARTY_CONTEXT = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|join(?:s|ed|ing)?|brings?\s+together|bringing\s+together|commit\w*|agreed|agreements?|compacts?"
    r"|charters?|accords?|partnerships?|declarations?|pledges?|concordats?|memorandum|partners|signator\w*|launch\w*"
    # what the parties to a release's own statement do: "the city's two universities back the bid"
    r"|back(?:s|ed|ing)?|bids?|propos\w*|call(?:s|ed|ing)?\s+(?:for|on)|urg\w*|wr(?:ite|ites|ote|itten)|submit\w*)\b",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(rf"\b(?:{_QUAL})\s+$", re.IGNORECASE)
# "Leeds and the other 10 Core Cities": the one named, and the rest
_ONE_AND_THE_OTHER = re.compile(r"(?<![,\w])\s*[A-Z][\w-]+\s+and\s+the\s+other\s+$")
# Cheap tests that let a sentence without any figure, or without a party word, be skipped.
_DIGIT = re.compile(r"\d")
# a number in words, matched case-sensitively in the lowered sentence: quicker than under IGNORECASE
_NUMBER_WORD_LOWER = re.compile(rf"\b(?:{NUMBER_WORD_PATTERN}|half|thirds?|quarters?|fifth)\b")
_HAS_PARTY = re.compile(
    r"universities|cities|signator|partner|part(?:y|ies)|institution|providers|member|organi[sz]ation|bod(?:y|ies)"
    r"|city\s+councils|leaders|employers|university\s+heads|vice-chancellors|principals",
    re.IGNORECASE,
)
# the same words matched case-sensitively in the lowered sentence, which is quicker; but IGNORECASE also
# takes these three letters for i and s, which lowering does not make them, so a sentence with one of
# them is read with the pattern above
_HAS_PARTY_LOWER = re.compile(_HAS_PARTY.pattern)
_FOLDED_LIKE_IS = "İıſ"
_HAS_FRACTION = re.compile(r"\b(?:half|third|quarter|fifth)", re.IGNORECASE)


def _has_party(sentence: str) -> bool:
    """Whether a sentence holds a word for those who take part: most sentences hold none."""
    if any(letter in sentence for letter in _FOLDED_LIKE_IS):
        return _HAS_PARTY.search(sentence) is not None
    return _HAS_PARTY_LOWER.search(sentence.lower()) is not None


def _has_number(sentence: str) -> bool:
    """Whether a sentence holds a figure in digits or in words: most sentences hold none."""
    return _DIGIT.search(sentence) is not None or _NUMBER_WORD_LOWER.search(sentence.lower()) is not None


# those who took part, whatever they are
_WHAT = {"partners": "signatories", "parties": "signatories", "organisations": "signatories",
         "organizations": "signatories", "bodies": "signatories", "institutions": "signatories",
         "members": "signatories", "employers": "signatories"}  # fmt: skip
_PERIOD = re.compile(r"\s+(?:a|per|each|every)\s+(?P<p>year|annum|month|week|day)\b|\s+annually\b")
_NOUN = re.compile(
    # "64 university, college and council leaders", '200 "stay and start" grants'
    # "2,500 extra level 4 and 5 places", "38,000 16 to 18-year-olds"
    r"\s+(?P<np>(?:[\"“‘]?[a-z][\w-]*[\"”’]?,?\s+(?:and\s+)?|Year\s+\d{1,2}\s+|level\s+\d(?:\s*(?:and|or|to|-|–)\s*\d)?\s+){0,4}?"
    r"(?P<head>(?!gas\b)[a-z][\w-]*(?<![su])s|people|staff|jobs|children|women|men|alumni"
    r"|(?:\d{1,2}\s*(?:to|-|–)\s*)?\d{1,2}-year-olds))\b"
)
# "around a quarter of", "more than half of": shares said in words
_FRACTION = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUAL}))\s+)?\b(?P<frac>(?:a|one)[\s-](?:quarter|third|fifth)|half|two[\s-]thirds|three[\s-]quarters)"
    r"(?=\s+of\b)",
    re.IGNORECASE,
)
_FRACTION_WORDS = r"(?:a|one)[\s-](?:quarter|third|fifth)|half|two[\s-]thirds|three[\s-]quarters"
# "cut emissions by half by 2030", "of whom around a third come from the region": a share with no "of" after
_LONE_FRACTION = re.compile(
    rf"\b(?:by|in|of\s+(?:whom|which|them|those))\s+(?P<share>(?:(?P<qual>\b(?:{_QUAL}))\s+)?\b"
    rf"(?P<frac>{_FRACTION_WORDS}))\b(?=\s*[,;:.)]|\s+(?:by|from|on|over|in|within|against|since|are|were|is|was|come"
    r"|came|live|lived|work|worked|study|studied|have|had|say|said)\b)",
    re.IGNORECASE,
)
# "nearly one in three", "one resident in five", "four in ten people": a share said as a ratio
_RATIO = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUAL}))\s+)?(?<![\w.,])(?P<num>\d+|{NUMBER_WORD_PATTERN})\s+(?:(?!in\b)[a-z][\w-]*\s+)?"
    rf"in\s+(?:every\s+)?(?P<den>\d+|{NUMBER_WORD_PATTERN})\b(?![\w-]*\d)(?!\s*(?:%|per\s*cent|percent|years?|months?)\b)",
    re.IGNORECASE,
)
# a cheap test for a ratio's "in three", "in 10", before the costly pattern
_RATIO_HINT = re.compile(
    r"\bin\s+(?:every\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b)",
    re.IGNORECASE,
)
_FRACTIONS = {"quarter": Decimal(25), "third": Decimal("33.3"), "fifth": Decimal(20), "half": Decimal(50),
              "thirds": Decimal("66.7"), "quarters": Decimal(75)}  # fmt: skip
_OF_PHRASE = re.compile(
    r"\s+of\s+(?P<np>[^,.;:]+?)(?=\s+(?:and|while|but|which|that|are|is|with|already)\b|[,.;:]|$)"
)
_PHONE = re.compile(r"\+\s?\(?\d[\d\s()]{7,}\d|\(0\)[\d\s]{6,}\d|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b")
_UNITS = {
    "students": "people", "people": "people", "residents": "people", "staff": "people",
    "workers": "people", "graduates": "people", "employees": "people", "researchers": "people",
    "academics": "people", "patients": "people", "visitors": "people", "pupils": "people",
    "children": "people", "adults": "people", "volunteers": "people", "apprentices": "people",
    "learners": "people", "citizens": "people", "jobs": "jobs", "years": "years",
    "nurses": "people", "doctors": "people", "teachers": "people", "families": "people", "carers": "people",
    "scientists": "people", "engineers": "people", "trainees": "people", "technicians": "people",
    "hectares": "hectares", "acres": "acres", "tonnes": "tonnes", "miles": "miles", "kilometres": "kilometres",
    "months": "months", "weeks": "weeks", "days": "days", "hours": "hours", "times": "ratio",
    "seafarers": "people", "leaders": "people", "women": "people", "men": "people", "alumni": "people",
    "undergraduates": "people", "postgraduates": "people", "lecturers": "people", "professors": "people",
    "interns": "people", "entrepreneurs": "people", "clinicians": "people", "pensioners": "people",
    "tenants": "people", "commuters": "people", "passengers": "people", "jobseekers": "people",
    "midwives": "people", "leavers": "people", "youngsters": "people", "householders": "people", "vacancies": "jobs", "pounds": "GBP",
    "roles": "jobs",
}  # fmt: skip
_DURATION = re.compile(
    r"\b(?:over|for|within|in|during|across|next|the\s+next|each|per|every|first|last|past|the\s+past|after|up\s+to|by"
    # "we have spent ten years proving", "it took two years to agree"
    r"|spen[dt]|spending|took|tak(?:e|en|ing))\s+(?:the\s+)?(?:(?:next|first|last|past|coming)\s+)?$",
    re.IGNORECASE,
)
# What a document lists about itself: counting them claims nothing about the world.
_OWN_ITEMS = {
    "recommendations", "commitments", "proposals", "priorities", "pledges", "asks", "actions",
    "principles", "themes", "pillars", "objectives", "aims", "points", "steps", "chapters", "sections",
    "measures", "demands", "goals", "strands", "workstreams", "areas", "missions", "ambitions", "things",
    "pages", "clauses", "paragraphs", "annexes", "appendices", "questions", "lessons", "targets",
}  # fmt: skip
# parties and places counted: how many took part, not a claim about the world
_COUNT_WORDS = {
    "universities",
    "cities",
    "signatories",
    "per",
    "percent",
    "councils",
    "boroughs",
    "authorities",
}


# a handful of bodies counted ("four further education colleges") is who took part, however named;
# hundreds of them ("over 150 local partners") are a wider group, and a claim about it
_PARTY_NOUNS = {
    "institutions", "organisations", "organizations", "partners", "parties", "bodies", "members",
    "colleges", "providers", "trusts", "boards", "partnerships",
}  # fmt: skip
# "one resident in five is": a number before a verb counts nothing
_NOT_NOUNS = {"is", "was", "has", "this", "its", "his", "as", "us", "does", "goes", "says"}
_NO_NOUNS = _COUNT_WORDS | _NOT_NOUNS
_LABEL = re.compile(
    r"\b(?:Year|Key\s+Stage|Stage|Phase|Grade|Tier|Band|Section|Article|Room|Route|Chapter|[Pp]age)\s+$"
)
_LEVEL = re.compile(r"\blevels?\s+(?:\d+\s*(?:,|and|or|to|-|–)\s*)*$", re.IGNORECASE)


_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
# "becoming the fifth signatory": the count so far, the newcomer included
_NTH_PARTY = re.compile(
    rf"\b(?:the|its)\s+(?P<nth>{'|'.join(_ORDINALS)})\s+(?P<what>signatory|partner|party|member"
    # "the sixth organisation to sign", "the seventh body to sign up", "its fifth university to join"
    r"|(?:organi[sz]ation|body|institution|university|council|college|authority|employer)"
    r"(?=\s+to\s+(?:sign|join|put|back|commit)\b))\b",
    re.IGNORECASE,
)
# the words before which an ordinal names the latest of the parties, for a sentence with no other
_TO_TAKE_PART = ("to sign", "to join", "to put", "to back", "to commit")


# the kinds of body a count of the parties may name them by
_KINDS = (
    r"(?:universities|cities|councils|colleges|(?:combined\s+)?authorities|trusts|boards|organisations|bodies"
    r"|institutions|partners|businesses|employers|charities)"
)
# "Eight councils, universities and colleges have signed": the parties, of several kinds
_MIXED = re.compile(
    rf"(?<![\w,.])(?P<num>{NUMBER_PATTERN})\s+{_KINDS}(?:\s*,\s*{_KINDS})*\s*,?\s+(?:and|&)\s+{_KINDS}\b",
    re.IGNORECASE,
)
_MORE_KINDS = re.compile(rf"(?:\s*,\s*{_KINDS})*\s*,?\s+(?:and|&|or)\s+{_KINDS}\b", re.IGNORECASE)
_PLACES_AND_UNIVERSITIES = {"universities", "cities", "councils", "authorities", "boroughs"}
# ", councils and community organisations", " and higher education colleges": more kinds of body after the first
_AND_OTHER_KINDS = re.compile(
    rf"(?:\s*,\s*(?:[a-z][\w-]*\s+)?{_KINDS})*\s*,?\s+(?:and|&|or)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_KINDS}\b",
    re.IGNORECASE,
)
# "The accord is signed by the nine mayoral combined authorities": who signed, by what they are
_SIGNED_BY_COUNT = re.compile(
    rf"\bsign(?:ed|ing)\s+(?:[\w-]+\s+)?by\s+(?:the\s+|all\s+|(?:the\s+)?[\w-]+[’']s\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    r"(?P<mid>(?:[a-z][\w-]*\s+){0,3}?)(?:(?:combined\s+)?authorities|councils|colleges|trusts|boards|agencies"
    r"|employers|businesses|companies|firms|charities|(?<!leaders\s)(?<!and\s)(?:metro\s+)?mayors)\b(?!\s+and\b)",
    re.IGNORECASE,
)
# "the three will work together", "all nine have signed", "The eight that have signed": the parties,
# by their number alone
# (any word is read as the number, and parsed after: the pattern stays cheap to run everywhere)
_BARE_COUNT = re.compile(
    r"\b(?:[Tt]he|[Aa]ll)\s+(?P<num>[\w-]+)\s+(?:(?:that|who|which)\s+)?"
    r"(?:have|has|had|will|signed|agreed|committed|pledged)\b"
)
# "All eight of the region's elected mayors have signed": every one of a group, and so the parties
# "All four metro mayors have signed": the same without "of"
_ALL_OF_SIGNED = re.compile(
    r"\b[Aa]ll\s+(?P<num>[\w-]+)\s+(?:of\s+(?:the\s+|their\s+|its\s+|our\s+)?(?:[\w-]+[’']s\s+)?)?(?:[\w-]+\s+){0,2}?"
    r"(?:mayors|leaders|councils|authorities|colleges|trusts|partners|organisations|organizations|bodies)\s+"
    r"(?:(?:have|has|had)\s+)?(?:(?:now|also|all|jointly)\s+)?"
    r"(?:signed|joined|backed|sign(?:ed)?\s+up|put\s+their\s+names)\b"
)
# "Both universities and the college", "both of Sheffield's universities": two; not "both universities
# and our cities", which joins two groups
_BOTH = re.compile(
    r"\b[Bb]oth\s+(?:of\s+(?P<owner>(?:the|its|their|our)\s+|(?:the\s+[a-z]+|[A-Z][\w-]*)[’']s\s+))?"
    r"(?P<what>universities|cities)\b(?!\s+(?:and|or)\s+(?:(?:the|our|its|their|all|other)\s+)?[\w-]+s\b)"
)
_AGREEMENT_NAMED = re.compile(
    r"\b(?:agreement|compact|charter|accord|partnership|declaration|pledge|concordat|deal|memorandum)s?\b",
    re.IGNORECASE,
)
# "Key Cities brings together 27 cities": a network's own members, where no agreement is the subject
_BRINGS_BEFORE = re.compile(r"\bbring(?:s|ing)?\s+together\s+(?:the\s+)?$", re.IGNORECASE)
_QUOTE_OPEN = "‘'“\""
_QUOTE_CLOSE = "’'”\""


def _parties(seg: Segmented, value: Decimal, match: re.Match[str]) -> ClaimedCount:
    return ClaimedCount("signatories", int(value), match.group(), seg.evidence(match.start(), match.end()))


def _more_counts(seg: Segmented, sentence: Sentence) -> Iterable[ClaimedCount]:
    """The counts of the parties said without the words for them that the main pattern reads."""
    text, lo, hi = seg.text, sentence.start, sentence.end
    signing = "sign" in sentence.text or "join" in sentence.text or "names" in sentence.text
    for match in _MIXED.finditer(text, lo, hi) if signing else ():
        value = parse_number(match.group("num"))
        if value is not None and 2 <= value < 100 and _SIGNING_AFTER.match(text, match.end(), hi):
            yield _parties(seg, value, match)
    if "sign" in sentence.text:
        for match in _SIGNED_BY_COUNT.finditer(text, lo, hi):
            value = parse_number(match.group("num"))
            if value is None or not 2 <= value < 100 or re.search(r"\bcity\s+$", match.group("mid")):
                continue  # "signed by the 11 city councils" counts cities
            yield _parties(seg, value, match)
    for match in _BARE_COUNT.finditer(text, lo, hi):
        value = parse_number(match.group("num"))
        if value is not None and 2 <= value < 100 and _PARTY_CONTEXT.search(sentence.text):
            yield _parties(seg, value, match)
    if signing and "ll " in sentence.text:
        for match in _ALL_OF_SIGNED.finditer(text, lo, hi):
            value = parse_number(match.group("num"))
            if value is not None and 2 <= value < 100:
                yield _parties(seg, value, match)
    if "oth " in sentence.text:
        for match in _BOTH.finditer(text, lo, hi):
            if match.group("owner") and not _ACTED_AFTER.match(text, match.end(), hi):
                continue  # "both of the city's universities teach": the place's, not the parties
            what = match.group("what").lower()
            yield ClaimedCount(what, 2, match.group(), seg.evidence(match.start(), match.end()))


# "signed by the leader of the council and the two vice-chancellors": one vice-chancellor a university,
# where the sentence says they signed or joined
_HEADS = re.compile(
    rf"\b(?:[Tt]he|[Bb]oth|[Aa]ll)\s+(?:(?:of\s+the\s+)?(?P<num>{NUMBER_PATTERN})\s+)?"
    r"vice-chancellors\b(?!\s+of\s+(?:other|all|many|some)\b)",
    re.IGNORECASE,
)
_HEADS_ACT = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|join(?:s|ed|ing)?|wr(?:ote|itten)|put\s+their\s+names?)\b", re.I
)
# "eight of the eleven Core Cities": the part that took part, and the whole it is part of
_PARTITIVE = re.compile(
    rf"^(?:{NUMBER_PATTERN})\s+of\s+(?:the|its|their|our)\s+(?P<whole>{NUMBER_PATTERN})\s", re.I
)
# "2019 the partners": a number and an article start different phrases, and count nothing together
_ACROSS_ARTICLE = re.compile(r"^\S+\s+(?:the|a|an|this|that|these|those)\s", re.IGNORECASE)


# "Nine of the 24 universities have signed": the part, where the whole is in digits (a whole in words,
# "eight of the eleven Core Cities", is read by the main pattern)
_PART_OF_DIGITS = re.compile(
    rf"(?<![\w,.])(?P<num>{NUMBER_PATTERN})\s+of\s+(?:the|its|their|our)\s+\d+\s+"
    r"(?:(?!(?:of|in|and|or)\b)[\w-]+\s+){0,2}?"
    r"(?P<what>universities|cities|city\s+councils|signatories|partners|parties|organisations|organizations)\b",
    re.IGNORECASE,
)


# the cheap test for such a part: "of the" before a number in digits
_WHOLE_IN_DIGITS = re.compile(r"\sof\s+(?:the|its|their|our)\s+\d")


def _parts_counted(seg: Segmented, sentence: Sentence) -> Iterable[ClaimedCount]:
    """'Nine of the 24 universities have signed': the nine, where the sentence says they took part."""
    if not _PARTY_CONTEXT.search(sentence.text):
        return
    for match in _PART_OF_DIGITS.finditer(seg.text, sentence.start, sentence.end):
        value = parse_number(match.group("num"))
        if value is None or not 2 <= value < 100 or value != int(value):
            continue
        noun = match.group("what").lower()
        what = "cities" if noun.startswith("city") else _WHAT.get(noun, noun)
        yield ClaimedCount(what, int(value), match.group(), seg.evidence(match.start(), match.end()))


def _heads_counted(seg: Segmented, sentence: Sentence) -> Iterable[ClaimedCount]:
    """'the two vice-chancellors' among those who signed: as many universities."""
    if not _HEADS_ACT.search(sentence.text):
        return
    for match in _HEADS.finditer(seg.text, sentence.start, sentence.end):
        value = parse_number(match.group("num")) if match.group("num") else None
        if match.group().lower().startswith("both") and value is None:
            value = Decimal(2)  # "both vice-chancellors"
        if value is not None and 2 <= value < 100 and value == int(value):
            yield ClaimedCount(
                "universities", int(value), match.group(), seg.evidence(match.start(), match.end())
            )


def _without_wholes(counts: list[ClaimedCount]) -> list[ClaimedCount]:
    """The counts less a whole the text says only part of took part in: where 'eight of the eleven Core
    Cities' signed, 'Core Cities UK is the alliance of eleven city councils' counts the alliance, not the
    parties; and less a number read across an article ('Since 2019 the partners')."""
    wholes = set()
    for count in counts:
        partitive = _PARTITIVE.match(count.surface)
        whole = parse_number(partitive.group("whole")) if partitive else None
        if whole is not None:
            wholes.add((count.what, int(whole)))
    return [
        c for c in counts
        if (c.what, c.count) not in wholes and not _ACROSS_ARTICLE.match(c.surface)
    ]  # fmt: skip


def find_counts(seg: Segmented) -> list[ClaimedCount]:
    """'21 universities', 'the 11 cities', 'two universities': how many a text says took part."""
    counts: list[ClaimedCount] = []
    for sentence in seg.sentences:
        counts.extend(_more_counts(seg, sentence))
        if " of " in sentence.text and _WHOLE_IN_DIGITS.search(sentence.text):
            counts.extend(_parts_counted(seg, sentence))
        if "hancellors" in sentence.text:
            counts.extend(_heads_counted(seg, sentence))
        has_party = _has_party(sentence.text)
        if has_party or any(words in sentence.text for words in _TO_TAKE_PART):
            for match in _NTH_PARTY.finditer(seg.text, sentence.start, sentence.end):
                n = _ORDINALS[folded(match.group("nth"))]
                counts.append(
                    ClaimedCount("signatories", n, match.group(), seg.evidence(match.start(), match.end()))
                )
        if not has_party:
            continue
        for match in _COUNT.finditer(seg.text, sentence.start, sentence.end):
            value = parse_number(match.group("num"))
            if value is None or value != int(value) or value < 2:
                continue
            if (
                match.start() > 0
                and seg.text[match.start() - 1] in _QUOTE_OPEN
                and seg.text[match.end() : match.end() + 1] in tuple(_QUOTE_CLOSE)
            ):
                continue  # "to tackle 'two cities' skills gap": a phrase, not a count
            if _MORE_KINDS.match(seg.text, match.end(), sentence.end):
                continue  # "five of the city's universities and colleges": not all universities
            if _BRINGS_BEFORE.search(seg.text, sentence.start, match.start()) and not _AGREEMENT_NAMED.search(
                seg.text, sentence.start, match.start()
            ):
                continue  # "Key Cities brings together 27 cities": the network's, not the agreement's
            what = _WHAT.get(match.group("what").lower(), match.group("what").lower())
            if ("councils" in what or "leaders" in what) and not what.startswith("university"):
                what = "cities"  # "11 city councils", "the ten leaders of the alliance": one a city
            if (
                match.group("what").lower()
                in {"organisations", "organizations", "bodies", "institutions", "employers"}
                and not re.search(
                    r"\b(?:the|its|their|all|both)\s+$",
                    seg.text[max(sentence.start, match.start() - 12) : match.start()],
                    re.IGNORECASE,
                )
                # "signed by eight organisations", "signed by representatives of 14 organisations"
                and not re.search(
                    r"\bsign(?:ed|ing)\s+(?:[\w-]+\s+)?by\s+(?:(?:representatives|leaders|heads)\s+(?:of|from)\s+)?$",
                    seg.text[max(sentence.start, match.start() - 50) : match.start()],
                    re.IGNORECASE,
                )
                and not (
                    re.search(
                        r"\bone\s+of\s+$", seg.text[max(sentence.start, match.start() - 8) : match.start()]
                    )
                    or _SIGNING_AFTER.match(seg.text, match.end(), sentence.end)
                )
            ):
                continue  # "the five organisations", "Nine organisations ... have signed" are the parties; "40 organisations" is a figure
            if match.group("what").lower() == "members" and not _SIGNING_AFTER.match(
                seg.text, match.end(), sentence.end
            ):
                continue  # "Eight members of the network have signed" are the parties; "its 27 members" are not
            if what.startswith(("higher", "university")):
                what = "universities"
            before = seg.text[sentence.start : match.start()]
            if re.search(r"\btop\s+$", before[-8:], re.IGNORECASE):
                continue  # "in the top 10 UK cities": a rank, not who took part
            wider = _WIDER.match(seg.text, match.end(), sentence.end)
            if wider and what == "cities" and re.search(r"\bcore\b", match.group("mid"), re.IGNORECASE):
                # "the 11 Core Cities across the UK" is the whole alliance; "in England" is a part of it
                wider = re.search(r"England|Scotland|Wales|Northern\s+Ireland|devolved", wider.group())
            if what == "cities" and _AND_TOWNS.match(seg.text, match.end(), sentence.end):
                continue  # "a network of 27 cities and towns": not a count of cities
            if re.search(r"[’']s\s", match.group("mid")) and not (
                _ACTED_AFTER.match(seg.text, match.end(), sentence.end)
                or re.search(r"\ball\s+$|\bsigned\s+(?:[\w-]+\s+)?by\s+$", before, re.I)
            ):
                continue  # "12 of the region's institutions are within an hour": some, not the parties
            if _PART_OF_WHOLE.search(before[-60:]):
                continue  # "Sixteen of the network's 27 member councils": the whole, of which some took part
            owner = _PLACE_OWNS.search(before[-40:])
            if owner and not (
                _PARTY_CONTEXT.search(sentence.text) or re.search(r"\bby\s+\S+\s+$", before[-40:])
            ):
                continue  # "The city's two universities teach 45,000 students": the place, not the parties
            if (
                owner
                and _NATION_OWNS.search(owner.group())
                and not re.search(r"\b(?:sign|join)", sentence.text, re.IGNORECASE)
            ):
                continue  # "Wales's nine universities already work with councils": a nation's, a wider group
            if _NOT_PARTIES.search(before[-40:]) or _MEMBER_OF.search(before[-80:]):
                continue  # "the group represents 27 cities", "a member of the Russell Group of 24 universities"
            if re.search(r"\b(?:largest|biggest|smallest)\b", match.group("mid")) and not (
                _ACTED_AFTER.match(seg.text, match.end(), sentence.end)
                or (
                    (owner or re.search(r"[’']s\s", match.group("mid")))
                    and _PARTY_CONTEXT.search(sentence.text)
                )
            ):
                continue  # "our analysis of the 63 largest cities"; not "the city's two largest universities signed"
            if _HEDGED_AFTER.match(seg.text, match.end(), sentence.end):
                continue
            past = _PAST.search(before[-150:])
            if past and _SAME_AGREEMENT_SINCE.search(past.group()):
                past = (
                    None  # "First signed in 2021, the agreement brings together": this agreement's own past
                )
            if wider or _QUALIFIED.search(before[-40:]) or past:
                # "nearly 60 universities", "in 2020, when 24 universities signed": not the parties of
                # this agreement, but a wider group or another agreement; a party count is exact
                continue
            if re.search(r"\bother\b", match.group("mid"), re.IGNORECASE):
                continue  # "joining 21 other universities": the whole is not said
            if re.search(r"\bother\s+$", before, re.IGNORECASE):
                if not _ONE_AND_THE_OTHER.search(before):
                    continue  # "the other 10 cities" counts only part of the parties
                value += 1
            counts.append(
                ClaimedCount(
                    what=what,
                    count=int(value),
                    surface=match.group(),
                    evidence=seg.evidence(match.start(), match.end()),
                )
            )
    return _without_wholes(counts)


def find_statistics(
    seg: Segmented, orgs: list[OrgMention], counts: list[ClaimedCount], proposals: Sequence[Proposal] = ()
) -> list[Statistic]:
    """Figures with unit, qualifier and period; one claim per distinct figure in a document.

    A figure beside a proposal's name ("a £5m Urban Research Fund", "the fund, seeded with £5m") is
    about that proposal, so two releases that price it differently disagree about one thing.
    """
    text = seg.text
    taken = SpanSet((c.evidence.span.start, c.evidence.span.end) for c in counts)
    alliances = {o.name for o in orgs if o.type == "alliance" and not o.members}
    found: list[Statistic] = []
    headlines = _linked_headlines(seg) if "elated" in text or "ore " in text else set()
    for sentence in seg.sentences:
        if not _has_number(sentence.text) or sentence.paragraph in headlines:
            continue  # most sentences hold no figure: skip the costly pattern
        phones = (
            [(m.start(), m.end()) for m in _PHONE.finditer(text, sentence.start, sentence.end)]
            if "+" in sentence.text or "0" in sentence.text  # a phone number starts "+44" or "0..."
            else []
        )
        if _HAS_FRACTION.search(sentence.text):
            for match in _FRACTION.finditer(text, sentence.start, sentence.end):
                found.append(_share(seg, match, orgs, alliances))
            for match in _LONE_FRACTION.finditer(text, sentence.start, sentence.end):
                found.append(_lone_share(seg, match, orgs, alliances))
        if "half a" in sentence.text.lower():
            for match in _HALF_SUM.finditer(text, sentence.start, sentence.end):
                half = _half_sum(seg, match, orgs, alliances)
                if half is not None:
                    found.append(half)
        ratios: list[tuple[int, int]] = []
        if " in " in sentence.text and _RATIO_HINT.search(sentence.text):
            for match in _RATIO.finditer(text, sentence.start, sentence.end):
                stat = _ratio(seg, match, orgs, alliances)
                if stat is not None:
                    found.append(stat)
                    ratios.append((match.start(), match.end()))
        # "between £10m and £15m": one figure, the range's low end, qualified by "between"
        prev_unit: str | None = None  # the unit of the sentence's last figure, for a bare number after it
        prev_end = 0
        highs = (
            [m.start("high") for m in _RANGE_HIGH.finditer(text, sentence.start, sentence.end)]
            if "etween" in sentence.text
            else []
        )
        for match in _STAT.finditer(text, sentence.start, sentence.end):
            start, _end = match.start("num"), match.end()
            if not taken.free(start, start + 1) or any(a <= start < b for a, b in phones):
                continue
            if any(a <= start < b for a, b in ratios) or match.start() in highs:
                continue
            if start < prev_end:
                continue  # "38,000 16 to 18-year-olds": a number inside the figure before it
            stat = _statistic(seg, match, sentence.start, orgs, alliances, prev_unit)
            if stat is not None:
                found.append(stat)
                prev_unit = stat.unit
                prev_end = stat.evidence.span.end
    return _merge([_about_proposal(seg, stat, proposals) for stat in found])


def _about_proposal(seg: Segmented, stat: Statistic, proposals: Sequence[Proposal]) -> Statistic:
    start, end = stat.evidence.span.start, stat.evidence.span.end
    sentence = stat.evidence.sentence
    near = [
        p for p in proposals
        if sentence.start <= p.evidence.span.start < sentence.end
        and (0 <= start - p.evidence.span.end <= 40 or 0 <= p.evidence.span.start - end <= 12
             or p.evidence.span.start <= start < p.evidence.span.end or start <= p.evidence.span.start < end)
    ]  # fmt: skip
    if not near:
        return stat
    proposal = min(near, key=lambda p: abs(p.evidence.span.start - start))
    between = seg.text[min(end, proposal.evidence.span.end) : max(start, proposal.evidence.span.start)]
    if re.search(r"[.;]|\b(?:and|while|but)\b", between):
        return stat
    measure = "amount" if stat.unit in {"GBP", "USD", "EUR"} else stat.measure
    return replace(stat, subject=proposal.name, subject_kind="proposal", measure=measure)


def _statistic(
    seg: Segmented,
    match: re.Match[str],
    lo: int,
    orgs: list[OrgMention],
    alliances: set[str],
    prev_unit: str | None = None,
) -> Statistic | None:
    text = seg.text
    raw = match.group("num")
    value = parse_number(raw)
    if value is None:
        return None
    scale = folded(match.group("scale") or "")
    if scale:
        value *= SCALES[scale]
    after = match.end()
    sentence = seg.sentence_at(match.start())
    tail = text[after : sentence.end]
    hedge = re.sub(r"\s+", " ", match.group("qual").lower()) if match.group("qual") else None
    qualifier = _norm(hedge)
    period = None
    if match.group("pct"):
        unit = "percent"
        of = _OF_PHRASE.match(tail)
        measure = "share of " + of.group("np") if of else "share"
        end = after + (of.end() if of else 0)
    elif match.group("cur"):
        unit = {"£": "GBP", "$": "USD", "€": "EUR"}[match.group("cur")]
        per = _PERIOD.match(tail)
        period = (
            ("year" if per and not per.group("p") else per.group("p").replace("annum", "year"))
            if per
            else None
        )
        noun = re.match(
            r"\s+(?:a\s+year\s+)?(?:to|of|in|for)\s+(?P<np>[^,.;]+?)(?=\s+(?:and|while|but|which)\b|[,.;]|$)",
            tail[per.end() if per else 0 :],
        )
        measure = noun.group("np") if noun else "amount"
        end = after + (per.end() if per else 0)
    elif match.group("top"):
        unit, measure, end = "rank", "ranking", after
        noun = _NOUN.match(tail)
        if noun:
            measure = "ranking among top " + noun.group("np")
            end = after + noun.end()
        qualifier = "within top"
    else:
        rest = _RANGE_REST.match(tail) if hedge == "between" else None
        noun = _NOUN.match(tail, rest.end()) if rest else _NOUN.match(tail)
        if not noun:
            bare = _unit_without_noun(
                text[max(lo, match.start() - 200) : match.start()], tail, raw, prev_unit, hedge
            )
            if bare is None:
                return None
            return _bare_figure(seg, match, value, bare, qualifier, orgs, alliances)
        if (
            noun.group("head").lower() in _PLACES_AND_UNIVERSITIES
            and (hedge or value >= 100)
            and (kinds := _AND_OTHER_KINDS.match(tail, noun.end()))
        ):
            # "heard from more than 200 universities, councils and charities": a figure about many kinds
            # of body, not a count of the parties
            end = after + kinds.end()
            subject, subject_text = _subject(seg, match.start(), orgs, alliances)
            return Statistic(
                subject=subject, subject_text=subject_text, measure=tail[: kinds.end()].strip(),
                value=Decimal(int(value)) if value == value.to_integral() else value.normalize(), unit="count",
                qualifier=qualifier, period=None, surface=text[match.start() : end].strip(),
                evidence=seg.evidence(match.start(), end),
            )  # fmt: skip
        if noun.group("head").endswith("-year-olds") and re.match(r"\s*(?:to|-|–)\s*\d", tail):
            return None  # "training 16 to 19-year-olds": an age band, not a number of people
        if noun.group("head").lower() in _NO_NOUNS:
            return None
        if noun.group("head").lower() in _PARTY_NOUNS and value <= 30:
            return None  # "Four institutions join", "one of nine organisations": who took part
        if _LEVEL.search(text[max(lo, match.start() - 30) : match.start()]):
            return None  # "level 4 and 5 places": a qualification's level, not a number of anything
        if _LABEL.search(text, max(lo, match.start() - 12), match.start()):
            return None  # "Year 9 pupils", "Phase 2 projects": a name with a number in it, not a count
        if re.match(rf"\s*(?:{_MONTHS})\b", tail) or re.search(
            rf"(?:{_MONTHS})\s+$", text[lo : match.start()]
        ):
            return None
        if not raw[0].isdigit() and raw.lower() in {"one", "a dozen"}:
            return None
        if (
            value <= 12
            and not hedge
            and _DEFINITE_BEFORE.search(text, max(lo, match.start() - 8), match.start())
        ):
            return None  # "the four leaders said": those the text has named, counted again, not a claim
        if (
            not raw[0].isdigit()
            and value <= 12
            and not hedge
            and _UNITS.get(noun.group("head").lower(), "count") == "count"
        ):
            return None  # "two roads", "all four nations", "ten minutes from here": a manner of speaking
        if raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100:
            return None
        if re.search(
            rf"\b(?:\d+|{NUMBER_WORD_PATTERN})\s+in\s+$",
            text[max(lo, match.start() - 20) : match.start()],
            re.I,
        ):
            return None  # "1 in 5 adults" is a ratio, not a count of adults
        head = noun.group("head").lower()
        if (
            head in {"years", "months", "weeks", "days"}
            and value <= 30
            and (
                _DURATION.search(text[max(lo, match.start() - 40) : match.start()])
                or hedge in {"over", "up to", "under", "within"}
            )
        ):
            return None  # "over five years", "for the next ten years": how long, not how much
        if (
            head in {"years", "months", "weeks", "days"}
            and value <= 30
            and re.match(
                r"\s+\w+\s+(?:on\b|after\b|later\b|ago\b|before\b|since\b|in\s+the\s+making\b|of\s+(?!age\b))",
                tail,
            )
        ):
            return None  # "four years on", "two years after it was signed", "two years of talks": when, not how much
        if head == "times" and re.match(r"\s+times\s+over\b", tail):
            return None  # "rather than ten times over": a manner of speaking
        if head == "times" and re.match(
            r"\s+times\s+(?:a|per|each|every)\s+(?:year|month|week|day|term)\b", tail
        ):
            return None  # "meets four times a year": how often, not how many times bigger
        if head in {"centuries", "decades", "generations"}:
            return None  # "more than two centuries": how long, not how much
        if head in {"miles", "kilometres", "km"} and re.search(
            r"\bwithin\s+(?:a\s+)?$", text[max(lo, match.start() - 12) : match.start()], re.IGNORECASE
        ):
            return None  # "study within 50 miles of home": where a figure is counted, not a figure
        if re.match(r"\s+of\s+the\b", tail) and not (
            (raw[0].isdigit() or hedge) and _SOME_OF_THE.match(tail)
        ):
            return None  # "two of the biggest employers": a rank among others, not a count
        if (
            head in {"leaders", "heads"}
            and re.fullmatch(r"(?:council|university|city|college)\s+\w+", noun.group("np"))
            and _ACTED_AFTER.match(tail, noun.end())
        ):
            return None  # "Ten council leaders ... have written": the parties counted, not a claim
        if head in _OWN_ITEMS:
            return None  # "sets out three recommendations": the document's own items, not a claim
        paragraph = seg.paragraphs[sentence.paragraph]
        if _PICTURE.match(paragraph.text) or _PICTURE.match(sentence.text):
            return None  # "Alt: Four people sit at a table": a picture described, not a claim
        if (
            match.start() == paragraph.start
            and len(paragraph.text.split()) <= 8
            and not paragraph.text.rstrip().endswith((".", "!", "?", ":", "”", '"'))
        ):
            return None  # "Two people entering reception": a picture's caption, not a claim
        unit = "people" if head.endswith("-year-olds") else _UNITS.get(head, "count")
        if unit == "tonnes" and re.match(
            r"\s+of\s+(?:CO2e?|CO₂e?|carbon(?:\s+dioxide)?)\b", tail[noun.end() :]
        ):
            unit = (
                "tonnes CO2"  # "12 million tonnes of CO2 a year": what the tonnes weigh is part of the unit
            )
        measure = noun.group("np")
        end = after + noun.end()
    subject, subject_text = _subject(seg, match.start(), orgs, alliances)
    surface = text[match.start() : end].strip()
    return Statistic(
        subject=subject,
        subject_text=subject_text,
        measure=measure.strip(),
        value=value.normalize() if value != value.to_integral() else Decimal(int(value)),
        unit=unit,
        qualifier=qualifier,
        period=period,
        surface=surface,
        evidence=seg.evidence(match.start(), end),
    )


# "the four leaders", "these three partners": a few already named, referred back to by their number
_DEFINITE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]ll)\s+$")
# "only 12 of the agreements surveyed", "at least ten of the start-ups": how many of a kind, not a rank
_SOME_OF_THE = re.compile(
    r"\s+of\s+the\s+(?!(?:biggest|largest|smallest|most|best|top|leading|main|first|last|next|other)\b)"
    r"[a-z][\w-]*s\s+(?!of\b)[a-z]"
)
# "up from fewer than 1,500", "from around 12,000 a year to 24,000", "about 6,000 of them": a bare number
# that counts what the sentence's figure before it counts
_FROM_TO = re.compile(r"\b(?:from|to)\s+$", re.IGNORECASE)
# "against a target of 300", "fell short, at around 340": a bare number measured against the one before
_TARGET_OF = re.compile(r"\b(?:target|goal|aim|ambition|total|tally)\s+of\s+$", re.IGNORECASE)
_AT_FIGURE = re.compile(r"\b(?:at|reached|reaching)\s+[\"“‘]?$", re.IGNORECASE)
# "40 per cent of our students ..., and about 6,000 of them": what "them" stands for, counted before
_COUNTED_BEFORE = re.compile(r"\b(?:[a-z]+s|people|staff)\b")
# "between 250 and 300 placements": the range's high end, before the noun the two share
_RANGE_REST = re.compile(rf"\s+and\s+{NUMBER_PATTERN}(?![\w-]*\d)", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|whom)\b", re.IGNORECASE)
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+(?:[a-z-]+\s+)?(?P<head>[a-z]+s)\b[^,;]{0,60}?,?\s+(?:from|to)\s+$", re.IGNORECASE
)
_POPULATION = re.compile(
    # "a population of 2.9 million", "the population grew by 8% to 520,000"
    r"\bpopulation\s+(?:of|(?:of\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*\s+)?(?:has\s+)?"
    r"(?:grew|grown|rose|risen|fell|fallen|increased|reached)\b[^,.;]{0,30}?\s+to)\s+$",
    re.IGNORECASE,
)
_BARE_UNITS = {"people", "jobs", "count"}
# "the agreements signed since 2020, of which there are now over 30": a number of what the clause names
_OF_WHICH_THERE = re.compile(
    r"(?P<clause>[^,;:.]{1,120}),\s+of\s+(?:which|whom)\s+there\s+(?:are|were|is|was)\s+"
    r"(?:(?:now|currently|already|still|today)\s+)?$",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"\b[a-z][\w-]*[^\Wsu]s\b|\b(?:people|staff)\b")


def _unit_without_noun(
    before: str, tail: str, raw: str, prev_unit: str | None, hedge: str | None = None
) -> str | None:
    """The unit of a number with no noun after it, if what it counts is said before it; else None."""
    if _POPULATION.search(before) and not (raw.isdigit() and len(raw) == 4):
        return "people"  # "a population of 2.9 million", "a population of around two million"
    if (raw.isdigit() and len(raw) == 4) or not raw[0].isdigit():
        return None  # "from 2020 to 2024": years; "from one to the other"
    if prev_unit in _BARE_UNITS and (_FROM_TO.search(before) or _OF_THEM.match(tail)):
        return prev_unit
    if prev_unit in _BARE_UNITS and _TARGET_OF.search(before):
        return prev_unit  # "410 firms took part, against a target of 300"
    if (
        prev_unit in _BARE_UNITS
        and (hedge or len(raw.replace(",", "")) >= 3)
        and not re.match(r"[\w:]", tail)
        and _AT_FIGURE.search(before)
    ):
        return prev_unit  # "500 graduate jobs fell short, at around 340"
    if prev_unit is not None and _OF_THEM.match(tail):
        for word in reversed(_COUNTED_BEFORE.findall(before)):
            if _UNITS.get(word) in {"people", "jobs"}:
                return _UNITS[word]  # "40 per cent of our students ... 25 miles ..., and about 6,000 of them"
    if "of wh" in before:
        there = _OF_WHICH_THERE.search(before)
        nouns = _PLURAL.findall(there.group("clause")) if there else []
        if nouns and nouns[-1] not in _COUNT_WORDS:
            return _UNITS.get(nouns[-1], "count")  # "the agreements ..., of which there are now over 30"
    number_of = _NUMBER_OF.search(before)
    if number_of and _UNITS.get(number_of.group("head").lower(), "count") in _BARE_UNITS:
        # "the number of patients ..., from 12,000", "double the number of apprenticeships to 2,000"
        return _UNITS.get(number_of.group("head").lower(), "count")
    return None


def _bare_figure(
    seg: Segmented,
    match: re.Match[str],
    value: Decimal,
    unit: str,
    qualifier: str | None,
    orgs: list[OrgMention],
    alliances: set[str],
) -> Statistic:
    subject, subject_text = _subject(seg, match.start(), orgs, alliances)
    return Statistic(
        subject=subject, subject_text=subject_text, measure=unit,
        value=value.normalize() if value != value.to_integral() else Decimal(int(value)),
        unit=unit, qualifier=qualifier, period=None, surface=match.group().strip(),
        evidence=seg.evidence(match.start(), match.end()),
    )  # fmt: skip


# "Alt: Four people sit at a table", "Alt text: Two students": a picture described
_PICTURE = re.compile(r"\s*(?:Alt(?:\s+text)?|Image|Photo|Picture|Caption)\s*:", re.IGNORECASE)
# "half a billion pounds": a sum in words
# "half a billion pounds", "nearly half a million people": a sum or a count in words
_HALF_SUM = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUAL}))\s+)?\bhalf\s+an?\s+(?P<scale>billion|million)\b(?P<pounds>\s+pounds\b)?",
    re.IGNORECASE,
)
# "Related news", "More stories": the headings of links to other pages, whose figures are not this one's
_RELATED = re.compile(
    r"\s*(?:related\s+(?:news|stories|articles|content|links)|more\s+(?:stories|news|on\s+this\s+story)"
    r"|read\s+more|you\s+may\s+also\s+like|most\s+read|recommended)\s*:?\s*$",
    re.IGNORECASE,
)


def _linked_headlines(seg: Segmented) -> set[int]:
    """The paragraphs under a 'Related news' heading that read as headlines: short, without a full stop."""
    found: set[int] = set()
    under = False
    for index, paragraph in enumerate(seg.paragraphs):
        text = paragraph.text.strip()
        if _RELATED.match(text):
            under = True
        elif under and len(text.split()) <= 20 and not text.endswith((".", "!", "?", ":", "”", '"')):
            found.add(index)
        else:
            under = False
    return found


# the high end of "between £10 million and £15 million"
_RANGE_HIGH = re.compile(
    rf"\bbetween\s+[£$€]?{NUMBER_PATTERN}(?:\s*(?:billion|bn|million|mn|m|thousand|k))?(?:\s*%|\s+per\s*cent)?\s+and\s+"
    rf"(?P<high>[£$€]?{NUMBER_PATTERN})",
    re.IGNORECASE,
)


def _half_sum(
    seg: Segmented, match: re.Match[str], orgs: list[OrgMention], alliances: set[str]
) -> Statistic | None:
    """'half a billion pounds', 'half a million people': a sum or a count in words."""
    unit, measure, end = "GBP", "amount", match.end()
    if not match.group("pounds"):
        noun = _NOUN.match(seg.text, match.end(), seg.sentence_at(match.start()).end)
        if noun is None or noun.group("head").lower() in _NO_NOUNS:
            return None
        unit, measure, end = _UNITS.get(noun.group("head").lower(), "count"), noun.group("np"), noun.end()
    subject, subject_text = _subject(seg, match.start(), orgs, alliances)
    return Statistic(
        subject=subject, subject_text=subject_text, measure=measure, unit=unit,
        value=Decimal(int(SCALES[folded(match.group("scale"))] / 2)), qualifier=_norm(match.group("qual")),
        period=None, surface=seg.text[match.start() : end], evidence=seg.evidence(match.start(), end),
    )  # fmt: skip


def _ratio(
    seg: Segmented, match: re.Match[str], orgs: list[OrgMention], alliances: set[str]
) -> Statistic | None:
    """'nearly one in three of them': a share as a ratio, as a percentage."""
    num, den = parse_number(match.group("num")), parse_number(match.group("den"))
    if num is None or den is None or not 0 < num < den or den > 1000 or num != int(num):
        return None
    if num == 1 and match.group("num").isdigit() and den == int(den) and len(match.group("den")) == 4:
        return None  # "1 in 2020": a year
    share = (Decimal(100) * num / den).quantize(Decimal("0.1"))
    end = match.end()
    subject, subject_text = _subject(seg, match.start(), orgs, alliances)
    return Statistic(
        subject=subject, subject_text=subject_text, measure="share", unit="percent",
        value=share.normalize() if share != share.to_integral() else Decimal(int(share)),
        qualifier=_norm(match.group("qual")), period=None, surface=seg.text[match.start() : end].strip(),
        evidence=seg.evidence(match.start(), end),
    )  # fmt: skip


def _share(seg: Segmented, match: re.Match[str], orgs: list[OrgMention], alliances: set[str]) -> Statistic:
    """'around a third of the students': a share in words, as a percentage."""
    word = folded(match.group("frac")).split()[-1].split("-")[-1]
    of = _OF_PHRASE.match(seg.text, match.end(), seg.sentence_at(match.start()).end)
    end = of.end() if of else match.end()
    subject, subject_text = _subject(seg, match.start(), orgs, alliances)
    return Statistic(
        subject=subject, subject_text=subject_text,
        measure="share of " + of.group("np") if of else "share", value=_FRACTIONS[word], unit="percent",
        qualifier=_norm(match.group("qual")), period=None, surface=seg.text[match.start() : end].strip(),
        evidence=seg.evidence(match.start(), end),
    )  # fmt: skip


# The qualifiers a figure is recorded with: almost, more than, over, around and nearly. "about", "some",
# "roughly" and "approximately" say "around"; other hedges ("at least", "up to", "an estimated", "fewer
# than", "between", "a little over") are not recorded, and the surface keeps the text's own words.
_RECORDED = {
    "almost": "almost", "nearly": "nearly", "more than": "more than", "over": "over", "around": "around",
    "about": "around", "some": "around", "roughly": "around", "approximately": "around",
}  # fmt: skip


def _lone_share(
    seg: Segmented, match: re.Match[str], orgs: list[OrgMention], alliances: set[str]
) -> Statistic:
    """'by half', 'of whom around a third': a share in words with nothing named after it."""
    word = folded(match.group("frac")).split()[-1].split("-")[-1]
    start, end = match.start("share"), match.end("share")
    subject, subject_text = _subject(seg, start, orgs, alliances)
    return Statistic(
        subject=subject, subject_text=subject_text, measure="share", value=_FRACTIONS[word], unit="percent",
        qualifier=_norm(match.group("qual")), period=None, surface=seg.text[start:end],
        evidence=seg.evidence(start, end),
    )  # fmt: skip


def _norm(value: str | None) -> str | None:
    return _RECORDED.get(re.sub(r"\s+", " ", value.lower())) if value else None


def _subject(
    seg: Segmented, offset: int, orgs: list[OrgMention], alliances: set[str]
) -> tuple[str | None, str]:
    sentence = seg.sentence_at(offset)
    inside = starting_within(orgs, sentence.start, offset)
    if inside:
        return inside[0].name, inside[0].surface
    head = seg.text[sentence.start : offset]
    phrase = re.match(
        r"^[\s•]*(?P<np>(?:The\s+)?[^,]{1,40}?)(?=,|\s+(?:already|are|is|deliver|account|play|have|has|were|was|between|together)\b)",
        head,
    )
    subject_text = phrase.group("np").strip() if phrase else head.strip()[:40]
    if (
        re.search(r"\b(?:\d+|eleven|the)\s+(?:core\s+)?cities\b", subject_text, re.IGNORECASE)
        and len(alliances) == 1
    ):
        return next(iter(alliances)), subject_text
    before = starting_within(orgs, seg.paragraphs[sentence.paragraph].start, offset)
    if before and re.match(r"^\s*(?:Its|It|Their|They)\b", seg.text[sentence.start : sentence.end]):
        return before[-1].name, subject_text
    return None, subject_text


def _merge(stats: list[Statistic]) -> list[Statistic]:
    """The same figure said twice in one document is one claim with two pieces of evidence."""
    merged: dict[tuple[Decimal, str, str | None], Statistic] = {}
    for stat in stats:
        key = (stat.value, stat.unit, stat.qualifier)
        if key in merged:
            first = merged[key]
            more: tuple[Evidence, ...] = (*first.more, stat.evidence)
            merged[key] = Statistic(**{**first.__dict__, "more": more})
        else:
            merged[key] = stat
    return list(merged.values())
