"""Proposal names: the words that name a thing asked for, and where its name starts and stops.

"a new Regional Skills Fund for every city" names the "Regional Skills Fund"; "to extend the Freeport"
names an act, the "Extension of the Freeport". Both the rules that find proposals and the reading of
what someone is asked to do (asks.py) cut names here.
"""

from __future__ import annotations

import re

PROPOSAL_HEADS = (
    "Partnership", "Partnerships", "Package", "Strategy", "Fund", "Deal", "Programme",
    "Programmes", "Plan", "Zone", "Zones", "Hub", "Hubs", "Bank", "Taskforce", "Framework",
    "Commission", "Compact", "Network", "Networks", "Scheme", "Prospectus",
)  # fmt: skip
LOWER_HEADS = "|".join(h.lower() for h in PROPOSAL_HEADS)
# Acts named by their noun: "to extend the Freeport" asks for the Freeport's extension
ACT_NOUNS = {
    "extend": "Extension", "include": "Inclusion", "devolve": "Devolution", "pool": "Pooling",
    "transfer": "Transfer", "use": "Use", "allocate": "Allocation", "expand": "Expansion",
    "retain": "Retention", "protect": "Protection", "remove": "Removal", "reform": "Reform",
    "review": "Review", "scrap": "Scrapping", "lift": "Lifting", "relax": "Relaxation",
    "simplify": "Simplification", "merge": "Merger", "align": "Alignment", "renew": "Renewal",
    "ring-fence": "Ring-fencing", "ringfence": "Ring-fencing", "publish": "Publication",
    "double": "Doubling", "weight": "Weighting", "co-fund": "Co-funding", "co-commission": "Co-commissioning",
    "keep": "Retention", "recognise": "Recognition", "recognize": "Recognition", "count": "Counting",
    # "release the remaining capital", "cut VAT on heat pumps": the act's noun is the verb itself
    "release": "Release", "cut": "Cut", "electrify": "Electrification",
}  # fmt: skip
# Verbs that start a further act in "fund a new academy and extend the fund"
ACT_VERBS = "|".join(
    [*ACT_NOUNS, "create", "establish", "fund", "back", "introduce", "allow", "let", "give", "hand", "grant",
     "designate", "treat", "provide", "support", "deliver", "commit", "set up", "make"]
)  # fmt: skip
THING = re.compile(
    rf"\b(?i:{LOWER_HEADS}|centre|center|institute|academy|observatory|budget|settlement|pot|accelerator"
    r"|register|passport|guarantee|account|levy|levies|status|designation|pathway|route|platform|service|offer"
    r"|pilot|bootcamp|facility|facilities|reliefs?|allowance|premium|grant|duty|powers?|reopening|extension|expansion"
    r"|electrification|upgrade|redevelopment|restoration|dualling|reopening|seat|formula|review\s+of|audit\s+of"
    # "multi-year funding", "long-term research funding": funding that is promised ahead
    r"|(?:multi|long|\w+)-(?:year|term)\s+(?:[\w-]+\s+)?funding)s?\b"
)
# "... a regional skills passport and for greater flexibility ...": a second proposal joined on
MORE = re.compile(
    r"\s*,\s*(?:(?:and|or)\s+)?(?:also\s+)?(?:for|to)\s+"
    r"|\s+(?:and|or)\s+(?:also\s+)?(?:for\s+|to\s+)?(?=(?:a|an|the|new|greater|more|full)\s|[a-z£])"
)
# "settlements for cities and a green skills passport": a second thing after what the first is for
_AFTER_SCOPE = re.compile(
    r"\s+(?:for|in|across|at|on|with)\s+(?!(?:an?)\s)[^,.;:()]{1,40}?\s+(?:and|or)\s+(?:also\s+)?(?=(?:an?|new)\s)"
)


def further(text: str, at: int, end: int) -> re.Match[str] | None:
    """Where a further name joined on after text[:at] starts, if one is."""
    return MORE.match(text, at, end) or _LIST_NEXT.match(text, at, end) or _AFTER_SCOPE.match(text, at, end)


