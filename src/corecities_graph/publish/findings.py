"""What the report finds by joining in Python what the store joins slowly: where sources
disagree, the signatories each source names, and the signatories of each city.

Each document's graph repeats what it says about an entity, and Oxigraph joins every copy: at
10,000 releases `conflicts` grouped the same posts twice (about 12 s CPU each) and regrouped the
claimed counts the report had already read, and the signatures met every copy of each membership,
type and location. Here each side of a pair, and each lookup, is one query run once (a lookup
only for the resources found, in a VALUES block), and the joins, pairs and filters follow the
queries they stand for: a group is what its GROUP BY makes, each filter compares as SPARQL
compares (numbers as exact decimals, strings by code point), and every value a SPARQL function
computes (STR, LCASE, REPLACE, MIN) is computed by the store. Where the data holds a term the
query would treat differently (a number that is not an integer or a decimal, a name that is not
a string, a blank node no VALUES block can name), the report runs the query itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Context, Decimal
from typing import Any

import pyoxigraph as ox

from ..graph.vocab import PREFIXES
from ..store.embedded import GraphStore

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + "integer", _XSD + "decimal"}
_STRING = _XSD + "string"
_EXACT = Context(prec=60)
"""Integers and decimals as Oxigraph holds them (decimals to 18 places) stay exact in 60 digits."""

Row = tuple[Any, str, str, str, str, str]
"""subject_name, measure, value_a, source_a, value_b, source_b (the name as its term: rows are
distinct as terms, as in the query)."""


class _Unlike(Exception):
    """The data holds a term the query would compare or join differently from this module."""


def _query(store: GraphStore, text: str) -> list[tuple[Any, ...]]:
    result = store.oxigraph.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple(solution[n] for n in names) for solution in result]


def _number(term: object) -> Decimal:
    if not isinstance(term, ox.Literal) or term.datatype.value not in _NUMBERS:
        raise _Unlike(term)
    return Decimal(term.value)


def _text(term: object) -> str:
    """The string of a simple literal, as STR, CONCAT and comparisons read it."""
    if not isinstance(term, ox.Literal) or term.datatype.value != _STRING:
        raise _Unlike(term)
    return term.value


def _values(terms: Iterable[object]) -> str:
    """A VALUES block of IRIs (anything else cannot be named in one, so is unlike)."""
    found = []
    for term in sorted({t for t in terms if t is not None}, key=str):
        if not isinstance(term, ox.NamedNode):
            raise _Unlike(term)
        found.append(str(term))
    return " ".join(found)


def conflicts(store: GraphStore, claimed: Sequence[Sequence[object]]) -> list[dict[str, str]] | None:
    """The rows of `conflicts` in its order, from `claimed` (the distinct declaration, what,
    count, source terms of `claimed_counts`) and one query per side; None where the data is unlike
    what this follows."""
    try:
        found = _count_pairs(store, claimed) + _figure_pairs(store) + _post_pairs(store)
    except _Unlike:
        return None
    distinct = {(str(r[0]), *r[1:]): r for r in found}
    ordered = sorted(distinct.values(), key=lambda r: (r[0].value, r[1], r[2], r[4], r[3], r[5], str(r[0])))
    header = ("subject_name", "measure", "value_a", "source_a", "value_b", "source_b")
    return [dict(zip(header, (r[0].value, *r[1:]), strict=True)) for r in ordered]


_DECLARATION_NAMES = """
SELECT ?declaration (MIN(?label) AS ?subject_name) WHERE {
  VALUES ?declaration { %s }
  { ?declaration schema:name ?label } UNION
  { ?declaration rdfs:label ?label FILTER NOT EXISTS { ?declaration schema:name ?any } }
}
GROUP BY ?declaration
"""


def _count_pairs(store: GraphStore, claimed: Sequence[Sequence[object]]) -> list[Row]:
    """Two sources count a declaration's parties differently: each count with its first source."""
    first: dict[tuple[object, object, object], str] = {}
    for declaration, what, count, source, *_ in claimed:
        key = (declaration, what, count)
        shown = str(getattr(source, "value", ""))
        first[key] = min(first.get(key, shown), shown)
    by_declaration: dict[tuple[object, object], list[tuple[object, str]]] = defaultdict(list)
    for (declaration, what, count), source in first.items():
        by_declaration[(declaration, what)].append((count, source))
    pairs = [
        (declaration, what, a, b)
        for (declaration, what), counts in by_declaration.items()
        for a in counts
        for b in counts
        if _number(a[0]) < _number(b[0])
    ]
    if not pairs:
        return []
    values = _values(declaration for declaration, *_ in pairs)
    named = dict(_query(store, _DECLARATION_NAMES % values))
    return [
        (named[declaration], "number of " + _text(what), a[0].value, a[1], b[0].value, b[1])  # type: ignore[attr-defined]
        for declaration, what, a, b in pairs
        if named.get(declaration) is not None
    ]


