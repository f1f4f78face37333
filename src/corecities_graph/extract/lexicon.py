"""The words people and posts are found by: name shapes, honorifics and post words from reference data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resolve.reference import Reference

SPEECH_VERBS = (
    r"said|says|stated|states|added|adds|commented|comments|explained|explains|told|noted|"
    r"struck|remarked|declared|announced|wrote|argued|welcomed|continued|urged"
)
# Names carry accents ("Seán", "Zoë", "Ó Briain"): capitals and small letters beyond ASCII count.
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin Extended-A mixes both cases; a name never starts small there
_LOW = "a-zß-öø-ÿĀ-ſ"
# A name with a capital inside ("McAllister", "MacLeod", "FitzGerald", "DeVito") is one token:
# those forms come first, and a plain token may not stop short of a letter.
NAME_TOKEN = (
    rf"(?:(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le)[{_UP}][{_LOW}]+"
    rf"|[{_UP}][{_LOW}]+(?:[-’'][{_UP}]?[{_LOW}]+)*(?![{_UP}{_LOW}])"
    rf"|O[’'][{_UP}][{_LOW}]+|Ó\s[{_UP}][{_LOW}]+|[{_UP}]\.)"
)
_NAME = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}"
# "Gwyn ap Iorwerth", "Anna van der Berg": small words inside a surname
_PARTICLE = r"(?:ap|ab|van(?:\s+de[nr]?)?|von|de(?:\s+la)?|du|da|bin|ibn)"
STOP = {
    "The", "This", "That", "These", "Our", "Their", "Its", "For", "Or", "By", "And", "But", "In",
    "On", "At", "As", "With", "From", "Under", "After", "Before", "Both", "Every", "Each",
    "Core", "Cities", "City", "UK", "British", "Britain", "Global", "Government", "Ministers",
    "Leaders", "Vice-Chancellors", "National", "Local", "Civic", "Public", "Policy", "News",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Twitter", "Facebook", "Skip", "Read", "More", "Covid", "Brexit",
    "Last", "Year", "Fourth", "Third", "Second", "First", "West", "East", "North", "South",
    "Midlands", "Region", "Trade", "Investment", "Strategy", "Innovation", "Partnerships",
}  # fmt: skip
STOP_ALT = "(?:" + "|".join(sorted(STOP, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class Lexicon:
    honorific: re.Pattern[str]
    name: re.Pattern[str]
    role_word: re.Pattern[str]
    role_tail: re.Pattern[str]
    role_of: re.Pattern[str]
    short_ref: re.Pattern[str]
    role_and: re.Pattern[str]


_CACHE: dict[int, Lexicon] = {}


def lexicon(ref: Reference) -> Lexicon:
    if id(ref) not in _CACHE:
        hons = sorted(ref.honorifics, key=len, reverse=True)
        hon = "|".join(re.escape(h) + (r"(?=\s)" if not h.endswith(".") else "") for h in hons)
        words = sorted({w for h in ref.honorifics for w in h.split() if w.isalpha() and w[0].isupper()})
        # an honorific never sits inside a name: "Leicester Sir Colin Marsh" is a place, then a person
        token = rf"(?!(?:{'|'.join(words)})\b){NAME_TOKEN}"
        name_pattern = rf"{token}(?:\s+(?:(?=[a-z]){_PARTICLE}\s+)?{token}){{1,3}}"
        roles = sorted(ref.roles, key=len, reverse=True)
        role_alt = "|".join(re.escape(r) for r in roles)
        _CACHE[id(ref)] = Lexicon(
            honorific=re.compile(rf"(?:(?:{hon})\s+)+"),
            name=re.compile(
                rf"(?<![\w’'-])(?P<hon>(?:(?:{hon})\s+)+)?(?!{STOP_ALT}\b)(?P<name>{name_pattern})(?P<mp>\s+MP\b)?"
            ),
            role_word=re.compile(rf"\b(?:{role_alt})s?\b", re.IGNORECASE),
            role_tail=re.compile(rf"(?i:{role_alt})\s*,?\s*$"),
            role_of=re.compile(
                rf"(?:{role_alt})(?:\s+for\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*|\s+of\s+[A-Z][\w-]*(?=\s+at\s))?"
                rf"\s+(?:of|at)\s+"
                rf"(?:the\s+)?(?P<lower>[a-z][\w-]*)?\s*$"
            ),
            short_ref=re.compile(
                rf"(?<![\w’'-])(?P<hon>(?:(?:{hon})\s+)+)(?P<name>{NAME_TOKEN})(?![\w’'-]|\s+[A-Z])"
            ),
            role_and=re.compile(rf"(?<![\w-])(?:[A-Z][\w-]*\s+)*(?:{role_alt})\s+and\s+$"),
        )
    return _CACHE[id(ref)]
