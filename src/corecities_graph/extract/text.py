"""Paragraphs, sentences, page noise and numbers: the ground every extractor stands on."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from operator import attrgetter
from typing import TypeVar

from .facts import Evidence, Sentence, Span

T = TypeVar("T")

OPEN_QUOTES = "“\"‘'"
CLOSE_QUOTES = "”\"’'"
APOSTROPHES = "’'‘`"

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘']?[A-Z0-9£])")
_ABBREVIATIONS = (
    "Dr.",
    "Prof.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Hon.",
    "St.",
    "Rt.",
    "Cllr.",
    "No.",
    "e.g.",
    "i.e.",
)

# Page furniture: lines that are not part of the article.
_NOISE_LINE = re.compile(
    r"""^\s*(?:
        read\s+more\b.*
      | skip\s+to\s+(?:main\s+)?content
      | [\w ]{0,30}\bnews\s+last\s+updated\b.*
      | share\s+(?:this|on)\b.*
      | (?:photo|image|picture)\s*(?:credit)?\s*[:|].*
      | credit\s*:.*
      | (?:(?:twitter|facebook|youtube|linkedin|instagram|whatsapp|email|print)[\s,|]*){2,}
      | advertisement
      | sign\s+up\s+to\s+our\s+newsletter.*
      | cookies?\b.*\b(?:accept|settings|policy)\b.*
      | we\s+use\s+cookies\b.*
      | tags?\s*:.*
      | (?:home\s*[>»/|].*)
      | \d{1,2}:\d{2}(?:\s*(?:am|pm))?,?\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}
      | page\s+\d+(?:\s+of\s+\d+)?
      | \d{1,3}
      | (?:print|email|share)(?:\s+this)?(?:\s+(?:page|article|story))?
      | follow\s+us\b.*
      | all\s+rights\s+reserved\.?
      | ©.*
      | [^|]{1,30}(?:\s\|\s[^|]{1,30}){2,}   # a bar of section links: "News | Exeter | Plymouth | Sport"
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Page furniture named anywhere in its line: "Birmingham city carousel", "Manage cookie settings". Each
# scans the whole line, so it is tried only on a line holding "carou" or "cook" (letters that lower() and
# IGNORECASE agree on).
_NOISE_ANYWHERE = re.compile(
    r"^\s*(?:.*\bcarousel\s*|.*\bcookies?\s+(?:settings|policy|preferences)\b.*)$", re.IGNORECASE
)


def _is_noise_line(body: str) -> bool:
    if _NOISE_LINE.match(body):
        return True
    lowered = body.lower()
    return ("carou" in lowered or "cook" in lowered) and bool(_NOISE_ANYWHERE.match(body))


# The heading of the notes for journalists that close a release.
_NOTES_HEADING = re.compile(
    r"^\s*(?:notes?\s+(?:to|for)\s+editors?|editor[’']?s[’']?\s+notes?|ends|-+\s*ends\s*-+|about\s+the\s+\w+)\s*:?\s*$",
    re.IGNORECASE,
)
# A list of parties can stand in the notes; it is content again.
# "Signatories to the Compact are:", "The organisations that have signed the charter include:"
LIST_CUE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?=[^.!?]{0,160}$)[^.!?]*\b(?:signed|signing|signator(?:y|ies)|supported|backed|endorsed|partners|parties"
    r"|members|sign\s+up|signed\s+up|joined|joining|put\s+(?:their|its)\s+names?\s+to)\b[^.!?]*:\s*$",
    re.IGNORECASE,
)

# "Caption | Publisher / Photographer": the credit after the bar is not content.
_CREDIT_TAIL = re.compile(r"\s+\|\s+[^|]{1,80}$")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# Every number starts with a digit or with one of these letters: a look-ahead for them lets the
# engine pass over other words without trying each number word in turn.
_NUMBER_WORD_FIRST = "adefnost"
NUMBER_WORD_PATTERN = (
    rf"(?=[{_NUMBER_WORD_FIRST}])(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|ten|(?:(?:two|three|four|five|six)\s+)?dozen|{_UNITS}|a\s+dozen|a\s+hundred)"
)
NUMBER_PATTERN = (
    rf"(?=[\d{_NUMBER_WORD_FIRST}])(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{NUMBER_WORD_PATTERN})"
)
SCALES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
}  # fmt: skip


def lists_parties(line: str) -> bool:
    """Whether a line (or a sentence up to its colon) leads in a list of parties."""
    return line.rstrip().endswith(":") and bool(LIST_CUE.search(line))


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    noise: bool


@dataclass(frozen=True)
class Segmented:
    """A document cut into paragraphs and sentences, with noise marked."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    _starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def sentence_at(self, offset: int) -> Sentence:
        starts = self._starts or tuple(s.start for s in self.sentences)
        if not self._starts:
            object.__setattr__(self, "_starts", starts)
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return self.sentences[-1]

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(Span(start, end), self.sentence_at(start))

    def content_sentences(self) -> list[Sentence]:
        return list(self.sentences)


class SpanSet:
    """Non-overlapping [start, end) spans, kept sorted so that a free-space test is a bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = []
        for start, end in spans:
            self.add(start, end)

    def free(self, start: int, end: int) -> bool:
        k = bisect_right(self._spans, (start, float("inf")))
        if k and self._spans[k - 1][1] > start:
            return False
        return k == len(self._spans) or self._spans[k][0] >= end

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))


