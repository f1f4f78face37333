"""report.md: what the graph holds, by kind, with the consistency findings a reader should see."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .export import write_atomic
from .query import named_queries, rows, run_query
from .store import GraphStore

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
    query = named_queries()[name]
    header, table = rows(run_query(store, name, query.text))
    return [dict(zip(header, row, strict=True)) for row in table]


def build_report(store: GraphStore) -> str:
    """The report as Markdown; every figure comes from a named query over the store."""
    data = {name: select(store, name) for name in _KINDS}
    out: list[str] = ["# corecities-graph report", ""]
    out += ["## What was found", "", "| kind | count |", "|---|---|"]
    for name in _KINDS:
        distinct = {tuple(sorted(r.items())) for r in data[name]}
        first = (
            {next(iter(r.values())) for r in data[name]}
            if name not in ("conflicts", "signatories", "claimed_counts")
            else distinct
        )
        out.append(f"| {name.replace('_', ' ')} | {len(first)} |")
    out += ["", "## Sources", ""]
    for row in data["sources"]:
        out.append(
            f"- {_md(row['title'])} ({_md(row['publisher']) or 'publisher unknown'}, {row['date'] or 'undated'}) {row['url']}".rstrip()
        )
    out += ["", "## Signatories and claimed counts", ""]
    out += _consistency(store, data)
    out += ["", "## People and posts", ""]
    people: dict[str, list[str]] = defaultdict(list)
    honorific: dict[str, str] = {}
    for row in data["people"]:
        honorific[row["name"]] = row["honorific"]
        if row["role"]:
            people[row["name"]].append(
                row["role"] + (f", {row['organisation_name']}" if row["organisation_name"] else "")
            )
        else:
            people.setdefault(row["name"], [])
    for name, posts in sorted(people.items()):
        title = f"{honorific[name]} {name}".strip()
        out.append(f"- {_md(title)}: {_md('; '.join(posts)) or 'no post named'}")
    out += ["", "## Proposals", ""]
    out += [f"- {_md(row['name'])}" for row in sorted(data["proposals"], key=lambda r: r["name"])]
    out += ["", "## Statistics", "", "| subject | figure | measure | source |", "|---|---|---|---|"]
    for row in data["statistics"]:
        figure = " ".join(x for x in (row["qualifier"], row["value"], row["unit"]) if x)
        out.append(
            f"| {_md(row['subject_name'])} | {_md(figure)} | {_md(row['measure'])} | {_short(row['source'])} |"
        )
    out += ["", "## Where sources disagree", ""]
    if data["conflicts"]:
        for row in data["conflicts"]:
            out.append(
                f"- {_md(row['subject_name'])}, {_md(row['measure'])}: {_md(row['value_a'])} "
                f"({_short(row['source_a'])}) vs {_md(row['value_b'])} ({_short(row['source_b'])})"
            )
    else:
        out.append("No disagreements found.")
    out.append("")
    return "\n".join(out)


_SIGNED_BY_SOURCE = """
PREFIX ccg: <https://example.org/corecities/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?source ?declaration ?entry ?member ?type WHERE {
  GRAPH ?source { ?signature ccg:signedBy ?entry ; ccg:signed ?declaration . }
  OPTIONAL {
    ?entry org:hasMember ?member .
    OPTIONAL { ?member ccg:institutionType/skos:notation ?member_type }
  }
  OPTIONAL { ?entry ccg:institutionType/skos:notation ?entry_type }
  BIND(COALESCE(?member_type, ?entry_type) AS ?type)
}
"""


def _consistency(store: GraphStore, data: dict[str, list[dict[str, str]]]) -> list[str]:
    """Per source: how many parties it claims against how many it names."""
    named: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, str] = {}
    header, table = rows(run_query(store, "report", _SIGNED_BY_SOURCE))
    for row in (dict(zip(header, r, strict=True)) for r in table):
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
        line = f"- {_short(source)} on {_short(declaration)}: "
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
    return lines or ["No declaration found."]


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
    write_atomic(path, build_report(store).encode("utf-8"))
    return path
