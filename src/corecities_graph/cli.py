"""The command line: parse arguments, call one library function, format the result."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import CorecitiesError
from .vocab import DEFAULT_BASE_IRI

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Settings:
    """Options shared by every command."""

    quiet: bool = False


def out_option(func: F) -> F:
    """--out DIR: the folder that holds the store and the generated files."""
    return click.option(
        "--out",
        "out",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("output"),
        show_default=True,
        help="Folder holding the graph store and generated files.",
    )(func)


def reports_errors(func: F) -> F:
    """Turn library errors into one `Error:` line and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CorecitiesError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corecities-graph")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool) -> None:
    """Turn press releases about cities and universities into an RDF knowledge graph.

    \b
    Example:
        corecities-graph build data/declaration.txt --out output
        corecities-graph query people --out output
    """
    ctx.obj = Settings(quiet=quiet)


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of every minted IRI.")
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
@click.pass_obj
@reports_errors
def build_cli(
    settings: Settings,
    paths: tuple[Path, ...],
    out: Path,
    base_iri: str,
    include_contacts: bool,
    reference: Path | None,
) -> None:
    """Build the graph of PATHS (files or folders) into --out.

    With no PATHS, builds data/declaration.txt. Documents already in the store
    with the same content are left as they are.

    \b
    Example:
        corecities-graph build data/declaration.txt --out output
    """
    from .build import BuildSettings, build

    targets = list(paths) or [Path("data/declaration.txt")]
    build_settings = BuildSettings(
        out=out, base_iri=base_iri, include_contacts=include_contacts, reference_dir=reference
    )
    result = build(targets, build_settings)
    if not settings.quiet:
        built = len(result.built)
        click.echo(
            f"Built {built} document{'s' if built != 1 else ''}"
            + (f", {len(result.unchanged)} unchanged" if result.unchanged else "")
            + f"; the store holds {result.documents} document{'s' if result.documents != 1 else ''}"
            f" and {result.triples} triples.",
            err=True,
        )
        for path in result.files:
            click.echo(f"  {path}", err=True)
    for label, message in result.failed:
        click.echo(f"Error: {message}" if label in message else f"Error: {label}: {message}", err=True)
    if result.failed:
        sys.exit(1)


@cli.command("query")
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
) -> None:
    """Run a named query, a .rq file, '-' (SPARQL from stdin) or -e SPARQL over the graph in --out.

    The store is opened read-only unless --allow-update is given.

    \b
    Example:
        corecities-graph query signatories --format csv
        corecities-graph query universities_in_city --param city=Leeds
        corecities-graph query -e 'ASK { ?p a schema:Person }'
        echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | corecities-graph query -
    """
    from .errors import QueryError
    from .query import Watchdog, bind_params, load_query, named_queries, parse_named, run_query, write_result
    from .store import GraphStore

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
    store = GraphStore.open(out, read_only=not allow_update)
    named = named_queries().get(label) or parse_named(label, text)
    substitutions = bind_params(store, named, given) if (given or named.params) else None

    def expire() -> None:
        click.echo(f"Error: {label}: the query ran longer than {timeout:g} seconds (see --timeout)", err=True)
        sys.stderr.flush()
        os._exit(1)

    sys.stdout.flush()
    sink = sys.stdout.buffer
    with Watchdog(timeout, expire):
        result = run_query(
            store,
            label,
            text,
            allow_update=allow_update,
            allow_service=allow_service,
            substitutions=substitutions,
        )
        write_result(result, fmt, sink, limit=limit)
    sink.flush()


@cli.command("queries")
def queries_cli() -> None:
    """List the named queries, the question each answers and the parameters it takes.

    \b
    Example:
        corecities-graph queries
    """
    from .query import named_queries

    queries = named_queries()
    width = max(len(n) for n in queries)
    for name, named in queries.items():
        click.echo(f"{name.ljust(width)}  {named.question}")
        for param in named.params:
            click.echo(f"{''.ljust(width)}    --param {param.name}=...  ({param.kind}) {param.about}")


@cli.command("evaluate")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@reports_errors
def evaluate_cli(folder: Path, fmt: str) -> None:
    """Score extraction against NAME.gold.json files beside NAME.txt in FOLDER.

    \b
    Example:
        corecities-graph evaluate tests/fixtures
    """
    from .evaluate import evaluate, render

    evaluation = evaluate(folder)
    if fmt == "json":
        click.echo(json.dumps(evaluation.as_dict(), indent=2))
    else:
        click.echo(render(evaluation), nl=False)


# Asking the graph: network analysis and explanations.


@cli.command("analyse")
@out_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
@click.option(
    "--write-back",
    is_flag=True,
    help="Store the metrics as RDF in the named graph {base}graph/analysis, replacing the previous ones.",
)
@click.pass_obj
@reports_errors
def analyse_cli(settings: Settings, out: Path, fmt: str, write_back: bool) -> None:
    """Centralities, communities, city ties and components of the entity graph in --out.

    Nodes are cities, organisations, people, declarations and proposals; edges are the
    relations between them (a post is an edge from a person to where the post is).

    \b
    Example:
        corecities-graph analyse --out output
        corecities-graph analyse --format csv > metrics.csv
        corecities-graph analyse --write-back
    """
    from .analyse import analyse, render_csv, render_table
    from .analyse import write_back as store_metrics
    from .store import GraphStore

    store = GraphStore.open(out, read_only=not write_back)
    analysis = analyse(store)
    if fmt == "json":
        click.echo(json.dumps(analysis.as_dict(), indent=2, sort_keys=True))
    elif fmt == "csv":
        click.echo(render_csv(analysis), nl=False)
    else:
        click.echo(render_table(analysis), nl=False)
    if write_back:
        graph = store_metrics(store, analysis)
        if not settings.quiet:
            click.echo(f"Stored the metrics of {len(analysis.nodes)} entities in <{graph}>.", err=True)


@cli.command("explain")
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
    from .explain import explain, render
    from .store import GraphStore

    store = GraphStore.open(out, read_only=True)
    click.echo(render(explain(store, first, second, max_paths=max_paths)), nl=False)


def main() -> None:
    cli(prog_name="corecities-graph")
