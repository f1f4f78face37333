"""Proposals: what a declaration asks for, named in title case or as a lower-case phrase."""

from __future__ import annotations

import re

from .facts import OrgMention, Proposal
from .text import Segmented, capitalise

_CUE = re.compile(
    r"\b(?:propos\w*|call(?:s|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+(?:(?:the\s+)?\w+\s+)?for|urg\w+|recommend\w*|"
    r"should\s+be\s+(?:introduced|set\s+up|created|established|launched)|to\s+be\s+set\s+up|"
    r"need(?:s|ed)?|want(?:s|ed)?|introduction\s+of|establish\w*|seek\w*)\b",
    re.IGNORECASE,
)
PROPOSAL_HEADS = (
    "Partnership", "Partnerships", "Package", "Strategy", "Fund", "Deal", "Programme",
    "Programmes", "Plan", "Zone", "Zones", "Hub", "Hubs", "Bank", "Taskforce", "Framework",
    "Commission", "Compact", "Network", "Networks", "Scheme", "Review", "Prospectus",
)  # fmt: skip
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
_LOWER_HEADS = "|".join(h.lower() for h in PROPOSAL_HEADS)
# "calling for a new regional skills fund", "wants a civic university fund to be created"
_LOWER_NAMED = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:on\s+(?:the\s+)?\w+\s+)?for|ask(?:s|ed|ing)?\s+(?:(?:the\s+)?\w+\s+)?for"
    r"|need(?:s|ed)?|want(?:s|ed)?|propos\w+|urg\w+|recommend\w*|seek\w*|back(?:s|ed|ing)?)\s+(?:(?:an?|the)\s+)?(?:(?:new|brand-new|dedicated)\s+)?"
    rf"(?P<np>(?:[a-z][\w-]*\s+|[A-Z][\w’'-]*\s+(?:of\s+)?){{0,5}}?(?:{_LOWER_HEADS}))\b(?!\s+(?:of|for)\b)"
)
# "the introduction of a cities trade package and a new urban trade strategy", "bringing in a visitor levy"
_MAKING = re.compile(
    r"\b(?:introduction|creation|establishment|setting[\s-]up|launch|formation)\s+of\s+|\bsetting\s+up\s+"
    r"|\bbringing\s+in\s+|\bintroduc(?:e|ing)\s+|\bcreat(?:e|ing)\s+|\bestablish(?:ing)?\s+|\bset\s+up\s+",
    re.IGNORECASE,
)
_LINK = r"and|or|to|for|that|which|by|from|with|in|across|over|within|so|as|on|at"
_MADE = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:(?:new|brand-new|dedicated)\s+)?"
    rf"(?P<np>(?!(?:{_LINK})\b)[\w’'-]+(?:\s+(?!(?:{_LINK})\b)[\w’'-]+){{1,5}}?)"
    rf"(?=\s+(?:{_LINK})\s|\s*[,.;:)]|\s*$)"
)
_PROPOSING = re.compile(
    r"\b(?:call\w*|want\w*|back\w*|support\w*|propos\w*|urg\w*|argu\w*|recommend\w*|need\w*|seek\w*|press\w*"
    r"|push\w*|demand\w*|ask\w*|include|includes|should|must|would)\b",
    re.IGNORECASE,
)
# "Whether they will call for more funding remains to be seen": an aside proposes nothing
_ASIDE = re.compile(
    r"\b(?:whether|remains\s+to\s+be\s+seen|not\s+(?:yet\s+)?(?:clear|known)|unclear|if\s+[\w\s]{1,30}?\bwill)\b",
    re.IGNORECASE,
)
# "The proposals include:", "The alliance is calling for:": the items follow, one a line
_LIST_LEAD = re.compile(
    r"\b(?:propos\w*|call(?:s|ed|ing)?\s+for|asks?|recommend\w*|want\w*|urg\w*|demand\w*|measures|priorities)\b"
    r"[^.!?]*:\s*$",
    re.IGNORECASE,
)
_ITEM_END = re.compile(r"\s+(?:to|that|which|so\s+that|in\s+order\s+to)\s|\s*[,;:(–—]|\s+-\s|\.\s*$|$")
_PURPOSE = re.compile(r"^\s*(?:(?:to\s+be\s+set\s+up\s+)?(?P<p>(?:to|that\s+would)\s+[^,.;]+))")
_LEAD = re.compile(r"^(?:(?:a|an|the|new|brand-new|introduction\s+of)\s+)+", re.IGNORECASE)
_SKIP_WORDS = {"The", "A", "An", "In", "They", "Their", "Our", "We", "It", "Writing", "Local"}


# "proposes a Net Zero Research Alliance", "calls for a new Northern Skills Network": not yet there
_PROPOSED_ORG = re.compile(
    r"\b(?:propos(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+for|creation\s+of|setting\s+up|establish(?:ing|ment\s+of)?"
    r"|want(?:s|ed)?|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|back(?:s|ed|ing)?)\s+an?\s+(?:(?:new|brand-new|dedicated)\s+)?$",
    re.IGNORECASE,
)


