"""report.md and report.html: what the graph holds, by kind, with the findings a reader should see.

Both are readable without SPARQL: counts by kind, the most central entities and the communities
of the entity graph, signatories by city (a table, and a bar chart written beside the report as
a PNG), where sources disagree, and which entities are linked to Wikidata, ROR and GeoNames.

One module for both formats on purpose: the Markdown and the HTML report are cut from the same
sections by the same helpers, and splitting them would invite the two to drift apart.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import quote

from ..sparql.formats import rows
from ..sparql.query import named_queries, run_named, run_query
from ..stages import REPORT_DATA, Observer, Stages, stages_of
from ..store.embedded import GraphStore
from ..store.export import write_atomic
from .findings import conflicts, signatories_by_city, signed_by_source

if TYPE_CHECKING:
    from ..network.analyse import Analysis

CHART_NAME = "signatories-by-city.png"
VIEW_NAME = "view.html"
TOP_CENTRAL = 10

_KINDS = (
    "sources",
    "cities",
    "institutions",
    "signatories",
    "people",
    "quotes",
    "proposals",
    "statistics",
    "claimed_counts",
    "conflicts",
)


def select(store: GraphStore, name: str) -> list[dict[str, str]]:
    """The rows of a named query, in its order, as plain strings."""
    return select_terms(store, name)[0]


def select_terms(
    store: GraphStore, name: str
) -> tuple[list[dict[str, str]], list[tuple[object, ...]] | None]:
    """The rows of a named query as `select` gives them, and the same rows as terms in the same
    order where the report sorted them itself (else None)."""
    named = named_queries()[name]
    found = _sorted_terms(store, name, named.text)
    if found is None:
        header, table = rows(run_named(store, named))
        return [dict(zip(header, row, strict=True)) for row in table], None
    header, table, terms = found
    return [dict(zip(header, row, strict=True)) for row in table], terms


# Oxigraph's ORDER BY reads each compared value back from the store: sorting the 188,023 rows of
# `people` at 10,000 releases cost more than finding them. The report runs the query without its
# final ORDER BY of plain variables and sorts the rows itself, in SPARQL's order for those values
# (unbound first, then IRIs, then literals; numbers as numbers), ties by the whole row.
_ORDER_BY = re.compile(r"\n\s*ORDER BY\s+([^\n{}]*?)\s*$")
_ORDER_KEY = re.compile(r"\s*(?:(ASC|DESC)\(\s*\?(\w+)\s*\)|\?(\w+))")
# Without its ORDER BY, Oxigraph plans `conflicts` differently and takes longer (42 s CPU against 30 s
# at 10,000 releases), so it keeps its own sort.
_SORTED_BY_THE_STORE = frozenset({"conflicts"})
_NUMERIC = {
    f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("integer", "decimal", "double", "float", "int", "long")
}
_STRING = {
    "http://www.w3.org/2001/XMLSchema#string",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
}


def _sorted_here(store: GraphStore, name: str, text: str) -> tuple[list[str], list[list[str]]] | None:
    """The query's rows sorted in Python, or None when its ORDER BY is not one this can follow."""
    found = _sorted_terms(store, name, text)
    return None if found is None else (found[0], found[1])


def _sorted_terms(
    store: GraphStore, name: str, text: str
) -> tuple[list[str], list[list[str]], list[tuple[object, ...]]] | None:
    """Header, rows as plain strings and the same rows as terms, sorted in Python; None when the
    query's ORDER BY is not one this can follow."""
    import pyoxigraph as ox

    match = _ORDER_BY.search(text)
    if match is None or not isinstance(store, GraphStore) or name in _SORTED_BY_THE_STORE:
        return None
    keys: list[tuple[str, bool]] = []
    rest = match[1]
    while rest.strip():
        found = _ORDER_KEY.match(rest)
        if found is None:
            return None
        keys.append((found[2] or found[3], found[1] == "DESC"))
        rest = rest[found.end() :]
    result = run_query(store, name, text[: match.start()] + "\n")
    if not isinstance(result, ox.QuerySolutions):
        return None
    header = [v.value for v in result.variables]
    if any(key not in header for key, _ in keys):
        return None
    solutions = [tuple(solution[v] for v in header) for solution in result]
    columns = {key: header.index(key) for key, _ in keys}
    ranks = {}
    for key, column in columns.items():
        rank = _column_rank([s[column] for s in solutions])
        if rank is None:
            return None
        ranks[key] = rank
    table = [[_plain(t) for t in s] for s in solutions]
    order = sorted(range(len(table)), key=lambda i: table[i])
    for key, descending in reversed(keys):
        column, rank = columns[key], ranks[key]
        order.sort(key=lambda i: rank(solutions[i][column]), reverse=descending)
    return header, [table[i] for i in order], [solutions[i] for i in order]


