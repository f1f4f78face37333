"""`serve` for real: a server subprocess on a loopback port, queried by SPARQL clients and a browser."""

from __future__ import annotations

import csv
import http.client
import io
import json
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from markupsafe import escape
from rdflib import Graph, Literal, URIRef

from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
B = DEFAULT_BASE_IRI
LEEDS = B + "city/leeds"
LEEDS_PATH = urlsplit(LEEDS).path
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
MAX_REQUEST = 16_384
MAX_ROWS = 200
IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=1</script>"
# rdflib 7's JSON-LD parser (also behind SPARQLWrapper 2.0) builds a ConjunctiveGraph, which rdflib deprecates.
JSON_LD_PARSER_WARNING = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)


@dataclass
class Server:
    """A running `corecities-graph serve` and where it listens."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 80

    def request(
        self, method: str, path: str, *, headers: dict[str, str] | None = None, body: bytes | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """One raw HTTP request; the path is sent exactly as given."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            own_host = "Host" in (headers or {})
            conn.putrequest(method, path, skip_host=own_host, skip_accept_encoding=True)
            for name, value in (headers or {}).items():
                conn.putheader(name, value)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def sparql(self, query: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
        headers = {"Accept": accept} if accept else {}
        return self.request("GET", "/sparql?" + urlencode({"query": query}), headers=headers)


def start_server(out: Path, log: Path, *extra: str) -> Server:
    """Start the server on a free port and wait until it says where it listens."""
    command = [sys.executable, "-m", "corecities_graph", "serve", "--out", str(out), "--port", "0", *extra]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink, cwd=ROOT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        found = re.search(
            r"Serving (http://127\.0\.0\.1:\d+/)", log.read_text(encoding="utf-8", errors="replace")
        )
        if found:
            return Server(process, found.group(1), log)
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}: {log.read_text()}")
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"serve did not start: {log.read_text()}")


def stop_server(server: Server) -> int:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
    return server.process.wait(30)


