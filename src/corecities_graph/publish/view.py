"""The interactive HTML view: one self-contained file, offline, with untrusted text escaped.

What it shows is read from the store in `view_data`; the names are imported here so that
`view` stays the one module callers use.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment

from .view_data import (  # noqa: F401 (re-exported: callers use `view` alone)
    EVIDENCE_DOCUMENTS,
    EVIDENCE_MAX,
    Evidence,
    StoreView,
    ViewDocument,
    ViewEdge,
    ViewNode,
    _web_url,
    view_from_store,
)

if TYPE_CHECKING:
    pass

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

DOC_SELECT_MAX = 100
"""Up to this many documents the source filter is a drop-down list; above it, a search box."""


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
            "unread": node.unread,
            "bound": _evidence_bound(node),
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


def _evidence_bound(node: ViewNode) -> str:
    """The panel's sentence when only a node's first documents were read for its sentences."""
    if not node.unread:
        return ""
    read = EVIDENCE_DOCUMENTS
    return (
        f"Sentences were read from the first {read} of the {read + node.unread:,} documents that "
        "name it, so the count above covers those documents only."
    )


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