# "a research fund, a skills passport and a seat on the board": the next of several names
_LIST_NEXT = re.compile(r"\s*,\s*(?=(?:an?|the)\s[^.;:]*?\s(?:and|or)\s+(?:an?|the|greater|more|full|new)\s)")

# Asks too vague to be a proposal: "called for more time", "asked for clarity"
VAGUE = re.compile(
    r"^(?:(?:more|greater|further|urgent|new|the|a|an|some|real|clear|radical|bold|fresh|fundamental|relatively|modest"
    r"|significant|substantial|large|small|huge|considerable)\s+)*(?:time|action|help|support|clarity|change|sums|amounts|"
    r"changes|investment|funding|money|talks|progress|details|information|answers|commitment|certainty|views"
    r"|vision|devolution|approach|future|ambition|collaboration|partnership|recovery|growth|thinking|reform|powers"
    r"|cooperation|co-operation|levelling\s+up|fairness|respect|things|same\s+things|this|that|it|them|meetings?"
    r"|(?:two|three|four|five|six|a\s+few|several|many|\d+)\s+things|jobs|opportunities|homes|prosperity|wealth"
    r"|skills|talent|people|work|nothing(?:\s+more)?|anything|everything|something)"
    # "clarity on the future of the fund", "a further £2m": still no thing asked for
    r"(?:\s+(?:on|about|around)\b.*)?$"
    r"|^(?:(?:a|an)\s+)?(?:further|extra|additional)?\s*[£$€][\d.,]+\s*(?:bn|m|k|million|billion)?$"
    # "a 'fair share' of rail investment": a slogan in the writer's quotation marks, no thing asked for
    r"|^(?:(?:a|an|the|their|its|our)\s+)?[\"“‘']fair(?:er)?\s+share[\"”’']\s+of\b.*$"
    # "the power to decide", "powers to act": a power with nothing it is over
    r"|^(?:the\s+)?(?:new\s+)?powers?\s+to\s+[a-z]+$",
    re.IGNORECASE,
)
LEAD = re.compile(
    r"(?:(?:a|an|the|its|their|our|new|brand-new|dedicated|introduction\s+of|creation\s+of|establishment\s+of"
    r"|setting\s+up(?:\s+of)?|bringing\s+in(?:\s+of)?|launch\s+of|formation\s+of"
    r"|(?:government|ministerial|national|public|treasury|their|its)\s+(?:support|backing)\s+(?:for|of)"
    r"|[£$€]\d[\d.,]*(?:\s*(?:bn|m|k|million|billion))?)\s+)+",
    re.IGNORECASE,
)
# Gerunds that name a thing inside a name: "the competitive bidding process", "bus franchising"
_MORE_ING_NOUNS = (
    "bidding|commissioning|borrowing|licensing|franchising|ticketing|retrofitting|budgeting|ring-fencing"
    # "a workplace parking levy", "an electric vehicle charging network": a gerund that names a thing
    "|parking|charging|recycling|cycling|walking|shipping|computing|heating|lighting|screening|mentoring|tutoring"
)
# Where a proposal's name stops: at punctuation, a clause, a scope or purpose after the name
# ("devolved adult education budgets for every Core City", "observatories to track demand").
NAME_STOP = re.compile(
    # every stop starts with a space, a stop's punctuation or a head word: a look-ahead for those passes
    # over the letters inside words at once
    r"(?=[\s,;:(.]|\b(?i:[fplhzbst]))(?:"
    r"\s*[,;:(]|\s[–—-]\s|\.(?:\s|$)|\s+such\s+as\s"
    # "a fund of £8m over four years", "an observatory run jointly with ...": its size or keeper
    r"|\s+of\s+(?:up\s+to\s+|around\s+|about\s+|at\s+least\s+|between\s+)?[£$€]\d"
    r"|\s+(?:run|led|held|hosted|based|paid|built|made|owned)\s+(?=(?:by|jointly|with|at|in|from|through|across|on|to)\b)"
    # "... and presses them to ...": a further ask, not part of the name
    r"|\s+(?:and|but)\s+(?:also\s+)?(?:ask|urg|press|call|lobb|challeng)\w*\s+(?=them|it|ministers|the)\b"
    # ("the relocation of at least one body": "at least" counts, it is no place)
    r"|\s+(?:that|which|who|where|while|so\s+that|in\s+order\s+to|across|at(?!\s+(?:least|most)\s)|with|within|without|through|"
    # "its spending by combined authority area": a breakdown, which stays in the name
    r"under|until|by(?!\s+(?:combined\s+authority|local\s+authority|council\s+area|region|constituency|postcode)\b)"
    r"|from|for|into|alongside|including|as|if|when|because|rather|beyond|than|worth|around|after"
    r"|before|during|between|among|against|over\s+(?!how\b)|would|could|should|will|can|may|might|must"
    r"|has|have)\s"
    r"|\b(?i:fund|plan|pilot|levy|hubs?|zones?|bank|budgets?|passports?|scheme|strategy|package|settlements?"
    r"|taskforce)(?P<cut>\s+and\s+)(?=[a-z])"
    r"|\s+(?:and|or)\s+(?:also\s+)?(?=(?:a|an|the|new|for|to|greater|more|full|confirm|bring|give|not)\s)"
    rf"|\s+(?:and|or)\s+(?:also\s+)?(?=(?:{ACT_VERBS})\s+(?:the|a|an|its|their)\b)"
    r"|(?<!\bpowers)(?<!\bpower)(?<!\bduty)(?<!\bability)(?<!\bfreedom)(?<!\bright)(?<!\bprocess)(?<!\bmechanism)"
    r"(?<!\bobligation)(?<!\brequirement)(?<!\bpermission)"
    r"(?<!\bflexibility)(?<!\bfreedoms)(?<!\bchange)(?<!\bchanges)(?<!\s\d)(?<!\s\d\d)\s+to\s"
    r"|\s+(?:was|were)\b|\s+(?:is|are)\s+(?=(?:set|being|now|also|likely|expected|needed|due|the|a|an|one|key|vital"
    r"|essential|central|crucial)\b)|\s+(?:every|each)\s+(?:year|month|week)\b|\s+(?:set\s+up|created|established|introduced|launched)(?=[\s.,;]|$)"
    # "a role in allocating the fund": a gerund after a preposition is still the name
    r"|(?<!\sin)(?<!\son)(?<!\sof)\s+(?!(?:funding|training|housing|building|planning|learning|spending|manufacturing|engineering|nursing"
    rf"|teaching|banking|marketing|mapping|monitoring|sharing|pricing|{_MORE_ING_NOUNS})\b)[a-z]+ing\s"
    r"|\s+[a-z]+ed\s+(?:by|with|across|to|from|into|on|in|for)\s)",
)
# an enumeration's items are names, not clauses: ", recording work experience and ..." is no item
ING_NOUNS = (r"funding|training|housing|building|planning|learning|spending|manufacturing|engineering|nursing"
              r"|teaching|banking|marketing|mapping|monitoring|sharing|pricing")  # fmt: skip
