"""The `corecities-graph` group: global options, the settings file, and the list of commands."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._version import __version__

if TYPE_CHECKING:
    pass


from .build import build_cli, publish_cli
from .corpus import push_cli, remove_cli, status_cli
from .network import analyse_cli, explain_cli
from .options import Settings
from .query import queries_cli, query_cli
from .read import evaluate_cli, read_cli
from .serve import serve_cli
from .store import export_cli, validate_cli


class _Group(click.Group):
    """The command group, ending quietly with exit 0 when the reader of stdout goes away."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except OSError as exc:
            if not closed_pipe(exc):
                raise
            # `corecities-graph export | head` as `cat | head`: the reader has all it wanted. What
            # is still buffered for stdout goes nowhere, so the exit flush cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            raise click.exceptions.Exit(0) from None


def closed_pipe(exc: BaseException) -> bool:
    """Whether this is a write to a pipe whose reader has gone (EPIPE), however it was wrapped."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            return True
        exc = exc.__cause__  # type: ignore[assignment]
    return False


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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


for _command in (
    build_cli, publish_cli, status_cli, remove_cli, push_cli, query_cli, queries_cli, analyse_cli,
    explain_cli, validate_cli, export_cli, serve_cli, read_cli, evaluate_cli,
):  # fmt: skip
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="corecities-graph")
