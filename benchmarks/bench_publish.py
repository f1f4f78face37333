"""What each whole-corpus output costs: seconds and peak memory per step of `publish`.

    python benchmarks/bench_publish.py benchmarks/work/store1k benchmarks/work/store10k [--skip view]

Each argument is a build's --out folder (built with `--no-outputs`). Every step runs in its own
child process, reading the store read-only and writing into benchmarks/work/publish-tmp, so each
peak resident size is that step's alone. With two stores it prints the ratio of the second to
the first: how each step grows with the corpus.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"

PRELUDE = """
import resource, sys, time
from pathlib import Path
from corecities_graph.store.embedded import GraphStore
store = GraphStore.open(Path(sys.argv[1]), read_only=True)
target = Path(sys.argv[2])
start = time.perf_counter()
"""
STEPS = {
    "dumps": """
from corecities_graph.store.export import write_dumps
write_dumps(store.oxigraph, target)
""",
    "void": """
from corecities_graph.store.dataset import statistics, write_void
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
write_void(statistics(store.oxigraph, DEFAULT_BASE_IRI), target, DEFAULT_BASE_IRI,
           "https://creativecommons.org/licenses/by/4.0/", "2026-01-01T00:00:00Z")
""",
    "reports": """
from corecities_graph.publish.report import write_reports
write_reports(store, target)
""",
    "view": """
from corecities_graph.publish.view import view_from_store, write_view
nodes, edges, docs = view_from_store(store.oxigraph)
write_view(nodes, edges, docs, target / "view.html")
""",
}
TITLES = {
    "dumps": "dumps (graph.ttl, graph.trig)",
    "void": "void.ttl",
    "reports": "reports",
    "view": "view.html",
}
CODA = """
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(out: Path, step: str, timeout: float) -> tuple[float, float] | None:
    """(seconds, peak MiB) of one step on one store, or None if it ran past the timeout."""
    target = WORK / "publish-tmp"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    script = PRELUDE + STEPS[step] + CODA
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(out), str(target)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    seconds, rss = done.stdout.split()
    return float(seconds), int(rss) / 1024


def documents(out: Path) -> int:
    sys.path.insert(0, str(HERE.parent / "src"))
    from corecities_graph.store.embedded import GraphStore

    return len(GraphStore.open(out, read_only=True).documents())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+", type=Path, help="--out folders of store-only builds")
    parser.add_argument("--skip", nargs="*", default=[], choices=list(STEPS))
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per step")
    args = parser.parse_args()
    sizes = [documents(out) for out in args.stores]
    header = " | ".join(f"{n:,} documents" for n in sizes)
    print(f"| step | {header} |" + (" ratio |" if len(sizes) == 2 else ""))
    print("|---" * (len(sizes) + 1 + (len(sizes) == 2)) + "|")
    for step in STEPS:
        if step in args.skip:
            continue
        figures = [measure(out, step, args.timeout) for out in args.stores]
        cells = [f"{s:.1f} s, {m:,.0f} MiB" if (s, m) else "" for s, m in (f or (0.0, 0.0) for f in figures)]
        cells = [c if f else f"over {args.timeout:.0f} s" for c, f in zip(cells, figures, strict=True)]
        row = f"| {TITLES[step]} | " + " | ".join(cells) + " |"
        if len(figures) == 2 and all(figures):
            (s1, m1), (s2, m2) = figures  # type: ignore[misc]
            row += f" {s2 / s1:.1f}x time, {m2 / m1:.1f}x memory |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
