"""The report's joins in Python (publish/findings.py) give the rows of the queries they stand for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from corecities_graph.graph.vocab import PREFIXES
from corecities_graph.publish import findings
from corecities_graph.publish.report import report_data, select, select_terms
from corecities_graph.sparql.formats import rows
from corecities_graph.sparql.query import named_queries, run_query
from corecities_graph.store.embedded import GraphStore

BASE = "https://example.org/corecities/id/"
DECLARATION = BASE + "declaration/core-cities-uk-declaration"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _iri(term: str) -> ox.NamedNode:
    prefix, _, local = term.partition(":")
    return ox.NamedNode(PREFIXES[prefix] + local if prefix in PREFIXES else term)


def _add(store: GraphStore, graph: str, *triples: tuple[str | ox.BlankNode, str, object]) -> None:
    for s, p, o in triples:
        subject = s if isinstance(s, ox.BlankNode) else _iri(s)
        value = o if isinstance(o, (ox.Literal, ox.BlankNode)) else _iri(str(o))
        store.oxigraph.add(ox.Quad(subject, _iri(p), value, ox.NamedNode(BASE + "document/" + graph)))


def _post(store: GraphStore, graph: str, post: str, label: str) -> None:
    """Ada Test's post at Test Org, with a role labelled `label`, annotated in `graph`."""
    role, annotation = f"{BASE}role/{post}", f"{BASE}annotation/{graph}-{post}"
    _add(
        store,
        graph,
        (BASE + "person/ada-test", "org:holds", BASE + "post/" + post),
        (BASE + "post/" + post, "org:postIn", BASE + "organisation/test-org"),
        (BASE + "post/" + post, "org:role", role),
        (role, "skos:prefLabel", ox.Literal(label)),
        (annotation, "http://www.w3.org/ns/oa#hasBody", BASE + "post/" + post),
        (annotation, "http://www.w3.org/ns/oa#hasTarget", annotation + "#target"),
        (annotation + "#target", "http://www.w3.org/ns/oa#hasSource", BASE + "document/" + graph),
    )


def _figure(store: GraphStore, graph: str, value: str, kind: str, qualifier: str = "") -> None:
    claim = f"{BASE}statistic/{graph}/{value}"
    _add(
        store,
        graph,
        (claim, "rdf:type", PREFIXES["ccg"] + "StatisticalClaim"),
        (claim, "schema:about", BASE + "organisation/test-org"),
        (claim, "schema:unitText", ox.Literal("percent")),
        (claim, "ccg:measure", ox.Literal(f"share of {graph} graduates")),
        (claim, "schema:value", ox.Literal(value, datatype=ox.NamedNode(XSD + kind))),
        (claim, "dcterms:source", BASE + "document/" + graph),
        *([(claim, "ccg:qualifier", ox.Literal(qualifier))] if qualifier else []),
    )


def _count(store: GraphStore, graph: str, value: str, kind: str = "integer") -> None:
    claim = f"{BASE}claimed-count/{graph}/{value}"
    _add(
        store,
        graph,
        (claim, "rdf:type", PREFIXES["ccg"] + "ClaimedCount"),
        (claim, "schema:about", DECLARATION),
        (claim, "ccg:countOf", ox.Literal("universities")),
        (claim, "schema:value", ox.Literal(value, datatype=ox.NamedNode(XSD + kind))),
        (claim, "dcterms:source", BASE + "document/" + graph),
    )


