"""Organisations: found by how names are built (head words), canonicalised by reference data."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import replace

from ..resolve.names import fold
from ..resolve.reference import Reference
from .bodies import (
    DOCUMENT_WORDS,
    HEADS,
    MASTHEAD_WORDS,
    NATIONS,
    Candidate,
    resolve_name,
    starts_role,
    type_of,
)
from .facts import OrgMention
from .gazetteer import (
    gazetteer_candidates,
    list_line_candidates,
    named_body_candidates,
    nhs_candidates,
    shaped_candidates,
    table_cell_candidates,
)
from .text import Segmented

# The first branch starts only where a run of capitals and digits starts, and does not nest
# stars: retried at every digit of "1111…" it took cubic time.
_CAP = r"(?:(?<![A-Z0-9])[A-Z]*\d+[A-Z][A-Z0-9]*|[A-Z][A-Za-z’'\-\.]*[A-Za-z0-9]|[A-Z])(?![A-Za-z0-9])"
_DATE_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}  # fmt: skip
# Public bodies whose names join two places or areas: "Humber and North Yorkshire Integrated Care Board"
_JOINT_BODY_HEADS = {
    "College",  # "Wigan and Leigh College", "South Gloucestershire and Stroud College"
    "Council",
    "Authority",
    "Board",
    "System",
    "Trust",
    "Committee",
    "Partnership",
    "Service",
}
_OF_PLACES = {"West", "East", "North", "South", "Isle", "Vale", "Forest", "Heart", "Mouth", "Riding"}
_CONNECT = {"of", "for", "and", "the", "upon", "on", "&", "de", "in"}
# "Brightwater Engineering plc": a company suffix may be written in lower case
_RUN = re.compile(rf"{_CAP}(?:(?:\s+(?:of|for|and|the|upon|on|&|de|in))*\s+{_CAP})*(?:\s+(?:plc|ltd)\b)?")
_TOKEN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"[’']s$")
_BARE = re.compile(
    r"\b[Tt]he\s+(University|Council|Chamber|Institute|Trust|Partnership|Alliance|College)"
    r"(?![’']?\s*(?:of|for)\b)(?=[’']s\b|\b)(?!\s+[A-Z][a-z])"  # "the University Alliance" is a name
)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,9})\)")
_COMMA_LIST_TAIL = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)+,?\s+(?:and|&)\s+[A-Z][a-z]+(?=\s*$|\s*[.;)])"
)
# "Department for Science, Innovation and Technology", "Faculty of Computing, Engineering and the
# Built Environment": a name whose subject is itself a short list, the sentence going on after it
_NAMED_LIST_TAIL = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?){1,3},?\s+(?:and|&)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"(?![\w’'-])(?!\s+(?:[A-Z]|of\b|for\b))"
)
_LISTED_HEADS = {"Department", "Ministry", "Faculty", "School"}
_COMPOSITE = re.compile(r"\(([^()]+?)\)")
# "University of X and Y University (joint)": two parties listed as one entry
_JOINT = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_JOINT_MARK = re.compile(
    r"\s*\((?:joint(?:ly)?(?:\s+(?:entry|signatory|submission))?|together)\)", re.IGNORECASE
)


def find_organisations(seg: Segmented, ref: Reference) -> list[OrgMention]:
    """Every organisation mention in the content sentences, in text order."""
    text = seg.text
    candidates: list[Candidate] = []
    # the rarer shapes are looked for only in sentences of a text that has their word at all
    represents = "represents" in text
    kinds = "the union " in text or "the think tank " in text
    collapsed = "niversities" in text
    for sentence in seg.sentences:
        lo, hi = sentence.start, sentence.end
        if represents and text.find("represents", lo, hi) >= 0:
            candidates.extend(_representative_candidates(text, lo, hi, ref))
        if kinds and (text.find("the union ", lo, hi) >= 0 or text.find("the think tank ", lo, hi) >= 0):
            candidates.extend(_kind_then_name_candidates(text, lo, hi, ref))
        candidates.extend(nhs_candidates(text, lo, hi))
        candidates.extend(_pattern_candidates(text, lo, hi, ref))
        candidates.extend(gazetteer_candidates(text, lo, hi, ref))
        candidates.extend(shaped_candidates(text, lo, hi, ref))
        if collapsed and text.find("niversities", lo, hi) >= 0:
            candidates.extend(_collapsed_list_candidates(text, lo, hi, ref))
    candidates.extend(list_line_candidates(seg, candidates, ref))
    candidates.extend(_masthead_candidates(seg, candidates))
    candidates.extend(table_cell_candidates(seg, candidates, ref))
    candidates.extend(named_body_candidates(seg, candidates, ref))
    candidates.extend(_publication_candidates(seg, candidates, ref))
    candidates.extend(_appositive_candidates(seg, candidates, ref))
    chosen = _owned_units(text, _non_overlapping(candidates), ref)
    chosen = _add_acronym_aliases(text, seg, chosen, ref)
    chosen = _add_composites(text, chosen)
    chosen = _non_overlapping(chosen + _bare_mentions(text, seg, chosen))
    chosen = _membership_bodies(text, chosen)
    chosen = sorted(chosen + _parents(text, chosen, ref), key=lambda c: (c.start, -(c.end - c.start)))
    chosen = _without_venues(text, chosen)
    chosen = _joined_with(text, chosen, ref) if " with " in text else chosen
    titled = {c.name for c in chosen if _titled(text, c, ref)}
    mentions = []
    for cand in chosen:
        mentions.append(
            OrgMention(
                name=f"The {cand.name}" if cand.name in titled else cand.name,
                type=cand.type,
                city=_city_of(cand.name, cand.type, ref),
                surface=cand.surface,
                evidence=seg.evidence(cand.start, cand.end),
                members=cand.members,
            )
        )
    return mentions


# "and The Manchester College", "• The Christie NHS Foundation Trust": 'The' written in capitals
# where no sentence starts, or opening a line that is the body's name alone
# ('Principal of The X' is left out: a post written in capitals may capitalise its article too)
_THE_BEFORE = re.compile(
    r"(?:(?P<mid>(?:(?<![\w-])(?![Oo]f\s)[\w-]+|[,;)])[ \t]+)|(?P<line>(?:^|\n)[ \t]*(?:[-•*–][ \t]+)?))The\s+$"
)
_LINE_END = re.compile(r"[ \t]*[.;,]?[ \t]*(?:\n|$)")


def _titled(text: str, cand: Candidate, ref: Reference) -> bool:
    """Whether a body not in the reference data carries 'The' in its own name, as the text writes it."""
    words = cand.name.split()
    if "University" in words or cand.type in {"council", "government"} or cand.members or words[0] == "The":
        return False
    if ref.canonical_org(cand.name) is not None:
        return False
    before = _THE_BEFORE.search(text, max(0, cand.start - 24), cand.start)
    if before is None:
        return False
    return bool(before.group("mid")) or bool(_LINE_END.match(text, cand.end))


# "Manchester Evening News", "Telegraph and Argus", "FE Week": a news title on a line of its own
_MASTHEAD = re.compile(
    r"(?:The\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:and|&|of)\s+)?){0,4}(?:News|Echo|Post|Press|Argus|Times|Week|Mail|Telegraph"
    r"|Herald|Chronicle|Journal|Gazette|Express|Standard|Observer|Mirror|Guardian|Sentinel|Courier|Star|Record"
    r"|Review|Live)"
)

# "WalesOnline", "DerbyshireLive", "Nation.Cymru": a title written as one word or as its address
_ONE_WORD_MASTHEAD = re.compile(r"[A-Z][a-z]+(?:Live|Online)|[A-Z][a-z]+\.(?:Cymru|Scot|[A-Z][a-z]+)")


def _masthead_candidates(seg: Segmented, candidates: list[Candidate]) -> list[Candidate]:
    """A newspaper's title standing alone on one of the first lines: the publisher, a body too."""
    found = []
    for paragraph in seg.paragraphs[:4]:
        body = paragraph.text.strip()
        if (
            (len(body.split()) >= 2 and _MASTHEAD.fullmatch(body)) or _ONE_WORD_MASTHEAD.fullmatch(body)
        ) and not any(paragraph.start <= c.start < paragraph.end for c in candidates):
            name = body
            found.append(Candidate(paragraph.start, paragraph.start + len(body), name, "other", body))
        elif " > " in body and not paragraph.text[:1].isspace():
            # "WalesOnline > News > Wales News": the title opens the page's trail of sections
            title = body.split(" > ", 1)[0]
            if (
                (len(title.split()) >= 2 and _MASTHEAD.fullmatch(title))
                or _ONE_WORD_MASTHEAD.fullmatch(title)
            ) and not any(paragraph.start <= c.start < paragraph.end for c in candidates):
                found.append(Candidate(paragraph.start, paragraph.start + len(title), title, "other", title))
    for title in {c.name for c in found}:
        # "X is a reporter for Nation.Cymru": the title named again in the story
        pattern = re.compile(rf"(?<![\w.-]){re.escape(title)}(?![\w-]|\.\w)")
        for sentence in seg.sentences:
            found += [
                Candidate(m.start(), m.end(), title, "other", title)
                for m in pattern.finditer(seg.text, sentence.start, sentence.end)
                if not any(c.start == m.start() for c in found)
            ]
    return found


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{2,}\b")


