"""The graph over HTTP: the query page, entity pages at their IRIs' paths, a SPARQL endpoint, the network view.

Read-only, loopback by default, and hardened: bounded requests, a time limit on every query,
a row limit on every result, strict paths (nothing from the filesystem but view.html and the
query page's own script and stylesheet, which are package data).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import signal
import socket
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import QueryError, StoreError
from ..sparql.conneg import negotiate
from ..sparql.pool import Answer, Job, QueryPool, text_answer
from ..sparql.query import NamedQuery, check_read_only, named_queries
from ..sparql.results import CHARSET, GRAPH_OFFERS, N_TRIPLES, SPARQL_JSON, format_override, graph_bytes
from ..store.embedded import GraphStore
from .pages import Site, page_csp, render_page
from .query_page import (
    PAGE_ACCEPT,
    RESERVED,
    STATIC,
    PageState,
    named_fields,
    render_query_page,
    result_from_json,
    result_from_n_triples,
    static_file,
)
from .query_page import page_csp as query_csp

HTML = "text/html"
ENTITY_OFFERS = {HTML: HTML, "application/xhtml+xml": HTML, **GRAPH_OFFERS}
FORMAT_LINKS = [("text/turtle", "ttl"), ("application/ld+json", "jsonld"), ("application/n-triples", "nt")]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
_META_CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_ERROR_CSP = "default-src 'none'; frame-ancestors 'none'"
_BUSY_TEXT = b"too many open connections; try again later\n"
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"X-Content-Type-Options: nosniff\r\nRetry-After: 5\r\nConnection: close\r\n"
    + f"Content-Length: {len(_BUSY_TEXT)}\r\n\r\n".encode()
    + _BUSY_TEXT
)


@dataclass(frozen=True)
class ServeSettings:
    out: Path
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10_000
    max_request_bytes: int = 1_048_576
    workers: int = 2
    max_connections: int = 128
    quiet: bool = False


class GraphServer(ThreadingHTTPServer):
    """A threading HTTP server holding the store, the query workers and the limits."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, settings: ServeSettings, pool: QueryPool, store: GraphStore) -> None:
        self.settings = settings
        self.pool = pool
        self.site = Site(store.oxigraph)
        self.queries: dict[str, NamedQuery] = named_queries()
        view = settings.out / "view.html"
        self.view = view.read_bytes() if view.is_file() else None
        found = _META_CSP.search(self.view) if self.view else None
        self.view_csp = html.unescape(found.group(1).decode("utf-8")) if found else _ERROR_CSP
        self._slots = threading.BoundedSemaphore(settings.max_connections)
        family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
        self.address_family = family
        super().__init__((settings.host, settings.port), Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """One thread per connection, up to max_connections; past that a short 503 and close."""
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"


class Handler(BaseHTTPRequestHandler):
    """One request: check it, route it, answer with the right status and headers."""

    server: GraphServer
    protocol_version = "HTTP/1.1"
    server_version = "corecities-graph"
    sys_version = ""
    timeout = 30  # a client that stops sending mid-request is dropped after this many seconds

    # --- routing ---------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._answer("GET")

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_POST(self) -> None:
        self._answer("POST")

    def _answer(self, method: str) -> None:
        """Route the request; a bug still gets a 500 answer (and its traceback in the log)."""
        try:
            self._route(method)
        except Exception:
            self.log_error("%s", traceback.format_exc())
            with contextlib.suppress(OSError):
                self._send(text_answer(500, "internal error; see the server log"), close=True)

    def _wrong_method(self) -> None:
        self._send(text_answer(405, f"{self.command} is not allowed here"), allow=self._allowed())

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _wrong_method

    def _allowed(self) -> str:
        return "GET, HEAD, POST" if urlsplit(self.path).path == "/sparql" else "GET, HEAD"

    def _route(self, method: str) -> None:
        settings = self.server.settings
        if len(self.path) > settings.max_request_bytes:
            self._send(text_answer(414, "the request URL is too long"), close=True)
            return
        if not self._host_ok():
            self._send(text_answer(421, "this server answers only to its own loopback address"), close=True)
            return
        if not self.path.startswith("/"):
            self._send(text_answer(400, "the request target must be a path"), close=True)
            return
        parts = urlsplit(self.path)
        path = parts.path
        if not _clean(path):
            self._send(text_answer(400, "the path has dot segments, backslashes or control characters"))
            return
        if path == "/sparql":
            self._sparql(method, parts.query)
            return
        if method == "POST":
            self._send(text_answer(405, "POST is allowed only at /sparql"), allow="GET, HEAD")
            return
        if path in ("/", "/index.html"):
            self._query_page(parts.query)
            return
        if path in ("/view", "/view.html"):
            self._view()
            return
        if path in STATIC:
            name, media = STATIC[path]
            self._send(Answer(200, media, static_file(name)))
            return
        self._entity(path, parts.query)

    def _host_ok(self) -> bool:
        """Refuse other Host names on a loopback server, so no web page can rebind a name to it."""
        bound = self.server.settings.host
        if bound not in LOOPBACK and not bound.startswith("127."):
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in LOOPBACK or name.startswith("127.")

    # --- pages -----------------------------------------------------------------------------

    def _view(self) -> None:
        if self.server.view is None:
            self._send(text_answer(404, "no network view here: build the graph first"))
            return
        self._send(Answer(200, HTML, self.server.view), csp=self.server.view_csp)

    def _entity(self, path: str, query: str) -> None:
        params = parse_qs(query, max_num_fields=20)
        iri = self.server.site.iri_for(path)
        if iri is None:
            self._send(text_answer(404, f"nothing in the graph has the IRI path {path}"))
            return
        media = format_override(params.get("format", []), ENTITY_OFFERS)
        if media is None and params.get("format"):
            self._send(text_answer(406, "unknown format; try html, ttl, jsonld or nt"))
            return
        if media is None:
            picked = negotiate(self.headers.get("Accept"), list(ENTITY_OFFERS))
            if picked is None:
                offers = ", ".join(dict.fromkeys(ENTITY_OFFERS.values()))
                self._send(text_answer(406, f"none of the accepted media types is offered; try {offers}"))
                return
            media = ENTITY_OFFERS[picked]
        entity = self.server.site.describe(iri, self.server.settings.max_rows)
        if media == HTML:
            formats = [(name, f"{path}?format={short}") for name, short in FORMAT_LINKS]
            body = render_page(entity, formats).encode("utf-8")
            self._send(Answer(200, HTML, body), csp=page_csp(), vary=True)
            return
        cut = self.server.settings.max_rows if entity.cut else None
        self._send(Answer(200, media, graph_bytes(entity.triples, media, cut), cut), vary=True)

    # --- SPARQL ----------------------------------------------------------------------------

    def _sparql(self, method: str, query: str) -> None:
        if method == "HEAD":
            self._send(text_answer(405, "HEAD is not allowed at /sparql"), allow="GET, POST")
            return
        params = parse_qs(query, keep_blank_values=True, max_num_fields=50)
        text: str | None = None
        if method == "POST":
            body = self._body()
            if body is None:
                return
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/x-www-form-urlencoded":
                try:
                    form = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
                except (UnicodeDecodeError, ValueError) as exc:
                    self._send(text_answer(400, f"the form cannot be read: {exc}"))
                    return
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            elif kind == "application/sparql-query":
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    self._send(text_answer(400, "the query is not UTF-8"))
                    return
            elif kind == "application/sparql-update":
                self._send(text_answer(403, "this endpoint is read-only: SPARQL Update is refused"))
                return
            else:
                self._send(
                    text_answer(415, "send application/x-www-form-urlencoded or application/sparql-query")
                )
                return
        if "update" in params:
            self._send(text_answer(403, "this endpoint is read-only: SPARQL Update is refused"))
            return
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            self._send(text_answer(400, "default-graph-uri and named-graph-uri are not supported here"))
            return
        formats = tuple(params.get("format", []) + params.get("output", []) + params.get("results", []))
        accept = self.headers.get("Accept")
        if text is None and "name" in params and "query" not in params:
            job_or_refusal = self._named_job(params, accept, formats)
            if isinstance(job_or_refusal, Answer):
                self._send(job_or_refusal)
                return
            self._send(self.server.pool.run(job_or_refusal), vary=True)
            return
        if text is None:
            queries = params.get("query", [])
            if len(queries) != 1:
                self._send(text_answer(400, "give exactly one query= parameter"))
                return
            text = queries[0]
        refusal = _refusal(text)
        if refusal is not None:
            self._send(refusal)
            return
        job = Job(text, accept, formats, self.server.settings.max_rows)
        self._send(self.server.pool.run(job), vary=True)

    def _named_job(
        self, params: dict[str, list[str]], accept: str | None, formats: tuple[str, ...]
    ) -> Job | Answer:
        """A job for `name=` and its parameters (the other keys of the query string), or the refusal."""
        names = params["name"]
        named = self.server.queries.get(names[0]) if len(names) == 1 else None
        if named is None:
            known = ", ".join(self.server.queries)
            return text_answer(400, f"give one name= of a named query ({known})")
        given = {k: v for k, v in params.items() if k not in RESERVED}
        declared = {p.name for p in named.params}
        unknown = sorted(set(given) - declared)
        if unknown:
            accepted = ", ".join(sorted(declared)) or "none"
            return text_answer(
                400, f"{named.name}: unknown parameter {', '.join(unknown)} (accepted: {accepted})"
            )
        values, missing = named_fields(named, given)
        if missing:
            usage = "&".join(f"{n}=..." for n in missing)
            return text_answer(400, f"{named.name}: missing parameter {', '.join(missing)} (give {usage})")
        return Job(
            named.text,
            accept,
            formats,
            self.server.settings.max_rows,
            name=named.name,
            params=tuple(values.items()),
        )

    # --- the query page --------------------------------------------------------------------

    def _query_page(self, query: str) -> None:
        """The editor and the named queries; with ?query= or ?name= also the result, run here."""
        params = parse_qs(query, keep_blank_values=True, max_num_fields=50)
        state = PageState()
        queries = self.server.queries
        names = [n for n in params.get("name", []) if n]
        if names:
            named = queries.get(names[0])
            if named is None or len(names) != 1:
                state.status = 400
                state.error = f"give one name= of a named query ({', '.join(queries)})"
            else:
                state.name, state.text = named.name, named.text
                state.values, missing = named_fields(named, params)
                if missing:
                    state.note = f"Give {', '.join(missing)} to run this query."
                else:
                    job = self._named_job(
                        {"name": [named.name], **{k: [v] for k, v in state.values.items()}}, PAGE_ACCEPT, ()
                    )
                    self._run_for_page(state, job)
        elif params.get("query"):
            texts = params["query"]
            state.text = texts[0]
            if len(texts) != 1:
                state.status, state.error = 400, "give exactly one query= parameter"
            elif state.text.strip():
                refusal = _refusal(state.text)
                if refusal is not None:
                    state.status, state.error = refusal.status, refusal.body.decode("utf-8").strip()
                else:
                    self._run_for_page(state, Job(state.text, PAGE_ACCEPT, (), self.server.settings.max_rows))
        if negotiate(self.headers.get("Accept"), [HTML, "application/json"]) == "application/json":
            self._send(Answer(200, "application/json", state.as_json()), vary=True)
            return
        body = render_query_page(state, list(queries.values()), self.server.site.origins).encode("utf-8")
        self._send(Answer(200, HTML, body), csp=query_csp(), vary=True)

    def _run_for_page(self, state: PageState, job: Job | Answer) -> None:
        """Run a job in the pool and put its result, or the endpoint's refusal, into the page."""
        started = time.monotonic()
        reply = job if isinstance(job, Answer) else self.server.pool.run(job)
        state.seconds = time.monotonic() - started
        state.reply = reply
        if reply.status != 200:
            state.status, state.error = reply.status, reply.body.decode("utf-8", "replace").strip()
            return
        state.cut = reply.cut
        if reply.media == SPARQL_JSON:
            state.result = result_from_json(self.server.site, json.loads(reply.body))
        elif reply.media == N_TRIPLES:
            state.result = result_from_n_triples(self.server.site, reply.body)
        else:  # the page asked only for these two
            state.status, state.error = 500, f"unexpected answer of type {reply.media}"

    def _body(self) -> bytes | None:
        """The request body within the size limit, or None after answering the error."""
        if self.headers.get("Transfer-Encoding"):
            self._send(text_answer(411, "send the body with a Content-Length, not chunked"), close=True)
            return None
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            self._send(text_answer(411, "a Content-Length is required"), close=True)
            return None
        try:
            length = int(length_text)
        except ValueError:
            self._send(text_answer(400, "the Content-Length is not a number"), close=True)
            return None
        limit = self.server.settings.max_request_bytes
        if length < 0 or length > limit:
            self._send(text_answer(413, f"the request body is over the {limit} byte limit"), close=True)
            return None
        return self.rfile.read(length)

    # --- answers ---------------------------------------------------------------------------

    def _send(
        self,
        answer: Answer,
        *,
        csp: str = _ERROR_CSP,
        allow: str | None = None,
        vary: bool = False,
        close: bool = False,
    ) -> None:
        media = answer.media
        if media in CHARSET or media in (HTML, "text/plain"):
            media += "; charset=utf-8"
        self.send_response(answer.status, HTTPStatus(answer.status).phrase)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", csp)
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        if vary:
            self.send_header("Vary", "Accept")
        if allow:
            self.send_header("Allow", allow)
        if answer.status == 503:
            self.send_header("Retry-After", "5")
        if answer.cut is not None:
            self.send_header("X-Result-Truncated", f"cut at {answer.cut} rows (max-rows)")
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, URL over 64 KiB, ...) in our plain form."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self._send(text_answer(code, message or HTTPStatus(code).phrase), close=True)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.settings.quiet:
            super().log_message(format, *args)


