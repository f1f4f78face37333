"""Facts -> RDF quads. Owns IRI minting, datatypes and provenance; the only place quads are made.

Longer than the others on purpose: one module per kind of fact would scatter the Minter and the
provenance helpers that every kind shares, and "the only place quads are made" is what keeps
IRIs and datatypes consistent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from types import SimpleNamespace

from pyoxigraph import Literal, NamedNode, Quad, Triple

from .._version import __version__
from ..document import Document, is_date, is_web_url, slugify
from ..extract.bodies import type_of
from ..extract.facts import Evidence, Extraction, OrgMention, Role
from ..resolve.reference import INSTITUTION_TYPES, Reference
from .vocab import (
    CCG,
    DCTERMS,
    DEFAULT_BASE_IRI,
    FOAF,
    NIF,
    OA,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
)

_TYPE_CLASSES = {
    "university": (SCHEMA.CollegeOrUniversity,),
    "council": (SCHEMA.GovernmentOrganization,),
    "alliance": (ORG.OrganizationalCollaboration,),
    "institute": (SCHEMA.ResearchOrganization,),
    "government": (SCHEMA.GovernmentOrganization,),
    "company": (SCHEMA.Corporation,),
    "other": (),
}
_ADDRESSEE = re.compile(
    r"\b(?:to|ask|asks|asked|call\s+on|calls\s+on|urge|urges|invite|invites|writing\s+to)\s+(?:the\s+)?"
    r"(?P<who>government\s+ministers|ministers|government|[A-Z][a-z]+\s+Government|the\s+Government)\b",
)


@dataclass(frozen=True)
class ModelSettings:
    base_iri: str = DEFAULT_BASE_IRI
    include_contacts: bool = False
    run_time: str = "1970-01-01T00:00:00Z"


_NODE_CACHE: dict[str, NamedNode] = {}


def node(iri: object) -> NamedNode:
    if isinstance(iri, NamedNode):
        return iri
    key = str(iri)
    cached = _NODE_CACHE.get(key)
    if cached is None:
        if len(_NODE_CACHE) > 200_000:
            _NODE_CACHE.clear()
        cached = _NODE_CACHE[key] = NamedNode(key)
    return cached


def text_literal(value: str) -> Literal:
    return Literal(value)


def typed(value: object, datatype: object) -> Literal:
    return Literal(str(value), datatype=node(datatype))


_INTEGER = NamedNode(str(XSD.integer))
# Integer literals by value: every annotation holds four character offsets, and offsets repeat
# from document to document.
_INTEGERS: dict[int, Literal] = {}


def number_literal(value: Decimal | int) -> Literal:
    if isinstance(value, int) or value == value.to_integral():
        number = int(value)
        cached = _INTEGERS.get(number)
        if cached is None:
            if len(_INTEGERS) > 100_000:
                _INTEGERS.clear()
            cached = _INTEGERS[number] = Literal(str(number), datatype=_INTEGER)
        return cached
    return typed(format(value, "f"), XSD.decimal)


def date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return typed(value, XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return typed(value, XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return typed(value, XSD.gYear)
    return Literal(value)


class Minter:
    """Readable, stable IRIs under a configurable base."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def __call__(self, kind: str, *parts: str) -> NamedNode:
        return node(self.base + kind + "/" + "/".join(parts))

    def city(self, name: str) -> NamedNode:
        return self("city", slugify(name))

    def organisation(self, name: str) -> NamedNode:
        return self("organisation", slugify(name))

    def person(self, name: str) -> NamedNode:
        return self("person", slugify(name))

    def document(self, doc_id: str) -> NamedNode:
        return self("document", doc_id)

    def declaration(self, key: str) -> NamedNode:
        return self("declaration", key)

    def institution_type(self, kind: str) -> NamedNode:
        return self("institution-type", kind)

    def nation(self, name: str) -> NamedNode:
        return self("nation", slugify(name))

    def graph(self, name: str) -> NamedNode:
        return self("graph", name)


