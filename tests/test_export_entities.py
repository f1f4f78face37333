"""export --entities: the entity graph for Gephi and spreadsheets, read back with networkx."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli

B = "https://example.org/corecities/id/"
BLAKE = B + "person/judith-blake"
LEEDS_COUNCIL = B + "organisation/leeds-city-council"
DECLARATION = B + "declaration/core-cities-uk-declaration"
KINDS = {"city", "organisation", "person", "declaration", "proposal"}
RELATIONS = {"signed", "member of", "located in", "holds post in", "said", "proposes"}


def export(out: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--out", str(out), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def graphml(seed_out: Path) -> nx.MultiDiGraph:
    return nx.parse_graphml(export(seed_out, "--entities", "--format", "graphml"), force_multigraph=True)


def test_only_entities_are_nodes(graphml: nx.MultiDiGraph) -> None:
    kinds = {data["kind"] for _, data in graphml.nodes(data=True)}
    assert kinds == KINDS
    assert graphml.number_of_nodes() == 49
    assert not [n for n in graphml if "/annotation/" in n or "/sentence/" in n or "/document/" in n]


def test_nodes_carry_label_links_and_measures(graphml: nx.MultiDiGraph) -> None:
    leeds = graphml.nodes[B + "city/leeds"]
    assert leeds["label"] == "Leeds" and leeds["kind"] == "city"
    assert "http://www.wikidata.org/entity/Q39121" in leeds["links"].split()
    for measure in ("degree", "betweenness", "eigenvector", "community", "component"):
        assert measure in leeds
    assert graphml.nodes[B + "organisation/university-of-leeds"]["type"] == "university"
    hub = max(graphml.nodes(data=True), key=lambda item: item[1]["betweenness"])
    assert hub[1]["label"] == "Core Cities UK Universities Declaration"


def test_edges_are_plain_relations_read_subject_first(graphml: nx.MultiDiGraph) -> None:
    relations = {data["relation"] for _, _, data in graphml.edges(data=True)}
    assert relations == RELATIONS
    assert graphml.has_edge(B + "organisation/university-of-leeds", DECLARATION)
    assert graphml.has_edge(B + "organisation/university-of-leeds", B + "city/leeds")
    assert graphml.has_edge(DECLARATION, B + "proposal/cities-trade-package")
    assert graphml.has_edge(B + "city/leeds", B + "organisation/core-cities-uk")


def test_a_person_is_tied_to_their_organisations_with_the_post_as_label(graphml: nx.MultiDiGraph) -> None:
    posts = {(target, data["label"]) for _, target, data in graphml.out_edges(BLAKE, data=True)}
    assert (LEEDS_COUNCIL, "Leader") in posts
    assert (B + "organisation/core-cities-uk", "Chair") in posts
    posts_only = [d for _, _, d in graphml.out_edges(BLAKE, data=True) if d["relation"] != "said"]
    assert all(d["relation"] == "holds post in" for d in posts_only)


def test_who_was_quoted_said_something_about_the_declaration(graphml: nx.MultiDiGraph) -> None:
    said = {(s, t) for s, t, d in graphml.edges(data=True) if d["relation"] == "said"}
    assert (BLAKE, DECLARATION) in said


def test_gexf_reads_back_the_same_graph(seed_out: Path, graphml: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "entities.gexf"
    export(seed_out, "-o", str(path))
    gexf = nx.read_gexf(path)
    assert set(gexf.nodes) == set(graphml.nodes)
    assert gexf.number_of_edges() == graphml.number_of_edges()
    assert gexf.nodes[BLAKE]["label"] == "Judith Blake"
    assert b"lastmodifieddate" not in path.read_bytes()


def test_csv_writes_a_nodes_and_an_edges_table(
    seed_out: Path, graphml: nx.MultiDiGraph, tmp_path: Path
) -> None:
    export(seed_out, "--entities", "-o", str(tmp_path / "entities.csv"))
    nodes = list(csv.DictReader(io.StringIO((tmp_path / "entities-nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "entities-edges.csv").read_text(encoding="utf-8"))))
    assert {r["Id"] for r in nodes} == set(graphml.nodes)
    assert list(nodes[0])[:3] == ["Id", "Label", "Kind"]
    assert len(edges) == graphml.number_of_edges()
    assert {"Source", "Target", "Label", "Relation", "Post"} <= set(edges[0])
    graph = nx.parse_edgelist(
        [f"{r['Source']} {r['Target']}" for r in edges], create_using=nx.MultiDiGraph, data=False
    )
    assert graph.number_of_edges() == graphml.number_of_edges()


def test_the_same_store_gives_the_same_bytes(seed_out: Path) -> None:
    for fmt in ("graphml", "gexf", "csv"):
        assert export(seed_out, "--entities", "--format", fmt) == export(
            seed_out, "--entities", "--format", fmt
        )


def test_entities_only_in_graph_formats(seed_out: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--out", str(seed_out), "--entities", "--format", "ttl"])
    assert result.exit_code == 2
    assert "Error: --entities writes graphml, gexf or csv, not ttl" in result.output
