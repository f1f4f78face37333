"""The command line: parse arguments, call one library function, format the result."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
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


def store_option(func: F) -> F:
    """--store URL: a remote SPARQL 1.1 Protocol + Graph Store Protocol server instead of --out/store."""
    return click.option(
        "--store",
        "store",
        metavar="URL",
        default=None,
        help="Remote SPARQL server (Graph Store Protocol) to use instead of the embedded store; "
        "credentials from CORECITIES_STORE_TOKEN, CORECITIES_STORE_USER/PASSWORD or ~/.netrc.",
    )(func)


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
    "--no-outputs",
    is_flag=True,
    help="Only update the store; write graph.ttl, graph.trig, report and view later with `publish`.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Worker processes reading and extracting documents.",
)
@store_option
@click.pass_obj
@reports_errors
def build_cli(
    settings: Settings,
    paths: tuple[Path, ...],
    out: Path,
    base_iri: str,
    include_contacts: bool,
    reference: Path | None,
    no_outputs: bool,
    jobs: int,
    store: str | None,
) -> None:
    """Build the graph of PATHS (files or folders) into --out.

    With no PATHS, builds data/declaration.txt. Each document is added to the
    store, or replaces its earlier version, in one transaction; documents already
    in the store with the same content are left as they are. The first build into
    a folder bulk-loads a new store and moves it into place when done. Ctrl-C
    (exit 130) or SIGTERM (143) keeps the previous output files, and every graph in
    the store is either as it was or complete; run the build again to finish.

    \b
    Example:
        corecities-graph build data/declaration.txt --out output
        corecities-graph build corpus/ --no-outputs && corecities-graph publish
    """
    from .build import BuildSettings, build

    targets = list(paths) or [Path("data/declaration.txt")]
    build_settings = BuildSettings(
        out=out,
        base_iri=base_iri,
        include_contacts=include_contacts,
        reference_dir=reference,
        outputs=not no_outputs and not store,
        jobs=jobs,
    )
    remote = None
    if store:
        from .remote import RemoteStore

        remote = RemoteStore(store)
    line = ProgressLine(enabled=not settings.quiet)
    with interruptible("build", line):
        result = build(targets, build_settings, progress=line.document, store=remote)
    line.close()
    if not settings.quiet:
        built = len(result.built)
        summary = f"Built {built} document{'s' if built != 1 else ''}" + (
            f", {len(result.unchanged)} unchanged" if result.unchanged else ""
        )
        if result.files:
            summary += (
                f"; the store holds {result.documents} document{'s' if result.documents != 1 else ''}"
                f" and {result.triples} triples."
            )
        else:
            summary += f" into {store or out / 'store'}" + (
                "." if store else "; run `corecities-graph publish` to write the outputs."
            )
        click.echo(summary, err=True)
        for path in result.files:
            click.echo(f"  {path}", err=True)
    for label, message in result.failed:
        click.echo(f"Error: {message}" if label in message else f"Error: {label}: {message}", err=True)
    if result.failed:
        sys.exit(1)


class ProgressLine:
    """One updating stderr line: documents done, rate and time left; only on a terminal."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False
        self._last = 0.0

    def document(self, progress: Any) -> None:
        self.show(progress.done, progress.total, progress.elapsed, "documents")

    def show(self, done: int, total: int, elapsed: float, what: str) -> None:
        if not self.enabled or (done < total and elapsed - self._last < 0.2):
            return
        self._last = elapsed
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        minutes, seconds = divmod(int(left), 60)
        click.echo(
            f"\r{done}/{total} {what}, {rate:.1f}/s, {minutes}:{seconds:02d} left\x1b[K", nl=False, err=True
        )
        self.shown = True

    def close(self) -> None:
        if self.shown:
            click.echo("", err=True)
            self.shown = False


