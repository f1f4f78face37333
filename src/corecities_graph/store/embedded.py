"""Where the quads live: an embedded Oxigraph store in the output folder, or a remote server.

Each source document is one named graph. A build writes a document's graph whole or not at
all, and a killed build leaves every document as it was before or as it is now:

- a document new to the store goes in with a batch of others by bulk load (BatchWriter), at
  bulk-load speed. A bulk load is not one transaction, so the graphs of a batch are named in a
  journal inside the store folder before it starts and the journal is deleted when it ends;
  opening a store whose journal is still there (a killed build) drops those graphs first, which
  leaves those documents absent, as they were, for the next build to add;
- a changed document is loaded into a staging graph and moved over the old one in one SPARQL
  update (MOVE is a single transaction).

Reference facts for the entities a document names go to the shared links graph in the same
load; they are idempotent, so a document whose write was cut short leaves at worst a few extra
links, which the rerun adds anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from ..errors import StoreError
from ..graph.vocab import CCG, DCTERMS, OWL, PROV, SCHEMA, SKOS

STORE_DIR = "store"
SUMMARY_FILE = "corecities-summary.sqlite"
"""Beside the graphs in the store folder: what the view needs from each document graph, kept by
the builds (publish/summary.py). A write the builds did not make deletes it (`drop_summary`)."""
STAGING = ox.NamedNode("urn:x-corecities:staging")
# Inside the store folder (RocksDB passes over files it did not make): the graphs a bulk load
# is writing, one IRI a line, there only while it runs.
JOURNAL = "corecities-batch.txt"
NT = ox.RdfFormat.N_TRIPLES
NQ = ox.RdfFormat.N_QUADS


@dataclass(frozen=True)
class DocumentInfo:
    """One document as `status` lists it."""

    iri: str
    id: str
    title: str
    triples: int
    hash: str
    built: str
    path: str = ""
    source: str = ""
    """The file the document was read from, as the builds into the folder recorded it."""


class Store(Protocol):
    """What the build, `status` and `remove` need from a store, embedded or remote."""

    location: str

    def content_hash(self, graph: ox.NamedNode) -> str | None: ...
    def write_document(
        self, graph: ox.NamedNode, triples: bytes, links: ox.NamedNode, link_triples: bytes
    ) -> None: ...
    def select(self, query: str) -> list[dict[str, str]]: ...
    def update(self, update: str) -> None: ...


class GraphStore:
    """An embedded Oxigraph store; each source document is one named graph."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.location = str(path) if path is not None else "memory"
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                if (path / JOURNAL).exists():
                    _recover_read_only(path)
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
                self._store.clear_graph(STAGING)
                _recover(self._store, path)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc

    def drop_summary(self) -> None:
        """Delete the view's summary file: the store was changed by a write it cannot follow."""
        if self.path is not None:
            for name in (SUMMARY_FILE, SUMMARY_FILE + "-journal"):
                (self.path / name).unlink(missing_ok=True)

    @classmethod
    def open(cls, out: Path, *, read_only: bool = False) -> GraphStore:
        path = out / STORE_DIR
        if read_only and not path.exists():
            raise StoreError(f"{out}: no graph store here; run `corecities-graph build --out {out}` first")
        return cls(path, read_only=read_only)

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        """The sha256 recorded for a document's graph, or None if it is not stored."""
        pattern = self._store.quads_for_pattern(graph, ox.NamedNode(str(CCG.contentHash)), None, graph)
        for quad in pattern:
            if isinstance(quad.object, ox.Literal):
                return quad.object.value.removeprefix("sha256:")
        return None

    def write_document(
        self, graph: ox.NamedNode, triples: bytes, links: ox.NamedNode, link_triples: bytes
    ) -> None:
        """Add or replace one document's graph (N-Triples), whole or not at all, and its links."""
        try:
            if not self._store.contains_named_graph(graph):
                self._store.load(in_graph(link_triples, links) + in_graph(triples, graph), format=NQ)
                return
            self._store.clear_graph(STAGING)
            self._store.load(in_graph(link_triples, links) + in_graph(triples, STAGING), format=NQ)
            self._store.update(f"MOVE {STAGING} TO {graph}")
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: cannot write graph {graph.value}: {exc}") from exc

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Swap a document's named graph for new quads in one transaction."""
        data = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=NT)
        self.write_document(graph, data or b"", graph, b"")

    def add(self, quads: Iterable[ox.Quad]) -> None:
        try:
            self._store.extend(list(quads))
        except OSError as exc:
            raise StoreError(f"{self.location}: cannot write: {exc}") from exc

    def select(self, query: str) -> list[dict[str, str]]:
        try:
            solutions = self._store.query(query)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: query failed: {exc}") from exc
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        return [{n: s[n].value if s[n] is not None else "" for n in names} for s in solutions]  # type: ignore[union-attr]

    def update(self, update: str) -> None:
        try:
            self._store.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: update failed: {exc}") from exc

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self._store.remove_graph(graph)

    def documents(self) -> list[tuple[str, str]]:
        """(document IRI, identifier) of every document in the store."""
        rows = self.select(
            f"SELECT ?d ?id WHERE {{ GRAPH ?d {{ ?d <{DCTERMS.identifier}> ?id }} }} ORDER BY ?id"
        )
        return [(row["d"], row["id"]) for row in rows]

    def holds_more_documents_than(self, limit: int) -> bool:
        """Whether the store holds more than `limit` documents, found without listing them all."""
        rows = self.select(
            f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d <{DCTERMS.identifier}> ?id }} }} OFFSET {limit} LIMIT 1"
        )
        return bool(rows)

    def quads(self) -> list[ox.Quad]:
        return [q for q in self._store.quads_for_pattern(None, None, None, None) if q.graph_name != STAGING]

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()


