"""Releases written for this project in other publishers' styles: extraction must stay general."""

from __future__ import annotations

from pathlib import Path

from corecities_graph.corpus.evaluate import evaluate, render

HELDOUT = Path(__file__).resolve().parent / "heldout"
# Below 1.0 so that a defensible reading that differs from these gold files is not a failure;
# a drop under it means a phenomenon broke.
THRESHOLD = 0.9


def test_heldout_releases_score_above_threshold_in_every_category(reference) -> None:
    evaluation = evaluate(HELDOUT, reference)
    assert len(evaluation.documents) == 5
    low = {n: round(s.f1, 3) for n, s in evaluation.scores.items() if s.f1 < THRESHOLD}
    assert not low, render(evaluation)
