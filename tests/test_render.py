"""The HTML view: self-contained, deterministic, escaped, laid out ahead of time when large."""

from __future__ import annotations

import html as html_module
import json
import os
import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from corecities_graph.publish import view as render
from corecities_graph.publish.view import (
    Evidence,
    ViewDocument,
    ViewEdge,
    ViewNode,
    render_view,
    view_from_store,
    write_view,
)

B = "https://example.org/corecities/id/"
DOC = B + "document/seed"
LEEDS = B + "city/leeds"
UNI = B + "organisation/university-of-leeds"
BLAKE = B + "person/judith-blake"
DATA_RE = re.compile(r'<script id="ccg-data" type="application/json">(.*?)</script>', re.S)


def small_graph() -> tuple[list[ViewNode], list[ViewEdge], list[ViewDocument]]:
    """Three nodes, two relations, one document."""
    nodes = [
        ViewNode(LEEDS, "Leeds", "city", links=("http://www.wikidata.org/entity/Q39121",)),
        ViewNode(UNI, "University of Leeds", "university", documents=(DOC,)),
        ViewNode(
            BLAKE,
            "Judith Blake",
            "person",
            facts=(("honorific", "Cllr"),),
            evidence=(Evidence("Cllr Judith Blake said so.", DOC),),
            documents=(DOC,),
        ),
    ]
    edges = [ViewEdge(UNI, LEEDS, "location"), ViewEdge(BLAKE, UNI, "knows")]
    return nodes, edges, [ViewDocument(DOC, "Seed release", "https://example.ac.uk/news")]


def page_data(html: str) -> dict[str, Any]:
    """The JSON the page reads, parsed back."""
    match = DATA_RE.search(html)
    assert match, "no data script in the page"
    return json.loads(match.group(1))


def chain(count: int) -> tuple[list[ViewNode], list[ViewEdge]]:
    """A path of `count` nodes of mixed kinds."""
    kinds = list(render.KINDS)
    nodes = [ViewNode(f"{B}n/{i}", f"Node {i}", kinds[i % len(kinds)]) for i in range(count)]
    edges = [ViewEdge(f"{B}n/{i}", f"{B}n/{i + 1}", "next") for i in range(count - 1)]
    return nodes, edges


def test_view_is_deterministic_whatever_the_input_order() -> None:
    nodes, edges, docs = small_graph()
    first = render_view(nodes, edges, docs)
    second = render_view(nodes[::-1], edges[::-1], docs)
    assert first == second


def test_duplicate_ids_resolve_the_same_whatever_the_order() -> None:
    a, b = ViewNode(LEEDS, "Leeds", "city"), ViewNode(LEEDS, "Leeds city", "region")
    d1, d2 = ViewDocument(DOC, "One", None), ViewDocument(DOC, "Two", None)
    assert render_view([a, b], [], [d1, d2]) == render_view([b, a], [], [d2, d1])


def test_empty_graph_still_renders() -> None:
    data = page_data(render_view([], [], []))
    assert data["nodes"] == [] and data["edges"] == []


def test_view_loads_nothing_from_elsewhere() -> None:
    html = render_view(*small_graph())
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "vis.Network" in html and "DataSet" in html


def test_view_forbids_network_access_and_stray_scripts() -> None:
    html = render_view(*small_graph())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp
    policy = html_module.unescape(csp.group(1))
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


@pytest.mark.parametrize(
    "name",
    [
        "</script><script>window.__pwned=1</script>",
        "<img src=x onerror=window.__pwned=1>",
        "<!-- <script>",
        "a & b > c",
        "line\u2028separator\u2029",
    ],
)
def test_untrusted_names_stay_inside_the_data(name: str) -> None:
    facts = ((name, name),)
    nodes = [ViewNode(B + "x", name, "person", evidence=(Evidence(name, DOC),), facts=facts)]
    docs = [ViewDocument(DOC, name, None)]
    html = render_view(nodes, [], docs, title=name)
    assert html.count("</script>") == 3
    assert "<img" not in html
    match = DATA_RE.search(html)
    assert match and "\u2028" not in match.group(1) and "\u2029" not in match.group(1)
    data = page_data(html)
    assert data["info"][B + "x"]["label"] == name
    assert data["info"][B + "x"]["evidence"] == [[name, 0]]
    assert data["documents"] == [{"id": DOC, "title": name, "url": None}]


def test_only_web_addresses_become_links() -> None:
    nodes = [
        ViewNode(
            B + "x",
            "X",
            "other",
            links=("javascript:alert(1)", "https://ror.org/024mrxd33", "data:text/html,hi"),
        )
    ]
    docs = [ViewDocument(DOC, "Doc", "javascript:alert(1)")]
    data = page_data(render_view(nodes, [], docs))
    assert data["info"][B + "x"]["links"] == ["https://ror.org/024mrxd33"]
    assert data["documents"][0]["url"] is None


