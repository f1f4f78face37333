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

from ..document import Metadata
from ..errors import InputError
from .jsonvalue import parse_json

# Paragraphs that sit inside articles but belong to the page: links to other stories, credits.
_FURNITURE = re.compile(
    r"""^\s*(?:
        (?:read\s+more|related(?:\s+(?:stories|articles|news))?|see\s+also|more\s+news|you\s+may\s+also\s+like)
            (?:\s*[:|>»-].*)?
      | (?:photo|image|picture|main\s+image|top\s+image)\s*(?:credit|courtesy)?s?\s*[:|].*
      | (?:credit|courtesy)\s*:.*
      | share\s+(?:this|on)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.IGNORECASE)
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def read_html(html: str, label: str) -> tuple[str, Metadata, list[str]]:
    """The article's paragraphs, one blank line apart, the page's own metadata, and warnings."""
    import trafilatura

    html, warnings = _without_bad_json_ld(html, label)

    for name in _LOGGERS:
        # Their log records are diagnostics about the page, not for the user: without a
        # handler Python would print them to stderr; an application's handlers still get them.
        logging.getLogger(name).addHandler(logging.NullHandler())
    if "<body" not in html.lower():
        html = f"<html><body>{html}</body></html>"  # a fragment: trafilatura looks for a body
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
    publisher = _clean(getattr(extracted, "sitename", None))
    if publisher and _DOMAIN.match(publisher):
        publisher = None  # trafilatura falls back to the host name, which names no publisher
    found = Metadata(
        title=_clean(getattr(extracted, "title", None)),
        publisher=publisher,
        date=_clean(getattr(extracted, "date", None)),
        url=_clean(getattr(extracted, "url", None)) or _json_ld_url(html),
    )
    return "\n\n".join(paragraphs) + "\n", found, warnings


def _without_bad_json_ld(html: str, label: str) -> tuple[str, list[str]]:
    """The page without JSON-LD blocks that cannot be read or nest too deeply, and a warning for
    each: it is metadata, so the article still builds, and no parser downstream recurses on it."""
    warnings: list[str] = []

    def check(match: re.Match[str]) -> str:
        if "ld+json" not in match.group(1).lower():
            return match.group(0)
        try:
            parse_json(match.group(2))
        except ValueError as exc:
            if "nested" in str(exc):
                warnings.append(f"{label}: JSON-LD ignored ({exc})")
            return ""
        return match.group(0)

    if "ld+json" not in html.lower():
        return html, warnings
    return _SCRIPT.sub(check, html), warnings


def _json_ld_url(html: str) -> str | None:
    """The url (or mainEntityOfPage) of a schema.org article described in JSON-LD."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = parse_json(script.text or "")
        except ValueError:
            continue
        items = (
            data
            if isinstance(data, list)
            else [data, *(data.get("@graph", []) if isinstance(data, dict) else [])]
        )
        for item in items:
            if not isinstance(item, dict) or not str(item.get("@type", "")).endswith("Article"):
                continue
            for key in ("url", "mainEntityOfPage"):
                value = item.get(key)
                value = value.get("@id") if isinstance(value, dict) else value
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
    return None


def is_furniture(paragraph: str) -> bool:
    """A link to another story, a photo credit or a share line: page furniture, not article text."""
    return bool(_FURNITURE.match(paragraph))


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