_WORDS = (
    rf"(?!(?:whether|which|that|who|while|if|but|as|so|not|a|an|the)\b)(?!(?!(?:{ING_NOUNS})\b)[a-z]+ing\b)"
    # ", based on population and need": a participle's clause, no item
    r"(?![a-z]+ed\s+(?:on|by|with|in|at|from|to)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}"
)
_ENUMERATION = re.compile(rf",\s*{_WORDS}(?:,\s*{_WORDS})*,?\s+(?:and|or)\s+{_WORDS}")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a proposal's name inside a longer phrase."""
    lead = LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    at = start
    widened = 0
    unwidened: int | None = None  # where the name stopped before a complement was kept
    while stop := NAME_STOP.search(text, at, end):
        cut = stop.group().strip()
        if cut == "(" and _ACRONYM.match(text, stop.end(), end):
            at = _ACRONYM.match(text, stop.end(), end).end()  # type: ignore[union-attr]
            continue  # "UK Research and Innovation (UKRI) place advisory group" is one name
        head = text[start : stop.start()].split()
        # "a seat for Key Cities", "powers for the mayor to co-fund spin-outs": a share, a seat or a
        # power is named by what it is of, so its complement stays
        if (
            widened < 2
            and (cut in ("for", "from") or (widened and cut == "to") or (cut == "to" and head[:1] == ["end"]))
            and (
                (bool(head) and head[0].lower() in RELATIONAL)
                or (len(head) <= 3 + 4 * widened and any(w.lower() in RELATIONAL for w in head[:3]))
                # "10 per cent of the fund for places outside ...", "five years of funding for a plan"
                or (cut == "for" and _SHARE_OR_SPELL.match(text, start, stop.start()) is not None)
            )
            # "the right to retain rates for at least a decade": how long is no part of the name
            and not _DURATION.match(text, stop.end(), end)
        ):
            widened += 1
            unwidened = stop.start() if unwidened is None else unwidened
            at = stop.end()
            continue
        if (
            cut == ","
            and len(head) == 1
            and _ADJECTIVE.fullmatch(head[0])
            and _ADJECTIVE_NEXT.match(text, stop.end(), end)
        ):
            at = stop.end()  # "a single, flexible funding pot": adjectives, one name
            continue
        listed = _ENUMERATION.match(text, stop.start(), end) if cut == "," else None
        if listed is None:
            # "a Fund and devolved budgets": two names, the first ending at its head word
            end = stop.start("cut") if stop.start("cut") >= 0 else stop.start()
            break
        at = listed.end()  # "skills, employment and job creation programmes" is one name
    if unwidened is not None and len(text[start:end].split()) > 16:
        end = unwidened  # a complement that makes the name too long to be one is left out
    phrase = text[start:end].rstrip()
    phrase = re.sub(r"\s+(?:and|or|the|a|an)$", "", phrase)
    return start, start + len(phrase)


