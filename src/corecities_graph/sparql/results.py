"""SPARQL results and RDF graphs as bytes in each media type the server offers, cut at a row limit."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..graph.vocab import PREFIXES

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
JSON_LD = "application/ld+json"
N_TRIPLES = "application/n-triples"
RDF_XML = "application/rdf+xml"

# What each media type a client may ask for is answered with; the first entry is the default.
RESULT_OFFERS: dict[str, str] = {
    SPARQL_JSON: SPARQL_JSON,
    SPARQL_XML: SPARQL_XML,
    CSV: CSV,
    TSV: TSV,
    "application/json": SPARQL_JSON,
    "application/xml": SPARQL_XML,
    "text/xml": SPARQL_XML,
}
GRAPH_OFFERS: dict[str, str] = {
    TURTLE: TURTLE,
    JSON_LD: JSON_LD,
    N_TRIPLES: N_TRIPLES,
    RDF_XML: RDF_XML,
    "application/x-turtle": TURTLE,
    "application/turtle": TURTLE,
    "application/x-json+ld": JSON_LD,
    "text/plain": N_TRIPLES,
}
# Short names accepted in ?format= (and SPARQL clients' output=/results=).
FORMAT_NAMES: dict[str, str] = {
    "json": SPARQL_JSON,
    "srj": SPARQL_JSON,
    "xml": SPARQL_XML,
    "srx": SPARQL_XML,
    "csv": CSV,
    "tsv": TSV,
    "ttl": TURTLE,
    "turtle": TURTLE,
    "jsonld": JSON_LD,
    "json-ld": JSON_LD,
    "nt": N_TRIPLES,
    "ntriples": N_TRIPLES,
    "n-triples": N_TRIPLES,
    "rdf": RDF_XML,
    "rdfxml": RDF_XML,
}
CHARSET = {SPARQL_JSON, SPARQL_XML, CSV, TSV, TURTLE, N_TRIPLES, JSON_LD, RDF_XML}


def format_override(values: Sequence[str], offers: dict[str, str]) -> str | None:
    """The first ?format= value (a short name or media type) that names one of `offers`."""
    for value in values:
        for item in value.split(","):
            name = item.strip().lower()
            media = FORMAT_NAMES.get(name, name)
            if media in offers:
                return offers[media]
    return None


def solutions_bytes(variables: list[str], rows: list[list[object]], media: str, cut: int | None) -> bytes:
    """SELECT rows in a SPARQL results format; `cut` says the rows were stopped at that many."""
    if media == SPARQL_JSON:
        head: dict[str, object] = {"vars": variables}
        bindings = [
            {name: _json_term(term) for name, term in zip(variables, row, strict=True) if term is not None}
            for row in rows
        ]
        return json.dumps({"head": head, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if media == SPARQL_XML:
        parts = [_xml_head(variables, cut), "<results>\n"]
        for row in rows:
            parts.append("<result>")
            for name, term in zip(variables, row, strict=True):
                if term is not None:
                    parts.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
            parts.append("</result>\n")
        parts.append("</results>\n</sparql>\n")
        return "".join(parts).encode()
    if media == CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_term(term) for term in row] for row in rows)
        return buffer.getvalue().encode()
    if media == TSV:
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join(_tsv_term(term) for term in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"not a results format: {media}")


def boolean_bytes(value: bool, media: str) -> bytes:
    """An ASK answer in a SPARQL results format."""
    word = "true" if value else "false"
    if media == SPARQL_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media == SPARQL_XML:
        return f"{_xml_head([], None)}<boolean>{word}</boolean>\n</sparql>\n".encode()
    if media == CSV:
        return f"_askResult\r\n{word}\r\n".encode()
    if media == TSV:
        return f"?_askResult\n{word}\n".encode()
    raise ValueError(f"not a results format: {media}")


def graph_bytes(triples: Iterable[ox.Triple], media: str, cut: int | None = None) -> bytes:
    """Triples in an RDF format; Turtle and N-Triples say in a comment when they were cut."""
    items = list(triples)
    note = f"# cut at {cut} triples: the result had more (see --max-rows)\n".encode() if cut else b""
    if media == JSON_LD:
        return _json_ld(items)
    fmt = {TURTLE: ox.RdfFormat.TURTLE, N_TRIPLES: ox.RdfFormat.N_TRIPLES, RDF_XML: ox.RdfFormat.RDF_XML}[
        media
    ]
    data = ox.serialize(items, format=fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
    assert data is not None
    return data if media == RDF_XML else note + data


def first(items: Iterable[object], limit: int) -> tuple[list[object], bool]:
    """At most `limit` items, and whether there were more."""
    taken = list(islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


def _json_ld(triples: list[ox.Triple]) -> bytes:
    """JSON-LD by rdflib's serializer, compacted with the project prefixes.

    A shared JSON-LD context (export.py) would replace PREFIXES here.
    """
    from rdflib import Graph

    graph = Graph()
    if triples:
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        assert data is not None
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph.serialize(format="json-ld", context=dict(PREFIXES), indent=2).encode("utf-8")


def _json_term(term: object) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    return {"type": "literal", "value": str(term)}


def _xml_head(variables: list[str], cut: int | None) -> str:
    names = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
    note = f"<!-- cut at {cut} rows: the result had more (the server's max-rows) -->\n" if cut else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + note
        + f'<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>{names}</head>\n'
    )


def _xml_term(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _csv_term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(getattr(term, "value", term))


def _tsv_term(term: object) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
