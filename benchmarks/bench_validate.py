"""How SHACL validation in `build` scales: checking one new document against checking the whole store.

Builds stores of N copies of the seed (each made distinct by a closing line), then adds one more
document and measures, side by side in one run, what the build's check costs (the new document's
graph with the links graph) and what validating the whole store would cost.

    .venv/bin/python benchmarks/bench_validate.py [N ...]   (default: 1 4)

Copies of one release are the worst case for the report's conflict queries (six or more copies
take minutes in report.md's queries, not in validation), so the default sizes stay small.
It first prints what the check adds to one seed build (medians of three, alternating).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.document import Document
from corecities_graph.graph.model import Minter
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.store.embedded import GraphStore
from corecities_graph.store.validate import validate_batches, validate_changed, validate_store

SEED = Path(__file__).resolve().parents[1] / "data" / "declaration.txt"


def _documents(start: int, count: int) -> list[Document]:
    text = SEED.read_text(encoding="utf-8")
    return [
        Document(doc_id=f"copy-{i:05d}", text=f"{text}\nCopy {i}.\n") for i in range(start, start + count)
    ]


def _seconds(action: object) -> float:
    begin = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - begin


def main(sizes: list[int]) -> None:
    mint = Minter(DEFAULT_BASE_IRI)
    print(f"{'documents':>9}  {'triples':>8}  {'check new doc (s)':>17}  {'whole store (s)':>15}  ratio")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)
            settings = BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, write_view=False)
            build([], settings, documents=_documents(0, size))
            build([], settings, documents=_documents(size, 1))
            store = GraphStore.open(out)
            graphs = [ox.NamedNode(mint.document(f"copy-{size:05d}").value)]
            changed = _seconds(lambda: validate_changed(store, graphs, mint.graph("links")))  # noqa: B023
            whole = _seconds(lambda: validate_store(store))  # noqa: B023
            print(
                f"{size + 1:>9}  {len(store):>8}  {changed:>17.3f}  {whole:>15.3f}  {whole / changed:5.1f}x"
            )


def build_cost(rounds: int = 3) -> None:
    """One seed build into a fresh folder, with and without the check, alternating; medians."""
    timings: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(rounds):
        for check in (True, False):
            with tempfile.TemporaryDirectory() as folder:
                settings = BuildSettings(
                    out=Path(folder), base_iri=DEFAULT_BASE_IRI, write_view=False, validate=check
                )
                timings[check].append(_seconds(lambda: build([SEED], settings)))  # noqa: B023
    with_check, without = (sorted(timings[c])[rounds // 2] for c in (True, False))
    print(
        f"seed build: {with_check:.3f} s with the check, {without:.3f} s without: {with_check / without:.2f}x"
    )


def engines(store_dir: Path, count: int) -> None:
    """The build's check (SPARQL in the store) against pySHACL ten at a time, on the first `count`
    document graphs of a built store (opened read-only), in CPU seconds, in one run."""
    store = GraphStore(store_dir / "store", read_only=True)
    mint = Minter(DEFAULT_BASE_IRI)
    graphs = sorted((g for g in store.oxigraph.named_graphs() if "/document/" in g.value), key=str)[:count]
    links = ox.NamedNode(mint.graph("links").value)
    timings = {}
    for name, check in (("sparql", validate_changed), ("pyshacl", validate_batches)):
        begin = time.process_time()
        report = check(store, graphs, links)
        timings[name] = time.process_time() - begin
        print(
            f"{name:>8}: {len(graphs)} documents, {len(report.violations)} violations, {timings[name]:.1f} s CPU"
        )
    print(f"pySHACL / SPARQL: {timings['pyshacl'] / timings['sparql']:.2f}x")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(
        description="What the SHACL check costs a build: one seed build with and without it, then checking"
        " the changed graphs against validating the whole store, for stores of the given sizes."
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[1, 4], help="store sizes in documents")
    parser.add_argument("--store", type=Path, help="a built output folder: compare the two engines on it")
    parser.add_argument("--documents", type=int, default=100, help="with --store: how many documents")
    arguments = parser.parse_args()
    if arguments.store:
        engines(arguments.store, arguments.documents)
        raise SystemExit(0)
    build_cost()
    main(arguments.sizes)
