"""Files, folders, HTML pages, PDFs and stdin -> Document. The only reader of raw input.

Every Document's `text` is the plain text that extraction reads: character offsets in the
graph count into it, and its SHA-256 is the document's content hash. HTML and PDF readers
live in `html`, `markdown` and `pdf` beside this module; their libraries are imported only when such a file is read.

Metadata (title, publisher, date, URL) is taken, in this order of precedence, from values
given by the caller (the build command's flags), then a sidecar `NAME.meta.json` beside the
file, then what the document itself says (HTML meta tags and JSON-LD, PDF document info, a
leading URL line in text). A date still unknown after that is left to the extractor, which
reads a dateline in the text.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import BinaryIO

from .. import limits
from ..document import Document, Metadata, is_date, is_web_url, slugify
from ..errors import InputError
from .jsonvalue import parse_json

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SOURCE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
SIDECAR_SUFFIXES = (".meta.json", ".gold.json")
DEFAULT_MAX_BYTES = limits.MAX_BYTES
STDIN = "-"
_URL_LINE = re.compile(r"^\s*(?:(?:source|url)\s*:\s*)?<?(https?://[^\s>]+)>?\s*$", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d")


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def check_date(value: str) -> str:
    """A date given by hand must be ISO 8601, and a real day: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not is_date(value):
        raise InputError(f"{value}: not a date; give YYYY-MM-DD, YYYY-MM or YYYY")
    return value


def checked_metadata(metadata: Metadata, label: str, *, strict: bool) -> tuple[Metadata, list[str]]:
    """Metadata that the graph can hold: each field at most METADATA_CHARS long, a real date, an
    http(s) URL. What a sidecar, front matter or flag says wrongly is an error (strict); what a
    page or PDF says wrongly is a warning and the field left out. A URL of another scheme
    (javascript:, data:) is always a warning and no URL, never a link."""
    values: dict[str, str | None] = {}
    warnings: list[str] = []
    for name in ("title", "publisher", "date", "url"):
        value = getattr(metadata, name)
        problem = None
        if value is not None and len(value) > limits.METADATA_CHARS:
            problem = f"{name} is {len(value)} characters, over the limit of {limits.METADATA_CHARS}"
        elif value and name == "date":
            value = value[:10] if _ISO_DATETIME.match(value) else value
            if not is_date(value):
                problem = f"date {_shown(value)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        elif value and name == "url" and not is_web_url(value):
            warnings.append(f"{label}: url {_shown(value)} is not an http(s) URL; left out")
            value = None
        if problem and strict:
            raise InputError(f"{label}: {problem}")
        if problem:
            warnings.append(f"{label}: {problem}; left out")
            value = None
        values[name] = value
    return Metadata(**values), warnings


def _shown(value: str) -> str:
    """A value quoted on one line, cut short: for messages about bad input."""
    return json.dumps(value if len(value) <= 80 else value[:80] + "…", ensure_ascii=False)


def _special(mode: int) -> str | None:
    """What a file that is not a regular file is (a named pipe, a device), or None."""
    return next((what for test, what in _SPECIAL_FILES if test(mode)), None) or (
        None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"
    )


def _not_regular(path: Path | str, what: str) -> InputError:
    return InputError(f"{path}: is {what}, not a regular file; give a file, a folder, or - for stdin")