class _Quads:
    """Collects quads for one named graph, without duplicates, in insertion order."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self._seen: dict[tuple[object, object, object], None] = {}

    def add(self, s: NamedNode, p: object, o: NamedNode | Literal) -> None:
        self._seen.setdefault((s, node(p), o), None)

    def quads(self) -> Iterator[Quad]:
        for s, p, o in self._seen:
            yield Quad(s, p, o, self.graph)  # type: ignore[arg-type]

    def triples(self, *, redact: bool) -> list[Triple]:
        """The triples, with every text literal's contacts withheld if `redact`, as `_redacted` does."""
        out: list[Triple] = []
        append = out.append
        for s, p, o in self._seen:
            if redact and type(o) is Literal and p not in _NOT_TEXT_NODES:
                value = o.value
                if _CONTACT.search(value) and o.datatype.value in _TEXT_TYPES:
                    o = Literal(redact_contacts(value), language=o.language)
            append(Triple(s, p, o))  # type: ignore[arg-type]
        return out


def document_quads(document: Document, extraction: Extraction, settings: ModelSettings) -> list[Quad]:
    """Everything read from one document, in the document's own named graph."""
    out = _document_graph(document, extraction, settings)
    if settings.include_contacts:
        return list(out.quads())
    # Every text literal, not only the evidence: a number can sit in a quote, a title, a purpose.
    return [_redacted(q) for q in out.quads()]


def document_triples(document: Document, extraction: Extraction, settings: ModelSettings) -> list[Triple]:
    """The triples of `document_quads`, without their graph: what a build writes and digests."""
    return _document_graph(document, extraction, settings).triples(redact=not settings.include_contacts)


