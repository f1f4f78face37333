"""A bounded load run against `corecities-graph serve` on loopback: throughput and latency percentiles.

Run: .venv/bin/python benchmarks/load_serve.py --clients 50 --seconds 30
Starts the server on a free 127.0.0.1 port over a build of data/declaration.txt (or --out DIR),
then N client threads, each on its own keep-alive connection, send a mix of entity pages (HTML),
entity conneg formats (Turtle, JSON-LD, N-Triples) and SPARQL queries (SELECT as JSON and CSV,
ASK, CONSTRUCT) for D seconds, and at most --max-requests in all. Prints requests, errors,
throughput and latency percentiles as markdown. The clients share one Python process with the
GIL, so the figures are a floor for what the server can do.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    (
        "application/sparql-results+json",
        "SELECT ?city ?name WHERE { ?city a schema:City ; schema:name ?name }",
    ),
    ("text/csv", "SELECT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name } LIMIT 50"),
    ("application/sparql-results+json", "ASK { ?d a ccg:Declaration }"),
    ("text/turtle", "CONSTRUCT { ?o schema:location ?c } WHERE { ?o schema:location ?c }"),
    (
        "text/csv",
        "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
    ),
]
ENTITY_FORMATS = ["text/html", "text/turtle", "application/ld+json", "application/n-triples"]


def start(out: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    command = [sys.executable, "-m", "corecities_graph", "-q", "serve", "--out", str(out), "--port", "0"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink, cwd=ROOT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        found = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", log.read_text(errors="replace"))
        if found:
            return process, found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    sys.exit(f"Error: {log}: the server did not start: {log.read_text(errors='replace')}")


def entity_paths(port: int) -> list[str]:
    """Paths of the cities, organisations and people in the graph."""
    query = (
        "SELECT DISTINCT ?s WHERE { { ?s a schema:City } UNION { ?s a schema:Organization }"
        " UNION { ?s a schema:Person } }"
    )
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/sparql?" + urlencode({"query": query}), headers={"Accept": "application/json"})
    rows = json.loads(conn.getresponse().read())["results"]["bindings"]
    conn.close()
    return sorted(urlsplit(row["s"]["value"]).path for row in rows)


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()


def client(
    port: int, paths: list[str], stop_at: float, budget: threading.Semaphore, tally: Tally, seed: int
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while time.monotonic() < stop_at and budget.acquire(blocking=False):
        roll = rng.random()
        if roll < 0.6:
            accept = rng.choice(ENTITY_FORMATS)
            path, kind = rng.choice(paths), "entity " + accept
        else:
            accept, query = rng.choice(QUERIES)
            path, kind = "/sparql?" + urlencode({"query": query}), "sparql " + accept
        began = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept": accept})
            response = conn.getresponse()
            response.read()
            error = None if response.status == 200 else f"HTTP {response.status}"
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            error = type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        spent = time.perf_counter() - began
        with tally.lock:
            tally.latencies.append(spent)
            tally.kinds[kind] += 1
            if error:
                tally.errors[error] += 1
    conn.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="Stop after this many in all.")
    parser.add_argument(
        "--out", type=Path, default=None, help="A built output folder (default: build the seed)."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="load-serve-") as work:
        out = args.out
        if out is None:
            out = Path(work) / "out"
            env = {**os.environ, "SOURCE_DATE_EPOCH": "1600000000"}
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "corecities_graph",
                    "-q",
                    "build",
                    "data/declaration.txt",
                    "--out",
                    str(out),
                ],
                cwd=ROOT,
                env=env,
                check=True,
            )
        process, url = start(out, Path(work) / "serve.log")
        port = urlsplit(url).port or 80
        try:
            paths = entity_paths(port)
            tally = Tally()
            budget = threading.Semaphore(args.max_requests)
            began = time.monotonic()
            stop_at = began + args.seconds
            threads = [
                threading.Thread(target=client, args=(port, paths, stop_at, budget, tally, n))
                for n in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(args.seconds + 120)
            elapsed = time.monotonic() - began
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(30)

    total = len(tally.latencies)
    errors = sum(tally.errors.values())
    ms = [1000 * v for v in tally.latencies]
    print(
        f"## serve under load ({datetime.now(UTC):%Y-%m-%d}, {platform.machine()}, {os.cpu_count()} cores)\n"
    )
    print(
        f"Command: `.venv/bin/python benchmarks/load_serve.py --clients {args.clients} --seconds {args.seconds:g}`\n"
    )
    print(f"- clients: {args.clients}, duration: {elapsed:.1f} s, entities in the mix: {len(paths)}")
    print(f"- requests: {total}, errors: {errors}" + (f" ({dict(tally.errors)})" if errors else ""))
    print(f"- throughput: {total / elapsed:.1f} requests/s")
    print(
        "- latency ms: "
        + ", ".join(f"p{int(q * 100)} {percentile(ms, q):.1f}" for q in (0.5, 0.9, 0.99))
        + f", max {max(ms, default=0.0):.1f}"
    )
    print(f"- server exit code after SIGTERM: {code}")
    print("\n| request kind | count |\n|---|---|")
    for kind, count in sorted(tally.kinds.items()):
        print(f"| {kind} | {count} |")
    return 1 if errors or code != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