def iter_paths(
    paths: Iterable[Path], *, on_skip: Callable[[Path, str], None] | None = None
) -> Iterator[Path]:
    """Expand folders recursively into the source files they hold, sorted.

    Hidden files and folders and metadata sidecars are passed over silently; files of
    other kinds are reported to `on_skip`. A file named explicitly is always yielded, and
    `-` stands for stdin.
    """
    for path in paths:
        if str(path) == STDIN:
            yield path
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(part.startswith(".") for part in relative) or child.is_dir() or not child.exists():
                    continue
                if not child.is_file():
                    if on_skip:
                        on_skip(child, f"is {_special(child.stat().st_mode)}, not a regular file; skipped")
                    continue
                if child.name.endswith(SIDECAR_SUFFIXES):
                    continue
                if child.suffix.lower() in SOURCE_SUFFIXES:
                    yield child
                elif on_skip:
                    on_skip(child, f"not a source file ({child.suffix or 'no extension'}); skipped")
        elif path.exists():
            # A named pipe would block the build until something writes to it, a device never ends.
            what = _special(path.stat().st_mode)
            if what:
                raise _not_regular(path, what)
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def read_document(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    metadata: Metadata | None = None,
    doc_id: str | None = None,
    stdin: BinaryIO | None = None,
) -> Document:
    """Read one file (or stdin for `-`) into a Document.

    `metadata` and `doc_id` override what the sidecar and the document say.
    """
    if str(path) == STDIN:
        label, default_id, sidecar = "stdin", "stdin", Metadata()
        warnings: list[str] = []
        data = read_bounded(stdin or sys.stdin.buffer, label, max_bytes)
    else:
        label, default_id = str(path), path.stem
        data = read_file(path, max_bytes)
        sidecar, warnings = read_sidecar(path)
    given, given_warnings = checked_metadata(metadata or Metadata(), label, strict=True)
    text, found, read_warnings = read_content(data, label, _kind(path, data))
    metadata = given.over(sidecar.over(found))
    return _document(text, label, doc_id or default_id, metadata, given_warnings + warnings + read_warnings)


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refused before reading when over max_bytes."""
    try:
        # Opened without blocking and checked once open: a named pipe put in a file's place
        # after the folder was listed is refused, not waited on.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            what = _special(status.st_mode)
            if what:
                raise _not_regular(path, what)
            if status.st_size > max_bytes:
                raise InputError(
                    f"{path}: file is {status.st_size} bytes, over the limit of {max_bytes} bytes (--max-bytes)"
                )
            return read_bounded(stream, str(path), max_bytes)
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_bounded(stream: BinaryIO, label: str, max_bytes: int) -> bytes:
    """Read at most max_bytes; a stream holding more is refused, never read whole."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{label}: more than the limit of {max_bytes} bytes (--max-bytes)")
    return data


def read_content(data: bytes, label: str, kind: str) -> tuple[str, Metadata, list[str]]:
    """Bytes of one kind (text, html, pdf) -> plain text, the metadata found, warnings."""
    if not data.strip():
        raise InputError(f"{label}: file is empty")
    if kind == "pdf":
        from .pdf import read_pdf

        text, found = read_pdf(data, label)
        return (text, *checked_metadata(found, label, strict=False))
    text, warnings = decode_text_with_warnings(
        data, label, _declared_charset(data) if kind == "html" else None
    )
    if kind == "html":
        from .html import read_html

        text, found, page_warnings = read_html(text, label)
        found, found_warnings = checked_metadata(found, label, strict=False)
        return text, found, warnings + page_warnings + found_warnings
    text, found = split_leading_url(text)
    if not text.strip():
        raise InputError(f"{label}: no text after the source URL line")
    if kind == "markdown":
        from .markdown import read_markdown

        text, in_markdown = read_markdown(text, label)
        # Front matter is written by hand for the tool, as a sidecar is: a bad value is an error.
        in_markdown, _ = checked_metadata(in_markdown, label, strict=True)
        found = in_markdown.over(found)
    found, found_warnings = checked_metadata(found, label, strict=False)
    return text, found, warnings + found_warnings