def _document_graph(document: Document, extraction: Extraction, settings: ModelSettings) -> _Quads:
    mint = Minter(settings.base_iri)
    doc = mint.document(document.doc_id)
    out = _Quads(doc)
    run = mint("run", document.doc_id, document.sha256[:12])
    _document(out, mint, doc, document, extraction, run, settings)
    counter = _Annotator(out, mint, doc, document, run, settings.include_contacts)
    orgs_by_name = {o.name: o for o in extraction.organisations}

    for place in extraction.places:
        iri = mint.city(place.name) if place.kind == "city" else mint("region", slugify(place.name))
        out.add(iri, RDF.type, node(SCHEMA.City if place.kind == "city" else CCG.Region))
        if place.kind == "region":
            out.add(iri, RDF.type, node(SCHEMA.AdministrativeArea))
        out.add(iri, SCHEMA.name, text_literal(place.name))
        out.add(iri, RDFS.label, text_literal(place.name))
        counter.annotate(iri, place.evidence, "place")

    member_types = {o.name: o.type for o in extraction.organisations}
    for org in extraction.organisations:
        _organisation(out, mint, org, member_types)
        counter.annotate(mint.organisation(org.name), org.evidence, "organisation")

    people = _merge_people(extraction)
    for name, (honorific, roles, evidences, phones, emails) in people.items():
        person = mint.person(name)
        out.add(person, RDF.type, node(SCHEMA.Person))
        out.add(person, RDF.type, node(FOAF.Person))
        out.add(person, SCHEMA.name, text_literal(name))
        out.add(person, RDFS.label, text_literal(name))
        if honorific:
            out.add(person, SCHEMA.honorificPrefix, text_literal(honorific))
        if settings.include_contacts:
            for phone in phones:
                out.add(person, SCHEMA.telephone, text_literal(phone))
            for email in emails:
                out.add(person, SCHEMA.email, text_literal(email))
        for role in roles:
            post = _post(out, mint, person, name, role, orgs_by_name)
            counter.annotate(post, evidences[0], "post")
        for evidence in evidences:
            counter.annotate(person, evidence, "person")

    for index, quote in enumerate(extraction.quotes, start=1):
        iri = mint("quote", document.doc_id, str(index))
        speaker = mint.person(quote.speaker)
        out.add(iri, RDF.type, node(SCHEMA.Quotation))
        out.add(iri, SCHEMA.text, text_literal(quote.text))
        out.add(iri, SCHEMA.creator, speaker)
        out.add(iri, SCHEMA.spokenByCharacter, speaker)
        out.add(iri, CCG.paragraphs, number_literal(quote.paragraphs))
        out.add(iri, SCHEMA.isPartOf, doc)
        if quote.role is not None:
            out.add(iri, CCG.spokenAs, _post_iri(mint, quote.speaker, quote.role))
        counter.annotate(iri, quote.evidence, "quote")

    declaration = None
    if extraction.declaration is not None:
        decl = extraction.declaration
        declaration = mint.declaration(decl.key)
        out.add(declaration, RDF.type, node(CCG.Declaration))
        out.add(declaration, RDF.type, node(SCHEMA.CreativeWork))
        if decl.named:
            out.add(declaration, SCHEMA.name, text_literal(decl.name))
        out.add(declaration, RDFS.label, text_literal(decl.name))
        out.add(declaration, CCG.declarationKind, text_literal(decl.kind))
        out.add(doc, SCHEMA.about, declaration)
        if decl.evidence is not None:
            counter.annotate(declaration, decl.evidence, "declaration")
        for signatory in extraction.signatories:
            signer = mint.organisation(signatory.org)
            signature = mint("signature", decl.key, slugify(signatory.org))
            out.add(declaration, CCG.signatory, signer)
            out.add(signature, RDF.type, node(CCG.Signature))
            out.add(signature, CCG.signedBy, signer)
            out.add(signature, CCG.signed, declaration)
            counter.annotate(signature, signatory.evidence, "signature")
        addressee = _ADDRESSEE.search(extraction.text)
        for proposal in extraction.proposals:
            iri = mint("proposal", slugify(proposal.name))
            out.add(iri, RDF.type, node(CCG.Proposal))
            out.add(iri, SCHEMA.name, text_literal(proposal.name))
            out.add(iri, RDFS.label, text_literal(proposal.name))
            out.add(iri, CCG.proposedBy, declaration)
            out.add(declaration, CCG.proposes, iri)
            if proposal.purpose:
                out.add(iri, CCG.purpose, text_literal(proposal.purpose))
            if addressee:
                out.add(iri, CCG.addressee, text_literal(addressee.group("who")))
            counter.annotate(iri, proposal.evidence, "proposal")
        for count in extraction.claimed_counts:
            iri = mint("claimed-count", document.doc_id, f"{count.what}-{count.count}")
            out.add(iri, RDF.type, node(CCG.ClaimedCount))
            out.add(iri, SCHEMA.about, declaration)
            out.add(iri, CCG.countOf, text_literal(count.what))
            out.add(iri, SCHEMA.value, number_literal(count.count))
            out.add(iri, CCG.surface, text_literal(count.surface))
            out.add(iri, DCTERMS.source, doc)
            counter.annotate(iri, count.evidence, "claimed-count")

    for stat in extraction.statistics:
        key = slugify(f"{stat.value}-{stat.unit}-{stat.qualifier or 'exact'}")
        iri = mint("statistic", document.doc_id, key)
        out.add(iri, RDF.type, node(CCG.StatisticalClaim))
        if stat.subject:
            subject = orgs_by_name.get(stat.subject)
            if stat.subject_kind == "proposal":
                about = mint("proposal", slugify(stat.subject))
            else:
                about = mint.organisation(subject.name) if subject else mint.city(stat.subject)
            out.add(iri, SCHEMA.about, about)
        out.add(iri, CCG.subjectText, text_literal(stat.subject_text))
        out.add(iri, CCG.measure, text_literal(stat.measure))
        out.add(iri, SCHEMA.value, number_literal(stat.value))
        out.add(iri, SCHEMA.unitText, text_literal(stat.unit))
        out.add(iri, CCG.surface, text_literal(stat.surface))
        out.add(iri, DCTERMS.source, doc)
        if stat.qualifier:
            out.add(iri, CCG.qualifier, text_literal(stat.qualifier))
        if stat.period:
            out.add(iri, CCG.period, text_literal(stat.period))
        for evidence in (stat.evidence, *stat.more):
            counter.annotate(iri, evidence, "statistic")

    for member in extraction.alliance_members:
        alliance = mint.organisation(member.alliance)
        out.add(alliance, CCG.memberCity, mint.city(member.city))
        counter.annotate(alliance, member.evidence, "membership")
    return out