# "a single, multi-year settlement": an adjective before a comma, and another after it
_ADJECTIVE = re.compile(
    r"single|flexible|simple|stable|permanent|fair|fairer|dedicated|national|regional|local|devolved|ring-fenced"
    r"|[\w-]+-(?:year|term)",
    re.IGNORECASE,
)
_ADJECTIVE_NEXT = re.compile(r"\s*(?!(?:a|an|the|and|or|but|which|who|that)\b)[a-z][\w-]*\s+[a-z]")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,8}\)")
# A share of something, or funding over a span of years, is named with what it is for
_SHARE_OR_SPELL = re.compile(
    r"(?:\d[\d.]*\s*(?:per\s+cent|%)|half|a\s+(?:third|quarter|fifth))\s+of\s"
    r"|(?:[\w-]+\s+)?(?:[\w-]+-year|long-term|(?:\w+|\d+)\s+years\s+of)\s+(?:[\w-]+\s+)?funding\s*$",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"(?:at\s+least\s+|up\s+to\s+|the\s+next\s+|over\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d+)\s+(?:decades?|years?|months?)\b",
    re.IGNORECASE,
)
# Nouns named by what they are of or for: "a seat for Key Cities", "priority for the port"
RELATIONAL = {
    "end", "access",
    "seat", "seats", "share", "priority", "powers", "power", "say", "role", "duty", "right", "rights",
    "status", "stake", "voice", "place", "places", "control",
    # "a fair formula for allocating the fund": a formula is named by what it shares out
    "formula",
}  # fmt: skip


