"""What kind of node the view makes of a resource, and how many others it is linked to: read from
the whole store by view_data.py, and from each document graph by summary.py for the builds."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..graph.vocab import PREFIXES
from ..resolve.reference import INSTITUTION_TYPES

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CCG = PREFIXES["ccg"]
TYPE_KINDS: dict[str, str] = {
    "https://example.org/corecities/ontology#SourceDocument": "document",
    "https://example.org/corecities/ontology#Declaration": "declaration",
    "https://example.org/corecities/ontology#StatisticalClaim": "statistic",
    "https://example.org/corecities/ontology#ClaimedCount": "statistic",
    "https://example.org/corecities/ontology#Proposal": "proposal",
    "https://schema.org/Quotation": "quote",
    "http://www.w3.org/ns/org#Post": "post",
    "https://schema.org/Person": "person",
    "http://www.w3.org/ns/org#Organization": "other",
    "https://schema.org/City": "city",
    "https://example.org/corecities/ontology#Region": "region",
    "https://schema.org/Country": "region",
    "https://schema.org/AdministrativeArea": "region",
}
"""RDF classes the view shows, most specific first: a node takes the first that matches."""

SAME_AS = {"http://www.w3.org/2002/07/owl#sameAs", "https://schema.org/sameAs"}
ORGANISATION_KINDS = set(INSTITUTION_TYPES)
INVERSES = {
    "http://www.w3.org/ns/org#heldBy",
    "http://www.w3.org/ns/org#memberOf",
    "https://example.org/corecities/ontology#proposedBy",
    "https://schema.org/spokenByCharacter",
    "https://schema.org/containedInPlace",
}
"""Relations that repeat another one backwards or twice: the view draws one arrow per pair."""
HIDDEN_FACTS = {
    _RDF + "type",
    *SAME_AS,
    _CCG + "contentHash",
    _CCG + "institutionType",
}


def degrees_of(links: Iterable[tuple[str, str]], kinds: dict[str, str]) -> Counter[str]:
    """How many others each resource is linked to, from (resource, resource) links either way;
    links to or from resources the view does not show are left out."""
    pairs = set()
    for a, b in links:
        if b in kinds and a in kinds and a != b:
            pairs.add((a, b) if a < b else (b, a))
    degree: Counter[str] = Counter()
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    return degree


def kinds_of(types: Iterable[tuple[str, str]], notations: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each resource's kind from its (resource, RDF class) pairs, the shown classes only, and the
    (resource, notation) pairs of its institution types."""
    order = list(TYPE_KINDS)
    institution: dict[str, set[str]] = defaultdict(set)
    for s, notation in notations:
        if notation in ORGANISATION_KINDS:
            institution[s].add(notation)
    found: dict[str, tuple[int, str]] = {}
    for s, type_ in types:
        kind = TYPE_KINDS[type_]
        if kind == "other" and institution.get(s):
            kind = min(institution[s])
        rank = order.index(type_)
        if s not in found or (rank, kind) < found[s]:
            found[s] = (rank, kind)
    return {s: kind for s, (_rank, kind) in sorted(found.items())}
