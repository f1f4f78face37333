"""Named queries written for one kind of server, and list columns every store gives in one order.

A text in queries/LAYOUT/NAME.rq is what a remote store of that --store-layout is sent in place of
NAME.rq; it must answer the same question with the same columns and rows, which the embedded store
checks here on the seed and on the generated corpus the Virtuoso tests use.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.sparql.formats import rows
from corecities_graph.sparql.query import named_queries, run_named, run_query, sort_lists
from corecities_graph.store.embedded import GraphStore

ROOT = Path(__file__).resolve().parents[1]
SERVER_TEXTS = sorted(
    (name, layout) for name, named in named_queries().items() for layout, _ in named.layouts
)


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Virtuoso tests' corpus (60 generated releases and two hand-made ones), built."""
    from test_corpus_graph import ALLIANCE_RELEASE, NEWSPAPER_REPORT

    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "generate_corpus.py"),
            "--n",
            "60",
            "--seed",
            "3",
            "--out",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )
    (folder / "a_alliance.txt").write_text(ALLIANCE_RELEASE, encoding="utf-8")
    (folder / "b_paper.txt").write_text(NEWSPAPER_REPORT, encoding="utf-8")
    out = tmp_path_factory.mktemp("corpus-out")
    built = CliRunner().invoke(cli, ["-q", "build", str(folder), "--out", str(out), "--no-outputs"])
    assert built.exit_code == 0, built.output
    return out


def test_virtuoso_has_its_own_texts_of_the_queries_it_answered_short() -> None:
    assert [name for name, layout in SERVER_TEXTS if layout == "virtuoso"] == [
        "conflicts",
        "core_cities_without_university",
        "proposal_signatories",
        "universities_per_city",
    ]


@pytest.mark.parametrize(("name", "layout"), SERVER_TEXTS)
def test_a_server_text_answers_the_same_question_with_the_same_rows(
    name: str, layout: str, seed_out: Path, corpus_out: Path
) -> None:
    named = named_queries()[name]
    text = named.text_for(layout)
    assert text != named.text
    assert text.splitlines()[0] == named.text.splitlines()[0]  # the same question
    for out in (seed_out, corpus_out):
        store = GraphStore.open(out, read_only=True)
        header, standard = rows(run_query(store, name, named.text))
        there_header, there = rows(run_query(store, name, text))
        assert there_header == header
        assert sorted(there) == sorted(standard), f"{name} ({layout}) on {out.name}"
    assert standard, f"{name}: no rows on the corpus to compare"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("University of Leeds; Leeds Beckett University", "Leeds Beckett University; University of Leeds"),
        ("b; a; c", "a; b; c"),
        ("Only One", "Only One"),
        ("Zeta; alpha", "Zeta; alpha"),  # by code point, as SPARQL orders plain literals
        ("", ""),
    ],
)
def test_a_sorted_list_column_is_sorted_after_the_query(cell: str, expected: str) -> None:
    result = ox.Store().query(
        f'SELECT ?city ?names WHERE {{ VALUES (?city ?names) {{ (<urn:x:city> "{cell}") }} }}'
    )
    header, table = rows(sort_lists(result, (("names", "; "),)))
    assert header == ["city", "names"]
    assert table == [["urn:x:city", expected]]


def test_the_group_concatenations_are_the_sorted_lists() -> None:
    assert {name: named.sorted_lists for name, named in named_queries().items() if named.sorted_lists} == {
        "person_posts": (("posts", "; "),),
        "universities_per_city": (("names", "; "),),
    }


@pytest.mark.parametrize("name", ["person_posts", "universities_per_city"])
def test_sorted_lists_leave_the_embedded_stores_answer_as_it_was(
    name: str, seed_out: Path, corpus_out: Path
) -> None:
    named = named_queries()[name]
    ((column, separator),) = named.sorted_lists
    for out in (seed_out, corpus_out):
        store = GraphStore.open(out, read_only=True)
        # the subquery's ORDER BY already gives the embedded store the sorted order, row order included
        assert rows(run_named(store, named)) == rows(run_query(store, name, named.text))
        header, table = rows(run_named(store, named))
        cells = [row[header.index(column)] for row in table]
        assert any(separator in cell for cell in cells)
        assert all(cell == separator.join(sorted(cell.split(separator))) for cell in cells)
