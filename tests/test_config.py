"""corecities.toml sets option defaults for every command; the command line still wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from corecities_graph.cli import cli

SEED = str(ROOT / "data" / "declaration.txt")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    return tmp_path


def test_shared_and_per_command_settings_apply(in_tmp: Path) -> None:
    (in_tmp / "corecities.toml").write_text(
        'out = "corpus"\nbase-iri = "https://data.example.gov.uk/id/"\n\n[query]\nformat = "csv"\n'
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["--quiet", "build", SEED]).exit_code == 0
    assert (in_tmp / "corpus" / "graph.ttl").is_file()
    result = runner.invoke(cli, ["query", "cities"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "city,name,nation,wikidata"
    assert "https://data.example.gov.uk/id/city/leeds," in result.output


def test_command_line_wins_over_the_file(in_tmp: Path) -> None:
    (in_tmp / "corecities.toml").write_text('[query]\nformat = "csv"\n')
    runner = CliRunner()
    assert runner.invoke(cli, ["--quiet", "build", SEED, "--out", "output"]).exit_code == 0
    result = runner.invoke(cli, ["query", "cities", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.output.lstrip().startswith("{")


def test_explicit_settings_file(in_tmp: Path) -> None:
    settings = in_tmp / "settings" / "publish.toml"
    settings.parent.mkdir()
    settings.write_text('[build]\nout = "published"\n')
    result = CliRunner().invoke(cli, ["--quiet", "--config", str(settings), "build", SEED])
    assert result.exit_code == 0, result.output
    assert (in_tmp / "published" / "graph.ttl").is_file()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("bogus = 1\n", "no command has an option 'bogus'"),
        ("[nope]\nx = 1\n", "[nope] is not a command"),
        ("[query]\ncolour = 'red'\n", "[query] has no option 'colour'"),
        ("out = \n", "cannot read settings"),
    ],
)
def test_bad_settings_get_one_error_line(in_tmp: Path, text: str, problem: str) -> None:
    (in_tmp / "corecities.toml").write_text(text)
    result = CliRunner().invoke(cli, ["queries"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ") and "corecities.toml" in lines[0] and problem in lines[0]


def test_missing_explicit_settings_file(in_tmp: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", "absent.toml", "queries"])
    assert result.exit_code == 1
    assert "absent.toml: settings file not found" in result.output
