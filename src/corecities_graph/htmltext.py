"""An HTML page -> its article text and metadata, without the page around the article.

Main-content extraction is trafilatura's: it drops navigation, scripts, styles, cookie
banners, sidebars, footers, images with their alt text and figure captions, and reads the
title, site name, publication date and canonical URL from meta tags and schema.org JSON-LD.
What it keeps inside the article but is still page furniture ("READ MORE: ..." links, photo
credits) is dropped here, paragraph by paragraph.
"""

from __future__ import annotations

import logging
import re

from .errors import InputError
from .sources import Metadata

# Paragraphs that sit inside articles but belong to the page: links to other stories, credits.
_FURNITURE = re.compile(
    r"""^\s*(?:
        (?:read\s+more|related(?:\s+(?:stories|articles|news))?|see\s+also|more\s+news|you\s+may\s+also\s+like)
            \s*[:|>»-].*
      | (?:photo|image|picture|main\s+image|top\s+image)\s*(?:credit|courtesy)?s?\s*[:|].*
      | (?:credit|courtesy)\s*:.*
      | share\s+(?:this|on)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def read_html(html: str, label: str) -> tuple[str, Metadata]:
    """The article's paragraphs, one blank line apart, and the page's own metadata."""
    import trafilatura

    for name in _LOGGERS:
        # Their log records are diagnostics about the page, not for the user: without a
        # handler Python would print them to stderr; an application's handlers still get them.
        logging.getLogger(name).addHandler(logging.NullHandler())
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(extracted, "text", None) or ""
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p and not is_furniture(p)]
    if not paragraphs:
        raise InputError(f"{label}: no article text found in the HTML")
    found = Metadata(
        title=_clean(getattr(extracted, "title", None)),
        publisher=_clean(getattr(extracted, "sitename", None)),
        date=_clean(getattr(extracted, "date", None)),
        url=_clean(getattr(extracted, "url", None)),
    )
    return "\n\n".join(paragraphs) + "\n", found


def is_furniture(paragraph: str) -> bool:
    """A link to another story, a photo credit or a share line: page furniture, not article text."""
    return bool(_FURNITURE.match(paragraph))


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
