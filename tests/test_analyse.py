"""Network analysis of the entity graph and explanations of how two entities are connected."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.network.analyse import analyse, entity_graph
from corecities_graph.store.embedded import GraphStore

ID = "https://example.org/corecities/id/"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def writable_seed(seed_out: Path, tmp_path: Path) -> Path:
    shutil.copytree(seed_out / "store", tmp_path / "store")
    return tmp_path


def test_entity_graph_holds_actors_not_documents_or_provenance(seed_out: Path) -> None:
    graph = entity_graph(GraphStore.open(seed_out, read_only=True))
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert kinds == {"city", "organisation", "person", "declaration", "proposal"}
    assert not any("/document/" in n or "/annotation/" in n or "/post/" in n for n in graph.nodes)
    # a post is folded into an edge from the person to the organisation
    edge = graph[f"{ID}person/judith-blake"][f"{ID}organisation/leeds-city-council"]
    assert {r[3] for r in edge["relations"]} == {"Leader"}


def test_analysis_of_the_seed(seed_out: Path) -> None:
    analysis = analyse(GraphStore.open(seed_out, read_only=True))
    top = analysis.nodes[0]
    assert top.label == "Core Cities UK Universities Declaration" and top.kind == "declaration"
    assert top.degree == 28
    by_label = {n.label: n for n in analysis.nodes}
    # London is named but tied to nothing: its own component, eigenvector 0
    assert [by_label["London"].iri] in analysis.components
    assert by_label["London"].eigenvector == 0.0
    assert len(analysis.components[0]) == len(analysis.nodes) - 2
    assert (
        "per connected component" in analysis.methods["eigenvector"]
        or "each connected component" in (analysis.methods["eigenvector"])
    )
    leeds = {by_label[n].community for n in ("Leeds", "University of Leeds", "Leeds Beckett University")}
    assert len(leeds) == 1
    ties = {(t.city_a, t.city_b): t for t in analysis.city_ties}
    assert ties[("Birmingham", "Leeds")].declarations == 1
    assert ties[("Birmingham", "Leeds")].proposals == 4
    assert ("Leeds", "London") not in ties


def test_analysis_is_deterministic(seed_out: Path) -> None:
    first = invoke("analyse", "--out", str(seed_out), "--format", "json").output
    assert first == invoke("analyse", "--out", str(seed_out), "--format", "json").output
    data = json.loads(first)
    assert set(data) == {"nodes", "edges", "communities", "components", "city_ties", "methods"}


def test_analyse_formats(seed_out: Path) -> None:
    table = invoke("analyse", "--out", str(seed_out)).output
    assert table.startswith("Entity graph: 49 nodes, ")
    assert "Communities (Louvain):" in table and "Cities tied through" in table
    rows = list(
        csv.DictReader(io.StringIO(invoke("analyse", "--out", str(seed_out), "--format", "csv").output))
    )
    assert list(rows[0]) == [
        "iri", "label", "kind", "degree", "degree_centrality", "betweenness", "eigenvector", "community", "component",
    ]  # fmt: skip
    assert rows[0]["label"] == "Core Cities UK Universities Declaration"


def test_write_back_stores_metrics_in_their_own_graph_and_replaces_them(writable_seed: Path) -> None:
    out = str(writable_seed)
    assert invoke("analyse", "--out", out, "--write-back", "--format", "csv").exit_code == 0
    query = (
        "SELECT ?degree WHERE { GRAPH <https://example.org/corecities/id/graph/analysis> "
        "{ <https://example.org/corecities/id/city/leeds> ccg:degree ?degree } }"
    )
    result = invoke("query", "-e", query, "--out", out, "--format", "csv")
    assert result.output == "degree\n5\n"
    assert invoke("analyse", "--out", out, "--write-back", "--format", "csv").exit_code == 0
    assert invoke("query", "-e", query, "--out", out, "--format", "csv").output == "degree\n5\n"
    counted = invoke(
        "query", "-e",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/corecities/id/graph/analysis> { ?s ccg:betweenness ?o } }",
        "--out", out, "--format", "csv",
    )  # fmt: skip
    assert counted.output == "n\n49\n"


def test_analyse_without_a_store(tmp_path: Path) -> None:
    result = invoke("analyse", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "no graph store here" in result.stderr


def test_explain_shows_each_hop_with_its_sentence_and_source(seed_out: Path) -> None:
    result = invoke("explain", "judith blake", "Leeds City Council", "--out", str(seed_out))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Judith Blake and Leeds City Council: 1 shortest path of 1 hop."
    assert "  Judith Blake —holds a post in (as Leader)→ Leeds City Council" in lines
    assert any(
        line.strip().startswith("“Cllr Judith Blake, Chair of Core Cities UK and Leader of Leeds")
        for line in lines
    )
    assert any(line.strip().startswith("source: University of Birmingham signs up") for line in lines)


def test_explain_longer_paths_name_every_relation(seed_out: Path) -> None:
    result = invoke("explain", "Nottingham", f"{ID}organisation/aston-university", "--out", str(seed_out))
    assert result.exit_code == 0
    assert "2 shortest paths of 3 hops" in result.output
    assert "Universities for Nottingham —signed→ Core Cities UK Universities Declaration" in result.output
    assert "Core Cities UK —has member city→ Birmingham" in result.output
    # a sentence naming only the organisation does not show where it is: the reference data does
    lines = result.output.splitlines()
    where = lines.index("  Birmingham —is the location of→ Aston University")
    assert lines[where + 1] == f"      from reference data <{ID}graph/links>"


def test_explain_without_a_path(seed_out: Path) -> None:
    result = invoke("explain", "Tim Jones", "London", "--out", str(seed_out))
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: no path joins Tim Jones and London: they lie in separate parts of the graph\n"
    )


def test_explain_unknown_and_non_entity_names(seed_out: Path) -> None:
    unknown = invoke("explain", "Leeds civic council", "Leeds", "--out", str(seed_out))
    assert unknown.exit_code == 1
    assert unknown.stderr == (
        "Error: explain: no entity is named 'Leeds civic council' (similar: Leeds; Leeds City Council)\n"
    )
    role = invoke("explain", f"{ID}document/declaration", "Leeds", "--out", str(seed_out))
    assert role.exit_code == 1
    assert "is not a city, organisation, person, declaration or proposal" in role.stderr


def test_explain_ambiguous_name_lists_candidates(tmp_path: Path) -> None:
    import pyoxigraph as ox

    store = GraphStore(tmp_path / "store")
    graph = ox.NamedNode(f"{ID}graph/test")
    name = ox.NamedNode("https://schema.org/name")
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    city, org = ox.NamedNode(f"{ID}city/newcastle"), ox.NamedNode(f"{ID}organisation/newcastle")
    store.add(
        [
            ox.Quad(city, kind, ox.NamedNode("https://schema.org/City"), graph),
            ox.Quad(city, name, ox.Literal("Newcastle"), graph),
            ox.Quad(org, kind, ox.NamedNode("http://www.w3.org/ns/org#Organization"), graph),
            ox.Quad(org, name, ox.Literal("Newcastle"), graph),
            ox.Quad(org, ox.NamedNode("https://schema.org/location"), city, graph),
        ]
    )
    store.flush()
    del store
    result = invoke("explain", "NEWCASTLE", f"{ID}city/newcastle", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: 'NEWCASTLE' names 2 entities: Newcastle <{ID}city/newcastle>; "
        f"Newcastle <{ID}organisation/newcastle>; give one IRI\n"
    )
    joined = invoke("explain", f"{ID}organisation/newcastle", f"{ID}city/newcastle", "--out", str(tmp_path))
    assert joined.exit_code == 0
    assert "  Newcastle —is located in→ Newcastle" in joined.output
    assert f"      stated in <{ID}graph/test>" in joined.output


def test_explain_does_not_take_a_name_inside_another_for_both_ends(seed_out: Path) -> None:
    result = invoke("explain", "Birmingham", "University of Birmingham", "--out", str(seed_out))
    lines = result.output.splitlines()
    where = lines.index("  Birmingham —is the location of→ University of Birmingham")
    assert "including Birmingham" in lines[where + 1]


@pytest.mark.parametrize(
    "graph",
    [
        nx.path_graph(7),
        nx.star_graph(30),
        nx.complete_bipartite_graph(3, 9),
        nx.gnm_random_graph(300, 1200, seed=5),
        nx.barabasi_albert_graph(500, 3, seed=2),
    ],
    ids=["path", "star", "bipartite", "random", "preferential"],
)
def test_eigenvector_steps_give_networkx_values(graph: nx.Graph) -> None:
    from corecities_graph.network.analyse import _power_iteration

    graph = graph.subgraph(max(nx.connected_components(graph), key=len))
    expected = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-08)
    found = _power_iteration(graph)
    assert found is not None and found.keys() == expected.keys()
    assert max(abs(found[n] - expected[n]) for n in graph) < 1e-12


def test_eigenvector_steps_that_do_not_converge_say_so() -> None:
    from corecities_graph.network.analyse import _power_iteration

    assert _power_iteration(nx.star_graph(30), max_iter=2) is None


def _pieces() -> nx.Graph:
    graph = nx.disjoint_union(nx.path_graph(4), nx.cycle_graph(5))
    graph.add_nodes_from(["alone", "also alone"])
    graph.add_edge("loop", "loop")
    return graph


@pytest.mark.parametrize(
    "graph",
    [
        nx.path_graph(7),
        nx.star_graph(30),
        nx.complete_bipartite_graph(3, 9),
        nx.gnm_random_graph(300, 1200, seed=5),
        nx.barabasi_albert_graph(500, 3, seed=2),
        nx.karate_club_graph(),
        _pieces(),
        nx.path_graph(2),
        nx.empty_graph(1),
    ],
    ids=["path", "star", "bipartite", "random", "preferential", "karate", "pieces", "pair", "single"],
)
@pytest.mark.parametrize("block", [4_000_000, 50], ids=["one block", "many blocks"])
def test_betweenness_blocks_give_networkx_values(
    graph: nx.Graph, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corecities_graph.network import analyse

    monkeypatch.setattr(analyse, "_BLOCK_CELLS", block)
    expected = nx.betweenness_centrality(graph)
    found = analyse._betweenness(graph)
    assert found.keys() == expected.keys()
    assert max(abs(found[n] - expected[n]) for n in graph) < 1e-12
