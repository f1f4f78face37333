"""The remote store against a real Virtuoso (Debian's virtuoso-opensource) on free loopback ports.

The server runs from a virtuoso.ini written into a temporary folder, with a user that may write
(`GRANT SPARQL_UPDATE`, given through isql on the SQL port), reached through Virtuoso's
authenticated endpoints with HTTP Digest, as the README tells a user to set it up.
"""

from __future__ import annotations

import os
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
from corecities_graph.sparql.query import named_queries
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.remote import RemoteStore, endpoints

ROOT = Path(__file__).resolve().parents[1]
# Every named query that takes no parameter: the texts written for Virtuoso among them.
NAMED = [name for name, named in named_queries().items() if not named.params]
USER, PASSWORD = "corecities", "s3cret-for-tests"
INSTALL = "enable them with `apt-get install virtuoso-opensource` (virtuoso-t and isql-vt on the PATH)"

pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
"""


class Virtuoso:
    """A Virtuoso server over a throw-away folder: its SPARQL endpoints and its SQL port."""

    def __init__(self, folder: Path, server: str, isql: str, *, max_rows: int = 1_000_000) -> None:
        self.folder = folder
        self.isql_path = isql
        self.sql, http = _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{http}"
        (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=self.sql, http=http, max_rows=max_rows))
        self.process = subprocess.Popen(
            [server, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/sparql?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                log = folder / "virtuoso.log"
                said = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                assert self.process.poll() is None, f"Virtuoso stopped:\n{said}"
                assert time.monotonic() < deadline, f"Virtuoso did not start:\n{said}"
                time.sleep(0.25)
        self.isql(f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}'); GRANT SPARQL_UPDATE TO \"{USER}\";")
        self.reader = RemoteStore(endpoints(self.url, "virtuoso"))
        # Virtuoso's own graphs (its schemas and settings), there before any test writes one.
        self.own = self.names()

    def names(self) -> set[str]:
        # Every graph the project writes types its subjects. Asking for graphs with any triple at
        # all takes Virtuoso 7.2 half a minute over 100,000 quads; with a typed subject, a blink.
        return {row["g"] for row in self.reader.select("SELECT DISTINCT ?g { GRAPH ?g { ?s a ?type } }")}

    def isql(self, statements: str) -> str:
        done = subprocess.run(
            [self.isql_path, f"127.0.0.1:{self.sql}", "dba", "dba", f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0 and "*** Error" not in done.stdout + done.stderr, (
            done.stdout + done.stderr
        )
        return done.stdout

    def graphs(self) -> dict[str, set[ox.Triple]]:
        """Every graph the tests wrote, fetched whole through the Graph Store protocol."""
        found = {}
        for name in sorted(self.names() - self.own):
            query = urllib.parse.urlencode({"graph": name})
            request = urllib.request.Request(
                f"{self.url}/sparql-graph-crud?{query}", headers={"Accept": "application/n-triples"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                parsed = ox.parse(response.read(), format=ox.RdfFormat.N_TRIPLES)
                found[name] = {ox.Triple(t.subject, t.predicate, t.object) for t in parsed}
        return found

    def clear(self) -> None:
        for name in self.graphs():
            self.isql(f"SPARQL CLEAR GRAPH <{name}>;")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # Virtuoso shuts down cleanly on SIGTERM
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)


def _start(folder: Path, **settings: int) -> Virtuoso:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not (server and isql):
        message = f"Virtuoso is not installed; {INSTALL}"
        if os.environ.get("CORECITIES_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return Virtuoso(folder, server, isql, **settings)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    running = _start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def server(virtuoso: Virtuoso, monkeypatch: pytest.MonkeyPatch) -> Iterator[Virtuoso]:
    """The server with no graph of an earlier test, and its writer's credentials set."""
    virtuoso.clear()
    monkeypatch.setenv("CORECITIES_STORE_USER", USER)
    monkeypatch.setenv("CORECITIES_STORE_PASSWORD", PASSWORD)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    for name in ("CORECITIES_STORE_TOKEN", "NETRC"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(virtuoso.folder))  # no ~/.netrc of the user's
    yield virtuoso


