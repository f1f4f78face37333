"""Helpers the extraction tests share: extract a hand-made text, and its people as comparable sets."""

from __future__ import annotations

from corecities_graph.document import Document
from corecities_graph.extract import Extraction, extract
from corecities_graph.resolve.reference import Reference

People = dict[str, tuple[str | None, set[tuple[str, str | None]]]]


def run(text: str, reference: Reference, publisher: str | None = None) -> Extraction:
    return extract(Document(doc_id="t", text=text, publisher=publisher), reference)


def people_of(text: str, reference: Reference, publisher: str | None = None) -> People:
    """Each person's honorific and (role, organisation) posts, over all their mentions."""
    found: People = {}
    for person in run(text, reference, publisher).people:
        honorific, roles = found.setdefault(person.name, (person.honorific, set()))
        roles.update((r.role, r.org) for r in person.roles)
        if honorific is None and person.honorific:
            found[person.name] = (person.honorific, roles)
    return found