@contextlib.contextmanager
def interruptible(what: str, line: ProgressLine | None = None) -> Iterator[None]:
    """Turn Ctrl-C (130) and SIGTERM (143) into one message and a clean exit."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except (KeyboardInterrupt, _Terminated) as exc:
        if line is not None:
            line.close()
        click.echo(
            f"Error: {what} interrupted; the previous output files are unchanged and every graph "
            "in the store is either as it was or complete. Run it again to finish.",
            err=True,
        )
        sys.exit(143 if isinstance(exc, _Terminated) else 130)
    except BaseException:
        if line is not None:
            line.close()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Terminated(Exception):
    """SIGTERM arrived."""


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
@store_option
@reports_errors
def query_cli(
    query: str, out: Path, fmt: str, allow_update: bool, allow_service: bool, store: str | None
) -> None:
    """Run a named query, a .rq file, or '-' (SPARQL from stdin) over the graph in --out.

    \b
    Example:
        corecities-graph query signatories --format csv
        echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | corecities-graph query -
    """
    from .query import format_result, load_query, run_query
    from .remote import open_store

    stdin_text = sys.stdin.read() if query == "-" else None
    label, text = load_query(query, stdin_text)
    graph_store = open_store(out, store, read_only=not allow_update)
    result = run_query(graph_store, label, text, allow_update=allow_update, allow_service=allow_service)
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


@cli.command("status")
@out_option
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@reports_errors
def status_cli(out: Path, store: str | None, fmt: str) -> None:
    """List the documents in the store, the total triples and the last build.

    \b
    Example:
        corecities-graph status --out output
    """
    from .manage import status

    report = status(out, store)
    click.echo(json.dumps(report.as_dict(), indent=2) if fmt == "json" else report.render(), nl=fmt == "json")


@cli.command("remove")
@click.argument("document")
@out_option
@store_option
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of every minted IRI.")
@click.pass_obj
@reports_errors
def remove_cli(settings: Settings, document: str, out: Path, store: str | None, base_iri: str) -> None:
    """Remove DOCUMENT (its id, IRI or source path) and the links only it needed.

    Outputs are not rewritten: run `publish` afterwards for new ones.

    \b
    Example:
        corecities-graph remove declaration --out output
    """
    from .manage import remove

    doc_id = remove(out, store, document, base_iri)
    if not settings.quiet:
        where = f" from {store}." if store else "; run `corecities-graph publish` to rewrite the outputs."
        click.echo(f"Removed {doc_id}{where}", err=True)


@cli.command("publish")
@out_option
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of every minted IRI.")
@click.pass_obj
@reports_errors
def publish_cli(settings: Settings, out: Path, base_iri: str) -> None:
    """Write graph.ttl, graph.trig, the report and the view from the store in --out.

    \b
    Example:
        corecities-graph build corpus/ --no-outputs
        corecities-graph publish --out output
    """
    from .build import BuildSettings, publish

    with interruptible("publish"):
        result = publish(BuildSettings(out=out, base_iri=base_iri))
    if not settings.quiet:
        plural = "s" if result.documents != 1 else ""
        click.echo(f"Published {result.documents} document{plural} and {result.triples} triples:", err=True)
        for path in result.files:
            click.echo(f"  {path}", err=True)


@cli.command("push")
@click.option(
    "--endpoint", required=True, metavar="URL", help="SPARQL server with a Graph Store Protocol endpoint."
)
@out_option
@click.pass_obj
@reports_errors
def push_cli(settings: Settings, endpoint: str, out: Path) -> None:
    """Upload every named graph of the store in --out to a SPARQL server, one PUT per graph.

    Each graph on the server is replaced whole, so an interrupted push leaves every graph
    either as it was or complete; run it again to finish.

    \b
    Example:
        corecities-graph push --endpoint http://127.0.0.1:7878 --out output
    """
    import time

    from .remote import RemoteStore, push

    line = ProgressLine(enabled=not settings.quiet)
    started = time.monotonic()
    with interruptible("push", line):
        count = push(
            out,
            RemoteStore(endpoint),
            progress=lambda done, total, _g: line.show(done, total, time.monotonic() - started, "graphs"),
        )
    line.close()
    if not settings.quiet:
        click.echo(f"Pushed {count} graphs to {endpoint}.", err=True)


def main() -> None:
    cli(prog_name="corecities-graph")
