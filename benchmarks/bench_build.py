"""Build and ingest benchmark: the performance ratios SPEC asks for, measured side by side.

    python benchmarks/bench_build.py --n 1000 [--ingest-triples 1000000] [--write benchmarks/results.md]

For a synthetic corpus of N releases (benchmarks/generate_corpus.py) it measures:
- store ingest of about --ingest-triples triples through the build's two writers (a first build
  bulk-loads a new store; later builds bulk-load new documents in journalled batches, and replace
  a changed one in one transaction per document) against pyoxigraph's
  own bulk load of the same quads, its transactional load, and parsing them into an rdflib
  in-memory Dataset;
- build time of N/2 and N documents (store only, one process): linear growth means N takes at
  most 2.2x N/2;
- adding one document to the N-document store against adding it to an empty store;
- adding a batch of new documents (--batch, default 1000, seed 8, so none is in the store) to a
  copy of a big store (--big-store, e.g. a 10,000-release store) against adding them to an empty
  store: first as a user does it, a whole `build` with defaults (-j 2, SHACL check, no outputs)
  into each folder; then the writers alone, against pyoxigraph's bulk load of their quads,
  through the incremental writer of
  later builds (BatchWriter) and through one transaction per document (write_document);
- peak memory (max RSS of a child process) of building N/10 and N documents;
- extraction spread over worker processes: N documents with --jobs 1 against --jobs 2.
Builds are store-only (`--no-outputs`); whole-graph outputs are `publish`'s cost, not the build's.
Generated data stays in benchmarks/work/ (not versioned).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(ROOT / "src"))

import pyoxigraph as ox  # noqa: E402

from corecities_graph.corpus.build import BuildSettings, Prepared, _Context, _load, _prepare, build, run_time  # noqa: E402
from corecities_graph.graph.model import Minter  # noqa: E402
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI  # noqa: E402
from corecities_graph.store.embedded import BatchWriter, FreshStore, GraphStore, in_graph  # noqa: E402


def corpus(n: int, seed: int = 1) -> Path:
    folder = WORK / f"corpus-{n}-seed{seed}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_corpus.py"),
                "--n",
                str(n),
                "--seed",
                str(seed),
                "--out",
                str(folder),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def fresh(name: str) -> Path:
    path = WORK / "out" / name
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


class Timing(NamedTuple):
    wall: float  # seconds elapsed
    cpu: float  # CPU seconds of this process, all its threads: what other work on the machine cannot inflate much


def timed_build(paths: list[Path], out: Path, jobs: int = 1) -> Timing:
    settings = BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, outputs=False, jobs=jobs)
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    result = build(paths, settings)
    timing = Timing(time.perf_counter() - start, time.process_time() - cpu)
    assert not result.failed, result.failed[:3]
    return timing


def child_peak_rss(paths: list[Path], out: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of a one-process `build --no-outputs` in a child."""
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    command = [
        sys.executable,
        "-m",
        "corecities_graph",
        "-q",
        "build",
        *map(str, paths),
        "--out",
        str(out),
        "--no-outputs",
        "--jobs",
        "1",
    ]
    done = subprocess.run(
        [sys.executable, "-c", script, *command], check=True, capture_output=True, text=True
    )
    seconds, rss = done.stdout.split()
    return float(seconds), int(rss) / 1024


def prepared(folder: Path, limit: int) -> list[Prepared]:
    settings = BuildSettings(out=WORK / "out" / "unused", base_iri=DEFAULT_BASE_IRI)
    _load(_Context(settings, run_time()))
    items = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        _, item = _prepare((str(path), path, None))
        assert isinstance(item, Prepared)
        items.append(item)
    return items


