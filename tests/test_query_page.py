"""The query page's HTML, without a server: escaping, links, the named queries' fields."""

from __future__ import annotations

import pyoxigraph as ox
from markupsafe import escape

from corecities_graph.serve.pages import Site
from corecities_graph.serve.query_page import (
    RESERVED,
    PageState,
    Result,
    cell,
    render_query_page,
    result_from_json,
)
from corecities_graph.sparql.query import named_queries

HOSTILE = "<img src=x onerror=window.__pwned=1>"


def site() -> Site:
    store = ox.Store()
    g = ox.NamedNode("https://example.org/corecities/graph/doc")
    store.add(
        ox.Quad(
            ox.NamedNode("https://example.org/corecities/id/city/leeds"),
            ox.NamedNode("urn:p"),
            ox.Literal("x"),
            g,
        )
    )
    return Site(store)


def test_cells_link_entities_to_their_pages_and_nothing_else() -> None:
    here = site()
    assert cell(here, {"type": "uri", "value": "https://example.org/corecities/id/city/leeds"}).href == (
        "/corecities/id/city/leeds"
    )
    assert cell(here, {"type": "uri", "value": "http://www.wikidata.org/entity/Q39121"}).href == (
        "http://www.wikidata.org/entity/Q39121"
    )
    for iri in ("javascript:alert(1)", "data:text/html,x", "urn:isbn:1", "https://example.org/x#frag"):
        assert cell(here, {"type": "uri", "value": iri}).href is None
    assert (
        cell(
            here, {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
        ).note
        == "xsd:integer"
    )
    assert cell(here, {"type": "literal", "value": "Leeds", "xml:lang": "en"}).note == "@en"
    assert cell(here, None).text == ""


def test_page_escapes_values_queries_and_errors() -> None:
    here = site()
    data = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": HOSTILE}}]}}
    state = PageState(text=f"# </textarea>{HOSTILE}", result=result_from_json(here, data), seconds=0.01)
    body = render_query_page(state, list(named_queries().values()), here.origins)
    assert HOSTILE not in body and "</textarea><img" not in body
    assert f'<td class="literal">{escape(HOSTILE)}</td>' in body
    state = PageState(text="x", error=f"query: {HOSTILE}")
    body = render_query_page(state, [], here.origins)
    assert f'role="alert">query: {escape(HOSTILE)}</p>' in body


def test_named_queries_become_options_and_fields() -> None:
    queries = list(named_queries().values())
    state = PageState(name="figures_about", values={"subject": 'Leeds" autofocus onfocus="x'}, text="q")
    body = render_query_page(state, queries, [])
    for query in queries:
        assert f'<option value="{query.name}" data-text="{escape(query.text)}"' in body
        assert f">{escape(query.question)}</option>" in body
    assert '<fieldset class="params" data-for="figures_about">' in body
    assert '<fieldset class="params" data-for="entity_sources" hidden disabled>' in body
    assert f'<input name="subject" value="{escape(state.values["subject"])}" required>' in body


def test_result_links_carry_the_query_or_the_name_and_parameters() -> None:
    typed = PageState(text="ASK { ?s ?p 'a&b' }", result=Result([], [], boolean=True))
    assert [label for label, _ in typed.links()] == ["CSV", "TSV", "JSON"]
    assert typed.links()[0][1] == "/sparql?query=ASK+%7B+%3Fs+%3Fp+%27a%26b%27+%7D&format=csv"
    named = PageState(
        name="entity_sources", values={"entity": "Leeds & co"}, result=Result([], [], graph=True)
    )
    assert named.links()[0] == ("Turtle", "/sparql?name=entity_sources&entity=Leeds+%26+co&format=ttl")
    assert PageState(text="x").links() == []


def test_no_named_query_parameter_clashes_with_a_protocol_key() -> None:
    names = {p.name for q in named_queries().values() for p in q.params}
    assert names and not names & RESERVED
