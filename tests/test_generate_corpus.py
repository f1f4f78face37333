"""The synthetic corpus generator used by the benchmarks: deterministic, varied, and read for real.

The benchmarks time the named queries on a generated store, so the generated releases must give
every named query something to find; the build test below checks that they do, through the
real extractor, store and `query` command.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.sparql.query import named_queries

ROOT = Path(__file__).resolve().parents[1]


def _generate(out: Path, seed: int, n: int = 60) -> dict[str, bytes]:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_corpus.py"),
            "--n",
            str(n),
            "--seed",
            str(seed),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _text(corpus: dict[str, bytes]) -> str:
    return "\n".join(data.decode("utf-8") for data in corpus.values())


def test_same_seed_gives_the_same_bytes_and_another_seed_another(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a", seed=5)
    assert len(first) == 60
    assert _generate(tmp_path / "b", seed=5) == first
    assert _generate(tmp_path / "c", seed=6) != first


def test_corpus_mixes_the_phenomena_the_extractor_must_handle(tmp_path: Path) -> None:
    text = _text(_generate(tmp_path / "a", seed=1))
    for phenomenon in (
        "Councillor ",
        "Cllr ",
        "Professor Sir ",
        " per cent",
        "%",
        "£",
        "almost ",
        "more than ",
        "READ MORE:",
        "READ MORE\n",  # on a line of its own, a headline under it
        "Photo:",
        "Pictured:",
        "Notes to editors",
        "The declaration is signed by:",
        "has been signed by:",
        "Univerity",  # a misspelt institution name
        ", said: \u201c",  # role after the name
        "Universities for Nottingham (Nottingham Trent University & University of Nottingham)",
        " (joint)",  # two universities as one entry
        "is an alliance of ",
        "is also a signatory to the declaration",
        "Core Cities UK Universities Declaration",
        "a joint declaration",
        "Writing to government ministers",
    ):
        assert phenomenon in text, phenomenon
    assert any(word in text for word in (" five institutions", " seven institutions", " eight institutions"))
    # role before the name, with and without a comma
    assert "Chair of Core Cities UK, Cllr " in text or "Chair of Core Cities UK, Councillor " in text
    assert " Cllr " in text and " of Bradford City Council said: \u201c" in text
    # counts in figures and in words, and a lower-case proposal
    for count in ("21 universities", "twenty-four", "the 11 cities", "eleven cities", "signatories will"):
        assert count.lower() in text.lower(), count
    assert "a shared research infrastructure fund" in text or "a graduate talent retention scheme" in text


def test_releases_about_one_declaration_disagree_on_how_many_signed(tmp_path: Path) -> None:
    corpus = _generate(tmp_path / "a", seed=2, n=16)
    about_core_cities = [
        data.decode("utf-8") for name, data in corpus.items() if "core-cities-uk-declaration" in name
    ]
    assert len(about_core_cities) == 2
    first, second = about_core_cities
    said = re.compile(r"\b(\d+|twenty-[a-z]+) (?:of their )?universities\b", re.IGNORECASE)
    assert {m.lower() for m in said.findall(first)} <= {"21", "twenty-one"}
    assert {m.lower() for m in said.findall(second)} <= {"24", "twenty-four"}
    assert said.findall(first) and said.findall(second)


# One value per parameter kind that the generated corpus can answer.
_PARAMS = {"entity": "Core Cities UK", "document": "00002-core-cities-uk-declaration"}


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 generated releases built store-only, as the benchmarks build them."""
    base = tmp_path_factory.mktemp("generated")
    _generate(base / "corpus", seed=1, n=30)
    out = base / "out"
    result = CliRunner().invoke(cli, ["build", str(base / "corpus"), "--out", str(out), "--no-outputs"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_finds_rows_in_a_generated_corpus(generated_store: Path, name: str) -> None:
    named = named_queries()[name]
    args = ["query", name, "--out", str(generated_store), "--format", "csv"]
    for param in named.params:
        args += ["--param", f"{param.name}={_PARAMS[param.kind]}"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows, f"{name} returned no rows"


@pytest.mark.slow
def test_generated_declarations_reach_the_graph_as_written(generated_store: Path) -> None:
    """Signatories (a composite among them), counts that disagree, proposals with their declaration."""

    def rows(name: str) -> list[dict[str, str]]:
        result = CliRunner().invoke(cli, ["query", name, "--out", str(generated_store), "--format", "csv"])
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.stdout)))

    signatories = {(r["declaration"].rsplit("/", 1)[-1], r["name"]) for r in rows("signatories")}
    assert ("core-cities-uk-declaration", "Universities for Nottingham") in signatories
    assert ("core-cities-uk-declaration", "Queen's University Belfast") in signatories
    assert ("civic-cities-network-declaration", "Coventry City Council") in signatories
    counts = {(r["declaration"].rsplit("/", 1)[-1], r["what"], r["count"]) for r in rows("claimed_counts")}
    assert {("core-cities-uk-declaration", "universities", n) for n in ("21", "24")} <= counts
    conflicts = rows("conflicts")
    assert any(r["measure"] == "number of universities" for r in conflicts)
    assert any(r["measure"] == "number of cities" for r in conflicts)
    assert any(r["measure"].startswith("share of") for r in conflicts)
    proposals = {(r["name"], r["declaration"].rsplit("/", 1)[-1]) for r in rows("proposals")}
    assert ("Cities Export Package", "core-cities-uk-declaration") in proposals
    assert any(name[0].isupper() and name.endswith(("fund", "scheme", "hub", "framework", "programme"))
               for name, _ in proposals)  # fmt: skip
    without = {r["name"] for r in rows("core_cities_without_university")}
    assert {"Coventry", "Bradford"} <= without
    assert "Leeds" not in without
