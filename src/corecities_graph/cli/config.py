"""Project settings from `corecities.toml`: option defaults for every command.

A top-level key applies to every command that has an option of that name; a table
`[build]`, `[query]`, ... applies to one command. Keys are option names, with `-` or `_`:

    out = "corpus-out"
    base-iri = "https://data.example.gov.uk/id/"

    [query]
    format = "csv"

Options given on the command line win over the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import CorecitiesError

CONFIG_NAME = "corecities.toml"


class ConfigError(CorecitiesError):
    """The settings file cannot be read or names an option that does not exist."""


def find_config(explicit: Path | None, folder: Path | None = None) -> Path | None:
    """The settings file to use: the one given, else `corecities.toml` in the folder, else none."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: settings file not found")
        return explicit
    candidate = (folder or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_defaults(path: Path, options: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, Any]]:
    """Option defaults per command, checked against `options` (command -> option name -> parameter)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from exc
    defaults: dict[str, dict[str, Any]] = {name: {} for name in options}
    shared = {key: value for key, value in data.items() if not isinstance(value, dict)}
    for key, value in shared.items():
        name = _option_name(key)
        takers = [command for command, names in options.items() if name in names]
        if not takers:
            raise ConfigError(f"{path}: no command has an option '{key}'")
        for command in takers:
            defaults[command][options[command][name]] = value
    for command, table in data.items():
        if not isinstance(table, dict):
            continue
        if command not in options:
            raise ConfigError(f"{path}: [{command}] is not a command")
        for key, value in table.items():
            name = _option_name(key)
            if name not in options[command]:
                raise ConfigError(f"{path}: [{command}] has no option '{key}'")
            defaults[command][options[command][name]] = value
    return {command: values for command, values in defaults.items() if values}


def _option_name(key: str) -> str:
    return key.strip().lstrip("-").replace("-", "_")
