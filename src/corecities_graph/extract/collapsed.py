"""Bodies a text names together under one head word: 'the universities of Birmingham, Leeds and
Sheffield' names the University of Birmingham, the University of Leeds and the University of Sheffield."""

from __future__ import annotations

import re

from ..resolve.reference import Reference
from .bodies import resolve_name
from .facts import OrgMention
from .text import Segmented, SpanSet

_PLACE = r"[A-Z][\w’'-]+(?:\s+(?:upon\s+)?[A-Z][\w’'-]+)?"
# "the universities of A, B and C", "the Universities of Glasgow and Strathclyde"
_COLLAPSED = re.compile(
    rf"\b[Uu]niversities\s+of\s+(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+(?:and|&)\s+{_PLACE})"
)
_ONE = re.compile(_PLACE)


def collapsed_universities(seg: Segmented, orgs: list[OrgMention], ref: Reference) -> list[OrgMention]:
    """The universities a collapsed list names, one mention each at its place word; a place that
    names a university only in the other order ('Cardiff University') is read as that one."""
    text = seg.text
    if "niversities of" not in text:
        return []  # the cheap test first: most texts write every name out
    taken = SpanSet((o.evidence.span.start, o.evidence.span.end) for o in orgs)
    found: list[OrgMention] = []
    for match in _COLLAPSED.finditer(text):
        for place in _ONE.finditer(text, match.start("list"), match.end("list")):
            word = place.group()
            if word in {"And", "The"} or not taken.free(place.start(), place.end()):
                continue
            name = _university(word, ref)
            if name is None:
                continue
            found.append(OrgMention(name, "university", ref.canonical_city(word), word,
                                    seg.evidence(place.start(), place.end())))  # fmt: skip
    return found


def _university(place: str, ref: Reference) -> str | None:
    """'Leeds' -> 'University of Leeds'; 'Cardiff' -> 'Cardiff University', as the reference knows it;
    else the 'University of' form for a place the reference knows as a city."""
    for surface in (f"University of {place}", f"{place} University"):
        known = ref.canonical_org(surface)
        if known is not None and place in known:
            name, type_ = resolve_name(surface, "university", ref)
            if type_ == "university":
                return name
    return f"University of {place}" if ref.canonical_city(place) is not None else None
