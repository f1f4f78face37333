"""A PDF's text layer -> paragraphs of plain text and the document info.

pdfminer.six's layout analysis groups the characters of each page into text boxes (about one
paragraph each) with their positions. Boxes in the top or bottom margin that hold a page
number, or whose wording (digits aside) repeats on other pages, are running headers and
footers and are dropped; so is any box that is only a page number. Lines are joined into
paragraphs, words hyphenated across a line end are rejoined, and a paragraph cut by a page
break is made whole again.

pdfminer runs in a worker process with a memory and a time limit (limits.py), and the text it
draws is counted as it is drawn: a PDF can be built to make a reader loop for ever (objects
that refer to themselves) or inflate a small file to gigabytes, and either must end in an
`Error:` line for that file while the build goes on.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import re
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from io import BytesIO
from typing import Any

from .. import limits
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
    boxes, info, pages = _layout_in_worker(data, label)
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


_WORKER = "from corecities_graph.sources.pdf import worker; worker()"
# The label's length, the PDF's length, the limits on characters per page and per file and on
# seconds; then the label and the PDF. The limits travel with each PDF so that the caller's
# limits are the ones held.
_REQUEST = struct.Struct("<IQQQd")
_ANSWER = struct.Struct("<Q")  # the answer's length; then the answer, JSON


class _Reader:
    """One worker process, started on the first PDF and kept for the next, so that a PDF costs
    no process start; a worker that ran out of time or memory is killed and the next one fresh."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.memory = 0  # the limit the running worker was started with
        self.lock = threading.Lock()

    def read(self, data: bytes, label: str, seconds: float) -> dict[str, Any] | None:
        """The worker's answer, None when it ran out of memory; TimeoutError past `seconds`."""
        with self.lock:
            deadline = time.monotonic() + seconds
            process = self._started()
            assert process.stdin is not None and process.stdout is not None
            name = label.encode("utf-8", "surrogateescape")
            try:
                head = _REQUEST.pack(
                    len(name), len(data), limits.PDF_PAGE_CHARS, limits.PDF_TEXT_CHARS, seconds
                )
                process.stdin.write(head + name + data)
                process.stdin.flush()
                answer = self._receive(process.stdout.fileno(), deadline)
            except BrokenPipeError:
                answer = None
            except TimeoutError:
                self.stop()
                raise
            if answer is None:
                self.stop()
                return None
            return json.loads(answer)  # type: ignore[no-any-return]

    def _started(self) -> subprocess.Popen[bytes]:
        if self.process is not None and self.memory != limits.PDF_MEMORY_BYTES:
            self.stop()
        if self.process is None or self.process.poll() is not None:
            self.memory = limits.PDF_MEMORY_BYTES
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER, str(limits.PDF_MEMORY_BYTES)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        return self.process

    @staticmethod
    def _receive(fd: int, deadline: float) -> bytes | None:
        """One answer from the worker, None if it died first (out of memory)."""
        import selectors

        wanted, got = _ANSWER.size, b""
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while len(got) < wanted:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise TimeoutError
                chunk = os.read(fd, min(wanted - len(got), 1 << 20))
                if not chunk:
                    return None
                got += chunk
                if wanted == _ANSWER.size and len(got) >= _ANSWER.size:
                    wanted += _ANSWER.unpack(got[: _ANSWER.size])[0]
        return got[_ANSWER.size :]

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.stdin:
            with contextlib.suppress(OSError):
                process.stdin.close()
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout:
            process.stdout.close()


_READER = _Reader()
atexit.register(_READER.stop)


def _layout_in_worker(data: bytes, label: str) -> tuple[list[_Box], Metadata, int]:
    """_layout in a worker process that may take at most pdf_seconds and PDF_MEMORY_BYTES."""
    seconds = limits.pdf_seconds(len(data))
    try:
        answer = _READER.read(data, label, seconds)
    except TimeoutError:
        raise InputError(
            f"{label}: PDF took more than {seconds:.0f} s to read, the limit for a file of its size"
        ) from None
    if answer is None:
        raise InputError(
            f"{label}: PDF needs more than {_binary(limits.PDF_MEMORY_BYTES)} of memory to read"
            " (its streams inflate too far)"
        )
    if "error" in answer:
        raise InputError(answer["error"])
    boxes = [_Box(page, text, in_margin) for page, text, in_margin in answer["boxes"]]
    return boxes, Metadata(**answer["info"]), answer["pages"]


