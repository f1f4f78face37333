"""Time until a large graph is drawn and usable: our view against pyvis' default physics layout.

Run: .venv/bin/python benchmarks/bench_view.py --nodes 5000
Both pages show the same synthetic graph (arrows on both: pyvis is built with directed=True, which
also spares it a quadratic duplicate-edge check) and run offline in headless Chromium
(/usr/bin/chromium); pyvis' CDN links are replaced by the vis-network files it ships. Results are
printed as markdown. Expect minutes at 5,000 nodes: pyvis' page stabilises for most of them.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from corecities_graph.publish.view import KINDS, ViewDocument, ViewEdge, ViewNode, write_view

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASE = "https://example.org/corecities/id/"
DOC = BASE + "document/synthetic"

PYVIS_READY_HOOK = """
<script>
network.once("stabilizationIterationsDone", function () {
  network.once("afterDrawing", function () {
    window.ccgReadyAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  });
});
</script>
"""
"""Marks pyvis' page usable at its first drawing after the stabilisation iterations."""

ZOOM_FRAME = """
async () => {
  const net = window.ccgView ? window.ccgView.network : window.network;
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await new Promise(resolve => {
      net.once("afterDrawing", resolve);
      net.moveTo({ scale: net.getScale() * (i % 2 ? 1 / 1.25 : 1.25) });
    });
    times.push(performance.now() - start);
  }
  return times;
}
"""
"""Milliseconds from asking for a zoom to the frame that shows it, seven times."""


def synthetic_graph(count: int, seed: int = 0) -> tuple[list[ViewNode], list[ViewEdge]]:
    """A scale-free graph of `count` nodes of every kind, with hubs, about 1.5 edges per node."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    nodes = [
        ViewNode(
            f"{BASE}n/{i:06d}",
            f"{kinds[i % len(kinds)].title()} {i}",
            kinds[i % len(kinds)],
            evidence=(),
            documents=(DOC,),
        )
        for i in range(count)
    ]
    ends: list[int] = [0]
    pairs: set[tuple[int, int]] = set()
    for i in range(1, count):
        j = rng.choice(ends)
        pairs.add((i, j))
        ends += [i, j]
    while len(pairs) < count * 3 // 2:
        i, j = rng.randrange(count), rng.choice(ends)
        if i != j:
            pairs.add((i, j))
    edges = [ViewEdge(nodes[i].id, nodes[j].id, "related to") for i, j in sorted(pairs)]
    return nodes, edges


def write_pyvis_default(nodes: list[ViewNode], edges: list[ViewEdge], path: Path) -> None:
    """The same graph through pyvis' own template and default options, made to run offline."""
    from pyvis.network import Network

    net = Network(directed=True, height="800px")
    for node in nodes:
        colour = KINDS.get(node.kind, KINDS["other"])[0]
        net.add_node(node.id, label=node.label, color=colour, title=f"{node.label} ({node.kind})")
    for edge in edges:
        net.add_edge(edge.source, edge.target, title=edge.relation)
    net.cdn_resources = "remote"
    html = net.generate_html()
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    html = re.sub(
        r'<script src="https://[^"]*vis-network[^"]*"[^>]*></script>',
        lambda _: f"<script>{js}</script>",
        html,
    )
    html = re.sub(
        r'<link rel="stylesheet" href="https://[^"]*vis-network[^"]*"[^>]*/>',
        lambda _: f"<style>{css}</style>",
        html,
    )
    html = re.sub(r"<link\s+href=\"https://[^\"]*\"[^>]*/>", "", html)
    html = re.sub(r"<script\s+src=\"https://[^\"]*\"[^>]*></script>", "", html)
    html = re.sub(r"<link[^>]*href=\"https://[^\"]*\"[^>]*>", "", html)
    html = re.sub(r"<script[^>]*src=\"https://[^\"]*\"[^>]*>\s*</script>", "", html)
    if re.search(r"(src|href)=\"https?://", html):
        raise SystemExit("pyvis page still loads something from the network")
    html = html.replace("</body>", PYVIS_READY_HOOK + "</body>")
    path.write_text(html, encoding="utf-8")


def measure(browser: Any, path: Path, timeout_s: float) -> dict[str, float]:
    """Load a page offline; return time to usable and zoom frame times in milliseconds."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.perf_counter()
    page.goto(path.as_uri(), timeout=timeout_s * 1000)
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=timeout_s * 1000)
    wall = (time.perf_counter() - started) * 1000
    ready = float(page.evaluate("() => window.ccgReadyAt"))
    frames = page.evaluate(ZOOM_FRAME)
    context.close()
    if outside or errors:
        raise SystemExit(f"{path.name}: requests {outside[:3]}, errors {errors[:3]}")
    return {"ready": ready, "wall": wall, "frame": statistics.median(frames)}


def main(argv: list[str] | None = None) -> int:
    """Build both pages, load each in Chromium, print a markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000, help="nodes in the synthetic graph")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for a page")
    parser.add_argument("--keep", type=Path, help="also write both pages into this folder")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    nodes, edges = synthetic_graph(args.nodes)
    documents = [ViewDocument(DOC, "Synthetic corpus", None)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        ours, theirs = folder / "view.html", folder / "pyvis-default.html"
        started = time.perf_counter()
        write_view(nodes, edges, documents, ours, title="Synthetic graph")
        write_ours = time.perf_counter() - started
        write_pyvis_default(nodes, edges, theirs)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            version = browser.version
            result_ours = measure(browser, ours, args.timeout)
            result_theirs = measure(browser, theirs, args.timeout)
            browser.close()
        sizes = {p.name: p.stat().st_size for p in (ours, theirs)}

    ratio = result_theirs["ready"] / result_ours["ready"]
    command = "python benchmarks/bench_view.py " + " ".join(argv or sys.argv[1:])
    print(f"## Network view: {args.nodes} nodes, {len(edges)} edges\n")
    print(f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs"
    print(f"- machine: {machine}, Python {platform.python_version()}")
    print(f"- browser: Chromium {version}, headless, offline (every non-file request refused)")
    print(f"- command: `{command.strip()}`")
    print(f"- writing our view took {write_ours * 1000:.0f} ms in Python\n")
    print("| page | HTML size | time to usable (ms) | wall clock (ms) | zoom frame (ms, median) |")
    print("|---|---:|---:|---:|---:|")
    for name, result, file in (
        ("corecities-graph view (layout in Python, physics off)", result_ours, "view.html"),
        ("pyvis default (physics on, stabilised in the page)", result_theirs, "pyvis-default.html"),
    ):
        print(
            f"| {name} | {sizes[file] / 1e6:.1f} MB | {result['ready']:.0f} | "
            f"{result['wall']:.0f} | {result['frame']:.1f} |"
        )
    print(
        f"\nOurs is usable **{ratio:.1f}x sooner** (target: at least 10x). Time to usable is "
        "performance.now() at the first drawing of a settled network: our first frame, pyvis' "
        "first frame after its stabilisation iterations."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
