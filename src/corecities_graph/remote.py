"""A remote store: any server speaking the SPARQL 1.1 Protocol and the Graph Store Protocol.

A document's named graph is replaced with one Graph Store Protocol PUT, so the server holds the
old graph or the new one, never half of it. Queries and updates go to the SPARQL endpoints.
HTTP goes through the standard library's urllib: the protocol needs a handful of POST, PUT and
DELETE requests with two headers, which does not justify a dependency.

Credentials come from CORECITIES_STORE_TOKEN (a bearer token), or CORECITIES_STORE_USER and
CORECITIES_STORE_PASSWORD (basic), or the user's ~/.netrc entry for the host; never from the
command line, where other users could read them.
"""

from __future__ import annotations

import base64
import json
import netrc
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .store import STAGING, GraphStore
from .vocab import CCG, PREFIXES

NT = "application/n-triples"
SPARQL_JSON = "application/sparql-results+json"


class RemoteStore:
    """A SPARQL server: <url>/query, <url>/update and the Graph Store at <url>/store (Oxigraph's layout)."""

    def __init__(
        self,
        url: str,
        *,
        query_path: str = "query",
        update_path: str = "update",
        store_path: str = "store",
        attempts: int = 5,
        backoff: float = 0.25,
        timeout: float = 60.0,
    ) -> None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise StoreError(f"{url}: not an http(s) URL of a SPARQL server")
        self.location = url.rstrip("/")
        self.query_url = f"{self.location}/{query_path}"
        self.update_url = f"{self.location}/{update_path}"
        self.store_url = f"{self.location}/{store_path}"
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        self._auth = _credentials(parsed.hostname or "")

    # The operations a build, `status`, `remove` and `query` need.

    def content_hash(self, graph: ox.NamedNode) -> str | None:
        rows = self.select(
            f"SELECT ?h WHERE {{ GRAPH {graph} {{ {graph} <{CCG.contentHash}> ?h }} }} LIMIT 1"
        )
        return rows[0]["h"].removeprefix("sha256:") if rows else None

    def write_document(
        self, graph: ox.NamedNode, triples: bytes, links: ox.NamedNode, link_triples: bytes
    ) -> None:
        if link_triples:
            self._request("POST", self._graph_url(links), link_triples, {"Content-Type": NT})
        self.put_graph(graph, triples)

    def put_graph(self, graph: ox.NamedNode, triples: bytes) -> None:
        """Replace one named graph with N-Triples in a single request."""
        self._request("PUT", self._graph_url(graph), triples, {"Content-Type": NT})

    def select(self, query: str) -> list[dict[str, str]]:
        data = self._request(
            "POST", self.query_url, _form(query=query), {"Content-Type": _FORM, "Accept": SPARQL_JSON}
        )
        try:
            answer = json.loads(data)
            names = answer["head"]["vars"]
            return [{n: b.get(n, {}).get("value", "") for n in names} for b in answer["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.query_url}: unreadable answer from the server: {exc}") from exc

    def update(self, update: str) -> None:
        self._request("POST", self.update_url, _form(update=update), {"Content-Type": _FORM})

    def run(self, text: str, *, update: bool = False) -> object:
        """A user's query over the union of all graphs, as pyoxigraph results (like the embedded store)."""
        text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + text
        if update:
            self.update(text)
            return None
        data, kind = self._request_typed(
            "POST",
            self.query_url,
            _form(query=text, **{"union-default-graph": ""}),
            {"Content-Type": _FORM, "Accept": f"{SPARQL_JSON}, {NT};q=0.9"},
        )
        if kind.startswith(NT):
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    # HTTP with retries.

    def _graph_url(self, graph: ox.NamedNode) -> str:
        return f"{self.store_url}?{urllib.parse.urlencode({'graph': graph.value})}"

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> bytes:
        return self._request_typed(method, url, body, headers)[0]

    def _request_typed(
        self, method: str, url: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[bytes, str]:
        headers = dict(headers)
        if self._auth:
            headers["Authorization"] = self._auth
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            request = urllib.request.Request(url, data=body, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read(), response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                detail = exc.read().decode("utf-8", "replace").strip().splitlines()
                problem = f"HTTP {exc.code} {exc.reason}" + (f": {detail[0][:200]}" if detail else "")
                if exc.code < 500:
                    raise StoreError(f"{self.location}: the server refused {method}: {problem}") from exc
            except (urllib.error.URLError, OSError) as exc:
                problem = str(getattr(exc, "reason", exc))
            if attempt == self.attempts:
                break
            time.sleep(delay)
            delay *= 2
        raise StoreError(
            f"{self.location}: server unreachable after {self.attempts} attempts ({problem}); "
            "check that it is running and the URL is right"
        )


_FORM = "application/x-www-form-urlencoded"


def _form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode("ascii")


def _credentials(host: str) -> str | None:
    """An Authorization header value from the environment or ~/.netrc, if any."""
    token = os.environ.get("CORECITIES_STORE_TOKEN")
    if token:
        return f"Bearer {token}"
    user = os.environ.get("CORECITIES_STORE_USER")
    password = os.environ.get("CORECITIES_STORE_PASSWORD", "")
    if not user:
        try:
            entry = netrc.netrc().authenticators(host)
        except (OSError, netrc.NetrcParseError):
            entry = None
        if entry is None:
            return None
        user, _, password = entry[0], entry[1], entry[2] or ""
    pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {pair}"


def push(out: Path, remote: RemoteStore, *, progress: Callable[[int, int, str], None] | None = None) -> int:
    """Upload every named graph of the embedded store in `out`, one PUT each; returns the count."""
    store = GraphStore.open(out, read_only=True)
    graphs = [g for g in store.oxigraph.named_graphs() if isinstance(g, ox.NamedNode) and g != STAGING]
    graphs.sort(key=lambda g: g.value)
    for done, graph in enumerate(graphs, start=1):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.oxigraph.quads_for_pattern(None, None, None, graph)
        ]
        remote.put_graph(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        if progress:
            progress(done, len(graphs), graph.value)
    return len(graphs)


def open_store(out: Path, url: str | None, *, read_only: bool = False) -> GraphStore | RemoteStore:
    """The remote store at `url` when one is given, else the embedded store in `out`."""
    if url:
        return RemoteStore(url)
    return GraphStore.open(out, read_only=read_only)