def _document(
    out: _Quads, mint: Minter, doc: NamedNode, document: Document, extraction: Extraction,
    run: NamedNode, settings: ModelSettings,
) -> None:  # fmt: skip
    out.add(doc, RDF.type, node(CCG.SourceDocument))
    out.add(doc, RDF.type, node(SCHEMA.NewsArticle))
    out.add(doc, RDF.type, node(PROV.Entity))
    out.add(doc, DCTERMS.identifier, text_literal(document.doc_id))
    out.add(doc, DCTERMS.title, text_literal(document.title or extraction.title or document.doc_id))
    out.add(doc, CCG.contentHash, text_literal("sha256:" + document.sha256))
    # The readers check both; a Document made by a caller may not have been read by them, and a
    # javascript: link or a 2020-13-45 typed as xsd:date must never reach the graph.
    if document.url and is_web_url(document.url):
        out.add(doc, SCHEMA.url, typed(document.url, XSD.anyURI))
    date = extraction.date
    if date and (is_date(date) or not re.fullmatch(r"[\d-]+", date)):
        out.add(doc, DCTERMS.date, date_literal(date))
    if document.publisher:
        known = {o.name for o in extraction.organisations}
        publisher = (
            mint.organisation(document.publisher) if document.publisher in known
            else mint("publisher", slugify(document.publisher))
        )  # fmt: skip
        out.add(doc, DCTERMS.publisher, publisher)
        out.add(publisher, RDF.type, node(FOAF.Agent))
        out.add(publisher, SCHEMA.name, text_literal(document.publisher))
    out.add(run, RDF.type, node(CCG.ExtractionRun))
    out.add(run, RDF.type, node(PROV.Activity))
    out.add(run, PROV.used, doc)
    out.add(run, PROV.startedAtTime, typed(settings.run_time, XSD.dateTime))
    software = mint("software", "corecities-graph", __version__)
    out.add(run, PROV.wasAssociatedWith, software)
    out.add(software, RDF.type, node(PROV.SoftwareAgent))
    out.add(software, SCHEMA.name, text_literal("corecities-graph"))
    out.add(software, SCHEMA.softwareVersion, text_literal(__version__))


def _organisation(out: _Quads, mint: Minter, org: OrgMention, member_types: dict[str, str]) -> None:
    iri = mint.organisation(org.name)
    out.add(iri, RDF.type, node(ORG.Organization))
    out.add(iri, RDF.type, node(SCHEMA.Organization))
    for cls in _TYPE_CLASSES[org.type]:
        out.add(iri, RDF.type, node(cls))
    out.add(iri, SCHEMA.name, text_literal(org.name))
    out.add(iri, RDFS.label, text_literal(org.name))
    out.add(iri, CCG.institutionType, mint.institution_type(org.type))
    surface = org.surface.strip("‘’'\"“”")
    if surface != org.name and not surface.lower().startswith("the "):
        out.add(iri, SKOS.altLabel, text_literal(surface))
    if org.city:
        out.add(iri, SCHEMA.location, mint.city(org.city))
    for member in org.members:
        child = mint.organisation(member)
        out.add(iri, ORG.hasMember, child)
        out.add(child, ORG.memberOf, iri)
        out.add(child, RDF.type, node(ORG.Organization))
        out.add(child, RDF.type, node(SCHEMA.Organization))
        out.add(child, SCHEMA.name, text_literal(member))
        out.add(child, RDFS.label, text_literal(member))
        # a member listed only inside a joint entry is an institution of its own, typed by its name
        kind = member_types.get(member) or type_of(member)
        out.add(child, CCG.institutionType, mint.institution_type(kind))
        for cls in _TYPE_CLASSES[kind]:
            out.add(child, RDF.type, node(cls))


def _merge_people(
    extraction: Extraction,
) -> dict[str, tuple[str | None, list[Role], list[Evidence], list[str], list[str]]]:
    merged: dict[str, tuple[str | None, list[Role], list[Evidence], list[str], list[str]]] = {}
    for person in extraction.people:
        honorific, roles, evidences, phones, emails = merged.setdefault(person.name, (None, [], [], [], []))
        if honorific is None and person.honorific:
            merged[person.name] = (person.honorific, roles, evidences, phones, emails)
        for role in person.roles:
            if all((r.role.lower(), r.org) != (role.role.lower(), role.org) for r in roles):
                roles.append(role)
        evidences.append(person.evidence)
        phones.extend(p for p in person.phones if p not in phones)
        emails.extend(e for e in person.emails if e not in emails)
    return merged


def _post_iri(mint: Minter, person: str, role: Role) -> NamedNode:
    tail = slugify(role.role) + ("-" + slugify(role.org) if role.org else "")
    return mint("post", slugify(person), tail)


