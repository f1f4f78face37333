"""build and publish: the whole pipeline from paths to the store and the outputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..store.nquads import NQuadsFolder
    from ..store.remote import Endpoints, RemoteStore

from .options import (
    Settings,
    base_iri_option,
    input_options,
    licence_option,
    out_option,
    outputs_option,
    quiet_option,
    reports_errors,
    store_options,
    view_max_nodes_option,
)
from .progress import StageBars, interruptible


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option
@base_iri_option
@click.option(
    "--include-contacts",
    is_flag=True,
    help="Keep press contacts' phone numbers and e-mail addresses.",
)
@click.option(
    "--reference",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Folder of reference data (default: data/reference).",
)
@outputs_option
@view_max_nodes_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Worker processes reading and extracting documents.",
)
@store_options()
@input_options
@licence_option
@click.option(
    "--no-validate",
    is_flag=True,
    help="Skip the SHACL check of the graphs this build writes (faster for very large first builds).",
)
@click.option(
    "--nquads",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write no store: put the graphs in N-Quads files in this (empty) folder, for a bulk loader.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Documents per N-Quads file, with --nquads.",
)
@quiet_option
@click.pass_obj
@reports_errors
def build_cli(
    settings: Settings,
    paths: tuple[Path, ...],
    out: Path,
    base_iri: str,
    include_contacts: bool,
    reference: Path | None,
    max_bytes: int,
    doc_id: str | None,
    title: str | None,
    publisher: str | None,
    date: str | None,
    url: str | None,
    licence: str,
    no_validate: bool,
    outputs: bool | None,
    view_max_nodes: int,
    jobs: int,
    store: Endpoints | None,
    nquads: Path | None,
    batch_size: int,
) -> None:
    """Build the graph of PATHS (files, folders, or - for stdin) into --out.

    With no PATHS, builds data/declaration.txt. Folders are read recursively:
    .txt, .text, .md, .markdown, .html, .htm, .xhtml and .pdf files; hidden
    files are passed over, and files of other kinds are listed as skipped. New
    documents are bulk-loaded into the store in batches, a changed document
    replaces its earlier version in one transaction, and documents already in
    the store with the same content are left as they are. The first build into a folder bulk-loads a new store and moves
    it into place when done. Ctrl-C (exit 130) or SIGTERM (143) keeps the
    previous output files, and every graph in the store is either as it was or
    complete; run the build again to finish.

    With --nquads DIR the build writes no store and no outputs: every
    --batch-size documents go to one N-Quads file in DIR (batch-00001.nq, ...),
    written whole, for a server's bulk loader or `oxigraph load`; as with a
    remote store, no SHACL check runs. The README shows how a corpus too big
    for one machine is built that way.

    Metadata comes from --title, --publisher, --date (YYYY-MM-DD, YYYY-MM or
    YYYY) and --url (for a single document only), else a NAME.meta.json sidecar
    beside the file, else the document itself (HTML meta tags, PDF document
    info, a leading URL line).

    \b
    Example:
        corecities-graph build data/declaration.txt --out output
        corecities-graph build releases/ --out output
        cat page.html | corecities-graph build - --doc-id leeds-civic
        corecities-graph build corpus/ --no-outputs && corecities-graph publish
        corecities-graph build corpus/ --store http://127.0.0.1:3030/corecities --store-layout fuseki
        corecities-graph build corpus/part-1 --nquads quads/part-1
    """
    from ..corpus.build import AUTO_OUTPUTS_MAX, BuildSettings, build
    from ..document import Metadata
    from ..sources.read import read_single

    targets = list(paths) or [Path("data/declaration.txt")]
    if nquads and store:
        raise click.UsageError("give --nquads or a remote store, not both")
    build_settings = BuildSettings(
        out=nquads or out,
        base_iri=base_iri,
        include_contacts=include_contacts,
        reference_dir=reference,
        max_bytes=max_bytes,
        licence=licence,
        validate=not no_validate,
        outputs=False if store or nquads else outputs,
        view_max_nodes=view_max_nodes or None,
        jobs=jobs,
    )
    given = Metadata(title=title, publisher=publisher, date=date, url=url)
    documents = []
    if given or doc_id:
        documents = [read_single(targets, max_bytes=max_bytes, metadata=given, doc_id=doc_id)]
        targets = []
    remote: RemoteStore | NQuadsFolder | None = None
    folder: NQuadsFolder | None = None
    if store:
        from ..store.remote import RemoteStore

        remote = RemoteStore(store)
    elif nquads:
        from ..store.nquads import NQuadsFolder

        remote = folder = NQuadsFolder(nquads, batch_size)
    bars = StageBars(enabled=not settings.quiet)
    with interruptible("build", bars):
        result = build(targets, build_settings, documents=documents, store=remote, stages=bars)
        if folder is not None:
            folder.close()
    for message in result.warnings:
        click.echo(f"Warning: {message}", err=True)
    read_any = bool(result.built or result.unchanged) or not result.failed
    if not settings.quiet and read_any:
        built = len(result.built)
        summary = f"Built {built} document{'s' if built != 1 else ''}" + (
            f", {len(result.unchanged)} unchanged" if result.unchanged else ""
        )
        if result.files:
            summary += (
                f"; the store holds {result.documents} document{'s' if result.documents != 1 else ''}"
                f" and {result.triples} triples."
            )
        elif result.outputs_deferred:
            summary += (
                f" into {out / 'store'}, which holds more than {AUTO_OUTPUTS_MAX:,} documents, so the outputs"
                " were not rewritten: run `corecities-graph publish` (or build with --outputs)."
            )
        elif folder is not None:
            files = len(folder.files)
            summary += f" into {files} N-Quads file{'s' if files != 1 else ''} in {nquads}."
        else:
            summary += f" into {store.location if store else out / 'store'}" + (
                "." if store else "; run `corecities-graph publish` to write the outputs."
            )
        click.echo(summary, err=True)
        for path in result.files:
            click.echo(f"  {path}", err=True)
    if not settings.quiet:
        for skipped, why in result.skipped:
            click.echo(f"Note: {skipped}: {why}", err=True)
    for label, message in result.failed:
        # A message that names the file, or the file's NAME.meta.json sidecar, needs no label.
        named = label in message or label == "-" or message.split(": ", 1)[0].endswith(".meta.json")
        click.echo(f"Error: {message}" if named else f"Error: {label}: {message}", err=True)
    if result.failed:
        sys.exit(1)


@click.command("publish")
@out_option
@base_iri_option
@licence_option
@view_max_nodes_option
@quiet_option
@click.pass_obj
@reports_errors
def publish_cli(settings: Settings, out: Path, base_iri: str, licence: str, view_max_nodes: int) -> None:
    """Write graph.ttl, graph.trig, void.ttl, the reports and the view from the store in --out.

    \b
    Example:
        corecities-graph build corpus/ --no-outputs
        corecities-graph publish --out output --view-max-nodes 5000
    """
    from ..corpus.build import BuildSettings, publish

    bars = StageBars(enabled=not settings.quiet)
    with interruptible("publish", bars):
        result = publish(
            BuildSettings(out=out, base_iri=base_iri, licence=licence, view_max_nodes=view_max_nodes or None),
            stages=bars,
        )
    if not settings.quiet:
        plural = "s" if result.documents != 1 else ""
        click.echo(f"Published {result.documents} document{plural} and {result.triples} triples:", err=True)
        for path in result.files:
            click.echo(f"  {path}", err=True)
