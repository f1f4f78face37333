"""The remote store against a real Oxigraph server on a free loopback port."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.remote import RemoteStore

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
    assert f"  Graph Store:    {server.url}/store\n" in status.output

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
    assert len(lines) == 1 and lines[0].startswith(f"Error: {url}/store: server unreachable after 5 attempts")


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, server: Server) -> None:
    monkeypatch.setenv("CORECITIES_STORE_USER", "reader")
    monkeypatch.setenv("CORECITIES_STORE_PASSWORD", "secret")
    store = RemoteStore(server.url)
    assert store.authorization(f"{server.url}/query") == "Basic cmVhZGVyOnNlY3JldA=="
    assert store.select("SELECT (1 AS ?one) {}") == [{"one": "1"}]
    monkeypatch.setenv("CORECITIES_STORE_TOKEN", "t0ken")
    assert RemoteStore(server.url).authorization(f"{server.url}/store") == "Bearer t0ken"


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
    # What the terminal shows: the progress bars' control sequences (cursor, colour) taken out.
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", said.decode())
    errors = [line for line in shown.replace("\r", "\n").splitlines() if line.startswith("Error:")]
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


# Endpoints given one by one, for servers whose URL layout is not Oxigraph's.


def _endpoint_options(url: str) -> list[str]:
    return [
        "--store-query",
        f"{url}/query",
        "--store-update",
        f"{url}/update",
        "--store-data",
        f"{url}/store",
    ]


def test_explicit_endpoints_win_over_a_wrong_base(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    runner = CliRunner()
    out, local = tmp_path / "out", tmp_path / "local"
    seed = str(ROOT / "data" / "declaration.txt")
    # On its own this base is wrong (Oxigraph has no /dataset/query): only the explicit URLs are used.
    remote = ["--store", f"{server.url}/dataset", *_endpoint_options(server.url)]
    built = runner.invoke(cli, ["build", seed, *remote, "--out", str(out)])
    assert built.exit_code == 0, built.output
    assert f"Built 1 document into {server.url}/dataset." in built.output
    assert runner.invoke(cli, ["-q", "build", seed, "--out", str(local)]).exit_code == 0

    for name in ("signatories", "people"):
        there = runner.invoke(cli, ["query", name, "--format", "csv", *remote])
        here = runner.invoke(cli, ["query", name, "--format", "csv", "--out", str(local)])
        assert there.exit_code == 0, there.output
        assert sorted(there.output.splitlines()) == sorted(here.output.splitlines()), name

    status = runner.invoke(cli, ["status", *remote, "--out", str(out), "--format", "json"])
    assert status.exit_code == 0, status.output
    report = json.loads(status.output)
    assert report["store"] == f"{server.url}/dataset"
    assert report["endpoints"] == {
        "query": f"{server.url}/query",
        "update": f"{server.url}/update",
        "data": f"{server.url}/store",
    }
    [document] = report["documents"]
    assert document["id"] == "declaration"
    # A document's path is the Graph Store URL of its graph: a GET there returns the graph.
    iri = urllib.parse.quote(document["iri"], safe="")
    assert document["path"] == f"{server.url}/store?graph={iri}"
    request = urllib.request.Request(document["path"], headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=30) as response:
        fetched = {
            ox.Triple(t.subject, t.predicate, t.object)
            for t in ox.parse(response.read(), format=ox.RdfFormat.N_TRIPLES)
        }
    assert fetched == _local_graphs(local)[document["iri"]]

    removed = runner.invoke(cli, ["remove", "declaration", *remote, "--out", str(out)])
    assert removed.exit_code == 0, removed.output
    assert f"Removed declaration from {server.url}/dataset." in removed.output
    assert [g for g in _server_graphs(server.url) if "/document/" in g] == []

    pushed = runner.invoke(
        cli,
        [
            "push",
            "--endpoint",
            f"{server.url}/dataset",
            "--store-data",
            f"{server.url}/store",
            "--out",
            str(local),
        ],
    )
    assert pushed.exit_code == 0, pushed.output
    assert _server_graphs(server.url) == _local_graphs(local)


def test_endpoints_without_a_base(server: Server, seed_out: Path) -> None:
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", "--store-data", f"{server.url}/store", "--out", str(seed_out)])
    assert pushed.exit_code == 0, pushed.output
    assert f"Pushed {len(_local_graphs(seed_out))} graphs to {server.url}/store." in pushed.output
    # A query needs only the query endpoint.
    counted = runner.invoke(
        cli,
        [
            "query",
            "-e",
            "SELECT (COUNT(*) AS ?n) { ?s a schema:Person }",
            "--format",
            "csv",
            "--store-query",
            f"{server.url}/query",
        ],
    )
    assert counted.exit_code == 0, counted.output
    assert int(counted.output.splitlines()[1]) > 0
    # A user's update goes to the update endpoint as application/sparql-update.
    insert = 'INSERT DATA { GRAPH <urn:x-test:g> { <urn:x-test:s> rdfs:label "given" } }'
    updated = runner.invoke(
        cli, ["query", "-e", insert, "--allow-update", "--store-update", f"{server.url}/update"]
    )
    assert updated.exit_code == 0, updated.output
    assert _server_graphs(server.url)["urn:x-test:g"] == {
        ox.Triple(
            ox.NamedNode("urn:x-test:s"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("given"),
        )
    }
    # Removing needs the update endpoint too, and says which option gives it.
    removed = runner.invoke(cli, ["remove", "declaration", "--store-query", f"{server.url}/query"])
    assert removed.exit_code == 1
    assert removed.output.strip().splitlines() == [
        f"Error: {server.url}/query: no SPARQL update endpoint given; set it with --store-update URL "
        "(or give --store URL and --store-layout to derive all three)"
    ]


def test_settings_file_gives_the_endpoints(
    server: Server, seed_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corecities.toml").write_text(
        f'store = "{server.url}/dataset"\n'
        f'store-query = "{server.url}/query"\n'
        f'store-update = "{server.url}/update"\n'
        f'store-data = "{server.url}/store"\n'
    )
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(ROOT / "data" / "declaration.txt")])
    assert built.exit_code == 0, built.output
    status = runner.invoke(cli, ["status", "--format", "json"])
    assert status.exit_code == 0, status.output
    assert [d["id"] for d in json.loads(status.output)["documents"]] == ["declaration"]
    assert json.loads(status.output)["endpoints"]["data"] == f"{server.url}/store"
    # push takes the shared `store` (as its --endpoint) and `store-data` from the same file.
    pushed = runner.invoke(cli, ["push", "--out", str(seed_out)])
    assert pushed.exit_code == 0, pushed.output
    assert f"graphs to {server.url}/dataset." in pushed.output
    assert _server_graphs(server.url) == _local_graphs(seed_out)
    # The command line still wins: a wrong query URL given there is the one used.
    wrong = runner.invoke(cli, ["status", "--store-query", f"{server.url}/dataset/query"])
    assert wrong.exit_code == 1
    assert wrong.output.startswith(
        f"Error: {server.url}/dataset/query: not a SPARQL query endpoint (HTTP 404"
    )


def test_a_layout_without_the_union_parameter_queries_the_default_graph(
    server: Server, seed_out: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["push", "--endpoint", server.url, "--out", str(seed_out)]).exit_code == 0
    ask = ["query", "-e", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "csv"]
    as_oxigraph = runner.invoke(cli, [*ask, "--store", server.url])
    # Fuseki's layout does not send Oxigraph's union-default-graph: the server's own default graph
    # (empty here) is queried, as a Fuseki dataset without unionDefaultGraph would be.
    as_fuseki = runner.invoke(cli, [*ask, "--store-layout", "fuseki", *_endpoint_options(server.url)])
    assert as_oxigraph.exit_code == 0 and as_fuseki.exit_code == 0, as_oxigraph.output + as_fuseki.output
    assert int(as_oxigraph.output.splitlines()[1]) > 1000
    assert as_fuseki.output.splitlines() == ["n", "0"]


WRONG_PATHS = [
    (
        ["status", "--store", "{url}/dataset"],
        "{url}/dataset/query: not a SPARQL query endpoint (HTTP 404 Not Found: POST /dataset/query is not "
        "supported by this server); this URL is the base URL with the oxigraph layout's path: give the right "
        "one with --store-query URL, or the server's --store-layout (oxigraph, fuseki, graphdb, virtuoso, neptune)",
    ),
    (
        ["push", "--endpoint", "{url}/dataset"],
        "{url}/dataset/store: not a Graph Store endpoint (HTTP 404 Not Found: PUT /dataset/store is not "
        "supported by this server); this URL is the base URL with the oxigraph layout's path: give the right "
        "one with --store-data URL, or the server's --store-layout (oxigraph, fuseki, graphdb, virtuoso, neptune)",
    ),
    (
        ["push", "--store-data", "{url}/update"],
        "{url}/update: not a Graph Store endpoint (HTTP 404 Not Found: PUT /update is not supported by this "
        "server); check the URL given with --store-data",
    ),
    (
        ["build", str(ROOT / "data" / "declaration.txt"), "--store", "{url}", "--store-layout", "fuseki"],
        "{url}/data: not a Graph Store endpoint (HTTP 404 Not Found: POST /data is not supported by this "
        "server); this URL is the base URL with the fuseki layout's path: give the right one with "
        "--store-data URL, or the server's --store-layout (oxigraph, fuseki, graphdb, virtuoso, neptune)",
    ),
    (
        ["remove", "declaration", "--store", "{url}", "--store-update", "{url}/query"],
        "{url}/query: not a SPARQL update endpoint (HTTP 415 Unsupported Media Type: No supported content "
        "Content-Type given: application/sparql-update); check the URL given with --store-update",
    ),
]


@pytest.mark.parametrize(
    ("args", "error"), WRONG_PATHS, ids=[a[0] + "-" + a[2].strip("-") for a, _ in WRONG_PATHS]
)
def test_a_wrong_endpoint_is_one_error_line_naming_its_option(
    server: Server, seed_out: Path, tmp_path: Path, args: list[str], error: str
) -> None:
    if args[0] == "remove":
        assert (
            CliRunner().invoke(cli, ["push", "--endpoint", server.url, "--out", str(seed_out)]).exit_code == 0
        )
    out = seed_out if args[0] == "push" else tmp_path / "out"
    result = CliRunner().invoke(cli, [*(a.format(url=server.url) for a in args), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: " + error.format(url=server.url)]


# The project's own `serve` is a second, read-only kind of SPARQL server, with its query endpoint
# at /sparql (where Virtuoso and Neptune have theirs) and no Graph Store: a PUT there is refused
# with 405.


@pytest.fixture
def own_server(seed_out: Path, tmp_path: Path) -> Iterator[str]:
    log = tmp_path / "serve.txt"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*CLI, "serve", "--out", str(seed_out), "--port", "0"], stdout=subprocess.DEVNULL, stderr=sink
        )
    try:
        deadline = time.monotonic() + 90
        while not (found := re.search(r"Serving (http://127\.0\.0\.1:\d+)/", log.read_text())):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize("layout", ["virtuoso", "neptune"])
def test_queries_reach_a_query_endpoint_at_another_path(own_server: str, seed_out: Path, layout: str) -> None:
    runner = CliRunner()
    here = runner.invoke(cli, ["query", "signatories", "--format", "csv", "--out", str(seed_out)])
    there = runner.invoke(
        cli, ["query", "signatories", "--format", "csv", "--store", own_server, "--store-layout", layout]
    )
    assert there.exit_code == 0, there.output
    assert sorted(there.output.splitlines()) == sorted(here.output.splitlines())
    status = runner.invoke(cli, ["status", "--store-query", f"{own_server}/sparql", "--out", str(seed_out)])
    assert status.exit_code == 0, status.output
    assert "declaration" in status.output and "  SPARQL update:  (not given)\n" in status.output


def test_a_405_is_one_error_line_naming_its_option(own_server: str, seed_out: Path) -> None:
    runner = CliRunner()
    given = runner.invoke(cli, ["push", "--store-data", f"{own_server}/sparql", "--out", str(seed_out)])
    assert given.exit_code == 1
    assert given.output.strip().splitlines() == [
        f"Error: {own_server}/sparql: not a Graph Store endpoint (HTTP 405 Method Not Allowed: PUT is not "
        "allowed here); check the URL given with --store-data"
    ]
    derived = runner.invoke(
        cli, ["push", "--endpoint", own_server, "--store-layout", "virtuoso", "--out", str(seed_out)]
    )
    assert derived.exit_code == 1
    assert derived.output.strip().splitlines() == [
        f"Error: {own_server}/sparql-graph-crud: not a Graph Store endpoint (HTTP 405 Method Not Allowed: PUT "
        "is not allowed here); this URL is the base URL with the virtuoso layout's path: give the right one "
        "with --store-data URL, or the server's --store-layout (oxigraph, fuseki, graphdb, virtuoso, neptune)"
    ]
