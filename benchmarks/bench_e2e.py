"""End-to-end profile of a build: every stage's wall time, CPU time and peak memory, each against
its floor measured in the same run.

    python benchmarks/bench_e2e.py --corpus /work/bench/c1000 --label before
    python benchmarks/bench_e2e.py --n 200                 # generates benchmarks/work/e2e-corpus-200

A first build of the corpus into a new folder (benchmarks/work/e2e-out-N, removed first) with
every default on: the SHACL check, the whole-corpus outputs (dumps, void.ttl, reports, view) and
one worker per CPU. The build is the library's, timed through its stage events (stages.py), so
the stages are those `corecities-graph build` shows on a terminal.

How each figure is taken:
- wall: time.perf_counter between a stage's start and end events. CPU: user + system time of
  this process and of its finished children (getrusage SELF + CHILDREN) over the same span; the
  extraction workers are children, counted when the pool ends, which is before the documents
  stages end.
- read, extract, model, store run per document, extraction in the workers ahead of the writer:
  their wall and CPU are the sums of each document's own times, taken where the work ran
  (perf_counter and thread_time around it), and come with the window they shared.
- peak memory: resident set size of this process plus every process under it, summed, read from
  /proc every 20 ms by a sampling thread and at every stage event; a stage's peak is the highest
  sample between its start and end.
- floors, after the build, on the same data: read = Path.read_bytes + UTF-8 decode of every file;
  extract = the extractor alone over the same documents, in this process, no store; store =
  pyoxigraph Store.bulk_load of the build's own N-Quads into a new store (with flush); dumps =
  Store.dump of the same store (N-Quads for graph.ttl, TriG for graph.trig); the whole-store
  steps (validate, void.ttl, reports, view) = a plain SELECT over every quad of the store, each
  row's terms touched. A ratio is the stage's figure over its floor's.
The output is a markdown block (heading, command, machine, table) on stdout; with --write FILE
it also goes into FILE at the end of its "## End to end" section (made when missing). Progress
goes to stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(ROOT / "src"))

import pyoxigraph as ox  # noqa: E402

from corecities_graph.corpus.build import BuildSettings, build  # noqa: E402
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI  # noqa: E402
from corecities_graph.stages import CHECK, EXTRACT, MODEL, READ, STORE, STORE_FINISH, VALIDATE, StageEvent  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
PER_DOCUMENT = (READ, EXTRACT, MODEL, CHECK, STORE)
WHOLE_STORE = "SELECT over every quad"


# --- memory -------------------------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    """pid and every process under it."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return found


def rss_now() -> int:
    """Resident bytes of this process and all processes under it."""
    total = 0
    for pid in _tree(os.getpid()):
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class Sampler:
    """Samples rss_now() in a thread; sample() adds one at once (at each stage event)."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.samples: list[tuple[float, int]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> float:
        """Take a sample now; returns its time, so that a span can start or end on it."""
        value, now = rss_now(), time.perf_counter()
        with self._lock:
            self.samples.append((now, value))
        return now

    def peak(self, start: float, end: float) -> int:
        with self._lock:
            inside = [rss for t, rss in self.samples if start <= t <= end]
        return max(inside, default=0)


# --- timing -------------------------------------------------------------------------------------


def cpu_now() -> float:
    """User + system seconds of this process and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Span:
    name: str
    start: float = 0.0
    end: float = 0.0
    cpu_start: float = 0.0
    cpu_end: float = 0.0
    items: int = 0
    busy: float = 0.0
    busy_cpu: float = 0.0
    peak: int = 0

    @property
    def wall(self) -> float:
        return self.end - self.start

    @property
    def cpu(self) -> float:
        return self.cpu_end - self.cpu_start


@dataclass
class Recorder:
    """The stage observer: a Span per stage, in the order the stages started."""

    sampler: Sampler
    spans: dict[str, Span] = field(default_factory=dict)
    last_report: float = 0.0

    def __call__(self, event: StageEvent) -> None:
        now = self.sampler.sample()
        if event.kind == "start":
            self.spans[event.stage] = Span(event.stage, now, now, cpu_now(), cpu_now())
            return
        span = self.spans[event.stage]
        if event.kind == "advance":
            span.items = event.done
            span.busy += event.seconds
            span.busy_cpu += event.cpu
            if event.stage == STORE and (now - self.last_report > 30 or event.done == event.total):
                self.last_report = now
                print(f"  {event.done}/{event.total} documents, {now - span.start:.0f} s", file=sys.stderr)
        else:
            span.end, span.cpu_end = now, cpu_now()
            span.peak = self.sampler.peak(span.start, span.end)
            print(f"  {event.stage}: {span.wall:.2f} s", file=sys.stderr)


def measured(name: str, sampler: Sampler, work: object) -> Span:
    """Run work() as a floor: its wall, CPU and peak memory."""
    assert callable(work)
    gc.collect()
    span = Span(name, sampler.sample(), 0.0, cpu_now())
    work()
    span.cpu_end = cpu_now()
    span.end = sampler.sample()
    span.peak = sampler.peak(span.start, span.end)
    print(f"  floor {name}: {span.wall:.2f} s", file=sys.stderr)
    return span


