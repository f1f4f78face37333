"""The interactive HTML view: one self-contained file, offline, with untrusted text escaped."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment

from ..graph.vocab import PREFIXES
from ..resolve.reference import INSTITUTION_TYPES

if TYPE_CHECKING:
    import pyoxigraph

KINDS: dict[str, tuple[str, str]] = {
    "city": ("#1f6fb4", "dot"),
    "region": ("#7fb2e5", "hexagon"),
    "university": ("#d62728", "square"),
    "council": ("#2ca02c", "square"),
    "alliance": ("#9467bd", "star"),
    "institute": ("#e377c2", "square"),
    "government": ("#8c564b", "square"),
    "company": ("#b5b51d", "square"),
    "other": ("#9a9a9a", "square"),
    "person": ("#ff7f0e", "dot"),
    "post": ("#f5b971", "triangleDown"),
    "proposal": ("#17becf", "triangle"),
    "statistic": ("#5fb95f", "diamond"),
    "quote": ("#b39ddb", "hexagon"),
    "document": ("#4d4d4d", "diamond"),
    "declaration": ("#e6ab02", "star"),
}
"""Colour and vis-network shape for each kind of node, in legend order."""

EVIDENCE_MAX = 12
"""At most this many sentences per node in its panel; the panel says how many more there are."""
DOC_SELECT_MAX = 100
"""Up to this many documents the source filter is a drop-down list; above it, a search box."""
_BATCH = 400
"""IRIs per VALUES block when reading the details of the shown nodes."""


PHYSICS_MAX_NODES = 300
"""Above this many nodes the layout is computed in Python and physics stays off."""

LABEL_MAX = 40
LABEL_PX = 12
LABEL_FONT = 14
"""Label size in canvas units once zoomed in past the opening view."""
LABEL_HIDDEN = 1
"""Label size that stays under vis-network's draw threshold until the page chooses labels."""
"""On-screen size of the labels the page shows at its opening zoom."""
LABELS_AT_OPENING = 150
"""At most this many labels at the opening zoom, best-connected first, none overlapping."""
LABEL_AREA = 16000
"""Square pixels of canvas per label at the opening zoom: fewer labels on a smaller screen."""
_SPACING = 60.0
_URL_SCHEMES = ("http://", "https://")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_SCRIPT_END_RE = re.compile(r"</(script)", re.IGNORECASE)
_VIS_DIR = ("templates", "lib", "vis-9.1.2")


_TYPE_KINDS: dict[str, str] = {
    "https://example.org/corecities/ontology#SourceDocument": "document",
    "https://example.org/corecities/ontology#Declaration": "declaration",
    "https://example.org/corecities/ontology#StatisticalClaim": "statistic",
    "https://example.org/corecities/ontology#ClaimedCount": "statistic",
    "https://example.org/corecities/ontology#Proposal": "proposal",
    "https://schema.org/Quotation": "quote",
    "http://www.w3.org/ns/org#Post": "post",
    "https://schema.org/Person": "person",
    "http://www.w3.org/ns/org#Organization": "other",
    "https://schema.org/City": "city",
    "https://example.org/corecities/ontology#Region": "region",
    "https://schema.org/Country": "region",
    "https://schema.org/AdministrativeArea": "region",
}
"""RDF classes the view shows, most specific first: a node takes the first that matches."""

_LABEL_PREDICATES = (
    "https://schema.org/name",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
    "https://schema.org/text",
)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SAME_AS = {"http://www.w3.org/2002/07/owl#sameAs", "https://schema.org/sameAs"}
_SCHEMA_URL = "https://schema.org/url"
_CCG = PREFIXES["ccg"]
_ORGANISATION_KINDS = set(INSTITUTION_TYPES)
_INVERSES = {
    "http://www.w3.org/ns/org#heldBy",
    "http://www.w3.org/ns/org#memberOf",
    "https://example.org/corecities/ontology#proposedBy",
    "https://schema.org/spokenByCharacter",
    "https://schema.org/containedInPlace",
}
"""Relations that repeat another one backwards or twice: the view draws one arrow per pair."""
_HIDDEN_FACTS = {
    _RDF + "type",
    *_SAME_AS,
    _CCG + "contentHash",
    _CCG + "institutionType",
}


@dataclass(frozen=True)
class Evidence:
    """A sentence a fact came from, and the document it is in."""

    sentence: str
    document: str


