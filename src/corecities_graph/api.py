"""The public functions: one call per thing the command line does, over an output folder.

Each takes plain values (paths, names, strings) and calls one stage; the stages' own types come
back as results. Imports happen inside the functions, so `import corecities_graph` stays light.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .graph.vocab import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    from .corpus.build import BuildResult
    from .network.analyse import Analysis
    from .network.explain import Explanation
    from .stages import Observer
    from .store.validate import Report


def build(
    paths: Sequence[Path],
    out: Path,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    reference_dir: Path | None = None,
    stages: Observer | None = None,
) -> BuildResult:
    """Build or update the graph in OUT from files and folders, and write its outputs; `stages`
    hears each stage start, advance and end (corecities_graph.stages)."""
    from .corpus.build import BuildSettings
    from .corpus.build import build as run

    settings = BuildSettings(out=out, base_iri=base_iri, reference_dir=reference_dir)
    return run(list(paths), settings, stages=stages)


def query(
    out: Path, query: str, params: Mapping[str, str] | None = None
) -> tuple[list[str], list[list[str]]]:
    """Run a named query (or SPARQL text) read-only over the graph in OUT: its header and rows."""
    from .sparql.formats import rows
    from .sparql.query import bind_params, named_queries, run_named, run_query
    from .store.embedded import GraphStore

    store = GraphStore.open(out, read_only=True)
    named = named_queries().get(query)
    if named is None:
        return rows(run_query(store, "query", query))
    substitutions = bind_params(store, named, dict(params or {}))
    return rows(run_named(store, named, substitutions=substitutions))


def analyse(out: Path) -> Analysis:
    """Centralities, communities, city ties and components of the entity graph in OUT."""
    from .network.analyse import analyse as run
    from .store.embedded import GraphStore

    return run(GraphStore.open(out, read_only=True))


def explain(out: Path, first: str, second: str, *, max_paths: int = 5) -> Explanation:
    """How FIRST and SECOND are connected in the graph in OUT, with the sentences behind each hop."""
    from .network.explain import explain as run
    from .store.embedded import GraphStore

    return run(GraphStore.open(out, read_only=True), first, second, max_paths=max_paths)


def export(out: Path, fmt: str, target: Path) -> list[Path]:
    """Write the graph in OUT to TARGET in one format (ttl, jsonld, nt, nq, trig, rdfxml, graphml, csv)."""
    from .store.embedded import GraphStore
    from .store.export import export_files

    return export_files(GraphStore.open(out, read_only=True), fmt, target)


def validate(source: Path) -> Report:
    """Check the graph in SOURCE (an output folder, or an RDF file) against the SHACL shapes."""
    from .store.embedded import GraphStore
    from .store.validate import validate_file, validate_store

    if source.is_file():
        return validate_file(source)
    return validate_store(GraphStore.open(source, read_only=True))
