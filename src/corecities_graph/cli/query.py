"""query and queries: SPARQL over the store, named or given."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..store.remote import Endpoints

from .options import (
    out_option,
    reports_errors,
    store_options,
)


@click.command("query")
@click.argument("query", required=False)
@out_option
@click.option("-e", "--expression", default=None, metavar="SPARQL", help="Run this SPARQL text.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A named query's parameter (repeatable); `corecities-graph queries` lists them.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "json-ld"]),
    default="table",
    show_default=True,
    help="SELECT: table, csv, tsv, json, xml; CONSTRUCT/DESCRIBE: turtle (also for table), json-ld.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    help="Most rows a table shows (0: all); other formats stream every row.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    help="Stop a query running longer than this many seconds (0: no limit).",
)
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, LOAD, ...).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE calls to other endpoints.")
@store_options()
@reports_errors
def query_cli(
    query: str | None,
    out: Path,
    expression: str | None,
    params: tuple[str, ...],
    fmt: str,
    limit: int,
    timeout: float,
    allow_update: bool,
    allow_service: bool,
    store: Endpoints | None,
) -> None:
    """Run a named query, a .rq file, '-' (SPARQL from stdin) or -e SPARQL over the graph in --out.

    The store is opened read-only unless --allow-update is given.

    \b
    Example:
        corecities-graph query signatories --format csv
        corecities-graph query figures_about --param subject=Leeds
        corecities-graph query -e 'ASK { ?p a schema:Person }'
        echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | corecities-graph query -
    """
    from ..errors import QueryError
    from ..sparql.formats import write_result
    from ..sparql.query import (
        Watchdog,
        bind_params,
        load_query,
        named_queries,
        parse_named,
        run_named,
        run_query,
    )
    from ..store.embedded import GraphStore
    from ..store.remote import open_store

    if (query is None) == (expression is None):
        raise click.UsageError("give either QUERY (a name, a .rq file or '-') or -e SPARQL")
    if expression is not None:
        label, text = "expression", expression
    else:
        assert query is not None
        stdin_text = sys.stdin.read() if query == "-" else None
        label, text = load_query(query, stdin_text)
    given: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"{label}: --param wants NAME=VALUE, got {item!r}")
        given[name.strip()] = value
    graph_store = open_store(out, store, read_only=not allow_update)
    shipped = named_queries().get(label) if expression is None else None
    named = shipped or parse_named(label, text)
    substitutions = None
    if given or named.params:
        if not isinstance(graph_store, GraphStore):
            raise QueryError(f"{label}: --param needs the embedded store; a remote store takes plain SPARQL")
        substitutions = bind_params(graph_store, named, given)

    def expire() -> None:
        click.echo(f"Error: {label}: the query ran longer than {timeout:g} seconds (see --timeout)", err=True)
        sys.stderr.flush()
        os._exit(1)

    sys.stdout.flush()
    sink = sys.stdout.buffer
    with Watchdog(timeout, expire):
        if shipped is not None:
            result = run_named(graph_store, shipped, substitutions=substitutions)
        else:
            result = run_query(
                graph_store,
                label,
                text,
                allow_update=allow_update,
                allow_service=allow_service,
                substitutions=substitutions,
            )
        write_result(result, fmt, sink, limit=limit)
    sink.flush()


@click.command("queries")
def queries_cli() -> None:
    """List the named queries, the question each answers and the parameters it takes.

    \b
    Example:
        corecities-graph queries
    """
    from ..sparql.query import named_queries

    queries = named_queries()
    width = max(len(n) for n in queries)
    for name, named in queries.items():
        click.echo(f"{name.ljust(width)}  {named.question}")
        for param in named.params:
            click.echo(f"{''.ljust(width)}    --param {param.name}=...  ({param.kind}) {param.about}")
