"""The build: documents -> extraction -> quads -> store -> dumps, view and report.

Worker processes read, extract and turn each document into N-Triples; the calling process is
the single writer that owns the store. Nothing on the per-document path looks at the rest of
the corpus: a document's links are made from the entities it names, and its hash is checked
against its own graph only. The first build into a folder bulk-loads a new store and renames it
into place at the end (FreshStore); later builds bulk-load the documents new to the store in
journalled batches and replace a changed document in one transaction (BatchWriter).

Outputs of the whole graph (dumps, void.ttl, reports, view) cost time in proportion to the
corpus, so a build writes them only when asked (`outputs=True`), or, by default, while the store
holds at most AUTO_OUTPUTS_MAX documents; past that a build touches only its own documents'
graphs, and `publish` writes the outputs on demand.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from .. import limits
from .._version import __version__
from ..document import Document
from ..errors import CorecitiesError, InputError
from ..extract import extract
from ..sources.read import DEFAULT_MAX_BYTES, iter_paths, read_document
from ..stages import CHECK, EXTRACT, MODEL, READ, STORE, STORE_FINISH, VALIDATE, Observer, Stages, stages_of
from ..store.dataset import DEFAULT_LICENCE
from ..store.embedded import STORE_DIR, BatchWriter, FreshStore, GraphStore, Store
from ..store.validate import DocumentCheck
from .limits import AUTO_OUTPUTS_MAX, VIEW_MAX_NODES

# A log of the last build (time, counts, store), not an output: hidden, and left out of dumps and diffs.
BUILD_RECORD = ".last-build.json"


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
    # True: always write the whole-corpus outputs; False: never; None: while the store is small.
    outputs: bool | None = None
    jobs: int = 1
    # The view shows at most this many resources, the most connected (None: all of them).
    view_max_nodes: int | None = VIEW_MAX_NODES


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
    # Set when the outputs were left alone because the store holds more than AUTO_OUTPUTS_MAX documents.
    outputs_deferred: bool = False
    # Where each document built or found unchanged was read from: doc id -> source path.
    sources: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Prepared:
    """One document ready to store: its graph as N-Triples and the reference links it needs."""

    label: str
    doc_id: str
    sha256: str
    triples: bytes
    links: bytes
    warnings: tuple[str, ...] = ()
    # (wall, CPU) seconds the worker spent reading, extracting, modelling and (with the SHACL
    # check on) checking it, for stage events.
    times: tuple[tuple[float, float], ...] = ()
    # What the view needs from the graph (publish/summary.py), encoded.
    digest: bytes = b""
    # What the worker found checking the graph against the shapes (None: not checked).
    check: DocumentCheck | None = None


@dataclass(frozen=True)
class Unchanged:
    """A document whose text has the hash already stored for it: nothing to extract or write."""

    doc_id: str
    warnings: tuple[str, ...] = ()
    times: tuple[tuple[float, float], ...] = ()


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
    store: Store | None = None,
    stages: Observer | None = None,
) -> BuildResult:
    """Build or update the graph from files, folders and ready documents.

    The store is the embedded one in settings.out unless another is given (a remote server).
    `stages` hears each stage start, advance and end (stages.py).
    """
    from ..graph.model import Minter

    result = BuildResult()
    created = not settings.out.exists()
    try:
        settings.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{settings.out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(settings.out, os.W_OK):
        raise InputError(f"{settings.out}: output folder is not writable")
    fresh = store is None and not (settings.out / STORE_DIR).exists()
    target: Store
    if store is not None:
        target = store
    else:
        target = FreshStore(settings.out) if fresh else BatchWriter(GraphStore.open(settings.out))
    mint = Minter(settings.base_iri)
    links = mint.graph("links")
    pending: list[tuple[str, Document | Path]] = [(str(p), p) for p in _expand(paths, result)]
    pending += [(d.path or d.doc_id, d) for d in documents]
    sources = dict(pending)
    report = stages_of(stages)
    per_document = (
        (READ, EXTRACT, MODEL, CHECK, STORE) if settings.validate else (READ, EXTRACT, MODEL, STORE)
    )
    for name in per_document:
        report.start(name, len(pending))
    seen_ids: dict[str, str] = {}
    context = _Context(settings, run_time())
    # The view's digest of each graph written, stored beside the store once it holds the graphs.
    digests: list[tuple[str, bytes]] = []
    # What the workers' SHACL check found in each graph written, by graph IRI.
    checked: dict[str, DocumentCheck] = {}
    replaced = _Replaced(target)
    # The hash stored for each document, looked up by the id it will get, lets a worker skip a
    # document whose text is unchanged without extracting it.
    work = [(label, item, _known_hash(target, mint.document(_id(item)), settings)) for label, item in pending]
    for done, (label, item) in enumerate(_prepare_all(work, context), start=1):
        if isinstance(item, str):
            result.failed.append((label, item))
        elif isinstance(item, Unchanged):
            result.warnings.extend(item.warnings)
            seen_ids.setdefault(item.doc_id, label)
            result.unchanged.append(item.doc_id)
            result.sources[item.doc_id] = _source_path(sources[label])
        else:
            result.warnings.extend(item.warnings)
            if item.doc_id in seen_ids and seen_ids[item.doc_id] != label:
                renamed = _renamed(sources[label], f"{item.doc_id}-{item.sha256[:8]}", context)
                item = replace(renamed, times=(*item.times[:1], *renamed.times))
            seen_ids[item.doc_id] = label
            result.sources[item.doc_id] = _source_path(sources[label])
            graph = mint.document(item.doc_id)
            if _known_hash(target, graph, settings) == item.sha256:
                result.unchanged.append(item.doc_id)
            else:
                began = _clock()
                replaced.forget(graph)
                target.write_document(graph, item.triples, links, item.links)
                digests.append((graph.value, item.digest))
                if item.check is not None:
                    checked[graph.value] = item.check
                item = replace(item, times=(*item.times, _since(began)))
                result.built.append(item.doc_id)
        _advance(report, per_document, done, len(pending), item)
    for name in per_document:
        report.end(name, len(pending), len(pending))
    if isinstance(target, FreshStore) and result.failed and not (result.built or result.unchanged):
        # Nothing could be read: leave no empty store or outputs behind, and no folder made for them.
        target.discard()
        if created:
            with contextlib.suppress(OSError):
                settings.out.rmdir()
        return result
    report.start(STORE_FINISH)
    if isinstance(target, FreshStore | BatchWriter):
        target = target.finish()
    if isinstance(target, GraphStore):
        target.flush()
        replaced.close()
        from ..publish.summary import refresh

        refresh(target, digests)
    report.end(STORE_FINISH)
    # Publishing check (validate.py): SHACL over the graphs this run wrote, not the whole store.
    if isinstance(target, GraphStore) and settings.validate:
        from ..store.validate import check_build

        report.start(VALIDATE)
        check_build(target, [mint.document(doc_id) for doc_id in result.built], links, checked)
        report.end(VALIDATE)
    _record(settings.out, target, result)
    if isinstance(target, GraphStore) and settings.outputs is not False:
        if settings.outputs or not target.holds_more_documents_than(AUTO_OUTPUTS_MAX):
            write_outputs(target, settings, result, report)
        else:
            result.outputs_deferred = True
    return result


def write_outputs(
    store: GraphStore, settings: BuildSettings, result: BuildResult, stages: Observer | Stages | None = None
) -> None:
    """Dumps, dataset description, reports and view of everything in the store, each written
    atomically; `stages` hears each one start and end."""
    from ..publish.report import write_reports
    from ..store.dataset import statistics, write_void
    from ..store.export import write_dumps
    from ..store.validate import check_description

    report = stages_of(stages)
    result.files += write_dumps(store.oxigraph, settings.out, report)
    # Publishing: the dataset description (dataset.py), checked against ontology/dcat-shapes.ttl.
    with report.stage("void.ttl"):
        stats = statistics(store.oxigraph, settings.base_iri)
        void = write_void(stats, settings.out, settings.base_iri, settings.licence, run_time())
        check_description(void)
    result.files.append(void)
    result.files += write_reports(store, settings.out, report)
    if settings.write_view:
        from ..publish.view import view_from_store, write_view

        path = settings.out / "view.html"
        with report.stage("view.html"):
            view = view_from_store(store, max_nodes=settings.view_max_nodes)
            write_view(
                view.nodes, view.edges, view.documents, path, title="corecities-graph", total=view.total
            )
        result.files.append(path)
    result.triples = stats.triples
    result.documents = len(store.documents())


def _known_hash(target: Store, graph: ox.NamedNode, settings: BuildSettings) -> str | None:
    """The content hash stored for a document's graph, or None when the graph must be built anyway:
    contacts are to be kept now, or a build with --include-contacts left some that are not wanted."""
    if settings.include_contacts:
        return None
    known = target.content_hash(graph)
    if known is not None and isinstance(target, GraphStore | BatchWriter):
        from ..graph.model import holds_contacts

        if holds_contacts(target.oxigraph.quads_for_pattern(None, None, None, graph)):
            return None
    return known


def publish(settings: BuildSettings, stages: Observer | None = None) -> BuildResult:
    """Write every output of the graph already in the store (after `build --no-outputs`)."""
    result = BuildResult()
    store = GraphStore.open(settings.out, read_only=True)
    write_outputs(store, settings, result, stages)
    return result


def last_build(out: Path) -> dict[str, object] | None:
    """What the last build into `out` did, as recorded in .last-build.json, if there was one."""
    try:
        return json.loads((out / BUILD_RECORD).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return None


def _source_path(item: Document | Path) -> str:
    """The absolute path a document was read from; empty for text given without a file (stdin)."""
    path = item if isinstance(item, Path) else Path(item.path) if item.path else None
    return str(path.absolute()) if path is not None and str(path) != "-" else ""


def recorded_sources(out: Path) -> dict[str, str]:
    """Doc id -> source path of every document the builds into `out` have read."""
    record = last_build(out) or {}
    found = record.get("sources")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def forget_source(out: Path, doc_id: str) -> None:
    """Drop a removed document from the record of source paths."""
    from ..store.export import write_atomic

    record = last_build(out)
    if record and isinstance(record.get("sources"), dict) and doc_id in record["sources"]:  # type: ignore[operator]
        del record["sources"][doc_id]  # type: ignore[attr-defined]
        write_atomic(out / BUILD_RECORD, (json.dumps(record, indent=2) + "\n").encode("utf-8"))


def _record(out: Path, store: Store, result: BuildResult) -> None:
    from ..store.export import write_atomic

    # Earlier builds into the same folder read other documents: their paths stay known.
    sources = recorded_sources(out) | result.sources
    record = {
        "time": run_time(),
        "version": __version__,
        "store": store.location,
        "built": len(result.built),
        "unchanged": len(result.unchanged),
        "failed": len(result.failed),
        "sources": dict(sorted(sources.items())),
    }
    write_atomic(out / BUILD_RECORD, (json.dumps(record, indent=2) + "\n").encode("utf-8"))


@dataclass(frozen=True)
class _Context:
    """What a worker needs to prepare documents; sent once to each worker process."""

    settings: BuildSettings
    run_time: str


_WORKER: dict[str, object] = {}


def _prepare_all(
    pending: Sequence[tuple[str, Document | Path, str | None]], context: _Context
) -> Iterator[tuple[str, Prepared | Unchanged | str]]:
    """(label, prepared document or error message) for each item, in order."""
    jobs = max(1, min(context.settings.jobs, len(pending) // 8))
    if jobs == 1:
        _load(context)
        yield from (_prepare(entry) for entry in pending)
        return
    import multiprocessing

    pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_start_worker, initargs=(context,))
    try:
        yield from pool.imap(_prepare, pending, chunksize=4)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _start_worker(context: _Context) -> None:
    """Set up a worker process; Ctrl-C is for the writer, which stops the pool itself."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _load(context)


