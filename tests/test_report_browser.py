"""report.html in a real headless Chromium: styled and illustrated under its policy, inert with hostile text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corecities_graph.publish.report import _KINDS, ReportData, build_report_html, signatories_chart

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>"


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page()
    messages: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, messages, requests


def test_report_renders_its_style_and_chart_under_its_policy(browser: Any, seed_out: Path) -> None:
    page, messages, requests = open_page(browser, seed_out / "report.html")
    assert page.evaluate("getComputedStyle(document.querySelector('td.n')).textAlign") == "right"
    assert page.evaluate("document.querySelector('img').naturalWidth") > 100
    assert page.evaluate("document.querySelector('img').alt").startswith(
        "Bar chart of signatory institutions"
    )
    assert not [m for m in messages if "Content Security Policy" in m]
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    page.close()


def test_hostile_text_in_the_report_runs_nothing(browser: Any, tmp_path: Path) -> None:
    data = ReportData(
        tables={name: [] for name in _KINDS}, signatories_by_city=[(HOSTILE, 2)], unlinked=[HOSTILE]
    )
    data.tables["sources"] = [{"document": "d", "title": HOSTILE, "publisher": "", "date": "", "url": ""}]
    path = tmp_path / "report.html"
    path.write_text(build_report_html(data, signatories_chart(data.signatories_by_city)), encoding="utf-8")
    page, _, requests = open_page(browser, path)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 1
    assert HOSTILE in page.inner_text("body")
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    page.close()


def test_report_sections_and_their_links_open_the_view_at_the_node(browser: Any, seed_out: Path) -> None:
    page, messages, requests = open_page(browser, seed_out / "report.html")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    headings = page.eval_on_selector_all("h2", "hs => hs.map(h => h.textContent)")
    assert headings == [
        "What was found", "Sources", "Signatories and claimed counts", "People and posts", "Proposals",
        "Statistics", "Where sources disagree", "Signatories by city", "Most central entities",
        "Communities", "Links to Wikidata, ROR and GeoNames",
    ]  # fmt: skip
    people = page.locator("h2:text('People and posts') + ul > li")
    assert people.count() == 4
    assert page.locator("h2:text('Statistics') + table tbody tr").count() >= 5
    page.locator("a", has_text="Cllr Judith Blake").click()
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
    assert page.url.startswith((seed_out / "view.html").as_uri() + "#node=")
    assert page.locator("#panel h2").inner_text() == "Judith Blake"
    assert page.evaluate("ccgView.network.getSelectedNodes()") == [
        "https://example.org/corecities/id/person/judith-blake"
    ]
    page.go_back()
    page.locator("h2:text('Proposals') + ul a").first.click()
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
    assert page.locator("#panel .badge").inner_text() == "proposal"
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    assert [m for m in messages if "rror" in m] == [] and errors == []
    page.close()