def ingest(items: list[Prepared]) -> dict[str, float]:
    """Seconds to store the same quads by each route, in fresh stores."""
    mint = Minter(DEFAULT_BASE_IRI)
    links = mint.graph("links")
    nquads = bytearray()
    for item in items:
        for graph, data in ((mint.document(item.doc_id), item.triples), (links, item.links)):
            nquads += (
                ox.serialize(
                    [
                        ox.Quad(t.subject, t.predicate, t.object, graph)
                        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
                    ],
                    format=ox.RdfFormat.N_QUADS,
                )
                or b""
            )
    data = bytes(nquads)
    times: dict[str, float] = {}

    def run(name: str, action: object) -> None:
        out = fresh(f"ingest-{name}")
        out.mkdir()
        store = ox.Store(str(out))
        gc.collect()
        start = time.perf_counter()
        action(store)  # type: ignore[operator]
        store.flush()
        times[name] = time.perf_counter() - start
        times[f"{name} quads"] = len(store)
        del store

    def writer(store: ox.Store) -> None:
        graph_store = GraphStore.__new__(GraphStore)
        graph_store._store, graph_store.path, graph_store.location = store, None, "bench"
        for item in items:
            graph_store.write_document(mint.document(item.doc_id), item.triples, links, item.links)

    def batch_writer(store: ox.Store) -> None:
        del store
        writer = BatchWriter(GraphStore(fresh("ingest-later-build")))
        for item in items:
            writer.write_document(mint.document(item.doc_id), item.triples, links, item.links)
        writer.finish().flush()

    def first_build(store: ox.Store) -> None:
        del store
        out = fresh("ingest-first-build")
        out.mkdir()
        target = FreshStore(out)
        for item in items:
            target.write_document(mint.document(item.doc_id), item.triples, links, item.links)
        target.finish()

    run("build writer", writer)
    run("first build", first_build)
    run("later build", batch_writer)
    run("bulk_load", lambda s: s.bulk_load(data, format=ox.RdfFormat.N_QUADS))
    run("load", lambda s: s.load(data, format=ox.RdfFormat.N_QUADS))
    import rdflib

    gc.collect()
    start = time.perf_counter()
    dataset = rdflib.Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    times["rdflib"] = time.perf_counter() - start
    del dataset
    triples = b"".join(item.links + item.triples for item in items).decode("utf-8")
    gc.collect()
    start = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(data=triples, format="nt")
    times["rdflib graph"] = time.perf_counter() - start
    del graph
    return times


def whole_builds(folder: Path, big_store: Path, jobs: int = 2) -> dict[str, Timing]:
    """`build FOLDER --no-outputs -j JOBS` with every other default on (reading, extraction, the
    SHACL check) into an empty folder and into a folder holding a copy of the big store; CPU is
    this process's and its workers', which are reaped when the build ends."""
    times: dict[str, Timing] = {}
    for name, source in (("build empty", None), ("build big", big_store)):
        out = fresh(name.replace(" ", "-"))
        if source is not None:
            shutil.copytree(source, out / "store")
        settings = BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, outputs=False, jobs=jobs)
        gc.collect()
        used = _cpu_with_children()
        start = time.perf_counter()
        result = build([folder], settings)
        times[name] = Timing(time.perf_counter() - start, _cpu_with_children() - used)
        assert not result.failed, result.failed[:3]
        print(f"  {name}: {times[name].wall:.1f} s, {times[name].cpu:.1f} s CPU", flush=True)
        shutil.rmtree(out)
    return times


def _cpu_with_children() -> float:
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def new_documents(n: int, seed: int) -> Path:
    """N releases named so that no document of a corpus of another seed has their ids."""
    folder = WORK / f"new-{n}-seed{seed}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in corpus(n, seed).glob("*.txt"):
            shutil.copy(path, folder / f"new{seed}-{path.name}")
    return folder


