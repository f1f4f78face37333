"""The memory ceiling of `build` on hostile text: peak memory and time of a one-document build.

Run: .venv/bin/python benchmarks/bench_ceiling.py [--shapes bodies people figures hostile]
Each shape is a text far denser than any release (every line names bodies, people or figures; or
one long paragraph of capitalised words, quotes and numbers), made as large as the limit on names
and facts per document allows (`limits.DOCUMENT_FACTS`). Each is built alone with every default on
(`build FILE --out DIR`, validation and outputs included) in a child process, and its peak resident
memory and times are read from the child's own resource usage. Last, the largest text `--max-bytes`
lets in (20 MiB of the densest shape) shows what refusing a document costs. Printed as markdown.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corecities_graph import limits
from corecities_graph.document import Document
from corecities_graph.extract import extract
from corecities_graph.resolve.reference import Reference
from corecities_graph.sources.read import DEFAULT_MAX_BYTES

ORGS = ["University of Leeds", "Leeds City Council", "Newcastle University", "Cardiff Council",
        "University of Sheffield", "Bristol City Council", "Glasgow City Council"]  # fmt: skip
WORDS = ["University", "of", "Leeds", "Council", "“Professor", "Sir", "said:", "£1.5m", "Chair", "and",
         "Institute", "for", "Cllr", "Ann", "Lee,", "per", "cent", "(joint)", "NHS", "Trust", "twenty-one"]  # fmt: skip

SHAPES: dict[str, Callable[[int], str]] = {
    "bodies": lambda i: f"{ORGS[i % 7]} and {ORGS[(i + 3) % 7]} agreed plan {i} on skills.",
    "people": lambda i: f"Cllr Ann Smith{chr(97 + i % 26)}, Leader of {ORGS[i % 7]}, met Professor Bo Lee.",
    "figures": lambda i: f"The fund is worth £{i + 1}m and created {i + 7} jobs, or {i % 90 + 1}% more.",
    "hostile": lambda i: " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(12)),
}


def text(shape: str, lines: int) -> str:
    joiner = " " if shape == "hostile" else "\n"
    return "Dense release\n\n" + joiner.join(SHAPES[shape](i) for i in range(lines)) + "\n"


def facts(body: str, ref: Reference) -> int:
    return extract(Document(doc_id="probe", text=body), ref).size()


def largest_under_limit(shape: str, ref: Reference) -> str:
    """The longest text of `shape` whose names and facts stay within the limit (by bisection)."""
    low, high = 1, 64
    while facts(text(shape, high), ref) <= limits.DOCUMENT_FACTS:
        low, high = high, high * 2
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if facts(text(shape, mid), ref) <= limits.DOCUMENT_FACTS else (low, mid)
    return text(shape, low)


def run_build(path: Path, out: Path) -> tuple[int, float, float, float]:
    """Exit code, wall seconds, CPU seconds and peak RSS (MiB) of one `build` in a child process."""
    command = [sys.executable, "-m", "corecities_graph", "-q", "build", str(path), "--out", str(out)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    return os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--skip-largest", action="store_true", help="skip the 20 MiB refused text")
    args = parser.parse_args()
    ref = Reference.load(None)
    print(f"limit: {limits.DOCUMENT_FACTS:,} names and facts per document; --max-bytes {DEFAULT_MAX_BYTES:,}\n")
    print("| text | size | names and facts | exit | wall s | CPU s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes:
            body = largest_under_limit(shape, ref)
            path = Path(tmp) / f"{shape}.txt"
            path.write_text(body, encoding="utf-8")
            code, wall, cpu, rss = run_build(path, Path(tmp) / f"out-{shape}")
            print(f"| {shape}, just under the limit | {len(body.encode()):,} B | {facts(body, ref):,} "
                  f"| {code} | {wall:.1f} | {cpu:.1f} | {rss:.0f} |")  # fmt: skip
        if not args.skip_largest:
            line = SHAPES["bodies"](0)
            body = text("bodies", (DEFAULT_MAX_BYTES - 100) // (len(line.encode()) + 1))
            path = Path(tmp) / "largest.txt"
            path.write_text(body, encoding="utf-8")
            code, wall, cpu, rss = run_build(path, Path(tmp) / "out-largest")
            print(f"| bodies, at --max-bytes (refused) | {len(body.encode()):,} B | - | {code} "
                  f"| {wall:.1f} | {cpu:.1f} | {rss:.0f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