def _load(context: _Context) -> None:
    from ..graph.model import ModelSettings
    from ..resolve.reference import Reference

    if _WORKER.get("context") != context:
        _WORKER["context"] = context
        _WORKER["ref"] = Reference.load(context.settings.reference_dir)
        _WORKER["model"] = ModelSettings(
            context.settings.base_iri, context.settings.include_contacts, context.run_time
        )


def _prepare(entry: tuple[str, Document | Path, str | None]) -> tuple[str, Prepared | Unchanged | str]:
    """Read and extract one document, unless its text has the hash already stored for it."""
    label, item, known = entry
    context = _WORKER["context"]
    assert isinstance(context, _Context)
    began = _clock()
    try:
        document = (
            item if isinstance(item, Document) else read_document(item, max_bytes=context.settings.max_bytes)
        )
        read = _since(began)
        if known is not None and document.sha256 == known:
            return label, Unchanged(document.doc_id, tuple(document.warnings), (read,))
        prepared = _prepared(label, document)
    except InputError as exc:
        return label, str(exc)
    except Exception as exc:  # a text the rules fail on must not stop the other documents
        return label, f"{label}: the extractor failed on this text ({type(exc).__name__}: {exc})"
    return label, replace(prepared, times=(read, *prepared.times))


def _id(item: Document | Path) -> str:
    """The id a document will get, known before reading it (read_document names it by its stem)."""
    from ..document import slugify

    return item.doc_id if isinstance(item, Document) else slugify(item.stem)


