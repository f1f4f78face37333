"""Direct quotations: the words, over as many paragraphs as they run, and who said them."""

from __future__ import annotations

import re

from .facts import PersonMention, Quote, Role
from .lexicon import SPEECH_VERBS
from .text import Paragraph, Segmented

_OPEN_AFTER_CUE = re.compile(
    rf"(?:\b(?:{SPEECH_VERBS})\b[^“\"‘:]{{0,60}}?[:,]|\bnote:|:)\s*(?P<mark>[“\"‘'])"
)
_CUE_AT_END = re.compile(rf"\b(?:{SPEECH_VERBS})\b[^“\"‘:]{{0,60}}?:\s*$")
_REPORTED = re.compile(
    rf"\b(?:{SPEECH_VERBS})\b\s+(?:that\s+)?(?:the|it|this|they|we|a|an|there|his|her|their)\b"
)
_SAID_AFTER = re.compile(rf"\s*(?:,[^,.]*,\s*)?(?:{SPEECH_VERBS})\b")
_MARK_OPENS = re.compile(r"\s[‘'“\"][A-Za-z]")
_OPEN_IN_REPORT = re.compile(rf"\b(?:{SPEECH_VERBS})\b[^“\"‘'.!?]{{0,200}}?\s(?P<mark>[‘'“\"])(?=[A-Za-z])")
# 'The plan was late. "We have waited," she said.': a quote opening after a full stop
_OPEN_INSIDE = re.compile(r"[.!?]\s+(?P<mark>[“\"])")
_PRONOUN = re.compile(rf"\b(?:She|He|They)\s+(?:{SPEECH_VERBS})\b")
_AFTER_CLOSE = re.compile(rf"^\s*,?\s*(?:(?:{SPEECH_VERBS})\s+)?")
# a closing single mark: after punctuation, at the end, or before a word that goes on the sentence
# ("had 'gone from shipyards to software' and that ...")
_SINGLE_CLOSE = re.compile(
    r"(?<=[.!?,;…\]])[’']|[’'](?=\s*$)|(?<=[a-z])[’'](?=\s+(?:and|but|that|which|while|as|said|says)\b|[,.;:)])"
)


