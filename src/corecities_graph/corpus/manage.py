"""Looking after a store: what it holds (`status`) and taking a document out (`remove`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..errors import StoreError
from ..graph.model import Minter
from ..store.embedded import DocumentInfo, GraphStore, document_infos, find_document, remove_document
from ..store.remote import ROLES, Endpoints, RemoteStore, open_store
from .build import forget_source, last_build, recorded_sources


@dataclass(frozen=True)
class Status:
    location: str
    documents: list[DocumentInfo]
    triples: int
    last_build: dict[str, object] | None
    # The endpoint URLs of a remote store (query, update, data); None for the embedded one.
    endpoints: dict[str, str | None] | None = None

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "store": self.location,
            "documents": [asdict(d) for d in self.documents],
            "triples": self.triples,
            "last_build": self.last_build,
        }
        if self.endpoints is not None:
            found["endpoints"] = self.endpoints
        return found

    def render(self) -> str:
        from ..sparql.formats import render_table

        header = ["id", "title", "triples", "hash", "built"]
        rows = [[d.id, d.title, str(d.triples), d.hash[:12], d.built] for d in self.documents]
        lines = [f"Store: {self.location}"]
        if self.endpoints is not None:
            lines += [
                f"  {(ROLES[role] + ':').ljust(15)} {url or '(not given)'}"
                for role, url in self.endpoints.items()
            ]
        lines.append(render_table(header, rows).rstrip("\n"))
        count = len(self.documents)
        lines.append(
            f"Total: {count} document{'s' if count != 1 else ''}, "
            f"{self.triples} triples across all named graphs (links included)"
        )
        if self.last_build:
            b = self.last_build
            lines.append(
                f"Last build: {b.get('time')} with corecities-graph {b.get('version')}: "
                f"{b.get('built')} built, {b.get('unchanged')} unchanged, {b.get('failed')} failed"
            )
        else:
            lines.append("Last build: none recorded in this folder")
        return "\n".join(lines) + "\n"


def status(out: Path, server: str | Endpoints | None = None) -> Status:
    """The documents in the store, its size and the last build recorded in `out`.

    Each document's `path` says where its graph lives: the store folder, or for a remote store
    the Graph Store URL that answers a GET with the graph; its `source` is the file it was read from.
    """
    store = open_store(out, server, read_only=True)
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    triples = int(rows[0]["n"]) if rows else 0
    if isinstance(store, RemoteStore):
        documents = [replace(d, path=_graph_url(store, d.iri)) for d in document_infos(store)]
        urls: dict[str, str | None] | None = store.endpoints.as_dict()
    else:
        documents = [replace(d, path=store.location) for d in document_infos(store)]
        urls = None
    read_from = recorded_sources(out)
    documents = [replace(d, source=read_from.get(d.id, "")) for d in documents]
    return Status(store.location, documents, triples, last_build(out), urls)


def _graph_url(store: RemoteStore, iri: str) -> str:
    return store.graph_url(iri) if store.endpoints.data else ""


def remove(out: Path, server: str | Endpoints | None, key: str, base_iri: str) -> str:
    """Remove one document by id, IRI or source path; returns its id."""
    store = open_store(out, server)
    found = find_document(store, key)
    if found is None:
        raise StoreError(f"{key}: no such document in {store.location} (see `corecities-graph status`)")
    iri, doc_id = found
    if isinstance(store, GraphStore):
        from ..publish.summary import SummaryFile

        summary = SummaryFile.open(store)
        if summary is not None:
            summary.forget([iri])
            summary.close()
    remove_document(store, iri, Minter(base_iri).graph("links").value)
    if hasattr(store, "flush"):
        store.flush()
    forget_source(out, doc_id)
    return doc_id
