"""Extraction scored against gold: the seed exactly, the development set within target."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DEV_SET, FIXTURES
from corecities_graph.corpus.evaluate import CATEGORIES, evaluate, render


def test_seed_is_extracted_completely_and_exactly(reference) -> None:
    evaluation = evaluate(FIXTURES, reference)
    assert evaluation.documents == ["seed"]
    for name in CATEGORIES:
        score = evaluation.scores[name]
        assert score.f1 == 1.0, f"{name}: misses {score.misses} extras {score.extras}"


@pytest.mark.skipif(not DEV_SET.is_dir(), reason=f"development set not found at {DEV_SET}; CI has it")
def test_dev_set_reaches_target_in_every_category(reference) -> None:
    evaluation = evaluate(DEV_SET, reference)
    low = {n: round(s.f1, 3) for n, s in evaluation.scores.items() if s.f1 < 0.9}
    assert not low, render(evaluation)


def test_render_lists_misses_and_extras(reference, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Cllr Jane Doe, Leader of Leeds City Council, said: “We agree.”\n")
    (tmp_path / "a.gold.json").write_text(
        '{"cities": ["Bradford"], "institutions": [], "people": [{"name": "Jane Doe", "honorific": "Cllr",'
        ' "roles": [{"role": "Leader", "org": "Leeds City Council"}]}], "quotes": [], "statistics": []}'
    )
    evaluation = evaluate(tmp_path, reference)
    text = render(evaluation)
    assert "cities: a: bradford" in text  # a miss
    assert "institutions: a: leeds city council" in text  # an extra
    assert evaluation.scores["people"].f1 == 1.0
    assert evaluation.scores["quotes"].fp == 1
