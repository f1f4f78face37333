"""A Markdown file -> its plain text, one paragraph per block, and front-matter metadata.

markdown-it-py parses the CommonMark; headings, paragraphs, list items and table rows become
paragraphs of plain text. Markup goes (`**`, `#`, link targets), link words stay, and images
(their alt text included), raw HTML and code blocks are not article text. A YAML-style front
matter block (`---` lines around `title: ...`, `publisher: ...`, `date: ...`, `url: ...`)
is metadata, not text.
"""

from __future__ import annotations

import re

from ..document import Metadata
from ..errors import InputError
from .html import is_furniture

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(
    r"^(?P<key>title|publisher|date|url|source)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE | re.MULTILINE
)
_SKIPPED_INLINE = {"image", "html_inline"}


def read_markdown(text: str, label: str) -> tuple[str, Metadata]:
    """The Markdown's paragraphs as plain text, one blank line apart, and its front matter."""
    from markdown_it import MarkdownIt

    text, found = front_matter(text)
    paragraphs: list[str] = []
    row: list[str] | None = None
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            paragraphs.append(" | ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            words = _plain(token.children or [])
            if row is not None:
                row.append(words)
            elif words:
                paragraphs.append(words)
    paragraphs = [p for p in paragraphs if p and not is_furniture(p)]
    if not paragraphs:
        raise InputError(f"{label}: no text in the Markdown")
    return "\n\n".join(paragraphs) + "\n", found


def front_matter(text: str) -> tuple[str, Metadata]:
    """Split a leading `---` block off the text and read the metadata fields it holds."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, Metadata()
    fields = {
        m.group("key").lower(): m.group("value").strip("\"'") for m in _FIELD.finditer(match.group("body"))
    }
    found = Metadata(
        title=fields.get("title"),
        publisher=fields.get("publisher"),
        date=fields.get("date"),
        url=fields.get("url") or fields.get("source"),
    )
    return text[match.end() :], found


def _plain(children: list) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in _SKIPPED_INLINE:
            continue
    return " ".join("".join(parts).split())
