"""The remote store against a real Oxigraph server on a free loopback port."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.remote import RemoteStore
from corecities_graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "corecities_graph"]

pytestmark = pytest.mark.server


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.fail("the oxigraph server is missing: install the dev extra (pip install -e '.[dev]')")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """An Oxigraph server process over a data folder, which can be killed and started again."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [_oxigraph(), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the oxigraph server did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(tmp_path / "server-data")
    running.start()
    try:
        yield running
    finally:
        running.kill()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_corpus.py"),
            "--n",
            "80",
            "--seed",
            "3",
            "--out",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )
    return folder


def _local_build(corpus: Path, out: Path, epoch: str) -> dict[str, set[ox.Triple]]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    subprocess.run(
        [*CLI, "build", str(corpus), "--out", str(out), "--no-outputs"],
        check=True,
        env=env,
        capture_output=True,
    )
    return _local_graphs(out)


def _local_graphs(out: Path) -> dict[str, set[ox.Triple]]:
    store = GraphStore.open(out, read_only=True)
    graphs: dict[str, set[ox.Triple]] = {}
    for q in store.quads():
        graphs.setdefault(q.graph_name.value, set()).add(ox.Triple(q.subject, q.predicate, q.object))  # type: ignore[union-attr]
    return graphs


def _server_graphs(url: str) -> dict[str, set[ox.Triple]]:
    request = urllib.request.Request(f"{url}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = response.read()
    graphs: dict[str, set[ox.Triple]] = {}
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        if isinstance(q.graph_name, ox.NamedNode):
            graphs.setdefault(q.graph_name.value, set()).add(ox.Triple(q.subject, q.predicate, q.object))
    return graphs


def test_build_query_status_and_remove_on_a_server(server: Server, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["build", str(ROOT / "data" / "declaration.txt"), "--store", server.url, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert not (out / "graph.ttl").exists()

    local = tmp_path / "local"
    assert (
        runner.invoke(cli, ["build", str(ROOT / "data" / "declaration.txt"), "--out", str(local)]).exit_code
        == 0
    )
    for name in ("signatories", "people", "statistics"):
        remote = runner.invoke(cli, ["query", name, "--format", "csv", "--store", server.url])
        here = runner.invoke(cli, ["query", name, "--format", "csv", "--out", str(local)])
        assert remote.exit_code == 0, remote.output
        assert sorted(remote.output.splitlines()) == sorted(here.output.splitlines()), name

    status = runner.invoke(cli, ["status", "--store", server.url, "--out", str(out)])
    assert status.exit_code == 0, status.output
    assert "declaration" in status.output and "Total: 1 document," in status.output

    again = runner.invoke(
        cli, ["build", str(ROOT / "data" / "declaration.txt"), "--store", server.url, "--out", str(out)]
    )
    assert "Built 0 documents, 1 unchanged" in again.output

    removed = runner.invoke(cli, ["remove", "declaration", "--store", server.url, "--out", str(out)])
    assert removed.exit_code == 0, removed.output
    assert [g for g in _server_graphs(server.url) if "/document/" in g] == []


def test_push_uploads_every_named_graph(server: Server, corpus: Path, tmp_path: Path) -> None:
    local = _local_build(corpus, tmp_path / "out", "1600000000")
    result = CliRunner().invoke(cli, ["push", "--endpoint", server.url, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert _server_graphs(server.url) == local


def test_unreachable_server_is_one_error_line(tmp_path: Path, seed_out: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    store = RemoteStore(url, attempts=2, backoff=0.05)
    with pytest.raises(Exception, match="server unreachable after 2 attempts"):
        store.select("ASK {}")
    result = CliRunner().invoke(cli, ["push", "--endpoint", url, "--out", str(seed_out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {url}: server unreachable after 5 attempts")


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, server: Server) -> None:
    monkeypatch.setenv("CORECITIES_STORE_USER", "reader")
    monkeypatch.setenv("CORECITIES_STORE_PASSWORD", "secret")
    store = RemoteStore(server.url)
    assert store._auth == "Basic cmVhZGVyOnNlY3JldA=="
    assert store.select("SELECT (1 AS ?one) {}") == [{"one": "1"}]
    monkeypatch.setenv("CORECITIES_STORE_TOKEN", "t0ken")
    assert RemoteStore(server.url)._auth == "Bearer t0ken"


def test_server_killed_mid_push_leaves_whole_graphs(server: Server, corpus: Path, tmp_path: Path) -> None:
    old = _local_build(corpus, tmp_path / "old", "1600000000")
    assert (
        CliRunner().invoke(cli, ["push", "--endpoint", server.url, "--out", str(tmp_path / "old")]).exit_code
        == 0
    )
    new = _local_build(corpus, tmp_path / "new", "1700000000")
    assert all(old[g] != new[g] for g in new if "/document/" in g)

    leader, follower = pty.openpty()
    push = subprocess.Popen(
        [*CLI, "push", "--endpoint", server.url, "--out", str(tmp_path / "new")],
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    said = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if select.select([leader], [], [], 1.0)[0]:
            try:
                said += os.read(leader, 4096)
            except OSError:
                break
            done = [int(n) for n in re.findall(rb"(\d+)/\d+ graphs", said)]
            if done and max(done) >= 10:
                server.kill()
                break
    assert push.wait(timeout=120) == 1
    while select.select([leader], [], [], 0.5)[0]:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        said += chunk
    os.close(leader)
    errors = [line for line in said.decode().replace("\r", "\n").splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "server unreachable" in errors[0], said
    assert "Traceback" not in said.decode()

    server.start()
    on_server = _server_graphs(server.url)
    assert any(on_server.get(g) == new[g] for g in new), "the kill came before any graph was pushed"
    assert any(on_server.get(g) == old[g] for g in old if "/document/" in g), (
        "the push finished before the kill"
    )
    for graph, triples in on_server.items():
        assert triples in (old.get(graph), new.get(graph)), f"{graph} is neither the old nor the new graph"

    again = CliRunner().invoke(cli, ["push", "--endpoint", server.url, "--out", str(tmp_path / "new")])
    assert again.exit_code == 0, again.output
    assert _server_graphs(server.url) == new
