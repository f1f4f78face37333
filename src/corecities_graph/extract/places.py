"""Cities and regions named as places (not as part of an organisation's name)."""

from __future__ import annotations

import re

from ..resolve.reference import Reference
from .facts import OrgMention, PlaceMention
from .text import Segmented, SpanSet

_CITY_REGION = re.compile(r"\s+[Cc]ity\s+[Rr]egions?\b")


def find_places(seg: Segmented, ref: Reference, orgs: list[OrgMention]) -> list[PlaceMention]:
    """City and region mentions outside organisation names, in text order."""
    text = seg.text
    taken = SpanSet((o.evidence.span.start, o.evidence.span.end) for o in orgs)
    found: list[PlaceMention] = []
    free = taken.free

    regions, cities = _patterns(ref)
    for sentence in seg.sentences:
        standing = (
            _standing_for_universities(text, sentence.start, sentence.end)
            if text.find("niversities", sentence.start, sentence.end) >= 0
            else []
        )
        for match in regions.finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            if free(start, end):
                found.append(PlaceMention(match.group(), "region", seg.evidence(start, end)))
                taken.add(start, end)
        for match in cities.finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            if not free(start, end) or text.endswith("County ", sentence.start, start):
                continue  # "County Durham" is a county, not the city
            joined = _WITH_PLACE.match(text, end) if text.startswith(" with ", end) else None
            if joined and ref.canonical_city(joined.group("place")) is None:
                continue  # "Blackburn with Darwen": one borough of two places, not the city
            if standing and any(lo <= start < hi for lo, hi in standing):
                continue  # "Universities named in it include Hull and Plymouth": universities, not places
            canonical = ref.city_aliases[match.group()]
            region = _CITY_REGION.match(text, end)
            if region:
                end = region.end()
                found.append(PlaceMention(_title(text[start:end]), "region", seg.evidence(start, end)))
            else:
                found.append(PlaceMention(canonical, "city", seg.evidence(start, end)))
            taken.add(start, end)
    found.sort(key=lambda p: p.evidence.span.start)
    return found


_WITH_PLACE = re.compile(r"\s+with\s+(?P<place>[A-Z][\w’'-]+)(?![\w’'-])")
_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _patterns(ref: Reference) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One alternation for regions and one for city names, longest first."""
    if id(ref) not in _CACHE:
        regions = "|".join(re.escape(r) for r in sorted(ref.regions, key=len, reverse=True)) or "(?!)"
        cities = "|".join(re.escape(c) for c in sorted(ref.city_aliases, key=len, reverse=True)) or "(?!)"
        _CACHE[id(ref)] = (
            re.compile(rf"\b(?:{regions})\b"),
            re.compile(rf"(?<![\w-])(?:{cities})(?![\w-])"),
        )
    return _CACHE[id(ref)]


def _title(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


# "Universities named in the charter include Coventry, Hull and Plymouth": the universities, each
# by its place's name, are listed; "universities in cities such as Leeds and Hull" lists places
_PLACE_WORD = r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?"
_UNIVERSITIES_LISTED = re.compile(
    r"\b[Uu]niversities\b(?P<between>[^.;:]{0,60}?)\s+(?:include|includes|included|including|are|were)\s+"
    rf"(?P<list>{_PLACE_WORD}(?:,\s+{_PLACE_WORD})*,?\s+(?:and|&)\s+{_PLACE_WORD})(?![\w’'-])(?!\s+[Uu]niversit)"
)
_PLACE_NOUNS = re.compile(r"\b(?:cities|towns|places|areas|regions|nations|counties|boroughs)\b")


def _standing_for_universities(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of a list of places that stand for universities, which are not places there."""
    spans = []
    for match in _UNIVERSITIES_LISTED.finditer(text, lo, hi):
        if _PLACE_NOUNS.search(match.group("between")):
            continue
        spans.append((match.start("list"), match.end("list")))
    return spans