@dataclass(frozen=True)
class ViewNode:
    """One node of the view with what its side panel shows."""

    id: str
    label: str
    kind: str
    facts: tuple[tuple[str, str], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    links: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    weight: float | None = None
    evidence_count: int = 0
    """Sentences known in all, when only some are in `evidence` (0: just those)."""


@dataclass(frozen=True)
class ViewEdge:
    """A named relation from one node to another."""

    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class ViewDocument:
    """A source document as the view names and links it."""

    id: str
    title: str
    url: str | None


def write_view(
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    documents: Sequence[ViewDocument],
    path: Path,
    *,
    title: str = "corecities-graph",
    total: int | None = None,
) -> None:
    """Write the self-contained interactive HTML view; atomic (temp file, then os.replace).

    `total` is how many resources there were to show, when `nodes` are only the most connected.
    """
    html = render_view(nodes, edges, documents, title=title, total=total)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(html.encode("utf-8"))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_view(
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    documents: Sequence[ViewDocument],
    *,
    title: str = "corecities-graph",
    total: int | None = None,
) -> str:
    """Return the view as one HTML string; the same input gives the same bytes."""
    unique: dict[str, ViewNode] = {}
    for node in sorted(nodes, key=lambda n: (n.id, repr(n))):
        unique.setdefault(node.id, node)
    ordered = list(unique.values())
    links = sorted(
        {e for e in edges if e.source in unique and e.target in unique},
        key=lambda e: (e.source, e.target, e.relation),
    )
    by_id: dict[str, ViewDocument] = {}
    for doc in sorted(documents, key=lambda d: (d.id, repr(d))):
        by_id.setdefault(doc.id, doc)
    cited = {d for n in ordered for d in n.documents} | {e.document for n in ordered for e in n.evidence}
    for missing in cited - by_id.keys():
        by_id[missing] = ViewDocument(missing, missing, None)
    docs = sorted(by_id.values(), key=lambda d: d.id)
    weights = _weights(ordered, links)
    physics = len(ordered) <= PHYSICS_MAX_NODES
    positions = _layout(ordered, weights)
    payload = _payload(ordered, links, docs, weights, positions, physics)
    data_json = _json_for_script(payload)
    template_dir = resources.files("corecities_graph.publish") / "templates"
    app_js = _script_safe((template_dir / "view.js").read_text(encoding="utf-8"))
    app_css = (template_dir / "view.css").read_text(encoding="utf-8")
    vis_js, vis_css = _vis_assets()
    counts = Counter(_kind(n) for n in ordered)
    legend = [
        {"kind": kind, "colour": colour, "shape": shape, "count": counts[kind]}
        for kind, (colour, shape) in KINDS.items()
        if counts[kind]
    ]
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string((template_dir / "view.html").read_text(encoding="utf-8"))
    return template.render(
        title=title,
        csp=csp,
        vis_js=vis_js,
        vis_css=vis_css,
        app_js=app_js,
        app_css=app_css,
        data_json=data_json,
        legend=legend,
        documents=docs,
        doc_select_max=DOC_SELECT_MAX,
        node_count=len(ordered),
        edge_count=len(links),
        capped=f"Showing {len(ordered):,} of {total:,} resources, the most connected."
        if total is not None and total > len(ordered)
        else "",
    )


def _kind(node: ViewNode) -> str:
    """The node's kind, or "other" for a kind the view does not know."""
    return node.kind if node.kind in KINDS else "other"


def _vis_assets() -> tuple[str, str]:
    """Read vis-network's script and stylesheet from the installed pyvis package."""
    import pyvis

    base = resources.files(pyvis).joinpath(*_VIS_DIR)
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    return _script_safe(js), css.replace("</", "<\\/")


def _script_safe(text: str) -> str:
    """Keep inlined script text from closing its own element."""
    return _SCRIPT_END_RE.sub(r"<\\/\1", text).replace("<!--", "<\\!--")


def _csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _json_for_script(value: Any) -> str:
    """JSON that cannot end its <script> element or break a JavaScript string."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _weights(nodes: Sequence[ViewNode], edges: Iterable[ViewEdge]) -> dict[str, float]:
    """Given weights where known, degree centrality otherwise."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge.source != edge.target:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    scale = max(len(nodes) - 1, 1)
    return {n.id: float(n.weight) if n.weight is not None else len(neighbours[n.id]) / scale for n in nodes}


def _layout(nodes: Sequence[ViewNode], weights: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Deterministic O(n) layout: one sunflower spiral per kind, the spirals on a ring."""
    groups: dict[str, list[ViewNode]] = defaultdict(list)
    for node in nodes:
        groups[_kind(node)].append(node)
    order = [k for k in KINDS if k in groups]
    radii = {k: _SPACING * math.sqrt(len(groups[k])) for k in order}
    ring = sum(2 * r + 2 * _SPACING for r in radii.values()) / (2 * math.pi)
    if len(order) == 1:
        ring = 0.0
    golden = math.pi * (3 - math.sqrt(5))
    positions: dict[str, tuple[float, float]] = {}
    angle = 0.0
    for kind in order:
        share = (2 * radii[kind] + 2 * _SPACING) / (2 * math.pi * ring) if ring else 0.0
        angle += share * math.pi
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        angle += share * math.pi
        members = sorted(groups[kind], key=lambda n: (-weights[n.id], n.label, n.id))
        for i, node in enumerate(members):
            r = _SPACING * math.sqrt(i + 0.5)
            positions[node.id] = (
                round(cx + r * math.cos(i * golden), 1),
                round(cy + r * math.sin(i * golden), 1),
            )
    return positions


def _short(text: str, limit: int = LABEL_MAX) -> str:
    """One line of at most `limit` characters, cut at a word where possible."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def _web_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: nothing else becomes a link."""
    if value and value.strip().lower().startswith(_URL_SCHEMES):
        return value.strip()
    return None


def _payload(
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    documents: Sequence[ViewDocument],
    weights: dict[str, float],
    positions: dict[str, tuple[float, float]],
    physics: bool,
) -> dict[str, Any]:
    """Assemble the network with pyvis and add what the panel and filters need."""
    from pyvis.network import Network

    net = Network(directed=True)
    net.node_ids = _IdList()
    info: dict[str, Any] = {}
    index = {d.id: i for i, d in enumerate(documents)}
    for node in nodes:
        kind = _kind(node)
        colour, shape = KINDS[kind]
        x, y = positions[node.id]
        net.add_node(
            node.id,
            label=_short(node.label) or node.id,
            shape=shape,
            color=colour,
            title=f"{node.label}\n({kind})",
            value=round(weights[node.id], 6),
            x=x,
            y=y,
            kind=kind,
            docs=sorted({index[d] for d in node.documents if d in index}),
        )
        evidence = sorted(set(node.evidence), key=lambda e: (e.document, e.sentence))
        info[node.id] = {
            "label": node.label,
            "facts": [list(f) for f in node.facts],
            "evidence": [[e.sentence, index[e.document]] for e in evidence[:EVIDENCE_MAX]],
            "more": max(node.evidence_count, len(evidence)) - min(len(evidence), EVIDENCE_MAX),
            "links": sorted({u for u in node.links if _web_url(u)}),
        }
    for i, edge in enumerate(edges):
        net.add_edge(edge.source, edge.target, id=f"e{i}", title=edge.relation, rel=edge.relation)
    net.options = _options(physics, len(nodes))
    vis_nodes, vis_edges, _heading, _height, _width, options = net.get_network_data()
    return {
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": json.loads(options),
        "info": info,
        "documents": [{"id": d.id, "title": d.title, "url": _web_url(d.url)} for d in documents],
        "kinds": {k: {"colour": c, "shape": s} for k, (c, s) in KINDS.items()},
        "physics": physics,
        "labels": {
            "px": LABEL_PX,
            "most": LABELS_AT_OPENING,
            "area": LABEL_AREA,
            "base": LABEL_FONT,
        },
    }


class _IdList(list[str]):
    """pyvis' list of node ids, with set-speed membership: its add_node/add_edge test it per call."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[str] = set()

    def append(self, item: str) -> None:
        self._members.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _options(physics: bool, count: int) -> dict[str, Any]:
    """vis-network options: physics only for small graphs, small labels hidden when zoomed out."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "font": {
                "size": LABEL_HIDDEN,
                "face": "system-ui, sans-serif",
                "color": "#1a1a1a",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1,
            "scaling": {
                "min": 8,
                "max": 32,
                "label": {"enabled": False, "maxVisible": 16, "drawThreshold": 8},
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
            "color": {
                "color": "#b9bec7" if physics else "rgba(150, 158, 170, 0.25)",
                "highlight": "#33383f",
                "hover": "#33383f",
            },
            "width": 1,
            "selectionWidth": 2,
            "hoverWidth": 0.5,
            "smooth": {"enabled": physics, "type": "continuous", "roundness": 0.3},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": count > PHYSICS_MAX_NODES,
            "hideEdgesOnZoom": count > PHYSICS_MAX_NODES,
            "navigationButtons": False,
            "keyboard": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.01,
                "springLength": 115,
                "springConstant": 0.05,
                "avoidOverlap": 0.8,
            },
            "stabilization": {"enabled": physics, "iterations": 400, "fit": True},
        },
    }