def test_nodes_are_coloured_and_shaped_by_kind() -> None:
    data = page_data(render_view(*small_graph()))
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id[LEEDS]["kind"] == "city"
    assert by_id[LEEDS]["color"] == render.KINDS["city"][0]
    assert by_id[LEEDS]["shape"] == render.KINDS["city"][1]
    assert by_id[BLAKE]["shape"] == render.KINDS["person"][1]


def test_unknown_kind_is_shown_as_other() -> None:
    data = page_data(render_view([ViewNode(B + "x", "X", "spaceship")], [], []))
    assert data["nodes"][0]["kind"] == "other"


def test_legend_lists_the_kinds_present() -> None:
    html = render_view(*small_graph())
    listed = re.findall(r'class="kind-filter" value="([^"]+)"', html)
    assert listed == ["city", "university", "person"]


def test_edges_carry_their_relation_for_hover() -> None:
    data = page_data(render_view(*small_graph()))
    titles = {(e["from"], e["to"]): e["title"] for e in data["edges"]}
    assert titles == {(UNI, LEEDS): "location", (BLAKE, UNI): "knows"}


def test_edges_to_missing_nodes_are_dropped() -> None:
    nodes, edges, docs = small_graph()
    data = page_data(render_view(nodes, [*edges, ViewEdge(UNI, B + "nowhere", "x")], docs))
    assert len(data["edges"]) == 2


def test_size_is_degree_centrality_unless_given() -> None:
    nodes, edges, docs = small_graph()
    data = page_data(render_view(nodes, edges, docs))
    values = {n["id"]: n["value"] for n in data["nodes"]}
    assert values == {LEEDS: 0.5, UNI: 1.0, BLAKE: 0.5}
    weighted = [ViewNode(LEEDS, "Leeds", "city", weight=7.0), *nodes[1:]]
    data = page_data(render_view(weighted, edges, docs))
    assert {n["id"]: n["value"] for n in data["nodes"]}[LEEDS] == 7.0


def test_long_labels_are_shortened_on_the_canvas_only() -> None:
    quote = "Universities and cities are bound together, and this declaration shows how " * 3
    data = page_data(render_view([ViewNode(B + "q", quote, "quote")], [], []))
    assert len(data["nodes"][0]["label"]) <= render.LABEL_MAX
    assert data["nodes"][0]["label"].endswith("…")
    assert data["info"][B + "q"]["label"] == quote


def test_small_graphs_settle_with_physics() -> None:
    data = page_data(render_view(*small_graph()))
    assert data["physics"] is True
    assert data["options"]["physics"]["enabled"] is True


def test_large_graphs_are_laid_out_ahead_with_physics_off() -> None:
    nodes, edges = chain(render.PHYSICS_MAX_NODES + 1)
    data = page_data(render_view(nodes, edges, []))
    assert data["physics"] is False
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(nodes)