def _column_rank(terms: list[object]) -> Callable[[object], tuple[int, float, str]] | None:
    """A sort key for one column's terms in SPARQL's order, or None if the column mixes literals
    that SPARQL orders in ways this does not follow (numbers beside text, dates)."""
    import pyoxigraph as ox

    literals = {t.datatype.value for t in terms if isinstance(t, ox.Literal)}
    numeric = bool(literals) and literals <= _NUMERIC
    if literals and not numeric and not literals <= _STRING:
        return None

    def rank(term: object) -> tuple[int, float, str]:
        if term is None:
            return (0, 0.0, "")
        if isinstance(term, ox.BlankNode):
            return (1, 0.0, term.value)
        if isinstance(term, ox.NamedNode):
            return (2, 0.0, term.value)
        value = getattr(term, "value", "")
        return (3, float(value), "") if numeric else (3, 0.0, value)

    return rank


def _plain(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


# A report of 10,000 releases would list tens of thousands of figures: each list stops here and
# says how many more there are and which named query gives them all.
REPORT_ROWS = 200
COMMUNITY_NAMES = 40
PERSON_POSTS = 20
"""Posts listed for one person: a name common in thousands of releases is given hundreds."""

T = TypeVar("T")


def _first(items: Sequence[T], limit: int | None = None) -> tuple[Sequence[T], int]:
    """The first `limit` (REPORT_ROWS) items, and how many were left out."""
    limit = REPORT_ROWS if limit is None else limit
    return items[:limit], max(0, len(items) - limit)


def _more(count: int, query: str | None, what: str = "rows") -> str:
    """The line that ends a cut list."""
    where = f": `corecities-graph query {query}` lists them all" if query else ""
    return f"… and {count:,} more {what}{where}."


def _count(name: str, table: list[dict[str, str]]) -> int:
    """Distinct answers: distinct first columns, or distinct rows for the kinds whose rows are the answers."""
    if name in ("conflicts", "signatories", "claimed_counts"):
        return len({tuple(sorted(r.items())) for r in table})
    return len({next(iter(r.values())) for r in table})


@dataclass
class ReportData:
    """What both reports show, gathered once."""

    tables: dict[str, list[dict[str, str]]]
    signatories_by_city: list[tuple[str, int]] = field(default_factory=list)
    central: list = field(default_factory=list)  # type: ignore[type-arg]
    communities: list[list[str]] = field(default_factory=list)
    links: list[tuple[str, int]] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)
    analysis: Analysis | None = None
    consistency: list[str] = field(default_factory=list)
    """Per source: the counts it claims against the parties it names."""


# Each document's graph repeats what it says about an entity, so each pattern is made distinct first.
_LINKS = """
SELECT ?target (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  ?entity owl:sameAs ?same .
  BIND(IF(STRSTARTS(STR(?same), "http://www.wikidata.org/"), "Wikidata",
       IF(STRSTARTS(STR(?same), "https://ror.org/"), "ROR",
       IF(CONTAINS(STR(?same), "geonames.org/"), "GeoNames", "other"))) AS ?target)
}
GROUP BY ?target
ORDER BY ?target
"""
_UNLINKED = """
SELECT DISTINCT ?name WHERE {
  { SELECT DISTINCT ?entity WHERE { { ?entity a schema:City } UNION { ?entity a org:Organization } } }
  MINUS { SELECT DISTINCT ?entity WHERE { ?entity owl:sameAs ?same } }
  { SELECT DISTINCT ?entity ?name WHERE { ?entity schema:name ?name } }
}
ORDER BY ?name
"""


