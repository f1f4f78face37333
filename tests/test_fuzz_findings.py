"""Inputs the property tests and fuzzers found crashing or misleading, kept minimal, each a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from corecities_graph.errors import QueryError
from corecities_graph.extract import extract
from corecities_graph.resolve.reference import Reference
from corecities_graph.sources.read import decode_text, document_from_text
from corecities_graph.sparql.query import check_read_only

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ref() -> Reference:
    return Reference.load(ROOT / "data" / "reference")


@pytest.mark.parametrize(
    "data",
    [
        b"\x95",  # cp1252 bullet: a paragraph that is only a bullet became an empty paragraph
        "•\n“".encode(),
    ],
)
def test_extract_survives_found_inputs(data: bytes, ref: Reference) -> None:
    document = document_from_text(decode_text(data, "found.txt"), doc_id="found")
    extraction = extract(document, ref)
    assert extraction.quotes == []


def test_long_digit_run_is_read_in_one_pass(ref: Reference) -> None:
    """A run of digits made the organisation-name pattern backtrack cubically (1,000 digits took
    9 s, 20,000 would take hours). The run must give no organisation and finish; a regression
    hangs this test rather than slowing it, hence the subprocess guard far above any honest time."""
    import subprocess
    import sys

    code = (
        "from corecities_graph.extract import extract\n"
        "from corecities_graph.resolve.reference import Reference\n"
        "from corecities_graph.sources.read import document_from_text\nfrom pathlib import Path\n"
        f"ref = Reference.load(Path({str(ROOT / 'data' / 'reference')!r}))\n"
        "x = extract(document_from_text('Figures: ' + '1' * 20000 + 'A.', doc_id='d'), ref)\n"
        "print(len(x.organisations))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        # A sub-SELECT made any update pass as read-only.
        ("INSERT { ?s ?p ?o } WHERE { SELECT * WHERE { ?s ?p ?o } }", "this is an update"),
        # SELECT as a prefixed name did the same.
        ("PREFIX ex: <http://x/> INSERT DATA { ex:SELECT ex:p ex:o }", "this is an update"),
        ("PREFIX ex: <http://x/> WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ex:select ?o }", "update"),
    ],
)
def test_read_only_check_refuses_disguised_updates(text: str, refusal: str) -> None:
    with pytest.raises(QueryError, match=refusal):
        check_read_only("q", text)


@pytest.mark.parametrize(
    "text",
    [
        # Keywords inside prefixed names, strings, IRIs, comments and variables are not keywords.
        'PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:SERVICE ?o . ?s ?p "INSERT DATA" } # DROP ALL',
        "PREFIX ex: <http://x/> SELECT ?insert WHERE { ?s ex:a\\'b <http://x/DELETE> }",
        "SELECT * WHERE { ?s ?p '''SERVICE <http://x/> {}''' }",
    ],
)
def test_read_only_check_lets_plain_queries_through(text: str) -> None:
    check_read_only("q", text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a pattern compiled case-insensitively takes ı, İ and ſ for i and s, and lower() keeps
        # them: the word it matched was then looked up and not found (KeyError)
        ("Leeds City Council will spend £2 mıllıon on the plan.", 2_000_000, "GBP"),
        ("LEEDS CITY COUNCIL WILL SPEND £2 MİLLİON ON THE PLAN.", 2_000_000, "GBP"),
        ("Leeds City Council will spend half a bıllıon pounds on the plan.", 500_000_000, "GBP"),
        ("One in fıve children in Leeds lives in a cold home.", 20, "percent"),
    ],
)
def test_letters_that_match_i_and_s_are_read_as_them(
    text: str, value: int, unit: str, ref: Reference
) -> None:
    document = document_from_text(text, doc_id="twins")
    figures = {(int(s.value), s.unit) for s in extract(document, ref).statistics}
    assert (value, unit) in figures


@pytest.mark.parametrize(
    "text",
    [
        "Leeds Trinity University has become the fıfth organisation to sign the Leeds Anchor Charter.",
        "The councils call on ministers to allow funding to be uſed for civic projects.",
        "The councils call on the Treasury to ınvest in a new skills fund for the region.",
        "Published 3 Maİ 2021. Leeds City Council said the plan would go ahead.",
    ],
)
def test_lookups_of_matched_words_survive_case_twins(text: str, ref: Reference) -> None:
    extract(document_from_text(text, doc_id="twins"), ref)  # raised KeyError before