def _prepared(label: str, document: Document) -> Prepared:
    from ..graph.model import document_triples, link_quads, mentioned_entities
    from ..publish.summary import digest, encode

    ref, model, context = _WORKER["ref"], _WORKER["model"], _WORKER["context"]
    assert isinstance(context, _Context)
    began = _clock()
    extraction = extract(document, ref)  # type: ignore[arg-type]
    if extraction.size() > limits.DOCUMENT_FACTS:
        raise InputError(
            f"{label}: holds {extraction.size():,} names and facts, over the limit of "
            f"{limits.DOCUMENT_FACTS:,} for one document; split it into smaller files"
        )
    extracted, began = _since(began), _clock()
    graph = document_triples(document, extraction, model)  # type: ignore[arg-type]
    links = link_quads(mentioned_entities(extraction), ref, model)  # type: ignore[arg-type]
    triples, link_triples = _ntriples(graph), _ntriples([q.triple for q in links])
    summary = encode(digest(graph))
    times: tuple[tuple[float, float], ...] = (extracted, _since(began))
    check = None
    if context.settings.validate:
        from ..store.validate import check_document

        began = _clock()
        check = check_document(triples, link_triples)
        times = (*times, _since(began))
    return Prepared(
        label,
        document.doc_id,
        document.sha256,
        triples,
        link_triples,
        tuple(document.warnings),
        times,
        summary,
        check,
    )


