"""Properties that hold for any input: the extractor never crashes and every span points at its
words; minted IRIs are valid, deterministic and distinct for distinct names."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import assume, example, given
from hypothesis import strategies as st

from corecities_graph.document import slugify
from corecities_graph.errors import InputError, QueryError
from corecities_graph.extract import extract
from corecities_graph.extract.facts import Evidence, Extraction
from corecities_graph.graph.model import Minter
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.resolve.reference import Reference
from corecities_graph.sources.read import decode_text, document_from_text
from corecities_graph.sparql.query import check_read_only
from corecities_graph.store.embedded import GraphStore

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = Reference.load(ROOT / "data" / "reference")

# Pieces of the genre, so that generated text makes the rules fire, not only random noise.
_NAMES = sorted(REFERENCE.institutions) + sorted(REFERENCE.cities)[:40] + sorted(REFERENCE.org_aliases)[:40]
_HONORIFICS = sorted(REFERENCE.honorifics)
_FRAGMENTS = [
    "said",
    " said: “",
    "”",
    "“",
    '"',
    "‘",
    "’",
    "'",
    " per cent",
    "%",
    "£",
    "£1e999bn",
    "£9" + "9" * 400 + "bn",
    "1" * 5000,
    "£100m",
    "almost 40 per cent",
    "more than 6,500 jobs",
    "twenty-one universities",
    "the 11 cities",
    "Signed by:",
    "signed by:",
    "Vice-Chancellor",
    "Leader of the Council",
    "Chief Executive of",
    "Media contact:",
    "Tel: 0121 414 6029",
    "+44 (0)121 414 6029",
    "press@example.ac.uk",
    "READ MORE",
    "Photo: ",
    " | Publisher / Photographer",
    "Last updated 16 March 2021",
    "31 February 2021",
    "Published: 99 Smarch 0000",
    "declaration",
    "Civic University Agreement",
    "proposes a ",
    "Fund",
    " to ",
    " and ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "\t",
    " • ",
    "—",
    "&",
    "\x00",
    "\x0b",
    "\u2028",
    "\ufeff",
    "\u200b",
    "é",
    "İ",
    "ﬁ",
    "ß",
    "𝔘𝔫𝔦",
    "<img src=x onerror=alert(1)>",
]

_genre = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_HONORIFICS).map(lambda h: h + " "),
    st.sampled_from(_FRAGMENTS),
    st.from_regex(r"[A-Z][a-z]{1,9}( [A-Z][a-z]{1,9})?", fullmatch=True),
    st.integers(min_value=0, max_value=10**30).map(str),
    st.text(max_size=20),
)
documents_text = st.lists(_genre, min_size=1, max_size=60).map("".join)


def _evidences(extraction: Extraction) -> list[tuple[str, object, Evidence]]:
    found: list[tuple[str, object, Evidence]] = []
    for kind in (
        "places",
        "organisations",
        "people",
        "quotes",
        "proposals",
        "statistics",
        "claimed_counts",
        "signatories",
        "alliance_members",
    ):
        for fact in getattr(extraction, kind):
            found.append((kind, fact, fact.evidence))
            found += [(kind, fact, more) for more in getattr(fact, "more", ())]
    if extraction.declaration is not None and extraction.declaration.evidence is not None:
        found.append(("declaration", extraction.declaration, extraction.declaration.evidence))
    return found


def _check_extraction(text: str) -> Extraction:
    document = document_from_text(text, doc_id="generated")
    extraction = extract(document, REFERENCE)
    body = document.text
    for kind, fact, evidence in _evidences(extraction):
        start, end = evidence.span.start, evidence.span.end
        assert 0 <= start <= end <= len(body), (kind, fact)
        sentence = evidence.sentence
        assert 0 <= sentence.start <= sentence.end <= len(body), (kind, fact)
        assert body[sentence.start : sentence.end] == sentence.text, (kind, fact)
        assert sentence.start <= start <= sentence.end, (kind, fact)
        words = body[start:end]
        surface = getattr(fact, "surface", None)
        if surface is not None and evidence is fact.evidence:  # type: ignore[attr-defined]
            assert words == surface, (kind, fact, words)
        if kind == "quotes":
            cursor = 0
            for part in fact.text.split("\n"):  # type: ignore[attr-defined]
                found = words.find(part, cursor)
                assert found >= 0, (fact, words)
                cursor = found + len(part)
    return extraction


@given(documents_text)
@example("£1e999bn")
@example("“" * 200 + "said")
@example("Professor " * 300)
def test_extract_never_crashes_and_spans_point_at_their_words(text: str) -> None:
    assume(text.strip())
    _check_extraction(text)


@given(st.binary(max_size=2000))
def test_decode_then_extract_never_crashes(data: bytes) -> None:
    """Whatever bytes a file holds, decoding either refuses them cleanly or gives text that extracts."""
    try:
        text = decode_text(data, "generated.txt")
        document = document_from_text(text, doc_id="generated")
    except InputError:
        return
    assert "\r" not in document.text
    extract(document, REFERENCE)


# IRIs ------------------------------------------------------------------------------------------

_UNRESERVED_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
names = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from([*_NAMES, " ", "-", "&", "'", "’", "é", "(", ")", "/", "?", "#"]), max_size=6
    ).map("".join),
)


@given(names)
@example("A-B")
@example("A B")
@example("")
@example("\x00")
@example("Queen's University Belfast")
def test_minted_iris_are_valid_and_deterministic(name: str) -> None:
    mint = Minter(DEFAULT_BASE_IRI)
    for kind in ("city", "organisation", "person"):
        iri = getattr(mint, kind)(name)
        assert iri == getattr(Minter(DEFAULT_BASE_IRI), kind)(name)
        segment = iri.value.removeprefix(DEFAULT_BASE_IRI + kind + "/")
        assert _UNRESERVED_SEGMENT.fullmatch(segment), iri
        assert ox.NamedNode(iri.value) == iri
        assert str(rdflib.URIRef(iri.value)) == iri.value
        rdflib.Graph().parse(data=f'<{iri.value}> <http://example.org/p> "1" .', format="nt")


def _name_key(name: str) -> tuple[str, ...]:
    """What a name means for identity: its words, ignoring case, Latin accents and punctuation."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    words: list[str] = []
    word = ""
    for char in folded:
        category = unicodedata.category(char)
        if char in "'’‘ʼ":
            continue
        if category == "Mn" and word[-1:].isascii() and word[-1:].isalpha():
            continue
        if char == "&":
            words += [word, "and"]
            word = ""
        elif (char.isascii() and not char.isalnum()) or (not char.isascii() and category[0] in "PZC"):
            words.append(word)
            word = ""
        else:
            word += char
    return tuple(w for w in [*words, word] if w)


