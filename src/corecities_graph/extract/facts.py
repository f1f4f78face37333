"""What extraction finds: plain data with character spans into the document text. No rdflib here."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Span:
    """Half-open character offsets [start, end) into the document text."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the words that say it and the sentence around them."""

    span: Span
    sentence: Sentence


@dataclass(frozen=True)
class PlaceMention:
    name: str  # canonical
    kind: str  # "city" or "region"
    evidence: Evidence


@dataclass(frozen=True)
class OrgMention:
    name: str  # canonical
    type: str  # university | council | alliance | institute | government | company | other
    city: str | None
    surface: str
    evidence: Evidence
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    role: str
    org: str | None  # canonical organisation (or city or region, for a mayor)
    org_is_city: bool = False
    org_is_region: bool = False


@dataclass(frozen=True)
class PersonMention:
    name: str
    honorific: str | None
    honorific_surface: str | None
    roles: tuple[Role, ...]
    evidence: Evidence
    contact: bool = False
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    paragraphs: int
    role: Role | None
    evidence: Evidence


@dataclass(frozen=True)
class Proposal:
    name: str
    purpose: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Statistic:
    subject: str | None  # canonical entity name when the subject is an organisation or place
    subject_text: str
    measure: str
    value: Decimal
    unit: str
    qualifier: str | None
    period: str | None
    surface: str
    evidence: Evidence
    more: tuple[Evidence, ...] = ()
    subject_kind: str = "organisation"  # organisation | city | proposal: what the subject names


@dataclass(frozen=True)
class ClaimedCount:
    what: str  # universities | cities | signatories
    count: int
    surface: str
    evidence: Evidence


@dataclass(frozen=True)
class Signatory:
    org: str  # canonical organisation
    evidence: Evidence


@dataclass(frozen=True)
class Declaration:
    key: str  # stable identity across documents
    name: str
    kind: str  # declaration | agreement
    named: bool  # the text gives its name
    evidence: Evidence | None


@dataclass(frozen=True)
class AllianceMember:
    alliance: str
    city: str
    evidence: Evidence


@dataclass
class Extraction:
    """Everything read from one document."""

    doc_id: str
    text: str
    date: str | None = None
    title: str | None = None
    places: list[PlaceMention] = field(default_factory=list)
    organisations: list[OrgMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    claimed_counts: list[ClaimedCount] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    declaration: Declaration | None = None
    alliance_members: list[AllianceMember] = field(default_factory=list)

    def size(self) -> int:
        """How many names and facts were read: what the graph of the document grows with."""
        found = (self.places, self.organisations, self.people, self.quotes, self.proposals,
                 self.statistics, self.claimed_counts, self.signatories, self.alliance_members)  # fmt: skip
        return sum(len(items) for items in found)

    def cities(self) -> list[str]:
        return _unique(p.name for p in self.places if p.kind == "city")

    def regions(self) -> list[str]:
        return _unique(p.name for p in self.places if p.kind == "region")

    def institution_names(self) -> list[str]:
        names = [o.name for o in self.organisations]
        for org in self.organisations:
            names.extend(org.members)
        return _unique(names)


def _unique(values: object) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:  # type: ignore[attr-defined]
        seen.setdefault(value, None)
    return list(seen)
