"""Files and folders -> Document. The only reader of raw input."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
_HYPHENS = re.compile(r"-{2,}")
_APOSTROPHES = "’‘ʼ"


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

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


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


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders recursively into the readable files they hold, in a stable order."""
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _is_source(child):
                    yield child
        else:
            yield path


def _is_source(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(".meta.json") or name.endswith(".gold.json"):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document, with metadata from a leading URL line or a sidecar."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: file is {size} bytes, over the limit of {max_bytes} bytes")
    data = path.read_bytes()
    text = decode_text(data, path)
    return document_from_text(text, doc_id=path.stem, path=str(path), sidecar=_sidecar(path))


def decode_text(data: bytes, path: Path | str) -> str:
    """Bytes -> text, refusing what is empty or binary."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_from_text(
    text: str, *, doc_id: str, path: str | None = None, sidecar: dict[str, str] | None = None
) -> Document:
    """Split a leading source-URL line off the text and apply sidecar metadata."""
    url = None
    lines = text.split("\n", 1)
    match = _URL_LINE.match(lines[0])
    if match:
        url = match.group(1)
        text = lines[1] if len(lines) > 1 else ""
    if not text.strip():
        raise InputError(f"{path or doc_id}: no text after the source URL line")
    document = Document(doc_id=slugify(doc_id), text=text, path=path, url=url)
    if sidecar:
        known = {k: v for k, v in sidecar.items() if k in {"title", "publisher", "url", "date"}}
        document = replace(document, **known)
    return document


def _sidecar(path: Path) -> dict[str, str] | None:
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return None
    try:
        loaded = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{meta}: cannot read metadata: {exc}") from exc
    if not isinstance(loaded, dict):
        raise InputError(f"{meta}: metadata must be a JSON object")
    return {str(k): str(v) for k, v in loaded.items() if v is not None}
