"""The view of a larger store: capped to the most connected resources, evidence capped, stable."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.publish import view as render
from corecities_graph.publish.view import Evidence, ViewDocument, ViewNode, render_view

ROOT = Path(__file__).resolve().parents[1]
DATA_RE = re.compile(r'<script id="ccg-data" type="application/json">(.*?)</script>', re.S)
CAP = 25


def page_data(path: Path) -> dict[str, Any]:
    match = DATA_RE.search(path.read_text(encoding="utf-8"))
    assert match
    return json.loads(match.group(1))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve generated releases built into a store, outputs not yet written."""
    folder = tmp_path_factory.mktemp("cap")
    releases = folder / "releases"
    script = str(ROOT / "benchmarks" / "generate_corpus.py")
    subprocess.run(
        [sys.executable, script, "--n", "12", "--seed", "3", "--out", str(releases)],
        check=True,
        capture_output=True,
    )
    out = folder / "out"
    result = CliRunner().invoke(cli, ["build", str(releases), "--out", str(out), "--no-outputs", "-j", "1"])
    assert result.exit_code == 0, result.output
    return out


def publish(out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(cli, ["--quiet", "publish", "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out / "view.html"


@pytest.fixture(scope="module")
def views(corpus_out: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The whole view (--view-max-nodes 0) and a capped one, kept side by side."""
    keep = tmp_path_factory.mktemp("views")
    whole = publish(corpus_out, "--view-max-nodes", "0").rename(keep / "whole.html")
    capped = publish(corpus_out, "--view-max-nodes", str(CAP))
    return {"whole": whole, "capped": capped.rename(keep / "capped.html")}


def degrees(data: dict[str, Any]) -> dict[str, int]:
    """Distinct neighbours of each node over the drawn links, either way."""
    near: dict[str, set[str]] = defaultdict(set)
    for edge in data["edges"]:
        if edge["from"] != edge["to"]:
            near[edge["from"]].add(edge["to"])
            near[edge["to"]].add(edge["from"])
    return {n["id"]: len(near[n["id"]]) for n in data["nodes"]}


def test_capped_view_keeps_exactly_the_most_connected(views: dict[str, Path]) -> None:
    whole, capped = page_data(views["whole"]), page_data(views["capped"])
    assert len(whole["nodes"]) > CAP
    assert len(capped["nodes"]) == CAP
    ranked = sorted(degrees(whole).items(), key=lambda item: (-item[1], item[0]))
    assert {n["id"] for n in capped["nodes"]} == {iri for iri, _d in ranked[:CAP]}
    html = views["capped"].read_text(encoding="utf-8")
    assert f"Showing {CAP} of {len(whole['nodes'])} resources, the most connected." in html


def test_whole_view_has_no_note(views: dict[str, Path]) -> None:
    assert 'id="capped"' not in views["whole"].read_text(encoding="utf-8")


def test_documents_are_indices_into_one_array(views: dict[str, Path]) -> None:
    data = page_data(views["capped"])
    ids = [d["id"] for d in data["documents"]]
    assert ids == sorted(set(ids))
    for node in data["nodes"]:
        assert all(isinstance(i, int) and 0 <= i < len(ids) for i in node["docs"])
        for _sentence, at in data["info"][node["id"]]["evidence"]:
            assert 0 <= at < len(ids)


def test_store_evidence_is_capped_and_counted(corpus_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(corpus_out / "store"))
    full = {n.id: n for n in render.view_from_store(store).nodes}
    monkeypatch.setattr(
        "corecities_graph.publish.view_data.EVIDENCE_MAX", 2
    )  # the cap the store query applies
    capped = {n.id: n for n in render.view_from_store(store).nodes}
    many = [iri for iri, n in full.items() if len(n.evidence) > 2]
    assert many, "no node of the corpus has more than two sentences"
    for iri in many:
        assert capped[iri].evidence == full[iri].evidence[:2]
        assert capped[iri].evidence_count == full[iri].evidence_count >= len(full[iri].evidence)


def test_publish_is_byte_identical_from_the_same_store(corpus_out: Path, views: dict[str, Path]) -> None:
    again = publish(corpus_out, "--view-max-nodes", str(CAP))
    assert again.read_bytes() == views["capped"].read_bytes()


def test_evidence_cap_keeps_the_first_sentences_and_says_how_many_more() -> None:
    doc = "https://example.org/corecities/id/document/d"
    evidence = tuple(Evidence(f"Sentence {i:02d}.", doc) for i in range(30))
    node = ViewNode("https://example.org/x", "X", "person", evidence=evidence[::-1], documents=(doc,))
    match = DATA_RE.search(render_view([node], [], [ViewDocument(doc, "D", None)]))
    assert match
    info = json.loads(match.group(1))["info"]["https://example.org/x"]
    assert [e[0] for e in info["evidence"]] == [f"Sentence {i:02d}." for i in range(render.EVIDENCE_MAX)]
    assert info["more"] == 30 - render.EVIDENCE_MAX
    counted = ViewNode("https://example.org/x", "X", "person", evidence=evidence[:3], evidence_count=40)
    match = DATA_RE.search(render_view([counted], [], []))
    assert match
    assert json.loads(match.group(1))["info"]["https://example.org/x"]["more"] == 37


def test_max_nodes_option_rejects_negative_numbers(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["publish", "--out", str(tmp_path), "--view-max-nodes", "-1"])
    assert result.exit_code == 2


def _opened(browser: Any, path: Path) -> Any:
    from test_view_browser import open_view

    return open_view(browser, path)


@pytest.mark.browser
def test_capped_page_opens_clean_and_its_filter_and_search_work(browser: Any, views: dict[str, Path]) -> None:
    data = page_data(views["capped"])
    hub = max(data["nodes"], key=lambda n: (len(n["docs"]), n["id"]))
    label = data["info"][hub["id"]]["label"]
    for opened in _opened(browser, views["capped"]):
        assert len(opened.visible()) == CAP
        note = opened.page.locator("#capped").inner_text()
        assert note.startswith(f"Showing {CAP} of ")
        doc = data["documents"][hub["docs"][0]]
        opened.page.select_option("#doc-filter", doc["id"])
        expected = {n["id"] for n in data["nodes"] if hub["docs"][0] in n["docs"]}
        assert opened.visible() == expected
        opened.page.select_option("#doc-filter", "")
        opened.page.fill("#search", label)
        opened.page.press("#search", "Enter")
        assert opened.selected() == [hub["id"]]
        assert opened.page.locator("#panel .documents li").count() >= 1
        opened.screenshot("view-capped")
        assert opened.errors == []
        assert opened.outside == []


@pytest.mark.browser
def test_many_documents_are_found_by_typing(browser: Any, tmp_path: Path) -> None:
    base = "https://example.org/corecities/id/"
    docs = [
        ViewDocument(f"{base}document/d{i:04d}", f"Release {i:04d} <b>bold</b>", None) for i in range(1500)
    ]
    nodes = [
        ViewNode(
            f"{base}n/{i}",
            f"Node {i}",
            "city",
            evidence=(Evidence(f"Said {i}.", docs[i].id),),
            documents=(docs[i].id, docs[(i * 7) % 1500].id),
        )
        for i in range(400)
    ]
    path = tmp_path / "many.html"
    render.write_view(nodes, [], docs, path, total=90_000)
    html = path.read_text(encoding="utf-8")
    assert 'id="doc-filter"' not in html and html.count("<option") == 0
    for opened in _opened(browser, path):
        assert "Showing 400 of 90,000 resources" in opened.page.locator("#capped").inner_text()
        opened.page.fill("#doc-search", "release 0007")
        first = opened.page.locator("#doc-results button").first
        assert first.inner_text().startswith("Release 0007 <b>bold</b>")
        opened.page.press("#doc-search", "Enter")
        assert opened.visible() == {f"{base}n/7", f"{base}n/1"}
        assert "showing 2 of 400" in opened.page.locator("#status").inner_text()
        opened.screenshot("view-many-documents")
        opened.page.click("#reset")
        assert len(opened.visible()) == 400
        assert opened.page.locator("#doc-search").input_value() == ""
        opened.js("id => ccgView.select(id)", f"{base}n/7")
        assert opened.page.locator("#panel blockquote").inner_text() == "Said 7."
        assert opened.errors == []
        assert opened.outside == []


def test_help_states_the_default_cap() -> None:
    from corecities_graph.corpus.build import VIEW_MAX_NODES, BuildSettings

    for command in ("build", "publish"):
        text = CliRunner().invoke(cli, [command, "--help"]).output
        assert f"(default {VIEW_MAX_NODES})" in " ".join(text.split())
    assert BuildSettings(out=Path("x"), base_iri="https://example.org/").view_max_nodes == VIEW_MAX_NODES


def test_evidence_is_read_from_the_first_documents_and_the_panel_says_so(
    corpus_out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph as ox

    from corecities_graph.publish import view_data

    store = ox.Store.read_only(str(corpus_out / "store"))
    full = {n.id: n for n in render.view_from_store(store).nodes}
    monkeypatch.setattr(view_data, "EVIDENCE_DOCUMENTS", 1)
    monkeypatch.setattr(render, "EVIDENCE_DOCUMENTS", 1)
    bounded = {n.id: n for n in render.view_from_store(store).nodes}
    many = [iri for iri, n in bounded.items() if n.unread]
    assert many, "no node of the corpus is named in more than one document"
    for iri in many:
        node = bounded[iri]
        first = min((e.document for e in full[iri].evidence), default=None)
        assert {e.document for e in node.evidence} <= {first}
        assert node.evidence_count <= full[iri].evidence_count
        match = DATA_RE.search(render_view([node], [], [ViewDocument(d, "D", None) for d in node.documents]))
        assert match
        info = json.loads(match.group(1))["info"][iri]
        assert info["unread"] == node.unread
        assert info["bound"] == (
            f"Sentences were read from the first 1 of the {1 + node.unread:,} documents that name it, "
            "so the count above covers those documents only."
        )
    alone = [iri for iri, n in bounded.items() if not n.unread]
    assert all(bounded[i].evidence == full[i].evidence for i in alone)
    assert "info.bound" in (Path(render.__file__).parent / "templates" / "view.js").read_text()