@dataclass(frozen=True)
class StoreView:
    """What the view shows of a store, and how many resources it could have shown."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    documents: list[ViewDocument]
    total: int


def view_from_store(store: pyoxigraph.Store, *, max_nodes: int | None = None) -> StoreView:
    """Read the graph (all named graphs, union) and return what the view shows.

    Oxigraph finds the distinct links between shown kinds of resource; only the `max_nodes`
    most connected resources (ties by IRI) are then read in full, in VALUES batches.
    """
    import pyoxigraph as ox

    kinds = _store_kinds(store)
    degree = _degrees(store, kinds)
    ranked = sorted(kinds, key=lambda iri: (-degree.get(iri, 0), iri))
    shown = sorted(ranked if max_nodes is None else ranked[:max_nodes])
    shown_set = set(shown)
    names = _predicate_labels(store)

    def relation(predicate: str) -> str:
        return names.get(predicate) or _local_label(predicate)

    literals: dict[str, list[tuple[str, str]]] = defaultdict(list)
    objects: list[tuple[str, str, str]] = []
    for batch in _batches(shown):
        for s, p, o in _terms(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {batch} ?s ?p ?o }}"):
            if isinstance(o, ox.Literal):
                literals[s.value].append((p.value, o.value))
            elif isinstance(o, ox.NamedNode):
                objects.append((s.value, p.value, o.value))
    others = sorted({o for _s, _p, o in objects if o not in shown_set})
    for batch in _batches(others):
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {batch} ?s ?p ?o FILTER isLiteral(?o) }}"
        for s, p, o in _rows(store, query):
            if p in _LABEL_PREDICATES:
                literals[s].append((p, o))
    for values in literals.values():
        values.sort()
    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    facts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    links: dict[str, set[str]] = defaultdict(set)
    for s, p, o in objects:
        if p in _INVERSES or (p in _HIDDEN_FACTS and p not in _SAME_AS):
            continue
        if p in _SAME_AS:
            if _web_url(o):
                links[s].add(o)
        elif o in shown_set:
            relations[(s, o)].add(relation(p))
        else:
            facts[s].add((relation(p), _first_label(literals.get(o, [])) or _local_label(o)))
    labels: dict[str, str] = {}
    for iri in shown:
        label, _used = _node_label(kinds[iri], literals.get(iri, []))
        labels[iri] = label or _local_label(iri)
        for p, o in literals.get(iri, []):
            if p in _HIDDEN_FACTS or (p in _LABEL_PREDICATES and o == labels[iri]):
                continue
            if p == _SCHEMA_URL and _web_url(o):
                links[iri].add(o)
            else:
                facts[iri].add((relation(p), o))
    doc_ids = {iri for iri, kind in kinds.items() if kind == "document"}
    mentions: dict[str, set[str]] = defaultdict(set)
    for batch in _batches(shown):
        query = f"SELECT DISTINCT ?s ?g WHERE {{ {batch} GRAPH ?g {{ ?s ?p ?o }} }}"
        for s, g in _rows(store, query):
            if g in doc_ids and s != g:
                mentions[s].add(g)
    evidence, counts = _store_evidence(store, shown)
    nodes = [
        ViewNode(
            id=iri,
            label=labels[iri],
            kind=kinds[iri],
            facts=tuple(sorted(facts.get(iri, set()))),
            evidence=evidence.get(iri, ()),
            links=tuple(sorted(links.get(iri, set()))),
            documents=tuple(sorted(mentions.get(iri, set()))),
            evidence_count=counts.get(iri, 0),
        )
        for iri in shown
    ]
    edges = [ViewEdge(s, o, ", ".join(sorted(r))) for (s, o), r in sorted(relations.items())]
    used = {d for n in nodes for d in n.documents} | {e.document for n in nodes for e in n.evidence}
    documents = [d for d in _store_documents(store, sorted(used))]
    return StoreView(nodes, edges, documents, len(kinds))


def _batches(iris: Sequence[str], variable: str = "s") -> Iterator[str]:
    """VALUES blocks of at most _BATCH IRIs each."""
    for start in range(0, len(iris), _BATCH):
        chunk = " ".join(f"<{iri}>" for iri in iris[start : start + _BATCH])
        yield f"VALUES ?{variable} {{ {chunk} }}"


def _degrees(store: pyoxigraph.Store, kinds: dict[str, str]) -> Counter[str]:
    """How many other shown-kind resources each one is linked to, either way.

    Oxigraph finds the distinct pairs (a handful per resource, however many graphs state them);
    only those pairs come back to Python.
    """
    types = " ".join(f"<{t}>" for t in _TYPE_KINDS)
    skipped = ", ".join(f"<{p}>" for p in sorted(_INVERSES | _SAME_AS | _HIDDEN_FACTS))
    query = f"""SELECT DISTINCT ?a ?b WHERE {{
        {{ SELECT DISTINCT ?a WHERE {{ VALUES ?t {{ {types} }} ?a a ?t FILTER isIRI(?a) }} }}
        ?a ?p ?b FILTER (isIRI(?b) && ?a != ?b && ?p NOT IN ({skipped}))
    }}"""
    pairs = set()
    for a, b in _rows(store, query):
        if b in kinds and a in kinds:
            pairs.add((a, b) if a < b else (b, a))
    degree: Counter[str] = Counter()
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    return degree


def _rows(store: pyoxigraph.Store, query: str) -> Iterable[tuple[Any, ...]]:
    """Run a SELECT over the union of all graphs; each row as plain strings (None if unbound)."""
    for row in _terms(store, query):
        yield tuple(None if term is None else term.value for term in row)


def _terms(store: pyoxigraph.Store, query: str) -> Iterable[tuple[Any, ...]]:
    """Run a SELECT over the union of all graphs; each row as RDF terms (None if unbound)."""
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in sorted(PREFIXES.items()))
    solutions = store.query(prologue + query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    for solution in solutions:  # type: ignore[union-attr]
        yield tuple(solution[n] for n in names)


def _store_kinds(store: pyoxigraph.Store) -> dict[str, str]:
    """Each resource the view shows, with its kind."""
    order = list(_TYPE_KINDS)
    types = " ".join(f"<{t}>" for t in _TYPE_KINDS)
    notations: dict[str, set[str]] = defaultdict(set)
    query = "SELECT DISTINCT ?s ?n WHERE { ?s ccg:institutionType ?t . ?t skos:notation ?n }"
    for s, notation in _rows(store, query):
        if notation in _ORGANISATION_KINDS:
            notations[s].add(notation)
    found: dict[str, tuple[int, str]] = {}
    for s, type_ in _rows(
        store, f"SELECT DISTINCT ?s ?type WHERE {{ VALUES ?type {{ {types} }} ?s a ?type FILTER isIRI(?s) }}"
    ):
        kind = _TYPE_KINDS[type_]
        if kind == "other" and notations.get(s):
            kind = min(notations[s])
        rank = order.index(type_)
        if s not in found or (rank, kind) < found[s]:
            found[s] = (rank, kind)
    return {s: kind for s, (_rank, kind) in found.items()}


def _store_documents(store: pyoxigraph.Store, iris: Sequence[str]) -> list[ViewDocument]:
    """These source documents with their title and web address."""
    found: list[ViewDocument] = []
    for batch in _batches(iris, "doc"):
        query = f"""SELECT ?doc (MIN(?t) AS ?title) (MIN(?u) AS ?url) WHERE {{
            {batch} ?doc a ccg:SourceDocument
            OPTIONAL {{ ?doc dcterms:title ?t }} OPTIONAL {{ ?doc schema:url ?u }}
        }} GROUP BY ?doc"""
        found += (
            ViewDocument(doc, title or _local_label(doc), url) for doc, title, url in _rows(store, query)
        )
    return sorted(found, key=lambda d: d.id)


def _store_evidence(
    store: pyoxigraph.Store, shown: Sequence[str]
) -> tuple[dict[str, tuple[Evidence, ...]], dict[str, int]]:
    """The first EVIDENCE_MAX sentences each shown resource, or a statement about it, was read
    from (by document, then text), and how many there are in all."""
    import heapq

    kept: dict[str, list[_Reversed]] = defaultdict(list)
    counts: Counter[str] = Counter()
    # One triple pattern per step, each from VALUES of what the step before found: Oxigraph
    # plans the whole chain in one query badly (it starts from every annotation in the store).
    bodies = _walk(store, shown, "?y oa:hasBody ?x")
    about: dict[str, set[str]] = defaultdict(set)
    for predicate in ("rdf:subject", "rdf:object", "ccg:signedBy", "ccg:signed"):
        for iri, found in _walk(store, shown, f"?y {predicate} ?x").items():
            for fact in found:
                about[fact].add(iri)
    for fact, found in _walk(store, sorted(about), "?y oa:hasBody ?x").items():
        for iri in about[fact]:
            bodies[iri].update(found)
    annotations = sorted({a for found in bodies.values() for a in found})
    targets = _walk(store, annotations, "?x oa:hasTarget ?y")
    target_ids = sorted({t for found in targets.values() for t in found})
    sources = _walk(store, target_ids, "?x oa:hasSource ?y")
    sentences = _walk(store, target_ids, "?x ccg:sentence ?y")
    texts = _walk(store, sorted({s for found in sentences.values() for s in found}), "?x nif:anchorOf ?y")
    for iri in sorted(bodies):
        pairs = {
            (doc, text)
            for annotation in bodies[iri]
            for target in targets.get(annotation, ())
            for doc in sources.get(target, ())
            for sentence in sentences.get(target, ())
            for text in texts.get(sentence, ())
        }
        counts[iri] = len(pairs)
        for doc, text in pairs:
            heap = kept[iri]
            if len(heap) < EVIDENCE_MAX:
                heapq.heappush(heap, _Reversed((doc, text)))
            elif (doc, text) < heap[0].key:
                heapq.heapreplace(heap, _Reversed((doc, text)))
    evidence = {
        iri: tuple(Evidence(text, doc) for doc, text in sorted(r.key for r in heap))
        for iri, heap in kept.items()
    }
    return evidence, dict(counts)


def _walk(store: pyoxigraph.Store, iris: Sequence[str], pattern: str) -> dict[str, set[str]]:
    """For each IRI bound to ?x, the values of ?y in `pattern`, read in VALUES batches."""
    found: dict[str, set[str]] = defaultdict(set)
    for batch in _batches(iris, "x"):
        for x, y in _rows(store, f"SELECT DISTINCT ?x ?y WHERE {{ {batch} {pattern} }}"):
            found[x].add(y)
    return found


class _Reversed:
    """A heap entry ordered backwards, so that heap[0] is the largest key kept."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[str, str]) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return other.key < self.key


