"""What each whole-corpus output costs: seconds, CPU seconds and peak memory per step of `publish`.

    python benchmarks/bench_publish.py benchmarks/work/store1k benchmarks/work/store10k [--skip view]
    python benchmarks/bench_publish.py STORE_1K STORE_10K --before d391be0

Each argument is a build's --out folder (built with `--no-outputs`). Every step runs in its own
child process, reading the store read-only and writing into benchmarks/work/publish-tmp, so each
peak resident size is that step's alone; CPU seconds (user + system of that process) say more
than wall seconds on a shared machine. With two stores it prints the ratio of the second to the
first: how each step grows with the corpus. With --before REV each step runs with the code of REV
as well (its src/ read with `git archive` into benchmarks/work/), one after the other in the same
run, and the table gets a row per code.
"""

from __future__ import annotations

import argparse
import os
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
from corecities_graph.corpus.limits import VIEW_MAX_NODES
from corecities_graph.publish.view import view_from_store, write_view
try:  # the digests beside the store, where the code keeps them
    from corecities_graph.publish.summary import overview
except ImportError:
    store = store.oxigraph
view = view_from_store(store, max_nodes=VIEW_MAX_NODES)
write_view(view.nodes, view.edges, view.documents, target / "view.html", total=view.total)
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
usage = resource.getrusage(resource.RUSAGE_SELF)
print(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""
Figures = tuple[float, float, float]  # seconds, CPU seconds, peak MiB


def measure(out: Path, step: str, timeout: float, src: Path | None = None) -> Figures | None:
    """(seconds, CPU seconds, peak MiB) of one step on one store, or None past the timeout.

    `src`: run with the package from this source tree instead of the installed one."""
    target = WORK / "publish-tmp"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    script = PRELUDE + STEPS[step] + CODA
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH", "")]))
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(out), str(target)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return None
    seconds, cpu, rss = done.stdout.split()
    return float(seconds), float(cpu), int(rss) / 1024


def old_source(rev: str) -> Path:
    """src/ of the project at `rev`, unpacked under benchmarks/work/."""
    folder = WORK / f"src-{rev}"
    if not (folder / "src").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(HERE.parent), "archive", rev, "src"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def documents(out: Path) -> int:
    sys.path.insert(0, str(HERE.parent / "src"))
    from corecities_graph.store.embedded import GraphStore

    return len(GraphStore.open(out, read_only=True).documents())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+", type=Path, help="--out folders of store-only builds")
    parser.add_argument("--skip", nargs="*", default=[], choices=list(STEPS))
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per step")
    parser.add_argument(
        "--before", metavar="REV", help="also run each step with the code of this git revision"
    )
    args = parser.parse_args()
    sizes = [documents(out) for out in args.stores]
    codes: list[tuple[str, Path | None]] = [("now", None)]
    if args.before:
        codes.insert(0, (args.before, old_source(args.before)))
    header = " | ".join(f"{n:,} documents" for n in sizes)
    print("Cells: wall seconds, CPU seconds of the step's process, its peak resident memory.\n")
    print(f"| step | code | {header} |" + (" ratio |" if len(sizes) == 2 else ""))
    print("|---" * (len(sizes) + 2 + (len(sizes) == 2)) + "|")
    for step in STEPS:
        if step in args.skip:
            continue
        for code, src in codes:
            figures = [measure(out, step, args.timeout, src) for out in args.stores]
            cells = [
                f"{s:.1f} s, {c:.1f} s CPU, {m:,.0f} MiB" if f else f"over {args.timeout:.0f} s"
                for f, (s, c, m) in ((f, f or (0.0, 0.0, 0.0)) for f in figures)
            ]
            row = f"| {TITLES[step]} | {code} | " + " | ".join(cells) + " |"
            if len(figures) == 2 and all(figures):
                (_s1, c1, m1), (_s2, c2, m2) = figures  # type: ignore[misc]
                row += f" {c2 / c1:.1f}x CPU, {m2 / m1:.2f}x memory |"
            print(row, flush=True)


if __name__ == "__main__":
    main()
