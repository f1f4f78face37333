"""Seconds and peak memory of the view step of `publish` on built stores, new code against old.

Run: .venv/bin/python benchmarks/bench_publish_view.py STORE_1K STORE_10K [--old-rev REV]
Each STORE is an --out folder (or its store/ folder) from `corecities-graph build --no-outputs`;
it is opened read-only. Every measurement runs in a fresh process, one after the other, and
reports wall seconds and peak resident memory of that process. The old code path is render.py
as it was at --old-rev (read with `git show`), run on the first store only, with a time limit.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _store_path(path: Path) -> Path:
    return path / "store" if (path / "store").is_dir() else path


def _old_render(rev: str) -> object:
    """render.py at `rev`, loaded as a module of the installed package (its relative imports work)."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:src/corecities_graph/render.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    folder = Path(tempfile.mkdtemp())
    file = folder / "_old_render.py"
    file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("corecities_graph._old_render", file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def child(store: str, mode: str, max_nodes: int, rev: str) -> None:
    """Run one view step and print its figures as JSON."""
    import pyoxigraph as ox

    oxi = ox.Store.read_only(str(_store_path(Path(store))))
    out = Path(tempfile.mkdtemp()) / "view.html"
    started = time.perf_counter()
    if mode == "old":
        # The old reading of the store (every quad into Python, every resource shown), written
        # with today's template, which the old render.py cannot fill.
        from corecities_graph.publish.view import Evidence, ViewDocument, ViewEdge, ViewNode, write_view

        old = _old_render(rev)
        nodes, edges, docs = old.view_from_store(oxi)  # type: ignore[attr-defined]
        write_view(
            [
                ViewNode(
                    n.id,
                    n.label,
                    n.kind,
                    n.facts,
                    tuple(Evidence(e.sentence, e.document) for e in n.evidence),
                    n.links,
                    n.documents,
                    n.weight,
                )
                for n in nodes
            ],
            [ViewEdge(e.source, e.target, e.relation) for e in edges],
            [ViewDocument(d.id, d.title, d.url) for d in docs],
            out,
        )
        shown, total = len(nodes), len(nodes)
    else:
        from corecities_graph.publish.view import view_from_store, write_view

        view = view_from_store(oxi, max_nodes=max_nodes or None)
        write_view(view.nodes, view.edges, view.documents, out, total=view.total)
        shown, total = len(view.nodes), view.total
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"seconds": seconds, "peak_mb": peak, "bytes": out.stat().st_size, "shown": shown, "total": total}
        )
    )


def measure(store: Path, mode: str, max_nodes: int, rev: str, limit: float) -> dict[str, float] | None:
    command = [sys.executable, __file__, "--child", str(store), mode, str(max_nodes), rev]
    try:
        done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small", type=Path, help="the smaller store (e.g. 1,000 documents)")
    parser.add_argument("large", type=Path, help="the larger store (e.g. 10,000 documents)")
    parser.add_argument("--max-nodes", type=int, default=2000, help="--view-max-nodes (0: all)")
    parser.add_argument("--old-rev", default="899c38e", help="git revision of the old render.py")
    parser.add_argument("--no-old", action="store_true", help="skip the old code path")
    parser.add_argument("--old-limit", type=float, default=900, help="seconds before the old path is stopped")
    args = parser.parse_args(argv)
    rows = [
        ("new", args.small, measure(args.small, "new", args.max_nodes, args.old_rev, 3600)),
        ("new", args.large, measure(args.large, "new", args.max_nodes, args.old_rev, 3600)),
    ]
    if not args.no_old:
        rows.append(("old", args.small, measure(args.small, "old", 0, args.old_rev, args.old_limit)))
    print(f"## View step of publish (view_from_store + write_view), --view-max-nodes {args.max_nodes}\n")
    print(f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    print(f"- machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"- command: `python benchmarks/bench_publish_view.py {' '.join(argv or sys.argv[1:])}`\n")
    print("| code | store | nodes shown / resources | seconds | peak RSS (MB) | view.html (MB) |")
    print("|---|---|---:|---:|---:|---:|")
    for mode, store, result in rows:
        if result is None:
            print(f"| {mode} | {store} | | > {args.old_limit:.0f} (stopped) | | |")
        else:
            print(
                f"| {mode} | {store} | {result['shown']} / {result['total']} | {result['seconds']:.1f} | "
                f"{result['peak_mb']:.0f} | {result['bytes'] / 1e6:.1f} |"
            )
    small, large = rows[0][2], rows[1][2]
    old = rows[2][2] if len(rows) > 2 else None
    if small and large:
        print(
            f"\nnew, large / small: {large['seconds'] / small['seconds']:.2f}x time, "
            f"{large['peak_mb'] / small['peak_mb']:.2f}x peak RSS"
        )
    if small and old:
        print(
            f"old / new on the small store: {old['seconds'] / small['seconds']:.2f}x time, "
            f"{old['peak_mb'] / small['peak_mb']:.2f}x peak RSS"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
        raise SystemExit(0)
    raise SystemExit(main())
