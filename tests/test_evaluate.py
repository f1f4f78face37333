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
    low = {n: round(s.f1, 3) for n, s in evaluation.scores.items() if s.f1 < 0.95}
    assert not low, render(evaluation, sentences=True)


BLIND = Path(__file__).resolve().parent / "blind"


def test_blind_set_stays_at_its_measured_level(reference) -> None:
    # written without reading the extractor and scored before any rule changed (F1 0.69);
    # the floor below keeps what the rules since have gained (0.987) from sliding back unnoticed
    evaluation = evaluate(BLIND, reference)
    assert len(evaluation.documents) == 30
    assert evaluation.overall.f1 >= 0.97, render(evaluation)
    low = {n: round(s.precision, 3) for n, s in evaluation.scores.items() if s.precision < 0.85}
    assert not low, render(evaluation)


def test_final_blind_batch_stays_at_its_one_score(reference) -> None:
    # scored once after the rules were done (F1 0.896), never used to change a rule; 0.932 since
    evaluation = evaluate(Path(__file__).resolve().parent / "blind_final", reference)
    assert len(evaluation.documents) == 10
    assert evaluation.overall.f1 >= 0.92, render(evaluation)


def test_second_blind_set_stays_at_its_measured_level(reference) -> None:
    # written without reading the extractor, scored before any rule changed (F1 0.77), then read
    evaluation = evaluate(Path(__file__).resolve().parent / "blind2", reference)
    assert len(evaluation.documents) == 30
    assert evaluation.overall.f1 >= 0.92, render(evaluation)  # 0.937 since
    assert evaluation.scores["signatories"].precision >= 0.95, render(evaluation)
    # posts were read again for it (roles 0.655 -> 0.781, recall 0.562 -> 0.688)
    assert evaluation.scores["roles"].f1 >= 0.77, render(evaluation)
    low = {n: round(s.precision, 3) for n, s in evaluation.scores.items() if s.precision < 0.95}
    assert set(low) <= {"cities", "institutions", "institution_types", "roles", "proposals", "statistics",
                        "qualifiers", "claimed_counts"}, render(evaluation)  # fmt: skip


def test_second_final_blind_batch_stays_at_its_one_score(reference) -> None:
    # scored once before the rules changed for the second set (0.780) and once after (0.823); 0.880 since
    evaluation = evaluate(Path(__file__).resolve().parent / "blind2_final", reference)
    assert len(evaluation.documents) == 10
    assert evaluation.overall.f1 >= 0.86, render(evaluation)


def test_third_blind_batch_stays_at_its_score(reference) -> None:
    # written after the second set's rules, scored before the next change (0.854) and after it (0.862)
    evaluation = evaluate(Path(__file__).resolve().parent / "blind3", reference)
    assert len(evaluation.documents) == 20
    assert evaluation.overall.f1 >= 0.97, render(evaluation)  # 0.987 since
    assert evaluation.scores["signatories"].precision >= 0.94, render(evaluation)


@pytest.mark.parametrize(
    ("folder", "documents", "floor"),
    [
        # each written without reading the extractor and scored once before a rule changed for it
        ("blind4", 20, 0.95),  # 0.880 first; read since: 0.969
        ("blind5", 10, 0.88),  # 0.845 first; never read: 0.899
        ("blind6", 20, 0.95),  # 0.841 first; read since: 0.970
        ("blind7", 10, 0.87),  # 0.887 once, after the rules of its day; never read
        ("blind8", 12, 0.94),  # 0.872 first (0.923 with its units fixed); read since: 0.953
        ("blind10", 10, 0.91),  # 0.926 with the code before its round, 0.925 after it; never read
    ],
)
def test_later_blind_batches_stay_at_their_scores(
    reference, folder: str, documents: int, floor: float
) -> None:
    evaluation = evaluate(Path(__file__).resolve().parent / folder, reference)
    assert len(evaluation.documents) == documents
    assert evaluation.overall.f1 >= floor, render(evaluation)
    low = {n: round(s.precision, 3) for n, s in evaluation.scores.items() if s.precision < 0.8}
    assert set(low) <= {"proposals", "roles"}, render(evaluation)


