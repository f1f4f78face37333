"""corecities-graph: press releases about cities and universities as an RDF knowledge graph."""

__version__ = "0.1.0"

__all__ = ["__version__"]
