"""The store across builds: incremental adds, unchanged no-ops, remove, status, publish."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.store.embedded import JOURNAL, BatchWriter, GraphStore

LEEDS = """https://news.example.ac.uk/leeds-compact
Leeds universities back a regional skills compact

The University of Leeds and Leeds Beckett University have joined Leeds City Council to ask
government for a regional skills compact. Cllr Ben Evans, Leader of Leeds City Council, said:
"This is good for Leeds."
"""
BRISTOL = """https://news.example.ac.uk/bristol-fund
Bristol universities back a civic innovation fund

The University of Bristol and the University of the West of England have joined Bristol City
Council. Professor Hannah Patel, Vice-Chancellor of the University of Bristol, said: "Bristol is
ready." The University of Leeds also signed.
"""


def _settings(out: Path, **changes: object) -> BuildSettings:
    return BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, write_view=False, **changes)  # type: ignore[arg-type]


def _quads(out: Path) -> set[ox.Quad]:
    return set(GraphStore.open(out, read_only=True).quads())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "leeds.txt").write_text(LEEDS, encoding="utf-8")
    (folder / "bristol.txt").write_text(BRISTOL, encoding="utf-8")
    return folder


def test_adding_documents_one_by_one_gives_the_store_of_one_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    together, apart = tmp_path / "together", tmp_path / "apart"
    build([corpus], _settings(together, outputs=False))
    build([corpus / "leeds.txt"], _settings(apart, outputs=False))
    build([corpus / "bristol.txt"], _settings(apart, outputs=False))
    assert _quads(together) == _quads(apart)


@pytest.mark.parametrize("small", [BatchWriter.SMALL, 0], ids=["one-transaction", "bulk-load"])
def test_a_later_build_of_new_and_changed_documents_gives_the_store_of_one_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: int
) -> None:
    """Both ways a batch of new documents goes in (small: one transaction; large: a journalled
    bulk load), beside a changed document replaced in its own transaction."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    monkeypatch.setattr(BatchWriter, "SMALL", small)
    together, apart = tmp_path / "together", tmp_path / "apart"
    build([corpus], _settings(together, outputs=False))
    (tmp_path / "leeds.txt").write_text(
        LEEDS.replace("good for Leeds", "good for the North"), encoding="utf-8"
    )
    build([tmp_path / "leeds.txt"], _settings(apart, outputs=False))
    result = build([corpus], _settings(apart, outputs=False))
    assert sorted(result.built) == ["bristol", "leeds"]
    assert _quads(together) == _quads(apart)
    assert not (apart / "store" / JOURNAL).exists()


