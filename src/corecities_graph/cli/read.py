"""read and evaluate: a document as the extractor sees it; scores against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    pass

from .options import (
    input_options,
    reports_errors,
    table_format_option,
)


@click.command("read")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@input_options
@reports_errors
def read_cli(
    path: Path,
    fmt: str,
    max_bytes: int,
    doc_id: str | None,
    title: str | None,
    publisher: str | None,
    date: str | None,
    url: str | None,
) -> None:
    """Print the plain text that build reads from PATH (a file, or - for stdin).

    Character offsets in the graph count into this text, and its SHA-256 is the
    document's content hash. --format json adds the id and metadata.

    \b
    Example:
        corecities-graph read page.html
        corecities-graph read release.pdf --format json
    """
    from ..document import Metadata
    from ..sources.read import read_single

    given = Metadata(title=title, publisher=publisher, date=date, url=url)
    document = read_single([path], max_bytes=max_bytes, metadata=given, doc_id=doc_id)
    for message in document.warnings:
        click.echo(f"Warning: {message}", err=True)
    if fmt == "json":
        fields = ("doc_id", "path", "title", "publisher", "date", "url", "sha256", "text")
        click.echo(
            json.dumps({name: getattr(document, name) for name in fields}, indent=2, ensure_ascii=False)
        )
    else:
        click.echo(document.text, nl=False)


# Asking the graph: network analysis and explanations.


@click.command("evaluate")
@click.argument("folder", type=click.Path(path_type=Path))
@table_format_option
@click.option(
    "--through", type=click.Choice(["queries", "extraction"]), default="queries", show_default=True,
    help="Score what the named queries return from each document's graph (what other tools read), "
    "or the extractor's output before it becomes RDF.",
)  # fmt: skip
@click.option(
    "--sentences", is_flag=True, help="Show each miss and extra with the sentence of the text that says it."
)
@reports_errors
def evaluate_cli(folder: Path, fmt: str, through: str, sentences: bool) -> None:
    """Score extraction against NAME.gold.json files beside NAME.txt in FOLDER.

    Precision, recall and F1 per category, then every miss and extra; with --sentences each is
    followed by the sentence it comes from, to see which phenomenon a rule misses.

    \b
    Example:
        corecities-graph evaluate tests/fixtures
        corecities-graph evaluate tests/blind --sentences
    """
    from ..corpus.evaluate import evaluate, render

    evaluation = evaluate(folder, through=through)
    if fmt == "json":
        click.echo(json.dumps(evaluation.as_dict(), indent=2))
    else:
        click.echo(render(evaluation, sentences=sentences), nl=False)