def add_batch(items: list[Prepared], big: Path) -> dict[str, Timing]:
    """Store the same new documents into a copy of the big store and into an empty store, by each
    writer, and bulk-load their quads into an empty store; (wall, CPU) seconds of each."""
    mint = Minter(DEFAULT_BASE_IRI)
    links = mint.graph("links")
    times: dict[str, Timing] = {}

    def run(name: str, source: Path | None, write: object) -> None:
        out = fresh(f"batch-{name}")
        if source is not None:
            shutil.copytree(source, out)
        store = GraphStore(out)
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        write(store)  # type: ignore[operator]
        store.flush()
        times[name] = Timing(time.perf_counter() - start, time.process_time() - cpu)
        print(f"  {name}: {times[name].wall:.1f} s, {times[name].cpu:.1f} s CPU", flush=True)
        del store
        shutil.rmtree(out)

    def per_document(store: GraphStore) -> None:
        for item in items:
            store.write_document(mint.document(item.doc_id), item.triples, links, item.links)

    def batched(store: GraphStore) -> None:
        writer = BatchWriter(store)
        for item in items:
            writer.write_document(mint.document(item.doc_id), item.triples, links, item.links)
        writer.finish()

    data = b"".join(in_graph(i.links, links) + in_graph(i.triples, mint.document(i.doc_id)) for i in items)
    run("bulk_load", None, lambda s: s.oxigraph.bulk_load(data, format=ox.RdfFormat.N_QUADS))
    run("bulk_load big", big, lambda s: s.oxigraph.bulk_load(data, format=ox.RdfFormat.N_QUADS))
    run("batch empty", None, batched)
    run("batch big", big, batched)
    run("per document empty", None, per_document)
    run("per document big", big, per_document)
    return times


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
        )
        ram = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        ram = "unknown"
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram} RAM; Python {platform.python_version()}, "
        f"pyoxigraph {ox.__version__}; load average at start {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="corpus size N")
    parser.add_argument("--ingest-triples", type=int, default=1_000_000)
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=["ingest", "linear", "add", "memory", "jobs", "batch"]
    )
    parser.add_argument("--batch", type=int, default=1000, help="new documents added in the batch step")
    parser.add_argument(
        "--big-store",
        type=Path,
        help="store folder the batch step adds to (copied first); default: the N-document store built here",
    )
    parser.add_argument("--write", type=Path, help="append the results to this Markdown file")
    args = parser.parse_args()
    n = args.n
    WORK.mkdir(exist_ok=True)
    lines = [
        f"### `python benchmarks/bench_build.py {' '.join(sys.argv[1:])}`",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}",
        "",
        "| measure | figures | ratio | target |",
        "|---|---|---|---|",
    ]

    def row(measure: str, figures: str, ratio: float, target: str) -> None:
        lines.append(f"| {measure} | {figures} | {ratio:.2f}x | {target} |")
        print(lines[-1], flush=True)

    folder = corpus(n)
    files = sorted(folder.glob("*.txt"))

    if "ingest" not in args.skip:
        per_doc = len(prepared(folder, 20)[0].triples.splitlines())
        count = max(1, args.ingest_triples // max(per_doc, 1))
        ingest_folder = folder if count <= n else corpus(count, seed=2)
        items = prepared(ingest_folder, count)
        times = ingest(items)
        quads = int(times["bulk_load quads"])
        row(
            f"store ingest, {len(items)} documents, {quads:,} quads: first build (bulk into a new store) vs pyoxigraph bulk_load",
            f"{times['first build']:.1f} s vs {times['bulk_load']:.1f} s",
            times["first build"] / times["bulk_load"],
            "<= 1.5x",
        )
        row(
            "store ingest: changed-document writer (one transaction per document) vs pyoxigraph bulk_load",
            f"{times['build writer']:.1f} s vs {times['bulk_load']:.1f} s",
            times["build writer"] / times["bulk_load"],
            "<= 1.5x",
        )
        row(
            "store ingest: later build into an existing empty store (batched bulk loads) vs pyoxigraph bulk_load",
            f"{times['later build']:.1f} s vs {times['bulk_load']:.1f} s",
            times["later build"] / times["bulk_load"],
            "<= 1.5x",
        )
        row(
            "store ingest: build writer vs pyoxigraph transactional load of the same N-Quads",
            f"{times['build writer']:.1f} s vs {times['load']:.1f} s",
            times["build writer"] / times["load"],
            "(reference)",
        )
        row(
            "store ingest: rdflib in-memory Dataset parse vs first build",
            f"{times['rdflib']:.1f} s vs {times['first build']:.1f} s",
            times["rdflib"] / times["first build"],
            ">= 10x",
        )
        row(
            "store ingest: rdflib in-memory Dataset parse vs pyoxigraph bulk_load itself (the ceiling of any writer built on it)",
            f"{times['rdflib']:.1f} s vs {times['bulk_load']:.1f} s",
            times["rdflib"] / times["bulk_load"],
            "(reference)",
        )
        row(
            "store ingest: rdflib in-memory Graph parse of the same triples as N-Triples vs first build",
            f"{times['rdflib graph']:.1f} s vs {times['first build']:.1f} s",
            times["rdflib graph"] / times["first build"],
            ">= 10x",
        )
        row(
            "store ingest: rdflib in-memory Dataset parse vs incremental build writer",
            f"{times['rdflib']:.1f} s vs {times['build writer']:.1f} s",
            times["rdflib"] / times["build writer"],
            ">= 10x",
        )

    for name in ("full", "memory-big"):
        shutil.rmtree(WORK / "out" / name, ignore_errors=True)

    if "linear" not in args.skip:
        half = timed_build(files[: n // 2], fresh("half"))
        full = timed_build(files, fresh("full"))
        row(
            f"build {n} vs {n // 2} documents (store only, 1 process), elapsed",
            f"{full.wall:.1f} s vs {half.wall:.1f} s",
            full.wall / half.wall,
            "<= 2.2x",
        )
        row(
            f"build {n} vs {n // 2} documents, CPU time of the build process",
            f"{full.cpu:.1f} s vs {half.cpu:.1f} s",
            full.cpu / half.cpu,
            "<= 2.2x",
        )

    if "memory" not in args.skip:
        small_n = max(1, n // 10)
        _, small_rss = child_peak_rss([corpus(small_n, seed=3)], fresh("memory-small"))
        _, big_rss = child_peak_rss([folder], fresh("memory-big"))
        row(
            f"peak memory, build of {n} vs {small_n} documents (max RSS of the child)",
            f"{big_rss:.0f} MiB vs {small_rss:.0f} MiB",
            big_rss / small_rss,
            "<= 1.5x",
        )

    if "add" not in args.skip:
        extra = sorted(corpus(5, seed=99).glob("*.txt"))
        big = next(
            (
                WORK / "out" / name
                for name in ("full", "memory-big")
                if (WORK / "out" / name / "store").exists()
            ),
            None,
        )
        if big is None:
            big = fresh("full")
            timed_build(files, big)
        # Each of five new documents goes into the big store and into its own empty store (an
        # existing one, so both take the transactional path); the medians are compared.
        into_big = statistics.median(timed_build([path], big).wall for path in extra)
        into_empty_times = []
        for path in extra:
            empty = fresh("empty")
            GraphStore.open(empty)
            into_empty_times.append(timed_build([path], empty).wall)
        into_empty = statistics.median(into_empty_times)
        row(
            f"add one document to the {n}-document store vs to an empty store (median of 5)",
            f"{into_big:.2f} s vs {into_empty:.2f} s",
            into_big / into_empty,
            "<= 2x",
        )

    if "batch" not in args.skip:
        big_store = args.big_store
        if big_store is None:
            big_out = WORK / "out" / "full"
            if not (big_out / "store").exists():
                timed_build(files, fresh("full"))
            big_store = big_out / "store"
        in_big = GraphStore(big_store, read_only=True)
        big_documents = len(in_big.documents())
        del in_big
        new_folder = new_documents(args.batch, seed=8)
        builds = whole_builds(new_folder, big_store)
        for clock in ("wall", "cpu"):
            what = "elapsed" if clock == "wall" else "CPU time of the build and its workers"
            into_big, into_empty = getattr(builds["build big"], clock), getattr(builds["build empty"], clock)
            row(
                f"`build` of {args.batch} new documents (defaults, --no-outputs, -j 2) into a folder holding "
                f"the {big_documents}-document store vs into an empty folder, {what}",
                f"{into_big:.1f} s vs {into_empty:.1f} s",
                into_big / into_empty,
                "<= 1.5x",
            )
        batch = prepared(new_folder, args.batch)
        times = add_batch(batch, big_store)
        for clock in ("wall", "cpu"):
            what = "elapsed" if clock == "wall" else "CPU time"
            row(
                f"pyoxigraph bulk_load of the same quads into a copy of the {big_documents}-document store vs into an empty store, {what}",
                f"{getattr(times['bulk_load big'], clock):.1f} s vs {getattr(times['bulk_load'], clock):.1f} s",
                getattr(times["bulk_load big"], clock) / getattr(times["bulk_load"], clock),
                "(the engine's own floor)",
            )
        size = f"{len(batch)} new documents"
        big_name = f"the {big_documents}-document store"
        for writer, label in (
            ("batch", "batched bulk loads"),
            ("per document", "one transaction per document"),
        ):
            for clock in ("wall", "cpu"):
                what = "elapsed" if clock == "wall" else "CPU time"
                big_t = getattr(times[f"{writer} big"], clock)
                empty_t = getattr(times[f"{writer} empty"], clock)
                bulk_t = getattr(times["bulk_load"], clock)
                row(
                    f"add {size} to {big_name} vs to an empty store, {label}, {what}",
                    f"{big_t:.1f} s vs {empty_t:.1f} s",
                    big_t / empty_t,
                    "<= 1.5x",
                )
                row(
                    f"add {size} to {big_name}, {label}, vs pyoxigraph bulk_load of their quads into a copy of it, {what}",
                    f"{big_t:.1f} s vs {getattr(times['bulk_load big'], clock):.1f} s",
                    big_t / getattr(times["bulk_load big"], clock),
                    "(reference)",
                )
                row(
                    f"add {size} to {big_name}, {label}, vs pyoxigraph bulk_load of their quads into an empty store, {what}",
                    f"{big_t:.1f} s vs {bulk_t:.1f} s",
                    big_t / bulk_t,
                    "<= 3x",
                )

    if "jobs" not in args.skip:
        one = timed_build(files, fresh("jobs-1"), jobs=1).wall
        two = timed_build(files, fresh("jobs-2"), jobs=2).wall
        row(
            f"build {n} documents, 1 process vs 2 worker processes",
            f"{one:.1f} s vs {two:.1f} s",
            one / two,
            "speed-up (2 cores)",
        )

    text = "\n".join(lines) + "\n"
    if args.write:
        with args.write.open("a", encoding="utf-8") as handle:
            handle.write("\n" + text)
    print(text)


if __name__ == "__main__":
    main()
