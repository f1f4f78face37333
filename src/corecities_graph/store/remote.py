"""A remote store: any server speaking the SPARQL 1.1 Protocol and the Graph Store Protocol.

A server has three endpoints: SPARQL query, SPARQL update and the Graph Store. Their URLs are
given one by one, or derived from one base URL by the server's layout (Oxigraph's by default).
A document's named graph is replaced with one Graph Store Protocol PUT, so the server holds the
old graph or the new one, never half of it. HTTP goes through the standard library's urllib:
the protocol needs a handful of POST and PUT requests with two headers, which does not justify
a dependency.

Credentials come from CORECITIES_STORE_TOKEN (a bearer token), or CORECITIES_STORE_USER and
CORECITIES_STORE_PASSWORD, or the user's ~/.netrc entry for the host; never from the command line,
where other users could read them. A user and password go as HTTP Basic until the server asks
for HTTP Digest (Virtuoso's authenticated endpoints do), and as Digest to that host from then on.
"""

from __future__ import annotations

import base64
import hashlib
import json
import netrc
import os
import re
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from ..graph.vocab import CCG, PREFIXES
from .embedded import STAGING, GraphStore

NT = "application/n-triples"
SPARQL_JSON = "application/sparql-results+json"
SPARQL_UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class Layout:
    """Where one kind of server puts its three endpoints, as paths below a base URL."""

    query: str
    update: str
    data: str
    # Request parameters that make the default graph the union of all named graphs. The other
    # servers do that by default (GraphDB, Virtuoso, Neptune) or by dataset configuration (Fuseki).
    union: tuple[tuple[str, str], ...] = ()


LAYOUTS: dict[str, Layout] = {
    "oxigraph": Layout("query", "update", "store", union=(("union-default-graph", ""),)),
    "fuseki": Layout("query", "update", "data"),
    "graphdb": Layout("", "statements", "rdf-graphs/service"),
    # Virtuoso's anonymous /sparql reads; writes go to its endpoints that ask for a user (Digest).
    "virtuoso": Layout("sparql", "sparql-auth", "sparql-graph-crud-auth"),
    "neptune": Layout("sparql", "sparql", "sparql/gsp/"),
}

# What each endpoint is called in messages; the option that sets it is --store-ROLE.
ROLES = {"query": "SPARQL query", "update": "SPARQL update", "data": "Graph Store"}


@dataclass(frozen=True)
class Endpoints:
    """The three endpoint URLs of a server; None for one that was not given and cannot be derived."""

    query: str | None
    update: str | None
    data: str | None
    layout: str = "oxigraph"
    base: str | None = None
    # The roles whose URL came from the base and the layout rather than being given.
    derived: frozenset[str] = field(default_factory=frozenset)

    @property
    def location(self) -> str:
        """How the store is named to the user: the base URL, else the first endpoint given."""
        return self.base or next(url for url in (self.query, self.update, self.data) if url)

    def as_dict(self) -> dict[str, str | None]:
        return {"query": self.query, "update": self.update, "data": self.data}


def endpoints(
    base: str | None = None,
    layout: str = "oxigraph",
    *,
    query: str | None = None,
    update: str | None = None,
    data: str | None = None,
) -> Endpoints:
    """The endpoints of a server: each one given, else derived from `base` by `layout`."""
    if layout not in LAYOUTS:
        raise StoreError(f"{layout}: unknown store layout (one of {', '.join(LAYOUTS)})")
    given = {"query": query, "update": update, "data": data}
    for url in (base, *given.values()):
        if url is not None:
            _check_url(url)
    if base is None and not any(given.values()):
        raise StoreError(
            "no remote store: give --store URL, or the endpoint URLs with --store-query, "
            "--store-update and --store-data"
        )
    urls: dict[str, str | None] = dict(given)
    derived = set()
    if base is not None:
        base = base.rstrip("/")
        paths = LAYOUTS[layout]
        for role in ROLES:
            if urls[role] is None:
                path = getattr(paths, role)
                urls[role] = f"{base}/{path}" if path else base
                derived.add(role)
    return Endpoints(
        urls["query"], urls["update"], urls["data"], layout=layout, base=base, derived=frozenset(derived)
    )


def _check_url(url: str) -> None:
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise StoreError(f"{url}: not an http(s) URL of a SPARQL server")


