"""Content negotiation: which offered media type an Accept header picks."""

from __future__ import annotations

import pytest

from corecities_graph.sparql.conneg import negotiate, parse_accept

OFFERS = ["text/html", "text/turtle", "application/ld+json", "application/n-triples"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "text/html"),
        ("", "text/html"),
        ("*/*", "text/html"),
        ("text/turtle", "text/turtle"),
        ("TEXT/Turtle", "text/turtle"),
        ("application/ld+json, text/turtle", "text/turtle"),  # equal q: the server's order decides
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "application/ld+json"),
        ("text/*;q=0.2, application/n-triples;q=0.3", "application/n-triples"),
        ("text/*", "text/html"),
        ("text/html;q=0, */*;q=0.1", "text/turtle"),
        ("*/*;q=0.1, text/turtle;q=0", "text/html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("image/png", None),
        ("text/turtle;q=0", None),
        ("text/turtle;q=nonsense", None),
        ("garbage", "text/html"),
    ],
)
def test_negotiate_picks_the_preferred_offer(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept, OFFERS) == expected


@pytest.mark.parametrize(
    ("header", "ranges"),
    [
        ("text/turtle;q=0.5", [("text/turtle", 0.5)]),
        ("a/b; level=1; q=2", [("a/b", 1.0)]),
        ("a/b;q=-1, c/d", [("a/b", 0.0), ("c/d", 1.0)]),
        ("nonsense, , x/y", [("x/y", 1.0)]),
    ],
)
def test_parse_accept(header: str, ranges: list[tuple[str, float]]) -> None:
    assert parse_accept(header) == ranges