def test_layout_keeps_nodes_apart() -> None:
    nodes, edges = chain(2000)
    points = list(render._layout(nodes, render._weights(nodes, edges)).values())
    cells: dict[tuple[int, int], int] = {}
    for x, y in points:
        key = (int(x // 20), int(y // 20))
        cells[key] = cells.get(key, 0) + 1
    assert max(cells.values()) <= 2


def test_title_is_escaped() -> None:
    html = render_view(*small_graph(), title="<b>Core</b> & co")
    assert "<title>&lt;b&gt;Core&lt;/b&gt; &amp; co</title>" in html


def test_write_view_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    write_view(*small_graph(), target)
    assert target.read_text(encoding="utf-8") == render_view(*small_graph())
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_write_view_leaves_the_old_file_when_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "view.html"
    target.write_text("previous", encoding="utf-8")

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_view(*small_graph(), target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


NS = {
    "ccg": "https://example.org/corecities/ontology#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def seed_store() -> ox.Store:
    """A small store shaped like the build's output, one named graph per document."""
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in NS.items())
    trig = (
        prefixes
        + f"""
<{DOC}> {{
  <{DOC}> a ccg:SourceDocument ; dcterms:title "Seed release" ;
      schema:url "https://example.ac.uk/news" .
  <{LEEDS}> a schema:City ; schema:name "Leeds" ; ccg:nation <{B}nation/england> ;
      owl:sameAs <http://www.wikidata.org/entity/Q39121> ;
      schema:sameAs <https://sws.geonames.org/2644688/> .
  <{B}nation/england> schema:name "England" .
  <{UNI}> a org:Organization ; schema:name "University of Leeds" ;
      ccg:institutionType <{B}type/university> ; schema:location <{LEEDS}> .
  <{B}type/university> skos:notation "university" .
  <{BLAKE}> a schema:Person ; schema:name "Judith Blake" ; rdfs:label "Judith Blake" ;
      schema:honorificPrefix "Cllr" ; org:holds <{B}post/leader> .
  <{B}post/leader> org:heldBy <{BLAKE}> .
  <{B}count/1> a ccg:ClaimedCount ; ccg:countOf "universities" ; schema:value 21 .
  <{B}sig/1> a ccg:Signature ; ccg:signedBy <{UNI}> .
  <{B}ann/2> a oa:Annotation ; oa:hasBody <{B}sig/1> ; oa:hasTarget <{B}tgt/2> .
  <{B}tgt/2> oa:hasSource <{DOC}> ; ccg:sentence <{B}sent/2> .
  <{B}sent/2> nif:anchorOf "The University of Leeds signed." .
  <{LEEDS}> schema:containedInPlace <{B}nation/england> .
  <{B}post/leader> a org:Post ; rdfs:label "Leader of Leeds City Council" ;
      org:role <{B}role/leader> .
  <{B}role/leader> skos:prefLabel "Leader" .
  <{B}stat/1> a ccg:StatisticalClaim ; ccg:subjectText "universities" ;
      ccg:measure "graduates who stay" ; schema:value 40 ; schema:unitText "percent" ;
      ccg:qualifier "almost" ; dcterms:source <{DOC}> .
  <{B}ann/1> a oa:Annotation ; oa:hasBody <{BLAKE}> ; oa:hasTarget <{B}tgt/1> .
  <{B}tgt/1> oa:hasSource <{DOC}> ; ccg:sentence <{B}sent/1> .
  <{B}sent/1> nif:anchorOf "Cllr Judith Blake, Leader of Leeds City Council, said." .
}}
"""
    )
    store = ox.Store()
    store.load(trig.encode("utf-8"), ox.RdfFormat.TRIG)
    return store


def test_view_from_store_reads_kinds_labels_and_relations() -> None:
    view = view_from_store(seed_store())
    nodes, edges, docs = view.nodes, view.edges, view.documents
    by_id = {n.id: n for n in nodes}
    assert by_id[LEEDS].kind == "city" and by_id[LEEDS].label == "Leeds"
    assert by_id[UNI].kind == "university"
    assert by_id[BLAKE].kind == "person"
    assert by_id[B + "post/leader"].kind == "post"
    assert by_id[DOC].kind == "document"
    assert by_id[B + "stat/1"].label == "graduates who stay: almost 40%"
    assert by_id[B + "count/1"].kind == "statistic"
    assert by_id[B + "count/1"].label == "21 universities"
    assert ViewEdge(UNI, LEEDS, "location") in edges
    assert ViewEdge(BLAKE, B + "post/leader", "holds") in edges
    assert not [e for e in edges if e.source == B + "post/leader" and e.target == BLAKE]
    assert ViewEdge(B + "stat/1", DOC, "source") in edges
    assert docs == [ViewDocument(DOC, "Seed release", "https://example.ac.uk/news")]


def test_view_from_store_reads_facts_links_and_evidence() -> None:
    nodes = view_from_store(seed_store()).nodes
    by_id = {n.id: n for n in nodes}
    assert ("honorific prefix", "Cllr") in by_id[BLAKE].facts
    assert ("nation", "England") in by_id[LEEDS].facts
    assert ("role", "Leader") in by_id[B + "post/leader"].facts
    assert by_id[LEEDS].links == (
        "http://www.wikidata.org/entity/Q39121",
        "https://sws.geonames.org/2644688/",
    )
    assert not [f for f in by_id[LEEDS].facts if f[0] == "same as"]
    assert by_id[BLAKE].evidence == (Evidence("Cllr Judith Blake, Leader of Leeds City Council, said.", DOC),)
    assert by_id[BLAKE].documents == (DOC,)
    assert by_id[UNI].evidence == (Evidence("The University of Leeds signed.", DOC),)
    assert not [f for f in by_id[BLAKE].facts if f[1] == "Judith Blake"]


def test_view_from_store_is_deterministic() -> None:
    assert view_from_store(seed_store()) == view_from_store(seed_store())


def test_seed_build_writes_a_view_of_the_declaration(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corecities_graph.cli import cli

    seed = Path(__file__).resolve().parents[1] / "data" / "declaration.txt"
    result = CliRunner().invoke(cli, ["build", str(seed), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = page_data((tmp_path / "view.html").read_text(encoding="utf-8"))
    kinds = {data["info"][n["id"]]["label"]: n["kind"] for n in data["nodes"]}
    assert kinds["Judith Blake"] == "person"
    assert kinds["Leeds"] == "city"
    assert kinds["University of Leeds"] == "university"
    assert kinds["Core Cities UK"] == "alliance"
    assert "declaration" in kinds.values() and "quote" in kinds.values()
    again = tmp_path / "again"
    assert CliRunner().invoke(cli, ["build", str(seed), "--out", str(again)]).exit_code == 0
    assert (again / "view.html").read_bytes() == (tmp_path / "view.html").read_bytes()