def test_blind9_stays_at_its_score(reference) -> None:
    # 0.914 first; read since: 0.964. Its gold never counts the parties ("the three partners"), which
    # the other sets' gold and GOLD.md do, so its claimed counts' precision is not held to 0.8.
    evaluation = evaluate(Path(__file__).resolve().parent / "blind9", reference)
    assert len(evaluation.documents) == 14
    assert evaluation.overall.f1 >= 0.95, render(evaluation)
    low = {n: round(s.precision, 3) for n, s in evaluation.scores.items() if s.precision < 0.85}
    assert set(low) <= {"claimed_counts"}, render(evaluation)


def test_through_queries_and_through_extraction_agree_on_the_seed(reference) -> None:
    by_queries = evaluate(FIXTURES, reference, through="queries")
    by_extraction = evaluate(FIXTURES, reference, through="extraction")
    assert {n: s.tp for n, s in by_queries.scores.items()} == {
        n: s.tp for n, s in by_extraction.scores.items()
    }


def test_each_miss_and_extra_can_be_shown_with_its_sentence(reference, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The plan was agreed. Cllr Jane Doe, Leader of Leeds City Council, spoke.\n"
    )
    (tmp_path / "a.gold.json").write_text('{"cities": ["Bradford"], "institutions": []}')
    text = render(evaluate(tmp_path, reference), sentences=True)
    assert "1 document\n" in text
    assert (
        "  institutions: a: leeds city council\n      > Cllr Jane Doe, Leader of Leeds City Council, spoke.\n"
        in text
    )
    assert "cities: a: bradford\n" in text  # a miss the text never says has no sentence


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


@pytest.mark.parametrize(
    "name",
    [
        "B20_combined_authority_north_east_skills_innovation_compact",
        "B18_council_leeds_corecities_devolution_prospectus",
    ],
)
def test_scoring_through_queries_reads_what_build_and_query_print(
    reference, tmp_path: Path, name: str
) -> None:
    # the public contract: `build FILE --out D` then `query NAME --out D --format csv`
    import csv
    import io

    from click.testing import CliRunner

    from corecities_graph.cli import cli
    from corecities_graph.corpus.evaluate import graph_view
    from corecities_graph.extract import extract
    from corecities_graph.sources.read import read_document

    text = BLIND / f"{name}.txt"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(text), "--out", str(tmp_path)]).exit_code == 0

    def column(query: str, field: str) -> set[str]:
        result = runner.invoke(cli, ["query", query, "--out", str(tmp_path), "--format", "csv"])
        assert result.exit_code == 0, result.output
        return {row[field] for row in csv.DictReader(io.StringIO(result.output))}

    document = read_document(text)
    view = graph_view(document, extract(document, reference), reference)
    assert column("signatories", "name") == {r.org for r in view.signatories}
    assert column("proposals", "name") == {r.name for r in view.proposals}
    assert column("institutions", "name") == {r.name for r in view.organisations}
    assert column("people", "name") == {r.name for r in view.people}
    assert column("cities", "name") == set(view.cities())


def test_a_proposal_is_paired_with_the_gold_name_it_paraphrases() -> None:
    from corecities_graph.corpus.evaluate import _paired

    gold = ["regional careers guarantee for young people", "north east skills observatory"]
    predicted = ["north east skills observatory run jointly", "regional careers guarantee", "two things"]
    assert _paired(predicted, gold, []) == [
        "north east skills observatory", "regional careers guarantee for young people", "two things"
    ]  # fmt: skip
    # one prediction to one gold item: a second paraphrase of the same proposal is an extra
    assert _paired(["skills observatory", "the skills observatory"], ["north east skills observatory"], []) == [
        "north east skills observatory", "the skills observatory"
    ]  # fmt: skip
    # sharing a word or two of a long name is not enough
    assert _paired(["skills fund"], ["local skills improvement fund allocated as a single pot"], []) == [
        "skills fund"
    ]