def proposed_organisations(seg: Segmented, orgs: list[OrgMention]) -> list[OrgMention]:
    """Organisations named only as something to be set up: a proposal, not a body that exists."""
    proposed = []
    for org in orgs:
        sentence = seg.sentence_at(org.evidence.span.start)
        before = seg.text[max(sentence.start, org.evidence.span.start - 80) : org.evidence.span.start]
        if _PROPOSED_ORG.search(before) and not _ASIDE.search(sentence.text):
            proposed.append(org)
    names = {o.name for o in proposed}
    # named as it exists elsewhere in the text ("the Alliance met"): an organisation after all
    return [o for o in proposed if sum(1 for other in orgs if other.name == o.name) == 1 and o.name in names]


def find_proposals(
    seg: Segmented, orgs: list[OrgMention], proposed: list[OrgMention] | None = None
) -> list[Proposal]:
    """Named proposals in sentences that propose, call for, or ask for something."""
    text = seg.text
    found: dict[str, Proposal] = {}
    for org in proposed or ():
        found.setdefault(org.name.lower(), Proposal(org.name, None, org.evidence))
    org_spans = [(o.evidence.span.start, o.evidence.span.end) for o in orgs]
    for item in _listed(seg):
        found.setdefault(item.name.lower(), item)
    for sentence in seg.sentences:
        body = text[sentence.start : sentence.end]
        if _ASIDE.search(body):
            continue
        for making in _MAKING.finditer(body):
            if not _PROPOSING.search(body[: making.start()]) and not _CUE.search(body[: making.start()]):
                continue
            at = making.end()
            while made := _MADE.match(body, at):
                np = made.group("np")
                start = sentence.start + made.start("np")
                end = start + len(np)
                if len(np.split()) >= 2 and not any(a < end and start < b for a, b in org_spans):
                    found.setdefault(np.lower(), Proposal(capitalise(np), None, seg.evidence(start, end)))
                more = re.match(r"\s+(?:and|or)\s+(?=(?:a|an|the|new)\s)", body[made.end() :])
                if not more:
                    break
                at = made.end() + more.end()
        if not _CUE.search(body):
            continue
        for match in _TITLED.finditer(body):
            np = match.group("np")
            words = np.split()
            while words and words[0] in _SKIP_WORDS:
                words.pop(0)
            if len(words) < 2:
                continue
            name = " ".join(words) + (match.group("acr") or "")
            start = sentence.start + match.end("np") - len(" ".join(words))
            end = sentence.start + match.end()
            if any(a < end and start < b for a, b in org_spans):
                continue
            purpose = _PURPOSE.match(body[match.end() :])
            found.setdefault(
                name.lower(),
                Proposal(name, purpose.group("p") if purpose else None, seg.evidence(start, end)),
            )
        for match in _LOWER_NAMED.finditer(body):
            np = match.group("np").strip()
            if len(np.split()) < 2:
                continue
            start = sentence.start + match.start("np")
            end = sentence.start + match.end("np")
            if any(a < end and start < b for a, b in org_spans):
                continue
            found.setdefault(np.lower(), Proposal(capitalise(np), None, seg.evidence(start, end)))
        for match in _LOWER.finditer(body):
            np = match.group("np").strip()
            if len(np.split()) < 3:
                continue
            name = capitalise(_normalise(_LEAD.sub("", np) if not np.startswith(("greater", "more")) else np))
            start = sentence.start + match.start("np")
            end = sentence.start + match.end("np")
            found.setdefault(name.lower(), Proposal(name, None, seg.evidence(start, end)))
    return sorted(found.values(), key=lambda p: p.evidence.span.start)


def _listed(seg: Segmented) -> list[Proposal]:
    """Items of a list whose lead-in proposes: 'The proposals include:' then one item a line."""
    found: list[Proposal] = []
    in_list = False
    for paragraph in seg.paragraphs:
        if paragraph.noise:
            in_list = False
            continue
        if _LIST_LEAD.search(paragraph.text):
            in_list = True
            continue
        if not in_list:
            continue
        if len(paragraph.text.split()) > 25 or re.search(r"\b(?:said|says|added)\b", paragraph.text):
            in_list = False
            continue
        item = _LEAD.sub("", paragraph.text.strip())
        cut = _ITEM_END.search(item)
        name = re.sub(r"\s+(?:and|or)$", "", (item[: cut.start()] if cut else item).strip())
        if not 2 <= len(name.split()) <= 10:
            continue
        start = paragraph.start + paragraph.text.index(name)
        found.append(Proposal(capitalise(name), None, seg.evidence(start, start + len(name))))
    return found


def _normalise(phrase: str) -> str:
    """'X over how skills are delivered' and 'X in the delivery of skills' name one thing."""
    phrase = re.sub(
        r"\bover\s+how\s+(?P<what>.+?)\s+(?:are|is)\s+delivered\b",
        r"in delivery of \g<what>",
        phrase,
    )
    phrase = re.sub(r"\bin\s+the\s+delivery\s+of\b", "in delivery of", phrase)
    return phrase
