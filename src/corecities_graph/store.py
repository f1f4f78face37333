"""Where the quads live: an embedded Oxigraph store in the output folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .vocab import CCG, DCTERMS

STORE_DIR = "store"


class GraphStore:
    """An embedded Oxigraph store; each source document is one named graph."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc

    @classmethod
    def open(cls, out: Path, *, read_only: bool = False) -> GraphStore:
        path = out / STORE_DIR
        if read_only and not path.exists():
            raise StoreError(f"{out}: no graph store here; run `corecities-graph build --out {out}` first")
        return cls(path, read_only=read_only)

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def content_hash(self, document: ox.NamedNode) -> str | None:
        """The sha256 recorded for a document's graph, or None if it is not stored."""
        pattern = self._store.quads_for_pattern(document, ox.NamedNode(str(CCG.contentHash)), None, document)
        for quad in pattern:
            return quad.object.value.removeprefix("sha256:")
        return None

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Swap a document's named graph for new quads in one transaction."""
        body = "\n".join(_triple_text(q) for q in quads)
        update = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"
        try:
            self._store.update(update)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write graph {graph.value}: {exc}") from exc

    def add(self, quads: Iterable[ox.Quad]) -> None:
        try:
            self._store.extend(list(quads))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write: {exc}") from exc

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self._store.remove_graph(graph)

    def documents(self) -> list[tuple[str, str]]:
        """(document IRI, identifier) of every document in the store."""
        rows = self._store.query(
            f"SELECT ?d ?id WHERE {{ GRAPH ?d {{ ?d <{DCTERMS.identifier}> ?id }} }} ORDER BY ?id"
        )
        return [(row["d"].value, row["id"].value) for row in rows]  # type: ignore[union-attr,index]

    def quads(self) -> list[ox.Quad]:
        return list(self._store.quads_for_pattern(None, None, None, None))

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()


def _triple_text(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."