def masthead_only(seg: Segmented, mentions: list[OrgMention]) -> set[str]:
    """News titles that only head the page ('Bristol Post', 'WalesOnline' on a line of their own): the
    publisher, but not a body the story is about. One the story names in a sentence of its own ('said
    in an interview with the Chronicle Weekly that ...') stays a body."""
    if not mentions:
        return set()
    heads = {p.start: p for p in seg.paragraphs[:4]}
    found: set[str] = set()
    for mention in mentions:
        span = mention.evidence.span
        paragraph = heads.get(span.start)
        alone = paragraph is not None and (
            span.end - span.start >= len(paragraph.text.strip())
            or seg.text.startswith(" > ", span.end)  # "The Herald > News": a trail of sections after it
        )
        if alone and (
            (len(mention.name.split()) >= 2 and _MASTHEAD.fullmatch(mention.name))
            or _ONE_WORD_MASTHEAD.fullmatch(mention.name)
        ):
            found.add(mention.name)
    if not found:
        return found
    spoken = {
        m.name
        for m in mentions
        if m.name in found
        and heads.get(m.evidence.span.start) is None
        and len(_LOWER_WORD.findall(m.evidence.sentence.text)) >= 3
    }
    return found - spoken


# "By Sam Hill" over "Local Democracy Reporting Service"; "Related links" over a list of pages
_BYLINE = re.compile(r"By\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}")
_LINKS_HEADING = re.compile(
    r"(?:Related(?:\s+(?:links|stories|articles|content|pages))?|Read\s+more|More\s+on\s+this\s+story|See\s+also)\s*:?",
    re.IGNORECASE,
)


