"""report.md, report.html and the signatories chart written by every build."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.network.analyse import NodeMetrics
from corecities_graph.publish.report import _KINDS, ReportData, build_report_html, signatories_chart

HOSTILE = '<img src=x onerror="alert(1)">'


def test_build_writes_both_reports_and_the_chart(seed_out: Path) -> None:
    markdown = (seed_out / "report.md").read_text(encoding="utf-8")
    for heading in (
        "## Signatories by city",
        "## Most central entities",
        "## Communities",
        "## Links to Wikidata",
    ):
        assert heading in markdown
    assert "| Birmingham | 4 |" in markdown
    assert "still unlinked: Birmingham City Council, Core Cities UK" in markdown
    page = (seed_out / "report.html").read_text(encoding="utf-8")
    assert '<td>Birmingham</td><td class="n">4</td>' in page
    assert (
        '<td><a href="view.html#node=https%3A%2F%2Fexample.org%2Fcorecities%2Fid%2Fdeclaration%2F'
        'core-cities-uk-declaration">Core Cities UK Universities Declaration</a></td><td>declaration</td>'
        in page
    )
    assert 'alt="Bar chart of signatory institutions per city: Birmingham 4, Glasgow 3' in page
    assert (seed_out / "signatories-by-city.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_report_html_loads_nothing_and_has_a_strict_policy(seed_out: Path) -> None:
    page = (seed_out / "report.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    rules = html.unescape(policy[1])
    assert rules.startswith("default-src 'none'; style-src 'sha256-")
    assert "unsafe-inline" not in rules and "script-src" not in rules
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_report_html_escapes_document_text() -> None:
    node = NodeMetrics(f"https://example.org/{1}", HOSTILE, "person", 1, 1.0, 0.0, 0.0, 1, 1)
    data = ReportData(
        tables={name: [] for name in _KINDS},
        signatories_by_city=[(HOSTILE, 1)],
        central=[node],
        communities=[[HOSTILE, "Leeds"]],
        unlinked=[HOSTILE],
    )
    data.tables["sources"] = [
        {"document": "d", "title": HOSTILE, "publisher": HOSTILE, "date": "", "url": ""}
    ]
    page = build_report_html(data, signatories_chart(data.signatories_by_city))
    assert HOSTILE not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "<img" in page and page.count("<img") == 1  # only the chart


def test_two_builds_give_identical_reports_and_chart_bytes(tmp_path: Path, seed_copy: Path) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("a", "b"):
        result = runner.invoke(
            cli, ["build", str(seed_copy), "--out", str(tmp_path / name)], catch_exceptions=False
        )
        assert result.exit_code == 0
        outputs.append(
            {
                f: (tmp_path / name / f).read_bytes()
                for f in ("report.md", "report.html", "signatories-by-city.png")
            }
        )
    assert outputs[0] == outputs[1]
    assert b"matplotlib" not in outputs[0]["signatories-by-city.png"]  # no Software metadata


def test_chart_bytes_depend_only_on_the_counts() -> None:
    counts = [("Leeds", 3), ("Cardiff", 1)]
    assert signatories_chart(counts) == signatories_chart(list(counts))
    assert signatories_chart(counts) != signatories_chart([("Leeds", 2), ("Cardiff", 1)])
    assert signatories_chart([]).startswith(b"\x89PNG")


def test_long_lists_stop_and_say_how_many_more(seed_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At thousands of releases a report lists the first rows of each section, then how many more
    there are and which named query gives them all."""
    from corecities_graph.publish import report
    from corecities_graph.store.embedded import GraphStore

    store = GraphStore.open(seed_out, read_only=True)
    data = report.report_data(store)
    figures = len(data.tables["statistics"])
    people = len({row["name"] for row in data.tables["people"]})
    assert figures > 3 and people > 3
    monkeypatch.setattr(report, "REPORT_ROWS", 3)
    markdown = report.build_report(store, data)
    statistics = markdown.split("## Statistics", 1)[1].split("## Where sources disagree", 1)[0]
    assert len([line for line in statistics.splitlines() if line.startswith("| ") and "---" not in line]) == 4
    assert (
        f"… and {figures - 3} more figures: `corecities-graph query statistics` lists them all." in statistics
    )
    assert f"- … and {people - 3} more people: `corecities-graph query people` lists them all." in markdown
    monkeypatch.setattr(report, "REPORT_ROWS", 1)
    page = report.build_report_html(data, b"")
    left = len(data.unlinked) - 1
    assert f"<li>still unlinked: Birmingham City Council … and {left} more names.</li>" in page
    assert (
        f"<p>… and {figures - 1} more figures: <code>corecities-graph query statistics</code> lists them all.</p>"
        in page
    )


def _md_sections(markdown: str) -> list[tuple[str, list[str]]]:
    """(heading, lines of content) for each ## section of the Markdown report."""
    found = []
    for chunk in markdown.split("\n## ")[1:]:
        title, _, body = chunk.partition("\n")
        found.append((title, [line for line in body.splitlines() if line and not line.startswith("|---")]))
    return found


