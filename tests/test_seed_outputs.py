"""The seed's outputs stay byte for byte what the fixture records (regenerate: python tests/regen_seed_outputs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed_outputs import outputs, read_fixture


@pytest.mark.slow
def test_seed_outputs_are_unchanged(tmp_path: Path) -> None:
    expected, actual = read_fixture(), outputs(tmp_path / "out")
    differ = sorted(
        name for name in expected.keys() | actual.keys() if expected.get(name) != actual.get(name)
    )
    assert not differ, (
        "these outputs differ from tests/fixtures/seed_outputs.sha256 "
        f"(if the change is meant, run: python tests/regen_seed_outputs.py): {differ}"
    )
