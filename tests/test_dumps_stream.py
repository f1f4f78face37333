"""The union dumps stream graph by graph and give the same bytes as Oxigraph's DISTINCT union did.

The reference is the writer these dumps replaced, kept here alone: a CONSTRUCT over
SELECT DISTINCT of the union default graph, serialised by pyoxigraph. It held every distinct
triple of the store in memory; the streaming writer holds none of them, and must not change a
byte of graph.ttl (nor of the N-Triples and RDF/XML exports, which share it).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.graph.vocab import PREFIXES
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.export import RDF_FORMATS, stream_rdf, union_triples, write_dumps

ROOT = Path(__file__).resolve().parents[1]
_OLD_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def reference(store: ox.Store, fmt: str) -> bytes:
    """The union as the old writer wrote it."""
    buffer = io.BytesIO()
    prefixes = PREFIXES if fmt in ("ttl", "rdfxml") else None
    triples = store.query(_OLD_UNION, use_default_graph_as_union=True)
    ox.serialize(triples, buffer, RDF_FORMATS[fmt], prefixes=prefixes)  # type: ignore[arg-type]
    return buffer.getvalue()


def streamed(store: ox.Store, fmt: str) -> bytes:
    buffer = io.BytesIO()
    stream_rdf(store, fmt, buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 generated releases and the seed declaration built into one store."""
    folder = tmp_path_factory.mktemp("dumps")
    releases = folder / "releases"
    script = str(ROOT / "benchmarks" / "generate_corpus.py")
    subprocess.run(
        [sys.executable, script, "--n", "24", "--seed", "11", "--out", str(releases)],
        check=True,
        capture_output=True,
    )
    shutil.copy(ROOT / "data" / "declaration.txt", releases / "declaration.txt")
    shutil.copy(ROOT / "data" / "declaration.meta.json", releases / "declaration.meta.json")
    out = folder / "out"
    result = CliRunner().invoke(
        cli, ["-q", "build", str(releases), "--out", str(out), "--no-outputs", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdfxml"])
def test_streamed_union_is_byte_identical_to_the_distinct_union(corpus_store: Path, fmt: str) -> None:
    store = GraphStore.open(corpus_store, read_only=True).oxigraph
    old = reference(store, fmt)
    assert len(old) > 100_000
    assert streamed(store, fmt) == old


def test_build_dumps_match_the_reference_writers(corpus_store: Path, tmp_path: Path) -> None:
    """graph.ttl as the old union writer wrote it, graph.trig as Oxigraph's own dump writes it."""
    store = GraphStore.open(corpus_store, read_only=True).oxigraph
    ttl, trig = write_dumps(store, tmp_path)
    assert ttl.read_bytes() == reference(store, "ttl")
    dump = io.BytesIO()
    store.dump(dump, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    assert trig.read_bytes() == dump.getvalue()
    # many documents state the same facts about the same cities: each triple is written once
    lines = ttl.read_text(encoding="utf-8")
    assert lines.count("\n") < trig.read_text(encoding="utf-8").count("\n")


def test_a_triple_in_several_graphs_comes_once_where_its_first_graph_is(tmp_path: Path) -> None:
    """Shared triples, a triple also in the default graph, one only there, and blank nodes."""
    ex = "http://example.org/"
    a, b, c = (ox.NamedNode(ex + n) for n in ("a", "b", "c"))
    p, q = ox.NamedNode(ex + "p"), ox.NamedNode(ex + "q")
    graphs = [ox.NamedNode(f"{ex}g{i}") for i in range(6)]
    store = ox.Store(str(tmp_path / "store"))
    for i, graph in enumerate(graphs):
        store.add(ox.Quad(a, p, b, graph))  # in every graph
        store.add(ox.Quad(a, q, ox.Literal(str(i)), graph))  # in this graph alone
        if i % 2:
            store.add(ox.Quad(b, p, c, graph))  # in some graphs
        store.add(ox.Quad(ox.BlankNode(f"n{i}"), p, a, graph))
    store.add(ox.Quad(a, p, b))  # the default graph too
    store.add(ox.Quad(c, p, a))  # the default graph alone, which the union holds too
    triples = list(union_triples(store))
    assert len(triples) == len(set(triples)) == 1 + 6 + 1 + 6 + 1
    assert triples[:2] == [ox.Triple(a, p, b), ox.Triple(c, p, a)] or triples[:2] == [
        ox.Triple(c, p, a),
        ox.Triple(a, p, b),
    ]
    for fmt in ("ttl", "nt", "rdfxml"):
        assert streamed(store, fmt) == reference(store, fmt)
