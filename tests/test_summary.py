"""The view's digests beside the store: the same view as the whole-store queries, kept up to date
by builds and `remove`, and never trusted where they no longer hold."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.corpus.build import BuildSettings
from corecities_graph.corpus.build import build as run_build
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.publish import summary
from corecities_graph.publish.view_data import StoreView, view_from_store
from corecities_graph.store.embedded import GraphStore

ROOT = Path(__file__).resolve().parents[1]


def build(releases: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(releases), "--out", str(out), "--no-outputs", "-j", "1"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Ten generated releases and the store built from them."""
    folder = tmp_path_factory.mktemp("summary")
    releases = folder / "releases"
    script = str(ROOT / "benchmarks" / "generate_corpus.py")
    subprocess.run(
        [sys.executable, script, "--n", "10", "--seed", "5", "--out", str(releases)],
        check=True,
        capture_output=True,
    )
    build(releases, folder / "out")
    return releases, folder / "out"


@pytest.fixture
def copy(built: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the releases and of their store, free to change."""
    releases, out = built
    shutil.copytree(releases, tmp_path / "releases")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "releases", tmp_path / "out"


def both(out: Path, max_nodes: int | None = None) -> tuple[StoreView, StoreView]:
    """The view from the digests and from the whole-store queries."""
    store = GraphStore.open(out, read_only=True)
    assert summary.overview(store) is not None, "the digests were not used"
    return view_from_store(store, max_nodes=max_nodes), view_from_store(
        store, max_nodes=max_nodes, summary=False
    )


def rows(out: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(out / "store" / summary.SUMMARY_FILE) as db:
        return {g: (h, b) for g, h, b in db.execute("SELECT graph, hash, built FROM digest")}


def documents(out: Path) -> list[str]:
    return [iri for iri, _id in GraphStore.open(out, read_only=True).documents()]


@pytest.mark.parametrize("max_nodes", [None, 40])
def test_same_view_as_the_whole_store_queries(built: tuple[Path, Path], max_nodes: int | None) -> None:
    fast, slow = both(built[1], max_nodes)
    assert fast == slow
    assert len(fast.nodes) > 30 and fast.edges


def test_a_build_keeps_a_row_per_document(built: tuple[Path, Path]) -> None:
    out = built[1]
    assert sorted(rows(out)) == sorted(documents(out))


def test_the_build_digest_is_the_digest_of_the_stored_graph(built: tuple[Path, Path]) -> None:
    out = built[1]
    store = GraphStore.open(out, read_only=True)
    kept = summary.SummaryFile.open(store, read_only=True)
    assert kept is not None
    stored = dict(kept.rows(documents(out)))
    kept.close()
    for iri, found in stored.items():
        assert found == summary.graph_digest(store.oxigraph, ox.NamedNode(iri))


def test_a_changed_document_gets_a_new_row(copy: tuple[Path, Path]) -> None:
    releases, out = copy
    before = rows(out)
    first = sorted(releases.iterdir())[0]
    first.write_text(
        first.read_text(encoding="utf-8") + "\nThe Mayor of Leeds, Jane Example, welcomed the plan.\n",
        encoding="utf-8",
    )
    build(releases, out)
    after = rows(out)
    changed = [g for g in after if after[g] != before.get(g)]
    assert len(changed) == 1 and sorted(after) == sorted(before)
    fast, slow = both(out)
    assert fast == slow
    assert any("Jane Example" in n.label for n in fast.nodes)


def test_a_removed_document_loses_its_row(copy: tuple[Path, Path]) -> None:
    _releases, out = copy
    gone = documents(out)[0]
    result = CliRunner().invoke(cli, ["-q", "remove", gone, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert gone not in rows(out) and sorted(rows(out)) == sorted(documents(out))
    fast, slow = both(out)
    assert fast == slow
    assert all(gone not in n.documents for n in fast.nodes)


def test_a_row_whose_graph_changed_is_not_used(copy: tuple[Path, Path]) -> None:
    _releases, out = copy
    graph = documents(out)[0]
    with sqlite3.connect(out / "store" / summary.SUMMARY_FILE) as db:
        db.execute("UPDATE digest SET hash = 'not-the-hash' WHERE graph = ?", (graph,))
        db.execute("UPDATE digest SET data = ? WHERE graph = ?", (summary.encode(summary.digest([])), graph))
    fast, slow = both(out)  # that one graph is read from the store
    assert fast == slow


def test_too_few_rows_that_hold_mean_the_whole_store_queries(copy: tuple[Path, Path]) -> None:
    _releases, out = copy
    with sqlite3.connect(out / "store" / summary.SUMMARY_FILE) as db:
        db.execute("DELETE FROM digest WHERE rowid % 2 = 0")
    assert summary.overview(GraphStore.open(out, read_only=True)) is None
    build(_releases, out)  # nothing to build: the build writes the rows that were missing
    assert sorted(rows(out)) == sorted(documents(out))
    fast, slow = both(out)
    assert fast == slow


def test_no_file_means_the_whole_store_queries(copy: tuple[Path, Path]) -> None:
    _releases, out = copy
    (out / "store" / summary.SUMMARY_FILE).unlink()
    store = GraphStore.open(out, read_only=True)
    assert summary.overview(store) is None
    assert view_from_store(store) == view_from_store(store, summary=False)


def test_an_update_through_query_drops_the_file(copy: tuple[Path, Path]) -> None:
    _releases, out = copy
    update = out.parent / "insert.rq"
    update.write_text(
        "INSERT DATA { GRAPH <urn:x-test:g> { <urn:x-test:a> <urn:x-test:p> <urn:x-test:b> } }\n"
    )
    result = CliRunner().invoke(cli, ["-q", "query", str(update), "--allow-update", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert not (out / "store" / summary.SUMMARY_FILE).exists()


def test_a_replaced_graph_loses_its_row_before_it_is_written(
    copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    releases, out = copy
    first = sorted(releases.iterdir())[0]
    graph = next(g for g in documents(out) if g.endswith("/" + first.stem))
    first.write_text(first.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")

    def killed(*_args: object) -> None:
        raise RuntimeError("killed")

    monkeypatch.setattr(GraphStore, "write_document", killed)
    settings = BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, outputs=False, validate=False)
    with pytest.raises(RuntimeError, match="killed"):
        run_build([releases], settings)
    assert graph not in rows(out) and len(rows(out)) == len(documents(out)) - 1
