"""build --nquads: the graphs as N-Quads batch files for a bulk loader, and no store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.store.embedded import GraphStore

ROOT = Path(__file__).resolve().parents[1]

SECOND = """Sheffield universities and council sign skills compact

The University of Sheffield, Sheffield Hallam University and Sheffield City Council signed a
skills compact today.
"""


@pytest.fixture
def two_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "declaration.txt").write_bytes((ROOT / "data" / "declaration.txt").read_bytes())
    (folder / "compact.txt").write_text(SECOND, encoding="utf-8")
    return folder


def _quads(quads: object) -> set[ox.Quad]:
    return set(quads)  # type: ignore[call-overload]


def test_each_batch_of_documents_is_one_file_holding_their_graphs_whole(
    two_documents: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    quads = tmp_path / "quads"
    said = runner.invoke(cli, ["build", str(two_documents), "--nquads", str(quads), "--batch-size", "1"])
    assert said.exit_code == 0, said.output
    assert f"Built 2 documents into 2 N-Quads files in {quads}." in said.output
    assert sorted(p.name for p in quads.iterdir()) == [".last-build.json", "batch-00001.nq", "batch-00002.nq"]
    assert json.loads((quads / ".last-build.json").read_text())["store"] == str(quads)
    assert not (tmp_path / "output").exists() and not (quads / "store").exists()

    local = tmp_path / "local"
    assert runner.invoke(cli, ["-q", "build", str(two_documents), "--out", str(local)]).exit_code == 0
    expected = _quads(GraphStore.open(local, read_only=True).quads())
    batches = [
        _quads(ox.parse(path=str(quads / f"batch-0000{n}.nq"), format=ox.RdfFormat.N_QUADS)) for n in (1, 2)
    ]
    # One document's graph per file, whole, beside the links it needs; together, the store.
    for batch in batches:
        documents = {q.graph_name.value for q in batch if "/document/" in q.graph_name.value}  # type: ignore[union-attr]
        assert len(documents) == 1
        [document] = documents
        assert {q for q in batch if q.graph_name.value == document} == {  # type: ignore[union-attr]
            q
            for q in expected
            if q.graph_name.value == document  # type: ignore[union-attr]
        }
    assert batches[0] | batches[1] == expected

    loaded = GraphStore(None)
    for n in (1, 2):
        loaded.oxigraph.bulk_load(path=str(quads / f"batch-0000{n}.nq"), format=ox.RdfFormat.N_QUADS)
    assert _quads(loaded.quads()) == expected


def test_default_batches_and_a_folder_already_used(two_documents: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    quads = tmp_path / "quads"
    assert runner.invoke(cli, ["-q", "build", str(two_documents), "--nquads", str(quads)]).exit_code == 0
    assert sorted(p.name for p in quads.glob("*.nq")) == ["batch-00001.nq"]
    again = runner.invoke(cli, ["build", str(two_documents), "--nquads", str(quads)])
    assert again.exit_code == 1
    assert again.output.strip().splitlines() == [
        f"Error: {quads}: holds batch files of an earlier run; give an empty folder, so that a bulk load "
        "of it reads this run only"
    ]
    both = runner.invoke(
        cli, ["build", str(two_documents), "--nquads", str(tmp_path / "q2"), "--store", "http://127.0.0.1:9"]
    )
    assert both.exit_code == 2
    assert both.output.strip().splitlines()[-1] == "Error: give --nquads or a remote store, not both"
