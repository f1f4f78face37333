"""Extraction: Document -> facts with character spans. No rdflib here; imports only core and resolve."""

from .facts import Extraction
from .pipeline import extract

__all__ = ["Extraction", "extract"]
