"""corecities-graph: press releases about cities and universities as an RDF knowledge graph."""

from ._version import __version__

__all__ = ["__version__"]