def _refusal(text: str) -> Answer | None:
    """The endpoint's 403 for an update or a SERVICE call (the CLI's flag hints left out), else None."""
    try:
        check_read_only("query", text)
    except QueryError as exc:
        message = str(exc).replace(" (use --allow-service)", "").replace(" (use --allow-update)", "")
        return text_answer(403, message)
    return None


def _clean(path: str) -> bool:
    """No dot segments (raw or percent-encoded), backslashes, NULs or control characters."""
    decoded = unquote(unquote(path))
    if "\\" in decoded or any(ord(c) < 32 or ord(c) == 127 for c in decoded):
        return False
    return not any(segment in (".", "..") for segment in decoded.split("/"))


def serve(settings: ServeSettings, announce: Callable[[str], None]) -> None:
    """Serve until Ctrl-C or SIGTERM; `announce` is told the URL once the server listens."""
    store = GraphStore.open(settings.out, read_only=True)
    pool = QueryPool(settings.out, workers=settings.workers, timeout=settings.timeout)
    try:
        try:
            server = GraphServer(settings, pool, store)
        except OSError as exc:
            raise StoreError(
                f"{settings.host}:{settings.port}: cannot listen: {exc.strerror or exc}"
            ) from exc
        stop = threading.Event()

        def on_signal(signum: int, frame: object) -> None:
            if not stop.is_set():
                stop.set()
                threading.Thread(target=server.shutdown, daemon=True).start()

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            announce(server.url)
            server.serve_forever(poll_interval=0.2)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            server.server_close()
    finally:
        pool.close()