def report_data(store: GraphStore) -> ReportData:
    """Run the named queries, the report's own queries and the network analysis once."""
    from ..network.analyse import analyse

    tables: dict[str, list[dict[str, str]]] = {}
    claimed: list[tuple[object, ...]] | None = None
    for name in _KINDS:
        if name == "conflicts" and claimed is not None:
            found = conflicts(store, claimed)
            if found is not None:
                tables[name] = found
                continue
        tables[name], terms = select_terms(store, name)
        if name == "claimed_counts":
            claimed = terms
    data = ReportData(tables=tables)
    data.signatories_by_city = signatories_by_city(store)
    _, table = rows(run_query(store, "report", _LINKS))
    data.links = [(target, int(count)) for target, count in table]
    _, table = rows(run_query(store, "report", _UNLINKED))
    data.unlinked = [name for (name,) in table]
    data.consistency = _consistency(store, data.tables)
    analysis = analyse(store)
    data.analysis = analysis
    data.central = analysis.nodes[:TOP_CENTRAL]
    labels = {n.iri: n.label for n in analysis.nodes}
    data.communities = [sorted(labels[m] for m in c) for c in analysis.communities if len(c) > 1]
    return data


def signatories_chart(counts: list[tuple[str, int]]) -> bytes:
    """A horizontal bar chart of signatories per city as PNG bytes, the same bytes for the same counts.

    Rendered with matplotlib's Agg canvas (no pyplot state, no display), its bundled DejaVu Sans
    font and no Software or date metadata, so two builds give identical files.
    """
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rcParams["font.family"] = "DejaVu Sans"
    rcParams["svg.hashsalt"] = "corecities-graph"
    ordered = list(reversed(counts))
    height = 1.2 + 0.32 * max(1, len(ordered))
    figure = Figure(figsize=(7, height), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    names = [city for city, _ in ordered]
    values = [count for _, count in ordered]
    bars = axes.barh(range(len(values)), values, color="#3b6ea8")
    axes.set_yticks(range(len(values)), names)
    axes.bar_label(bars, padding=3)
    axes.set_xlabel("signatory institutions")
    axes.set_title("Signatories by city")
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1d; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; }
"""


@dataclass(frozen=True)
class Link:
    """A name that links to its node in view.html."""

    text: str
    iri: str


@dataclass(frozen=True)
class Code:
    """A command to type, shown as code."""

    text: str


Part = str | Link | Code
Parts = tuple[Part, ...]


@dataclass(frozen=True)
class Bullets:
    items: list[Parts]


@dataclass(frozen=True)
class Numbered:
    items: list[Parts]


@dataclass(frozen=True)
class Para:
    parts: Parts


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[Part]]
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Chart:
    """The signatories chart: embedded in the HTML, linked from the Markdown."""

    alt: str


Block = Bullets | Numbered | Para | Table | Chart


@dataclass(frozen=True)
class Section:
    title: str
    blocks: list[Block]


def sections(data: ReportData) -> list[Section]:
    """What both reports say, in order: each format renders these and nothing else."""
    tables = data.tables
    iri_of = {row["name"]: row["institution"] for row in tables["institutions"]}
    out = [
        Section(
            "What was found",
            [
                Table(
                    ["kind", "count"],
                    [[name.replace("_", " "), str(_count(name, tables[name]))] for name in _KINDS],
                    frozenset({1}),
                )
            ],
        )
    ]
    shown, more = _first(tables["sources"])
    items: list[Parts] = [
        (
            f"{row['title']} ({row['publisher'] or 'publisher unknown'}, {row['date'] or 'undated'}) "
            f"{row['url']}".rstrip(),
        )
        for row in shown
    ]
    out.append(Section("Sources", [Bullets(items + _more_item(more, "sources", "documents"))]))
    lines, more = _first(data.consistency)
    consistency: list[Block] = (
        [Bullets([(line,) for line in lines] + _more_sources(more))]
        if data.consistency
        else [Para(("No declaration found.",))]
    )
    out.append(Section("Signatories and claimed counts", consistency))
    people: dict[tuple[str, str], dict[Parts, None]] = defaultdict(dict)
    honorific: dict[str, str] = {}
    for row in tables["people"]:
        key = (row["name"], row["person"])
        honorific[row["name"]] = row["honorific"]
        if row["role"]:
            organisation = row["organisation_name"]
            post: Parts = (row["role"],)
            if organisation:
                named: Part = (
                    Link(organisation, iri_of[organisation]) if organisation in iri_of else organisation
                )
                post += (", ", named)
            people[key][post] = None  # one row per honorific the person is given repeats each post
        else:
            people.setdefault(key, {})
    shown_people, more = _first(sorted(people.items()))
    items = []
    for (name, person), posts in shown_people:
        line: Parts = (Link(f"{honorific[name]} {name}".strip(), person), ": ")
        if posts:
            held, left = _first(list(posts), PERSON_POSTS)
            for i, post in enumerate(held):
                line += (("; ",) if i else ()) + post
            if left:
                line += (" ", *_more_parts(left, "people", "posts"))
        else:
            line += ("no post named",)
        items.append(line)
    out.append(Section("People and posts", [Bullets(items + _more_item(more, "people", "people"))]))
    proposals, more = _first(sorted(tables["proposals"], key=lambda r: r["name"]))
    items = [(Link(row["name"], row["proposal"]),) for row in proposals]
    out.append(Section("Proposals", [Bullets(items + _more_item(more, "proposals", "proposals"))]))
    statistics, more = _first(tables["statistics"])
    figures: list[Block] = [
        Table(
            ["subject", "figure", "measure", "source"],
            [
                [
                    row["subject_name"],
                    " ".join(x for x in (row["qualifier"], row["value"], row["unit"]) if x),
                    row["measure"],
                    _short(row["source"]),
                ]
                for row in statistics
            ],
        )
    ]
    if more:
        figures.append(Para(_more_parts(more, "statistics", "figures")))
    out.append(Section("Statistics", figures))
    conflicts, more = _first(tables["conflicts"])
    disagreements: list[Block] = (
        [
            Bullets(
                [
                    (
                        f"{row['subject_name']}, {row['measure']}: {row['value_a']} ({_short(row['source_a'])}) "
                        f"vs {row['value_b']} ({_short(row['source_b'])})",
                    )
                    for row in conflicts
                ]
                + _more_item(more, "conflicts", "disagreements")
            )
        ]
        if conflicts
        else [Para(("No disagreements found.",))]
    )
    out.append(Section("Where sources disagree", disagreements))
    out.append(
        Section(
            "Signatories by city",
            [
                Table(
                    ["city", "signatories"],
                    [[c, str(n)] for c, n in data.signatories_by_city],
                    frozenset({1}),
                ),
                Chart(_chart_alt(data.signatories_by_city)),
            ],
        )
    )
    out.append(
        Section(
            "Most central entities",
            [
                Para(
                    (
                        "By betweenness centrality in the entity graph (cities, organisations, people, "
                        "declarations and proposals, joined by the relations between them)."
                        + _estimated(data),
                    )
                ),
                Table(
                    ["entity", "kind", "degree", "betweenness", "eigenvector", "community"],
                    [
                        [
                            Link(n.label, n.iri),
                            n.kind,
                            str(n.degree),
                            f"{n.betweenness:.4f}",
                            f"{n.eigenvector:.4f}",
                            str(n.community),
                        ]
                        for n in data.central
                    ],
                    frozenset({2, 3, 4, 5}),
                ),
            ],
        )
    )
    communities, more = _first(data.communities)
    listed: list[Block] = [Numbered([_community(names) for names in communities])]
    if more:
        listed.append(Para(_more_parts(more, None, "communities, each no larger than those above")))
    out.append(Section("Communities", listed))
    links: list[Parts] = [(f"{target}: {count} entities linked",) for target, count in data.links]
    out.append(
        Section(
            "Links to Wikidata, ROR and GeoNames",
            [Bullets([*links, ("still unlinked: ", *_unlinked(data.unlinked))])],
        )
    )
    return out


def _estimated(data: ReportData) -> str:
    """What the report says when betweenness was estimated rather than computed exactly."""
    from ..network.analyse import BETWEENNESS_SAMPLE, EXACT_BETWEENNESS_LIMIT, SEED

    if data.analysis is None or not data.analysis.methods.get("betweenness", "").startswith("estimated"):
        return ""
    return (
        f" The graph has more than {EXACT_BETWEENNESS_LIMIT:,} nodes, so betweenness is estimated from "
        f"{BETWEENNESS_SAMPLE} sampled sources (seed {SEED}, the same figures every run)."
    )


def _more_parts(count: int, query: str | None, what: str = "rows") -> Parts:
    """The words that end a cut list, the command to list them all as code."""
    if not query:
        return (f"… and {count:,} more {what}.",)
    return (f"… and {count:,} more {what}: ", Code(f"corecities-graph query {query}"), " lists them all.")


def _more_sources(count: int) -> list[Parts]:
    """The line that ends a cut list of sources on declarations: no one query lists these lines."""
    if not count:
        return []
    return [
        (
            f"… and {count:,} more sources on declarations: ",
            Code("corecities-graph query claimed_counts"),
            " lists the counts each claims.",
        )
    ]


def _more_item(count: int, query: str, what: str) -> list[Parts]:
    return [_more_parts(count, query, what)] if count else []


def build_report(store: GraphStore, extra: ReportData | None = None) -> str:
    """The report as Markdown; every figure comes from a named query over the store or its analysis."""
    data = extra or report_data(store)
    out: list[str] = ["# corecities-graph report"]
    for section in sections(data):
        out += ["", f"## {section.title}"]
        for block in section.blocks:
            out.append("")
            if isinstance(block, Bullets):
                out += [f"- {_md_parts(item)}" for item in block.items]
            elif isinstance(block, Numbered):
                out += [f"{i}. {_md_parts(item)}" for i, item in enumerate(block.items, start=1)]
            elif isinstance(block, Para):
                out.append(_md_parts(block.parts))
            elif isinstance(block, Table):
                out.append("| " + " | ".join(block.header) + " |")
                out.append("|" + "---|" * len(block.header))
                out += ["| " + " | ".join(_md_parts((c,)) for c in row) + " |" for row in block.rows]
            else:
                out.append(f"![Signatories by city]({CHART_NAME})")
    out.append("")
    return "\n".join(out)


def _md_parts(parts: Parts) -> str:
    text = "".join(
        f"`{p.text}`" if isinstance(p, Code) else _md_inline(p.text if isinstance(p, Link) else p)
        for p in parts
    )
    return text.strip()


def _md_inline(value: str) -> str:
    """A piece of a line made inert in Markdown, its spaces at either end kept."""
    value = re.sub(r"\s+", " ", value)
    for char in "\\`*_[]<>|":
        value = value.replace(char, "\\" + char)
    return value


def build_report_html(data: ReportData, chart: bytes) -> str:
    """The report as one self-contained HTML page: every document text escaped, nothing loaded from elsewhere.

    Each person, organisation and proposal links to its node in view.html beside it.
    """
    e = html.escape
    style_hash = base64.b64encode(hashlib.sha256(_STYLE.encode("utf-8")).digest()).decode("ascii")
    csp = (
        f"default-src 'none'; style-src 'sha256-{style_hash}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )

    def parts(items: Parts) -> str:
        out = []
        for p in items:
            if isinstance(p, Link):
                out.append(f'<a href="{VIEW_NAME}#node={e(quote(p.iri, safe=""))}">{e(p.text)}</a>')
            elif isinstance(p, Code):
                out.append(f"<code>{e(p.text)}</code>")
            else:
                out.append(e(p))
        return "".join(out)

    def block(b: Block) -> str:
        if isinstance(b, Bullets):
            return "<ul>" + "".join(f"<li>{parts(i)}</li>" for i in b.items) + "</ul>"
        if isinstance(b, Numbered):
            return "<ol>" + "".join(f"<li>{parts(i)}</li>" for i in b.items) + "</ol>"
        if isinstance(b, Para):
            return f"<p>{parts(b.parts)}</p>"
        if isinstance(b, Table):
            head = "".join(f"<th>{e(h)}</th>" for h in b.header)
            cell = ('<td class="n">', "<td>")
            lines = [
                "<tr>"
                + "".join(f"{cell[i not in b.numeric]}{parts((c,))}</td>" for i, c in enumerate(r))
                + "</tr>"
                for r in b.rows
            ]
            return f"<table><thead><tr>{head}</tr></thead><tbody>" + "".join(lines) + "</tbody></table>"
        return (
            f'<p><img src="data:image/png;base64,{base64.b64encode(chart).decode("ascii")}" alt="{e(b.alt)}"></p>\n'
            f"<p>The chart is also saved as {CHART_NAME} beside this report.</p>"
        )

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>corecities-graph report</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>corecities-graph report</h1>",
    ]
    for section in sections(data):
        out.append(f"<h2>{e(section.title)}</h2>")
        out += [block(b) for b in section.blocks]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _community(names: list[str]) -> Parts:
    """A community's members, cut at COMMUNITY_NAMES, with how many more there are."""
    members, more = _first(names, COMMUNITY_NAMES)
    return (", ".join(members) + (f" {_more(more, None, 'members')}" if more else ""),)


