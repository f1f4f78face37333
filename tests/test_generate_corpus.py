"""The synthetic corpus generator used by the benchmarks: deterministic and varied."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _generate(out: Path, seed: int, n: int = 60) -> dict[str, str]:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_corpus.py"),
            "--n",
            str(n),
            "--seed",
            str(seed),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def test_same_seed_gives_the_same_corpus_and_another_seed_another(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a", seed=5)
    assert len(first) == 60
    assert _generate(tmp_path / "b", seed=5) == first
    assert _generate(tmp_path / "c", seed=6) != first


def test_corpus_mixes_the_phenomena_the_extractor_must_handle(tmp_path: Path) -> None:
    text = "\n".join(_generate(tmp_path / "a", seed=1).values())
    for phenomenon in (
        "Councillor ",
        "Cllr ",
        "Professor Sir ",
        " per cent",
        "%",
        "£",
        "almost ",
        "more than ",
        "READ MORE:",
        "Photo:",
        "The declaration is signed by:",
        "Univerity",  # a misspelt institution name
        ", said: \u201c",  # role after the name
    ):
        assert phenomenon in text, phenomenon
    assert any(word in text for word in (" five institutions", " seven institutions", " eight institutions"))
