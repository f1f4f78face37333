"""The command line: parse arguments, call one library function, format the result."""

from __future__ import annotations

import functools
import json
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
@click.option(
    "--licence",
    default="https://creativecommons.org/licenses/by/4.0/",
    show_default=True,
    help="IRI of the licence the dataset description (void.ttl) states.",
)
@click.option(
    "--no-validate",
    is_flag=True,
    help="Skip the SHACL check of the graphs this build writes (faster for very large first builds).",
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
    licence: str,
    no_validate: bool,
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
        out=out,
        base_iri=base_iri,
        include_contacts=include_contacts,
        reference_dir=reference,
        licence=licence,
        validate=not no_validate,
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
@click.argument("query")
@out_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    default="table",
    show_default=True,
)
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, LOAD, ...).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE calls to other endpoints.")
@reports_errors
def query_cli(query: str, out: Path, fmt: str, allow_update: bool, allow_service: bool) -> None:
    """Run a named query, a .rq file, or '-' (SPARQL from stdin) over the graph in --out.

    \b
    Example:
        corecities-graph query signatories --format csv
        echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | corecities-graph query -
    """
    from .query import format_result, load_query, run_query
    from .store import GraphStore

    stdin_text = sys.stdin.read() if query == "-" else None
    label, text = load_query(query, stdin_text)
    store = GraphStore.open(out, read_only=not allow_update)
    result = run_query(store, label, text, allow_update=allow_update, allow_service=allow_service)
    click.echo(format_result(result, fmt), nl=False)


@cli.command("queries")
def queries_cli() -> None:
    """List the named queries and the question each answers.

    \b
    Example:
        corecities-graph queries
    """
    from .query import named_queries

    queries = named_queries()
    width = max(len(n) for n in queries)
    for name, named in queries.items():
        click.echo(f"{name.ljust(width)}  {named.question}")


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


# --- publishing: validate, export ------------------------------------------------------------


@cli.command("validate")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@reports_errors
def validate_cli(file: Path | None, out: Path) -> None:
    """Check the graph in --out (or FILE) against the SHACL shapes in ontology/shapes.ttl.

    FILE is a Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD file to check
    instead of the store. Exit code 0 when it conforms, 3 when it does not.

    \b
    Example:
        corecities-graph validate --out output
        corecities-graph validate output/graph.trig
    """
    from .store import GraphStore
    from .validate import format_report, validate_file, validate_store

    if file is not None:
        report, source = validate_file(file), str(file)
    else:
        report, source = validate_store(GraphStore.open(out, read_only=True)), str(out)
    click.echo(format_report(report, source), nl=False)
    if not report.conforms:
        sys.exit(3)


@cli.command("export")
@out_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "nt", "nq", "trig", "rdfxml", "graphml", "csv"]),
    default=None,
    help="Output format (default: from -o's extension, else ttl).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@reports_errors
def export_cli(out: Path, fmt: str | None, output: Path | None) -> None:
    """Write the graph in --out in one format, to stdout or to a file.

    ttl, nt and rdfxml hold the union of all documents' graphs; trig, nq and
    jsonld keep one named graph per document. graphml is for Gephi (literals
    become node attributes). csv is for spreadsheets: with -o NAME.csv it writes
    NAME-nodes.csv and NAME-edges.csv; on stdout it prints the edges table.

    \b
    Example:
        corecities-graph export --format jsonld -o output/graph.jsonld
        corecities-graph export --format csv -o output/graph.csv
    """
    from .export import SUFFIXES, export_bytes, export_files
    from .store import GraphStore

    chosen = fmt or (SUFFIXES.get(output.suffix.lower(), "ttl") if output else "ttl")
    quads = GraphStore.open(out, read_only=True).quads()
    if output is None:
        click.echo(export_bytes(quads, chosen), nl=False)
        return
    for path in export_files(quads, chosen, output):
        if not click.get_current_context().find_root().obj.quiet:
            click.echo(f"  {path}", err=True)


def main() -> None:
    cli(prog_name="corecities-graph")