def furniture_only(seg: Segmented, mentions: list[OrgMention]) -> set[str]:
    """Bodies named only in page furniture: the line under a byline (the journalist's service or
    desk) and the short lines of links under 'Related links'."""
    furniture: list[tuple[int, int]] = []
    links = False
    previous = None
    for paragraph in seg.paragraphs:
        body = paragraph.text.strip()
        under_byline = (
            previous is not None and body[:1].isupper() and previous.text.lstrip().startswith("By ")
        )
        if links or under_byline:
            short = len(body.split()) <= 8
            if short and (links or _BYLINE.fullmatch(previous.text.strip() if previous else "")):
                furniture.append((paragraph.start, paragraph.end))
            links = links and short
        if not links and len(body) < 40 and body[:1] in "RrMmSs":
            links = bool(_LINKS_HEADING.fullmatch(body))
        previous = paragraph
    if not furniture:
        return set()
    inside: set[str] = set()
    outside: set[str] = set()
    for mention in mentions:
        span = mention.evidence.span
        if any(lo <= span.start and span.end <= hi for lo, hi in furniture):
            inside.add(mention.name)
        else:
            outside.add(mention.name)
    return inside - outside


# The nouns that make a capitalised phrase a news title: "Manchester Evening News", "Times Higher Education"
_NEWS_TITLE_WORDS = {
    "News", "Echo", "Post", "Press", "Argus", "Times", "Week", "Weekly", "Mail", "Telegraph", "Herald",
    "Chronicle", "Journal", "Gazette", "Express", "Standard", "Observer", "Mirror", "Guardian", "Sentinel",
    "Courier", "Star", "Record", "Review", "Live", "Magazine", "Bulletin", "Advertiser", "Examiner",
    "Radio", "Television", "TV",
}  # fmt: skip
# "told Times Higher Education that", "seen by Research Professional News": a title of two or more
# capitalised words as the one a speaker talks to or a document is read by, after a verb of telling
# or reading (the class: told, speaking/talking to, an interview with, writing/quoted/reported in,
# seen/obtained/reported by, according to)
_TOLD_CUES = ("told ", "tells ", "telling ", " to ", "interview with ", "d in ", "g in ", " by ")
_TOLD = re.compile(
    r"\b(?:told|tells|telling|(?:[Ss]peaking|spoke|spoken|[Tt]alking|talked|talks|speaks|[Aa]ccording)\s+to"
    r"|(?:[Aa]n\s+|[Ii]n\s+an\s+)?interview\s+with|(?:[Ww]riting|wrote|written|[Qq]uoted|reported|published)\s+in"
    r"|(?:seen|obtained|reported|published)\s+by)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,4})"
)


def _publication_candidates(seg: Segmented, found: list[Candidate], ref: Reference) -> Iterable[Candidate]:
    """A news title named as the one a speaker told or a document was seen by: a body, the publisher."""
    text = seg.text
    titles = [w for w in _NEWS_TITLE_WORDS if w in text]
    if not titles:
        return  # the cheap test first: most texts hold no title word at all
    for sentence in seg.sentences:
        lo, hi = sentence.start, sentence.end
        if not any(text.find(w, lo, hi) >= 0 for w in titles):
            continue
        if not any(text.find(cue, lo, hi) >= 0 for cue in _TOLD_CUES):
            continue
        for match in _TOLD.finditer(text, sentence.start, sentence.end):
            name = _POSSESSIVE.sub("", match.group("name").rstrip("."))
            words = name.split()
            if not _NEWS_TITLE_WORDS.intersection(words) or words[0] in ref.honorifics:
                continue
            start = match.start("name")
            end = start + len(name)
            if any(c.start < end and start < c.end for c in found):
                continue
            resolved, type_ = resolve_name(name, "other", ref)
            yield Candidate(start, end, resolved, type_, name)


# The kinds of body a noun names, and the type each gives ("body" gives none: the name's words decide);
# the class of nouns for an organisation
_KIND_TYPES = {
    "body": "", "organisation": "", "organization": "", "partnership": "other",
    "charity": "other", "trust": "other", "board": "other", "forum": "other", "association": "other",
    "federation": "other", "commission": "other", "regulator": "other", "funder": "other",
    "union": "other", "agency": "other", "collaboration": "other", "coalition": "other",
    "enterprise": "other", "campaign": "other", "initiative": "other", "foundation": "other",
    "network": "alliance", "alliance": "alliance", "consortium": "alliance",
    "company": "company", "firm": "company", "business": "company", "developer": "company",
    "consultancy": "company", "operator": "company", "publisher": "other", "newspaper": "other",
    "broadcaster": "other", "institute": "institute", "centre": "institute", "tank": "institute",
    "university": "university", "college": "other", "council": "council", "authority": "council",
    "department": "government", "ministry": "government",
}  # fmt: skip
# "Opportunity North East, the private sector economic development body, was consulted": a name with no
# head word introduced as a body by an apposition whose last word is a kind of organisation
_APPOSITION = re.compile(
    r"(?<![\w’'-])(?P<name>(?:The\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+|and\s+|for\s+|the\s+)*[A-Z][\w’'-]+){0,4}),"
    r"\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,5}?(?P<kind>[a-z]+)\s*,"
)
# Words that make an apposition a post held in a body rather than the body: a post "of", "at", "for",
# "with" or "on" a body, the nouns of a person's part in one, and the head nouns of roles.txt
_PERSON_APPOSITION = frozenset(
    {"of", "at", "for", "with", "on", "member", "trustee", "fellow", "lead", "founder", "co-founder",
     "spokesperson", "spokesman", "spokeswoman", "representative", "adviser", "advisor", "champion"}
)  # fmt: skip


