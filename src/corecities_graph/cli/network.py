"""analyse and explain: network metrics and the paths between two entities."""

from __future__ import annotations

import json
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


@click.command("analyse")
@out_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option(
    "--write-back",
    is_flag=True,
    help="Store the metrics as RDF in the named graph {base}graph/analysis, replacing the previous ones.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=15,
    show_default=True,
    help="Rows of the entity and city-tie tables (0: all); the table says how many it left out.",
)
@quiet_option
@click.pass_obj
@reports_errors
def analyse_cli(settings: Settings, out: Path, fmt: str, write_back: bool, top: int) -> None:
    """Centralities, communities, city ties and components of the entity graph in --out.

    Nodes are cities, organisations, people, declarations and proposals; edges are the
    relations between them (a post is an edge from a person to where the post is).

    \b
    Example:
        corecities-graph analyse --out output
        corecities-graph analyse --top 0
        corecities-graph analyse --format csv > metrics.csv
        corecities-graph analyse --write-back
    """
    from ..network.analyse import analyse, render_csv, render_table
    from ..network.analyse import write_back as store_metrics
    from ..store.embedded import GraphStore

    store = GraphStore.open(out, read_only=not write_back)
    analysis = analyse(store)
    if fmt == "json":
        click.echo(json.dumps(analysis.as_dict(), indent=2, sort_keys=True))
    elif fmt == "csv":
        click.echo(render_csv(analysis), nl=False)
    else:
        click.echo(render_table(analysis, top=top), nl=False)
    if write_back:
        graph = store_metrics(store, analysis)
        if not settings.quiet:
            click.echo(f"Stored the metrics of {len(analysis.nodes)} entities in <{graph}>.", err=True)


@click.command("explain")
@click.argument("first")
@click.argument("second")
@out_option
@click.option(
    "--max-paths", type=click.IntRange(min=1), default=5, show_default=True, help="Most paths shown."
)
@reports_errors
def explain_cli(first: str, second: str, out: Path, max_paths: int) -> None:
    """How FIRST and SECOND are connected: the shortest paths between them, hop by hop, with sources.

    Each is a name (canonical or alias, any case) or an IRI. Each hop shows its relation,
    the sentence it was read from and the source document. Exit 1 when no path joins them.

    \b
    Example:
        corecities-graph explain "Judith Blake" "University of Birmingham"
    """
    from ..network.explain import explain, render
    from ..store.embedded import GraphStore

    store = GraphStore.open(out, read_only=True)
    click.echo(render(explain(store, first, second, max_paths=max_paths)), nl=False)


# --- publishing: validate, export ------------------------------------------------------------
