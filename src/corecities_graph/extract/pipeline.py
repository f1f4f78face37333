"""Document -> Extraction: runs each extractor in the order their inputs need."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..document import Document, slugify
from ..resolve.reference import Reference
from .backrefs import publishing
from .bodies import HEADS, resolve_name, type_of, with_own_article
from .facts import ClaimedCount, Declaration, Extraction, OrgMention
from .organisations import find_organisations, furniture_only, masthead_only
from .people import find_people
from .places import find_places
from .proposals import find_proposals, proposed_organisations
from .quotes import find_quotes
from .settling import settle_posts
from .signatories import (
    another_agreement_speaks,
    find_alliance_members,
    find_declaration,
    find_signatories,
    wider_group,
)
from .statistics import find_counts, find_statistics
from .text import Segmented, SpanSet, folded, segment, starting_within

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATELINE = re.compile(
    r"(?:\b(?:last\s+updated|published|posted|updated|date)\s*:?|^\s*\d{1,2}:\d{2}\s*(?:am|pm)?\s*,?|^\s*)"
    r"\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]+)"
    r"(?:\s+(?P<y>\d{4}))?\b",
    re.IGNORECASE | re.MULTILINE,
)
_AGREEMENT_AS_BODY = re.compile(r"\s+(?:was|were|has\s+been|is\s+being)\s+(?:signed|launched|agreed)\b")
_AGREED_BEFORE = re.compile(
    r"\b(?:signed|agreed|launched|formed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}partnership,\s+(?:the\s+)?$"
)
# "The seven education partners" of eight parties: the parties of one kind, not all of them; "the two
# institutions" of a college, a university and a council: the teaching ones
_ONE_KIND_OF_PARTY = re.compile(
    r"\b(?:education|educational|academic|university|college|health|NHS|business|industry|research|council"
    r"|local\s+authority|private[\s-]sector)\s+(?:partners|institutions|organisations|organizations|members|bodies)$"
    r"|^[\w-]+\s+institutions$",
    re.IGNORECASE,
)
# "run jointly by the two organisations": a definite count that refers back, in a sentence that says
# nothing of signing
_REFERS_BACK = re.compile(r"^(?:the|these|those|both)\s|\b(?:the|these|those)\s+$", re.IGNORECASE)
_SAYS_SIGNING = re.compile(
    r"\b(?:sign(?:s|ed|ing|ator(?:y|ies))?|join(?:s|ed|ing)?|part(?:y|ies)|partners?\s+(?:in|to)|agree[sd]?"
    r"|brings?\s+together)\b",
    re.IGNORECASE,
)


def _some_of_the_parties(count: ClaimedCount, parties: int, text: str) -> bool:
    """Whether a count of parties refers back to far fewer bodies (half or less) than the text names as
    parties: 'the two organisations' of a declaration with thirteen signatories are two of them (the
    ones the sentence is about), not how many signed."""
    return (
        count.what == "signatories"
        and count.count * 2 <= parties
        and bool(
            _REFERS_BACK.match(count.surface)
            or _REFERS_BACK.search(text, max(0, count.evidence.span.start - 8), count.evidence.span.start)
        )
        and not _SAYS_SIGNING.search(count.evidence.sentence.text)
    )


_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d{2})/")


def extract(document: Document, ref: Reference) -> Extraction:
    """Read every kind of fact from one document."""
    seg = segment(document.text)
    found = with_own_article(seg.text, find_organisations(seg, ref), ref)
    # only a name that runs to the end of the text can be cut off: the others are passed over at once
    last = len(seg.text.rstrip())
    ending = [o for o in found if o.evidence.span.end >= last]
    if ending:
        done = {id(o): _completed(seg.text, o, ref) for o in ending}
        found = [done.get(id(o), o) for o in found]
        found = [o for o in found if o.evidence.span.end < last or not _cut_off(seg.text, o, ref)]
    orgs = found
    proposed = proposed_organisations(seg, orgs)
    orgs = [o for o in orgs if o not in proposed]
    places = find_places(seg, ref, orgs)
    publisher = _publisher(document, seg, orgs, ref)
    with publishing(publisher[0] if publisher else None):
        people = settle_posts(find_people(seg, ref, orgs, places), orgs, publisher, places)
    # "Bristol Post" heading the page is who published it, not a body the story names; nor is a
    # body named only under a byline or among related links
    heading = masthead_only(seg, orgs) | furniture_only(seg, orgs)
    if heading:
        orgs = [o for o in orgs if o.name not in heading]
    # "Cllr Keith Wakefield", "Professor Stirling": a town inside a person's name is no place
    named = SpanSet((p.evidence.span.start, p.evidence.span.end) for p in people)
    places = [p for p in places if named.free(p.evidence.span.start, p.evidence.span.end)]
    declaration = find_declaration(seg, orgs)
    # "The Belfast Region City Deal brings together six councils and the two universities": another
    # agreement's parties are not counted as this one's
    counts = [
        c for c in find_counts(seg)
        if not another_agreement_speaks(c.evidence.sentence.text, declaration) and not wider_group(c, seg.text)
    ]  # fmt: skip
    # "the York Civic Partnership" signed by the council, "The X Partnership was launched": an agreement, not a body
    orgs = [
        o for o in orgs
        if not (declaration is not None and declaration.named and o.name.lower() == declaration.name.lower())
        and not _AGREEMENT_AS_BODY.match(seg.text, o.evidence.span.end, o.evidence.span.end + 40)
        and not (o.name.endswith("Partnership") and _AGREED_BEFORE.search(seg.text[max(0, o.evidence.span.start - 60) : o.evidence.span.start]))
    ]  # fmt: skip
    # What a release calls for, who signed it ("a letter signed by A and B") or how many it says took
    # part belongs to something: where the text names no agreement, that is the release's own statement.
    statement = declaration or Declaration(f"{slugify(document.doc_id)}-statement",
                                           _statement_name(document, seg), "declaration", False, None)  # fmt: skip
    signatories = find_signatories(seg, orgs, statement)
    counts = [
        c for c in counts
        if not (c.what == "signatories" and c.count < len(signatories) and _ONE_KIND_OF_PARTY.search(c.surface))
        and not _some_of_the_parties(c, len(signatories), seg.text)
    ]  # fmt: skip
    # "Universities sign up to West Midlands Skills Compact": the agreement itself is not what it asks for
    proposals = [
        p for p in find_proposals(seg, orgs, proposed, agreement=declaration is not None)
        if not (declaration is not None and declaration.named and p.name.lower() == declaration.name.lower())
    ]  # fmt: skip
    if declaration is None and (proposals or counts or signatories):
        declaration = statement
    return Extraction(
        doc_id=document.doc_id,
        text=document.text,
        date=document.date or dateline(document.text),
        title=_title(seg),
        places=places,
        organisations=orgs,
        people=people,
        quotes=find_quotes(seg, people),
        proposals=proposals,
        statistics=find_statistics(seg, orgs, counts, proposals),
        claimed_counts=counts,
        signatories=signatories,
        declaration=declaration,
        alliance_members=find_alliance_members(seg, orgs, places),
    )


# short words a full name may end in: "Glasgow School of Art", "Leeds Arts"
_SHORT_ENDS = {"Art", "Arts", "Law", "Film", "Care", "Ltd", "plc", "PLC", "Inc", "LLP", "UK", "NHS", "Hub"}


def _cut_off(text: str, org: OrgMention, ref: Reference) -> bool:
    """A name the text stops in the middle of: 'University of Bol' as the last words of a cut-off list.
    Its last word is short and found nowhere else in the text, neither a head word nor a place, nothing
    follows it, and no reference name is it."""
    if org.evidence.span.end < len(text.rstrip()):
        return False  # the cheap test first: almost every name has text after it
    last = org.surface.split()[-1]
    if len(last) > 4 or last in HEADS or last in _SHORT_ENDS:
        return False
    if len(re.findall(rf"\b{re.escape(last)}\b", text)) > 1:
        return False  # "NHS Greater Glasgow and Clyde" where the text names the Clyde elsewhere
    return ref.canonical_city(last) is None and ref.canonical_org(org.surface) is None


_HEAD_BY_PREFIX = sorted(HEADS, key=len)


def _completed(text: str, org: OrgMention, ref: Reference) -> OrgMention:
    """A name the text stops in the middle of its head word ('Glasgow Caledonian Univer' as the last
    words of a cut page) is the name with that head written out."""
    if org.evidence.span.end < len(text.rstrip()):
        return org  # the cheap test first: almost every name has text after it
    words = org.surface.split()
    last = words[-1]
    if len(words) < 2 or len(last) < 3 or last in HEADS:
        return org
    head = next((h for h in _HEAD_BY_PREFIX if h.startswith(last) and h != last and h[0].isupper()), None)
    if head is None:
        return org
    surface = " ".join([*words[:-1], head])
    name, type_ = resolve_name(surface, type_of(surface), ref)
    return replace(org, name=name, type=type_, surface=surface)


def dateline(text: str) -> str | None:
    """'Last updated 16 March 2021' near the top -> '2021-03-16'."""
    for match in _DATELINE.finditer(text[:2000]):
        if folded(match.group("m")) not in _MONTHS:
            continue
        year = match.group("y")
        if year is None:
            # "Published: 3 May": the year is the document's own, as its address gives it
            url_year = _URL_YEAR.search(text.split("\n", 1)[0])
            if url_year is None:
                continue
            year = url_year.group("y")
        try:
            return date(int(year), _MONTHS[folded(match.group("m"))], int(match.group("d"))).isoformat()
        except ValueError:
            continue
    return None


def _publisher(
    document: Document, seg: Segmented, orgs: list[OrgMention], ref: Reference
) -> tuple[str, str] | None:
    """The publisher as an organisation (canonical name, type): as the metadata names it, else the
    masthead (a line at the top that is only an organisation's name), else the one organisation
    named in the text whose own word is in the page's address ('napier' in its host name)."""
    if document.publisher:
        name, type_ = resolve_name(document.publisher, type_of(document.publisher), ref)
        # "The Sheffield College": the name as the text keeps it
        return (f"The {name}", type_) if any(o.name == f"The {name}" for o in orgs) else (name, type_)
    for paragraph in seg.paragraphs[:3]:
        inside = starting_within(orgs, paragraph.start, paragraph.end)
        if len(inside) == 1 and inside[0].evidence.span.end - paragraph.start >= len(paragraph.text) - 1:
            return inside[0].name, inside[0].type
    for paragraph in seg.paragraphs[:3]:
        # "News | Leeds City Council", "WalesOnline > News > Wales News": the page's header, whose one
        # cell that is a body's whole name is the publisher
        if (" | " in paragraph.text or " > " in paragraph.text) and len(paragraph.text) <= 120:
            cells = [c.strip() for c in re.split(r"\s[|>]\s", paragraph.text)]
            inside = starting_within(orgs, paragraph.start, paragraph.end)
            whole = [o for o in inside if seg.text[o.evidence.span.start : o.evidence.span.end] in cells]
            if len(cells) <= 4 and len(inside) == 1 and len(whole) == 1:
                return whole[0].name, whole[0].type
    if document.url:
        host = re.sub(r"^https?://", "", document.url).split("/", 1)[0].lower()
        words = {w for w in re.split(r"[.-]", host) if len(w) >= 4} - _HOST_WORDS
        found = {
            (o.name, o.type) for o in orgs
            if words & {w.lower() for w in re.findall(r"[A-Za-z]+", o.name)} - _NAME_WORDS
        }  # fmt: skip
        if len(found) == 1:
            return found.pop()
    return None


_HOST_WORDS = {"www", "example", "news", "press", "media", "online"}
_NAME_WORDS = {
    "university",
    "council",
    "city",
    "county",
    "college",
    "borough",
    "district",
    "the",
    "of",
    "and",
}


def _statement_name(document: Document, seg: Segmented) -> str:
    by = document.publisher or _title(seg) or document.doc_id
    return f"Statement by {by}" if document.publisher else f"Statement in {by}"


def _title(seg: Segmented) -> str | None:
    """The first line of the article that is not page furniture or a dateline."""
    for paragraph in seg.paragraphs:
        if not paragraph.noise and not _DATELINE.search(paragraph.text) and len(paragraph.text.split()) >= 3:
            text = paragraph.text
            return text if len(text) <= 160 else text[:159].rsplit(" ", 1)[0] + "…"
    return None