class _Replaced:
    """Deletes the view digest of a document graph before the build replaces that graph, so a
    build cut short never leaves a digest of the old graph standing for the new one."""

    def __init__(self, target: Store) -> None:
        from ..publish.summary import SummaryFile, summary_path

        store = target.store if isinstance(target, BatchWriter) else target
        path = summary_path(store) if isinstance(store, GraphStore) else None
        self.summary = SummaryFile(path) if path is not None and path.exists() else None
        self.known = set(self.summary.fingerprints()) if self.summary is not None else set()

    def forget(self, graph: ox.NamedNode) -> None:
        if self.summary is not None and graph.value in self.known:
            self.summary.forget([graph.value])
            self.known.discard(graph.value)

    def close(self) -> None:
        if self.summary is not None:
            self.summary.close()
            self.summary = None


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.thread_time()


def _since(began: tuple[float, float]) -> tuple[float, float]:
    """(wall, CPU) seconds since `began`; CPU of this thread alone, which is the one doing the work."""
    return time.perf_counter() - began[0], time.thread_time() - began[1]


def _advance(
    report: Stages, stages: Sequence[str], done: int, total: int, item: Prepared | Unchanged | str
) -> None:
    """One document more through read, extract, model, (check) and store, with the time each took."""
    times = item.times if not isinstance(item, str) else ()
    for name, (wall, cpu) in zip(stages, (*times, *[(0.0, 0.0)] * len(stages)), strict=False):
        report.advance(name, done, total, seconds=wall, cpu=cpu)


def _renamed(item: Document | Path, doc_id: str, context: _Context) -> Prepared:
    """Prepare again under a new id: two files of the same name in one build."""
    _load(context)
    document = (
        item if isinstance(item, Document) else read_document(item, max_bytes=context.settings.max_bytes)
    )
    return _prepared(str(document.path or doc_id), replace(document, doc_id=doc_id))


def _ntriples(triples: Sequence[ox.Triple]) -> bytes:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return data or b""


def _expand(paths: Sequence[Path], result: BuildResult) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(iter_paths([path], on_skip=lambda p, why: result.skipped.append((str(p), why))))
        except CorecitiesError as exc:
            result.failed.append((str(path), str(exc)))
    return files