def find_quotes(seg: Segmented, people: list[PersonMention]) -> list[Quote]:
    """Attributed quotations; unattributed pull-quotes and scare quotes are left out."""
    paragraphs = [p for p in seg.paragraphs if not p.noise]
    quotes: list[Quote] = []
    last: PersonMention | None = None
    i = 0
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        speaker = None
        cue = _OPEN_AFTER_CUE.search(paragraph.text)
        if cue and paragraph.text[:1] in "“\"‘'":
            # '"We are small," she said, "but ..."': the quote opens the paragraph, the cue splits it
            first_close = _find_close(paragraph.text, 1, paragraph.text[0])
            if first_close is not None and first_close < cue.start():
                cue = None
        if cue:
            open_at = cue.start("mark")
            speaker = _speaker_before(people, paragraph, paragraph.start + open_at)
            if speaker is None and _PRONOUN.search(paragraph.text[:open_at]):
                speaker = (
                    _named_since(people, quotes, paragraphs, i)
                    or last
                    or _last_named(people, paragraph.start)
                )
            if speaker is None:
                # "The Lord Mayor said:": the one person the text gives that post
                speaker = _speaker_by_post(people, paragraph.text[:open_at])
        elif paragraph.text[:1] in "“\"‘'":
            open_at = 0
            speaker = _speaker_after_close(people, paragraph)
            if speaker is None and _pronoun_after_close(paragraph):
                # "X said the plan was late. / "…," he said.': someone reported since the last quote
                named = _last_named(people, paragraph.start)
                said = (
                    named is not None
                    and bool(quotes)
                    and named.evidence.span.start > quotes[-1].evidence.span.end
                    and _SAID_AFTER.match(seg.text, named.evidence.span.end, paragraph.start) is not None
                )
                speaker = named if said else _named_since(people, quotes, paragraphs, i) or last or named
            if speaker is None and _find_close(paragraph.text, 1, paragraph.text[0]) is None:
                # '"First paragraph. / "Last paragraph," said X.': the speaker follows where the words end
                _parts, close_at, used = _collect(paragraphs, i, 0, paragraph.text[0])
                if used > 1:
                    speaker = _named_after(people, paragraphs[i + used - 1], close_at)
            if speaker is None and i and paragraph.start - paragraphs[i - 1].end < 4:
                # 'X said:' closing the paragraph before, or 'X said the plan was late.' then the
                # words themselves: the quote continues what the paragraph before reported
                before = paragraphs[i - 1]
                if _CUE_AT_END.search(before.text) or _REPORTED.search(before.text):
                    speaker = _speaker_before(people, before, before.end)
                    if speaker is None and _CUE_AT_END.search(before.text):
                        speaker = _speaker_by_post(people, before.text)  # "The Mayor said:"
                elif before.text.rstrip().endswith(":"):
                    # "Professor X put it this way at the launch:" then the words themselves
                    speaker = _speaker_before(people, before, before.end)
        elif _MARK_OPENS.search(paragraph.text) and (report := _long_report(paragraph.text)) is not None:
            # "X said the plan was 'not a wish list but a delivery plan, and ...'": the reported
            # speech turns into the speaker's own words
            open_at = report.start("mark")
            speaker = _speaker_before(people, paragraph, paragraph.start + report.start())
            if speaker is not None and _SENTENCE_BREAK.search(
                seg.text, speaker.evidence.span.end, paragraph.start + report.start()
            ):
                speaker = None  # "X launched it. Belfast Harbour said it would '…'": not X's words
            if speaker is not None:
                speaker = _first_of_joint(seg.text, people, paragraph, speaker)
            if speaker is None and _PRONOUN.search(paragraph.text[: report.end()]):
                speaker = _last_named(people, paragraph.start) or last
        elif (inner := _OPEN_INSIDE.search(paragraph.text)) is not None:
            open_at = inner.start("mark")
            close = _find_close(paragraph.text, open_at + 1, paragraph.text[open_at])
            if close is None or not _PRONOUN_AFTER.match(paragraph.text, close + 1):
                # 'Cllr X, chair of Y, said areas risked being left behind. "We support ...': the
                # words after what the paragraph reports someone said
                reported = _speaker_before(people, paragraph, paragraph.start + open_at)
                if (
                    reported is not None
                    and _long_enough(paragraph.text, open_at)
                    and _SAID_AFTER.match(seg.text, reported.evidence.span.end, paragraph.end)
                    and not _SENTENCE_BREAK.search(
                        seg.text, reported.evidence.span.end, paragraph.start + inner.start()
                    )
                ):
                    speaker = reported
                else:
                    i += 1
                    continue
            else:
                speaker = _speaker_before(people, paragraph, paragraph.start + open_at) or last
        else:
            i += 1
            continue
        if speaker is None:
            i += 1
            continue
        mark = paragraph.text[open_at]
        parts, close_at, used = _collect(paragraphs, i, open_at, mark)
        start = paragraph.start + open_at
        end = paragraphs[i + used - 1].start + close_at
        role = _role_spoken(speaker)
        quotes.append(
            Quote(
                speaker=speaker.name,
                text="\n".join(parts),
                paragraphs=used,
                role=role,
                evidence=seg.evidence(start, end),
            )
        )
        last = speaker
        i += used
    return quotes


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_POST_SPEAKS = re.compile(
    rf"\b[Tt]he\s+(?P<post>(?:[A-Z][\w-]*\s+){{0,3}}?[A-Z][\w-]*)\s+(?:{SPEECH_VERBS})\b[^“\"‘]{{0,60}}$"
)


