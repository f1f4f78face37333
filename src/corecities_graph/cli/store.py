"""validate and export: SHACL checks and serialisations of the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    pass

from .options import (
    out_option,
    quiet_option,
    reports_errors,
)


@click.command("validate")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@reports_errors
def validate_cli(file: Path | None, out: Path) -> None:
    """Check the graph in --out (or FILE) against the SHACL shapes in ontology/shapes.ttl.

    FILE is a Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD file to check
    instead of the store. Exit code 0 when it conforms, 3 when it does not.

    \b
    Example:
        corecities-graph validate --out output
        corecities-graph validate output/graph.trig
    """
    from ..store.embedded import GraphStore
    from ..store.validate import format_report, validate_file, validate_store

    if file is not None:
        report, source = validate_file(file), str(file)
    else:
        report, source = validate_store(GraphStore.open(out, read_only=True)), str(out)
    click.echo(format_report(report, source), nl=False)
    if not report.conforms:
        sys.exit(3)


@click.command("export")
@out_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "nt", "nq", "trig", "rdfxml", "graphml", "gexf", "csv"]),
    default=None,
    help="Output format (default: from -o's extension, else ttl; graphml with --entities).",
)
@click.option(
    "--entities",
    is_flag=True,
    help="graphml, gexf or csv of the entity graph only: cities, organisations, people, "
    "declarations and proposals with their measures, joined by plain relations (gexf always is).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@quiet_option
@reports_errors
def export_cli(out: Path, fmt: str | None, entities: bool, output: Path | None) -> None:
    """Write the graph in --out in one format, to stdout or to a file.

    ttl, nt and rdfxml hold the union of all documents' graphs; trig, nq and
    jsonld keep one named graph per document. graphml is for Gephi (literals
    become node attributes). csv is for spreadsheets: with -o NAME.csv it writes
    NAME-nodes.csv and NAME-edges.csv; on stdout it prints the edges table.

    With --entities, graphml, gexf and csv hold only the entities (cities,
    organisations, people, declarations, proposals) with their kind, label,
    links and network measures, and edges named signed, member of, located in,
    holds post in (labelled with the post) and proposes.

    \b
    Example:
        corecities-graph export --format jsonld -o output/graph.jsonld
        corecities-graph export --format csv -o output/graph.csv
        corecities-graph export --entities -o output/entities.gexf
    """
    from ..store.embedded import GraphStore
    from ..store.export import SUFFIXES, export_files, export_stream

    default = "graphml" if entities else "ttl"
    chosen = fmt or (SUFFIXES.get(output.suffix.lower(), default) if output else default)
    if chosen == "gexf":
        entities = True
    if entities:
        from ..network.entities import ENTITY_FORMATS, entity_bytes, write_entity_files

        if chosen not in ENTITY_FORMATS:
            raise click.UsageError(f"--entities writes graphml, gexf or csv, not {chosen}")
    store = GraphStore.open(out, read_only=True)
    if entities:
        if output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(entity_bytes(store, chosen))
            sys.stdout.buffer.flush()
            return
        paths = write_entity_files(store, chosen, output)
    else:
        paths = []
    if output is None:
        sys.stdout.flush()
        export_stream(store, chosen, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    for path in paths or export_files(store, chosen, output):
        if not click.get_current_context().find_root().obj.quiet:
            click.echo(f"  {path}", err=True)