def _html_sections(page: str) -> list[tuple[str, list[str]]]:
    """(heading, text of each list item, table row and paragraph) for each <h2> section of the page."""
    found = []
    for chunk in page.split("<h2>")[1:]:
        title, _, body = chunk.partition("</h2>")
        body = body.split("</body>")[0]
        pieces = re.findall(r"<(li|tr|p)>(.*?)</\1>", body, re.S)
        texts = [
            " | ".join(
                html.unescape(re.sub(r"<[^>]+>", "", c))
                for c in re.split(r"</t[dh]>", text)
                if re.sub(r"<[^>]+>", "", c)
            )
            for _, text in pieces
        ]
        found.append((html.unescape(title), [text for text in texts if text]))  # the chart is no text
    return found


def _plain(line: str) -> str:
    """A Markdown line as the words it shows."""
    line = re.sub(r"^(- |\d+\. )", "", line)
    if line.startswith("| "):
        line = " | ".join(cell.strip() for cell in line.strip("|").split("|"))
    return re.sub(r"\\(.)", r"\1", line).replace("`", "")


@pytest.mark.parametrize("rows", [200, 3])
def test_report_html_says_everything_report_md_says_in_the_same_order(
    seed_out: Path, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    """Every section of report.md is in report.html, in the same order, with the same lines, the
    same caps and the same "and N more" lines."""
    from corecities_graph.publish import report
    from corecities_graph.store.embedded import GraphStore

    store = GraphStore.open(seed_out, read_only=True)
    data = report.report_data(store)
    monkeypatch.setattr(report, "REPORT_ROWS", rows)
    markdown = _md_sections(report.build_report(store, data))
    page = _html_sections(report.build_report_html(data, signatories_chart(data.signatories_by_city)))
    assert [title for title, _ in markdown] == [title for title, _ in page]
    assert [title for title, _ in markdown] == [
        "What was found", "Sources", "Signatories and claimed counts", "People and posts", "Proposals",
        "Statistics", "Where sources disagree", "Signatories by city", "Most central entities",
        "Communities", "Links to Wikidata, ROR and GeoNames",
    ]  # fmt: skip
    for (title, md_lines), (_, html_lines) in zip(markdown, page, strict=True):
        shown = [_plain(line) for line in md_lines if not line.startswith("![")]
        assert shown == [line for line in html_lines if not line.startswith("The chart is also saved")], title
    mores = [line for _, lines in page for line in lines if " more " in line and "lists them all" in line]
    assert (len(mores) >= 3) == (rows == 3)


def test_report_html_links_people_organisations_and_proposals_to_the_view(seed_out: Path) -> None:
    from urllib.parse import unquote

    page = (seed_out / "report.html").read_text(encoding="utf-8")
    links = {
        html.unescape(text): unquote(html.unescape(href))
        for href, text in re.findall(r'<a href="view\.html#node=([^"]+)">([^<]+)</a>', page)
    }
    base = "https://example.org/corecities/id/"
    assert links["Cllr Judith Blake"] == base + "person/judith-blake"
    assert links["Leeds City Council"] == base + "organisation/leeds-city-council"
    assert links["Cities Trade Package"] == base + "proposal/cities-trade-package"
    assert links["Core Cities UK Universities Declaration"] == base + "declaration/core-cities-uk-declaration"
    people = page.split("<h2>People and posts</h2>")[1].split("<h2>")[0]
    assert people.count("<li>") == people.count('<li><a href="view.html#node=')
    proposals = page.split("<h2>Proposals</h2>")[1].split("<h2>")[0]
    assert proposals.count("<li>") == proposals.count('<li><a href="view.html#node=') == 4


def test_a_large_graph_says_betweenness_is_estimated_and_cuts_the_communities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corecities_graph.network.analyse import Analysis
    from corecities_graph.publish import report

    analysis = Analysis(methods={"betweenness": "estimated from 500 sampled sources (seed 42)"})
    data = ReportData(
        tables={name: [] for name in _KINDS},
        analysis=analysis,
        communities=[[f"member {i}", f"other {i}"] for i in range(7)],
    )
    monkeypatch.setattr(report, "REPORT_ROWS", 5)
    markdown = report.build_report(None, data)  # type: ignore[arg-type]
    assert (
        "so betweenness is estimated from 500 sampled sources (seed 42, the same figures every run)."
        in markdown
    )
    communities = markdown.split("## Communities", 1)[1].split("## ", 1)[0]
    assert "5. member 4, other 4" in communities and "6. " not in communities
    assert "… and 2 more communities, each no larger than those above." in communities
    analysis.methods["betweenness"] = "exact (Brandes), normalised"
    assert "estimated" not in report.build_report(None, data)  # type: ignore[arg-type]


def _store_rows(store: object, name: str, text: str) -> tuple[list[str], list[list[str]]]:
    from corecities_graph.sparql.formats import rows
    from corecities_graph.sparql.query import run_query

    return rows(run_query(store, name, text))  # type: ignore[arg-type]


def test_report_sorts_each_named_query_as_its_order_by_does(seed_out: Path) -> None:
    """The report runs a named query without its ORDER BY and sorts in Python: the same rows, in
    the query's order wherever that order is defined (ties come out by the whole row)."""
    from corecities_graph.publish.report import _sorted_here
    from corecities_graph.sparql.query import named_queries
    from corecities_graph.store.embedded import GraphStore

    store = GraphStore.open(seed_out, read_only=True)
    sorted_here = 0
    for name, query in sorted(named_queries().items()):
        header, expected = _store_rows(store, name, query.text)
        found = _sorted_here(store, name, query.text)
        if found is None:
            continue
        sorted_here += 1
        assert found[0] == header
        assert sorted(found[1]) == sorted(expected), name
        keys = re.findall(r"\?(\w+)", query.text[query.text.rindex("ORDER BY") :])
        columns = [header.index(k) for k in keys]
        assert [[r[c] for c in columns] for r in found[1]] == [[r[c] for c in columns] for r in expected], (
            name
        )
    assert sorted_here >= 10


def test_report_leaves_orders_it_cannot_follow_to_the_store(seed_out: Path) -> None:
    from corecities_graph.publish.report import _sorted_here
    from corecities_graph.store.embedded import GraphStore

    store = GraphStore.open(seed_out, read_only=True)
    text = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY STRLEN(STR(?o))"
    assert _sorted_here(store, "x", text) is None
    mixed = 'SELECT ?o WHERE { VALUES ?o { 1 "one" } }\nORDER BY ?o'
    assert _sorted_here(store, "x", mixed) is None
    numbers = "SELECT ?o WHERE { VALUES ?o { 10 9 2.5 } }\nORDER BY DESC(?o)"
    assert _sorted_here(store, "x", numbers) == (["o"], [["10"], ["9"], ["2.5"]])


def test_the_sources_on_declarations_stop_and_say_how_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10,000 releases the per-source lines of "Signatories and claimed counts" are one per
    release: the list stops at REPORT_ROWS and says how many more there are, in both reports."""
    from corecities_graph.publish import report

    data = ReportData(
        tables={name: [] for name in _KINDS},
        consistency=[f"release-{i} on the-declaration: claims {i} universities" for i in range(5)],
    )
    monkeypatch.setattr(report, "REPORT_ROWS", 3)
    markdown = report.build_report(None, data)  # type: ignore[arg-type]
    part = markdown.split("## Signatories and claimed counts", 1)[1].split("## ", 1)[0]
    assert [line for line in part.splitlines() if line.startswith("- ")] == [
        "- release-0 on the-declaration: claims 0 universities",
        "- release-1 on the-declaration: claims 1 universities",
        "- release-2 on the-declaration: claims 2 universities",
        "- … and 2 more sources on declarations: `corecities-graph query claimed_counts` lists the counts each claims.",
    ]
    page = report.build_report_html(data, b"")
    assert (
        "<li>… and 2 more sources on declarations: <code>corecities-graph query claimed_counts</code>"
        " lists the counts each claims.</li>" in page
    )
    assert "release-3" not in page and "release-3" not in markdown
    monkeypatch.setattr(report, "REPORT_ROWS", 5)
    assert "more sources" not in report.build_report(None, data)  # type: ignore[arg-type]


def test_a_persons_posts_are_listed_once_each_and_stop_and_say_how_many_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`people` gives a row per honorific a person is given, each repeating the post; a name
    common to thousands of releases holds hundreds of posts, so a line lists PERSON_POSTS of them."""
    from corecities_graph.publish import report

    person = "https://example.org/corecities/id/person/ada-lovelace"
    rows = [
        {
            "person": person,
            "name": "Ada Lovelace",
            "honorific": honorific,
            "role": role,
            "organisation_name": "X",
        }
        for honorific in ("Dr", "Professor")
        for role in ("Chair", "Dean", "Director", "Provost", "Rector")
    ]
    data = ReportData(tables={name: [] for name in _KINDS} | {"people": rows})
    monkeypatch.setattr(report, "PERSON_POSTS", 3)
    markdown = report.build_report(None, data)  # type: ignore[arg-type]
    assert (
        "- Professor Ada Lovelace: Chair, X; Dean, X; Director, X … and 2 more posts: "
        "`corecities-graph query people` lists them all." in markdown
    )
    page = report.build_report_html(data, b"")
    assert (
        "Director, X … and 2 more posts: <code>corecities-graph query people</code> lists them all.</li>"
        in page
    )
    monkeypatch.setattr(report, "PERSON_POSTS", 5)
    markdown = report.build_report(None, data)  # type: ignore[arg-type]
    assert "- Professor Ada Lovelace: Chair, X; Dean, X; Director, X; Provost, X; Rector, X\n" in markdown