def _names_a_post(words: str, ref: Reference) -> bool:
    return not _post_heads(ref.roles).isdisjoint(words.lower().split())


@functools.cache
def _post_heads(roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(role.split()[-1].lower() for role in roles if role.split())


# "signed by the regional body, Cardiff Capital Region, together with": the same apposition, the kind first
_KIND_THEN_APPOSITION = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?P<kind>[a-z]+),\s+"
    r"(?P<name>(?:The\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+|and\s+|for\s+|the\s+)*[A-Z][\w’'-]+){0,4}),"
)


def _appositive_candidates(seg: Segmented, found: list[Candidate], ref: Reference) -> Iterable[Candidate]:
    text = seg.text
    # the cheap tests first: most texts and sentences have no kind of body before a comma
    kinds = [f"{kind}," for kind in _KIND_TYPES if f"{kind}," in text]
    if not kinds:
        return
    for sentence in seg.sentences:
        lo, hi = sentence.start, sentence.end
        if not any(text.find(kind, lo, hi) >= 0 for kind in kinds):
            continue
        matches = [*_APPOSITION.finditer(text, lo, hi), *_KIND_THEN_APPOSITION.finditer(text, lo, hi)]
        for match in matches:
            kind = match.group("kind")
            name = match.group("name")
            first = name.split()[0]
            if kind not in _KIND_TYPES or first in _DATE_WORDS or first in ref.honorifics:
                continue
            if ref.canonical_city(re.sub(r"^The\s+", "", name)) is not None or name in NATIONS:
                continue  # "Leeds, the city's ...": a place
            after = match.start("name") < match.start("kind")
            between = text[match.end("name") if after else match.start() : match.start("kind")]
            if not _PERSON_APPOSITION.isdisjoint(between.lower().split()) or _names_a_post(between, ref):
                continue  # "Ann Lee, the chair of the partnership,": a person's post in a body
            start, end = match.start("name"), match.end("name")
            if any(c.start < end and start < c.end for c in found):
                continue  # a body the head words found already
            bare = re.sub(r"^The\s+", "", name)
            # "the regional body, Cardiff Capital Region": a city region acting is the joint body of its councils
            region = bare.endswith(" Region") and any(fold(bare) == fold(r) for r in ref.regions)
            resolved, type_ = resolve_name(
                name, _KIND_TYPES[kind] or ("council" if region else type_of(bare)), ref
            )
            yield Candidate(start, end, resolved, type_, name)


# "signed at the Civic Centre", "launched at the Royal X Hospital": a building where an event took
# place, named after a verb or noun of an event and "at"; such a body is no party unless the text
# also names it otherwise
_VENUE_HEADS = {
    "Centre",
    "Hospital",
    "Museum",
    "Hall",
    "Chambers",
    "Auditorium",
    "Library",
    "Gallery",
    "Arena",
}
_EVENT_AT = re.compile(
    r"\b(?:signed|launched|held|hosted|unveiled|agreed|announced|staged|made|celebrated|marked|took\s+place"
    r"|ceremony|event|meeting|reception|launch|signing|summit|conference|gathered|met)"
    r"(?:\s+[\w-]+){0,2}?\s+at\s+(?:the\s+)?$"
)


def _without_venues(text: str, chosen: list[Candidate]) -> list[Candidate]:
    if " at " not in text:
        return chosen
    venues = set()
    others = set()
    for cand in chosen:
        last = cand.surface.split()[-1]
        if last in _VENUE_HEADS and _EVENT_AT.search(text, max(0, cand.start - 60), cand.start):
            venues.add(cand.name)
        else:
            others.add(cand.name)
    venues -= others
    return [c for c in chosen if c.name not in venues] if venues else chosen


# "Blackburn with Darwen Borough Council": a council of two places joined by "with", the first a city
_PLACE_WITH_BEFORE = re.compile(r"(?<![\w’'-])(?P<place>[A-Z][\w’'-]+)[ \t]+with[ \t]+$")


def _joined_with(text: str, chosen: list[Candidate], ref: Reference) -> list[Candidate]:
    result = []
    for cand in chosen:
        words = cand.surface.split()
        joined = (
            _PLACE_WITH_BEFORE.search(text, max(0, cand.start - 30), cand.start)
            if words[-1] in _JOINT_BODY_HEADS and ref.canonical_city(words[0]) is None
            else None
        )
        if joined is None or ref.canonical_city(joined.group("place")) is None:
            result.append(cand)
            continue
        start = joined.start("place")
        surface = text[start : cand.end]
        name, type_ = resolve_name(surface, type_of(surface), ref)
        result.append(Candidate(start, cand.end, name, type_, surface))
    return result


