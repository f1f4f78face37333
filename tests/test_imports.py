"""Start-up stays light: --help and query import none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = {"spacy", "pyshacl", "pyvis", "networkx", "matplotlib"}


def imported(*args: str) -> set[str]:
    """Top-level names of every module `python -X importtime -m corecities_graph ARGS` imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "corecities_graph", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            module = line.rsplit("|", 1)[1].strip()
            if module and module != "imported package":
                names.add(module.split(".")[0])
    assert "corecities_graph" in names  # the output was parsed
    return names


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("query", "cities", "--format", "csv"),
        ("query", "figures_about", "--param", "subject=Core Cities"),
        ("query", "-e", "ASK { ?s ?p ?o }"),
    ],
    ids=["help", "named-query", "query-with-parameter", "expression"],
)
def test_start_up_imports_no_heavy_library(args: tuple[str, ...], seed_out: Path) -> None:
    if args[0] == "query":
        args = (*args, "--out", str(seed_out))
    assert imported(*args) & HEAVY == set()


MODULES = sorted(
    ".".join(path.relative_to(Path(__file__).resolve().parents[1] / "src").with_suffix("").parts)
    for path in (Path(__file__).resolve().parents[1] / "src" / "corecities_graph").rglob("*.py")
    if path.name not in ("__init__.py", "__main__.py")
)


def test_every_module_imports_on_its_own() -> None:
    """A library user may import any module first: no import cycle may depend on the order."""
    script = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    for module in MODULES:
        done = subprocess.run(
            [sys.executable, "-c", script, module], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, f"{module}: {done.stderr[-1500:]}"
