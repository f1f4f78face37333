"""Paragraphs, sentences, page noise and numbers: the ground every extractor stands on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .facts import Evidence, Sentence, Span

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
      | .*\bcarousel\s*
      | (?:(?:twitter|facebook|youtube|linkedin|instagram|whatsapp|email|print)[\s,|]*){2,}
      | advertisement
      | sign\s+up\s+to\s+our\s+newsletter.*
      | cookies?\b.*\b(?:accept|settings|policy)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
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
NUMBER_WORD_PATTERN = (
    rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    rf"|seventeen|eighteen|nineteen|ten|{_UNITS}|a\s+dozen|a\s+hundred)"
)
NUMBER_PATTERN = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{NUMBER_WORD_PATTERN})"
SCALES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
}  # fmt: skip


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

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return self.sentences[-1]

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(Span(start, end), self.sentence_at(start))

    def content_sentences(self) -> list[Sentence]:
        return list(self.sentences)


def segment(text: str) -> Segmented:
    """Split text into paragraphs (one per non-empty line) and sentences; drop page furniture."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    offset = 0
    seen: set[str] = set()
    for raw_line in text.split("\n"):
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
        credit = _CREDIT_TAIL.search(body)
        if credit and "/" in credit.group(0):
            body = body[: credit.start()]
            end = start + len(body)
        # A verbatim repeat of an earlier paragraph says nothing new.
        noise = bool(_NOISE_LINE.match(body)) or body in seen
        seen.add(body)
        paragraph = Paragraph(len(paragraphs), start, end, body, noise)
        paragraphs.append(paragraph)
        if not noise:
            sentences.extend(_split_sentences(paragraph))
    if not sentences:
        sentences.append(Sentence(0, len(text), text, 0))
    return Segmented(text, tuple(paragraphs), tuple(sentences))


def _split_sentences(paragraph: Paragraph) -> list[Sentence]:
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


def fold(value: str) -> str:
    """Compare-form of a name: straight apostrophes dropped, quotes and case folded."""
    value = value.replace("&", " and ")
    for mark in "’'‘`":
        value = value.replace(mark, "")
    value = value.replace("“", "").replace("”", "").replace('"', "")
    return re.sub(r"\s+", " ", value).strip().lower()


def parse_number(word: str) -> Decimal | None:
    """'6,500' -> 6500, 'fourteen' -> 14, 'twenty-one' -> 21, 'a dozen' -> 12."""
    word = word.strip().lower()
    if not word:
        return None
    if word[0].isdigit():
        try:
            return Decimal(word.replace(",", ""))
        except InvalidOperation:
            return None
    word = re.sub(r"^a\s+", "", word)
    total = 0
    for part in re.split(r"[- ]+", word):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return Decimal(total)


def capitalise(value: str) -> str:
    return value[:1].upper() + value[1:] if value else value
