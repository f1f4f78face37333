"""A build killed while it writes the store keeps the previous outputs and a consistent store.

A real build runs in a child process on a folder of generated releases, with stderr on a
pseudo-terminal so that it reports progress; once it has stored some documents it is sent
SIGINT, SIGTERM or SIGKILL. Afterwards the previous output files are byte-identical, the store
opens, `status` works, every document graph equals the graph a clean build makes of that
document, and running the build again finishes it.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.corpus.build import BUILD_RECORD
from corecities_graph.graph.vocab import CCG
from corecities_graph.store.embedded import JOURNAL, GraphStore

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = 160
OUTPUTS = ("graph.ttl", "graph.trig", "report.md", "view.html", BUILD_RECORD)
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1600000000"}
CLI = [sys.executable, "-m", "corecities_graph"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_corpus.py"),
            "--n",
            str(DOCUMENTS),
            "--seed",
            "7",
            "--out",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[ox.Quad]]:
    """Each document's graph as an uninterrupted build makes it."""
    out = tmp_path_factory.mktemp("clean")
    subprocess.run(
        [*CLI, "build", str(corpus), "--out", str(out), "--no-outputs"],
        check=True,
        env=ENV,
        capture_output=True,
    )
    return _graphs(out)


def _graphs(out: Path) -> dict[str, set[ox.Quad]]:
    store = GraphStore.open(out, read_only=True)
    graphs: dict[str, set[ox.Quad]] = {}
    for quad in store.oxigraph.quads_for_pattern(None, None, None, None):
        if "/document/" in str(quad.graph_name):
            graphs.setdefault(quad.graph_name.value, set()).add(quad)  # type: ignore[union-attr]
    return graphs


def _default_signals() -> None:
    """Ctrl-C as a terminal delivers it: a shell's background job starts with SIGINT ignored, and
    Python then leaves it ignored, so the build would never see the signal this test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_until_progress(args: list[str], at_least: int) -> subprocess.Popen[bytes]:
    """Start a build with stderr on a terminal; return once it reports `at_least` documents done."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        args, env=ENV, stdout=subprocess.DEVNULL, stderr=follower, preexec_fn=_default_signals
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1.0)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    break
                seen += chunk
                done = [int(n) for n in re.findall(rb"(\d+)/\d+ documents", seen)]
                if done and max(done) >= at_least:
                    process.leader = leader  # type: ignore[attr-defined]
                    return process
            elif process.poll() is not None:
                break
    except BaseException:
        process.kill()
        raise
    process.kill()
    raise AssertionError(f"the build never reported {at_least} documents done; it said: {seen[-500:]!r}")


