"""Namespaces: our own terms (strict) and the vocabularies we reuse, with their prefixes."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    VOID,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = "https://example.org/corecities/ontology#"
DEFAULT_BASE_IRI = "https://example.org/corecities/id/"


class CCG(DefinedNamespace):
    """Terms of our own, declared in ontology/corecities.ttl; a misspelt term raises."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # classes
    Declaration: URIRef  # a joint statement or agreement that parties sign
    Signature: URIRef  # one party's signing of one declaration, as stated by a source
    Proposal: URIRef  # something a declaration asks for, named in the text
    StatisticalClaim: URIRef  # a figure a source claims about a subject
    ClaimedCount: URIRef  # how many parties a source says a declaration has
    SourceDocument: URIRef  # a press release or other text that was read
    ExtractionRun: URIRef  # one reading of one source document by this software
    Region: URIRef  # a region or city region, kept apart from cities
    InstitutionType: URIRef  # a kind of institution: university, council, alliance, ...

    # properties
    signatory: URIRef  # declaration -> an organisation that signed it
    signedBy: URIRef  # signature -> the organisation that signed
    signed: URIRef  # signature -> the declaration signed
    declarationKind: URIRef  # "declaration" or "agreement"
    proposes: URIRef  # declaration -> proposal
    proposedBy: URIRef  # proposal -> declaration
    addressee: URIRef  # proposal -> to whom it is addressed, as the text says it
    purpose: URIRef  # proposal -> what it is for, as the text says it
    institutionType: URIRef  # organisation -> InstitutionType
    memberCity: URIRef  # alliance -> a city that belongs to it
    nation: URIRef  # city -> the nation it lies in
    spokenAs: URIRef  # quotation -> the post the speaker held when speaking
    paragraphs: URIRef  # quotation -> number of paragraphs it runs over
    subjectText: URIRef  # claim -> the subject as the text names it
    measure: URIRef  # claim -> what is measured, in words
    qualifier: URIRef  # claim -> almost, more than, over, ...
    period: URIRef  # claim -> per year, per month, ...
    surface: URIRef  # claim -> the phrase as written
    countOf: URIRef  # claimed count -> universities, cities or signatories
    contentHash: URIRef  # source document -> sha256 of its text
    sentence: URIRef  # annotation target -> the NIF sentence the fact came from
    ukprn: URIRef  # institution -> UK Provider Reference Number
    identifierSource: URIRef  # link graph -> where an identifier was read

    # network metrics, written by `analyse --write-back` into their own named graph
    degree: URIRef  # entity -> number of distinct neighbours in the entity graph
    degreeCentrality: URIRef  # entity -> degree divided by (nodes - 1)
    betweenness: URIRef  # entity -> normalised betweenness centrality
    eigenvectorCentrality: URIRef  # entity -> eigenvector centrality within its component
    community: URIRef  # entity -> number of its Louvain community (1 = largest)
    component: URIRef  # entity -> number of its connected component (1 = largest)


class _Namespace(Namespace):
    """A Namespace whose terms are made once: the model asks for the same few hundred thousands of times."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        key = (str(self), name)
        term = _TERMS.get(key)
        if term is None:
            term = _TERMS[key] = self.term(name)
        return term


_TERMS: dict[tuple[str, str], URIRef] = {}

OA = _Namespace("http://www.w3.org/ns/oa#")
NIF = _Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = _Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "ccg": ONTOLOGY_IRI,
    "dcat": str(DCAT),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "nif": str(NIF),
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "void": str(VOID),
    "xsd": str(XSD),
}

__all__ = [
    "CCG",
    "DCAT",
    "DCTERMS",
    "DEFAULT_BASE_IRI",
    "FOAF",
    "NIF",
    "OA",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "VOID",
    "XSD",
]
