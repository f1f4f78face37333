"""Organisations a post names by a common noun: 'the council's leader', 'its chief executive', 'chair of the commission'."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .facts import OrgMention

# The common nouns a release uses for a body it has already named, and what such a body looks like
_KINDS: dict[str, Callable[[OrgMention], bool]] = {
    "council": lambda o: o.type == "council" or "Council" in o.name,
    "university": lambda o: o.type == "university",
    "college": lambda o: "College" in o.name,
    "think tank": lambda o: o.type == "institute",
    "institute": lambda o: o.type == "institute",
    "authority": lambda o: "Authority" in o.name,
    "combined authority": lambda o: "Combined Authority" in o.name,
    "commission": lambda o: "Commission" in o.name,
    "trust": lambda o: "Trust" in o.name,
    "board": lambda o: "Board" in o.name,
    "network": lambda o: o.type == "alliance",
    "alliance": lambda o: o.type == "alliance",
    "foundation": lambda o: "Foundation" in o.name,
}
KIND_NOUN = "|".join(sorted(_KINDS, key=len, reverse=True))
# "the council's deputy leader": the owner of a post written as a common noun
OWNER_NOUN = re.compile(rf"^(?:the\s+)?(?P<noun>{KIND_NOUN})[’']s\s+", re.IGNORECASE)
# "chair of the commission", "Portfolio Holder for Skills at the combined authority"
OF_NOUN = re.compile(rf"\s+(?:of|at|on)\s+the\s+(?P<noun>{KIND_NOUN})$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(rf"\b[Tt]he\s+(?P<noun>{KIND_NOUN})\b")


# The publisher of the text being read: a release's "the university" is its own university
_HOME: ContextVar[str | None] = ContextVar("home", default=None)


@contextmanager
def publishing(name: str | None) -> Iterator[None]:
    """Read the posts of a text published by the body `name` (None: not known)."""
    token = _HOME.set(name)
    try:
        yield
    finally:
        _HOME.reset(token)


def referent(noun: str, at: int, orgs: list[OrgMention]) -> OrgMention | None:
    """The body 'the <noun>' stands for at a position: the publisher when it is of that kind (a
    university's release calls itself 'the university'), else the last one of its kind named
    before it, else the one of its kind the text names most."""
    fits = _KINDS.get(re.sub(r"\s+", " ", noun.lower()))
    if fits is None:
        return None
    kind = [o for o in orgs if fits(o)]
    home = next((o for o in kind if o.name == _HOME.get()), None)
    if home is not None:
        return home
    before = [o for o in kind if o.evidence.span.end <= at]
    if before:
        return before[-1]
    counts: dict[str, int] = {}
    for org in kind:
        counts[org.name] = counts.get(org.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return next(o for o in kind if o.name == ranked[0][0])
    return None


def owner_of_its(text: str, lo: int, at: int, orgs: list[OrgMention]) -> OrgMention | None:
    """What 'its' at `at` refers to: the nearest body named before it in the sentence, by its name
    or as 'the <noun>' ('the council by its chief executive')."""
    named = [o for o in orgs if lo <= o.evidence.span.start and o.evidence.span.end <= at]
    nouns = list(_NOUN_BEFORE.finditer(text, lo, at))
    by_noun = referent(nouns[-1].group("noun"), nouns[-1].start(), orgs) if nouns else None
    if by_noun is not None and (not named or nouns[-1].start() > named[-1].evidence.span.start):
        return by_noun
    return named[-1] if named else None


def by_first_word(word: str, orgs: list[OrgMention]) -> OrgMention | None:
    """'Keele's Vice-Chancellor', 'NUA's principal': the one body named in the text whose name opens
    with the word, or whose initials the word spells."""
    word = word.replace("’", "'")  # "Queen’s" is "Queen's"
    bodies = {o.name: o for o in orgs if o.name.split()[0].replace("’", "'") in (word, word + "'s")}
    if not bodies and len(word) >= 2 and word.isupper():
        bodies = {o.name: o for o in orgs if _initials(o.name) == word}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _initials(name: str) -> str:
    """'Norwich University of the Arts' -> 'NUA': the capitals its words open with."""
    return "".join(w[0] for w in name.split() if w[0].isupper() and w not in {"The"})