GENERATE = ("--n", "60", "--seed", "3")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated releases and two hand-made ones that disagree about a post and a count."""
    from test_corpus_graph import ALLIANCE_RELEASE, NEWSPAPER_REPORT

    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), *GENERATE, "--out", str(folder)],
        check=True,
        capture_output=True,
    )
    (folder / "a_alliance.txt").write_text(ALLIANCE_RELEASE, encoding="utf-8")
    (folder / "b_paper.txt").write_text(NEWSPAPER_REPORT, encoding="utf-8")
    return folder


def _local_graphs(out: Path) -> dict[str, set[ox.Triple]]:
    graphs: dict[str, set[ox.Triple]] = {}
    for q in GraphStore.open(out, read_only=True).quads():
        graphs.setdefault(q.graph_name.value, set()).add(ox.Triple(q.subject, q.predicate, q.object))  # type: ignore[union-attr]
    return graphs


INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def _as_virtuoso_keeps(graphs: dict[str, set[ox.Triple]]) -> dict[str, set[ox.Triple]]:
    """The graphs as Virtuoso 7.2 stores them: it keeps an xsd:integer past 32 bits as an xsd:decimal
    of the same value (the seed's GBP 100000000000), and changes nothing else."""

    def kept(term: object) -> object:
        if isinstance(term, ox.Literal) and term.datatype == INTEGER and abs(int(term.value)) >= 2**31:
            return ox.Literal(term.value, datatype=DECIMAL)
        return term

    return {
        g: {ox.Triple(t.subject, t.predicate, kept(t.object)) for t in triples}  # type: ignore[arg-type]
        for g, triples in graphs.items()
    }


def _invoke(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.output


def _same_answers(remote: list[str], out: Path, *, may_be_empty: tuple[str, ...] = ("conflicts",)) -> None:
    for name in NAMED:
        there = _invoke(["query", name, "--format", "csv", *remote])
        here = _invoke(["query", name, "--format", "csv", "--out", str(out)])
        assert len(here.splitlines()) > 1 or name in may_be_empty, f"{name}: no rows to compare"
        assert sorted(there.splitlines()) == sorted(here.splitlines()), name


def test_build_query_status_and_remove_on_virtuoso(server: Virtuoso, tmp_path: Path) -> None:
    seed = str(ROOT / "data" / "declaration.txt")
    remote = ["--store", server.url, "--store-layout", "virtuoso"]
    built = CliRunner().invoke(cli, ["build", seed, *remote, "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert f"Built 1 document into {server.url}." in built.output
    _invoke(["-q", "build", seed, "--out", str(tmp_path / "local")])
    assert server.graphs() == _as_virtuoso_keeps(_local_graphs(tmp_path / "local"))
    # every Core City has a signatory university in the seed
    _same_answers(remote, tmp_path / "local", may_be_empty=("conflicts", "core_cities_without_university"))

    status = _invoke(["status", *remote, "--out", str(tmp_path / "out")])
    assert "Total: 1 document," in status
    assert f"  SPARQL update:  {server.url}/sparql-auth\n" in status
    assert f"  Graph Store:    {server.url}/sparql-graph-crud-auth\n" in status
    again = _invoke(["build", seed, *remote, "--out", str(tmp_path / "out")])
    assert "Built 0 documents, 1 unchanged" in again

    removed = _invoke(["remove", "declaration", *remote, "--out", str(tmp_path / "out")])
    assert f"Removed declaration from {server.url}." in removed
    assert [g for g in server.graphs() if "/document/" in g] == []


def test_push_holds_what_publish_wrote(server: Virtuoso, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _invoke(["-q", "build", str(corpus), "--out", str(out), "--no-outputs"])
    _invoke(["-q", "publish", "--out", str(out)])
    pushed = _invoke(["push", "--endpoint", server.url, "--store-layout", "virtuoso", "--out", str(out)])
    assert f"Pushed 63 graphs to {server.url}." in pushed
    published: dict[str, set[ox.Triple]] = {}
    for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG):
        published.setdefault(q.graph_name.value, set()).add(ox.Triple(q.subject, q.predicate, q.object))  # type: ignore[union-attr]
    assert published == _local_graphs(out)
    assert server.graphs() == _as_virtuoso_keeps(published)
    _same_answers(["--store", server.url, "--store-layout", "virtuoso"], out)
    # The two releases disagree on a post: the conflicts query's third branch has a row to give.
    conflicts = _invoke(
        ["query", "conflicts", "--format", "csv", "--store", server.url, "--store-layout", "virtuoso"]
    )
    assert "Petra Vance,post at Core Cities UK,Chair," in conflicts


def test_nquads_batches_bulk_load_into_virtuoso_and_oxigraph(
    server: Virtuoso, corpus: Path, tmp_path: Path
) -> None:
    folder = server.folder / "quads"  # inside the server's DirsAllowed
    shutil.rmtree(folder, ignore_errors=True)
    said = CliRunner().invoke(cli, ["build", str(corpus), "--nquads", str(folder), "--batch-size", "25"])
    assert said.exit_code == 0, said.output
    assert f"Built 62 documents into 3 N-Quads files in {folder}." in said.output
    files = sorted(folder.glob("*.nq"))
    assert [f.name for f in files] == ["batch-00001.nq", "batch-00002.nq", "batch-00003.nq"]
    local = tmp_path / "local"
    _invoke(["-q", "build", str(corpus), "--out", str(local), "--no-outputs"])

    server.isql(f"ld_dir('{folder}', '*.nq', 'urn:x-corecities:unused'); rdf_loader_run(); checkpoint;")
    loaded = server.isql("SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_state = 2 AND ll_error IS NULL;")
    assert " 3\n" in loaded or "\n3\n" in loaded, loaded
    assert server.graphs() == _as_virtuoso_keeps(_local_graphs(local))
    _same_answers(["--store", server.url, "--store-layout", "virtuoso"], local)

    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    loaded_here = tmp_path / "oxigraph"
    loaded_here.mkdir()  # oxigraph makes the store's folder, not its parents
    subprocess.run(
        [oxigraph, "load", "--location", str(loaded_here / "store"), "--file", *map(str, files)],
        check=True,
        capture_output=True,
    )
    assert _local_graphs(loaded_here) == _local_graphs(local)

    again = CliRunner().invoke(cli, ["build", str(corpus), "--nquads", str(folder)])
    assert again.exit_code == 1
    assert again.output.strip().splitlines() == [
        f"Error: {folder}: holds batch files of an earlier run; give an empty folder, so that a bulk "
        "load of it reads this run only"
    ]


# The smallest generated corpus tried (200, 250, 300, 400 releases, seed 7) on which Virtuoso 7.2,
# run from the INI above, answers the standard texts short: DISTINCT subqueries joined lose rows.
LARGER = ("--n", "300", "--seed", "7")


@pytest.mark.slow
def test_named_queries_agree_on_virtuoso_over_300_releases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The texts written for Virtuoso give the embedded store's rows where the standard ones lose some."""
    corpus, local = tmp_path / "corpus", tmp_path / "local"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), *LARGER, "--out", str(corpus)],
        check=True,
        capture_output=True,
    )
    _invoke(["-q", "build", str(corpus), "--out", str(local), "--no-outputs", "-j", "2"])
    (tmp_path / "server").mkdir()
    larger = _start(tmp_path / "server")
    try:
        (larger.folder / "quads").mkdir()
        GraphStore.open(local, read_only=True).oxigraph.dump(
            output=str(larger.folder / "quads" / "all.nq"), format=ox.RdfFormat.N_QUADS
        )
        larger.isql(
            f"ld_dir('{larger.folder / 'quads'}', '*.nq', 'urn:x-corecities:unused'); rdf_loader_run(); checkpoint;"
        )
        monkeypatch.setenv("HOME", str(larger.folder))
        _same_answers(["--store", larger.url, "--store-layout", "virtuoso"], local)

        # The corpus is big enough for the texts to matter: the standard one answers short here.
        named = named_queries()["proposal_signatories"]
        here = GraphStore.open(local, read_only=True).oxigraph.query(
            named.text, use_default_graph_as_union=True
        )
        there = larger.reader.select(named.text)
        assert len(there) < len(list(here)), "this corpus (or this Virtuoso) no longer shows the loss"
    finally:
        larger.stop()


def test_writes_without_the_right_credentials_are_one_error_line(
    server: Virtuoso, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seed = str(ROOT / "data" / "declaration.txt")
    remote = ["--store", server.url, "--store-layout", "virtuoso", "--out", str(tmp_path)]
    monkeypatch.setenv("CORECITIES_STORE_PASSWORD", "wrong")
    wrong = CliRunner().invoke(cli, ["build", seed, *remote])
    assert wrong.exit_code == 1
    assert wrong.output.strip().splitlines() == [
        f"Error: {server.url}/sparql-graph-crud-auth: the server refused POST: HTTP 401 Unauthorized; "
        "check the user and password set for this host"
    ]
    monkeypatch.delenv("CORECITIES_STORE_USER")
    monkeypatch.delenv("CORECITIES_STORE_PASSWORD")
    anonymous = CliRunner().invoke(cli, ["build", seed, *remote])
    assert anonymous.exit_code == 1
    assert anonymous.output.strip().splitlines() == [
        f"Error: {server.url}/sparql-graph-crud-auth: the server refused POST: HTTP 401 Unauthorized; "
        "set CORECITIES_STORE_USER and CORECITIES_STORE_PASSWORD (or CORECITIES_STORE_TOKEN) for a user "
        "with write rights"
    ]
    # Reading needs no user: the anonymous endpoint answers.
    assert server.graphs() == {}
    assert _invoke(
        ["query", "sources", "--format", "csv", "--store", server.url, "--store-layout", "virtuoso"]
    ) == ("document,title,publisher,date,url\n")


def test_a_query_virtuoso_cannot_run_is_one_error_line_without_retries(server: Virtuoso) -> None:
    store = RemoteStore(endpoints(server.url, "virtuoso"), attempts=5, backoff=5.0)
    started = time.monotonic()
    with pytest.raises(
        Exception, match=r"/sparql: the server (failed|refused) POST: HTTP [45]\d\d"
    ) as caught:
        store.select("SELECT ?x WHERE { ?x <urn:p> ?y } ORDER BY bif:no_such_function(?x)")
    assert time.monotonic() - started < 5.0, "a server's own error was retried"
    assert "no_such_function" in str(caught.value) or "Virtuoso" in str(caught.value)


def test_an_answer_virtuoso_cut_at_its_row_limit_is_an_error_not_a_short_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Virtuoso ends a result at ResultSetMaxRows and says so only in a header: a table silently
    short of rows would pass for the answer."""
    (tmp_path / "capped").mkdir()
    capped = _start(tmp_path / "capped", max_rows=5)
    try:
        monkeypatch.setenv("CORECITIES_STORE_USER", USER)
        monkeypatch.setenv("CORECITIES_STORE_PASSWORD", PASSWORD)
        monkeypatch.setenv("HOME", str(capped.folder))
        remote = ["--store", capped.url, "--store-layout", "virtuoso"]
        seed = str(ROOT / "data" / "declaration.txt")
        built = CliRunner().invoke(cli, ["-q", "build", seed, *remote, "--out", str(tmp_path / "out")])
        assert built.exit_code == 0, built.output
        assert _invoke(["query", "sources", "--format", "csv", *remote]).count("\n") == 2  # one row fits
        cut = CliRunner().invoke(cli, ["query", "institutions", "--format", "csv", *remote])
        assert cut.exit_code == 1
        lines = cut.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), cut.output
        assert "cut its answer at 5 rows" in lines[0] and "ResultSetMaxRows" in lines[0]
    finally:
        capped.stop()
