"""What the name of a body is made of: head words and the type they give, and canonical names."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..resolve.names import fold
from ..resolve.reference import Reference
from .facts import OrgMention

# Head words that make a capitalised phrase an organisation name, and the type they give.
HEADS: dict[str, str] = {
    # a college or school is further education, a conservatoire or a faculty: a university only by name
    "University": "university", "College": "other", "Polytechnic": "university", "School": "other",
    "Conservatoire": "university",
    "Council": "council", "Authority": "other",
    "Institute": "institute", "Centre": "institute", "Laboratory": "institute",
    "Government": "government", "Department": "government", "Ministry": "government", "Office": "other",
    "Treasury": "government", "Parliament": "government", "Assembly": "government",
    "Ltd": "company", "Limited": "company", "plc": "company", "PLC": "company", "Inc": "company",
    "LLP": "company", "Company": "company", "Corporation": "company",
    "Alliance": "alliance", "Network": "alliance", "Consortium": "alliance",
    "Trust": "other", "Chamber": "other", "Partnership": "other", "Board": "other",
    "Agency": "other", "Commission": "other", "Foundation": "other", "Society": "other",
    "Association": "other", "Federation": "other", "Hospital": "other", "Museum": "other",
    "Harbour": "other", "Freeport": "other", "Ports": "other", "LEP": "other",
    "Forum": "other", "Catapult": "other", "Group": "other", "Committee": "other", "Cabinet": "other",
    "District": "other", "System": "other", "Service": "other", "Enterprise": "other", "Taskforce": "other",
}  # fmt: skip


# A capitalised word right after a head that turns the phrase into something else.
DOCUMENT_WORDS = {
    "Agreement", "Agreements", "Declaration", "Charter", "Strategy", "Package", "Deal", "Plan",
    "Programme", "Fund", "Compact", "Accord", "Review", "Report", "Act", "Bill", "Awards",
    "Campus", "Challenge", "Partnerships", "Scheme", "Zone", "Week", "Day",
}  # fmt: skip


MASTHEAD_WORDS = {"News", "Magazine", "Blog", "Press", "Online", "Website"}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    type: str
    surface: str
    members: tuple[str, ...] = ()


def resolve_name(surface: str, type_: str, ref: Reference) -> tuple[str, str]:
    """Canonical name and type of an organisation as written."""
    known = ref.canonical_org(surface)
    if known is not None:
        inst = ref.institutions.get(known)
        return known, inst.type if inst else type_
    # "THE University of X has signed": a newspaper's capitals
    name = re.sub(r"^(?:[Tt]he|THE)\s+", "", surface)
    return name, type_


# where a capital "The" before a name is the writer's, not a sentence's: after a word or a comma in
# the same sentence ("and The City of Liverpool College"), or on a line that holds only the name
# ("• The Christie NHS Foundation Trust")
_WORD_BEFORE = re.compile(r"(?:[\w,;&]|\w[’']s)\s+$")
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?][\"'’”]?|\b(?:Mr|Mrs|Ms|Dr|St|Prof))\s+$")
_BULLET = re.compile(r"[ \t]*(?:[•*·▪–—-][ \t]*)?")
_LINE_END = re.compile(r"[ \t.,;]*(?:\n|$)")


def with_own_article(text: str, mentions: list[OrgMention], ref: Reference) -> list[OrgMention]:
    """Bodies whose own name starts with 'The' ('The Sheffield College', 'The Christie NHS Foundation
    Trust'): a name the reference does not know keeps the article where the text writes it with a
    capital that no sentence start explains, and keeps it at every mention."""
    own: set[str] = set()
    for mention in mentions:
        at = mention.evidence.span.start
        if mention.name in own or mention.name.startswith("The ") or text[max(0, at - 4) : at] != "The ":
            continue
        if ref.canonical_org(mention.name) is not None:
            continue  # "The University of Manchester": the reference has its name
        line = text[text.rfind("\n", 0, at - 4) + 1 : at - 4]
        mid_sentence = bool(_WORD_BEFORE.search(line)) and not _SENTENCE_END_BEFORE.search(line)
        alone = bool(_BULLET.fullmatch(line)) and bool(_LINE_END.match(text, mention.evidence.span.end))
        if mid_sentence or alone:
            own.add(mention.name)
    if not own:
        return mentions
    return [replace(m, name=f"The {m.name}") if m.name in own else m for m in mentions]


# "Cabinet Office", "Home Office", "Scotland Office": departments of state; "the City Office" is not one
_STATE_OFFICE = re.compile(
    r"^(?:Cabinet|Home|Foreign(?:,\s+Commonwealth\s+(?:and|&)\s+Development)?|Scotland|Wales|Northern\s+Ireland"
    r"|India|Colonial|War)\s+Office$|^Office\s+(?:for|of)\s"
)


# A body whose members are councils, colleges or universities: named by them before its head, or
# after "Association of"; "NPTC Group of Colleges" is one college under one board, not an association
_MEMBER_KINDS = r"(?:Government|Councils|Authorities|Colleges|Universities|Cities|Mayors)"
_MEMBERSHIP_ENDS = {"Association", "Group", "Federation", "Universities", "Government", "Councils",
                    "Authorities", "Colleges", "Cities", "Mayors"}  # fmt: skip
_MEMBERSHIP = re.compile(
    rf"\b{_MEMBER_KINDS}\s+(?:Association|Group|Federation)$|^(?:Association|Convention|Federation)\s+of\s+"
    rf"(?:[A-Z][\w-]*\s+)*{_MEMBER_KINDS}$|\s+Universities$"
)


_NATIONAL_COUNCIL = re.compile(
    r"\bFunding\s+Council\b|\bResearch\s+Council$|^Arts\s+Council\b|\bCouncil\s+(?:England|Scotland|Wales)$"
)


NATIONS = {"Scotland", "Wales", "England", "Ireland", "UK", "Cymru", "Britain"}
NATION_ADJECTIVES = {"Scottish", "Welsh", "English", "British", "Irish", "Northern"}


def type_of(name: str) -> str:
    if _STATE_OFFICE.search(name):
        return "government"
    words = name.split()
    if words and words[0] == "Universities" and len(words) >= 2:
        return "alliance"
    if re.search(r"\b(?:Combined|Unitary|Local|Strategic|Regional)\s+Authority$", name):
        return "council"
    if name.endswith(" Cabinet") and re.search(r"\bRegion(?:al)?\s+Cabinet$", name):
        return "council"  # "Glasgow City Region Cabinet": the councils of a city region, meeting as one
    if name.startswith("National Institute for "):
        return "government"  # "National Institute for Health and Care Research": a national funder
    if "Council" in name and _NATIONAL_COUNCIL.search(name):
        # "Scottish Funding Council", "Medical Research Council", "Arts Council England": a nation's
        # funder, not a local council
        return "government"
    if words and words[-1] == "Agency":
        return "government"  # "Environment Agency", "UK Space Agency": an agency of the state
    if (
        len(words) >= 2
        and words[-1] == "Enterprise"
        and (words[0] in NATION_ADJECTIVES or words[-2] in NATIONS)
    ):
        return "government"  # "Scottish Enterprise", "South of Scotland Enterprise": a nation's development agency
    if name.endswith(" College London"):
        # "Imperial College London": a college of a federal university, a university itself
        return "university"
    if words and words[-1] in _MEMBERSHIP_ENDS and _MEMBERSHIP.search(name):
        return "alliance"  # "Local Government Association", "Association of Colleges", "X Universities"
    if words and words[-1] == "Executive":
        return "government"  # "Northern Ireland Executive", "Northern Ireland Housing Executive"
    last_head = next((w for w in reversed(words) if w in HEADS), None)
    if last_head in {"College", "School"} and "University" in words:
        return "university"  # "University College Birmingham", "Glasgow University Medical School"
    if re.search(r"\bSchool\s+of\s+(?:Art|Music|Drama)\b|\bConservatoire\b", name):
        return "university"  # an art school or conservatoire grants degrees
    for word in reversed(words):
        if word in HEADS:
            return HEADS[word]
    return "other"


_ROLE_CACHE: dict[int, frozenset[str]] = {}


def _role_key(words: list[str]) -> str:
    return fold(" ".join(words).replace("-", " "))


def starts_role(words: list[str], j: int, ref: Reference) -> bool:
    """Whether words[j:] open with a post ('Leader', 'Pro Vice-Chancellor', 'chief executive')."""
    if id(ref) not in _ROLE_CACHE:
        _ROLE_CACHE[id(ref)] = frozenset(_role_key(r.split()) for r in ref.roles) | {"pro vice chancellor"}
    roles = _ROLE_CACHE[id(ref)]
    if j >= len(words) or words[j].lower().split("-")[0] not in _role_firsts(roles):
        return False
    return any(_role_key(words[j : j + k]) in roles for k in (3, 2, 1) if j + k <= len(words))


_FIRSTS_CACHE: dict[int, frozenset[str]] = {}


def _role_firsts(roles: frozenset[str]) -> frozenset[str]:
    if id(roles) not in _FIRSTS_CACHE:
        _FIRSTS_CACHE[id(roles)] = frozenset(r.split()[0] for r in roles if r)
    return _FIRSTS_CACHE[id(roles)]