def _post(
    out: _Quads, mint: Minter, person: NamedNode, name: str, role: Role, orgs: dict[str, OrgMention]
) -> NamedNode:
    post = _post_iri(mint, name, role)
    role_iri = mint("role", slugify(role.role))
    out.add(post, RDF.type, node(ORG.Post))
    out.add(post, RDFS.label, text_literal(role.role + (", " + role.org if role.org else "")))
    out.add(post, ORG.role, role_iri)
    out.add(post, ORG.heldBy, person)
    out.add(person, ORG.holds, post)
    out.add(role_iri, RDF.type, node(ORG.Role))
    out.add(role_iri, SKOS.prefLabel, text_literal(role.role))
    if role.org:
        if role.org_is_city:
            org_iri = mint.city(role.org)
        elif role.org_is_region:
            org_iri = mint("region", slugify(role.org))
        else:
            org_iri = mint.organisation(role.org)
        out.add(post, ORG.postIn, org_iri)
        if not (role.org_is_city or role.org_is_region):
            membership = mint("membership", slugify(name), slugify(role.org))
            out.add(membership, RDF.type, node(ORG.Membership))
            out.add(membership, ORG.member, person)
            out.add(membership, ORG.organization, org_iri)
            out.add(membership, ORG.role, role_iri)
            if role.org not in orgs:
                # known from the publisher or reference data, not named in the text: still named here
                out.add(org_iri, RDF.type, node(ORG.Organization))
                out.add(org_iri, SCHEMA.name, text_literal(role.org))
                out.add(org_iri, RDFS.label, text_literal(role.org))
    return post


