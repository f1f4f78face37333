"""The embedded and remote stores, export, validate (SHACL), the dataset description, the ontology files. Imports graph and below."""
