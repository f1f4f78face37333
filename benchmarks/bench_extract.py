"""Extraction speed: MB/s of the rule-based extractor against spaCy's tokenizer alone on the same text.

Run: .venv/bin/python benchmarks/bench_extract.py [--mb 4] [--folder ../shared/corpus/dev]
The text is the seed plus every .txt in the folders given (when present), as separate documents,
repeated until the corpus reaches --mb megabytes. The floor is spacy.blank("en").tokenizer over the same
documents (no model needed; install the `bench` extra). A hostile document (one paragraph of --hostile-kb
kilobytes of capitalised words, quotes and numbers) checks that time grows linearly with size.
Results are printed as markdown.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from corecities_graph.document import Document
from corecities_graph.extract import extract
from corecities_graph.resolve.reference import Reference

ROOT = Path(__file__).resolve().parents[1]


def corpus(folders: list[Path], megabytes: float) -> list[str]:
    texts = [(ROOT / "data" / "declaration.txt").read_text(encoding="utf-8")]
    for folder in folders:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    docs: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def hostile(kilobytes: int, seed: int = 7) -> str:
    """One long line of capitalised words, open quotes, numbers and org heads: worst case for the rules."""
    rng = random.Random(seed)
    words = ["University", "of", "Leeds", "Council", "“Professor", "Sir", "said:", "£1.5m", "Chair", "and",
             "Institute", "for", "Cllr", "Ann", "Lee,", "per", "cent", "(joint)", "NHS", "Trust", "twenty-one"]  # fmt: skip
    out: list[str] = []
    size = 0
    while size < kilobytes * 1000:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def run_extract(docs: list[str], ref: Reference) -> float:
    start = time.perf_counter()
    for i, text in enumerate(docs):
        extract(Document(doc_id=f"d{i}", text=text), ref)
    return time.perf_counter() - start


def run_tokenizer(docs: list[str]) -> float | None:
    try:
        import spacy
    except ImportError:
        return None
    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    for text in docs:
        tokenizer(text)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in megabytes")
    parser.add_argument("--folder", type=Path, action="append", default=None, help="more .txt documents")
    parser.add_argument("--hostile-kb", type=int, default=50, help="size of the hostile paragraph")
    args = parser.parse_args()
    folders = args.folder or [ROOT.parent / "shared" / "corpus" / "dev", ROOT / "tests" / "heldout"]
    ref = Reference.load(ROOT / "data" / "reference")
    docs = corpus(folders, args.mb)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    extract(Document(doc_id="warm", text=docs[0]), ref)  # compile the patterns once
    ours = run_extract(docs, ref)
    floor = run_tokenizer(docs)
    print(f"# Extraction speed ({datetime.now(UTC):%Y-%m-%d}, {platform.processor() or platform.machine()}, "
          f"Python {sys.version.split()[0]})\n")  # fmt: skip
    print(f"command: `{' '.join(['python', *sys.argv])}`\n")
    print("| what | documents | MB | seconds | MB/s |")
    print("|---|---:|---:|---:|---:|")
    print(f"| extractor | {len(docs)} | {megabytes:.2f} | {ours:.2f} | {megabytes / ours:.2f} |")
    if floor is not None:
        print(
            f"| spaCy blank('en') tokenizer | {len(docs)} | {megabytes:.2f} | {floor:.2f} | {megabytes / floor:.2f} |"
        )
        print(f"\nextractor time / tokenizer time: {ours / floor:.1f}x")
    else:
        print("\nspaCy is not installed (pip install -e '.[bench]'): no tokenizer floor measured")
    small, large = hostile(args.hostile_kb // 2), hostile(args.hostile_kb)
    t_small = run_extract([small], ref)
    t_large = run_extract([large], ref)
    print(f"\nhostile one-paragraph input: {args.hostile_kb // 2} kB {t_small:.2f}s, "
          f"{args.hostile_kb} kB {t_large:.2f}s, ratio {t_large / t_small:.2f} (2.0 = linear)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