_OWNER_BEFORE = re.compile(r"[’']s\s+(?:(?:[A-Z][\w-]*|and)\s+)*$")
_OWNED = re.compile(r"(?P<owner>[A-Z][\w-]*)[’']s\s+(?P<rest>[A-Z].*)")


def _owned_units(text: str, chosen: list[Candidate], ref: Reference) -> list[Candidate]:
    """A body's own centre ('the University of Hull's Aura Innovation Centre') is a building or a unit
    of it, where things happen, not a party; a body's institute ('LJMU's Public Health Institute') is
    named without its owner. The owner must be a body: 'Queen's Medical Centre' keeps its name."""
    result: list[Candidate] = []
    ends = {c.end for c in chosen}
    for cand in chosen:
        last = cand.surface.split()[-1]
        if last not in {"Centre", "Institute"}:
            result.append(cand)
            continue
        inner = _OWNED.fullmatch(cand.surface)
        if inner and (inner.group("owner").isupper() or ref.canonical_org(inner.group("owner"))):
            if last == "Institute":
                start = cand.start + inner.start("rest")
                name, type_ = resolve_name(inner.group("rest"), type_of(inner.group("rest")), ref)
                result.append(Candidate(start, cand.end, name, type_, inner.group("rest")))
            continue
        owner = _OWNER_BEFORE.search(text, max(0, cand.start - 60), cand.start)
        if last == "Centre" and owner and (owner.start() in ends):
            # "the University of Strathclyde's Technology and Innovation Centre": words left out between
            # the possessive and the centre belong to the centre's name too
            continue
        result.append(cand)
    return result


_MEMBER_OF = re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$")
_GROUPING_HEADS = {"Group", "Network", "Association", "Federation", "Consortium"}


def _membership_bodies(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """'a member of the Russell Group': a group that bodies are members of is their alliance."""
    if "member" not in text:
        return chosen
    members = {
        c.name
        for c in chosen
        if c.type == "other"
        and c.surface.split()[-1] in _GROUPING_HEADS
        and _MEMBER_OF.search(text, max(0, c.start - 20), c.start)
    }
    return [replace(c, type="alliance") if c.name in members else c for c in chosen] if members else chosen


def _parents(text: str, chosen: list[Candidate], ref: Reference) -> list[Candidate]:
    """'the UPP Foundation Civic University Commission' names the UPP Foundation too."""
    extra = []
    for cand in chosen:
        if ref.canonical_org(cand.name) is not None or cand.members:
            continue
        for inner in re.finditer(r"\S+", cand.surface):
            word = inner.group()
            rest = cand.surface[inner.end() :].split()
            if word not in HEADS or not rest or rest[0] in HEADS or not rest[0][:1].isupper():
                continue
            if rest[0] in _CONNECT or ref.canonical_city(rest[0]) or rest[0] in NATIONS:
                continue
            surface = cand.surface[: inner.end()]
            if len(surface.split()) < 2 or rest[0] in {"Health", "Healthcare", "Hospital", "Hospitals"}:
                continue  # "Swansea Bay University Health Board" is one body, not a university's
            if word == "University" and ref.canonical_org(surface) is None:
                continue
            name, type_ = resolve_name(surface, type_of(surface), ref)
            extra.append(Candidate(cand.start, cand.start + len(surface), name, type_, surface))
            break
    return extra


def _pattern_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[Candidate]:
    for run in _RUN.finditer(text, lo, hi):
        tokens = [
            (m.start() + run.start(), m.end() + run.start(), m.group()) for m in _TOKEN.finditer(run.group())
        ]
        yield from _names_in_run(text, tokens, ref, hi)


# "Northern Ireland Executive", "Scottish Executive", "the Housing Executive": an executive that is a body,
# not the post of a chief executive or an executive member
_EXECUTIVE_AFTER = NATIONS | {"Scottish", "Welsh", "Housing"}


# "Halden Higher, the body that represents universities in the county": a membership body named as one
_REPRESENTS = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'-]+){0,3}),\s+"
    r"(?:the\s+(?:body|group|organisation|association|network)\s+)?(?:that|which)\s+represents\s+"
    r"(?:[\w-]+\s+){0,4}?(?:universities|colleges|councils|local\s+authorities|cities|mayors)\b"
)


def _representative_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[Candidate]:
    for match in _REPRESENTS.finditer(text, lo, hi):
        name = match.group("name")
        first = name.split()[0]
        if (
            first in _DATE_WORDS
            or first in {"The", "It", "This", "That", "Which"}
            or ref.canonical_city(name)
        ):
            continue
        if " " not in name and not re.search(r"[a-z][A-Z]", name):
            continue  # one plain word is a place or a short form ("Keele, which represents ..."); "GuildHE" is a name
        resolved, type_ = resolve_name(name, "alliance", ref)
        yield Candidate(match.start("name"), match.end("name"), resolved, type_, name)


# "the union Unite", "the think tank Halden Futures": a body named after the kind of body it is
_KIND_THEN_NAME = re.compile(
    r"\bthe\s+(?P<kind>union|think\s+tank)\s+(?P<name>[A-Z][\w&’'-]*(?:\s+(?:for\s+)?[A-Z][\w&’'-]*){0,3})"
)