class RemoteStore:
    """A SPARQL server reached through its query, update and Graph Store endpoints."""

    def __init__(
        self,
        server: str | Endpoints,
        *,
        attempts: int = 5,
        backoff: float = 0.25,
        timeout: float = 60.0,
    ) -> None:
        self.endpoints = endpoints(server) if isinstance(server, str) else server
        self.location = self.endpoints.location
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        self._auth: dict[str, _Credentials | None] = {}

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
            self._request("data", "POST", self.graph_url(links), link_triples, {"Content-Type": NT})
        self.put_graph(graph, triples)

    def put_graph(self, graph: ox.NamedNode, triples: bytes) -> None:
        """Replace one named graph with N-Triples in a single request."""
        self._request("data", "PUT", self.graph_url(graph), triples, {"Content-Type": NT})

    def select(self, query: str) -> list[dict[str, str]]:
        url = self._url("query")
        data = self._request(
            "query", "POST", url, _form(query=query), {"Content-Type": _FORM, "Accept": SPARQL_JSON}
        )
        try:
            answer = json.loads(data)
            names = answer["head"]["vars"]
            return [{n: b.get(n, {}).get("value", "") for n in names} for b in answer["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{url}: unreadable answer from the server: {exc}") from exc

    def update(self, update: str) -> None:
        self._request(
            "update", "POST", self._url("update"), update.encode("utf-8"), {"Content-Type": SPARQL_UPDATE}
        )

    def run(self, text: str, *, update: bool = False) -> object:
        """A user's query over the union of all graphs, as pyoxigraph results (like the embedded store)."""
        text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + text
        if update:
            self.update(text)
            return None
        union = dict(LAYOUTS[self.endpoints.layout].union)
        data, kind = self._request_typed(
            "query",
            "POST",
            self._url("query"),
            _form(query=text, **union),
            {"Content-Type": _FORM, "Accept": f"{SPARQL_JSON}, {NT};q=0.9"},
        )
        if kind.startswith(NT):
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def graph_url(self, graph: ox.NamedNode | str) -> str:
        """The Graph Store URL of one named graph (indirect identification: ?graph=IRI)."""
        url = self._url("data")
        iri = graph.value if isinstance(graph, ox.NamedNode) else graph
        return f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode({'graph': iri})}"

    # HTTP with retries.

    def _url(self, role: str) -> str:
        url: str | None = getattr(self.endpoints, role)
        if url is None:
            raise StoreError(
                f"{self.location}: no {ROLES[role]} endpoint given; set it with --store-{role} URL "
                "(or give --store URL and --store-layout to derive all three)"
            )
        return url

    def authorization(self, url: str, method: str = "GET") -> str | None:
        """The Authorization header for a request to `url`, if credentials are set for its host."""
        credentials = self._credentials(url)
        return credentials.header(method, url) if credentials else None

    def _credentials(self, url: str) -> _Credentials | None:
        host = urllib.parse.urlsplit(url).hostname or ""
        if host not in self._auth:
            self._auth[host] = _credentials(host)
        return self._auth[host]

    def _request(
        self, role: str, method: str, url: str, body: bytes | None, headers: dict[str, str]
    ) -> bytes:
        return self._request_typed(role, method, url, body, headers)[0]

    def _request_typed(
        self, role: str, method: str, url: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[bytes, str]:
        endpoint = getattr(self.endpoints, role) or url  # named in messages without the ?graph=
        credentials = self._credentials(url)
        delay = self.backoff
        answered = False
        attempt = 0
        challenged = bare = False
        while attempt < self.attempts:
            attempt += 1
            sent = dict(headers)
            if credentials and not bare:
                sent["Authorization"] = credentials.header(method, url)
            request = urllib.request.Request(url, data=body, headers=sent, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    _refuse_cut_answer(endpoint, response.headers)
                    return response.read(), response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                answered = True
                problem = f"HTTP {exc.code} {exc.reason}" + _detail(
                    exc.read(), exc.headers.get("Content-Type", "")
                )
                challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
                if credentials and not challenged and credentials.challenged(challenge):
                    # A Digest server's first answer is its challenge: answer it once, at once.
                    challenged, bare = True, False
                    attempt -= 1
                    continue
                if exc.code == 401 and credentials and credentials.digest is None and not bare:
                    # Virtuoso answers Basic with a bare 401: ask again without it to hear the challenge.
                    bare = True
                    attempt -= 1
                    continue
                if exc.code == 401:
                    raise StoreError(
                        f"{endpoint}: the server refused {method}: {problem}; "
                        + (
                            "check the user and password set for this host"
                            if credentials
                            else "set CORECITIES_STORE_USER and CORECITIES_STORE_PASSWORD "
                            "(or CORECITIES_STORE_TOKEN) for a user with write rights"
                        )
                    ) from exc
                if exc.code in (404, 405, 415):
                    raise StoreError(self._not_here(role, endpoint, problem)) from exc
                if exc.code < 500:
                    raise StoreError(f"{endpoint}: the server refused {method}: {problem}") from exc
                if exc.code not in _TRANSIENT:
                    # An error the server ran into (Virtuoso answers 500 to a query it cannot
                    # compile): asking again gets the same answer.
                    raise StoreError(f"{endpoint}: the server failed {method}: {problem}") from exc
            except (urllib.error.URLError, OSError) as exc:
                answered = False
                problem = str(getattr(exc, "reason", exc))
            if attempt == self.attempts:
                break
            time.sleep(delay)
            delay *= 2
        if answered:
            raise StoreError(f"{endpoint}: the server failed {method} {self.attempts} times ({problem})")
        raise StoreError(
            f"{endpoint}: server unreachable after {self.attempts} attempts ({problem}); "
            "check that it is running and the URL is right"
        )

    def _not_here(self, role: str, url: str, problem: str) -> str:
        """The message for a URL that is not the endpoint it was meant to be (404, 405 or 415)."""
        said = f"{url}: not a {ROLES[role]} endpoint ({problem}); "
        if role in self.endpoints.derived:
            return said + (
                f"this URL is the base URL with the {self.endpoints.layout} layout's path: give the "
                f"right one with --store-{role} URL, or the server's --store-layout ({', '.join(LAYOUTS)})"
            )
        return said + f"check the URL given with --store-{role}"


_FORM = "application/x-www-form-urlencoded"
# Answers that say the server or a proxy before it is busy or restarting: worth another try.
_TRANSIENT = (502, 503, 504)


def _refuse_cut_answer(endpoint: str, headers: Message) -> None:
    """Virtuoso stops a result at its ResultSetMaxRows and says so only in a header: an answer
    cut there is not the answer, and rows silently missing from a table are worse than an error."""
    cap = headers.get("X-SPARQL-MaxRows")
    if cap:
        raise StoreError(
            f"{endpoint}: the server cut its answer at {cap} rows (Virtuoso's ResultSetMaxRows); "
            "raise ResultSetMaxRows in the [SPARQL] section of its virtuoso.ini"
        )


def _form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode("ascii")


def _detail(body: bytes, content_type: str) -> str:
    """What an error answer says, in one short line: the first line of text, or of an HTML page
    the last line of its text (Virtuoso's pages put the title first and the error last)."""
    text = body.decode("utf-8", "replace")
    if "html" in content_type or text.lstrip().startswith("<"):
        lines = [line.strip() for line in re.sub(r"<[^>]*>", "\n", text).splitlines() if line.strip()]
        line = lines[-1] if lines else ""
    else:
        line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return f": {line[:200]}" if line else ""


@dataclass
class _Credentials:
    """A bearer token, or a user and password sent as Basic until a server asks for Digest."""

    token: str | None = None
    user: str = ""
    password: str = ""
    digest: dict[str, str] | None = None
    count: int = 0

    def header(self, method: str, url: str) -> str:
        if self.token:
            return f"Bearer {self.token}"
        if self.digest is None:
            pair = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {pair}"
        self.count += 1
        return _digest_header(self.digest, self.user, self.password, method, url, self.count)

    def challenged(self, challenge: str) -> bool:
        """Take a Digest challenge; False when there is none, or it cannot be answered better."""
        if self.token or not challenge.lower().startswith("digest "):
            return False
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(challenge[7:]))
        if "nonce" not in fields or fields.get("algorithm", "MD5").upper() not in _DIGESTS:
            return False
        if self.digest is not None and fields["nonce"] == self.digest["nonce"]:
            return False  # the same nonce refused again: the password itself is wrong
        self.digest, self.count = fields, 0
        return True


_DIGESTS = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


def _digest_header(
    challenge: dict[str, str], user: str, password: str, method: str, url: str, count: int
) -> str:
    """An HTTP Digest answer (RFC 7616) to a server's challenge, for one request."""
    algorithm = challenge.get("algorithm", "MD5").upper()

    def h(text: str) -> str:
        return _DIGESTS[algorithm](text.encode("utf-8")).hexdigest()

    parts = urllib.parse.urlsplit(url)
    uri = parts.path + (f"?{parts.query}" if parts.query else "")
    realm, nonce = challenge.get("realm", ""), challenge["nonce"]
    secret, said = h(f"{user}:{realm}:{password}"), h(f"{method}:{uri}")
    fields = {"username": user, "realm": realm, "nonce": nonce, "uri": uri}
    if "auth" in [q.strip() for q in challenge.get("qop", "").split(",")]:
        cnonce, nc = secrets.token_hex(8), f"{count:08x}"
        fields |= {"cnonce": cnonce, "response": h(f"{secret}:{nonce}:{nc}:{cnonce}:auth:{said}")}
        extra = f", qop=auth, nc={nc}"
    else:
        fields["response"] = h(f"{secret}:{nonce}:{said}")
        extra = ""
    if "opaque" in challenge:
        fields["opaque"] = challenge["opaque"]
    quoted = ", ".join(f'{k}="{v}"' for k, v in fields.items())
    return f"Digest {quoted}, algorithm={algorithm}{extra}"


def _credentials(host: str) -> _Credentials | None:
    """The credentials for a host from the environment or ~/.netrc, if any."""
    token = os.environ.get("CORECITIES_STORE_TOKEN")
    if token:
        return _Credentials(token=token)
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
    return _Credentials(user=user, password=password)


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


def open_store(
    out: Path, server: str | Endpoints | None, *, read_only: bool = False
) -> GraphStore | RemoteStore:
    """The remote store when one is given (a base URL or its endpoints), else the embedded store in `out`."""
    if server:
        return RemoteStore(server)
    return GraphStore.open(out, read_only=read_only)