@pytest.mark.parametrize("read_only", [True, False], ids=["reader", "writer"])
def test_the_graphs_of_a_batch_cut_short_are_dropped_when_the_store_is_next_opened(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_only: bool
) -> None:
    """A journal left behind (a build killed during its bulk load) names graphs that may be half
    written: whoever opens the store next finds those documents absent, the others untouched."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    out, alone = tmp_path / "out", tmp_path / "alone"
    build([corpus / "leeds.txt"], _settings(out, outputs=False))
    build([corpus / "leeds.txt"], _settings(alone, outputs=False))
    bristol = ox.NamedNode(f"{DEFAULT_BASE_IRI}document/bristol")
    store = GraphStore.open(out)
    half = [ox.Quad(bristol, ox.NamedNode(f"{DEFAULT_BASE_IRI}p"), ox.Literal("half"), bristol)]
    store.add(half)
    (out / "store" / JOURNAL).write_text(f"{bristol.value}\n", encoding="utf-8")
    del store
    reopened = GraphStore.open(out, read_only=read_only)
    assert not reopened.oxigraph.contains_named_graph(bristol)
    assert set(reopened.quads()) == _quads(alone)
    assert not (out / "store" / JOURNAL).exists()


def test_rebuilding_an_unchanged_document_writes_nothing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([corpus], _settings(out, outputs=False))
    before = _quads(out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = build([corpus], _settings(out, outputs=False))
    assert result.built == []
    assert sorted(result.unchanged) == ["bristol", "leeds"]
    assert _quads(out) == before


def test_a_changed_document_replaces_its_graph_and_nothing_else(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus], _settings(out, outputs=False))
    store = GraphStore.open(out, read_only=True)
    leeds = ox.NamedNode(f"{DEFAULT_BASE_IRI}document/leeds")
    bristol_before = set(
        store.oxigraph.quads_for_pattern(
            None, None, None, ox.NamedNode(f"{DEFAULT_BASE_IRI}document/bristol")
        )
    )
    del store
    (corpus / "leeds.txt").write_text(LEEDS.replace("Ben Evans", "Ben Jenkins"), encoding="utf-8")
    result = build([corpus], _settings(out, outputs=False))
    assert result.built == ["leeds"]
    store = GraphStore.open(out, read_only=True)
    names = {q.object.value for q in store.oxigraph.quads_for_pattern(None, None, None, leeds)}
    assert "Ben Jenkins" in names and "Ben Evans" not in names
    assert bristol_before == set(
        store.oxigraph.quads_for_pattern(
            None, None, None, ox.NamedNode(f"{DEFAULT_BASE_IRI}document/bristol")
        )
    )
    assert not store.oxigraph.contains_named_graph(ox.NamedNode("urn:x-corecities:staging"))


def test_remove_takes_a_document_and_the_links_only_it_needed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    both, leeds_only = tmp_path / "both", tmp_path / "leeds-only"
    build([corpus], _settings(both, outputs=False))
    build([corpus / "leeds.txt"], _settings(leeds_only, outputs=False))
    runner = CliRunner()
    result = runner.invoke(cli, ["remove", str(corpus / "bristol.txt"), "--out", str(both)])
    assert result.exit_code == 0, result.output
    assert _quads(both) == _quads(leeds_only)


def test_remove_of_an_unknown_document_is_one_error_line(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus], _settings(out, outputs=False))
    result = CliRunner().invoke(cli, ["remove", "nowhere", "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: nowhere: no such document in {out / 'store'} (see `corecities-graph status`)"
    ]


def test_status_lists_documents_and_the_last_build(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus], _settings(out, outputs=False))
    result = CliRunner().invoke(cli, ["status", "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [d["id"] for d in report["documents"]] == ["bristol", "leeds"]
    assert all(d["triples"] > 20 and len(d["hash"]) == 64 and d["built"] for d in report["documents"])
    assert report["triples"] > sum(d["triples"] for d in report["documents"]) - 1
    assert report["last_build"]["built"] == 2
    table = CliRunner().invoke(cli, ["status", "--out", str(out)])
    assert "Total: 2 documents," in table.output
    assert "Last build:" in table.output


def test_no_outputs_then_publish_writes_what_build_would(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    direct, later = tmp_path / "direct", tmp_path / "later"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(corpus), "--out", str(direct)]).exit_code == 0
    result = runner.invoke(cli, ["build", str(corpus), "--out", str(later), "--no-outputs"])
    assert result.exit_code == 0, result.output
    assert not (later / "graph.ttl").exists()
    result = runner.invoke(cli, ["publish", "--out", str(later)])
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.trig", "report.md", "view.html"):
        assert (later / name).read_bytes() == (direct / name).read_bytes(), name


def test_worker_processes_build_the_same_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    for index in range(16):
        shutil.copy(corpus / "leeds.txt", corpus / f"leeds-{index}.txt")
    one, two = tmp_path / "one", tmp_path / "two"
    build([corpus], _settings(one, outputs=False, jobs=1))
    build([corpus], _settings(two, outputs=False, jobs=2))
    assert _quads(one) == _quads(two)


def test_outputs_are_readable_by_others(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus], _settings(out))
    for name in ("graph.ttl", "graph.trig", "report.md", ".last-build.json"):
        assert (out / name).stat().st_mode & 0o044 == 0o044, name


def test_no_progress_line_when_stderr_is_not_a_terminal(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-outputs"])
    assert result.exit_code == 0, result.output
    assert "documents," not in result.output and "\r" not in result.output
    quiet = CliRunner().invoke(cli, ["-q", "build", str(corpus), "--out", str(tmp_path / "out")])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_an_unchanged_document_is_not_extracted_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([corpus], _settings(out, outputs=False))

    def refuse(*args: object) -> None:
        raise AssertionError("an unchanged document was extracted again")

    monkeypatch.setattr("corecities_graph.corpus.build.extract", refuse)
    result = build([corpus], _settings(out, outputs=False))
    assert sorted(result.unchanged) == ["bristol", "leeds"]


def test_past_the_automatic_limit_a_build_leaves_the_outputs_to_publish(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large store is not rewritten whole after every build: past AUTO_OUTPUTS_MAX documents
    the build says so, and --outputs or `publish` still write everything."""
    monkeypatch.setattr("corecities_graph.corpus.build.AUTO_OUTPUTS_MAX", 1)
    runner = CliRunner()
    small, large = tmp_path / "small", tmp_path / "large"
    assert runner.invoke(cli, ["build", str(corpus / "leeds.txt"), "--out", str(small)]).exit_code == 0
    assert (small / "graph.ttl").is_file()

    result = runner.invoke(cli, ["build", str(corpus), "--out", str(large)])
    assert result.exit_code == 0, result.output
    assert not (large / "graph.ttl").exists()
    assert "holds more than 1 documents, so the outputs were not rewritten" in result.output
    assert "corecities-graph publish" in result.output

    forced = runner.invoke(cli, ["build", str(corpus), "--out", str(large), "--outputs"])
    assert forced.exit_code == 0, forced.output
    for name in ("graph.ttl", "graph.trig", "void.ttl", "report.md", "view.html"):
        assert (large / name).is_file(), name


def test_publish_names_each_output_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    """On a terminal, publish draws a bar for each output it writes (each takes minutes at 10,000
    documents); with --quiet it says nothing."""
    import os
    import pty
    import subprocess
    import sys

    out = tmp_path / "out"
    build([corpus], _settings(out, outputs=False))

    def on_a_terminal(*flags: str) -> str:
        # Read while it runs: the bars are redrawn several times a second, more than a
        # pseudo-terminal holds unread.
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "corecities_graph", *flags, "publish", "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=follower,
        )
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        os.close(leader)
        assert process.wait(timeout=300) == 0
        return seen.decode("utf-8")

    shown = on_a_terminal()
    for name in ("graph.ttl", "graph.trig", "void.ttl", "report.md", "report.html", "view.html"):
        assert f"Writing {name}" in shown, name
    assert "Querying for the reports" in shown
    assert "Published 2 documents" in shown
    assert on_a_terminal("--quiet") == ""
