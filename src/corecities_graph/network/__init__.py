"""RDF -> networkx projections and metrics (analyse), paths between entities (explain). Imports sparql and below."""
