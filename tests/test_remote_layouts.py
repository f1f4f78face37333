"""Where a remote store's endpoints are: derived from a base URL by a server layout, or given one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corecities_graph.cli import cli
from corecities_graph.cli.options import STORE_LAYOUTS
from corecities_graph.errors import StoreError
from corecities_graph.store.remote import LAYOUTS, RemoteStore, endpoints

BASES = {
    "oxigraph": "http://127.0.0.1:7878",
    "fuseki": "http://127.0.0.1:3030/corecities",
    "graphdb": "http://127.0.0.1:7200/repositories/corecities",
    "virtuoso": "http://127.0.0.1:8890",
    "neptune": "https://db.example.org:8182",
}


@pytest.mark.parametrize(
    ("layout", "query", "update", "data"),
    [
        ("oxigraph", "/query", "/update", "/store"),
        ("fuseki", "/query", "/update", "/data"),
        ("graphdb", "", "/statements", "/rdf-graphs/service"),
        ("virtuoso", "/sparql", "/sparql-auth", "/sparql-graph-crud-auth"),
        ("neptune", "/sparql", "/sparql", "/sparql/gsp/"),
    ],
)
def test_each_layout_derives_the_three_endpoints(layout: str, query: str, update: str, data: str) -> None:
    base = BASES[layout]
    for given in (base, base + "/"):
        found = endpoints(given, layout)
        assert (found.query, found.update, found.data) == (base + query, base + update, base + data)
        assert found.location == base and found.derived == {"query", "update", "data"}


def test_the_cli_offers_every_layout_the_library_knows() -> None:
    assert tuple(LAYOUTS) == STORE_LAYOUTS


def test_an_endpoint_given_wins_over_the_layout() -> None:
    found = endpoints(BASES["fuseki"], "fuseki", data="http://127.0.0.1:3030/corecities/gsp")
    assert found.data == "http://127.0.0.1:3030/corecities/gsp"
    assert found.query == "http://127.0.0.1:3030/corecities/query"
    assert found.derived == {"query", "update"}


def test_endpoints_without_a_base_leave_the_others_unset() -> None:
    found = endpoints(query="http://127.0.0.1:8890/sparql")
    assert (found.update, found.data, found.location) == (None, None, "http://127.0.0.1:8890/sparql")
    assert found.derived == frozenset()


def test_graph_store_urls_identify_the_graph_indirectly() -> None:
    store = RemoteStore(endpoints(BASES["neptune"], "neptune"))
    assert store.graph_url("https://example.org/id/document/a b#x") == (
        "https://db.example.org:8182/sparql/gsp/?graph=https%3A%2F%2Fexample.org%2Fid%2Fdocument%2Fa+b%23x"
    )
    with_parameters = RemoteStore(endpoints(data="http://127.0.0.1:9999/gsp?repository=cc"))
    assert with_parameters.graph_url("urn:x:g") == "http://127.0.0.1:9999/gsp?repository=cc&graph=urn%3Ax%3Ag"


def test_a_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(StoreError, match=r"ftp://example\.org: not an http"):
        endpoints("ftp://example.org")
    with pytest.raises(StoreError, match="unknown store layout"):
        endpoints(BASES["oxigraph"], "blazing")


@pytest.mark.parametrize("option", ["--store", "--store-query", "--store-update", "--store-data"])
def test_a_bad_url_on_the_command_line_is_one_error_line(option: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["status", option, "example.org/sparql", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: example.org/sparql: not an http(s) URL of a SPARQL server"
    ]


def test_push_needs_a_server(seed_out: Path) -> None:
    result = CliRunner().invoke(cli, ["push", "--out", str(seed_out)])
    assert result.exit_code == 2
    assert (
        result.output.strip().splitlines()[-1]
        == "Error: give the server: --endpoint URL, or --store-data URL"
    )


def test_status_json_names_the_store_folder_for_each_document(seed_out: Path) -> None:
    result = CliRunner().invoke(cli, ["status", "--out", str(seed_out), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["store"] == str(seed_out / "store")
    assert "endpoints" not in report
    assert [d["path"] for d in report["documents"]] == [str(seed_out / "store")] * len(report["documents"])
    assert report["documents"]