# --- floors -------------------------------------------------------------------------------------


def floor_read(files: list[Path]) -> None:
    for path in files:
        path.read_bytes().decode("utf-8", errors="replace")


def floor_extract(files: list[Path]) -> tuple[float, float]:
    """The extractor alone over every file; returns (wall, CPU) of the extract calls only."""
    from corecities_graph.extract import extract
    from corecities_graph.resolve.reference import Reference
    from corecities_graph.sources.read import read_document

    ref = Reference.load(None)
    wall = cpu = 0.0
    for path in files:
        document = read_document(path)
        began, began_cpu = time.perf_counter(), time.thread_time()
        extract(document, ref)
        wall += time.perf_counter() - began
        cpu += time.thread_time() - began_cpu
    return wall, cpu


def floor_select(store: ox.Store) -> int:
    rows = 0
    for solution in store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"):  # type: ignore[union-attr]
        for index in range(4):
            solution[index].value  # type: ignore[index, union-attr]  # noqa: B018 (each term read, as a step does)
        rows += 1
    return rows


# --- the run ------------------------------------------------------------------------------------


def corpus_folder(args: argparse.Namespace) -> Path:
    if args.corpus:
        return Path(args.corpus)
    folder = WORK / f"e2e-corpus-{args.n}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != args.n:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_corpus.py"),
                "--n",
                str(args.n),
                "--seed",
                "7",
                "--out",
                str(folder),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def fmt_ratio(value: float, floor: float) -> str:
    return f"{value / floor:.2f}x" if floor > 0 else "—"


