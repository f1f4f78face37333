"""Document -> Extraction: runs each extractor in the order their inputs need."""

from __future__ import annotations

import re
from datetime import date

from ..document import Document
from ..resolve.reference import Reference
from .facts import Extraction
from .organisations import find_organisations
from .people import find_people
from .places import find_places
from .proposals import find_proposals
from .quotes import find_quotes
from .signatories import find_alliance_members, find_declaration, find_signatories
from .statistics import find_counts, find_statistics
from .text import Segmented, segment

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
_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d{2})/")


def extract(document: Document, ref: Reference) -> Extraction:
    """Read every kind of fact from one document."""
    seg = segment(document.text)
    orgs = find_organisations(seg, ref)
    places = find_places(seg, ref, orgs)
    people = find_people(seg, ref, orgs, places)
    counts = find_counts(seg)
    declaration = find_declaration(seg, orgs)
    return Extraction(
        doc_id=document.doc_id,
        text=document.text,
        date=document.date or dateline(document.text),
        title=_title(seg),
        places=places,
        organisations=orgs,
        people=people,
        quotes=find_quotes(seg, people),
        proposals=find_proposals(seg, orgs),
        statistics=find_statistics(seg, orgs, counts),
        claimed_counts=counts,
        signatories=find_signatories(seg, orgs, declaration),
        declaration=declaration,
        alliance_members=find_alliance_members(seg, orgs, places),
    )


def dateline(text: str) -> str | None:
    """'Last updated 16 March 2021' near the top -> '2021-03-16'."""
    for match in _DATELINE.finditer(text[:2000]):
        if match.group("m").lower() not in _MONTHS:
            continue
        year = match.group("y")
        if year is None:
            # "Published: 3 May": the year is the document's own, as its address gives it
            url_year = _URL_YEAR.search(text.split("\n", 1)[0])
            if url_year is None:
                continue
            year = url_year.group("y")
        try:
            return date(int(year), _MONTHS[match.group("m").lower()], int(match.group("d"))).isoformat()
        except ValueError:
            continue
    return None


def _title(seg: Segmented) -> str | None:
    """The first line of the article that is not page furniture or a dateline."""
    for paragraph in seg.paragraphs:
        if not paragraph.noise and not _DATELINE.search(paragraph.text) and len(paragraph.text.split()) >= 3:
            text = paragraph.text
            return text if len(text) <= 160 else text[:159].rsplit(" ", 1)[0] + "…"
    return None
