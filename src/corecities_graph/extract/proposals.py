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
    rf"(?P<np>(?:[a-z][\w-]*\s+){{0,4}}?(?:{_LOWER_HEADS}))\b(?!\s+(?:of|for)\b)"
)
_PURPOSE = re.compile(r"^\s*(?:(?:to\s+be\s+set\s+up\s+)?(?P<p>(?:to|that\s+would)\s+[^,.;]+))")
_LEAD = re.compile(r"^(?:(?:a|an|the|new|brand-new|introduction\s+of)\s+)+", re.IGNORECASE)
_SKIP_WORDS = {"The", "A", "An", "In", "They", "Their", "Our", "We", "It", "Writing", "Local"}


def find_proposals(seg: Segmented, orgs: list[OrgMention]) -> list[Proposal]:
    """Named proposals in sentences that propose, call for, or ask for something."""
    text = seg.text
    found: dict[str, Proposal] = {}
    org_spans = [(o.evidence.span.start, o.evidence.span.end) for o in orgs]
    for sentence in seg.sentences:
        body = text[sentence.start : sentence.end]
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


def _normalise(phrase: str) -> str:
    """'X over how skills are delivered' and 'X in the delivery of skills' name one thing."""
    phrase = re.sub(
        r"\bover\s+how\s+(?P<what>.+?)\s+(?:are|is)\s+delivered\b",
        r"in delivery of \g<what>",
        phrase,
    )
    phrase = re.sub(r"\bin\s+the\s+delivery\s+of\b", "in delivery of", phrase)
    return phrase