def _limit_cpu(seconds: float) -> None:
    """Let this request use at most `seconds` more of CPU time, then the kernel ends the worker:
    a bound that holds even when the process waiting for it has gone (a build killed mid-PDF)."""
    try:
        import resource

        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = used.ru_utime + used.ru_stime
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        soft = int(spent + seconds) + 2
        resource.setrlimit(
            resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard)
        )
    except (ImportError, ValueError, OSError):
        pass


def _binary(size: int) -> str:
    return f"{size // 2**30} GiB" if size % 2**30 == 0 else f"{size // 2**20} MiB"


def worker() -> None:
    """The worker's side: requests (label, PDF bytes) on stdin, answers as JSON on stdout."""
    try:
        import resource

        memory = int(sys.argv[1])
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass  # no such limit here (not Linux): the time limit still holds
    requests = sys.stdin.buffer
    # The answers get a channel of their own: anything a library prints goes to stderr (nowhere).
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    while True:
        head = requests.read(_REQUEST.size)
        if len(head) < _REQUEST.size:
            return
        name_size, size, page_chars, file_chars, seconds = _REQUEST.unpack(head)
        _limit_cpu(seconds)
        label = requests.read(name_size).decode("utf-8", "surrogateescape")
        data = requests.read(size)
        try:
            boxes, info, pages = _layout(data, label, page_chars, file_chars)
            answer: dict[str, object] = {
                "boxes": [[box.page, box.text, box.in_margin] for box in boxes],
                "info": {"title": info.title, "date": info.date},
                "pages": pages,
            }
            encoded = json.dumps(answer).encode("utf-8", "surrogateescape")
        except InputError as exc:
            encoded = json.dumps({"error": str(exc)}).encode("utf-8", "surrogateescape")
        except MemoryError:
            os._exit(3)
        answers.write(_ANSWER.pack(len(encoded)) + encoded)
        answers.flush()
        del data


def _layout(
    data: bytes, label: str, page_chars: int = limits.PDF_PAGE_CHARS, file_chars: int = limits.PDF_TEXT_CHARS
) -> tuple[list[_Box], Metadata, int]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTPage, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pages = 0

    class TooMuchText(Exception):
        pass

    class Counting(PDFPageAggregator):
        """Counts the characters drawn, and stops at the limits before the layout of a page holds them."""

        on_page = 0
        in_all = 0

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.on_page += 1
            self.in_all += 1
            if self.on_page > page_chars:
                raise TooMuchText(
                    f"{label}: PDF page {pages} holds more than {page_chars:,} characters of text,"
                    " over the limit for a page"
                )
            if self.in_all > file_chars:
                raise TooMuchText(
                    f"{label}: PDF holds more than {file_chars:,} characters of text, over the limit for a file"
                )
            return super().render_char(*args, **kwargs)

    def extract_pages(stream: BytesIO) -> Iterator[LTPage]:
        """pdfminer's own extract_pages, with the counting device."""
        nonlocal pages
        manager = PDFResourceManager(caching=True)
        device = Counting(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.get_pages(stream, caching=True):
            pages += 1
            device.on_page = 0
            interpreter.process_page(page)
            yield device.get_result()

    # pdfminer logs every oddity of a damaged file; without a handler Python would print them.
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    boxes: list[_Box] = []
    try:
        document = PDFDocument(PDFParser(BytesIO(data)))
        info = _info(document.info[0] if document.info else {})
        for page in extract_pages(BytesIO(data)):
            height = page.height or 1
            for element in page:
                if isinstance(element, LTTextContainer):
                    middle = (element.y0 + element.y1) / 2 - page.y0
                    in_margin = middle < height * _MARGIN or middle > height * (1 - _MARGIN)
                    boxes.append(_Box(pages, _join_lines(element.get_text()), in_margin))
    except TooMuchText as exc:
        raise InputError(str(exc)) from None
    except MemoryError:
        raise
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
