"""Shared fixtures: the seed, a built graph of it, and where the development set lives."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.resolve.reference import Reference

# Property tests: bounded by default, reproducible in CI (derandomized, no example database),
# and a long profile for campaigns: CORECITIES_HYPOTHESIS_PROFILE=long.
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, database=None)
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(
    os.environ.get("CORECITIES_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV_SET = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def reference() -> Reference:
    return Reference.load(ROOT / "data" / "reference")


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built once into a temporary output folder, with a fixed build time."""
    out = tmp_path_factory.mktemp("seed-out")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1600000000")
    try:
        build([ROOT / "data" / "declaration.txt"], BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI))
    finally:
        mp.undo()
    return out


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed text and its metadata sidecar in a fresh folder."""
    shutil.copy(ROOT / "data" / "declaration.txt", tmp_path / "declaration.txt")
    shutil.copy(ROOT / "data" / "declaration.meta.json", tmp_path / "declaration.meta.json")
    return tmp_path / "declaration.txt"


CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; skips when either is missing, fails if CI requires them."""
    reason = None
    if not CHROMIUM.exists():
        reason = f"Chromium is missing at {CHROMIUM}"
    elif importlib.util.find_spec("playwright") is None:
        reason = "Playwright for Python is not installed"
    if reason:
        message = (
            f"{reason}; enable the browser tests with `apt-get install chromium` and `pip install playwright`"
        )
        if os.environ.get("CORECITIES_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()
