"""HTTP content negotiation: pick the media type a client prefers from the ones on offer."""

from __future__ import annotations

from collections.abc import Sequence


def parse_accept(header: str) -> list[tuple[str, float]]:
    """(media range, q) pairs of an Accept header; malformed parts are skipped, q defaults to 1."""
    ranges: list[tuple[str, float]] = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if media.count("/") != 1:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q the client gives `offer`, from the most specific range that matches it."""
    kind, _, _ = offer.partition("/")
    best: tuple[int, float] | None = None
    for media, q in ranges:
        mkind, _, msub = media.partition("/")
        if media == offer:
            specificity = 2
        elif msub == "*" and mkind == kind:
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, q)
    return best[1] if best else 0.0


def negotiate(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers (ties go to the earlier offer), the first with no header, or None."""
    if not header or not header.strip():
        return offers[0] if offers else None
    ranges = parse_accept(header)
    if not ranges:
        return offers[0] if offers else None
    chosen, chosen_q = None, 0.0
    for offer in offers:
        q = _quality(offer, ranges)
        if q > chosen_q:
            chosen, chosen_q = offer, q
    return chosen
