"""A digest of each graph for the view, kept beside the store so the view need not read every copy.

Each document's graph repeats the type, name and links of every entity it names, so the view's
whole-store passes (the kind of every resource, how many others it is linked to, which documents
name it) cost a walk over every copy: 70 s at 10,000 releases. The digest of one graph holds just
what those passes need from it; a build computes it from the quads it writes and keeps one row per
document graph in an SQLite file in the store folder (SUMMARY_FILE).

The file can never make the view wrong, only slower:
- each row carries the graph's fingerprint (its content hash and build time, both in the graph);
  a row whose fingerprint the store does not hold any more is not used, and that graph is read
  from the store instead;
- a build deletes the row of a document before it replaces its graph, and writes the new rows
  only once the store holds the graphs (in one SQLite transaction), so a build killed at any
  point leaves rows that are right or absent;
- graphs other than documents (the links graph) are small and always read from the store;
- a SPARQL update through `query --allow-update` deletes the file, and a store without it (or with too
  few rows that still hold) gets the view of the slower whole-store queries.

In a document graph only the resources typed there with a kind the view shows are digested: the
graph model types every resource in each graph that says anything about it.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..graph.vocab import PREFIXES
from ..store.embedded import SUMMARY_FILE
from .kinds import HIDDEN_FACTS, INVERSES, SAME_AS, TYPE_KINDS, degrees_of, kinds_of

if TYPE_CHECKING:
    import pyoxigraph

    from ..store.embedded import GraphStore

STALE_SHARE = 0.1
"""Past this share of document graphs without a row that holds, the view uses the whole-store
queries instead of reading those graphs one by one."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_CCG = PREFIXES["ccg"]
_ORG = PREFIXES["org"]
_INSTITUTION_TYPE = _CCG + "institutionType"
_NOTATION = PREFIXES["skos"] + "notation"
_HOLDS = _ORG + "holds"
_POST_IN = _ORG + "postIn"
_CONTENT_HASH = _CCG + "contentHash"
_STARTED = PREFIXES["prov"] + "startedAtTime"
_SKIPPED = INVERSES | SAME_AS | HIDDEN_FACTS


def _key(term: Any) -> str:
    """A term as a string that keeps IRIs and blank nodes apart (IRIs as themselves)."""
    import pyoxigraph as ox

    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term.value)


def digest(triples: Iterable[Any], *, every_subject: bool = False) -> dict[str, Any]:
    """What the view needs from one graph's triples (anything with .subject, .predicate, .object).

    `every_subject`: links from every IRI subject, not only those the graph types with a shown
    kind (for graphs that are not documents, which name resources typed elsewhere).
    """
    import pyoxigraph as ox

    types: set[tuple[str, str]] = set()
    itypes: set[tuple[str, str]] = set()
    notations: set[tuple[str, str]] = set()
    holds: set[tuple[str, str]] = set()
    posts_in: set[tuple[str, str]] = set()
    links: set[tuple[str, str]] = set()
    fingerprint = ["", ""]
    for triple in triples:
        s, p, o = triple.subject, triple.predicate.value, triple.object
        if p == _RDF_TYPE:
            if o.value in TYPE_KINDS and isinstance(s, ox.NamedNode):
                types.add((s.value, o.value))
            continue
        if p == _INSTITUTION_TYPE and not isinstance(o, ox.Literal):
            itypes.add((_key(s), _key(o)))
        elif p == _NOTATION:
            notations.add((_key(s), str(o.value)))
        elif p == _HOLDS:
            holds.add((_key(s), _key(o)))
        elif p == _POST_IN:
            posts_in.add((_key(s), _key(o)))
        elif p == _CONTENT_HASH:
            fingerprint[0] = str(o.value).removeprefix("sha256:")
        elif p == _STARTED:
            fingerprint[1] = str(o.value)
        named = isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)
        if named and p not in _SKIPPED and s.value != o.value:
            links.add((s.value, o.value))
    if not every_subject:
        typed = {s for s, _t in types}
        links = {(a, b) for a, b in links if a in typed}
    found = {"types": types, "institution_types": itypes, "notations": notations}
    found |= {"holds": holds, "posts_in": posts_in, "links": links}
    return {"fingerprint": fingerprint} | {k: [list(pair) for pair in sorted(v)] for k, v in found.items()}


def encode(found: dict[str, Any]) -> bytes:
    """A digest as stored: compact JSON, compressed (a tenth of the size)."""
    return zlib.compress(json.dumps(found, separators=(",", ":")).encode("utf-8"), 1)


def decode(data: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(data))  # type: ignore[no-any-return]


def summary_path(store: GraphStore) -> Path | None:
    return None if store.path is None else store.path / SUMMARY_FILE