def mib(value: int) -> str:
    return f"{value / 2**20:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="folder of releases to build (default: generate --n of them)")
    parser.add_argument("--n", type=int, default=200, help="releases to generate when no --corpus (seed 7)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPUs)"
    )
    parser.add_argument(
        "--out", type=Path, help="build folder (default benchmarks/work/e2e-out-N; removed first)"
    )
    parser.add_argument(
        "--no-outputs",
        action="store_true",
        help="build the store only (validation on), as `build --no-outputs`; no dump floors",
    )
    parser.add_argument("--label", default="", help="a word for the heading, such as before or after")
    parser.add_argument("--write", type=Path, help="also add the block to this file (benchmarks/results.md)")
    args = parser.parse_args()

    folder = corpus_folder(args)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    n = len(files)
    out = args.out or WORK / f"e2e-out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    settings = BuildSettings(
        out=out, base_iri=DEFAULT_BASE_IRI, outputs=not args.no_outputs, validate=True, jobs=args.jobs
    )
    os.chdir(ROOT)

    print(f"building {n} releases from {folder} into {out}, -j {args.jobs}", file=sys.stderr)
    with Sampler() as sampler:
        recorder = Recorder(sampler)
        began, began_cpu = time.perf_counter(), cpu_now()
        result = build([folder], settings, stages=recorder)
        total = Span("whole build", began, time.perf_counter(), began_cpu, cpu_now())
        total.peak = sampler.peak(total.start, total.end)
        if result.failed:
            sys.exit(f"the build failed: {result.failed[:3]}")
        del result
        gc.collect()

        print("floors", file=sys.stderr)
        floors: dict[str, Span] = {}
        floors["read"] = measured("read", sampler, lambda: floor_read(files))
        extracted: list[tuple[float, float]] = []
        floors["extract"] = measured("extract", sampler, lambda: extracted.append(floor_extract(files)))
        store = ox.Store.read_only(str(out / "store"))
        quads = len(store)
        WORK.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="e2e-floor-", dir=WORK))
        try:
            nq = scratch / "build.nq"

            def dump_nq() -> None:
                with nq.open("wb") as handle:
                    store.dump(handle, ox.RdfFormat.N_QUADS)

            def dump_trig() -> None:
                with (scratch / "build.trig").open("wb") as handle:
                    store.dump(handle, ox.RdfFormat.TRIG)

            if args.no_outputs:
                dump_nq()  # the bulk load's input, not a floor of this build
            else:
                floors["dump nq"] = measured("Store.dump N-Quads", sampler, dump_nq)
                floors["dump trig"] = measured("Store.dump TriG", sampler, dump_trig)
                (scratch / "build.trig").unlink()

            def bulk_load() -> None:
                fresh = ox.Store(str(scratch / "store"))
                fresh.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
                fresh.flush()
                del fresh

            floors["bulk load"] = measured("Store.bulk_load", sampler, bulk_load)
            floors["select"] = measured(WHOLE_STORE, sampler, lambda: floor_select(store))
            nq_bytes = nq.stat().st_size
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    # The extract floor's own figures are the extract calls alone, without reading the files.
    floors["extract"].end = floors["extract"].start + extracted[0][0]
    floors["extract"].cpu_end = floors["extract"].cpu_start + extracted[0][1]

    spans = recorder.spans
    documents = spans[STORE]
    rows: list[list[str]] = []

    def row(label: str, span: Span, wall: float, cpu: float, floor_key: str | None, floor_name: str) -> None:
        floor = floors.get(floor_key) if floor_key else None
        rows.append(
            [
                label,
                f"{span.items:,}" if span.items else "",
                f"{wall:,.2f}",
                f"{cpu:,.2f}",
                mib(span.peak),
                floor_name if floor else "—",
                f"{floor.wall:,.2f}" if floor else "",
                f"{floor.cpu:,.2f}" if floor else "",
                fmt_ratio(wall, floor.wall) if floor else "",
                fmt_ratio(cpu, floor.cpu) if floor else "",
            ]
        )

    window = Span("documents", documents.start, documents.end, documents.cpu_start, documents.cpu_end)
    window.items, window.peak = documents.items, documents.peak
    row("documents: read → store, the window they share", window, window.wall, window.cpu, None, "")
    floor_of = {READ: ("read", "read_bytes + decode"), EXTRACT: ("extract", "extractor alone")}
    for name in PER_DOCUMENT:
        if name not in spans:  # a build from before the workers checked each document
            continue
        span = spans[name]
        key, floor_name = floor_of.get(name, (None, ""))
        where = "writer" if name == STORE else "workers"
        row(f"{name} (sum per document, in the {where})", span, span.busy, span.busy_cpu, key, floor_name)
    finish = spans[STORE_FINISH]
    row(STORE_FINISH, finish, finish.wall, finish.cpu, None, "")
    written = Span("store + finish", items=documents.items, peak=max(documents.peak, finish.peak))
    written.end, written.cpu_end = documents.busy + finish.wall, documents.busy_cpu + finish.cpu
    row(
        "write store: store + store finish",
        written,
        written.wall,
        written.cpu,
        "bulk load",
        "Store.bulk_load",
    )
    whole_store = {VALIDATE, "void.ttl", "report data", "report.md", "report.html", "view.html"}
    dumps = {"graph.ttl": ("dump nq", "Store.dump N-Quads"), "graph.trig": ("dump trig", "Store.dump TriG")}
    for name, span in spans.items():
        if name in PER_DOCUMENT or name == STORE_FINISH:
            continue
        if name in dumps:
            key, floor_name = dumps[name]
        elif name in whole_store:
            key, floor_name = "select", WHOLE_STORE
        else:
            key, floor_name = None, ""
        row(name, span, span.wall, span.cpu, key, floor_name)
    row("whole build", total, total.wall, total.cpu, None, "")
    # The store part of the build (documents, store finish, SHACL check) against its floor: the
    # extractor alone plus a bulk load of the build's own quads.
    check = spans.get(VALIDATE, Span(VALIDATE))
    store_part = Span("store part", items=documents.items, peak=max(window.peak, finish.peak, check.peak))
    store_part.end = window.wall + finish.wall + check.wall
    store_part.cpu_end = window.cpu + finish.cpu + check.cpu
    floors["extract + bulk load"] = Span(
        "extract + bulk load",
        end=floors["extract"].wall + floors["bulk load"].wall,
        cpu_end=floors["extract"].cpu + floors["bulk load"].cpu,
    )
    row(
        "build without outputs: documents + store finish + validate",
        store_part,
        store_part.wall,
        store_part.cpu,
        "extract + bulk load",
        "extractor alone + Store.bulk_load",
    )
    del floors["extract + bulk load"]  # made of two floors above, not measured on its own

    heading = "### " + (f"{args.label}: " if args.label else "") + f"{n:,} releases"
    command = "python benchmarks/bench_e2e.py " + " ".join(sys.argv[1:])
    lines = [heading, ""]
    lines.append(
        f"`{command}` — {datetime.now(UTC):%Y-%m-%d}, {platform.node() or 'this machine'}: {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, -j {args.jobs}; "
        f"{quads:,} quads ({nq_bytes / 2**20:,.0f} MiB of N-Quads)."
    )
    lines.append("")
    header = [
        "stage", "items", "wall s", "CPU s", "peak MiB", "floor", "floor wall s", "floor CPU s",
        "wall / floor", "CPU / floor",
    ]  # fmt: skip
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join("---" if i in (0, 5) else "---:" for i in range(len(header))) + "|")
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    lines.append("")
    lines.append(
        "Floors' peak MiB: "
        + ", ".join(f"{name} {mib(span.peak)}" for name, span in floors.items())
        + ". Peak MiB is the resident memory of the benchmark process and its workers together."
    )
    block = "\n".join(lines) + "\n"
    print(block, end="")
    if args.write:
        write_into(args.write, block)


SECTION = "## End to end, stage by stage (`benchmarks/bench_e2e.py`)"


def write_into(path: Path, block: str) -> None:
    """Put the block at the end of the file's end-to-end section, which is made when missing."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if SECTION not in text:
        path.write_text(text.rstrip("\n") + f"\n\n{SECTION}\n\n{block}", encoding="utf-8")
        return
    start = text.index(SECTION) + len(SECTION)
    following = text.find("\n## ", start)
    end = len(text) if following < 0 else following + 1
    head, tail = text[:end].rstrip("\n"), text[end:]
    path.write_text(f"{head}\n\n{block}" + (f"\n{tail}" if tail else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
