"""Named queries through the project's `query` code path against the same SPARQL run directly on pyoxigraph.

Run: .venv/bin/python benchmarks/bench_queries.py --out STORE_DIR [--copies 200] [--repeats 7]

STORE_DIR is an output folder holding a built store (`corecities-graph build ... --out STORE_DIR`).
When it holds none yet, --copies N builds one first from N copies of data/declaration.txt and the
development set (../shared/corpus/dev, when present) under varied file names, so every copy is its
own document graph over the same entities.

Both paths use the same open store, warmed by one untimed run, and write CSV to a discarding
sink; the two are timed in turn, --repeats times each, and the medians are reported. The project path includes what
`corecities-graph query` does beyond pyoxigraph: the read-only check, resolving parameters
(a name to an IRI), and the CSV line-end rewriting. Target: each ratio at most 1.5x.
Then `analyse` (entity graph, centralities, communities, city ties) is timed on the same store.
Results are printed as markdown.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from corecities_graph.network.analyse import analyse
from corecities_graph.sparql.formats import write_result
from corecities_graph.sparql.query import bind_params, named_queries, run_named, run_query
from corecities_graph.store.embedded import STORE_DIR, GraphStore

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT.parent / "shared" / "corpus" / "dev"


class Discard:
    """A binary sink that keeps nothing."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def make_store(out: Path, copies: int) -> None:
    """Build `copies` copies of the seed and the development set, each under its own file name."""
    texts = [ROOT / "data" / "declaration.txt"]
    if DEV_SET.is_dir():
        texts += sorted(DEV_SET.glob("*.txt"))
    folder = out / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for text in texts:
            shutil.copy(text, folder / f"copy{i:05d}-{text.name}")
    started = time.perf_counter()
    result = build([folder], BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, write_view=False))
    print(
        f"Built {len(result.built)} documents ({result.triples} triples) in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )


def median_times(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median time of each of two runs, taken in turn (ABBA...) so that load from other work on
    the machine falls on both alike rather than on whichever ran while it lasted."""
    first()  # warm
    second()
    times: tuple[list[float], list[float]] = ([], [])
    for k in range(repeats):
        order = ((0, first), (1, second)) if k % 2 == 0 else ((1, second), (0, first))
        for which, run in order:
            started = time.perf_counter()
            run()
            times[which].append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


_MOST_CLAIMED = """
SELECT ?subject (COUNT(?claim) AS ?claims) WHERE { ?claim a ccg:StatisticalClaim ; schema:about ?subject }
GROUP BY ?subject ORDER BY DESC(?claims) ?subject LIMIT 1
"""


_A_CITY = "SELECT ?subject WHERE { ?subject a schema:City } ORDER BY ?subject LIMIT 1"


def parameters(store: GraphStore) -> dict[str, dict[str, str]]:
    """A value for each parameter that the store can answer: the subject most figures are about."""
    documents = store.documents()
    rows = list(store.oxigraph.query(_MOST_CLAIMED, prefixes=PREFIXES, use_default_graph_as_union=True))  # type: ignore[union-attr]
    if not rows:  # no figure has a resolved subject: ask about a city, which may own organisations' figures
        rows = list(store.oxigraph.query(_A_CITY, prefixes=PREFIXES, use_default_graph_as_union=True))  # type: ignore[union-attr]
    subject = rows[0]["subject"].value if rows else "Core Cities UK"  # type: ignore[index,union-attr]
    return {
        "figures_about": {"subject": subject},
        "entity_sources": {"entity": "Leeds"},
        "source_statements": {"source": documents[0][1] if documents else "declaration"},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, required=True, help="Output folder holding (or to hold) the store."
    )
    parser.add_argument(
        "--copies", type=int, default=0, help="Build a test store of N copies when none exists."
    )
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--only", nargs="*", default=None, metavar="NAME", help="Time only these named queries."
    )
    parser.add_argument("--no-analyse", action="store_true", help="Do not time `analyse` after the queries.")
    args = parser.parse_args()
    if not (args.out / STORE_DIR).exists():
        if not args.copies:
            parser.error(f"{args.out} holds no store: build one, or give --copies N")
        make_store(args.out, args.copies)
    store = GraphStore.open(args.out, read_only=True)
    triples = len(store)
    given = parameters(store)
    print(f"# Query benchmark ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)\n")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"pyoxigraph {ox.__version__}")  # fmt: skip
    print(f"Store: {args.out} ({len(store.documents())} documents, {triples} quads)")
    print(f"Load average at start: {os.getloadavg()[0]:.1f}")
    print(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    print("| query | rows | project (ms) | pyoxigraph (ms) | ratio |")
    print("|---|---|---|---|---|")
    worst = 0.0
    for name, named in named_queries().items():
        if args.only is not None and name not in args.only:
            continue
        params = given.get(name, {})
        sink = Discard()

        def project(named=named, params=params, sink=sink) -> None:  # type: ignore[no-untyped-def]
            bound = bind_params(store, named, params) if named.params else None
            result = run_named(store, named, substitutions=bound)
            write_result(result, "csv", sink)  # type: ignore[arg-type]

        bound = bind_params(store, named, params) if named.params else None

        def direct(named=named, bound=bound, sink=sink) -> None:  # type: ignore[no-untyped-def]
            result = store.oxigraph.query(
                named.text, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=bound
            )
            result.serialize(sink, format=ox.QueryResultsFormat.CSV)  # type: ignore[union-attr]

        rows = sum(1 for _ in run_query(store, name, named.text, substitutions=bound))  # type: ignore[attr-defined]
        ours, theirs = median_times(project, direct, args.repeats)
        ratio = ours / theirs if theirs else float("nan")
        worst = max(worst, ratio)
        print(f"| {name} | {rows} | {ours * 1000:.2f} | {theirs * 1000:.2f} | {ratio:.2f}x |")
    print(
        f"\nWorst ratio: {worst:.2f}x (target at most 1.5x); load average at end: {os.getloadavg()[0]:.1f}\n"
    )
    if args.no_analyse:
        return
    started = time.perf_counter()
    result = analyse(store)
    elapsed = time.perf_counter() - started
    print(
        f"analyse: {len(result.nodes)} nodes, {result.edges} edges in {elapsed:.2f} s "
        f"(betweenness: {result.methods.get('betweenness', 'n/a')})"
    )


if __name__ == "__main__":
    main()
