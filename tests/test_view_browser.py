"""The network view in a real headless Chromium: explorable, offline, and safe with hostile text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from corecities_graph.publish.view import Evidence, ViewDocument, ViewEdge, ViewNode, write_view

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
B = "https://example.org/corecities/id/"
DOC_A = B + "document/seed"
DOC_B = B + "document/follow-up"
DOC_EVIL = B + "document/evil"
URL_A = "https://www.example.ac.uk/news/core-cities-declaration"
DECL = B + "declaration/core-cities-universities"
ALLIANCE = B + "organisation/core-cities-uk"
LEEDS = B + "city/leeds"
COUNCIL = B + "organisation/leeds-city-council"
POST = B + "post/leader-of-leeds-city-council"
BLAKE = B + "person/judith-blake"
QUOTE = B + "quote/blake-1"
REGION = B + "region/west-midlands"
IMG_NAME = "<img src=x onerror=window.__pwned=1>"
SCRIPT_NAME = "<script>window.__pwned=1</script>"
EVIL_IMG = B + "person/evil-img"
EVIL_SCRIPT = B + "organisation/evil-script"
BLAKE_SENTENCE = (
    "Cllr Judith Blake, Leader of Leeds City Council, said the declaration ties cities "
    "and universities together."
)
CITIES = ["Birmingham", "Bristol", "Leeds", "Manchester", "Sheffield"]


def _uni(city: str) -> str:
    return f"{B}organisation/university-of-{city.lower()}"


def sample_graph() -> tuple[list[ViewNode], list[ViewEdge], list[ViewDocument]]:
    """A hand-built slice of the seed graph, two documents, and two hostile names."""
    nodes = [
        ViewNode(DECL, "Core Cities UK Universities Declaration", "declaration", documents=(DOC_A,)),
        ViewNode(ALLIANCE, "Core Cities UK", "alliance", documents=(DOC_A, DOC_B)),
        ViewNode(COUNCIL, "Leeds City Council", "council", documents=(DOC_A,)),
        ViewNode(
            POST,
            "Leader of Leeds City Council",
            "post",
            facts=(("role", "Leader"),),
            documents=(DOC_A,),
        ),
        ViewNode(
            BLAKE,
            "Judith Blake",
            "person",
            facts=(("honorific", "Cllr"),),
            evidence=(Evidence(BLAKE_SENTENCE, DOC_A),),
            documents=(DOC_A,),
        ),
        ViewNode(
            QUOTE,
            "“This declaration ties the future of our cities and universities together.”",
            "quote",
            documents=(DOC_A,),
        ),
        ViewNode(REGION, "West Midlands", "region", documents=(DOC_B,)),
        ViewNode(
            EVIL_IMG,
            IMG_NAME,
            "person",
            facts=((IMG_NAME, SCRIPT_NAME),),
            evidence=(Evidence(f"{SCRIPT_NAME} said {IMG_NAME}", DOC_EVIL),),
            links=("javascript:window.__pwned=1", "https://www.wikidata.org/wiki/Q1"),
            documents=(DOC_EVIL,),
        ),
        ViewNode(EVIL_SCRIPT, SCRIPT_NAME, "company", documents=(DOC_EVIL,)),
    ]
    edges = [
        ViewEdge(BLAKE, POST, "holds"),
        ViewEdge(POST, COUNCIL, "post in"),
        ViewEdge(COUNCIL, LEEDS, "location"),
        ViewEdge(QUOTE, BLAKE, "creator"),
        ViewEdge(B + "city/birmingham", REGION, "in region"),
        ViewEdge(EVIL_IMG, EVIL_SCRIPT, SCRIPT_NAME),
        ViewEdge(DECL, COUNCIL, "signatory"),
    ]
    for city in CITIES:
        city_id = f"{B}city/{city.lower()}"
        nodes.append(
            ViewNode(
                city_id,
                city,
                "city",
                links=("http://www.wikidata.org/entity/Q39121",),
                documents=(DOC_A, DOC_B) if city == "Birmingham" else (DOC_A,),
            )
        )
        nodes.append(ViewNode(_uni(city), f"University of {city}", "university", documents=(DOC_A,)))
        edges += [
            ViewEdge(_uni(city), city_id, "location"),
            ViewEdge(DECL, _uni(city), "signatory"),
            ViewEdge(ALLIANCE, city_id, "member city"),
        ]
    documents = [
        ViewDocument(DOC_A, "Universities sign Core Cities declaration", URL_A),
        ViewDocument(DOC_B, "West Midlands follow-up", None),
        ViewDocument(DOC_EVIL, f"{IMG_NAME} release", "javascript:window.__pwned=1"),
    ]
    return nodes, edges, documents


@pytest.fixture(scope="module")
def view_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample graph written as a view."""
    path = tmp_path_factory.mktemp("view") / "view.html"
    write_view(*sample_graph(), path, title="Core Cities <test> view")
    return path


