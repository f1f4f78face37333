"""Serialisations of the store, written atomically and in a stable order."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .vocab import PREFIXES


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _key(term: object) -> tuple[int, str]:
    kind = 0 if isinstance(term, ox.NamedNode) else 1 if isinstance(term, ox.BlankNode) else 2
    return kind, str(term)


def sorted_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The union of all graphs as distinct triples, sorted."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(triples, key=lambda t: (_key(t.subject), _key(t.predicate), _key(t.object)))


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    return sorted(
        quads,
        key=lambda q: (_key(q.graph_name), _key(q.subject), _key(q.predicate), _key(q.object)),
    )


def serialise(quads: Iterable[ox.Quad], fmt: ox.RdfFormat) -> bytes:
    """Bytes of the dataset in one RDF format; graph formats get the union of all graphs."""
    items: list[ox.Quad] | list[ox.Triple]
    items = sorted_quads(quads) if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS) else sorted_triples(quads)
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    try:
        data = ox.serialize(items, format=fmt, prefixes=prefixes)
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot serialise the graph: {exc}") from exc
    assert data is not None
    return data


def write_dumps(quads: list[ox.Quad], out: Path) -> list[Path]:
    """graph.ttl (all triples) and graph.trig (one named graph per source)."""
    written = []
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.trig", ox.RdfFormat.TRIG)):
        path = out / name
        write_atomic(path, serialise(quads, fmt))
        written.append(path)
    return written
