"""Cities and regions named as places (not as part of an organisation's name)."""

from __future__ import annotations

import re

from ..resolve import Reference
from .facts import OrgMention, PlaceMention
from .text import Segmented

_CITY_REGION = re.compile(r"\s+[Cc]ity\s+[Rr]egions?\b")


def find_places(seg: Segmented, ref: Reference, orgs: list[OrgMention]) -> list[PlaceMention]:
    """City and region mentions outside organisation names, in text order."""
    text = seg.text
    taken = [(o.evidence.span.start, o.evidence.span.end) for o in orgs]
    found: list[PlaceMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for sentence in seg.sentences:
        for region in ref.regions:
            for match in re.finditer(rf"\b{re.escape(region)}\b", text[sentence.start : sentence.end]):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if free(start, end):
                    found.append(PlaceMention(region, "region", seg.evidence(start, end)))
                    taken.append((start, end))
        for surface in sorted(ref.city_aliases, key=len, reverse=True):
            pattern = re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")
            for match in pattern.finditer(text, sentence.start, sentence.end):
                start, end = match.start(), match.end()
                if not free(start, end):
                    continue
                canonical = ref.city_aliases[surface]
                region = _CITY_REGION.match(text, end)
                if region:
                    end = region.end()
                    name = text[start:end]
                    found.append(PlaceMention(_title(name), "region", seg.evidence(start, end)))
                else:
                    found.append(PlaceMention(canonical, "city", seg.evidence(start, end)))
                taken.append((start, end))
    found.sort(key=lambda p: p.evidence.span.start)
    return found


def _title(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())