@dataclass
class Opened:
    """A loaded view and what the page tried to do besides."""

    page: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        """Evaluate a function expression in the page."""
        return self.page.evaluate(expression, arg)

    def visible(self) -> set[str]:
        """Ids of the nodes the network currently shows."""
        return set(self.js("() => ccgView.visibleNodeIds()"))

    def selected(self) -> list[str]:
        """Ids of the selected nodes."""
        return list(self.js("() => ccgView.network.getSelectedNodes()"))

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is on the screen."""
        point = self.js("id => ccgView.network.canvasToDOM(ccgView.network.getPositions([id])[id])", node_id)
        box = self.page.locator("#network").bounding_box()
        return box["x"] + point["x"], box["y"] + point["y"]

    def screenshot(self, name: str) -> None:
        """Save what the page looks like for a human to check."""
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_view(browser: Any, path: Path) -> Iterator[Opened]:
    """Open a view from disk, refusing and recording every request that leaves the file."""
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    page = context.new_page()
    opened = Opened(page)

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            opened.outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(("file://", "data:")) else opened.outside.append(request.url)
        ),
    )
    page.on(
        "console",
        lambda message: opened.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture
def view(browser: Any, view_file: Path) -> Iterator[Opened]:
    """The sample view, opened fresh for each test."""
    yield from open_view(browser, view_file)


def test_view_draws_every_node_and_a_legend(view: Opened) -> None:
    assert len(view.visible()) == len(sample_graph()[0])
    legend = view.page.locator("#legend .kind-name").all_inner_texts()
    assert legend[:3] == ["city", "region", "university"]
    view.screenshot("view-overview")
    assert view.errors == []


def test_search_finds_and_focuses_a_node(view: Opened) -> None:
    view.page.fill("#search", "judith")
    results = view.page.locator("#search-results button")
    assert results.first.inner_text().startswith("Judith Blake")
    view.page.press("#search", "Enter")
    assert view.selected() == [BLAKE]
    assert view.page.locator("#panel h2").inner_text() == "Judith Blake"
    x, y = view.node_point(BLAKE)
    box = view.page.locator("#network").bounding_box()
    assert abs(x - (box["x"] + box["width"] / 2)) < 5
    assert abs(y - (box["y"] + box["height"] / 2)) < 5
    view.screenshot("view-search")


def test_kind_filter_hides_and_restores_nodes(view: Opened) -> None:
    universities = {_uni(city) for city in CITIES}
    view.page.locator(".kind-filter[value='university']").uncheck()
    shown = view.visible()
    assert not shown & universities
    assert LEEDS in shown
    edges = view.js("() => ccgView.visibleEdgeIds().length")
    assert edges == len(sample_graph()[1]) - 2 * len(CITIES)
    view.page.locator(".kind-filter[value='university']").check()
    assert universities <= view.visible()


def test_document_filter_shows_what_one_source_mentions(view: Opened) -> None:
    view.page.select_option("#doc-filter", DOC_B)
    assert view.visible() == {ALLIANCE, REGION, B + "city/birmingham"}
    assert "showing 3 of" in view.page.locator("#status").inner_text()
    view.screenshot("view-document-filter")
    view.page.select_option("#doc-filter", "")
    assert len(view.visible()) == len(sample_graph()[0])


def test_click_shows_facts_sentence_and_source_link(view: Opened) -> None:
    x, y = view.node_point(BLAKE)
    view.page.mouse.click(x, y)
    panel = view.page.locator("#panel")
    assert panel.is_visible()
    assert panel.locator("h2").inner_text() == "Judith Blake"
    assert panel.locator("dd").first.inner_text() == "Cllr"
    assert panel.locator("blockquote").inner_text() == BLAKE_SENTENCE
    source = panel.locator(".evidence .source a")
    assert source.inner_text() == "Universities sign Core Cities declaration"
    assert source.get_attribute("href") == URL_A
    assert "holds → Leader of Leeds City Council" in panel.locator(".neighbours").inner_text()
    view.screenshot("view-panel")


def test_hovering_a_link_names_the_relation(view: Opened) -> None:
    edge = view.js(
        """([a, b]) => ccgView.network.body.data.edges.get({
            filter: e => e.from === a && e.to === b })[0].id""",
        [BLAKE, POST],
    )
    point = view.js(
        """id => ccgView.network.canvasToDOM(
            ccgView.network.body.edges[id].edgeType.getPoint(0.5))""",
        edge,
    )
    box = view.page.locator("#network").bounding_box()
    view.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = view.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text() == "holds"


def test_panel_links_out_to_identifiers(view: Opened) -> None:
    view.js("id => ccgView.select(id)", LEEDS)
    link = view.page.locator("#panel .links a")
    assert link.inner_text() == "Wikidata Q39121"
    assert link.get_attribute("href") == "http://www.wikidata.org/entity/Q39121"


def test_hop_focus_narrows_to_a_neighbourhood_and_reset_restores(view: Opened) -> None:
    view.js("id => ccgView.select(id)", BLAKE)
    view.page.fill("#hops", "1")
    view.page.click("#focus")
    assert view.visible() == {BLAKE, POST, QUOTE}
    view.page.fill("#hops", "3")
    view.page.click("#focus")
    assert view.visible() == {BLAKE, POST, QUOTE, COUNCIL, LEEDS, DECL}
    view.screenshot("view-focus")
    view.page.click("#reset")
    assert len(view.visible()) == len(sample_graph()[0])
    assert view.page.locator("#panel").is_hidden()
    assert view.selected() == []


def test_hostile_names_show_as_text_and_run_nothing(view: Opened) -> None:
    view.page.fill("#search", "<img")
    assert view.page.locator("#search-results button").first.inner_text().startswith(IMG_NAME)
    view.page.press("#search", "Enter")
    panel = view.page.locator("#panel")
    assert panel.locator("h2").inner_text() == IMG_NAME
    assert panel.locator("dt").inner_text() == IMG_NAME
    assert panel.locator("dd").inner_text() == SCRIPT_NAME
    assert panel.locator("blockquote").inner_text() == f"{SCRIPT_NAME} said {IMG_NAME}"
    assert SCRIPT_NAME in panel.locator(".neighbours").inner_text()
    assert panel.locator(".evidence .source a").count() == 0
    assert panel.locator(".links a").all_inner_texts() == ["Wikidata Q1"]
    view.page.fill("#search", "<script")
    view.page.press("#search", "Enter")
    assert panel.locator("h2").inner_text() == SCRIPT_NAME
    x, y = view.node_point(EVIL_SCRIPT)
    view.page.mouse.move(x, y)
    tooltip = view.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text().startswith(SCRIPT_NAME)
    assert f"{IMG_NAME} release" in view.page.locator("#doc-filter").inner_text()
    view.screenshot("view-hostile")
    assert view.js("() => typeof window.__pwned") == "undefined"
    assert view.js("() => document.querySelectorAll('img').length") == 0
    assert view.js("() => document.scripts.length") == 3
    assert view.errors == []


def test_view_stays_offline_and_error_free(view: Opened) -> None:
    view.page.fill("#search", "leeds")
    view.page.press("#search", "Enter")
    view.page.click("#focus")
    view.page.select_option("#doc-filter", DOC_A)
    view.page.click("#reset")
    view.page.mouse.wheel(0, -300)
    assert view.outside == []
    assert view.errors == []


def test_large_view_is_drawn_from_precomputed_positions(browser: Any, tmp_path: Path) -> None:
    kinds = ["city", "university", "person", "post", "quote", "statistic"]
    nodes = [ViewNode(f"{B}n/{i}", f"Node {i}", kinds[i % len(kinds)]) for i in range(1500)]
    edges = [ViewEdge(f"{B}n/{i}", f"{B}n/{(i * 7 + 1) % 1500}", "next") for i in range(1500)]
    path = tmp_path / "large.html"
    write_view(nodes, edges, [], path)
    for opened in open_view(browser, path):
        assert len(opened.visible()) == 1500
        placed = opened.js("() => JSON.parse(document.getElementById('ccg-data').textContent).nodes[0]")
        drawn = opened.js("id => ccgView.network.getPositions([id])[id]", placed["id"])
        assert abs(drawn["x"] - placed["x"]) <= 1 and abs(drawn["y"] - placed["y"]) <= 1
        assert opened.js("() => ccgView.network.physics.options.enabled") is False
        assert 0 < len(opened.js("() => ccgView.labelled()")) <= 150
        opened.page.fill("#search", "Node 1499")
        opened.page.press("#search", "Enter")
        assert opened.selected() == [f"{B}n/1499"]
        opened.screenshot("view-large")
        assert opened.errors == []
        assert opened.outside == []


def test_seed_build_view_shows_people_and_places(browser: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corecities_graph.cli import cli

    seed = Path(__file__).resolve().parents[1] / "data" / "declaration.txt"
    result = CliRunner().invoke(cli, ["build", str(seed), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for opened in open_view(browser, tmp_path / "view.html"):
        opened.screenshot("seed-overview")
        labelled = opened.js("() => ccgView.labelled()")
        hub = opened.js(
            """() => JSON.parse(document.getElementById('ccg-data').textContent)
                .nodes.reduce((a, b) => (b.value > a.value ? b : a)).id"""
        )
        assert hub in labelled
        assert 10 <= len(labelled) < 73
        assert opened.js("() => ccgView.labelMode()") == "chosen"
        opened.page.fill("#search", "Judith Blake")
        opened.page.press("#search", "Enter")
        panel = opened.page.locator("#panel")
        assert panel.locator("h2").inner_text() == "Judith Blake"
        assert panel.locator(".badge").inner_text() == "person"
        assert "Judith Blake" in panel.locator("blockquote").first.inner_text()
        assert panel.locator(".evidence .source a").first.get_attribute("href", timeout=1000)
        opened.screenshot("seed-judith-blake")
        assert opened.js("() => ccgView.labelMode()") == "all"
        opened.page.fill("#search", "Leeds")
        assert opened.page.locator("#search-results button span").first.inner_text() == "Leeds"
        opened.page.press("#search", "Enter")
        assert panel.locator(".badge").inner_text() == "city"
        assert panel.locator(".links a").count() >= 1
        opened.screenshot("seed-leeds")
        opened.page.click("#reset")
        assert opened.js("() => ccgView.labelMode()") == "chosen"
        assert opened.errors == []
        assert opened.outside == []


OVERLAPS = """() => {
    const boxes = ccgView.labelBoxes();
    const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const pairs = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => { if (hit(a, b)) pairs.push([a.id, b.id]); }));
    return { shown: boxes.map(b => b.id), pairs: pairs };
}"""


def assert_labels_do_not_overlap(opened: Opened) -> list[str]:
    """The labels vis-network draws at open, measured from its own label boxes: none overlaps another."""
    found = opened.js(OVERLAPS)
    assert found["pairs"] == [], found["pairs"]
    return list(found["shown"])


def test_seed_labels_do_not_overlap_and_a_person_reaches_their_organisations(
    browser: Any, seed_out: Path
) -> None:
    for opened in open_view(browser, seed_out / "view.html"):
        shown = assert_labels_do_not_overlap(opened)
        kinds = opened.js(
            "() => Object.fromEntries(JSON.parse(document.getElementById('ccg-data').textContent)"
            ".nodes.map(n => [n.id, n.kind]))"
        )
        named = [i for i in shown if kinds[i] not in ("post", "statistic", "quote", "document")]
        assert len(named) >= 25 and len(shown) >= 30
        assert len({i for i in kinds if kinds[i] == "person"} & set(shown)) >= 3
        opened.js("id => ccgView.select(id)", B + "person/judith-blake")
        opened.page.fill("#hops", "1")
        opened.page.click("#focus")
        assert {B + "organisation/leeds-city-council", B + "organisation/core-cities-uk"} <= opened.visible()
        assert_labels_do_not_overlap(opened)
        assert opened.errors == [] and opened.outside == []
