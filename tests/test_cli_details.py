"""The command line's small promises: a closed pipe is no error, cut tables say so, output ends a line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "corecities_graph"]


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["export", "--format", "nt"],
        ["export", "--format", "jsonld"],
        ["export", "--format", "graphml"],
        ["export", "--format", "csv"],
        ["export", "--format", "graphml", "--entities"],
        ["query", "-e", "SELECT * WHERE { ?s ?p ?o }", "--format", "csv"],
        ["query", "-e", "SELECT * WHERE { ?s ?p ?o }", "--limit", "0"],
        ["analyse", "--top", "0"],
        ["status"],
    ],
    ids=lambda args: " ".join(args[:3]),
)
def test_a_closed_pipe_ends_quietly_with_exit_0(seed_out: Path, args: list[str]) -> None:
    """`corecities-graph export | head -1` behaves as `cat | head -1`: one line, no error, exit 0."""
    shell = " ".join([*(f"'{a}'" for a in COMMAND), *(f"'{a}'" for a in args), "--out", f"'{seed_out}'"])
    result = subprocess.run(
        ["bash", "-c", f"{shell} 2>err.txt | head -1; echo ${{PIPESTATUS[0]}} > rc.txt"],
        capture_output=True,
        text=True,
        cwd=seed_out.parent,
        timeout=120,
    )
    err = (seed_out.parent / "err.txt").read_text()
    assert (seed_out.parent / "rc.txt").read_text().strip() == "0", err
    assert err == ""
    assert len(result.stdout.splitlines()) == 1


def test_the_closed_pipe_is_real(seed_out: Path) -> None:
    """The export really outlives its reader: far more than a pipe's buffer is written."""
    result = subprocess.run([*COMMAND, "export", "--out", str(seed_out)], capture_output=True, timeout=120)
    assert len(result.stdout) > 4 * 65536


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("query", ["SELECT ?s WHERE { ?s a schema:City } LIMIT 2", "ASK { ?s ?p ?o }"])
def test_json_and_xml_results_end_with_a_newline(seed_out: Path, fmt: str, query: str) -> None:
    result = CliRunner().invoke(cli, ["query", "-e", query, "--format", fmt, "--out", str(seed_out)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("\n") and not result.output.endswith("\n\n")


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--format", "json"],
        ["analyse", "--format", "json"],
        ["read", str(ROOT / "data" / "declaration.txt"), "--format", "json"],
    ],
)
def test_other_json_output_ends_with_a_newline(seed_out: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--out", str(seed_out)] if args[0] != "read" else args)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("}\n")


def test_analyse_says_how_many_rows_its_tables_leave_out(seed_out: Path) -> None:
    result = CliRunner().invoke(cli, ["analyse", "--out", str(seed_out)])
    assert result.exit_code == 0
    assert (
        "(15 of 55 rows) … and 40 more ties: `corecities-graph analyse --top 0` shows them all, "
        "--format json lists every one." in result.output
    )
    assert "(15 rows)" not in result.output
    full = CliRunner().invoke(cli, ["analyse", "--out", str(seed_out), "--top", "0"])
    assert "(55 rows)" in full.output and "more ties" not in full.output


def test_evaluate_speaks_of_one_document() -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(ROOT / "tests" / "fixtures")])
    assert result.output.startswith("1 document\n")


def test_status_json_gives_each_documents_source_path(tmp_path: Path, seed_copy: Path) -> None:
    second = tmp_path / "more" / "second.txt"
    second.parent.mkdir()
    shutil.copy(ROOT / "data" / "declaration.txt", second)
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(cli, ["-q", "build", str(seed_copy), "--out", str(out)]).exit_code == 0
    assert runner.invoke(cli, ["-q", "build", str(second), "--out", str(out)]).exit_code == 0
    report = json.loads(runner.invoke(cli, ["status", "--out", str(out), "--format", "json"]).output)
    sources = {d["id"]: d["source"] for d in report["documents"]}
    assert sources == {"declaration": str(seed_copy), "second": str(second)}
    assert runner.invoke(cli, ["-q", "remove", "second", "--out", str(out)]).exit_code == 0
    report = json.loads(runner.invoke(cli, ["status", "--out", str(out), "--format", "json"]).output)
    assert [d["source"] for d in report["documents"]] == [str(seed_copy)]


def test_build_help_names_every_extension_and_date_form_the_readme_does() -> None:
    from corecities_graph.sources.read import SOURCE_SUFFIXES

    text = " ".join(CliRunner().invoke(cli, ["build", "--help"]).output.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for suffix in SOURCE_SUFFIXES:
        assert suffix in text and f"`{suffix}`" in readme
    assert "YYYY-MM-DD, YYYY-MM or YYYY" in text
    assert "YYYY-MM-DD, YYYY-MM or YYYY" in readme
