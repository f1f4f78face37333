"""corecities-graph: press releases about cities and universities as an RDF knowledge graph."""

from ._version import __version__
from .api import analyse, build, explain, export, query, validate

__all__ = ["__version__", "analyse", "build", "explain", "export", "query", "validate"]
