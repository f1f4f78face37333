"""The build: documents -> extraction -> quads -> store -> dumps, view and report."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .dataset import DEFAULT_LICENCE
from .errors import CorecitiesError, InputError
from .extract import extract
from .model import Minter, ModelSettings, document_quads, holds_contacts, link_quads, mentioned_entities
from .resolve import Reference
from .sources import DEFAULT_MAX_BYTES, Document, iter_paths, read_document
from .store import GraphStore


@dataclass(frozen=True)
class BuildSettings:
    out: Path
    base_iri: str
    include_contacts: bool = False
    reference_dir: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    write_view: bool = True
    licence: str = DEFAULT_LICENCE
    validate: bool = True


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Input notes (sources.py): files passed over in folders, and problems that did not stop a read.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    triples: int = 0
    documents: int = 0


def run_time() -> str:
    """The build time, or SOURCE_DATE_EPOCH when set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC).replace(microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build(
    paths: Sequence[Path],
    settings: BuildSettings,
    *,
    documents: Sequence[Document] = (),
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build or update the graph in settings.out from files, folders and ready documents."""
    ref = Reference.load(settings.reference_dir)
    result = BuildResult()
    try:
        settings.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{settings.out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(settings.out, os.W_OK):
        raise InputError(f"{settings.out}: output folder is not writable")
    store = GraphStore.open(settings.out)
    model = ModelSettings(settings.base_iri, settings.include_contacts, run_time())
    mint = Minter(settings.base_iri)
    pending: list[tuple[str, Document | Path]] = [(str(p), p) for p in _expand(paths, result)]
    pending += [(d.path or d.doc_id, d) for d in documents]
    seen_ids: dict[str, str] = {}
    mentioned: list[tuple[str, str]] = []
    for label, item in pending:
        try:
            document = (
                item if isinstance(item, Document) else read_document(item, max_bytes=settings.max_bytes)
            )
        except InputError as exc:
            result.failed.append((label, str(exc)))
            continue
        result.warnings.extend(document.warnings)
        if document.doc_id in seen_ids and seen_ids[document.doc_id] != label:
            document = _with_id(document, f"{document.doc_id}-{document.sha256[:8]}")
        seen_ids[document.doc_id] = label
        graph = mint.document(document.doc_id)
        extraction = extract(document, ref)
        mentioned += mentioned_entities(extraction)
        if store.content_hash(graph) == document.sha256 and not _contacts_to_drop(store, graph, settings):
            result.unchanged.append(document.doc_id)
        else:
            store.replace_graph(graph, document_quads(document, extraction, model))
            result.built.append(document.doc_id)
        if progress:
            progress(document.doc_id)
    if mentioned:
        store.add(link_quads(mentioned, ref, model))
    store.flush()
    # Publishing check (validate.py): SHACL over the graphs this run wrote, not the whole store.
    if settings.validate:
        from .validate import check_build

        check_build(store, [mint.document(doc_id) for doc_id in result.built], mint.graph("links"))
    write_outputs(store, settings, result)
    return result


def write_outputs(store: GraphStore, settings: BuildSettings, result: BuildResult) -> None:
    """Dumps, report and view of everything in the store, each written atomically."""
    from .export import write_dumps
    from .report import write_reports

    quads = store.quads()
    result.files += write_dumps(quads, settings.out)
    # Publishing: the dataset description (dataset.py), checked against ontology/dcat-shapes.ttl.
    from .dataset import write_void
    from .validate import check_description

    void = write_void(quads, settings.out, settings.base_iri, settings.licence, run_time())
    check_description(void)
    result.files.append(void)
    result.files += write_reports(store, settings.out)
    if settings.write_view:
        from .render import view_from_store, write_view

        nodes, edges, docs = view_from_store(store.oxigraph)
        path = settings.out / "view.html"
        write_view(nodes, edges, docs, path, title="corecities-graph")
        result.files.append(path)
    result.triples = len({(q.subject, q.predicate, q.object) for q in quads})
    result.documents = len(store.documents())


def _contacts_to_drop(store: GraphStore, graph: object, settings: BuildSettings) -> bool:
    """Whether a stored graph must be rebuilt for its contacts: kept now, or kept by a build with
    --include-contacts and no longer wanted."""
    if settings.include_contacts:
        return True
    return holds_contacts(store.oxigraph.quads_for_pattern(None, None, None, graph))  # type: ignore[arg-type]


def _expand(paths: Sequence[Path], result: BuildResult) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(iter_paths([path], on_skip=lambda p, why: result.skipped.append((str(p), why))))
        except CorecitiesError as exc:
            result.failed.append((str(path), str(exc)))
    return files


def _with_id(document: Document, doc_id: str) -> Document:
    from dataclasses import replace

    return replace(document, doc_id=doc_id)
