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
        for match in regions.finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            if free(start, end):
                found.append(PlaceMention(match.group(), "region", seg.evidence(start, end)))
                taken.add(start, end)
        for match in cities.finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            if not free(start, end) or text.endswith("County ", sentence.start, start):
                continue  # "County Durham" is a county, not the city
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
