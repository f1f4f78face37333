"""The public API is what the README's Library section shows, and that example runs."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import corecities_graph

ROOT = Path(__file__).resolve().parents[1]


def library_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, "README's Library section has no python example"
    return block.group(1)


def test_all_is_the_functions_the_readme_imports() -> None:
    imported = re.search(r"from corecities_graph import (.+)", library_example())
    assert imported
    names = {name.strip() for name in imported.group(1).split(",")}
    assert set(corecities_graph.__all__) == names | {"__version__"}
    for name in names:
        assert callable(getattr(corecities_graph, name)), name


@pytest.mark.slow
def test_readme_library_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    for name in ("declaration.txt", "declaration.meta.json"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    scope: dict[str, object] = {}
    exec(compile(library_example(), "README.md (Library)", "exec"), scope)
    header, rows = scope["header"], scope["rows"]
    assert header and rows, (header, rows)
    assert (tmp_path / "output" / "graph.jsonld").is_file()
    assert os.listdir(tmp_path / "output")