def _unlinked(names: list[str]) -> Parts:
    """The names not yet linked, cut at REPORT_ROWS; "none" when every one is."""
    shown, more = _first(names)
    if not shown:
        return ("none",)
    return (", ".join(shown) + (f" {_more(more, None, 'names')}" if more else ""),)


def _chart_alt(counts: list[tuple[str, int]]) -> str:
    return "Bar chart of signatory institutions per city: " + (
        ", ".join(f"{city} {count}" for city, count in counts) if counts else "none"
    )


def write_reports(store: GraphStore, out: Path, stages: Observer | Stages | None = None) -> list[Path]:
    """report.md, report.html and the chart beside them, each written atomically; `stages` hears
    the queries they share and each file start and end."""
    report = stages_of(stages)
    with report.stage(REPORT_DATA):
        data = report_data(store)
    chart = b""
    written = []
    for name in ("report.md", CHART_NAME, "report.html"):
        with report.stage(name):
            if name == "report.md":
                content = build_report(store, data).encode("utf-8")
            elif name == CHART_NAME:
                content = chart = signatories_chart(data.signatories_by_city)
            else:
                content = build_report_html(data, chart).encode("utf-8")
            write_atomic(out / name, content)
        written.append(out / name)
    return written


def _consistency(store: GraphStore, data: dict[str, list[dict[str, str]]]) -> list[str]:
    """Per source: how many parties it claims against how many it names."""
    named: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, str] = {}
    for row in signed_by_source(store):
        institution = row["member"] or row["entry"]
        named[(row["declaration"], row["source"])][row["entry"]].add(institution)
        types[institution] = row["type"]
    claims: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in data["claimed_counts"]:
        claims[(row["declaration"], row["source"])].append(row)
    lines: list[str] = []
    for declaration, source in sorted(set(named) | set(claims)):
        entries = named.get((declaration, source), {})
        institutions = set().union(*entries.values()) if entries else set()
        universities = {i for i in institutions if types.get(i) == "university"}
        said = [
            f"{c['count']} {c['what']}"
            for c in sorted(claims.get((declaration, source), []), key=lambda r: r["what"])
        ]
        line = f"{_short(source)} on {_short(declaration)}: "
        line += ("claims " + " and ".join(said)) if said else "claims no count"
        if entries:
            line += (
                f"; names {len(entries)} signatory entries naming {len(institutions)} institutions"
                f", {len(universities)} of them universities"
            )
            for claim in claims.get((declaration, source), []):
                claimed = int(claim["count"])
                # a source that names only a few parties is not claiming a full list
                if (
                    claim["what"] == "universities"
                    and claimed != len(universities)
                    and 2 * len(universities) >= claimed
                ):
                    line += f" (claimed {claim['count']}, named {len(universities)})"
        lines.append(line)
    return lines


def _short(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _md(value: str | None) -> str:
    """Text from documents, made inert in Markdown: no tags, links or table breaks."""
    if not value:
        return ""
    value = " ".join(value.split())
    for char in "\\`*_[]<>|":
        value = value.replace(char, "\\" + char)
    return value


def write_report(store: GraphStore, path: Path) -> Path:
    """report.md alone."""
    write_atomic(path, build_report(store).encode("utf-8"))
    return path