@pytest.mark.parametrize(
    ("sig", "jobs", "code"),
    [(signal.SIGINT, "2", 130), (signal.SIGTERM, "1", 143), (signal.SIGKILL, "1", -signal.SIGKILL)],
    ids=["sigint", "sigterm", "sigkill"],
)
def test_interrupted_build_keeps_outputs_and_a_consistent_store(
    corpus: Path, clean: dict[str, set[ox.Quad]], tmp_path: Path, sig: signal.Signals, jobs: str, code: int
) -> None:
    out = tmp_path / "out"
    first = sorted(corpus.iterdir())[:3]
    subprocess.run(
        [*CLI, "build", *map(str, first), "--out", str(out)], check=True, env=ENV, capture_output=True
    )
    previous = {name: (out / name).read_bytes() for name in OUTPUTS}

    args = [*CLI, "build", str(corpus), "--out", str(out), "--jobs", jobs]
    process = _run_until_progress(args, at_least=20)
    process.send_signal(sig)
    # Read while it stops: the progress bars it redraws would fill an unread terminal and hold it.
    leftover = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if select.select([process.leader], [], [], 0.2)[0]:  # type: ignore[attr-defined]
            try:
                chunk = os.read(process.leader, 4096)  # type: ignore[attr-defined]
            except OSError:
                break
            if not chunk:
                break
            leftover += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(process.leader)  # type: ignore[attr-defined]

    assert process.returncode == code
    if sig != signal.SIGKILL:
        assert b"Error: build interrupted" in leftover
        assert b"Traceback" not in leftover
    for name, data in previous.items():
        assert (out / name).read_bytes() == data, f"{name} changed"
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != BUILD_RECORD]
    assert not leftovers, "temporary files left behind"

    status = CliRunner().invoke(cli, ["status", "--out", str(out)])
    assert status.exit_code == 0, status.output
    graphs = _graphs(out)
    assert len(graphs) < DOCUMENTS, "the build finished before it was interrupted"
    for iri, quads in graphs.items():
        assert quads == clean[iri], f"{iri} is not the graph a clean build makes"
        hashes = [q for q in quads if q.predicate.value == str(CCG.contentHash)]
        assert len(hashes) == 1
    store = GraphStore.open(out, read_only=True)
    assert (
        not store.oxigraph.contains_named_graph(ox.NamedNode("urn:x-corecities:staging"))
        or sig == signal.SIGKILL
    )
    del store

    rerun = subprocess.run(
        [*CLI, "build", str(corpus), "--out", str(out), "--no-outputs"], env=ENV, capture_output=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _graphs(out) == clean


def test_killed_first_build_leaves_no_store_and_a_rerun_builds_it(
    corpus: Path, clean: dict[str, set[ox.Quad]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    process = _run_until_progress([*CLI, "build", str(corpus), "--out", str(out), "--jobs", "1"], at_least=20)
    process.kill()
    process.wait(timeout=60)
    os.close(process.leader)  # type: ignore[attr-defined]
    assert not (out / "store").exists()
    status = CliRunner().invoke(cli, ["status", "--out", str(out)])
    assert status.exit_code == 1
    assert status.output.startswith(f"Error: {out}: no graph store here")
    rerun = subprocess.run(
        [*CLI, "build", str(corpus), "--out", str(out), "--no-outputs"], env=ENV, capture_output=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert not (out / ".store-new").exists()
    assert _graphs(out) == clean


def test_build_killed_during_its_bulk_load_leaves_each_document_old_or_new(
    corpus: Path, clean: dict[str, set[ox.Quad]], tmp_path: Path
) -> None:
    """SIGKILL while a later build bulk-loads its batch of new documents, some of its documents
    changed ones: afterwards every document graph is the one it had before the build or the one
    a clean build makes, and the build run again completes the batch."""
    out, before = tmp_path / "out", tmp_path / "before"
    before.mkdir()
    files = sorted(corpus.iterdir())
    for path in files[:30]:
        text = path.read_text(encoding="utf-8")
        changed = path in files[:10]
        (before / path.name).write_text(text + "\nREAD MORE\n" if changed else text, encoding="utf-8")
    subprocess.run(
        [*CLI, "build", str(before), "--out", str(out), "--no-outputs"],
        check=True,
        env=ENV,
        capture_output=True,
    )
    old = _graphs(out)
    assert old.keys() < clean.keys()
    assert sum(old[iri] != clean[iri] for iri in old) == 10

    journal = out / "store" / JOURNAL
    process = subprocess.Popen(
        [*CLI, "-q", "build", str(corpus), "--out", str(out), "--no-outputs", "--jobs", "1"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    try:
        while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        assert journal.exists(), "the build never began a bulk load"
        process.kill()
    finally:
        process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    status = CliRunner().invoke(cli, ["status", "--out", str(out)])
    assert status.exit_code == 0, status.output
    assert not journal.exists(), "the interrupted batch was not cleared when the store was opened"
    graphs = _graphs(out)
    for iri, quads in graphs.items():
        assert quads == clean[iri] or quads == old.get(iri), f"{iri} is neither its old nor its new graph"
    assert old.keys() <= graphs.keys(), "a document already in the store was lost"
    assert graphs != clean, "the build finished before it was killed"

    rerun = subprocess.run(
        [*CLI, "build", str(corpus), "--out", str(out), "--no-outputs"], env=ENV, capture_output=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _graphs(out) == clean


HALF_LOAD = """
import os, signal, sys
from corecities_graph.cli import cli
from corecities_graph.store.embedded import BatchWriter, GraphStore

class HalfThenKilled:
    \"\"\"The store, whose bulk load stops dead halfway through its quads.\"\"\"

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def bulk_load(self, data, format):
        lines = data.splitlines(keepends=True)
        self.store.bulk_load(b"".join(lines[: len(lines) // 2]), format=format)
        self.store.flush()
        os.kill(os.getpid(), signal.SIGKILL)

BatchWriter.SMALL = 0
GraphStore.oxigraph = property(lambda self: HalfThenKilled(self._store))
cli(sys.argv[1:])
"""


def test_build_killed_halfway_through_a_bulk_load_drops_the_half_written_documents(
    corpus: Path, clean: dict[str, set[ox.Quad]], tmp_path: Path
) -> None:
    """The worst moment to die: half of a batch's quads in the store, some documents whole and
    one cut in two. The next reader finds each document old or new, and a rerun completes it."""
    out, first, batch = tmp_path / "out", tmp_path / "first", tmp_path / "batch"
    files = sorted(corpus.iterdir())
    for folder, chosen in ((first, files[:5]), (batch, files[:25])):
        folder.mkdir()
        for path in chosen:
            (folder / path.name).write_bytes(path.read_bytes())
    subprocess.run(
        [*CLI, "build", str(first), "--out", str(out), "--no-outputs"],
        check=True,
        env=ENV,
        capture_output=True,
    )
    old = _graphs(out)
    killed = subprocess.run(
        [sys.executable, "-c", HALF_LOAD, "build", str(batch), "--out", str(out), "--no-outputs"],
        env=ENV,
        capture_output=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (out / "store" / JOURNAL).exists()

    raw = ox.Store.read_only(str(out / "store"))
    written: dict[str, set[ox.Quad]] = {}
    for quad in raw.quads_for_pattern(None, None, None, None):
        if "/document/" in str(quad.graph_name):
            written.setdefault(quad.graph_name.value, set()).add(quad)  # type: ignore[union-attr]
    del raw
    assert any(quads != clean[iri] for iri, quads in written.items()), "no document was half written"

    graphs = _graphs(out)
    assert graphs == old, "the half-loaded batch is still in the store"
    assert not (out / "store" / JOURNAL).exists()
    rerun = subprocess.run(
        [*CLI, "build", str(batch), "--out", str(out), "--no-outputs"], env=ENV, capture_output=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _graphs(out) == {iri: clean[iri] for iri in _graphs(out)}
    assert len(_graphs(out)) == 25


WRITER = """
import signal, sys
from pathlib import Path
import pyoxigraph
from corecities_graph.store.export import write_atomic_with

store = pyoxigraph.Store()
store.extend(
    pyoxigraph.Quad(pyoxigraph.NamedNode(f"https://example.org/{i}"), pyoxigraph.NamedNode("https://example.org/p"),
                    pyoxigraph.Literal(str(i)))
    for i in range(60)
)

class Stop(Exception):
    pass

def stop(signum, frame):
    raise Stop

signal.signal(signal.SIGTERM, stop)

def slow(out):
    out.write(b"half of a dump")
    out.flush()
    print("writing", flush=True)
    # Minutes inside Oxigraph, which lets go of the interpreter and never looks at signals: a
    # dump of a large store behaves the same way.
    store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }")

try:
    write_atomic_with(Path(sys.argv[1]), slow)
except Stop:
    sys.exit(143)
"""


def test_sigterm_is_answered_during_a_long_dump(tmp_path: Path) -> None:
    """A signal stops an output write at once, however long the call into the store takes: the
    half-written file is dropped and the previous file stays."""
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"the previous dump\n")
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=_default_signals,
    ) as child:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
        child.send_signal(signal.SIGTERM)
        try:
            assert child.wait(timeout=60) == 143
        finally:
            child.kill()
    assert target.read_bytes() == b"the previous dump\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
