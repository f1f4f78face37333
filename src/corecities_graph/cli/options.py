"""Option blocks several commands share, each defined once (--out, --base-iri, the input and store options, ...)."""

from __future__ import annotations

import errno
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import CorecitiesError
from ..graph.vocab import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    pass


F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Settings:
    """Options shared by every command."""

    quiet: bool = False


def _set_quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.obj = replace(ctx.obj or Settings(), quiet=True)
        ctx.find_root().obj = ctx.obj


def quiet_option(func: F) -> F:
    """--quiet/-q after the command, as `corecities-graph -q COMMAND` before it."""
    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        expose_value=False,
        callback=_set_quiet,
        help="No progress or summary on stderr (the same as `corecities-graph -q`).",
    )(func)


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


def base_iri_option(func: F) -> F:
    """--base-iri IRI: the base of every minted IRI."""
    return click.option(
        "--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of every minted IRI."
    )(func)


def table_format_option(func: F) -> F:
    """--format table|json, for commands that print a summary."""
    return click.option(
        "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
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
            help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY (single document only).",
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
            cause = exc.__cause__
            if isinstance(cause, OSError) and cause.errno == errno.EPIPE:
                raise cause from None  # a closed stdout is no failure: the command group ends quietly
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


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