class FreshStore:
    """The first build into a folder with no store: bulk loads into a temporary store that is
    renamed into place when the build ends, so an interrupted first build leaves no store at all
    rather than a partial one, and ingest runs at bulk-load speed."""

    BUFFER = 64 * 1024 * 1024

    def __init__(self, out: Path) -> None:
        import shutil

        self.out = out
        self.temp = out / ".store-new"
        shutil.rmtree(self.temp, ignore_errors=True)
        self._store: GraphStore | None = GraphStore(self.temp)
        self.location = str(out / STORE_DIR)
        self._buffer: list[bytes] = []
        self._size = 0

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        return None

    def discard(self) -> None:
        """Drop the temporary store unfinished: the build wrote nothing worth keeping."""
        import shutil

        self._store = None
        self._buffer.clear()
        shutil.rmtree(self.temp, ignore_errors=True)

    def write_document(
        self, graph: ox.NamedNode, triples: bytes, links: ox.NamedNode, link_triples: bytes
    ) -> None:
        for part in (in_graph(link_triples, links), in_graph(triples, graph)):
            self._buffer.append(part)
            self._size += len(part)
        if self._size >= self.BUFFER:
            self._load()

    def select(self, query: str) -> list[dict[str, str]]:
        raise StoreError(f"{self.location}: the store is still being built")

    def update(self, update: str) -> None:
        raise StoreError(f"{self.location}: the store is still being built")

    def _load(self) -> None:
        assert self._store is not None
        try:
            self._store.oxigraph.bulk_load(b"".join(self._buffer), format=NQ)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: cannot write: {exc}") from exc
        self._buffer, self._size = [], 0

    def finish(self) -> GraphStore:
        """Load what is left, move the store into place and open it there."""
        import os

        self._load()
        assert self._store is not None
        self._store.flush()
        self._store = None
        os.replace(self.temp, self.out / STORE_DIR)
        return GraphStore.open(self.out)


class BatchWriter:
    """Later builds into an existing store: documents new to it are buffered and bulk-loaded a
    batch at a time, with the batch's graphs in the journal while the load runs (a batch too small
    to gain from a bulk load goes in one transaction); a document already in the store is replaced
    through the store's own write_document, in a transaction."""

    # Each bulk load into a big store costs a compaction of its new files into the old ones, so
    # fewer, larger loads: 1,000 releases (about 250 MB of N-Quads) go in one.
    BUFFER = 256 * 1024 * 1024
    # A bulk load costs a tenth of a second or so whatever its size (new files, their ingestion);
    # below this many bytes one transaction is cheaper, and it needs no journal.
    SMALL = 8 * 1024 * 1024

    def __init__(self, store: GraphStore) -> None:
        assert store.path is not None, "a batch journal needs a store on disk"
        self.store = store
        self.location = store.location
        self._buffer: list[bytes] = []
        self._size = 0
        self._graphs: set[str] = set()

    @property
    def oxigraph(self) -> ox.Store:
        return self.store.oxigraph

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        if graph.value in self._graphs:
            self._load()
        return self.store.content_hash(graph)

    def write_document(
        self, graph: ox.NamedNode, triples: bytes, links: ox.NamedNode, link_triples: bytes
    ) -> None:
        if graph.value in self._graphs:
            self._load()
        if self.store.oxigraph.contains_named_graph(graph):
            self.store.write_document(graph, triples, links, link_triples)
            return
        for part in (in_graph(link_triples, links), in_graph(triples, graph)):
            self._buffer.append(part)
            self._size += len(part)
        self._graphs.add(graph.value)
        if self._size >= self.BUFFER:
            self._load()

    def select(self, query: str) -> list[dict[str, str]]:
        self._load()
        return self.store.select(query)

    def update(self, update: str) -> None:
        self._load()
        self.store.update(update)

    def _load(self) -> None:
        if not self._buffer:
            return
        assert self.store.path is not None
        journal = self.store.path / JOURNAL
        data = b"".join(self._buffer)
        self._buffer, self._size, graphs, self._graphs = [], 0, self._graphs, set()
        try:
            if len(data) < self.SMALL:
                self.store.oxigraph.load(data, format=NQ)
                return
            _write_journal(journal, sorted(graphs))
            try:
                self.store.oxigraph.bulk_load(data, format=NQ)
            except BaseException:
                # Ctrl-C or a failed load: take the half-loaded graphs out now, not at the next open.
                _recover(self.store.oxigraph, self.store.path)
                raise
            journal.unlink()
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: cannot write: {exc}") from exc

    def finish(self) -> GraphStore:
        """Load what is left; the store then holds every document written."""
        self._load()
        return self.store


