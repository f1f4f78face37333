"""A PDF's text layer -> paragraphs of plain text and the document info.

pdfminer.six's layout analysis groups the characters of each page into text boxes (about one
paragraph each) with their positions. Boxes in the top or bottom margin that hold a page
number, or whose wording (digits aside) repeats on other pages, are running headers and
footers and are dropped; so is any box that is only a page number. Lines are joined into
paragraphs, words hyphenated across a line end are rejoined, and a paragraph cut by a page
break is made whole again.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from io import BytesIO

from ..document import Metadata
from ..errors import InputError

_MARGIN = 0.08  # share of the page height, top and bottom, where headers and footers sit (A4: 67 pt)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": ""})
_SENTENCE_END = re.compile(r"[.!?:;”\"’')\]]$")
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class _Box:
    page: int
    text: str
    in_margin: bool


def read_pdf(data: bytes, label: str) -> tuple[str, Metadata]:
    """The paragraphs of the text layer, one blank line apart, and /Title and /CreationDate."""
    boxes, info, pages = _layout(data, label)
    if not any(box.text for box in boxes):
        raise InputError(
            f"{label}: PDF has no text layer ({pages} page{'s' if pages != 1 else ''} of images?);"
            " run OCR on it first"
        )
    paragraphs = _paragraphs([box for box in _without_furniture(boxes) if box.text])
    if not paragraphs:
        raise InputError(f"{label}: PDF holds no article text, only page numbers or headers")
    text = "\n\n".join(paragraphs) + "\n"
    from ..extract.pipeline import dateline

    # A dateline in the release beats /CreationDate, which a re-export of an old release resets.
    written = dateline(text)
    return text, replace(info, date=written) if written else info


def _layout(data: bytes, label: str) -> tuple[list[_Box], Metadata, int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    # pdfminer logs every oddity of a damaged file; without a handler Python would print them.
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    boxes: list[_Box] = []
    pages = 0
    try:
        document = PDFDocument(PDFParser(BytesIO(data)))
        info = _info(document.info[0] if document.info else {})
        for pages, page in enumerate(extract_pages(BytesIO(data), laparams=LAParams()), start=1):
            height = page.height or 1
            for element in page:
                if isinstance(element, LTTextContainer):
                    middle = (element.y0 + element.y1) / 2 - page.y0
                    in_margin = middle < height * _MARGIN or middle > height * (1 - _MARGIN)
                    boxes.append(_Box(pages, _join_lines(element.get_text()), in_margin))
    # pdfminer raises many unrelated exception types on damaged files (its own, but also
    # KeyError, TypeError, struct.error, ...): whatever breaks while parsing is the file's fault.
    except Exception as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise InputError(
            f"{label}: PDF cannot be read, it is damaged or encrypted ({reason[:120]})"
        ) from None
    if pages == 0:
        raise InputError(f"{label}: PDF cannot be read, it has no pages")
    return boxes, info, pages


def _join_lines(text: str) -> str:
    """A text box's lines -> one paragraph, rejoining words hyphenated at a line end."""
    lines = [" ".join(line.split()) for line in text.translate(_LIGATURES).split("\n")]
    joined = ""
    for line in filter(None, lines):
        if re.search(r"[A-Za-z]-$", joined) and line[:1].islower():
            joined = joined[:-1] + line
        else:
            joined = f"{joined} {line}" if joined else line
    return joined


def _without_furniture(boxes: list[_Box]) -> list[_Box]:
    pages = len({box.page for box in boxes})

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())

    repeated = Counter(shape(box.text) for box in boxes if box.in_margin)
    return [
        box
        for box in boxes
        if not _PAGE_NUMBER.match(box.text)
        and not (box.in_margin and pages > 1 and repeated[shape(box.text)] > 1)
    ]


def _paragraphs(boxes: list[_Box]) -> list[str]:
    """Join a paragraph that a page break cut in two: no end punctuation, next starts lower-case."""
    paragraphs: list[str] = []
    previous_page = 0
    for box in boxes:
        text = box.text
        if (
            paragraphs
            and box.page != previous_page
            and not _SENTENCE_END.search(paragraphs[-1])
            and text[:1].islower()
        ):
            last = paragraphs.pop()
            text = last[:-1] + text if re.search(r"[A-Za-z]-$", last) else f"{last} {text}"
        paragraphs.append(text)
        previous_page = box.page
    return paragraphs


def _info(raw: dict[str, object]) -> Metadata:
    def value(key: str) -> str | None:
        item = raw.get(key)
        resolve = getattr(item, "resolve", None)
        item = resolve() if resolve else item
        if isinstance(item, bytes):
            item = _decode_pdf_string(item)
        text = " ".join(str(item).split()) if item else ""
        return text or None

    title = value("Title")
    if title and re.search(r"\.(?:docx?|odt|pages|indd|rtf|pdf)$|^untitled$", title, re.I):
        title = None  # a file name, not a title
    date = None
    match = _PDF_DATE.match(value("CreationDate") or "")
    if match:
        date = "-".join(part for part in match.groups() if part)
    return Metadata(title=title, date=date)


def _decode_pdf_string(raw: bytes) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", errors="replace")
    from pdfminer.utils import decode_text

    return decode_text(raw)
