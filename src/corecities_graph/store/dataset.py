"""The dataset description: void.ttl, VoID statistics and links with a DCAT catalogue entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox

from .._version import __version__
from ..graph.vocab import DCAT, DCTERMS, FOAF, OWL, PREFIXES, PROV, RDF, VOID, XSD

# CC BY 4.0: the graph holds facts read from public press releases; attribution is all it asks,
# and it is the licence the EU and many national data portals expect for open data.
DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
KEYWORDS = ("cities", "universities", "civic partnership", "press releases", "declarations", "linked data")
IANA = "https://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"

# (format name, file name, media type or "", EU file type or "", is an RDF dump)
FORMATS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("ttl", "graph.ttl", "text/turtle", "RDF_TURTLE", True),
    ("trig", "graph.trig", "application/trig", "RDF_TRIG", True),
    ("nt", "graph.nt", "application/n-triples", "RDF_N_TRIPLES", True),
    ("nq", "graph.nq", "application/n-quads", "RDF_N_QUADS", True),
    ("jsonld", "graph.jsonld", "application/ld+json", "JSON_LD", True),
    ("rdfxml", "graph.rdf", "application/rdf+xml", "RDF_XML", True),
    ("graphml", "graph.graphml", "", "", False),
    ("csv", "graph-edges.csv", "text/csv", "CSV", False),
)
# Dumps every build writes; the other formats come from `corecities-graph export`.
BUILD_DUMPS = ("graph.ttl", "graph.trig")
LINK_TARGETS = (
    ("wikidata", "Wikidata", "http://www.wikidata.org/entity/", "https://www.wikidata.org/"),
    ("ror", "Research Organization Registry", "https://ror.org/", "https://ror.org/"),
    ("geonames", "GeoNames", "https://sws.geonames.org/", "https://www.geonames.org/"),
)
_SCHEMA = "https://schema.org/"


def site(base_iri: str) -> str:
    """Scheme and host of the base IRI: where the dataset is published."""
    parts = urlsplit(base_iri)
    return f"{parts.scheme}://{parts.netloc}"


def sparql_endpoint(base_iri: str) -> str:
    """Where `corecities-graph serve` answers SPARQL for IRIs under this base."""
    return site(base_iri) + "/sparql"


class _Triples:
    def __init__(self) -> None:
        self.items: set[ox.Triple] = set()

    def add(self, s: ox.NamedNode, p: object, o: ox.NamedNode | ox.Literal) -> None:
        self.items.add(ox.Triple(s, ox.NamedNode(str(p)), o))


def _iri(value: object) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_iri(XSD.integer))


def _slug(iri: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}-{iri[len(namespace) :]}"
    return "".join(c if c.isalnum() else "-" for c in iri).strip("-")


@dataclass(frozen=True)
class Statistics:
    """The VoID figures of a store: counts of distinct triples, as the union of its graphs has them."""

    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    classes: dict[str, int]  # class IRI: distinct members
    properties: dict[str, int]  # property IRI: distinct triples
    places: list[str]  # cities (their GeoNames IRI where known) and nations
    links: list[str]  # the object of every distinct owl:sameAs triple
    first_run: str | None
    last_run: str | None


def statistics(store: ox.Store, base_iri: str) -> Statistics:
    """Count inside Oxigraph, one aggregate at a time, so that memory follows the largest
    property rather than the store: a 10,000-document store never passes through Python."""

    def rows(query: str) -> list[list[str | None]]:
        solutions = store.query(query, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        return [[None if term is None else term.value for term in solution] for solution in solutions]

    def count(query: str) -> int:
        return int(rows(query)[0][0] or 0)

    base = _base(base_iri)
    properties = {
        p: count(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s <{p}> ?o }} }}")
        for (p,) in rows("SELECT DISTINCT ?p WHERE { ?s ?p ?o }")
        if p is not None
    }
    classes = {
        c: int(n or 0)
        for c, n in rows(
            f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s <{RDF.type}> ?c FILTER isIRI(?c) }} GROUP BY ?c"
        )
        if c is not None
    }
    subjects, entities = rows(
        "SELECT (COUNT(*) AS ?all) (SUM(IF(isIRI(?s) && STRSTARTS(STR(?s), "
        f"{_string(base)}), 1, 0)) AS ?ours) WHERE {{ SELECT DISTINCT ?s WHERE {{ ?s ?p ?o }} }}"
    )[0]
    first, last = rows(
        f"SELECT (MIN(STR(?t)) AS ?a) (MAX(STR(?t)) AS ?b) WHERE {{ ?r <{PROV.startedAtTime}> ?t }}"
    )[0]
    cities = rows(
        f"SELECT DISTINCT ?city ?geonames WHERE {{ ?city a <{_SCHEMA}City> OPTIONAL {{ ?city <{OWL.sameAs}> ?geonames "
        f'FILTER STRSTARTS(STR(?geonames), "https://sws.geonames.org/") }} }}'
    )
    found: dict[str, str] = {}
    for city, geonames in cities:
        if city is not None:
            found[city] = min(found.get(city, geonames or city), geonames or city)
    nations = [
        n for (n,) in rows(f"SELECT DISTINCT ?n WHERE {{ ?n a <{_SCHEMA}Country> FILTER isIRI(?n) }}") if n
    ]
    return Statistics(
        triples=sum(properties.values()),
        entities=int(entities or 0),
        distinct_subjects=int(subjects or 0),
        distinct_objects=count("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        classes=classes,
        properties=properties,
        places=sorted(set(found.values()) | set(nations)),
        links=[
            o
            for _s, o in rows(f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{OWL.sameAs}> ?o FILTER isIRI(?o) }}")
            if o
        ],
        first_run=first,
        last_run=last,
    )


def _base(base_iri: str) -> str:
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


def _string(text: str) -> str:
    """A SPARQL string literal of `text`."""
    return str(ox.Literal(text))


def describe(stats: Statistics, base_iri: str, licence: str, fallback_time: str) -> list[ox.Triple]:
    """VoID and DCAT triples describing the dataset with these statistics."""
    base = _base(base_iri)
    home = site(base)
    dataset = _iri(base + "dataset")
    out = _Triples()
    issued = stats.first_run or fallback_time
    modified = stats.last_run or fallback_time

    for dataset_class in (VOID.Dataset, DCAT.Dataset):
        out.add(dataset, RDF.type, _iri(dataset_class))
    out.add(
        dataset,
        DCTERMS.title,
        ox.Literal("corecities-graph: cities and universities in press releases", language="en"),
    )
    out.add(
        dataset,
        DCTERMS.description,
        ox.Literal(
            "Who signed which declaration, who said what, where each institution is, what is proposed and "
            "which figures are claimed, read from press releases about cities and universities; every fact "
            "traceable to the words it came from.",
            language="en",
        ),
    )
    out.add(dataset, DCTERMS.license, _iri(licence))
    publisher = _iri(base + "agent/publisher")
    out.add(dataset, DCTERMS.publisher, publisher)
    out.add(publisher, RDF.type, _iri(FOAF.Agent))
    out.add(publisher, FOAF.name, ox.Literal(urlsplit(base).netloc))
    out.add(dataset, DCTERMS.issued, ox.Literal(issued, datatype=_iri(XSD.dateTime)))
    out.add(dataset, DCTERMS.modified, ox.Literal(modified, datatype=_iri(XSD.dateTime)))
    out.add(dataset, DCTERMS.conformsTo, _iri(PREFIXES["ccg"].rstrip("#")))
    for keyword in KEYWORDS:
        out.add(dataset, DCAT.keyword, ox.Literal(keyword, language="en"))
    for place in stats.places:
        out.add(dataset, DCTERMS.spatial, _iri(place))
    out.add(dataset, VOID.uriSpace, ox.Literal(base))
    out.add(dataset, VOID.sparqlEndpoint, _iri(sparql_endpoint(base)))
    out.add(dataset, VOID.feature, _iri("http://www.w3.org/ns/formats/Turtle"))
    out.add(dataset, VOID.triples, _int(stats.triples))
    out.add(dataset, VOID.entities, _int(stats.entities))
    out.add(dataset, VOID.classes, _int(len(stats.classes)))
    out.add(dataset, VOID.properties, _int(len(stats.properties)))
    out.add(dataset, VOID.distinctSubjects, _int(stats.distinct_subjects))
    out.add(dataset, VOID.distinctObjects, _int(stats.distinct_objects))
    for namespace in sorted(
        {_namespace(p) for p in stats.properties} | {_namespace(c) for c in stats.classes}
    ):
        out.add(dataset, VOID.vocabulary, _iri(namespace))
    for cls, members in stats.classes.items():
        partition = _iri(f"{base}dataset/class/{_slug(cls)}")
        out.add(dataset, VOID.classPartition, partition)
        out.add(partition, VOID["class"], _iri(cls))
        out.add(partition, VOID.entities, _int(members))
    for prop, triples in stats.properties.items():
        partition = _iri(f"{base}dataset/property/{_slug(prop)}")
        out.add(dataset, VOID.propertyPartition, partition)
        out.add(partition, VOID.property, _iri(prop))
        out.add(partition, VOID.triples, _int(triples))
    _linksets(out, dataset, base, stats.links)
    _distributions(out, dataset, base, home, licence, modified)
    out.add(dataset, DCTERMS.hasVersion, ox.Literal(__version__))
    return sorted(out.items, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _linksets(out: _Triples, dataset: ox.NamedNode, base: str, targets: Sequence[str]) -> None:
    same_as = _iri(OWL.sameAs)
    for key, title, space, homepage in LINK_TARGETS:
        linkset = _iri(f"{base}dataset/linkset/{key}")
        target = _iri(f"{base}dataset/target/{key}")
        out.add(dataset, VOID.subset, linkset)
        out.add(linkset, RDF.type, _iri(VOID.Linkset))
        out.add(linkset, VOID.linkPredicate, same_as)
        out.add(linkset, VOID.subjectsTarget, dataset)
        out.add(linkset, VOID.objectsTarget, target)
        out.add(linkset, VOID.triples, _int(sum(1 for t in targets if t.startswith(space))))
        out.add(linkset, DCTERMS.title, ox.Literal(f"owl:sameAs links to {title}", language="en"))
        out.add(target, RDF.type, _iri(VOID.Dataset))
        out.add(target, DCTERMS.title, ox.Literal(title))
        out.add(target, VOID.uriSpace, ox.Literal(space))
        out.add(target, FOAF.homepage, _iri(homepage))


def _distributions(
    out: _Triples, dataset: ox.NamedNode, base: str, home: str, licence: str, modified: str
) -> None:
    for name, filename, media, file_type, rdf_dump in FORMATS:
        distribution = _iri(f"{base}dataset/distribution/{name}")
        url = _iri(f"{home}/{filename}")
        out.add(dataset, DCAT.distribution, distribution)
        out.add(distribution, RDF.type, _iri(DCAT.Distribution))
        out.add(distribution, DCTERMS.title, ox.Literal(f"{filename} ({name})"))
        out.add(distribution, DCAT.downloadURL, url)
        out.add(distribution, DCAT.accessURL, url)
        out.add(distribution, DCTERMS.license, _iri(licence))
        out.add(distribution, DCTERMS.modified, ox.Literal(modified, datatype=_iri(XSD.dateTime)))
        if media:
            out.add(distribution, DCAT.mediaType, _iri(IANA + media))
        out.add(
            distribution,
            DCTERMS["format"],
            _iri(FILE_TYPE + file_type) if file_type else ox.Literal("GraphML"),
        )
        if rdf_dump and filename in BUILD_DUMPS:
            out.add(dataset, VOID.dataDump, url)
    service = _iri(f"{base}dataset/service/sparql")
    out.add(service, RDF.type, _iri(DCAT.DataService))
    out.add(service, DCAT.endpointURL, _iri(sparql_endpoint(base)))
    out.add(service, DCAT.servesDataset, dataset)
    out.add(service, DCTERMS.title, ox.Literal("SPARQL endpoint (corecities-graph serve)", language="en"))
    out.add(service, DCTERMS.conformsTo, _iri("https://www.w3.org/TR/sparql11-protocol/"))


def write_void(stats: Statistics, out: Path, base_iri: str, licence: str, fallback_time: str) -> Path:
    """void.ttl beside the dumps, written atomically, the same bytes for the same store."""
    from .export import write_atomic

    data = ox.serialize(
        describe(stats, base_iri, licence, fallback_time), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES
    )
    path = out / "void.ttl"
    write_atomic(path, data or b"")
    return path