# Phone numbers (UK in its written forms: "0121 414 6029", "(0113) 243 1751", "+44 (0)121 414
# 6029", "+ (44) 7932 568571", "07700 900123"; other countries after "+") and e-mail addresses. Whole numbers only:
# years in a row ("2019 2020 2021") and long figures without a leading 0 or + are left alone.
_CONTACT = re.compile(
    r"(?<![\w+])(?:(?:\+\s?\(?44\)?[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d{2,4}\)?(?:[\s-]?\d){6,8}"
    r"|\+\s?\(?\d{1,3}\)?[\s-]?(?:\(\d{1,4}\)[\s-]?)?\d(?:[\s-]?\d){5,12})(?![\w])"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
# Literals that are not text from the document and must stay as they are.
_NOT_TEXT = {str(CCG.contentHash), str(DCTERMS.identifier)}
_TEXT_TYPES = {str(XSD.string), str(RDF.langString)}
_NOT_TEXT_NODES = {NamedNode(iri) for iri in _NOT_TEXT}


def redact_contacts(text: str) -> str:
    """Phone numbers and e-mail addresses withheld from text that is stored or shown."""
    return _CONTACT.sub("[contact withheld]", text)


def holds_contacts(quads: Iterable[Quad]) -> bool:
    """Whether any text literal among the quads still carries a phone number or e-mail address."""
    return any(
        isinstance(q.object, Literal)
        and q.predicate.value not in _NOT_TEXT
        and _CONTACT.search(q.object.value)
        for q in quads
    )


def _redacted(quad: Quad) -> Quad:
    literal = quad.object
    if (
        not isinstance(literal, Literal)
        or literal.datatype.value not in _TEXT_TYPES
        or quad.predicate.value in _NOT_TEXT
        or not _CONTACT.search(literal.value)
    ):
        return quad
    clean = Literal(redact_contacts(literal.value), language=literal.language)
    return Quad(quad.subject, quad.predicate, clean, quad.graph_name)


# The terms of every annotation as pyoxigraph nodes, made once: a corpus has hundreds of
# thousands of annotations, each two dozen triples.
_ANNOTATION_TERMS = {
    "type": RDF.type, "motivatedBy": OA.motivatedBy, "hasBody": OA.hasBody,
    "hasTarget": OA.hasTarget, "wasGeneratedBy": PROV.wasGeneratedBy,
    "hasSource": OA.hasSource, "hasSelector": OA.hasSelector, "sentence": CCG.sentence,
    "start": OA.start, "end": OA.end, "exact": OA.exact, "prefix": OA.prefix,
    "suffix": OA.suffix, "beginIndex": NIF.beginIndex, "endIndex": NIF.endIndex,
    "anchorOf": NIF.anchorOf, "referenceContext": NIF.referenceContext,
    "Annotation": OA.Annotation, "identifying": OA.identifying,
    "SpecificResource": OA.SpecificResource, "TextPositionSelector": OA.TextPositionSelector,
    "TextQuoteSelector": OA.TextQuoteSelector, "Sentence": NIF.Sentence, "String": NIF.String,
}  # fmt: skip
_V = SimpleNamespace(**{name: node(term) for name, term in _ANNOTATION_TERMS.items()})


class _Annotator:
    """Web Annotation provenance: which words of which document say a fact, in which sentence."""

    def __init__(
        self,
        out: _Quads,
        mint: Minter,
        doc: NamedNode,
        document: Document,
        run: NamedNode,
        keep_contacts: bool,
    ) -> None:
        self.out, self.mint, self.doc, self.document, self.run = out, mint, doc, document, run
        self.clean = (lambda text: text) if keep_contacts else redact_contacts
        self.sentences: set[tuple[int, int]] = set()
        text = document.text
        # Where the text's phone numbers and addresses are, and how many digits come before each
        # offset: a piece of text with fewer than seven digits and no @ holds no contact (every
        # phone number the pattern knows has seven digits or more).
        self.keep = keep_contacts
        self.contacts = [] if keep_contacts else [(m.start(), m.end()) for m in _CONTACT.finditer(text)]
        self.marks = [] if keep_contacts else [0, *accumulate(char.isdigit() for char in text)]

    def annotate(self, body: NamedNode, evidence: Evidence, kind: str) -> None:
        add, v = self.out.add, _V
        start, end = evidence.span.start, evidence.span.end
        ann = self.mint("annotation", self.document.doc_id, f"{kind}-{start}-{end}-{_short(body)}")
        target = node(ann.value + "#target")
        position = node(ann.value + "#position")
        quote = node(ann.value + "#quote")
        sentence = node(f"{self.doc.value}#char={evidence.sentence.start},{evidence.sentence.end}")
        add(ann, v.type, v.Annotation)
        add(ann, v.motivatedBy, v.identifying)
        add(ann, v.hasBody, body)
        add(ann, v.hasTarget, target)
        add(ann, v.wasGeneratedBy, self.run)
        add(target, v.type, v.SpecificResource)
        add(target, v.hasSource, self.doc)
        add(target, v.hasSelector, position)
        add(target, v.hasSelector, quote)
        add(target, v.sentence, sentence)
        add(position, v.type, v.TextPositionSelector)
        add(position, v.start, number_literal(start))
        add(position, v.end, number_literal(end))
        add(quote, v.type, v.TextQuoteSelector)
        add(quote, v.exact, text_literal(self._piece(start, end)))
        add(quote, v.prefix, text_literal(self._piece(self._widen(max(0, start - 32)), start)))
        add(quote, v.suffix, text_literal(self._piece(end, self._widen(end + 32))))
        bounds = (evidence.sentence.start, evidence.sentence.end)
        if bounds in self.sentences:  # its triples are there already, from an earlier annotation
            return
        self.sentences.add(bounds)
        add(sentence, v.type, v.Sentence)
        add(sentence, v.type, v.String)
        add(sentence, v.beginIndex, number_literal(evidence.sentence.start))
        add(sentence, v.endIndex, number_literal(evidence.sentence.end))
        add(sentence, v.anchorOf, text_literal(self.clean(evidence.sentence.text)))
        add(sentence, v.referenceContext, self.doc)

    def _piece(self, start: int, end: int) -> str:
        """The text between two offsets, its contacts withheld unless they are kept."""
        piece = self.document.text[start:end]
        if self.keep:
            return piece
        last = len(self.marks) - 1
        if "@" not in piece and self.marks[min(end, last)] - self.marks[min(start, last)] < 7:
            return piece
        return redact_contacts(piece)

    def _widen(self, cut: int) -> int:
        """A context window's cut moved back to the start of a phone number or address it would
        split, so that redaction sees all of it or none ("j.doe@bham" alone is no address)."""
        # Only a contact of the whole text near the cut can match in the window around it: the
        # window's own matches start where the whole text's search also looked, and no phone
        # number the pattern knows is long enough to reach from the cut to the window's end.
        if self.contacts and _near(self.contacts, cut - 80, cut + 80):
            text = self.document.text
            for match in _CONTACT.finditer(text, max(0, cut - 80), min(len(text), cut + 80)):
                if match.start() < cut < match.end():
                    return match.start()
        return cut


def _near(spans: list[tuple[int, int]], low: int, high: int) -> bool:
    """Whether any of the sorted, disjoint spans reaches into [low, high)."""
    at = bisect_left(spans, (low, -1))
    return (at > 0 and spans[at - 1][1] > low) or (at < len(spans) and spans[at][0] < high)


def _short(iri: NamedNode) -> str:
    return slugify(iri.value.rsplit("/", 2)[-2] + "-" + iri.value.rsplit("/", 1)[-1])[:60]


def link_quads(names: Iterable[tuple[str, str]], ref: Reference, settings: ModelSettings) -> list[Quad]:
    """Reference facts for the cities and organisations read: identifiers, nations, locations."""
    mint = Minter(settings.base_iri)
    out = _Quads(mint.graph("links"))
    for kind in INSTITUTION_TYPES:
        concept = mint.institution_type(kind)
        out.add(concept, RDF.type, node(SKOS.Concept))
        out.add(concept, RDF.type, node(CCG.InstitutionType))
        out.add(concept, SKOS.notation, text_literal(kind))
        out.add(concept, SKOS.prefLabel, typed_lang(kind))
        out.add(concept, SKOS.inScheme, mint("institution-type", "scheme"))
    out.add(mint("institution-type", "scheme"), RDF.type, node(SKOS.ConceptScheme))
    for kind, name in sorted(set(names)):
        if kind == "city" and name in ref.cities:
            city = ref.cities[name]
            iri = mint.city(name)
            out.add(iri, SCHEMA.name, text_literal(name))
            if city.nation:
                nation = mint.nation(city.nation)
                out.add(iri, CCG.nation, nation)
                out.add(iri, SCHEMA.containedInPlace, nation)
                out.add(nation, RDF.type, node(SCHEMA.Country))
                out.add(nation, SCHEMA.name, text_literal(city.nation))
            if city.full_name != city.name:
                out.add(iri, SCHEMA.alternateName, text_literal(city.full_name))
            if city.lat and city.lon:
                out.add(iri, SCHEMA.latitude, typed(city.lat, XSD.decimal))
                out.add(iri, SCHEMA.longitude, typed(city.lon, XSD.decimal))
            # Links out only from the verified identifiers (identifiers.csv); the wider list of
            # British cities places and names a city but is not a source of identifiers.
            if city.core:
                _same_as(out, iri, _wikidata(city.wikidata), city.sources)
                _same_as(
                    out,
                    iri,
                    f"https://sws.geonames.org/{city.geonames}/" if city.geonames else None,
                    city.sources,
                )
        elif kind == "organisation" and name in ref.institutions:
            inst = ref.institutions[name]
            iri = mint.organisation(name)
            if inst.city and inst.type != "alliance":
                out.add(iri, SCHEMA.location, mint.city(inst.city))
            if inst.ukprn:
                out.add(iri, CCG.ukprn, text_literal(inst.ukprn))
            if inst.website:
                out.add(iri, SCHEMA.url, typed("https://" + inst.website.rstrip("/") + "/", XSD.anyURI))
            _same_as(out, iri, _wikidata(inst.wikidata), inst.sources)
            _same_as(out, iri, inst.ror, inst.sources)
    return list(out.quads())


def typed_lang(value: str) -> Literal:
    return Literal(value, language="en")


def _wikidata(qid: str | None) -> str | None:
    return f"http://www.wikidata.org/entity/{qid}" if qid else None


def _same_as(out: _Quads, iri: NamedNode, target: str | None, sources: tuple[str, ...]) -> None:
    if not target:
        return
    out.add(iri, OWL.sameAs, node(target))
    out.add(iri, SCHEMA.sameAs, node(target))
    for source in sources:
        out.add(node(target), CCG.identifierSource, text_literal(source))


def mentioned_entities(extraction: Extraction) -> list[tuple[str, str]]:
    """(kind, canonical name) of every city and organisation the extraction names."""
    names = [("city", p.name) for p in extraction.places if p.kind == "city"]
    names += [("organisation", o.name) for o in extraction.organisations]
    names += [("organisation", m) for o in extraction.organisations for m in o.members]
    names += [("city", m.city) for m in extraction.alliance_members]
    # where an organisation is, and the city a mayor serves: named by reference even when the text only implies it
    names += [("city", o.city) for o in extraction.organisations if o.city]
    names += [("city", r.org) for p in extraction.people for r in p.roles if r.org and r.org_is_city]
    return names