@given(names, names)
@example("A-B", "A B")
@example("Leeds", "leeds")
@example("A & B", "A and B")
@example("Queen's", "Queens")
@example("Ulster University", "Ulster University ")
@example("É", "E")
@example("北京大学", "清华大学")
@example("Ψ University", "Ω University")
@example("🙂 Ltd", "Ltd")
@example("", "Unnamed")
@example("a_b", "a-b")
def test_iris_differ_exactly_when_names_differ(a: str, b: str) -> None:
    """Minting is injective on canonical names, up to case, Latin accents and punctuation,
    which are spellings of one name ("A-B" and "a b" are one node)."""
    mint = Minter(DEFAULT_BASE_IRI)
    same = _name_key(a) == _name_key(b)
    for kind in ("city", "organisation", "person"):
        assert (getattr(mint, kind)(a) == getattr(mint, kind)(b)) == same, (a, b, _name_key(a), _name_key(b))


def test_ordinary_names_keep_their_readable_iris() -> None:
    mint = Minter(DEFAULT_BASE_IRI)
    assert mint.city("Leeds").value == DEFAULT_BASE_IRI + "city/leeds"
    assert (
        mint.organisation("University of Leeds").value
        == DEFAULT_BASE_IRI + "organisation/university-of-leeds"
    )
    assert mint.organisation("Queen's University Belfast").value.endswith("/queens-university-belfast")
    assert mint.organisation("Heseltine Institute for Public Policy, Practice and Place").value.endswith(
        "/heseltine-institute-for-public-policy-practice-and-place"
    )
    assert slugify("University of Leeds") == "university-of-leeds"


# The read-only check ---------------------------------------------------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
from sparql_gen import generate, oxigraph_accepts  # noqa: E402


@given(st.data())
def test_read_only_check_refuses_every_update_and_service_and_nothing_else(data: st.DataObject) -> None:
    """Whatever disguise the generator puts on a keyword, an update never passes as read-only,
    a SERVICE call never passes when refused, and a plain query always passes."""
    generated = generate(lambda n: data.draw(st.integers(0, n - 1)))
    assume(oxigraph_accepts(generated))
    try:
        check_read_only("generated", generated.text, allow_service=True)
        refused_as_update = False
    except QueryError:
        refused_as_update = True
    try:
        check_read_only("generated", generated.text, allow_update=True)
        refused_as_service = False
    except QueryError:
        refused_as_service = True
    assert refused_as_update == generated.update, generated
    assert refused_as_service == generated.service, generated


@given(documents_text)
@example('He said: "a\\"b <x> \\\\ \x0b end"')
def test_any_text_models_into_quads_that_round_trip(text: str) -> None:
    """Whatever the text holds (quotes, backslashes, angle brackets, control characters), its
    quads serialise to N-Quads and parse back, and go into the store and out, unchanged."""
    from corecities_graph.graph.model import ModelSettings, document_quads

    assume(text.strip())
    document = document_from_text(text, doc_id="generated")
    quads = set(document_quads(document, extract(document, REFERENCE), ModelSettings()))
    data = ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS)
    assert set(ox.parse(data, format=ox.RdfFormat.N_QUADS)) == quads
    store = GraphStore(None)  # the build writes a document's graph as one SPARQL update
    store.replace_graph(Minter(DEFAULT_BASE_IRI).document("generated"), quads)
    assert set(store.quads()) == quads