def _kind_then_name_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[Candidate]:
    for match in _KIND_THEN_NAME.finditer(text, lo, hi):
        name = _POSSESSIVE.sub("", match.group("name"))
        if name.split()[0] in _DATE_WORDS or ref.canonical_city(name) is not None:
            continue
        kind = "institute" if match.group("kind").startswith("think") else "other"
        resolved, type_ = resolve_name(name, kind, ref)
        yield Candidate(match.start("name"), match.start("name") + len(name), resolved, type_, name)


# "the universities of Leeds, Sheffield and York": one head word shared by a list of places
_PLACE = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
_COLLAPSED = re.compile(
    rf"\b[Uu]niversities\s+of\s+(?P<list>{_PLACE}(?:,\s+{_PLACE})*,?\s+(?:and|&)\s+{_PLACE})(?![\w’'-])"
)
# "the Newcastle and Northumbria universities", "Leeds, Bradford and York universities"
_COLLAPSED_AFTER = re.compile(
    rf"(?<![\w’'-])(?P<list>{_PLACE}(?:,\s+{_PLACE})*,?\s+(?:and|&)\s+{_PLACE})\s+universities\b"
)
_LIST_ITEM = re.compile(_PLACE)


def _collapsed_list_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[Candidate]:
    """Each university of a collapsed list, by the name the reference gives it ('University of Leeds',
    'Cardiff University') or, for a city whose university it does not know, 'University of' the city;
    a list with an item that is neither a known university's word nor a city is not read."""
    matches = list(_COLLAPSED.finditer(text, lo, hi)) if text.find("niversities of", lo, hi) >= 0 else []
    at = text.find(" universities", lo, hi)
    while at >= 0:
        # the list before the plural, read only in the few words before it
        after = _COLLAPSED_AFTER.search(text, max(lo, at - 120), at + len(" universities"))
        if after is not None:
            matches.append(after)
        at = text.find(" universities", at + 1, hi)
    for match in matches:
        items = list(_LIST_ITEM.finditer(text, match.start("list"), match.end("list")))
        names = []
        for item in items:
            known = ref.canonical_org(f"University of {item.group()}") or ref.canonical_org(
                f"{item.group()} University"
            )
            if known is not None:
                names.append((item, known))  # "Swansea University": its form is the reference's to say
            elif ref.canonical_city(item.group()) is not None:
                names.append((item, f"University of {item.group()}"))  # a city's, in the common form
            else:
                names = []  # "Leeds and Narnia": not a list of universities
                break
        for item, name in names:
            yield Candidate(item.start(), item.end(), name, "university", item.group())


def _is_head(word: str, following: str | None, previous: str | None = None) -> bool:
    if word == "Universities":
        # "Universities for Nottingham", "Universities UK", "the West Country Universities group"
        return following in {"for", "group"} or following in NATIONS
    if word == "Executive":
        return previous in _EXECUTIVE_AFTER
    if word == "Faculty":
        return following == "of"  # a body only with a listed subject: see _LISTED_HEADS
    if word in {"Convention", "Chambers"}:
        return following == "of"  # "Convention of Scottish Local Authorities", "X Chambers of Commerce"
    return word in HEADS