def _predicate_labels(store: pyoxigraph.Store) -> dict[str, str]:
    """rdfs:label of properties, where the store holds the ontology."""
    # VALUES first: Oxigraph then reads the few property types, not every rdf:type in the store.
    query = """SELECT ?p (MIN(?l) AS ?label) WHERE {
        VALUES ?class { rdf:Property owl:ObjectProperty owl:DatatypeProperty }
        ?p a ?class ; rdfs:label ?l
        FILTER (lang(?l) = "" || langMatches(lang(?l), "en"))
    } GROUP BY ?p"""
    return {p: label for p, label in _rows(store, query) if label}


def _node_label(kind: str, values: Sequence[tuple[str, str]]) -> tuple[str, str | None]:
    """A readable name for a node and the predicate it came from (None if composed)."""
    if kind == "statistic":
        parts = {_local_name(p): o for p, o in values}
        amount = _amount(parts.get("value", ""), parts.get("unitText", ""))
        if "countOf" in parts:
            return f"{parts.get('value', '?')} {parts['countOf']}", None
        if amount:
            text = " ".join(x for x in (parts.get("qualifier"), amount) if x)
            if parts.get("period"):
                text += f" a {parts['period']}"
            return f"{parts.get('measure') or parts.get('subjectText', '')}: {text}".lstrip(": "), None
    for predicate in _LABEL_PREDICATES:
        for p, o in values:
            if p == predicate:
                return o, predicate
    return "", None


def _amount(value: str, unit: str) -> str:
    """A figure as people write it: 40%, £100,000,000,000, 6,500 people."""
    try:
        number = float(value)
    except ValueError:
        return " ".join(x for x in (value, unit) if x)
    text = f"{number:,.0f}" if number.is_integer() else f"{number:,}"
    if unit == "percent":
        return text + "%"
    symbol = {"GBP": "£", "USD": "$", "EUR": "€"}.get(unit)
    if symbol:
        return symbol + text
    return " ".join(x for x in (text, unit) if x and x != "count")


def _local_name(iri: str) -> str:
    """The last segment of an IRI."""
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _first_label(values: Sequence[tuple[str, str]]) -> str:
    """The first name-like literal among a resource's values."""
    return _node_label("", values)[0]


def _local_label(iri: str) -> str:
    """Words from the last segment of an IRI: memberCity -> member city."""
    tail = _local_name(iri)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", tail).replace("-", " ").lower() or iri