def _speaker_by_post(people: list[PersonMention], before: str) -> PersonMention | None:
    """'The Mayor said:': the one person the text names with that post."""
    if "The " not in before and "the " not in before:
        return None
    cue = _POST_SPEAKS.search(before)
    if cue is None:
        return None
    post = cue.group("post").lower()
    holders = {p.name: p for p in people if any(r.role.lower() == post for r in p.roles)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _named_since(
    people: list[PersonMention], quotes: list[Quote], paragraphs: list[Paragraph], i: int
) -> PersonMention | None:
    """Whom 'he said' refers to after someone new was named: the last person named in the paragraph
    before (or this one, before the quote), when named after the last quotation ended."""
    if not i:
        return None
    lo = paragraphs[i - 1].start
    if quotes:
        lo = max(lo, quotes[-1].evidence.span.end)
    hi = paragraphs[i].start
    named = [p for p in people if lo <= p.evidence.span.start < hi]
    return named[-1] if named else None


def _collect(paragraphs: list[Paragraph], i: int, open_at: int, mark: str) -> tuple[list[str], int, int]:
    """The quoted words from paragraph i onward: (parts, close offset in last paragraph, count)."""
    parts: list[str] = []
    used = 0
    start = open_at + 1
    while i + used < len(paragraphs):
        body = paragraphs[i + used].text
        close = _find_close(body, start, mark)
        used += 1
        if close is not None:
            parts.append(body[start:close].strip())
            return parts, close + 1, used
        parts.append(body[start:].strip())
        nxt = paragraphs[i + used].text if i + used < len(paragraphs) else ""
        if not nxt[:1] or nxt[0] not in "“\"‘'":
            return parts, len(body), used
        start = 1
    return parts, len(paragraphs[i + used - 1].text), used


def _find_close(body: str, start: int, mark: str) -> int | None:
    if mark in "‘'":
        match = _SINGLE_CLOSE.search(body, start)
        return match.start() if match else None
    for index in range(start, len(body)):
        if body[index] in '”"':
            return index
    return None


def _last_named(people: list[PersonMention], offset: int) -> PersonMention | None:
    """Whom 'she said' refers to before anyone was quoted: the last person the text named."""
    before = [p for p in people if p.evidence.span.start < offset]
    return before[-1] if before else None


_JOINT = re.compile(r"(?:,[^.;:“”\"]{0,160},)?\s+and\s+")


def _first_of_joint(
    text: str, people: list[PersonMention], paragraph: Paragraph, speaker: PersonMention
) -> PersonMention:
    """'A, Post of X, and B, Post of Y, said in a joint statement': the words are put to the first named."""
    before = [p for p in people if paragraph.start <= p.evidence.span.start < speaker.evidence.span.start]
    if before and _JOINT.fullmatch(text, before[-1].evidence.span.end, speaker.evidence.span.start):
        return before[-1]
    return speaker


def _long_report(body: str) -> re.Match[str] | None:
    """The first reported speech that turns into words in quotation marks long enough to be a quote
    ('said it was "within reach" but added that they "need ...'): a scare quote before it is passed."""
    for report in _OPEN_IN_REPORT.finditer(body):
        if _long_enough(body, report.start("mark")):
            return report
    return None


def _long_enough(body: str, open_at: int) -> bool:
    """A clause or more in quotation marks, or words left open by a cut page: not a scare quote."""
    close = _find_close(body, open_at + 1, body[open_at])
    words = body[open_at + 1 : close if close is not None else len(body)].split()
    return len(words) >= 6


def _speaker_before(people: list[PersonMention], paragraph: Paragraph, offset: int) -> PersonMention | None:
    candidates = [p for p in people if paragraph.start <= p.evidence.span.start < offset]
    return candidates[-1] if candidates else None


def _speaker_after_close(people: list[PersonMention], paragraph: Paragraph) -> PersonMention | None:
    close = _find_close(paragraph.text, 1, paragraph.text[0])
    if close is None:
        return None
    after = paragraph.start + close
    candidates = [
        p
        for p in people
        if after < p.evidence.span.start <= after + 80 and p.evidence.span.start < paragraph.end
    ]
    return candidates[0] if candidates else None


_SAID_THEN = re.compile(rf"\s*,?\s*(?:{SPEECH_VERBS})\s+$")


def _named_after(people: list[PersonMention], paragraph: Paragraph, close_at: int) -> PersonMention | None:
    """'…," said X.': the person named right after a quotation closes, after a speech verb."""
    after = paragraph.start + close_at
    for person in people:
        start = person.evidence.span.start
        if after <= start < min(after + 40, paragraph.end):
            said_before = _SAID_THEN.fullmatch(paragraph.text, close_at, start - paragraph.start)
            said_after = not paragraph.text[close_at : start - paragraph.start].strip(
                " ,"
            ) and _SAID_AFTER.match(paragraph.text, person.evidence.span.end - paragraph.start)
            return person if said_before or said_after else None
    return None


_PRONOUN_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:she|he|they)\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:she|he|they))\b", re.IGNORECASE
)


def _pronoun_after_close(paragraph: Paragraph) -> bool:
    """'"…," he said.': the speaker is whoever spoke last."""
    close = _find_close(paragraph.text, 1, paragraph.text[0])
    return close is not None and bool(_PRONOUN_AFTER.match(paragraph.text, close + 1))


def _role_spoken(person: PersonMention) -> Role | None:
    return person.roles[0] if person.roles else None