# One side of the figures part of `conflicts`, with the last word of each measure (its REPLACE).
_FIGURES = """
SELECT ?subject ?unit ?measure ?number ?shown ?key ?first (REPLACE(?measure, "^.*\\\\s", "") AS ?last) WHERE {
  { SELECT ?subject ?unit ?measure ?number ?shown (MIN(STR(?a)) AS ?key) (MIN(STR(?from)) AS ?first)
    WHERE {
      ?a a ccg:StatisticalClaim ; schema:about ?subject ; schema:unitText ?unit ;
         ccg:measure ?measure ; schema:value ?number ; dcterms:source ?from .
      OPTIONAL { ?a ccg:qualifier ?qualifier }
      BIND(IF(BOUND(?qualifier), CONCAT(?qualifier, " ", STR(?number)), STR(?number)) AS ?shown)
    } GROUP BY ?subject ?unit ?measure ?number ?shown }
}
"""


def _figure_pairs(store: GraphStore) -> list[Row]:
    """The same figure about the same subject, given differently (within a quarter of the first)."""
    groups: dict[tuple[object, object], list[tuple[Any, ...]]] = defaultdict(list)
    for subject, unit, measure, number, shown, key, first, last in _query(store, _FIGURES):
        if shown is not None and last is not None:
            groups[(subject, unit)].append(
                (_text(measure), _number(number), _text(shown), key.value, first.value, _text(last))
            )
    pairs = []
    for (subject, _unit), figures in groups.items():
        for measure, number_a, shown_a, key_a, first_a, last_a in figures:
            for _, number_b, shown_b, key_b, first_b, last_b in figures:
                if (
                    key_a < key_b
                    and last_a == last_b
                    and shown_a != shown_b
                    and _EXACT.abs(_EXACT.subtract(number_a, number_b))
                    <= _EXACT.multiply(Decimal("0.25"), number_a)
                ):
                    pairs.append((subject, measure, shown_a, first_a, shown_b, first_b))
    if not pairs:
        return []
    names = _lookup(store, "?s schema:name ?o", (p[0] for p in pairs))
    return [(name, *pair[1:]) for pair in pairs for name in names.get(pair[0], [])]  # type: ignore[misc]


# One side of the posts part of `conflicts`: each person's post at an organisation by its role's
# label, with the first and last source that annotate it, and the label in lower case.
_POSTS = """
SELECT ?person ?organisation ?value ?first ?last (LCASE(?value) AS ?lower) WHERE {
  { SELECT ?person ?organisation ?value (MIN(STR(?from)) AS ?first) (MAX(STR(?from)) AS ?last)
    WHERE {
      { SELECT DISTINCT ?person ?post WHERE { ?person org:holds ?post } }
      { SELECT DISTINCT ?post ?organisation WHERE { ?post org:postIn ?organisation } }
      { SELECT DISTINCT ?post ?role WHERE { ?post org:role ?role } }
      { SELECT DISTINCT ?role ?value WHERE { ?role skos:prefLabel ?value } }
      ?annotation <http://www.w3.org/ns/oa#hasBody> ?post ;
        <http://www.w3.org/ns/oa#hasTarget>/<http://www.w3.org/ns/oa#hasSource> ?from .
    } GROUP BY ?person ?organisation ?value }
}
"""


