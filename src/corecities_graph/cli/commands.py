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
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .._version import __version__
from ..errors import CorecitiesError
from ..graph.vocab import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    from ..store.remote import Endpoints

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


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..sources.read import check_date

    try:
        return check_date(value) if value else None
    except CorecitiesError as exc:
        raise click.BadParameter(str(exc)) from None


def input_options(func: F) -> F:
    """How sources are read: the size limit, and metadata given by hand for a single document."""
    from ..sources.read import DEFAULT_MAX_BYTES

    options = [
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            help="Refuse any input file larger than this many bytes.",
        ),
        click.option(
            "--doc-id",
            default=None,
            help="Id of the document (single document or stdin; default: file name, or 'stdin').",
        ),
        click.option("--title", default=None, help="Title of the document (single document only)."),
        click.option("--publisher", default=None, help="Publisher of the document (single document only)."),
        click.option(
            "--date",
            default=None,
            callback=_iso_date,
            help="Publication date, YYYY-MM-DD (single document only).",
        ),
        click.option("--url", default=None, help="Source URL of the document (single document only)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def licence_option(func: F) -> F:
    """--licence IRI: the licence void.ttl states for the dataset (CC BY 4.0 unless given)."""
    from ..store.dataset import DEFAULT_LICENCE

    return click.option(
        "--licence",
        default=DEFAULT_LICENCE,
        show_default=True,
        help="IRI of the licence the dataset description (void.ttl) states.",
    )(func)


def outputs_option(func: F) -> F:
    """--outputs/--no-outputs: whether a build rewrites the whole-corpus outputs."""
    from ..corpus.limits import AUTO_OUTPUTS_MAX

    return click.option(
        "--outputs/--no-outputs",
        default=None,
        help="Rewrite graph.ttl, graph.trig, void.ttl, the reports and the view after the build, or only "
        f"update the store (default: rewrite them while the store holds at most {AUTO_OUTPUTS_MAX} documents).",
    )(func)


def view_max_nodes_option(func: F) -> F:
    """--view-max-nodes N: the view shows the N most connected resources (0: all of them)."""
    from ..corpus.limits import VIEW_MAX_NODES

    return click.option(
        "--view-max-nodes",
        type=click.IntRange(min=0),
        default=VIEW_MAX_NODES,
        help=f"Most resources view.html shows, the most connected first (default {VIEW_MAX_NODES}); 0 shows all.",
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
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Settings file giving option defaults (default: ./corecities.toml when present).",
)
@click.pass_context
def cli(ctx: click.Context, quiet: bool, config: Path | None) -> None:
    """Turn press releases about cities and universities into an RDF knowledge graph.

    \b
    Example:
        corecities-graph build data/declaration.txt --out output
        corecities-graph query people --out output
    """
    ctx.obj = Settings(quiet=quiet)
    ctx.default_map = _config_defaults(ctx, config)


def _option_names(command: click.Command) -> dict[str, str]:
    """Every name a settings file may use for an option (`format` or `fmt`) -> its parameter name."""
    names: dict[str, str] = {}
    for param in command.params:
        if isinstance(param, click.Option) and param.name:
            names[param.name] = param.name
            for flag in param.opts:
                if flag.startswith("--"):
                    names[flag[2:].replace("-", "_")] = param.name
    return names


def _config_defaults(ctx: click.Context, explicit: Path | None) -> dict[str, dict[str, Any]] | None:
    """Option defaults from the settings file, so that every command can be configured the same way."""
    from .config import ConfigError, find_config, load_defaults

    try:
        path = find_config(explicit)
        if path is None:
            return None
        group = ctx.command
        assert isinstance(group, click.Group)
        options = {name: _option_names(command) for name, command in group.commands.items()}
        return load_defaults(path, options)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


STORE_LAYOUTS = ("oxigraph", "fuseki", "graphdb", "virtuoso", "neptune")

_ENDPOINTS = {"query": "SPARQL query", "update": "SPARQL update", "data": "Graph Store Protocol"}


def store_options(
    base: tuple[str, ...] = ("--store",),
    roles: tuple[str, ...] = ("query", "update", "data"),
    what: str = "Remote SPARQL server to use instead of the embedded store",
) -> Callable[[F], F]:
    """--store URL, --store-layout and one --store-ROLE URL per endpoint: a remote SPARQL server.

    The command receives them as one `store` argument: the server's endpoints, or None for the
    embedded store in --out.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, store_layout: str, **kwargs: Any) -> Any:
            urls = {role: kwargs.pop(f"store_{role}") for role in roles}
            if kwargs["store"] or any(urls.values()):
                from ..store.remote import endpoints

                try:
                    kwargs["store"] = endpoints(kwargs["store"], store_layout, **urls)
                except CorecitiesError as exc:
                    raise click.ClickException(str(exc)) from exc
            return func(*args, **kwargs)

        options = [
            click.option(
                *base,
                "store",
                metavar="URL",
                default=None,
                help=f"{what}: the base URL its endpoints are found under by --store-layout. "
                "Credentials from CORECITIES_STORE_TOKEN, "
                "CORECITIES_STORE_USER/PASSWORD or ~/.netrc.",
            ),
            click.option(
                "--store-layout",
                type=click.Choice(STORE_LAYOUTS),
                default="oxigraph",
                show_default=True,
                help=f"The kind of server at {base[0]}, which says where its endpoints are.",
            ),
            *(
                click.option(
                    f"--store-{role}",
                    f"store_{role}",
                    metavar="URL",
                    default=None,
                    help=f"URL of the server's {_ENDPOINTS[role]} endpoint "
                    f"(default: from {base[0]} and --store-layout).",
                )
                for role in roles
            ),
        ]
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper  # type: ignore[return-value]

    return decorate


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
) -> None:
    """Build the graph of PATHS (files, folders, or - for stdin) into --out.

    With no PATHS, builds data/declaration.txt. Folders are read recursively:
    .txt, .md, .html, .htm and .pdf files; hidden files are passed over, and
    files of other kinds are listed as skipped. Each document is added to the
    store, or replaces its earlier version, in one transaction; documents already
    in the store with the same content are left as they are. The first build into
    a folder bulk-loads a new store and moves it into place when done. Ctrl-C
    (exit 130) or SIGTERM (143) keeps the previous output files, and every graph in
    the store is either as it was or complete; run the build again to finish.

    Metadata comes from --title, --publisher, --date and --url (for a single
    document only), else a NAME.meta.json sidecar beside the file, else the
    document itself (HTML meta tags, PDF document info, a leading URL line).

    \b
    Example:
        corecities-graph build data/declaration.txt --out output
        corecities-graph build releases/ --out output
        cat page.html | corecities-graph build - --doc-id leeds-civic
        corecities-graph build corpus/ --no-outputs && corecities-graph publish
        corecities-graph build corpus/ --store http://127.0.0.1:3030/corecities --store-layout fuseki
    """
    from ..corpus.build import AUTO_OUTPUTS_MAX, BuildSettings, build
    from ..document import Metadata
    from ..sources.read import read_single

    targets = list(paths) or [Path("data/declaration.txt")]
    build_settings = BuildSettings(
        out=out,
        base_iri=base_iri,
        include_contacts=include_contacts,
        reference_dir=reference,
        max_bytes=max_bytes,
        licence=licence,
        validate=not no_validate,
        outputs=False if store else outputs,
        view_max_nodes=view_max_nodes or None,
        jobs=jobs,
    )
    given = Metadata(title=title, publisher=publisher, date=date, url=url)
    documents = []
    if given or doc_id:
        documents = [read_single(targets, max_bytes=max_bytes, metadata=given, doc_id=doc_id)]
        targets = []
    remote = None
    if store:
        from ..store.remote import RemoteStore

        remote = RemoteStore(store)
    line = ProgressLine(enabled=not settings.quiet)
    with interruptible("build", line):
        result = build(
            targets, build_settings, documents=documents, progress=line.document, store=remote, step=line.step
        )
    line.close()
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
        named = label in message or label == "-"
        click.echo(f"Error: {message}" if named else f"Error: {label}: {message}", err=True)
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

    def step(self, name: str) -> None:
        """Say which whole-corpus output is being written: at 10,000 documents each takes minutes."""
        if self.enabled:
            click.echo(f"\rWriting {name}…\x1b[K", nl=False, err=True)
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
    from ..sparql.query import (
        Watchdog,
        bind_params,
        load_query,
        named_queries,
        parse_named,
        run_query,
        write_result,
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
    named = named_queries().get(label) or parse_named(label, text)
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


@cli.command("queries")
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
    from ..corpus.evaluate import evaluate, render

    evaluation = evaluate(folder)
    if fmt == "json":
        click.echo(json.dumps(evaluation.as_dict(), indent=2))
    else:
        click.echo(render(evaluation), nl=False)


@cli.command("status")
@out_option
@store_options()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
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


@cli.command("remove")
@click.argument("document")
@out_option
@store_options()
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of every minted IRI.")
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


@cli.command("publish")
@out_option
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of every minted IRI.")
@licence_option
@view_max_nodes_option
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

    line = ProgressLine(enabled=not settings.quiet)
    with interruptible("publish", line):
        result = publish(
            BuildSettings(out=out, base_iri=base_iri, licence=licence, view_max_nodes=view_max_nodes or None),
            step=line.step,
        )
    line.close()
    if not settings.quiet:
        plural = "s" if result.documents != 1 else ""
        click.echo(f"Published {result.documents} document{plural} and {result.triples} triples:", err=True)
        for path in result.files:
            click.echo(f"  {path}", err=True)


@cli.command("push")
@store_options(base=("--endpoint", "--store"), roles=("data",), what="SPARQL server to upload to")
@out_option
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
    import time

    from ..store.remote import RemoteStore, push

    if store is None:
        raise click.UsageError("give the server: --endpoint URL, or --store-data URL")
    line = ProgressLine(enabled=not settings.quiet)
    started = time.monotonic()
    with interruptible("push", line):
        count = push(
            out,
            RemoteStore(store),
            progress=lambda done, total, _g: line.show(done, total, time.monotonic() - started, "graphs"),
        )
    line.close()
    if not settings.quiet:
        click.echo(f"Pushed {count} graphs to {store.location}.", err=True)


@cli.command("serve")
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
    header or ?format=); / is the network view. Ctrl-C stops the server.

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


@cli.command("read")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@input_options
@reports_errors
def read_cli(
    path: Path,
    fmt: str,
    max_bytes: int,
    doc_id: str | None,
    title: str | None,
    publisher: str | None,
    date: str | None,
    url: str | None,
) -> None:
    """Print the plain text that build reads from PATH (a file, or - for stdin).

    Character offsets in the graph count into this text, and its SHA-256 is the
    document's content hash. --format json adds the id and metadata.

    \b
    Example:
        corecities-graph read page.html
        corecities-graph read release.pdf --format json
    """
    from ..document import Metadata
    from ..sources.read import read_single

    given = Metadata(title=title, publisher=publisher, date=date, url=url)
    document = read_single([path], max_bytes=max_bytes, metadata=given, doc_id=doc_id)
    for message in document.warnings:
        click.echo(f"Warning: {message}", err=True)
    if fmt == "json":
        fields = ("doc_id", "path", "title", "publisher", "date", "url", "sha256", "text")
        click.echo(
            json.dumps({name: getattr(document, name) for name in fields}, indent=2, ensure_ascii=False)
        )
    else:
        click.echo(document.text, nl=False)


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
    from ..network.explain import explain, render
    from ..store.embedded import GraphStore

    store = GraphStore.open(out, read_only=True)
    click.echo(render(explain(store, first, second, max_paths=max_paths)), nl=False)


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
    from ..store.embedded import GraphStore
    from ..store.validate import format_report, validate_file, validate_store

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
    from ..store.embedded import GraphStore
    from ..store.export import SUFFIXES, export_files, export_stream

    chosen = fmt or (SUFFIXES.get(output.suffix.lower(), "ttl") if output else "ttl")
    store = GraphStore.open(out, read_only=True)
    if output is None:
        sys.stdout.flush()
        export_stream(store, chosen, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    for path in export_files(store, chosen, output):
        if not click.get_current_context().find_root().obj.quiet:
            click.echo(f"  {path}", err=True)


def main() -> None:
    cli(prog_name="corecities-graph")
