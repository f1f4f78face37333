"""HTTP: entity pages, /sparql, the query page. Imports publish and below."""