def _post_pairs(store: GraphStore) -> list[Row]:
    """One person's post at one organisation, named differently by two different sources."""
    groups: dict[tuple[object, object], list[tuple[Any, ...]]] = defaultdict(list)
    for person, organisation, value, first, last, lower in _query(store, _POSTS):
        if lower is not None:
            groups[(person, organisation)].append((_text(value), first.value, last.value, _text(lower)))
    pairs = []
    for (person, organisation), posts in groups.items():
        for value_a, first_a, last_a, lower_a in posts:
            for value_b, first_b, last_b, lower_b in posts:
                if lower_a < lower_b and (last_b != first_a or last_a != first_b):
                    pick_a, pick_b = (first_a, last_b) if last_b != first_a else (last_a, first_b)
                    pairs.append((person, organisation, value_a, pick_a, value_b, pick_b))
    if not pairs:
        return []
    people = _lookup(store, "?s schema:name ?o", (p[0] for p in pairs))
    organisations = _lookup(store, "?s schema:name ?o", (p[1] for p in pairs))
    return [
        (name, "post at " + _text(organisation_name), value_a, pick_a, value_b, pick_b)
        for person, organisation, value_a, pick_a, value_b, pick_b in pairs
        for name in people.get(person, [])
        for organisation_name in organisations.get(organisation, [])
    ]


# What each source names as signing: its signatures, then the members of each entry and the type
# of each institution, each looked up once for the entries and members found (joined as one
# query, the store matched every document's copy of each membership and type to every signature).
_SIGNATURES = """
SELECT DISTINCT ?source ?declaration ?entry WHERE {
  GRAPH ?source { ?signature ccg:signedBy ?entry ; ccg:signed ?declaration . }
}
"""
_MEMBERS = "SELECT DISTINCT ?entry ?member WHERE { VALUES ?entry { %s } ?entry org:hasMember ?member }"
_TYPES = (
    "SELECT DISTINCT ?institution ?type WHERE { VALUES ?institution { %s }"
    " ?institution ccg:institutionType/skos:notation ?type }"
)


def signed_by_source(store: GraphStore) -> list[dict[str, str]]:
    """The rows of the report's per-source signatures: source, declaration, entry, member (empty
    for an entry with none) and type (the member's, else the entry's), distinct."""
    signatures = _query(store, _SIGNATURES)
    entries = {entry for _, _, entry in signatures}
    members: dict[object, list[object]] = defaultdict(list)
    types: dict[object, list[object]] = defaultdict(list)
    try:
        if entries:
            for entry, member in _query(store, _MEMBERS % _values(entries)):
                members[entry].append(member)
        institutions = entries | {m for found in members.values() for m in found}
        if institutions:
            for institution, type_ in _query(store, _TYPES % _values(institutions)):
                types[institution].append(type_)
    except _Unlike:
        return _signed_by_source_in_store(store)
    found: dict[tuple[object, ...], None] = {}
    for source, declaration, entry in signatures:
        inner = [(m, t) for m in members[entry] for t in types.get(m) or [None]] or [(None, None)]
        for member, member_type in inner:
            for entry_type in types.get(entry) or [None]:
                kind = member_type if member_type is not None else entry_type
                found[(source, declaration, entry, member, kind)] = None
    header = ("source", "declaration", "entry", "member", "type")
    return [dict(zip(header, (_plain(t) for t in row), strict=True)) for row in found]