def normalise(phrase: str) -> str:
    """'X over how skills are delivered' and 'X in the delivery of skills' name one thing."""
    phrase = re.sub(
        r"\bover\s+how\s+(?P<what>.+?)\s+(?:are|is)\s+delivered\b",
        r"in delivery of \g<what>",
        phrase,
    )
    phrase = re.sub(r"\bin\s+the\s+delivery\s+of\b", "in delivery of", phrase)
    # "a review of how funding council allocations recognise civic work": a review of the allocations
    return _OF_HOW.sub(r"\g<act> of \g<what>", phrase)


_OF_HOW = re.compile(
    r"^(?P<act>(?:an?\s+)?(?:review|reform|audit|overhaul|assessment|evaluation))\s+of\s+how\s+(?:the\s+)?"
    r"(?P<what>(?:[\w’'-]+\s+){0,5}[\w’'-]+s)(?<!\bis)(?<!\bwas)(?<!\bhas)\s+(?!(?:is|are|was|were|has|have|and|or|of)\b)"
    r"[a-z][\w-]*\b.*$",
    re.IGNORECASE,
)
# Acts named by their noun, under which a body may be named: "Review of Scottish Funding Council allocations"
ACT_NAMES = {noun.lower() for noun in ACT_NOUNS.values()}


# "a fund worth £1 billion over five years", "recognition of work with local government", "a plan
# alongside their recruitment targets": a complement that says how much or with whom, which a name
# keeps when it does not swamp it
_COMPLEMENT = re.compile(
    r"\s+(?:worth|of)\s+(?:up\s+to\s+|at\s+least\s+|around\s+|about\s+)?[£$€]\d"
    r"|(?:(?<=\bwork)|(?<=\bpartnership)|(?<=\bpartnerships)|(?<=\bcollaboration))\s+with\b"
    r"|(?:\s+for\s+(?:it|them|this))?\s+(?:alongside|within)\b"
    # "a change to procurement rules so that social value counts": the change is said by its aim
    r"|(?<=\brules)\s+so\s+that\b|(?<=\bregulations)\s+so\s+that\b"
)
_COMPLEMENT_STOP = re.compile(
    r"\s*(?:[;:(\n]|\.(?!\d)|,(?!\d{3}))|\s[–—-]\s"
    r"|\s+(?:and|or|but|which|who|while|because|although|whereas|rather\s+than|if|when|so\s+that|to\s+be)\s"
    r"|\s+to\s+(?=[a-z]+\s)(?!(?:the|a|an|its|their|local|city|every|each|all)\s)"  # "to equip colleges": a purpose
)


def complement(text: str, end: int, words: int) -> int:
    """Where a name ending at `end` stops with its complement ("worth £1bn over five years"), if it has one.

    `words`: the name's own content words; the complement may add at most twice as many, so that the
    name stays recognisably the same ask, and is cut at a preposition when it would add more
    ("work with local government in the assessment of impact" keeps "with local government").
    """
    if not _COMPLEMENT.match(text, end):
        return end
    aim = re.match(r"\s+so\s+that\s", text[end : end + 10])
    stop = _COMPLEMENT_STOP.search(text, end + (aim.end() if aim else 0), min(len(text), end + 200))
    if stop is None:
        return end
    cuts = [m.start() for m in _PREPOSITION.finditer(text, end + 1, stop.start())] + [stop.start()]
    for cut in reversed(cuts):
        if len(_SIGNIFICANT.findall(text, end, cut)) <= 2 * words:
            return cut
    return end


_PREPOSITION = re.compile(r"\s+(?:in|on|at|for|by|from|to|into|across|over|under|through|as)\s")
# the words that tell one name from another ("a", "of", "with" tell nothing)
_SIGNIFICANT = re.compile(
    r"(?i)\b(?!(?:a|an|the|of|for|to|in|on|and|or|by|at|with|from|its|their|new)\b)[\w£$€%][\w£$€%.,’'-]*"
)


def clause_end(text: str, at: int, end: int) -> int:
    """Where the clause at text[at:end] ends: at punctuation or a word that starts another clause."""
    stop = _COMPLEMENT_STOP.search(text, at, end)
    return stop.start() if stop else end
