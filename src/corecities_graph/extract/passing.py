"""Bodies a post names in passing, which the organisation finder leaves alone: they are read only as
the organisation a post is in ('Vice-Chancellor of York St John', 'chair of the North East
Universities group', 'regional secretary of the union Unite')."""

from __future__ import annotations

import re

from .facts import OrgMention, PlaceMention
from .text import Segmented, SpanSet

_CAPITALISED_RUN = re.compile(r"(?:[ \t]+(?!(?:and|of|the)\b)[A-Z][\w’'-]*){1,4}")
_NAME = r"[A-Z][\w&’'-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&’'-]*){0,4}"
# "the North East Universities group": a group named by the bodies it gathers
_GROUP = re.compile(
    rf"\bthe\s+(?P<name>{_NAME}\s+(?:Universities|Colleges|Councils|Authorities|Cities))\s+group\b"
)
# "the union Unite", "the charity Shelter", "the think tank IPPR North": a body after the kind it is
_KIND_THEN_NAME = re.compile(
    rf"\bthe\s+(?:trade\s+union|union|charity|think[\s-]?tank|trade\s+body|campaign\s+group|pressure\s+group"
    rf"|lobby\s+group|business\s+group|membership\s+body|social\s+enterprise)\s+(?P<name>{_NAME})"
)
# "head of policy at the University Alliance": a membership body a post is in, named by its head
_BODY_AFTER_POST = re.compile(
    r"\b(?:of|at)\s+the\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'-]*){0,3}?"
    r"\s+(?:Alliance|Association|Network|Federation|Society|Forum|Consortium))\b"
)
_BODY_WORDS = ("alliance", "association", "network", "federation", "society", "forum", "consortium")
_GROUP_WORDS = ("group",)
_KIND_WORDS = ("union", "charity", "think", "body", "group", "enterprise")
# "IPPR North", "HEPI": a name opening with an acronym, read where the text names it more than once
# (the first capital before the look-behind: the engine skips to capitals)
_ACRONYM_NAME = re.compile(
    r"(?P<name>[A-Z](?<![\w’'-][A-Z])[A-Z]{2,}(?:\s+[A-Z][a-z][\w-]*){0,2})(?![\w’'-])"
)


def bodies_in_passing(seg: Segmented, orgs: list[OrgMention], places: list[PlaceMention]) -> list[OrgMention]:
    """Mentions of bodies a post can be in, beyond the organisations found: each standing alone in
    the text, never inside an organisation already named."""
    taken = SpanSet((o.evidence.span.start, o.evidence.span.end) for o in orgs)
    found = _short_forms(seg, orgs, places)
    lowered = seg.text.lower()
    for pattern, kind, words in (
        (_GROUP, "alliance", _GROUP_WORDS),
        (_KIND_THEN_NAME, "other", _KIND_WORDS),
        (_BODY_AFTER_POST, "alliance", _BODY_WORDS),
    ):
        if not any(word in lowered for word in words):
            continue  # the pattern needs one of these words: most texts have none
        for match in pattern.finditer(seg.text):
            name = match.group("name")
            found.append(
                OrgMention(name, kind, None, name, seg.evidence(match.start("name"), match.end("name")))
            )
    acronyms: dict[str, list[re.Match[str]]] = {}
    for match in _ACRONYM_NAME.finditer(seg.text):
        acronyms.setdefault(match.group("name"), []).append(match)
    for name, matches in acronyms.items():
        if len(matches) >= 2 and not any(p.name == name for p in places):
            found += [
                OrgMention(name, "other", None, name, seg.evidence(m.start("name"), m.end("name")))
                for m in matches
            ]
    return [o for o in found if taken.free(o.evidence.span.start, o.evidence.span.end)]


def _short_forms(seg: Segmented, orgs: list[OrgMention], places: list[PlaceMention]) -> list[OrgMention]:
    """'York St John', 'Sheffield Teaching Hospitals': a place and the capitalised words after it
    that open the name of one organisation the text names in full, standing for it."""
    shorts: list[OrgMention] = []
    for place in places:
        run = _CAPITALISED_RUN.match(seg.text, place.evidence.span.end)
        if run is None:
            continue
        opening = seg.text[place.evidence.span.start : place.evidence.span.end] + " "
        candidates = [o for o in orgs if o.name.startswith(opening) or o.surface.startswith(opening)]
        if not candidates:
            continue
        ends = [place.evidence.span.end + m.end() for m in re.finditer(r"\S+", run.group())]
        for end in reversed(ends):
            words = seg.text[place.evidence.span.start : end]
            named = {
                o.name: o
                for o in candidates
                if o.name.startswith(words + " ") or o.surface.startswith(words + " ")
            }
            if len(named) == 1:
                org = next(iter(named.values()))
                shorts.append(
                    OrgMention(
                        org.name, org.type, org.city, words, seg.evidence(place.evidence.span.start, end)
                    )
                )
                break
    return shorts
