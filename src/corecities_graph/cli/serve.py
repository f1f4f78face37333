"""serve: Linked Data pages and a SPARQL endpoint over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    pass

from .options import (
    Settings,
    out_option,
    quiet_option,
    reports_errors,
)


@click.command("serve")
@out_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks a free port."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Rows or triples per result.",
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(min=1024),
    default=1_048_576,
    show_default=True,
    help="Largest request body or URL accepted.",
)
@click.option(
    "--workers", type=click.IntRange(1, 32), default=2, show_default=True, help="Query worker processes."
)
@click.option(
    "--max-connections",
    type=click.IntRange(min=1),
    default=128,
    show_default=True,
    help="Open connections at once; more get 503.",
)
@quiet_option
@click.pass_obj
@reports_errors
def serve_cli(
    settings: Settings,
    out: Path,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    max_request_bytes: int,
    workers: int,
    max_connections: int,
) -> None:
    """Serve the graph in --out as Linked Data, with a read-only SPARQL endpoint at /sparql.

    Each entity answers at its IRI's path (HTML, Turtle, JSON-LD or N-Triples by the Accept
    header or ?format=); / is the query page, /view the network view. Ctrl-C stops the
    server.

    \b
    Example:
        corecities-graph serve --out output --port 8000
        curl -H 'Accept: text/turtle' http://127.0.0.1:8000/corecities/id/city/leeds
    """
    from ..serve.server import ServeSettings, serve

    serve_settings = ServeSettings(
        out=out,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        max_request_bytes=max_request_bytes,
        workers=workers,
        max_connections=max_connections,
        quiet=settings.quiet,
    )

    def announce(url: str) -> None:
        click.echo(f"Serving {url} (SPARQL at {url}sparql); Ctrl-C stops.", err=True)
        if not host.startswith("127.") and host not in ("localhost", "::1"):
            click.echo(f"Warning: listening on {host}, reachable beyond this machine.", err=True)

    serve(serve_settings, announce)
    click.echo("Stopped.", err=True)


# ---- read: the plain text a source becomes (inputs) ----