def _plain(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


# Each document repeats the membership and type triples of what it names, so each is made
# distinct before it is joined to the signatures (joined as they are, they multiplied by the
# number of documents twice over: minutes at 1,000 releases).
_SIGNED_BY_SOURCE = """
SELECT DISTINCT ?source ?declaration ?entry ?member ?type WHERE {
  GRAPH ?source { ?signature ccg:signedBy ?entry ; ccg:signed ?declaration . }
  OPTIONAL {
    { SELECT DISTINCT ?entry ?member WHERE { ?entry org:hasMember ?member } }
    OPTIONAL { { SELECT DISTINCT ?member ?member_type WHERE { ?member ccg:institutionType/skos:notation ?member_type } } }
  }
  OPTIONAL { { SELECT DISTINCT ?entry ?entry_type WHERE { ?entry ccg:institutionType/skos:notation ?entry_type } } }
  BIND(COALESCE(?member_type, ?entry_type) AS ?type)
}
"""


def _signed_by_source_in_store(store: GraphStore) -> list[dict[str, str]]:
    """The same rows as one query, for entries that no VALUES block can name (blank nodes)."""
    header = ("source", "declaration", "entry", "member", "type")
    return [
        dict(zip(header, (_plain(t) for t in row), strict=True)) for row in _query(store, _SIGNED_BY_SOURCE)
    ]


def _lookup(store: GraphStore, pattern: str, subjects: Iterable[object]) -> dict[object, list[object]]:
    """The distinct objects of `pattern` (SPARQL with ?s and ?o) for each subject."""
    found: dict[object, list[object]] = defaultdict(list)
    values = _values(subjects)
    if values:
        for subject, value in _query(
            store, f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?s {{ {values} }} {pattern} }}"
        ):
            found[subject].append(value)
    return found


_SIGNATORY_ENTRIES = "SELECT DISTINCT ?entry WHERE { ?declaration ccg:signatory ?entry }"
_SIGNATORIES_BY_CITY = """
SELECT ?city_name (COUNT(DISTINCT ?institution) AS ?signatories) WHERE {
  { SELECT DISTINCT ?institution WHERE { ?declaration ccg:signatory/org:hasMember? ?institution } }
  MINUS { SELECT DISTINCT ?institution WHERE { ?institution org:hasMember ?member } }
  OPTIONAL {
    { SELECT DISTINCT ?institution ?city WHERE { ?institution schema:location ?city } }
    { SELECT DISTINCT ?city WHERE { ?city a schema:City } }
    { SELECT DISTINCT ?city ?located WHERE { ?city schema:name ?located } }
  }
  BIND(COALESCE(?located, "(no city)") AS ?city_name)
}
GROUP BY ?city_name
ORDER BY DESC(?signatories) ?city_name
"""
"""Signatory institutions per city: a partnership signing as one entry counts as its members."""


def signatories_by_city(store: GraphStore) -> list[tuple[str, int]]:
    """(city name, signatory institutions) as `_SIGNATORIES_BY_CITY` counts them, most first, each
    part looked up once for the institutions found (as one query, the store walked every
    document's copy of each signature and location: 6 s CPU at 10,000 releases)."""
    try:
        entries = [entry for (entry,) in _query(store, _SIGNATORY_ENTRIES)]
        members = _lookup(store, "?s org:hasMember ?o", entries)
        candidates = set(entries) | {m for found in members.values() for m in found}
        having = _lookup(store, "?s org:hasMember ?o", candidates)
        institutions = {i for i in candidates if i not in having}
        located = _lookup(store, "?s schema:location ?o", institutions)
        places = {c for found in located.values() for c in found}
        cities = _lookup(store, "?s a ?o FILTER(?o = schema:City)", places)
        names = _lookup(store, "?s schema:name ?o", cities)
    except _Unlike:
        return [(city, int(count)) for city, count in _query_plain(store, _SIGNATORIES_BY_CITY)]
    counted: dict[object, set[object]] = defaultdict(set)
    no_city = ox.Literal("(no city)")
    for institution in institutions:
        found = [n for city in located.get(institution, []) if city in cities for n in names.get(city, [])]
        for name in found or [no_city]:
            counted[name].add(institution)
    ordered = sorted(counted.items(), key=lambda item: (-len(item[1]), item[0].value, str(item[0])))  # type: ignore[attr-defined]
    return [(name.value, len(found)) for name, found in ordered]  # type: ignore[attr-defined]


def _query_plain(store: GraphStore, text: str) -> list[list[str]]:
    return [[_plain(t) for t in row] for row in _query(store, text)]