@pytest.fixture
def disagreeing(seed_out: Path, tmp_path: Path) -> GraphStore:
    """The seed's store with sources added that disagree in every way `conflicts` looks for."""
    shutil.copytree(seed_out / "store", tmp_path / "store")
    store = GraphStore.open(tmp_path)
    _add(
        store,
        "t1",
        (BASE + "person/ada-test", "schema:name", ox.Literal("Ada Test")),
        (BASE + "organisation/test-org", "schema:name", ox.Literal("Test Org")),
        (BASE + "organisation/test-org", "schema:name", ox.Literal("The Test Org")),
    )
    _post(store, "t1", "ada-dean", "Dean")
    _post(store, "t2", "ada-provost", "Provost")
    _post(store, "t3", "ada-dean-lower", "dean")  # differs from "Dean" only in case
    _post(store, "t1", "ada-chair", "Chair")  # only one source: no disagreement with Dean
    for graph, value, kind, qualifier in (
        ("t1", "40", "integer", "almost"),
        ("t1", "41", "integer", ""),
        ("t1", "40.5", "decimal", ""),
        ("t1", "100", "integer", ""),  # more than a quarter away
        ("t2", "40", "integer", "almost"),  # the same figure, shown the same
    ):
        _figure(store, graph, value, kind, qualifier)
    _count(store, "t1", "21")
    _count(store, "t2", "24")
    _count(store, "t3", "24")
    return store


def _query_rows(store: GraphStore, name: str, text: str | None = None) -> list[dict[str, str]]:
    header, table = rows(run_query(store, name, text or named_queries()[name].text))
    return [dict(zip(header, row, strict=True)) for row in table]


def test_conflicts_paired_in_python_are_the_named_querys_rows_in_its_order(disagreeing: GraphStore) -> None:
    _, claimed = select_terms(disagreeing, "claimed_counts")
    assert claimed is not None
    found = findings.conflicts(disagreeing, claimed)
    expected = _query_rows(disagreeing, "conflicts")
    assert found == expected
    measures = {row["measure"] for row in found}
    assert {"number of universities", "post at Test Org", "post at The Test Org"} <= measures
    assert any(row["measure"] == "share of t1 graduates" for row in found)
    assert not any({row["value_a"], row["value_b"]} == {"Chair", "Dean"} for row in found)


def test_conflicts_left_to_the_store_where_a_count_is_not_an_integer_or_a_decimal(
    disagreeing: GraphStore,
) -> None:
    _count(disagreeing, "t4", "22.0E0", "double")
    _, claimed = select_terms(disagreeing, "claimed_counts")
    assert findings.conflicts(disagreeing, claimed or []) is None
    assert report_data(disagreeing).tables["conflicts"] == select(disagreeing, "conflicts")
    doubles = [row for row in select(disagreeing, "conflicts") if "t4" in row["source_a"] + row["source_b"]]
    assert doubles, "the double-typed count disagrees with the others"


def test_signatures_by_source_are_the_rows_of_the_one_query(disagreeing: GraphStore) -> None:
    found = findings.signed_by_source(disagreeing)
    expected = _query_rows(disagreeing, "report", findings._SIGNED_BY_SOURCE)
    assert sorted(map(sorted, (r.items() for r in found))) == sorted(
        map(sorted, (r.items() for r in expected))
    )
    assert any(row["member"] for row in found)  # the seed signs a partnership as one entry
    blank = ox.BlankNode("entry")
    _add(
        disagreeing,
        "t1",
        (BASE + "signature/t1", "ccg:signedBy", blank),
        (BASE + "signature/t1", "ccg:signed", DECLARATION),
    )
    found = findings.signed_by_source(disagreeing)
    expected = _query_rows(disagreeing, "report", findings._SIGNED_BY_SOURCE)
    assert sorted(map(sorted, (r.items() for r in found))) == sorted(
        map(sorted, (r.items() for r in expected))
    )


def test_signatories_by_city_are_the_rows_of_the_one_query(disagreeing: GraphStore) -> None:
    _add(
        disagreeing,
        "t1",
        (DECLARATION, "ccg:signatory", BASE + "organisation/test-org"),  # in no city
    )
    expected = [
        (city, int(n)) for city, n in rows(run_query(disagreeing, "r", findings._SIGNATORIES_BY_CITY))[1]
    ]
    assert findings.signatories_by_city(disagreeing) == expected
    assert ("(no city)", 1) in expected and ("Birmingham", 4) in expected
