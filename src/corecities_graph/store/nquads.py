"""N-Quads files instead of a store: one file per batch of documents, for a store's bulk loader.

A corpus too big for one machine is extracted in parallel, each part of it into its own folder
of batch files, and a server's bulk loader reads them all (Virtuoso's `ld_dir` and
`rdf_loader_run()`, or `oxigraph load`). A batch file holds its documents' named graphs whole,
with the links graph's triples they need (repeated across batches; a store keeps one copy of
each). Each file is written atomically, so an interrupted run leaves whole batches only and a
rerun writes them again.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from .embedded import in_graph
from .export import write_atomic

PATTERN = "batch-{:05d}.nq"


class NQuadsFolder:
    """Takes documents as a build writes them and writes every `batch` of them to one .nq file."""

    def __init__(self, folder: Path, batch: int = 1000) -> None:
        self.folder = folder
        self.location = str(folder)
        self.batch = batch
        self.files: list[Path] = []
        self._parts: list[bytes] = []
        self._documents = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot create the N-Quads folder ({exc.strerror or exc})") from None
        if any(folder.glob("batch-*.nq")):
            raise StoreError(
                f"{folder}: holds batch files of an earlier run; give an empty folder, so that a bulk "
                "load of it reads this run only"
            )

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        # Nothing is stored yet: every document is extracted and written.
        return None

    def write_document(
        self, graph: ox.NamedNode, triples: bytes, links: ox.NamedNode, link_triples: bytes
    ) -> None:
        self._parts += [in_graph(link_triples, links), in_graph(triples, graph)]
        self._documents += 1
        if self._documents == self.batch:
            self.close()

    def close(self) -> None:
        """Write the documents taken since the last file, if any, to the next batch file."""
        if not self._documents:
            return
        path = self.folder / PATTERN.format(len(self.files) + 1)
        try:
            write_atomic(path, b"".join(self._parts))
        except OSError as exc:
            raise StoreError(f"{path}: cannot write: {exc.strerror or exc}") from None
        self.files.append(path)
        self._parts, self._documents = [], 0

    def select(self, query: str) -> list[dict[str, str]]:
        raise StoreError(f"{self.location}: N-Quads files are not a store to query; bulk-load them first")

    def update(self, update: str) -> None:
        raise StoreError(f"{self.location}: N-Quads files are not a store to update; bulk-load them first")
