"""The Document every stage passes on, its Metadata, and the slug that names it in ids and IRIs.

It sits below the stages because the readers (`sources`) make Documents and the extractor
(`extract`) reads them: neither owns the type the other needs.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field, fields

_HYPHENS = re.compile(r"-{2,}")
_APOSTROPHES = "’‘ʼ"
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Metadata:
    """What is known about where a document came from; None where unknown."""

    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values, falling back to `other` where these are unknown."""
        return Metadata(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(Metadata)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(Metadata))


@dataclass(frozen=True)
class Document:
    """One source text and what is known about where it came from."""

    doc_id: str
    text: str
    path: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    # Problems that did not stop the reading, e.g. a text that was not UTF-8.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def metadata(self) -> Metadata:
        return Metadata(self.title, self.publisher, self.date, self.url)


def is_date(value: str) -> bool:
    """Whether value is a real calendar date written YYYY-MM-DD, YYYY-MM or YYYY (not 2020-13-45)."""
    import datetime

    match = _ISO_DATE.fullmatch(value)
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def is_web_url(value: str) -> bool:
    """Whether value is an http(s) URL with a host: the only kind written as a link (not javascript:, data:)."""
    from urllib.parse import urlsplit

    if any(char.isspace() or ord(char) < 32 for char in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@functools.lru_cache(maxsize=1 << 16)
def slugify(value: str) -> str:
    """A lower-case, hyphenated, ASCII form of a name for use in IRIs and ids.

    Case, accents on Latin letters, punctuation and spacing are folded away (two spellings of
    one name meet), but no letter, digit or symbol is dropped: one with no ASCII form is kept
    as its code point between underscores (``_3a8_``), so distinct names never share a slug.
    """
    import unicodedata

    out: list[str] = []
    for char in unicodedata.normalize("NFKD", value.casefold()):
        if char.isascii():
            if char.isalnum():
                out.append(char)
            elif char == "&":
                out.append("-and-")
            elif char != "'":
                out.append("-")
        elif char in _APOSTROPHES:
            continue
        elif unicodedata.category(char) == "Mn" and out and out[-1][-1:].isalpha():
            continue  # an accent on a Latin letter: "é" reads as "e"
        elif unicodedata.category(char)[0] in "PZC":
            out.append("-")
        else:
            out.append(f"_{ord(char):x}_")
    slug = _HYPHENS.sub("-", "".join(out)).strip("-")
    return slug or "_"