def starting_within(items: Sequence[T], lo: int, hi: int) -> Sequence[T]:
    """Items (sorted by where their evidence starts) whose evidence starts in [lo, hi)."""
    first = bisect_left(items, lo, key=_evidence_start)
    return items[first : bisect_left(items, hi, lo=first, key=_evidence_start)]


# where an item's evidence starts, read without a call into Python for each look
_evidence_start = attrgetter("evidence.span.start")


def segment(text: str) -> Segmented:
    """Split text into paragraphs (one per non-empty line) and sentences; drop page furniture."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    offset = 0
    seen: set[str] = set()
    lines = text.split("\n")
    rows = _table_rows(lines)
    for number, raw_line in enumerate(lines):
        line_start = offset
        offset += len(raw_line) + 1
        stripped = raw_line.strip()
        if not stripped:
            continue
        start = line_start + raw_line.index(stripped[0])
        body = stripped.lstrip("•·*-–— \t")
        if not body:  # a lone bullet or rule: no paragraph to read
            continue
        start += len(stripped) - len(body)
        end = start + len(body)
        credit = _CREDIT_TAIL.search(body) if "|" in body else None  # a credit follows a bar
        if credit and "/" in credit.group(0):
            body = body[: credit.start()]
            end = start + len(body)
        # The notes to editors are the publisher's own words about the parties (who is in an
        # alliance, who to call): the heading is furniture, what follows is read.
        heading = bool(_NOTES_HEADING.match(body))
        # a verbatim repeat says nothing new, but a short name repeated is a list's line, not a masthead
        repeated = body in seen and len(body.split()) >= 6
        # a line of cells is a bar of links alone, and a table's row beside rows of as many cells
        noise = heading or (number not in rows and _is_noise_line(body)) or repeated
        seen.add(body)
        paragraph = Paragraph(len(paragraphs), start, end, body, noise)
        paragraphs.append(paragraph)
        if not noise:
            sentences.extend(_split_sentences(paragraph))
    if not sentences:
        sentences.append(Sentence(0, len(text), text, 0))
    return Segmented(text, tuple(paragraphs), tuple(sentences))


def _table_rows(lines: list[str]) -> set[int]:
    """Lines of three or more cells next to a line of as many: a table written as text."""
    cells = [line.count(" | ") + 1 if " | " in line else 0 for line in lines]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    rows: set[int] = set()
    for before, after in pairwise(filled):
        if cells[before] >= 3 and cells[before] == cells[after]:
            rows.update((before, after))
    return rows


# No real sentence is this long; cutting longer runs keeps every per-sentence rule linear overall.
MAX_SENTENCE = 1000


def _split_sentences(paragraph: Paragraph) -> list[Sentence]:
    result: list[Sentence] = []
    for sentence in _split_at_stops(paragraph):
        while sentence.end - sentence.start > MAX_SENTENCE:
            body = sentence.text[:MAX_SENTENCE]
            cut = max(body.rfind(";"), body.rfind(", "), body.rfind(" "))
            cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            head = Sentence(sentence.start, sentence.start + cut, sentence.text[:cut], sentence.paragraph)
            result.append(head)
            rest = sentence.text[cut:]
            skip = len(rest) - len(rest.lstrip())
            sentence = Sentence(sentence.start + cut + skip, sentence.end, rest.lstrip(), sentence.paragraph)
        if sentence.text:
            result.append(sentence)
    return result


def _split_at_stops(paragraph: Paragraph) -> list[Sentence]:
    result: list[Sentence] = []
    cursor = 0
    body = paragraph.text
    for match in _SENTENCE_END.finditer(body):
        head = body[cursor : match.start()]
        if head.endswith(_ABBREVIATIONS):
            continue
        result.append(_sentence(paragraph, cursor, match.start()))
        cursor = match.end()
    if cursor < len(body):
        result.append(_sentence(paragraph, cursor, len(body)))
    return result


def _sentence(paragraph: Paragraph, start: int, end: int) -> Sentence:
    text = paragraph.text[start:end]
    return Sentence(paragraph.start + start, paragraph.start + end, text, paragraph.index)


# Letters that a pattern compiled with re.IGNORECASE takes for i, s, k and å but that lower() keeps:
# "mıllıon" matches "million" and must then be looked up as it
_CASE_TWINS = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None, "\u212a": "k", "\u212b": "å"})


def folded(word: str) -> str:
    """A word matched case-insensitively, as the lower-case key it matched: 'MİLLİON' -> 'million'."""
    return word.lower().translate(_CASE_TWINS)


def parse_number(word: str) -> Decimal | None:
    """'6,500' -> 6500, 'fourteen' -> 14, 'twenty-one' -> 21, 'a dozen' -> 12."""
    word = folded(word.strip())
    if not word:
        return None
    if word[0].isdigit():
        try:
            return Decimal(word.replace(",", ""))
        except InvalidOperation:
            return None
    word = re.sub(r"^a\s+", "", word)
    dozens = re.fullmatch(r"(\w+)\s+dozen", word)
    if dozens and dozens.group(1) in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[dozens.group(1)] * 12)  # "two dozen universities" is 24
    total = 0
    for part in re.split(r"[- ]+", word):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return Decimal(total)


def capitalise(value: str) -> str:
    return value[:1].upper() + value[1:] if value else value
