"""Press contacts' phone numbers and e-mail addresses reach no output unless --include-contacts.

Searched: every file under --out (the dumps, the report, the view and whatever file a later
version adds, and the store's own files after a first build, which never held them), every named
query in every format, and `export` in every format it lists once that command exists. After a
build with --include-contacts, a rebuild without it must drop them again: there the store is
searched through its quads, since RocksDB may keep superseded values on disk until it compacts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from corecities_graph.cli import cli
from corecities_graph.graph.model import redact_contacts
from corecities_graph.sparql.formats import FORMATS
from corecities_graph.sparql.query import named_queries
from corecities_graph.store.embedded import GraphStore

RELEASE = """\
Universities and Core Cities sign declaration to drive recovery

Leeds, 16 March 2021. The University of Leeds and Leeds City Council today signed a declaration.

Professor Simone Buitendijk, Vice-Chancellor of the University of Leeds, said: "We are proud to sign. Call 0113 243 1751 to find out more."

The partnership will create more than 6,500 jobs between 2019 2020 and 2030, the council said.

Media contacts:
For more information contact Jane Doe, Press Officer, University of Birmingham, on 0121 414 6029 or j.doe@bham.example.ac.uk.
Or contact John Smith on +44 (0)121 414 6030, Mob: 07700 900123, Email: john.smith@council.example.gov.uk
Tel: 0161 306 6000
Mob: 07700 900456
Email: press.office@uni.example.ac.uk
Enquiries: media@corecities.example.com / 020 7946 0018 / (0113) 243 1752 / 0113-243-1753
Out of hours: + (44) 7932 568572 or +44 (0) 7789 921 166; from abroad +1 212 555 0100
"""
PHONES = [
    "0113 243 1751",
    "0121 414 6029",
    "+44 (0)121 414 6030",
    "07700 900123",
    "0161 306 6000",
    "07700 900456",
    "020 7946 0018",
    "(0113) 243 1752",
    "0113-243-1753",
    "+ (44) 7932 568572",
    "+44 (0) 7789 921 166",
    "+1 212 555 0100",
]
EMAILS = [
    "j.doe@bham.example.ac.uk",
    "john.smith@council.example.gov.uk",
    "press.office@uni.example.ac.uk",
    "media@corecities.example.com",
]


def _needles() -> dict[str, re.Pattern[str]]:
    """Each contact as a pattern that survives reformatting: the digits of a number after its
    trunk prefix with any few separators between them; an address with its @ in any encoding."""
    patterns: dict[str, re.Pattern[str]] = {}
    for phone in PHONES:
        digits = re.sub(r"\D", "", phone)
        digits = digits.removeprefix("440").removeprefix("44").removeprefix("0")[-8:]
        patterns[phone] = re.compile(r"\D{0,4}".join(digits))
    for email in EMAILS:
        local, domain = email.split("@")
        patterns[email] = re.compile(re.escape(local) + r"(?:@|%40|&#64;|\\u0040)" + re.escape(domain))
    return patterns


NEEDLES = _needles()


def _leaks(label: str, text: str) -> list[str]:
    found = []
    for variant in {text, html.unescape(text)}:
        found += [f"{label}: {name}" for name, pattern in NEEDLES.items() if pattern.search(variant)]
    return sorted(set(found))


def _build(folder: Path, *extra: str) -> Path:
    source = folder / "release.txt"
    source.write_text(RELEASE, encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(cli, ["--quiet", "build", str(source), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def _files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file())


# Every named query is a SELECT; turtle and json-ld are for CONSTRUCT and DESCRIBE.
SELECT_FORMATS = [fmt for fmt in FORMATS if fmt not in ("turtle", "json-ld")]
# A value for each kind of parameter that names something in RELEASE.
PARAM_VALUES = {
    "document": "release",
    "entity": "Jane Doe",
    "literal": "Leeds",
    "iri": "https://example.org/",
}


def _query_outputs(out: Path) -> dict[str, str]:
    runner = CliRunner()
    outputs = {}
    for name, named in named_queries().items():
        params = [arg for p in named.params for arg in ("--param", f"{p.name}={PARAM_VALUES[p.kind]}")]
        for fmt in SELECT_FORMATS:
            result = runner.invoke(cli, ["query", name, "--format", fmt, "--out", str(out), *params])
            assert result.exit_code == 0, (name, fmt, result.output)
            outputs[f"query {name} --format {fmt}"] = result.output
    return outputs


def _export_formats() -> list[str]:
    command = cli.commands.get("export") if isinstance(cli, click.Group) else None
    if command is None:
        return []
    for param in command.params:
        if param.name in ("fmt", "format") and isinstance(param.type, click.Choice):
            return [str(choice) for choice in param.type.choices]
    return []


def _store_text(out: Path) -> str:
    store = GraphStore.open(out, read_only=True)
    return "\n".join(str(q) for q in store.quads())


@pytest.fixture(scope="module")
def private_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("private"))


def test_fixture_contacts_are_all_recognised() -> None:
    """Every written form of a number or address in the fixture is one the redaction knows."""
    for contact in PHONES + EMAILS:
        assert redact_contacts(f"call {contact}.") == "call [contact withheld].", contact
    assert redact_contacts("between 2019 2020 and 2030") == "between 2019 2020 and 2030"


def test_no_contact_in_any_file_under_out(private_out: Path) -> None:
    files = _files(private_out)
    names = {p.name for p in files}
    assert {"graph.ttl", "graph.trig", "report.md", "view.html"} <= names
    assert any(p.parent.name == "store" for p in files)
    leaks = []
    for path in files:
        leaks += _leaks(str(path.relative_to(private_out)), path.read_bytes().decode("utf-8", "replace"))
    assert leaks == []


def test_no_contact_in_any_named_query_in_any_format(private_out: Path) -> None:
    leaks = []
    for label, text in _query_outputs(private_out).items():
        leaks += _leaks(label, text)
    assert leaks == []


def test_no_contact_in_any_export_format(private_out: Path, tmp_path: Path) -> None:
    formats = _export_formats()
    if not formats:
        pytest.skip("no `export` command with a --format choice yet")
    runner = CliRunner()
    leaks = []
    for fmt in formats:
        result = runner.invoke(cli, ["export", "--format", fmt, "--out", str(private_out)])
        assert result.exit_code == 0, (fmt, result.output)
        leaks += _leaks(f"export --format {fmt}", result.output)
        folder = tmp_path / fmt
        folder.mkdir()
        target = folder / f"export.{fmt}"
        result = runner.invoke(cli, ["export", "--format", fmt, "--out", str(private_out), "-o", str(target)])
        assert result.exit_code == 0, (fmt, result.output)
        written = _files(folder)
        assert written, fmt
        for path in written:
            leaks += _leaks(
                f"export --format {fmt}: {path.name}", path.read_bytes().decode("utf-8", "replace")
            )
    for path in _files(private_out):
        if path.parent.name != "store":
            leaks += _leaks(f"after export: {path.name}", path.read_bytes().decode("utf-8", "replace"))
    assert leaks == []


def test_the_text_around_contacts_is_kept(private_out: Path) -> None:
    """Redaction takes the number, not the sentence: the rest of the words are still there."""
    ttl = (private_out / "graph.ttl").read_text(encoding="utf-8")
    assert "We are proud to sign. Call [contact withheld] to find out more." in ttl
    assert "between 2019 2020 and 2030" in ttl


def test_include_contacts_keeps_them(tmp_path: Path) -> None:
    out = _build(tmp_path, "--include-contacts")
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert 'schema:telephone "0121 414 6029"' in ttl
    assert 'schema:email "j.doe@bham.example.ac.uk"' in ttl
    assert "Call 0113 243 1751 to find out more." in ttl
    people = CliRunner().invoke(cli, ["query", "people", "--format", "csv", "--out", str(out)])
    assert "Jane Doe" in people.output


def test_rebuild_without_the_flag_drops_kept_contacts(tmp_path: Path) -> None:
    """The same text built again is normally left as it is; not when it holds contacts no longer wanted."""
    _build(tmp_path, "--include-contacts")
    out = _build(tmp_path)
    leaks = _leaks("store quads", _store_text(out))
    for path in _files(out):
        if path.parent.name != "store":
            leaks += _leaks(path.name, path.read_bytes().decode("utf-8", "replace"))
    assert leaks == []


# The annotator withholds contacts from each piece of text it stores without running the pattern
# on every piece: a piece with fewer than seven digits and no @ is taken as clean, and a window
# cut is only moved where a contact of the whole text is near. Both must agree with the pattern.
_PARTS = ["0121 414 3344", "+44 (0)113 660 2028", "+1 2345678", "+1 234567", "+123456 7", "+12 345 678", "07700 900123",
          "j.doe@bham.ac.uk", "j.doe@bham", "a@b.c", "Leeds", " ", "\n", "x", "7", "12", "@", "-", "(", ")", "+", "."]  # fmt: skip
_CONTACTISH = st.one_of(
    st.lists(st.sampled_from(_PARTS), max_size=40).map("".join),
    st.text(alphabet="0123456789 +-()@.abjz\n", max_size=120),
)


@settings(max_examples=600, deadline=None)
@given(_CONTACTISH, st.integers(0, 400), st.integers(0, 400))
def test_a_piece_the_annotator_leaves_alone_holds_no_contact(text: str, i: int, j: int) -> None:

    start, end = sorted((min(i, len(text)), min(j, len(text))))
    annotator = _annotator(text)
    assert annotator._piece(start, end) == redact_contacts(text[start:end])


@settings(max_examples=600, deadline=None)
@given(_CONTACTISH, st.integers(0, 400))
def test_a_window_cut_moves_as_a_search_of_the_window_says(text: str, cut: int) -> None:
    from corecities_graph.graph import model

    annotator = _annotator(text)
    expected = cut
    for match in model._CONTACT.finditer(text, max(0, cut - 80), min(len(text), cut + 80)):
        if match.start() < cut < match.end():
            expected = match.start()
            break
    assert annotator._widen(cut) == expected


def _annotator(text: str):  # type: ignore[no-untyped-def]
    from corecities_graph.document import Document
    from corecities_graph.graph import model

    document = Document(doc_id="d", text=text)
    mint = model.Minter("https://example.org/")
    doc = mint.document("d")
    return model._Annotator(model._Quads(doc), mint, doc, document, mint("run", "d"), False)


_SAMPLES = [
    "Press office: 0121 414 3344 or j.doe@bham.ac.uk. "
    + "The council said more. " * 6
    + "Call +44 (0)113 660 2028.",
    "x" * 90 + "a.b@c.de" + "y" * 90 + "+1 234567" + " z" * 50,
    "Leeds" * 30 + "07700 900123" + "Leeds" * 30,
]


@pytest.mark.parametrize("text", _SAMPLES)
def test_every_window_cut_and_piece_of_a_text_agrees_with_the_pattern(text: str) -> None:
    from corecities_graph.graph import model

    annotator = _annotator(text)
    for cut in range(len(text) + 40):
        expected = cut
        for match in model._CONTACT.finditer(text, max(0, cut - 80), min(len(text), cut + 80)):
            if match.start() < cut < match.end():
                expected = match.start()
                break
        assert annotator._widen(cut) == expected, cut
        for width in (5, 32, 90):
            start, end = max(0, cut - width), min(len(text), cut)
            assert annotator._piece(start, end) == redact_contacts(text[start:end]), (start, end)
