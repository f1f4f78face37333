"""Query results as text: the table, CSV, TSV, JSON, XML, Turtle and JSON-LD that `query` prints."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from ..errors import QueryError

if TYPE_CHECKING:
    pass
from ..graph.vocab import PREFIXES

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "json-ld")
DEFAULT_TABLE_LIMIT = 1000
_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_GRAPH_FORMATS = {
    "table": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def rows(result: object) -> tuple[list[str], list[list[str]]]:
    """Header and plain-text rows of a SELECT result."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT results have rows")
    header = [v.value for v in result.variables]
    table: list[list[str]] = []
    for solution in result:
        table.append([_plain(solution[name]) for name in header])
    return header, table


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


class _Newlines:
    """A binary sink that writes pyoxigraph's CRLF line ends as LF, across chunk boundaries."""

    def __init__(self, sink: BinaryIO) -> None:
        self.sink = sink
        self.held = b""

    def write(self, data: bytes) -> int:
        data = self.held + bytes(data)
        self.held = b"\r" if data.endswith(b"\r") else b""
        if self.held:
            data = data[:-1]
        self.sink.write(data.replace(b"\r\n", b"\n"))
        return len(data)

    def flush(self) -> None:
        self.sink.write(self.held)
        self.held = b""
        self.sink.flush()


def write_result(result: object, fmt: str, sink: BinaryIO, *, limit: int = DEFAULT_TABLE_LIMIT) -> None:
    """Write a result to a binary sink. Machine formats stream; the table shows at most `limit` rows (0: all)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if result is None:
        return
    if isinstance(result, ox.QueryBoolean):
        if fmt in ("json", "xml"):
            data = result.serialize(format=_RESULT_FORMATS[fmt])
            sink.write((data or b"").replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n")
        else:
            sink.write(b"true\n" if bool(result) else b"false\n")
        return
    if isinstance(result, ox.QueryTriples | list):
        if fmt not in _GRAPH_FORMATS:
            raise QueryError(
                f"a CONSTRUCT or DESCRIBE result is a graph: use --format turtle or json-ld, not {fmt}"
            )
        buffer = io.BytesIO()
        ox.serialize(result, buffer, format=_GRAPH_FORMATS[fmt], prefixes=PREFIXES)
        sink.write(_sorted_prefixes(buffer.getvalue()))
        return
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("unexpected result")
    if fmt in ("turtle", "json-ld"):
        raise QueryError(f"a SELECT result is a table: use --format table, csv, tsv, json or xml, not {fmt}")
    if fmt == "table":
        sink.write(table_text(result, limit=limit).encode("utf-8"))
        return
    out = _Newlines(sink)
    result.serialize(out, format=_RESULT_FORMATS[fmt])  # type: ignore[arg-type]
    if fmt in ("json", "xml"):
        out.write(b"\n")  # a shell prompt after `query --format json` starts on a line of its own
    out.flush()


def _sorted_prefixes(turtle: bytes) -> bytes:
    """Turtle with its @prefix lines in a stable order (pyoxigraph writes them in hash order)."""
    lines = turtle.split(b"\n")
    head = [line for line in lines if line.startswith(b"@prefix ")]
    return b"\n".join(sorted(head) + lines[len(head) :]) if head == lines[: len(head)] else turtle


def format_result(result: object, fmt: str, *, limit: int = DEFAULT_TABLE_LIMIT) -> str:
    """A result rendered as text (see write_result)."""
    buffer = io.BytesIO()
    write_result(result, fmt, buffer, limit=limit)
    return buffer.getvalue().decode("utf-8")


def table_text(result: ox.QuerySolutions, *, limit: int = DEFAULT_TABLE_LIMIT) -> str:
    """At most `limit` rows of a SELECT result as a plain-text table, saying when rows were left out."""
    header = [v.value for v in result.variables]
    table: list[list[str]] = []
    more = False
    for solution in result:
        if limit and len(table) >= limit:
            more = True
            break
        table.append([_plain(solution[name]) for name in header])
    text = render_table(header, table)
    if more:
        text += f"(only the first {limit} row{'s are' if limit != 1 else ' is'} shown: use --limit N, --limit 0 for all, or --format csv)\n"
    return text


def render_table(header: list[str], table: list[list[str]], *, width: int = 60) -> str:
    """A plain-text table for people, cells cut at `width` characters."""
    cells = [[_cut(c, width) for c in row] for row in table]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cut(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"
