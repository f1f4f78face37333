"""Queries from users and the competency questions: parameters, formats, refusals, errors, time limits."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.errors import QueryError
from corecities_graph.sparql.query import check_read_only, find_entity, named_queries
from corecities_graph.store.embedded import GraphStore

DECLARATION = "https://example.org/corecities/id/declaration/core-cities-uk-declaration"
ID = "https://example.org/corecities/id/"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def table(out: Path, *args: str) -> list[dict[str, str]]:
    result = invoke("query", *args, "--out", str(out), "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


@pytest.fixture
def writable_seed(seed_out: Path, tmp_path: Path) -> Path:
    """A copy of the seed build that a test may change."""
    shutil.copytree(seed_out / "store", tmp_path / "store")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", None),
        ("delete where { ?s ?p ?o }", "update"),
        ("# SELECT * WHERE { ?s ?p ?o }\nDELETE WHERE { ?s ?p ?o }", "update"),
        ('INSERT DATA { <http://a/> <http://b/> "SELECT" }', "update"),
        ("PREFIX x: <http://x/>\n  Load <http://example.net/data.ttl>", "update"),
        ("drop all", "update"),
        ("SELECT * WHERE { ?s ?p ?o } # DELETE", None),
        ('SELECT * WHERE { ?s ?p "DELETE WHERE" }', None),
        ("SELECT * WHERE { service <http://x/> { ?s ?p ?o } }", "service"),
        ("SELECT * WHERE { SERVICE SILENT <http://x/> { ?s ?p ?o } }", "service"),
        ('SELECT * WHERE { ?s ?p "service <http://x/>" }', None),
        ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", None),
        ("PREFIX ex: <http://x/>\nSELECT ?service WHERE { ?s ex:service ?service }", None),
        ("SELECT * WHERE {\n  # SERVICE <http://x/> { }\n  ?s ?p ?o }", None),
        ("SELECT * WHERE { ?s ?p '''a\nSERVICE\nb''' }", None),
    ],
)
def test_read_only_check_reads_tokens_not_text(text: str, refused: str | None) -> None:
    if refused is None:
        check_read_only("q", text)
        return
    with pytest.raises(QueryError) as caught:
        check_read_only("q", text)
    assert ("update" if refused == "update" else "SERVICE") in str(caught.value)


def test_update_runs_only_with_allow_update(writable_seed: Path) -> None:
    delete = f"DELETE WHERE {{ GRAPH ?g {{ <{DECLARATION}> ccg:signatory <{ID}organisation/cardiff-university> }} }}"
    refused = invoke("query", "-e", delete, "--out", str(writable_seed))
    assert refused.exit_code == 1
    assert (
        refused.stderr
        == "Error: expression: this is an update; the graph is read-only here (use --allow-update)\n"
    )
    assert table(writable_seed, "core_cities_without_university") == []
    assert invoke("query", "-e", delete, "--out", str(writable_seed), "--allow-update").exit_code == 0
    rows = table(writable_seed, "core_cities_without_university")
    assert [(r["name"], r["alliance_name"]) for r in rows] == [("Cardiff", "Core Cities UK")]


def test_malformed_query_names_line_and_column_of_the_users_text(seed_out: Path) -> None:
    text = "SELECT ?name WHERE {\n  ?x schema:name ?name .\n  ?x nosuch:prefix ?z .\n}\n"
    result = invoke("query", "-", "--out", str(seed_out), input=text)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: stdin: malformed SPARQL at line 3, column ")


def test_expression_ask_and_graph_formats(seed_out: Path) -> None:
    out = str(seed_out)
    assert invoke("query", "-e", "ASK { ?p a schema:Person }", "--out", out).output == "true\n"
    assert (
        invoke("query", "-e", "ASK { ?p a schema:Nothing }", "--out", out, "--format", "csv").output
        == "false\n"
    )
    asked = json.loads(
        invoke("query", "-e", "ASK { ?p a schema:Person }", "--out", out, "--format", "json").output
    )
    assert asked["boolean"] is True
    construct = "CONSTRUCT { ?c schema:name ?n } WHERE { ?c a schema:City ; schema:name ?n }"
    turtle = invoke("query", "-e", construct, "--out", out, "--format", "turtle").output
    prefixes = [line for line in turtle.splitlines() if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes) and len(prefixes) > 3
    graph = list(ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE))
    assert len(graph) == 12 and any(t.object == ox.Literal("Leeds") for t in graph)
    jsonld = json.loads(invoke("query", "-e", construct, "--out", out, "--format", "json-ld").output)
    assert "Leeds" in json.dumps(jsonld)
    wrong = invoke("query", "-e", construct, "--out", out, "--format", "csv")
    assert wrong.exit_code == 1
    assert "use --format turtle or json-ld" in wrong.stderr


def test_query_needs_exactly_one_source_of_sparql(seed_out: Path) -> None:
    assert invoke("query", "cities", "-e", "ASK {}", "--out", str(seed_out)).exit_code == 2
    assert invoke("query", "--out", str(seed_out)).exit_code == 2


def test_table_shows_at_most_limit_rows_and_says_so(seed_out: Path) -> None:
    result = invoke("query", "institutions", "--out", str(seed_out), "--limit", "3")
    lines = result.output.splitlines()
    assert lines[-2] == "(3 rows)"
    assert lines[-1].startswith("(only the first 3 rows are shown")
    streamed = invoke("query", "institutions", "--out", str(seed_out), "--format", "csv", "--limit", "3")
    assert len(streamed.output.splitlines()) > 4


def test_queries_lists_parameters() -> None:
    output = invoke("queries").output
    assert "--param subject=...  (entity)" in output
    assert named_queries()["figures_about"].params[0].name == "subject"


def test_named_query_parameters_are_checked(seed_out: Path) -> None:
    out = str(seed_out)
    missing = invoke("query", "figures_about", "--out", out)
    assert missing.exit_code == 1
    assert missing.stderr == "Error: figures_about: missing parameter subject (give --param subject=...)\n"
    unknown = invoke(
        "query", "figures_about", "--param", "subject=Leeds", "--param", "city=Leeds", "--out", out
    )
    assert unknown.stderr == "Error: figures_about: unknown parameter city (accepted: subject)\n"
    extra = invoke("query", "cities", "--param", "city=Leeds", "--out", out)
    assert extra.stderr == "Error: cities: unknown parameter city (accepted: none)\n"
    bad = invoke("query", "figures_about", "--param", "subject", "--out", out)
    assert bad.stderr == "Error: figures_about: --param wants NAME=VALUE, got 'subject'\n"


def test_literal_parameter_is_a_term_not_sparql_text(seed_out: Path, tmp_path: Path) -> None:
    path = tmp_path / "named.rq"
    path.write_text(
        "# Which city has this name?\n# param name (literal): a city's name\n"
        "SELECT DISTINCT ?name ?city WHERE { ?city a schema:City ; schema:name ?name }\n"
    )
    assert [r["city"] for r in table(seed_out, str(path), "--param", "name=Leeds")] == [f"{ID}city/leeds"]
    hostile = 'Leeds" } UNION { ?city ?p ?name } #'
    assert table(seed_out, str(path), "--param", f"name={hostile}") == []


def test_unknown_entity_suggests_names(seed_out: Path) -> None:
    result = invoke("query", "entity_sources", "--param", "entity=Universty of Leds", "--out", str(seed_out))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: entity_sources: no entity is named 'Universty of Leds' (similar: University of Leeds"
    )


def test_ambiguous_name_lists_candidates(tmp_path: Path) -> None:
    store = GraphStore(tmp_path / "store")
    name = ox.NamedNode("https://schema.org/name")
    graph = ox.NamedNode(f"{ID}graph/test")
    store.add(
        [
            ox.Quad(ox.NamedNode(f"{ID}city/newcastle"), name, ox.Literal("Newcastle"), graph),
            ox.Quad(ox.NamedNode(f"{ID}organisation/newcastle"), name, ox.Literal("Newcastle"), graph),
        ]
    )
    with pytest.raises(QueryError) as caught:
        find_entity(store, "newcastle")
    assert str(caught.value) == (
        f"entity: 'newcastle' names 2 entities: {ID}city/newcastle (Newcastle); "
        f"{ID}organisation/newcastle (Newcastle); give one IRI"
    )
    assert find_entity(store, f"{ID}city/newcastle").value == f"{ID}city/newcastle"


def test_timeout_stops_a_runaway_query_with_one_error_line(seed_out: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "corecities_graph",
            "query",
            "-e",
            runaway,
            "--out",
            str(seed_out),
            "--timeout",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == "Error: expression: the query ran longer than 1 seconds (see --timeout)\n"
    assert done.stdout == ""


# The competency questions on the seed build


def test_universities_per_city(seed_out: Path) -> None:
    rows = {r["city_name"]: r for r in table(seed_out, "universities_per_city")}
    assert rows["Leeds"]["universities"] == "3"
    assert rows["Leeds"]["names"] == "Leeds Beckett University; Leeds Trinity University; University of Leeds"
    assert rows["Nottingham"]["universities"] == "2"
    assert rows["Cardiff"]["names"] == "Cardiff University"
    assert "London" not in rows


def test_every_core_city_has_a_signatory_university_in_the_seed(seed_out: Path) -> None:
    assert table(seed_out, "core_cities_without_university") == []


def test_person_posts(seed_out: Path) -> None:
    rows = {r["name"]: r for r in table(seed_out, "person_posts")}
    assert rows["Judith Blake"]["post_count"] == "2"
    assert rows["Judith Blake"]["posts"] == "Chair, Core Cities UK; Leader, Leeds City Council"
    assert rows["Tim Jones"]["posts"] == "Provost and Vice-Principal, University of Birmingham"


def test_source_statements_leave_out_provenance(seed_out: Path) -> None:
    rows = table(seed_out, "source_statements", "--param", "source=DECLARATION")
    assert {r["source"] for r in rows} == {f"{ID}document/declaration"}
    assert not any("/annotation/" in r["subject"] or "/run/" in r["subject"] for r in rows)
    assert {
        "subject": DECLARATION,
        "relation": "https://example.org/corecities/ontology#signatory",
        "object": f"{ID}organisation/university-of-leeds",
        "object_name": "University of Leeds",
    }.items() <= next(
        r
        for r in rows
        if r["object"] == f"{ID}organisation/university-of-leeds" and r["subject"] == DECLARATION
    ).items()


def test_source_must_be_known(seed_out: Path) -> None:
    result = invoke("query", "source_statements", "--param", "source=nope", "--out", str(seed_out))
    assert result.stderr == "Error: source_statements: no source document 'nope' (documents: declaration)\n"


def test_entity_sources_across_two_documents(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy.parent / "other.txt").write_text(
        "https://example.net/news/1\nCllr Judith Blake, Chair of Core Cities UK, said: “Cities and universities "
        "must work together.”\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert invoke("build", str(seed_copy.parent), "--out", str(out)).exit_code == 0
    rows = table(out, "entity_sources", "--param", "entity=judith blake")
    assert [r["document"].rsplit("/", 1)[-1] for r in rows] == ["declaration", "other"] or sorted(
        r["document"].rsplit("/", 1)[-1] for r in rows
    ) == ["declaration", "other"]
    assert all(int(r["evidence"]) >= 1 for r in rows)
    leeds = table(out, "entity_sources", "--param", f"entity={ID}organisation/university-of-leeds")
    assert [r["document"].rsplit("/", 1)[-1] for r in leeds] == ["declaration"]


def test_proposal_signatories(seed_out: Path) -> None:
    rows = table(seed_out, "proposal_signatories")
    by_proposal: dict[str, set[str]] = {}
    for row in rows:
        by_proposal.setdefault(row["name"], set()).add(row["institution_name"])
    assert len(by_proposal) == 4
    assert "Aston University" in by_proposal["Cities Trade Package"]
    assert all(len(names) == 24 for names in by_proposal.values())


def test_figures_about_the_core_cities_and_about_a_city(seed_out: Path) -> None:
    core = table(seed_out, "figures_about", "--param", "subject=Core Cities")
    assert {r["subject_name"] for r in core} == {"Core Cities UK"}
    assert ("26", "percent", "") in {(r["value"], r["unit"], r["qualifier"]) for r in core}
    assert ("40", "percent", "almost") in {(r["value"], r["unit"], r["qualifier"]) for r in core}
    birmingham = table(seed_out, "figures_about", "--param", "subject=Birmingham")
    assert {r["subject_name"] for r in birmingham} == {"University of Birmingham"}
    assert {r["value"] for r in birmingham} == {"100", "150", "6500"}
    assert table(seed_out, "figures_about", "--param", "subject=Leeds") == []