def _names_in_run(
    text: str, tokens: list[tuple[int, int, str]], ref: Reference, hi: int
) -> Iterable[Candidate]:
    words = [_POSSESSIVE.sub("", t[2]) for t in tokens]
    previous_end = 0
    i = 0
    while i < len(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if following is None and words[i] == "Universities" and _GROUP_AFTER.match(text, tokens[i][1]):
            following = "group"  # "Chair of the North West Universities group": their association
        if not _is_head(words[i], following, words[i - 1] if i else None):
            i += 1
            continue
        head = i
        while (
            head + 1 < len(words)
            and words[head + 1] in HEADS
            and words[head + 1] != "Group"
            and not _POSSESSIVE.search(tokens[head][2])  # "the Welsh Government's Cabinet Secretary"
        ):
            head += 1  # "University College"
        end = head + 1
        nxt = words[end] if end < len(words) else None
        if nxt is not None and starts_role(words, end, ref):
            nxt = None  # "Swansea Council Leader Cllr X": the post follows the name
        owner = bool(_POSSESSIVE.search(tokens[head][2]))  # "The Manchester College's Openshaw campus"
        if nxt in DOCUMENT_WORDS or (
            nxt
            and not owner
            and nxt[0].isupper()
            and nxt not in MASTHEAD_WORDS
            and nxt not in ref.honorifics  # "Leader of X City Council Sir Y Z"
            and ref.canonical_city(nxt) is None
            and nxt not in NATIONS
            and nxt not in _CONNECT
        ):
            i = head + 1
            continue
        if nxt in {"of", "for", "on"} and not tokens[head][2].endswith(("’s", "'s")):
            owned = [bool(_POSSESSIVE.search(t[2])) for t in tokens]
            end = _complement_end(words, end + 1, ref, owned)
        elif not owner and nxt is not None and (ref.canonical_city(nxt) is not None or nxt in NATIONS):
            end += 1  # "Queen's University Belfast", "National Manufacturing Institute Scotland"
        start = i
        while start - 1 >= previous_end and _modifier(words[start - 1]):
            start -= 1
            if (
                start - 2 >= previous_end
                and words[start - 1] in {"and", "&"}
                and _modifier(words[start - 2])
                and (ref.canonical_city(words[start - 2]) is not None or words[head] in _JOINT_BODY_HEADS)
            ):
                start -= 2  # "Nottingham and Nottinghamshire Integrated Care System", "Derry City and Strabane District Council"
            if start - 2 >= previous_end and words[start - 1] == "of" and words[start - 2] in _OF_PLACES:
                start -= 2  # "West of England Combined Authority", "Isle of Anglesey County Council"
        if start - 2 >= previous_end and words[start - 1] == "of" and words[start - 2] == "City":
            start -= 2  # "City of York Council", "The City of Liverpool College"
        if (
            start - 2 >= previous_end
            and words[start - 1] in HEADS
            and words[start - 1] not in {"Group", "Council"}
            and _modifier(words[start - 2])
            and not _POSSESSIVE.search(tokens[start - 1][2])  # "the Welsh Government's Cabinet Secretary"
        ):
            # "UPP Foundation Civic University Commission": a parent named as a modifier
            start -= 1
            while start - 1 >= previous_end and _modifier(words[start - 1]):
                start -= 1
        if (
            start == i
            and words[i] in HEADS
            and end == head + 1
            and words[i] != "Universities"
            and not (head > i and words[head] in _ALLIANCE_HEADS)  # "University Alliance", "College Network"
            and not (head == i + 1 and words[i] == "Cabinet" and words[head] == "Office")  # a department
        ):
            i = head + 1
            continue  # a bare head word on its own is not a name
        surface_start = tokens[start][0]
        surface_end = tokens[end - 1][1]
        surface = text[surface_start:surface_end]
        surface = _POSSESSIVE.sub("", surface)
        tail = _COMMA_LIST_TAIL.match(text, surface_end, hi)
        listed = None
        if tail and words[head] in {"Institute", "Centre"}:
            surface_end = tail.end()
            surface = text[surface_start:surface_end]
        elif words[head] in _LISTED_HEADS and nxt in {"of", "for"} and text.startswith(",", surface_end):
            listed = _NAMED_LIST_TAIL.match(text, surface_end, hi)
            if listed and _subject_words(listed.group(), ref):
                surface_end = listed.end()
                surface = text[surface_start:surface_end]
            else:
                listed = None
        if words[head] == "Harbour" and (head == start or ref.canonical_city(words[head - 1]) is None):
            i = head + 1
            continue  # "Belfast Harbour" runs a city's port; "at Sutton Harbour" is a place on the water
        if words[head] == "Office" and head and words[head - 1] in _CONTACT_WORDS:
            i = head + 1
            continue  # "the Mayor's Press Office", "Media enquiries: X Communications Office": a contact
        if words[head] == "Faculty" and listed is None:
            i = head + 1
            continue  # "Head of the Faculty of Health": a part of the university the post is in
        surface_end = surface_start + len(surface)
        if (
            words[head] in _AREA_BODY_HEADS
            and " and " in surface
            and text[surface_start - 2 : surface_start] == ", "
        ):
            # "Bristol, North Somerset and South Gloucestershire Integrated Care Board": the area is a list
            area = _AREA_BEFORE.search(text, max(0, surface_start - 40), surface_start)
            if area and ref.canonical_city(area.group("place")) is not None:
                surface_start = area.start("place")
                surface = text[surface_start:surface_end]
        if ref.canonical_org(surface) is None:
            # "Yesterday Leeds Beckett University": a known name inside wins over a longer unknown one
            for k in range(start + 1, head):
                shorter = text[tokens[k][0] : surface_end]
                if ref.canonical_org(shorter) is not None:
                    surface_start, surface = tokens[k][0], shorter
                    break
        name, type_ = resolve_name(surface, type_of(surface), ref)
        if name not in _SECTORS:
            yield Candidate(surface_start, surface_end, name, type_, surface)
        previous_end = end
        i = end


def _subject_words(tail: str, ref: Reference) -> bool:
    """Whether the words of a listed subject are subjects, not bodies or places: 'Innovation and
    Technology', 'Communities and Local Government', but not 'Leeds City Council and Ofsted'."""
    words = re.findall(r"[A-Za-z]+", tail)
    for k, word in enumerate(words):
        if word in {"and", "the"}:
            continue
        if word in HEADS and not (word == "Government" and k and words[k - 1] == "Local"):
            return False
        if word in NATIONS or word in DOCUMENT_WORDS or ref.canonical_city(word) is not None:
            return False
    return True


_AREA_BODY_HEADS = {"Board", "System", "Trust", "Partnership", "Committee"}
_AREA_BEFORE = re.compile(r"(?<![\w’'-])(?P<place>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?),[ \t]+$")
_ALLIANCE_HEADS = {"Alliance", "Network", "Consortium", "Association", "Federation"}
_GROUP_AFTER = re.compile(r"\s+group\b")
_CONTACT_WORDS = {"Press", "Media", "Communications", "Comms", "News"}


# A tier of government named in capitals, not a body: "Housing, Communities and Local Government"
_SECTORS = {"Local Government", "Central Government", "Regional Government"}


def _modifier(word: str) -> bool:
    return (
        bool(word)
        and (word[0].isupper() or word[0].isdigit())
        and word
        not in {
            "The",
            "A",
            "An",
            "In",
            "At",
            "By",
            "For",
            "As",
            "Under",
            "With",
            "From",
            "And",
            "Both",
        }
        and word not in HEADS
    )


def _complement_end(words: list[str], j: int, ref: Reference, owned: list[bool]) -> int:
    """End of 'of X' after a head: capitalised words with inner 'of', 'the', 'and'."""
    end = j - 1  # nothing taken: the link word itself stays out
    while j < len(words):
        word = words[j]
        if word in ref.honorifics:
            break  # "Vice-Chancellor of the University of X Dame Y Z": the name starts
        if word in _DATE_WORDS:
            break  # "signed by Stoke-on-Trent City Council on Monday"
        if word in DOCUMENT_WORDS or (j + 1 < len(words) and words[j + 1] in DOCUMENT_WORDS):
            break
        if end == j and word[0].isupper() and starts_role(words, j, ref):
            break  # "University of Exeter Pro Vice-Chancellor": the post after the name is not in it
        if word in {"the", "of", "upon", "on", "&", "and"}:
            rest = words[j + 1 :]
            if word in {"and", "&"} and (
                any(
                    _is_head(w, rest[k + 1] if k + 1 < len(rest) else None, rest[k - 1] if k else None)
                    for k, w in enumerate(rest)
                )
                or starts_role(words, j + 1, ref)
            ):
                break  # "University of Warwick and Chair of X": a second post, not more of the name
            j += 1
            continue
        if word[0].isupper() or word[0].isdigit():
            if word in HEADS and word not in {"Government"}:
                break
            j += 1
            end = j
            if owned[j - 1]:
                break  # "the University of Hull's Vice-Chancellor": the name ends at the possessive
            continue
        break
    return end


def _non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    result: list[Candidate] = []
    for cand in ordered:
        if result and cand.start < result[-1].end:
            continue
        result.append(cand)
    return result


def _add_acronym_aliases(
    text: str, seg: Segmented, chosen: list[Candidate], ref: Reference
) -> list[Candidate]:
    """'D2N2 Local Enterprise Partnership (LEP)' makes 'D2N2 LEP' and 'LEP' name it later."""
    aliases: dict[str, Candidate] = {}
    for cand in chosen:
        match = _ACRONYM_AFTER.match(text, cand.end)
        if not match:
            continue
        acronym = match.group(1)
        words = cand.surface.split()
        for k in range(len(words), 0, -1):
            initials = "".join(w[0] for w in words[-k:] if w[0].isupper())
            if initials.upper() == acronym.upper():
                prefix = " ".join(words[:-k])
                aliases[(prefix + " " + acronym).strip()] = cand
                break
        aliases.setdefault(acronym, cand)
    if not aliases:
        return chosen
    extra: list[Candidate] = []
    for alias, cand in aliases.items():
        pattern = re.compile(rf"(?<![\w(]){re.escape(alias)}(?![\w)])")
        for sentence in seg.sentences:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                extra.append(Candidate(match.start(), match.end(), cand.name, cand.type, match.group()))
    # the form the text defined wins over the same words read by their head ("D2N2 LEP")
    return _non_overlapping(extra + chosen)


def _add_composites(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """'Universities for Nottingham (A & B)': one entry whose members are A and B."""
    result: list[Candidate] = []
    skip = -1
    for k, cand in enumerate(chosen):
        if k == skip:
            continue
        if k + 1 < len(chosen):
            second = chosen[k + 1]
            joint = _JOINT.fullmatch(text, cand.end, second.start)
            marker = _JOINT_MARK.match(text, second.end)
            if joint and marker:
                pair = (cand.name, second.name)
                result.append(
                    Candidate(cand.start, second.end, " and ".join(pair), "alliance",
                               text[cand.start : second.end], pair)
                )  # fmt: skip
                skip = k + 1
                continue
        match = _COMPOSITE.match(text, cand.end + 1) if text[cand.end : cand.end + 2] == " (" else None
        if match:
            # the candidates are in text order: those inside the brackets follow this one
            inside = []
            for later in chosen[k + 1 :]:
                if later.start >= match.end(1):
                    break
                if match.start(1) <= later.start and later.end <= match.end(1):
                    inside.append(later)
            if len(inside) >= 2:
                members = tuple(c.name for c in inside)
                result.append(replace(cand, members=members, type="alliance"))
                continue
        result.append(cand)
    return result


def _bare_mentions(text: str, seg: Segmented, chosen: list[Candidate]) -> list[Candidate]:
    """'the University', 'the Council': the organisation with that head named nearest before."""
    extra: list[Candidate] = []
    for sentence in seg.sentences:
        for match in _BARE.finditer(text, sentence.start, sentence.end):
            head = match.group(1)
            before = [c for c in chosen if c.end <= match.start() and head in c.name.split()]
            pool = before or [c for c in chosen if head in c.name.split()]
            if not pool:
                continue
            target = before[-1] if before else pool[0]
            extra.append(Candidate(match.start(), match.end(), target.name, target.type, match.group()))
    return extra


def _city_of(name: str, type_: str, ref: Reference) -> str | None:
    inst = ref.institutions.get(name)
    # An alliance spans its cities: where its office sits is not where it is.
    if inst and inst.city and type_ != "alliance":
        return inst.city
    for region in ref.regions:
        name = name.replace(region, " ")  # "Greater Manchester Combined Authority" is not in Manchester
    for word_count in (3, 2, 1):
        words = name.replace(",", " ").split()
        for k in range(len(words) - word_count + 1):
            city = ref.canonical_city(" ".join(words[k : k + word_count]))
            if city:
                return city
    return None


def canonical_key(name: str) -> str:
    return fold(name)
