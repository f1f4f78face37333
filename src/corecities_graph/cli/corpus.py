"""status, remove and push: what the store holds, taking a document out, uploading to a server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..store.remote import Endpoints

from .options import (
    Settings,
    base_iri_option,
    out_option,
    quiet_option,
    reports_errors,
    store_options,
    table_format_option,
)
from .progress import StageBars, interruptible


@click.command("status")
@out_option
@store_options()
@table_format_option
@reports_errors
def status_cli(out: Path, store: Endpoints | None, fmt: str) -> None:
    """List the documents in the store, the total triples and the last build.

    \b
    Example:
        corecities-graph status --out output
        corecities-graph status --store http://127.0.0.1:7878 --format json
    """
    from ..corpus.manage import status

    report = status(out, store)
    click.echo(json.dumps(report.as_dict(), indent=2) if fmt == "json" else report.render(), nl=fmt == "json")


@click.command("remove")
@click.argument("document")
@out_option
@store_options()
@base_iri_option
@quiet_option
@click.pass_obj
@reports_errors
def remove_cli(settings: Settings, document: str, out: Path, store: Endpoints | None, base_iri: str) -> None:
    """Remove DOCUMENT (its id, IRI or source path) and the links only it needed.

    Outputs are not rewritten: run `publish` afterwards for new ones.

    \b
    Example:
        corecities-graph remove declaration --out output
    """
    from ..corpus.manage import remove

    doc_id = remove(out, store, document, base_iri)
    if not settings.quiet:
        where = (
            f" from {store.location}."
            if store
            else "; run `corecities-graph publish` to rewrite the outputs."
        )
        click.echo(f"Removed {doc_id}{where}", err=True)


@click.command("push")
@store_options(base=("--endpoint", "--store"), roles=("data",), what="SPARQL server to upload to")
@out_option
@quiet_option
@click.pass_obj
@reports_errors
def push_cli(settings: Settings, store: Endpoints | None, out: Path) -> None:
    """Upload every named graph of the store in --out to a SPARQL server, one PUT per graph.

    Each graph on the server is replaced whole, so an interrupted push leaves every graph
    either as it was or complete; run it again to finish. Only the server's Graph Store
    endpoint is used: --endpoint URL with --store-layout, or --store-data URL.

    \b
    Example:
        corecities-graph push --endpoint http://127.0.0.1:7878 --out output
        corecities-graph push --endpoint http://127.0.0.1:3030/corecities --store-layout fuseki
        corecities-graph push --store-data http://127.0.0.1:7200/repositories/cc/rdf-graphs/service
    """
    from ..stages import StageEvent
    from ..store.remote import RemoteStore, push

    if store is None:
        raise click.UsageError("give the server: --endpoint URL, or --store-data URL")
    bars = StageBars(enabled=not settings.quiet)
    with interruptible("push", bars):
        count = push(
            out,
            RemoteStore(store),
            progress=lambda done, total, _g: bars(StageEvent("push", "advance", done, total)),
        )
    if not settings.quiet:
        click.echo(f"Pushed {count} graphs to {store.location}.", err=True)
