"""Errors the library raises; the CLI turns each into one `Error:` line."""

from __future__ import annotations


class CorecitiesError(Exception):
    """Something failed in a way the user can act on; the message says what and where."""


class InputError(CorecitiesError):
    """A source document cannot be read: missing, empty, binary, too large or malformed."""


class QueryError(CorecitiesError):
    """A SPARQL query is unknown, malformed, refused or timed out."""


class StoreError(CorecitiesError):
    """The triple store cannot be opened, read or written."""


class ShapesError(CorecitiesError):
    """The graph does not conform to the SHACL shapes."""