class SummaryFile:
    """The digests of document graphs: one row per graph, its fingerprint and its digest."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        if read_only:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        else:
            self._db = sqlite3.connect(str(path))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS digest (graph TEXT PRIMARY KEY, hash TEXT, built TEXT, data BLOB)"
            )
            self._db.commit()

    @classmethod
    def open(cls, store: GraphStore, *, read_only: bool = False) -> SummaryFile | None:
        path = summary_path(store)
        if path is None or (read_only and not path.exists()):
            return None
        try:
            return cls(path, read_only=read_only)
        except sqlite3.Error:
            return None

    def forget(self, graphs: Iterable[str]) -> None:
        """Delete these graphs' rows, committed before the caller goes on to change the graphs."""
        with self._db:
            self._db.executemany("DELETE FROM digest WHERE graph = ?", [(g,) for g in graphs])

    def put(self, rows: Iterable[tuple[str, bytes]]) -> None:
        """Add or replace rows (graph IRI, encoded digest), all in one transaction."""
        with self._db:
            for graph, data in rows:
                hash_, built = decode(data)["fingerprint"]
                self._db.execute(
                    "INSERT OR REPLACE INTO digest VALUES (?, ?, ?, ?)", (graph, hash_, built, data)
                )

    def fingerprints(self) -> dict[str, tuple[str, str]]:
        return {g: (h, b) for g, h, b in self._db.execute("SELECT graph, hash, built FROM digest")}

    def rows(self, graphs: Sequence[str]) -> Iterable[tuple[str, dict[str, Any]]]:
        wanted = set(graphs)
        for graph, data in self._db.execute("SELECT graph, data FROM digest"):
            if graph in wanted:
                yield graph, decode(data)

    def close(self) -> None:
        self._db.close()


def store_fingerprints(store: pyoxigraph.Store) -> dict[str, tuple[str, str]]:
    """Each document graph with the content hash and build time it holds."""
    query = f"""SELECT ?d ?h ?t WHERE {{ GRAPH ?d {{ ?d <{_CONTENT_HASH}> ?h
        OPTIONAL {{ ?run <{PREFIXES["prov"]}used> ?d ; <{_STARTED}> ?t }} }} }}"""
    found: dict[str, tuple[str, str]] = {}
    for solution in store.query(query):  # type: ignore[union-attr]
        built = solution["t"]
        found[solution["d"].value] = (
            solution["h"].value.removeprefix("sha256:"),
            built.value if built else "",
        )
    return found


def graph_digest(store: pyoxigraph.Store, graph: Any, *, every_subject: bool = False) -> dict[str, Any]:
    """The digest of one graph as the store holds it."""
    return digest(store.quads_for_pattern(None, None, None, graph), every_subject=every_subject)


def refresh(store: GraphStore, written: Sequence[tuple[str, bytes]]) -> None:
    """After a build: rows for the graphs it wrote, rows computed for documents without one that
    holds (a store built before the file, or a build cut short), and no rows for graphs gone."""
    summary = SummaryFile.open(store)
    if summary is None:
        return
    try:
        summary.put(written)
        held = store_fingerprints(store.oxigraph)
        known = summary.fingerprints()
        summary.forget([g for g in known if g not in held])
        import pyoxigraph as ox

        fresh = {graph for graph, _data in written}
        missing = sorted(g for g, fp in held.items() if known.get(g) != fp and g not in fresh)
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            summary.put((g, encode(graph_digest(store.oxigraph, ox.NamedNode(g)))) for g in chunk)
    finally:
        summary.close()


@dataclass
class Overview:
    """What the view reads of every resource: its kind, its degree, the documents naming it."""

    kinds: dict[str, str]
    degree: dict[str, int]
    present: dict[str, set[str]] = field(default_factory=dict)


def overview(store: GraphStore) -> Overview | None:
    """The kinds, degrees and naming documents of every resource, from the summary file and the
    graphs it has no row for; None when there is no file or too few of its rows hold."""
    import pyoxigraph as ox

    summary = SummaryFile.open(store, read_only=True)
    if summary is None:
        return None
    try:
        held = store_fingerprints(store.oxigraph)
        known = summary.fingerprints()
        good = [g for g, fp in held.items() if known.get(g) == fp]
        if len(held) - len(good) > STALE_SHARE * max(1, len(held)):
            return None
        digests: list[tuple[str, dict[str, Any]]] = list(summary.rows(good))
    finally:
        summary.close()
    good_set = set(good)
    oxi = store.oxigraph
    for graph in oxi.named_graphs():
        if graph.value in good_set:
            continue
        digests.append((graph.value, graph_digest(oxi, graph, every_subject=graph.value not in held)))
    digests.append(("", graph_digest(oxi, ox.DefaultGraph(), every_subject=True)))
    return combine(digests, set(held))


def combine(digests: Iterable[tuple[str, dict[str, Any]]], documents: set[str]) -> Overview:
    """One overview from the digests of every graph (graph IRI, digest)."""
    types: list[tuple[str, str]] = []
    itypes: set[tuple[str, str]] = set()
    notations: dict[str, set[str]] = defaultdict(set)
    holds: set[tuple[str, str]] = set()
    posts_in: dict[str, set[str]] = defaultdict(set)
    links: set[tuple[str, str]] = set()
    present: dict[str, set[str]] = defaultdict(set)
    for graph, found in digests:
        types += [(s, t) for s, t in found["types"]]
        itypes.update((s, t) for s, t in found["institution_types"])
        for t, n in found["notations"]:
            notations[t].add(n)
        holds.update((a, p) for a, p in found["holds"])
        for post, b in found["posts_in"]:
            posts_in[post].add(b)
        links.update((a, b) for a, b in found["links"])
        if graph in documents:
            for s, _t in found["types"]:
                present[s].add(graph)
    institution_kinds = [(s, n) for s, t in sorted(itypes) for n in sorted(notations.get(t, ()))]
    kinds = kinds_of(types, institution_kinds)
    posts = {(a, b) for a, post in holds for b in posts_in.get(post, ()) if a != b}
    degree = degrees_of(links | posts, kinds)
    return Overview(kinds, dict(degree), dict(present))