def decode_text(data: bytes, path: Path | str) -> str:
    """Bytes -> text, refusing what is empty or binary."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    return decode_text_with_warnings(data, str(path))[0]


def decode_text_with_warnings(data: bytes, label: str, declared: str | None = None) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM, else the declared charset, else cp1252
    with a warning; newlines made \\n. NUL bytes in other text mean the file is binary."""
    warnings = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise InputError(f"{label}: looks binary (contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if declared:
                text = data.decode(declared, errors="replace")
            else:
                text = data.decode("cp1252", errors="replace")
                warnings.append(f"{label}: not UTF-8, read as cp1252")
    if not text.strip():
        raise InputError(f"{label}: file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def split_leading_url(text: str) -> tuple[str, Metadata]:
    """A first line holding only a URL (or `Source: URL`) is the source URL, not text."""
    first, _, rest = text.partition("\n")
    match = _URL_LINE.match(first)
    if not match:
        return text, Metadata()
    return rest, Metadata(url=match.group(1))


def document_from_text(
    text: str, *, doc_id: str, path: str | None = None, sidecar: dict[str, str] | None = None
) -> Document:
    """Split a leading source-URL line off the text and apply sidecar metadata."""
    text, found = split_leading_url(text)
    if not text.strip():
        raise InputError(f"{path or doc_id}: no text after the source URL line")
    given, warnings = checked_metadata(
        Metadata(**{k: v for k, v in (sidecar or {}).items() if k in {"title", "publisher", "url", "date"}}),
        path or doc_id,
        strict=True,
    )
    return _document(text, path or doc_id, doc_id, given.over(found), warnings, path=path)


def read_sidecar(path: Path) -> tuple[Metadata, list[str]]:
    """NAME.meta.json beside NAME.txt, NAME.html or NAME.pdf: title, publisher, url, date.

    It is input as much as the document is: bounded in size (SIDECAR_BYTES) and nesting
    (JSON_DEPTH), each field checked, and any fault an error for this document.
    """
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.is_file():
        return Metadata(), []
    try:
        data = read_file(meta, limits.SIDECAR_BYTES)
    except InputError as exc:
        raise InputError(str(exc).replace("(--max-bytes)", "for a metadata sidecar")) from None
    try:
        loaded = parse_json(data.decode("utf-8-sig"))
    except ValueError as exc:
        raise InputError(f"{meta}: cannot read metadata: {exc}") from None
    if not isinstance(loaded, dict):
        raise InputError(f"{meta}: metadata must be a JSON object")
    values: dict[str, str] = {}
    for f in fields(Metadata):
        value = loaded.get(f.name)
        if value in (None, ""):
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise InputError(f"{meta}: {f.name} must be a string, not {type(value).__name__}")
        values[f.name] = str(value)
    return checked_metadata(Metadata(**values), str(meta), strict=True)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobyte (<meta charset=...>), if Python knows it."""
    import codecs

    match = _CHARSET.search(data[:1024])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _kind(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        if not data.lstrip()[:5] == b"%PDF-":
            raise InputError(f"{path}: not a PDF (no %PDF header)")
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    # stdin or an unknown extension named explicitly: tell by the content.
    head = data.lstrip()[:512].lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in head):
        return "html"
    return "text"


def _document(
    text: str, label: str, doc_id: str, metadata: Metadata, warnings: list[str], *, path: str | None = None
) -> Document:
    if metadata.date and _ISO_DATETIME.match(metadata.date):
        metadata = replace(metadata, date=metadata.date[:10])
    return Document(
        doc_id=slugify(doc_id),
        text=text,
        path=path if path is not None else (None if label == "stdin" else label),
        title=metadata.title,
        publisher=metadata.publisher,
        url=metadata.url,
        date=metadata.date,
        warnings=tuple(warnings),
    )


def read_single(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    metadata: Metadata | None = None,
    doc_id: str | None = None,
    stdin: BinaryIO | None = None,
) -> Document:
    """The one document that paths name, read with the metadata given by hand.

    Metadata given by hand describes one document, so paths holding several are refused.
    """
    found = list(iter_paths(paths))
    if len(found) != 1:
        named = ", ".join(str(p) for p in paths)
        raise InputError(
            f"{named}: holds {len(found)} documents; metadata and an id given by hand apply to one document only"
        )
    return read_document(found[0], max_bytes=max_bytes, metadata=metadata, doc_id=doc_id, stdin=stdin)
