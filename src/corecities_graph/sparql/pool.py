"""SPARQL from the network, run in worker processes that can be killed when a query overruns.

pyoxigraph cannot interrupt a running query, so each query goes to a worker process holding
the store open read-only; a worker that exceeds the time limit is killed and replaced.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..store.embedded import GraphStore
from .conneg import negotiate
from .query import bind_params, named_queries, run_named, run_query
from .results import (
    GRAPH_OFFERS,
    RESULT_OFFERS,
    boolean_bytes,
    first,
    format_override,
    graph_bytes,
    solutions_bytes,
)

STARTUP_SECONDS = 60.0


@dataclass(frozen=True)
class Job:
    """One query, with what the client accepts and how many rows at most to return.

    A job with a `name` runs that named query with `params` bound to its declared parameters
    (resolved by the worker, within the time limit), and `text` is that query's text.
    """

    text: str
    accept: str | None
    formats: tuple[str, ...]
    max_rows: int
    name: str | None = None
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Answer:
    """An HTTP answer to a query: status, media type, body, and the row limit if it cut the result."""

    status: int
    media: str
    body: bytes
    cut: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


def text_answer(status: int, message: str) -> Answer:
    return Answer(status, "text/plain", (message.rstrip("\n") + "\n").encode("utf-8"))


def answer(store: GraphStore, job: Job) -> Answer:
    """Run one job against an open store (in a worker process) and format the result."""
    try:
        if job.name is not None:
            named = named_queries()[job.name]
            bound = bind_params(store, named, dict(job.params))
            result = run_named(store, named, substitutions=bound)
        else:
            result = run_query(store, "query", job.text)
        if isinstance(result, ox.QueryBoolean):
            media = _choose(job, RESULT_OFFERS)
            if media is None:
                return _not_acceptable(RESULT_OFFERS)
            return Answer(200, media, boolean_bytes(bool(result), media))
        if isinstance(result, ox.QuerySolutions):
            media = _choose(job, RESULT_OFFERS)
            if media is None:
                return _not_acceptable(RESULT_OFFERS)
            variables = [v.value for v in result.variables]
            solutions, more = first(result, job.max_rows)
            rows = [[s[name] for name in variables] for s in solutions]  # type: ignore[index]
            cut = job.max_rows if more else None
            return Answer(200, media, solutions_bytes(variables, rows, media, cut), cut)
        media = _choose(job, GRAPH_OFFERS)
        if media is None:
            return _not_acceptable(GRAPH_OFFERS)
        assert isinstance(result, ox.QueryTriples)
        triples, more = first(result, job.max_rows)
        cut = job.max_rows if more else None
        return Answer(200, media, graph_bytes(triples, media, cut), cut)  # type: ignore[arg-type]
    except QueryError as exc:
        return text_answer(400, str(exc))


def _choose(job: Job, offers: dict[str, str]) -> str | None:
    """The media type named by ?format=, else the one the Accept header prefers."""
    chosen = format_override(job.formats, offers)
    if chosen is None:
        picked = negotiate(job.accept, list(offers))
        chosen = offers[picked] if picked else None
    return chosen


def _not_acceptable(offers: dict[str, str]) -> Answer:
    return text_answer(406, "none of the accepted media types is offered; try one of " + ", ".join(offers))


def _worker(conn: Connection, out: str) -> None:
    """Worker process: open the store read-only, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = GraphStore.open(Path(out), read_only=True)
    except Exception as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(store, job)
        except Exception as exc:  # a bug, but the worker must answer and live on
            reply = text_answer(500, f"query failed: {type(exc).__name__}: {exc}")
        conn.send(reply)


class _Process:
    def __init__(self, ctx: Any, out: Path) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, str(out)), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, seconds: float) -> None:
        if not self.conn.poll(seconds):
            self.stop()
            raise StoreError("a query worker did not start in time")
        try:
            status, message = self.conn.recv()
        except EOFError:
            status, message = "failed", "the query worker exited while starting"
        if status != "ready":
            self.stop()
            raise StoreError(message)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A few worker processes; each query gets one for at most `timeout` seconds."""

    def __init__(self, out: Path, *, workers: int = 2, timeout: float = 10.0) -> None:
        self.out, self.timeout = out, timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Process] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._all: set[_Process] = set()
        started = [self._spawn() for _ in range(max(1, workers))]
        try:
            for worker in started:
                worker.wait_ready(STARTUP_SECONDS)
                self._idle.put(worker)
        except StoreError:
            self.close()
            raise

    def _spawn(self) -> _Process:
        worker = _Process(self._ctx, self.out)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Process) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        if self._closed:
            return
        worker = self._spawn()
        try:
            worker.wait_ready(STARTUP_SECONDS)
        except StoreError:
            with self._lock:
                self._all.discard(worker)
            return
        if self._closed:
            worker.stop()
        else:
            self._idle.put(worker)

    def run(self, job: Job) -> Answer:
        """The answer to one job, or 503 when every worker stays busy or the query overruns."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return text_answer(503, f"every query worker stayed busy for {self.timeout:g} s; try again later")
        started = time.monotonic()
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply: Answer = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            self._retire(worker)
            return text_answer(500, "the query worker died; the query was not answered")
        self._retire(worker)
        spent = time.monotonic() - started
        return text_answer(
            503, f"the query ran for {spent:.1f} s, over the {self.timeout:g} s limit, and was stopped"
        )

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
