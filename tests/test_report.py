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
    assert "<td>Core Cities UK Universities Declaration</td><td>declaration</td>" in page
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
    assert f"<p>Still unlinked: Birmingham City Council … and {left} more names.</p>" in page