@pytest.fixture(scope="module")
def server(seed_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("serve-log") / "stderr.txt"
    running = start_server(
        seed_out,
        log,
        "--timeout",
        "2",
        "--max-rows",
        str(MAX_ROWS),
        "--max-request-bytes",
        str(MAX_REQUEST),
    )
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document whose title, publisher and sentences carry markup that must stay text."""
    folder = tmp_path_factory.mktemp("hostile-src")
    (folder / "hostile.txt").write_text(
        f"Leeds signs the {IMG} pledge\n\n"
        f"The {SCRIPT} plan was agreed in Leeds on Monday by the University of Leeds.\n",
        encoding="utf-8",
    )
    (folder / "hostile.meta.json").write_text(
        json.dumps({"title": f"{SCRIPT} release", "publisher": IMG, "url": "javascript:window.__pwned=1"}),
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("hostile-out")
    build([folder / "hostile.txt"], BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI))
    return out


@pytest.fixture(scope="module")
def hostile_server(hostile_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(hostile_out, tmp_path_factory.mktemp("hostile-log") / "stderr.txt")
    yield running
    stop_server(running)


# --- SPARQL with real clients ----------------------------------------------------------------

CITIES = "SELECT ?city ?name WHERE { ?city a schema:City ; schema:name ?name } ORDER BY ?name"


def wrapper(server: Server, query: str, fmt: str, method: str = "GET") -> Any:
    from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper

    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery("PREFIX schema: <https://schema.org/>\n" + query)
    client.setReturnFormat(fmt)
    if method != "GET":
        client.setMethod(POST)
        if method == "POSTDIRECTLY":
            client.setRequestMethod(POSTDIRECTLY)
    return client.query().convert()


@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_sparqlwrapper_select_json(server: Server, method: str) -> None:
    from SPARQLWrapper import JSON

    result = wrapper(server, CITIES, JSON, method)
    names = [row["name"]["value"] for row in result["results"]["bindings"]]
    assert "Leeds" in names and "Sheffield" in names
    assert names == sorted(names)
    assert {"type": "uri", "value": LEEDS} in [row["city"] for row in result["results"]["bindings"]]


def test_sparqlwrapper_select_xml(server: Server) -> None:
    from SPARQLWrapper import XML

    document = wrapper(server, CITIES, XML)
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert LEEDS in uris


def test_sparqlwrapper_select_csv(server: Server) -> None:
    from SPARQLWrapper import CSV

    data = wrapper(server, CITIES, CSV)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["city", "name"]
    assert [LEEDS, "Leeds"] in rows


def test_select_tsv(server: Server) -> None:
    status, headers, body = server.sparql(
        f"SELECT DISTINCT ?name WHERE {{ <{LEEDS}> schema:name ?name }}", TSV_TYPE
    )
    assert status == 200
    assert headers["content-type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines() == ["?name", '"Leeds"']


TSV_TYPE = "text/tab-separated-values"


def test_sparqlwrapper_ask(server: Server) -> None:
    from SPARQLWrapper import JSON

    assert wrapper(server, f"ASK {{ <{LEEDS}> a schema:City }}", JSON)["boolean"] is True
    assert wrapper(server, f"ASK {{ <{LEEDS}> a schema:Person }}", JSON)["boolean"] is False


def test_sparqlwrapper_construct_turtle(server: Server) -> None:
    from SPARQLWrapper import TURTLE

    data = wrapper(server, f"CONSTRUCT {{ <{LEEDS}> ?p ?o }} WHERE {{ <{LEEDS}> ?p ?o }}", TURTLE)
    graph = Graph().parse(data=data, format="turtle")
    assert (URIRef(LEEDS), RDFS_LABEL, Literal("Leeds")) in graph


@JSON_LD_PARSER_WARNING
def test_sparqlwrapper_construct_json_ld(server: Server) -> None:
    from SPARQLWrapper import JSONLD

    graph = wrapper(server, f"CONSTRUCT {{ <{LEEDS}> ?p ?o }} WHERE {{ <{LEEDS}> ?p ?o }}", JSONLD)
    assert (URIRef(LEEDS), RDFS_LABEL, Literal("Leeds")) in graph


def test_rdflib_sparql_store_select(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url + "sparql", returnFormat="json")
    rows = list(store.query(f"SELECT DISTINCT ?name WHERE {{ <{LEEDS}> <https://schema.org/name> ?name }}"))
    assert [str(row[0]) for row in rows] == ["Leeds"]


def test_describe_answers_n_triples(server: Server) -> None:
    status, _, body = server.sparql(f"DESCRIBE <{LEEDS}>", "application/n-triples")
    assert status == 200
    graph = Graph().parse(data=body.decode(), format="nt")
    assert (URIRef(LEEDS), RDFS_LABEL, Literal("Leeds")) in graph


def test_named_query_text_runs_over_all_graphs(server: Server) -> None:
    from corecities_graph.sparql.query import named_queries

    status, _, body = server.sparql(named_queries()["signatories"].text, "text/csv")
    assert status == 200
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0][:3] == ["declaration", "institution", "name"]
    assert len(rows) > 20


def test_large_results_are_cut_and_say_so(server: Server) -> None:
    status, headers, body = server.sparql("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert str(MAX_ROWS) in headers["x-result-truncated"]
    status, headers, body = server.sparql("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle")
    assert status == 200
    assert body.startswith(f"# cut at {MAX_ROWS} triples".encode())
    assert len(Graph().parse(data=body.decode(), format="turtle")) == MAX_ROWS


def test_small_results_are_not_marked_cut(server: Server) -> None:
    _, headers, _ = server.sparql(CITIES_FULL)
    assert "x-result-truncated" not in headers


CITIES_FULL = "PREFIX schema: <https://schema.org/>\n" + CITIES


# --- refusals and status codes ---------------------------------------------------------------


def test_malformed_query_is_400_with_the_parser_message(server: Server) -> None:
    status, _, body = server.sparql("SELECT * WHERE { ?s ?p ")
    assert status == 400
    assert body.decode().startswith("query: malformed SPARQL at line 1, column ")


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("application/x-www-form-urlencoded", urlencode({"update": "DROP ALL"}).encode()),
        ("application/sparql-update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
        ("application/sparql-query", b"DELETE WHERE { ?s ?p ?o }"),
    ],
)
def test_updates_are_refused(server: Server, kind: str, body: bytes) -> None:
    status, _, text = server.request("POST", "/sparql", headers={"Content-Type": kind}, body=body)
    assert status == 403
    assert b"read-only" in text
    _, _, count = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
    assert int(count.decode().split()[-1]) > 1000


def test_update_parameter_on_get_is_refused(server: Server) -> None:
    status, _, body = server.request("GET", "/sparql?" + urlencode({"update": "DROP ALL"}))
    assert status == 403
    assert b"read-only" in body


def test_service_is_refused(server: Server) -> None:
    status, _, body = server.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403
    assert b"SERVICE calls to other endpoints are refused" in body


def test_runaway_query_is_stopped_and_the_server_recovers(server: Server) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, headers, body = server.sparql(runaway)
    assert status == 503
    assert b"over the 2 s limit" in body
    assert headers["retry-after"]
    status, _, body = server.sparql(CITIES_FULL, "text/csv")
    assert status == 200 and b"Leeds" in body


def test_unsupported_accept_is_406(server: Server) -> None:
    assert server.sparql(CITIES_FULL, "image/png")[0] == 406
    assert server.request("GET", LEEDS_PATH, headers={"Accept": "image/png"})[0] == 406


def test_unknown_iri_is_404(server: Server) -> None:
    status, _, body = server.request("GET", "/corecities/id/city/atlantis")
    assert status == 404
    assert b"atlantis" in body


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_wrong_methods_are_405(server: Server, method: str) -> None:
    status, headers, _ = server.request(method, LEEDS_PATH, body=b"")
    assert status == 405
    assert headers["allow"] == "GET, HEAD"
    assert server.request(method, "/sparql", body=b"")[0] == 405


def test_post_to_an_entity_is_405(server: Server) -> None:
    status, _, _ = server.request("POST", LEEDS_PATH, body=b"x")
    assert status == 405


def test_body_over_the_limit_is_413(server: Server) -> None:
    body = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * MAX_REQUEST
    status, _, text = server.request(
        "POST", "/sparql", headers={"Content-Type": "application/sparql-query"}, body=body
    )
    assert status == 413
    assert str(MAX_REQUEST).encode() in text


@pytest.mark.parametrize("length", [MAX_REQUEST + 10, 70_000])
def test_url_over_the_limit_is_414(server: Server, length: int) -> None:
    status, _, _ = server.request("GET", "/sparql?query=" + "a" * length)
    assert status == 414


def test_post_without_length_or_type(server: Server) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    conn.endheaders()
    assert conn.getresponse().status == 411
    conn.close()
    status, _, _ = server.request("POST", "/sparql", headers={"Content-Type": "text/plain"}, body=b"ASK {}")
    assert status == 415


def test_sparql_without_a_query_is_400(server: Server) -> None:
    assert server.request("GET", "/sparql")[0] == 400


def test_other_host_names_are_refused(server: Server) -> None:
    status, _, _ = server.request("GET", "/", headers={"Host": "attacker.example"})
    assert status == 421


@pytest.mark.parametrize(
    "path",
    [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "/corecities/id/..%2f..%2f..%2fetc%2fpasswd",
        "/corecities/id/city/..",
        "/..\\..\\etc\\passwd",
        "//etc/passwd",
        "/etc/passwd",
        "/graph.ttl",
        "/view.html/../graph.ttl",
        "/store/CURRENT",
        "/report.md",
        "/corecities/",
    ],
)
def test_no_path_reaches_the_filesystem(server: Server, path: str) -> None:
    status, _, body = server.request("GET", path)
    assert status in (400, 404)
    assert b"root:" not in body and b"@prefix" not in body and b"MANIFEST" not in body


def test_absolute_form_targets_are_refused(server: Server) -> None:
    status, _, _ = server.request("GET", "http://127.0.0.1/etc/passwd")
    assert status == 400


def test_security_headers_everywhere(server: Server) -> None:
    for path in (
        "/",
        "/view",
        "/static/query.js",
        LEEDS_PATH,
        "/nothing",
        "/sparql?" + urlencode({"query": "ASK {}"}),
    ):
        _, headers, _ = server.request("GET", path)
        assert headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in headers["content-security-policy"]


def test_view_is_served_as_built_with_its_policy(server: Server, seed_out: Path) -> None:
    status, headers, body = server.request("GET", "/view")
    assert status == 200
    assert body == (seed_out / "view.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src 'sha256-" in headers["content-security-policy"]
    status, headers, body = server.request("HEAD", "/view")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 1000


# --- entities by content negotiation ---------------------------------------------------------


@JSON_LD_PARSER_WARNING
@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("text/html;q=0.5, text/turtle;q=0.9", "turtle"),
        ("application/ld+json;q=0.8, application/n-triples;q=0.3, */*;q=0.1", "json-ld"),
    ],
)
def test_entity_conneg_gives_its_triples(server: Server, accept: str, fmt: str) -> None:
    status, headers, body = server.request("GET", LEEDS_PATH, headers={"Accept": accept})
    assert status == 200
    assert headers["vary"] == "Accept"
    graph = Graph().parse(data=body.decode(), format=fmt)
    leeds = URIRef(LEEDS)
    assert (leeds, RDFS_LABEL, Literal("Leeds")) in graph
    assert (
        leeds,
        URIRef("http://www.w3.org/2002/07/owl#sameAs"),
        URIRef("http://www.wikidata.org/entity/Q39121"),
    ) in graph
    assert (
        URIRef(B + "organisation/university-of-leeds"),
        URIRef("https://schema.org/location"),
        leeds,
    ) in graph


@pytest.mark.parametrize(
    ("name", "media"),
    [("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("nt", "application/n-triples")],
)
def test_entity_format_parameter(server: Server, name: str, media: str) -> None:
    status, headers, _ = server.request("GET", f"{LEEDS_PATH}?format={name}", headers={"Accept": "text/html"})
    assert status == 200
    assert headers["content-type"].startswith(media)


def test_entity_html_is_the_default_for_browsers(server: Server) -> None:
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = server.request("GET", LEEDS_PATH, headers={"Accept": browser_accept})
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src" not in headers["content-security-policy"]
    assert b'<h1 id="label">Leeds</h1>' in body


# --- shutdown --------------------------------------------------------------------------------


def test_sigterm_stops_the_server_cleanly(seed_out: Path, tmp_path: Path) -> None:
    running = start_server(seed_out, tmp_path / "stderr.txt", "--workers", "1")
    assert running.request("GET", LEEDS_PATH)[0] == 200
    assert stop_server(running) == 0
    log = running.log.read_text()
    assert "Stopped." in log
    assert "Traceback" not in log


def test_connections_over_the_limit_get_503(seed_out: Path, tmp_path: Path) -> None:
    running = start_server(seed_out, tmp_path / "stderr.txt", "--workers", "1", "--max-connections", "1")
    idle = socket.create_connection(("127.0.0.1", running.port), timeout=30)
    try:
        # the server accepts in order, so the idle connection holds the one slot
        status, _, body = running.request("GET", LEEDS_PATH)
        assert status == 503
        assert b"too many open connections" in body
    finally:
        idle.close()
    deadline = time.monotonic() + 30
    while running.request("GET", LEEDS_PATH)[0] != 200:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert stop_server(running) == 0


def test_missing_store_is_one_error_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "corecities_graph", "serve", "--out", str(tmp_path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path}: no graph store here; run `corecities-graph build --out {tmp_path}` first"
    ]


# --- in a real browser -----------------------------------------------------------------------


@dataclass
class Visit:
    page: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def visit(browser: Any, url: str, *, javascript: bool = True) -> Iterator[Visit]:
    """Open a page, failing every request that would leave 127.0.0.1."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    seen = Visit(page)

    def guard(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.goto(url)
    try:
        yield seen
    finally:
        context.close()


@pytest.mark.browser
def test_entity_page_in_a_browser(browser: Any, server: Server) -> None:
    for seen in visit(browser, server.url.rstrip("/") + LEEDS_PATH):
        page = seen.page
        assert page.title() == "Leeds"
        assert page.locator("h1").inner_text() == "Leeds"
        facts = page.locator("#facts").inner_text()
        assert "schema:latitude" in facts and "England" in facts
        assert "University of Leeds" in page.locator("#incoming").inner_text()
        assert (
            "Core Cities UK is an alliance of 11 cities"
            in page.locator("#sources blockquote").all_inner_texts()[1]
        )
        links = page.locator("#same-as a")
        assert "http://www.wikidata.org/entity/Q39121" in links.all_inner_texts()
        page.locator("#incoming a", has_text="University of Leeds").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "University of Leeds"
        assert page.url.endswith("/corecities/id/organisation/university-of-leeds")
        assert seen.errors == []
        assert seen.outside == []


@pytest.mark.browser
def test_view_from_the_server_in_a_browser(browser: Any, server: Server) -> None:
    for seen in visit(browser, server.url + "view"):
        seen.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
        assert seen.page.evaluate("() => ccgView.visibleNodeIds().length") > 50
        assert seen.errors == []
        assert seen.outside == []


@pytest.mark.browser
def test_hostile_names_stay_text(browser: Any, hostile_server: Server) -> None:
    _, _, body = hostile_server.sparql("SELECT ?p WHERE { ?d dcterms:publisher ?p }", "text/csv")
    publisher = body.decode().split()[1]
    pages = [urlsplit(publisher).path, LEEDS_PATH, "/corecities/id/document/hostile"]
    for path in pages:
        for seen in visit(browser, hostile_server.url.rstrip("/") + path):
            page = seen.page
            text = page.locator("body").inner_text()
            assert IMG in text or SCRIPT in text
            assert page.evaluate("() => window.__pwned") is None
            assert page.locator("main img, main script").count() == 0
            assert page.locator("a[href^='javascript']").count() == 0
            assert seen.errors == []
            assert seen.outside == []
    _, _, leeds = hostile_server.request("GET", LEEDS_PATH)
    assert b"&lt;script&gt;window.__pwned=1&lt;/script&gt; plan was agreed in Leeds" in leeds


# --- the query page --------------------------------------------------------------------------


def page(server: Server, **params: str) -> tuple[int, dict[str, str], str]:
    status, headers, body = server.request("GET", "/?" + urlencode(params), headers={"Accept": "text/html"})
    return status, headers, body.decode("utf-8")


def test_query_page_without_a_query_is_the_form(server: Server) -> None:
    status, headers, body = page(server)
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "require-trusted-types-for 'script'" in policy
    assert '<form id="editor" method="get" action="/">' in body
    assert '<option value="cities" data-text="# Which cities are named?' in body
    assert '<section id="results" hidden>' in body


def test_query_page_runs_a_typed_query_on_the_server(server: Server) -> None:
    status, _, body = page(server, query=QUERY_TYPED)
    assert status == 200
    assert re.search(r'<p id="summary">12 rows in \d+\.\d{3} s</p>', body)
    assert f'<td class="iri"><a href="{LEEDS_PATH}">{LEEDS}</a></td><td class="literal">Leeds</td>' in body
    csv_link = "/sparql?" + urlencode({"query": QUERY_TYPED, "format": "csv"})
    assert f'<a href="{csv_link.replace("&", "&amp;")}">CSV</a>' in body
    status, _, data = server.request("GET", csv_link)
    assert status == 200 and f"{LEEDS},Leeds" in data.decode()


def test_query_page_runs_a_named_query_with_its_parameter(server: Server) -> None:
    status, _, body = page(server, name="entity_sources", entity="Leeds")
    assert status == 200
    assert '<option value="entity_sources" data-text=' in body and " selected>" in body
    assert '<input name="entity" value="Leeds" required>' in body
    assert '<p id="summary">1 row in' in body
    assert '<a href="/sparql?name=entity_sources&amp;entity=Leeds&amp;format=json">JSON</a>' in body
    status, _, data = server.request("GET", "/sparql?name=entity_sources&entity=Leeds&format=csv")
    assert status == 200
    assert data.decode().splitlines()[0] == "entity,document,title,date,url,evidence"


def test_query_page_asks_for_a_missing_parameter(server: Server) -> None:
    status, _, body = page(server, name="entity_sources")
    assert status == 200
    assert '<p id="note" class="note">Give entity to run this query.</p>' in body
    assert '<section id="results" hidden>' in body
    status, _, text = server.request("GET", "/sparql?name=entity_sources")
    assert status == 400
    assert text == b"entity_sources: missing parameter entity (give entity=...)\n"
    status, _, text = server.request("GET", "/sparql?name=cities&colour=red")
    assert status == 400 and b"unknown parameter colour" in text
    assert server.request("GET", "/sparql?name=nothing")[0] == 400


@pytest.mark.parametrize(
    ("query", "endpoint_status"),
    [
        ("SELECT * WHERE { ?s ?p ", 400),
        ("DROP ALL", 403),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 403),
    ],
)
def test_query_page_shows_the_endpoints_own_refusal(server: Server, query: str, endpoint_status: int) -> None:
    status, _, refusal = server.sparql(query)
    assert status == endpoint_status
    status, _, body = page(server, query=query)
    assert status == 200  # the page was found; the refusal is in it
    message = escape(refusal.decode().strip())
    assert f'<p id="error" class="error" role="alert">{message}</p>' in body
    assert f"\n{escape(query)}</textarea>" in body  # the query text is kept in the editor
    status, _, data = server.request(
        "GET", "/?" + urlencode({"query": query}), headers={"Accept": "application/json"}
    )
    answer = json.loads(data)
    assert (answer["status"], answer["error"]) == (endpoint_status, refusal.decode().strip())


def test_query_page_shows_a_timeout_as_the_endpoint_says_it(server: Server) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    _, _, body = page(server, query=runaway)
    assert re.search(
        r'role="alert">the query ran for \d+\.\d s, over the 2 s limit, and was stopped</p>', body
    )


def test_query_page_escapes_what_it_shows(server: Server) -> None:
    query = f'SELECT ?x WHERE {{ BIND("{IMG}" AS ?x) }} # </textarea>{SCRIPT}'
    _, _, body = page(server, query=query)
    assert IMG not in body and SCRIPT not in body
    assert f'<td class="literal">{escape(IMG)}</td>' in body
    assert "&lt;/textarea&gt;" in body


def test_query_page_shows_graphs_and_answers(server: Server) -> None:
    _, _, body = page(server, query=f"DESCRIBE <{LEEDS}>")
    assert "<th>subject</th><th>predicate</th><th>object</th>" in body
    assert re.search(r'<p id="summary">\d+ triples in', body)
    assert ">Turtle</a>" in body and ">CSV</a>" not in body
    _, _, body = page(server, query=f"ASK {{ <{LEEDS}> a schema:City }}")
    assert '<p id="boolean">true</p>' in body


def test_query_page_assets_are_package_data(server: Server) -> None:
    for path, media in (("/static/query.js", "text/javascript"), ("/static/query.css", "text/css")):
        status, headers, body = server.request("GET", path)
        assert status == 200 and headers["content-type"] == media and body
    style = server.request("GET", "/static/query.css")[2].decode()
    assert "url(" not in style and "@import" not in style
    script = server.request("GET", "/static/query.js")[2].decode()
    assert re.findall(r"fetch\(([^,]+),", script) == ['"/?" + search']  # only the page itself
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "eval(" not in script


QUERY_TYPED = "SELECT DISTINCT ?city ?name WHERE { ?city a schema:City ; schema:name ?name } ORDER BY ?name"


@pytest.mark.browser
def test_query_page_in_a_browser(browser: Any, server: Server) -> None:
    from playwright.sync_api import expect

    for seen in visit(browser, server.url):
        page_ = seen.page
        page_.wait_for_selector("main[data-ready='1']", state="attached")
        # a named query with a parameter
        page_.select_option("#name", "entity_sources")
        assert "Which sources mention an entity" in page_.input_value("#query")
        page_.fill("fieldset[data-for='entity_sources'] input[name='entity']", "Leeds")
        page_.click("#run-named")
        expect(page_.locator("#summary")).to_have_text(re.compile(r"^1 row in \d+\.\d{3} s$"))
        assert page_.url == server.url + "?name=entity_sources&entity=Leeds"
        # a typed query, run with Ctrl+Enter
        page_.fill("#query", QUERY_TYPED)
        page_.press("#query", "Control+Enter")
        expect(page_.locator("#summary")).to_have_text(re.compile(r"^12 rows in "))
        assert page_.input_value("#name") == ""
        assert page_.url == server.url + "?" + urlencode({"query": QUERY_TYPED})
        leeds = page_.locator("#table a", has_text=LEEDS)
        assert leeds.get_attribute("href") == LEEDS_PATH
        assert page_.locator("#downloads a").all_inner_texts() == ["CSV", "TSV", "JSON"]
        # a permalink reload shows the same result, from the server
        page_.reload()
        page_.wait_for_selector("main[data-ready='1']", state="attached")
        expect(page_.locator("#summary")).to_have_text(re.compile(r"^12 rows in "))
        assert page_.input_value("#query") == QUERY_TYPED
        # a syntax error: line and column under the editor, the text kept, the caret there
        broken = "SELECT * WHERE {\n  ?s ?p\n"
        page_.fill("#query", broken)
        page_.press("#query", "Control+Enter")
        expect(page_.locator("#error")).to_have_text(
            re.compile(r"^query: malformed SPARQL at line 3, column 1: ")
        )
        assert page_.locator("#results").is_hidden()
        assert page_.input_value("#query") == broken
        assert page_.evaluate("() => document.getElementById('query').selectionStart") == len(broken)
        # back to the typed query
        page_.go_back()
        expect(page_.locator("#error")).to_be_hidden()
        expect(page_.locator("#summary")).to_have_text(re.compile(r"^12 rows in "))
        assert page_.input_value("#query") == QUERY_TYPED
        # a refused update shows the endpoint's words
        page_.fill("#query", "DROP ALL")
        page_.press("#query", "Control+Enter")
        expect(page_.locator("#error")).to_have_text("query: this is an update; the graph is read-only here")
        # a hostile literal stays text
        page_.fill("#query", f'SELECT ?x WHERE {{ BIND("{IMG}" AS ?x) }}')
        page_.press("#query", "Control+Enter")
        page_.wait_for_selector("main[data-busy='0']", state="attached")
        expect(page_.locator("#table td")).to_have_text(IMG)
        assert page_.locator("main img, main script").count() == 0
        assert page_.evaluate("() => window.__pwned") is None
        # an entity link goes to its page
        page_.fill("#query", QUERY_TYPED)
        page_.press("#query", "Control+Enter")
        page_.locator("#table a", has_text=LEEDS).click()
        page_.wait_for_load_state()
        assert page_.locator("h1").inner_text() == "Leeds"
        assert seen.errors == []
        assert seen.outside == []


@pytest.mark.browser
def test_query_page_without_javascript(browser: Any, server: Server) -> None:
    for seen in visit(browser, server.url, javascript=False):
        page_ = seen.page
        page_.select_option("#name", "cities")
        page_.click("#run-named")
        page_.wait_for_load_state()
        assert page_.url == server.url + "?name=cities"
        assert page_.locator("#summary").inner_text().startswith("12 rows in ")
        assert "Which cities are named?" in page_.input_value("#query")
        page_.fill("#query", QUERY_TYPED)
        page_.click("#run")
        page_.wait_for_load_state()
        assert page_.url == server.url + "?" + urlencode({"query": QUERY_TYPED})
        assert page_.locator("#table tbody tr").count() == 12
        assert page_.locator("#table a", has_text=LEEDS).get_attribute("href") == LEEDS_PATH
        page_.fill("#query", "SELECT * WHERE { ?s ?p ")
        page_.click("#run")
        page_.wait_for_load_state()
        assert page_.locator("#error").inner_text().startswith("query: malformed SPARQL at line 1, column ")
        assert page_.input_value("#query") == "SELECT * WHERE { ?s ?p "
        assert seen.errors == []
        assert seen.outside == []


@pytest.mark.browser
def test_query_page_shows_hostile_data_as_text(browser: Any, hostile_server: Server) -> None:
    query = "SELECT DISTINCT ?title ?publisher WHERE { ?d dcterms:title ?title ; dcterms:publisher ?p . ?p schema:name ?publisher }"
    for seen in visit(browser, hostile_server.url + "?" + urlencode({"query": query})):
        page_ = seen.page
        page_.wait_for_selector("main[data-ready='1']", state="attached")
        text = page_.locator("#table").inner_text()
        assert SCRIPT in text and IMG in text
        page_.press("#query", "Control+Enter")  # the same rows, drawn by the script this time
        page_.wait_for_selector("main[data-busy='0']", state="attached")
        assert SCRIPT in page_.locator("#table").inner_text()
        assert page_.locator("main img, main script").count() == 0
        assert page_.evaluate("() => window.__pwned") is None
        assert seen.errors == []
        assert seen.outside == []


@pytest.mark.slow
def test_load_script_smoke(seed_out: Path) -> None:
    """The load benchmark runs end to end; a tiny run must see no errors (its timings are not judged)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "load_serve.py"),
            "--clients",
            "3",
            "--seconds",
            "2",
            "--max-requests",
            "200",
            "--out",
            str(seed_out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", errors: 0" in result.stdout
    assert "server exit code after SIGTERM: 0" in result.stdout
