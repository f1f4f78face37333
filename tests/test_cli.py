"""The command line, in-process: build, named queries against expected rows, errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from corecities_graph.cli import cli
from corecities_graph.sparql.query import named_queries

SPEC_COLUMNS = {
    "sources": ["document", "title", "publisher", "date", "url"],
    "cities": ["city", "name", "nation", "wikidata"],
    "institutions": ["institution", "name", "type", "city_name", "wikidata", "ror"],
    "signatories": ["declaration", "institution", "name"],
    "people": ["person", "name", "honorific", "role", "organisation_name"],
    "quotes": ["quote", "speaker_name", "text"],
    "proposals": ["proposal", "name", "declaration"],
    "statistics": ["statistic", "subject_name", "measure", "value", "unit", "qualifier", "source"],
    "claimed_counts": ["declaration", "what", "count", "source"],
    "conflicts": ["subject_name", "measure", "value_a", "source_a", "value_b", "source_b"],
}


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def csv_rows(text: str) -> tuple[list[str], set[tuple[str, ...]]]:
    reader = list(csv.reader(io.StringIO(text)))
    return reader[0], {tuple(r) for r in reader[1:]}


@pytest.mark.parametrize("name", sorted(SPEC_COLUMNS))
def test_named_query_columns_and_rows_on_the_seed(seed_out: Path, name: str) -> None:
    result = invoke("query", name, "--out", str(seed_out), "--format", "csv")
    assert result.exit_code == 0, result.output
    header, rows = csv_rows(result.output)
    assert header[: len(SPEC_COLUMNS[name])] == SPEC_COLUMNS[name]
    expected_header, expected = csv_rows((FIXTURES / "expected" / f"{name}.csv").read_text(encoding="utf-8"))
    assert header == expected_header
    assert rows == expected, f"missing {expected - rows}, extra {rows - expected}"


def test_every_named_query_states_its_question() -> None:
    queries = named_queries()
    assert set(SPEC_COLUMNS) <= set(queries)
    for query in queries.values():
        assert query.text.startswith("# ") and query.question.endswith("?")


def test_queries_lists_names_and_questions() -> None:
    result = invoke("queries")
    lines = {line.split()[0]: line.split(None, 1)[1] for line in result.output.splitlines()}
    assert lines["signatories"] == "Who signed which declaration?"


def test_build_prints_summary_and_writes_outputs(tmp_path: Path, seed_copy: Path) -> None:
    result = invoke("build", str(seed_copy), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "Built 1 document; the store holds 1 document and" in result.stderr
    for name in ("graph.ttl", "graph.trig", "view.html", "report.md"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert (tmp_path / "out" / "store").is_dir()


def test_rebuild_is_byte_identical_and_a_no_op(tmp_path: Path, seed_copy: Path) -> None:
    out = tmp_path / "out"
    invoke("build", str(seed_copy), "--out", str(out))
    first = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.trig", "view.html", "report.md")}
    result = invoke("build", str(seed_copy), "--out", str(out))
    assert "Built 0 documents, 1 unchanged" in result.stderr
    assert {n: (out / n).read_bytes() for n in first} == first


def test_json_results_are_sparql_results_json(seed_out: Path) -> None:
    result = invoke("query", "cities", "--out", str(seed_out), "--format", "json")
    data = json.loads(result.output)
    assert data["head"]["vars"] == SPEC_COLUMNS["cities"]
    names = {b["name"]["value"] for b in data["results"]["bindings"]}
    assert {"Leeds", "London", "Newcastle"} <= names and "West Midlands" not in names


def test_query_from_stdin_and_file(seed_out: Path, tmp_path: Path) -> None:
    text = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }"
    assert invoke("query", "-", "--out", str(seed_out), "--format", "csv", input=text).output == "n\n4\n"
    path = tmp_path / "q.rq"
    path.write_text(text)
    assert invoke("query", str(path), "--out", str(seed_out), "--format", "tsv").output.splitlines()[1] == "4"


def test_update_and_service_are_refused(seed_out: Path) -> None:
    result = invoke("query", "-", "--out", str(seed_out), input="DELETE WHERE { ?s ?p ?o }")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: stdin: this is an update; the graph is read-only here (use --allow-update)"
    )
    result = invoke(
        "query", "-", "--out", str(seed_out), input="SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"
    )
    assert result.exit_code == 1
    assert "SERVICE calls to other endpoints are refused" in result.stderr


def test_malformed_query_is_one_error_line(seed_out: Path) -> None:
    result = invoke("query", "-", "--out", str(seed_out), input="SELECT WHERE {")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: stdin: malformed SPARQL")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_query_name(seed_out: Path) -> None:
    result = invoke("query", "nosuch", "--out", str(seed_out))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: nosuch: no such named query or file")


def test_query_without_a_store(tmp_path: Path) -> None:
    result = invoke("query", "cities", "--out", str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert "no graph store here" in result.stderr


def test_missing_input_file(tmp_path: Path) -> None:
    result = invoke("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr.splitlines()


def test_folder_with_a_bad_file_builds_the_good_ones(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy.parent / "empty.txt").write_text("  \n")
    (seed_copy.parent / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    result = invoke("build", str(seed_copy.parent), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "Built 1 document" in result.stderr
    assert f"Error: {seed_copy.parent / 'empty.txt'}: file is empty" in result.stderr
    assert f"Error: {seed_copy.parent / 'binary.txt'}: looks binary" in result.stderr


def test_usage_error_is_exit_2() -> None:
    assert invoke("query").exit_code == 2


def test_contacts_are_left_out_unless_asked(tmp_path: Path, seed_copy: Path) -> None:
    invoke("build", str(seed_copy), "--out", str(tmp_path / "a"))
    for name in ("graph.ttl", "graph.trig", "view.html", "report.md"):
        data = (tmp_path / "a" / name).read_text(encoding="utf-8")
        assert "7932" not in data and "7789" not in data, name
    invoke("build", str(seed_copy), "--out", str(tmp_path / "b"), "--include-contacts")
    assert "7932 568571" in (tmp_path / "b" / "graph.ttl").read_text(encoding="utf-8")


def test_base_iri_is_configurable(tmp_path: Path, seed_copy: Path) -> None:
    out = tmp_path / "out"
    invoke("build", str(seed_copy), "--out", str(out), "--base-iri", "https://data.example.net/cc/")
    result = invoke("query", "cities", "--out", str(out), "--format", "csv")
    assert (
        "https://data.example.net/cc/city/leeds,Leeds,England,http://www.wikidata.org/entity/Q39121"
        in result.output
    )


def test_corpus_is_one_graph_with_conflicts(tmp_path: Path, seed_copy: Path) -> None:
    other = seed_copy.parent / "other.txt"
    other.write_text(
        "https://example.net/news/1\nA radical vision has been set out by the 11 Core Cities with 24 universities "
        "in a joint declaration.\nCllr Judith Blake, Chair of Core Cities UK, said: “We agree.”\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert invoke("build", str(seed_copy.parent), "--out", str(out)).exit_code == 0
    _, people = csv_rows(invoke("query", "people", "--out", str(out), "--format", "csv").output)
    assert len({r[0] for r in people if r[1] == "Judith Blake"}) == 1
    _, conflicts = csv_rows(invoke("query", "conflicts", "--out", str(out), "--format", "csv").output)
    counts = {(r[1], r[2], r[4]) for r in conflicts}
    assert ("number of universities", "21", "24") in counts


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        result = invoke(name, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output, name
        assert command.help


def test_conflicts_give_one_row_per_disagreement_however_many_sources_repeat_it(
    tmp_path: Path, seed_copy: Path
) -> None:
    for number in range(3):
        (seed_copy.parent / f"other-{number}.txt").write_text(
            f"https://example.net/news/{number}\nA radical vision has been set out by the 11 Core Cities with "
            "24 universities in a joint declaration.\n",
            encoding="utf-8",
        )
    out = tmp_path / "out"
    assert invoke("build", str(seed_copy.parent), "--out", str(out), "--no-validate").exit_code == 0
    _, conflicts = csv_rows(invoke("query", "conflicts", "--out", str(out), "--format", "csv").output)
    universities = [r for r in conflicts if r[1] == "number of universities"]
    assert [(r[2], r[4]) for r in universities] == [("21", "24")]
    assert universities[0][3].endswith("/document/declaration")
    assert universities[0][5].endswith("/document/other-0")