def _write_journal(journal: Path, graphs: list[str]) -> None:
    """The journal, whole: written beside itself and renamed, so it is never read half-written."""
    import os

    temp = journal.with_name(journal.name + ".new")
    with temp.open("w", encoding="utf-8") as handle:
        handle.write("".join(f"{iri}\n" for iri in graphs))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, journal)


def _recover(store: ox.Store, path: Path) -> None:
    """Drop the graphs of a bulk load that was cut short: their documents go back to being absent."""
    journal = path / JOURNAL
    if not journal.exists():
        return
    for iri in journal.read_text(encoding="utf-8").split():
        store.remove_graph(ox.NamedNode(iri))
    store.flush()
    journal.unlink()


def _recover_read_only(path: Path) -> None:
    """Open for writing once to drop an interrupted batch, so that readers never see half of it.
    A build still running holds the store's lock; its journal is then its own, left to it."""
    try:
        writer = ox.Store(str(path))
    except OSError:
        return
    _recover(writer, path)
    del writer


def in_graph(triples: bytes, graph: ox.NamedNode) -> bytes:
    """N-Triples as N-Quads in one graph. Safe on bytes: N-Triples escapes line breaks in literals,
    so every statement ends with " .\\n" and nothing else does."""
    if not triples:
        return b""
    return triples.replace(b" .\n", f" {graph} .\n".encode())


def document_infos(store: Store) -> list[DocumentInfo]:
    """Every document in the store with its title, size, hash and build time (for `status`)."""
    rows = store.select(
        f"""SELECT ?d ?id ?title ?hash ?built (COUNT(*) AS ?n) WHERE {{
  GRAPH ?d {{
    ?d <{DCTERMS.identifier}> ?id ; <{CCG.contentHash}> ?hash .
    OPTIONAL {{ ?d <{DCTERMS.title}> ?title }}
    OPTIONAL {{ ?run <{PROV.used}> ?d ; <{PROV.startedAtTime}> ?built }}
    ?s ?p ?o
  }}
}} GROUP BY ?d ?id ?title ?hash ?built ORDER BY ?id"""
    )
    return [
        DocumentInfo(
            iri=r["d"],
            id=r["id"],
            title=r["title"],
            triples=int(r["n"]),
            hash=r["hash"].removeprefix("sha256:"),
            built=r["built"],
        )
        for r in rows
    ]


def find_document(store: Store, key: str) -> tuple[str, str] | None:
    """(IRI, id) of the document whose id, IRI or source path is `key`, if stored."""
    literal = ox.Literal(key)
    rows = store.select(
        f"""SELECT ?d ?id WHERE {{
  GRAPH ?d {{ ?d <{DCTERMS.identifier}> ?id . }}
  FILTER(?id = {literal} || STR(?d) = {literal})
}} LIMIT 1"""
    )
    if not rows:
        stem = Path(key).stem
        if stem and stem != key:
            return find_document(store, _slug(stem))
        return None
    return rows[0]["d"], rows[0]["id"]


def _slug(value: str) -> str:
    from ..document import slugify

    return slugify(value)


def remove_document(store: Store, graph: str, links: str) -> None:
    """Drop one document's graph and the links that no remaining document needs, in one update.

    A link belongs to a city or organisation; it stays while any other document graph still
    names that entity. Identifier targets and nations go with the last entity that points at them.
    """
    g, lg = f"<{graph}>", f"<{links}>"
    structural = f"<{SKOS.Concept}>", f"<{SKOS.ConceptScheme}>", f"<{SCHEMA.Country}>"
    store.update(
        f"""DROP SILENT GRAPH {g} ;
DELETE {{ GRAPH {lg} {{ ?s ?p ?o }} }} WHERE {{
  GRAPH {lg} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH {lg} {{ ?s a ?kind }} FILTER(?kind IN ({", ".join(structural)})) }}
  FILTER NOT EXISTS {{ GRAPH {lg} {{ ?entity <{OWL.sameAs}> ?s }} }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?q ?r }} FILTER(?other != {lg}) }}
}} ;
DELETE {{ GRAPH {lg} {{ ?t ?p ?o }} }} WHERE {{
  GRAPH {lg} {{ ?t <{CCG.identifierSource}> ?source . ?t ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH {lg} {{ ?entity <{OWL.sameAs}> ?t }} }}
}} ;
DELETE {{ GRAPH {lg} {{ ?n ?p ?o }} }} WHERE {{
  GRAPH {lg} {{ ?n a <{SCHEMA.Country}> . ?n ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH {lg} {{ ?city <{CCG.nation}> ?n }} }}
}}"""
    )
