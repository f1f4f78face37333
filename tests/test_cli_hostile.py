"""Hostile input through `build`: bad dates, deep JSON, script URLs, huge fields, PDFs that loop or
inflate to gigabytes, named pipes. Each is one `Error:` line (or a warning) for its file, exit 1,
the other documents of its folder built, and an earlier store and its outputs left as they were.

Each case is here as found, and a generated variant of its class beside it. Cases that could hang
run the CLI in a subprocess with a timeout, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from corecities_graph import limits
from corecities_graph.cli import cli
from corecities_graph.corpus.build import BuildSettings, build
from corecities_graph.document import Document, Metadata, is_date
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.sources.pdf import _READER
from corecities_graph.sources.read import checked_metadata
from pdfmaker import (
    _CATALOG,
    _PAGES,
    _page,
    bomb_pdf,
    inflating_stream,
    raw_pdf,
    self_referencing_pdf,
    text_bomb_pdf,
)
from test_cli_inputs import OUTPUTS, error_lines, sources
from test_sources import PRESS_RELEASE

GOOD = (ROOT / "data" / "declaration.txt").read_bytes()
FEW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
DATE_PROBLEM = "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One good build, copied for each test that must leave it as it was."""
    out = tmp_path_factory.mktemp("earlier") / "out"
    assert invoke("build", str(PRESS_RELEASE), "--out", str(out)).exit_code == 0
    return out


@pytest.fixture
def built(earlier: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(earlier, out)
    return out


@pytest.fixture
def small_pdf_limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The PDF limits made small, so that a generated hostile PDF fails in about a second; the
    code that holds them is the same as at the real sizes."""
    monkeypatch.setattr(limits, "PDF_SECONDS", 1.0)
    monkeypatch.setattr(limits, "PDF_SECONDS_PER_MIB", 0.0)
    monkeypatch.setattr(limits, "PDF_MEMORY_BYTES", 256 * 2**20)
    monkeypatch.setattr(limits, "PDF_PAGE_CHARS", 2000)
    monkeypatch.setattr(limits, "PDF_TEXT_CHARS", 5000)
    yield
    _READER.stop()  # the next PDF gets a worker with the real limits


def state(out: Path) -> dict[str, object]:
    """The outputs' bytes and the store's quads: what a failed build must not change. (The store's
    own files are not compared: opening a store rewrites its logs.)"""
    store = ox.Store.read_only(str(out / "store"))
    quads = sorted(str(quad) for quad in store)
    return {"quads": quads, **{name: (out / name).read_bytes() for name in OUTPUTS}}


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def meta(**values: object) -> bytes:
    return json.dumps(values).encode()


def front_matter(**values: str) -> bytes:
    return b"---\n" + "".join(f"{k}: {v}\n" for k, v in values.items()).encode() + b"---\n" + GOOD


def fails_alone_and_in_a_folder(built: Path, tmp_path: Path, files: dict[str, bytes], error: str) -> None:
    """`error` (with {dir} for the folder) is the one Error line, whether the bad document is built
    alone into an earlier output folder, which stays as it was, or in a folder beside a good one,
    which is built."""
    bad = write(tmp_path / "bad", files)
    source = next(p for p in bad.iterdir() if not p.name.endswith(".meta.json"))
    before = state(built)
    result = invoke("build", str(source), "--out", str(built))
    assert result.exit_code == 1
    assert error_lines(result) == [error.format(dir=bad)]
    assert state(built) == before
    (bad / "good.txt").write_bytes(GOOD)
    result = invoke("build", str(bad), "--out", str(tmp_path / "fresh"))
    assert result.exit_code == 1
    assert error_lines(result) == [error.format(dir=bad)]
    assert [s["document"].rsplit("/", 1)[1] for s in sources(tmp_path / "fresh")] == ["good"]


def fails(path: Path) -> str:
    """The one Error line of building PATH alone (into a folder that is then left empty)."""
    with tempfile.TemporaryDirectory() as out:
        result = invoke("build", str(path), "--out", str(Path(out) / "out"))
        assert result.exit_code == 1, result.stderr
        [line] = error_lines(result)
        assert not (Path(out) / "out").exists()
        return line


# ---- 1. dates that are not dates ----


def test_a_bad_date_in_a_sidecar_is_an_error_for_its_document(built: Path, tmp_path: Path) -> None:
    files = {"doc.txt": GOOD, "doc.meta.json": meta(date="2020-13-45")}
    error = f'Error: {{dir}}/doc.meta.json: date "2020-13-45" {DATE_PROBLEM}'
    fails_alone_and_in_a_folder(built, tmp_path, files, error)


def test_a_bad_date_in_front_matter_is_an_error_for_its_document(built: Path, tmp_path: Path) -> None:
    files = {"doc.md": front_matter(title="Leeds", date="2020-13-45")}
    fails_alone_and_in_a_folder(
        built, tmp_path, files, f'Error: {{dir}}/doc.md: date "2020-13-45" {DATE_PROBLEM}'
    )


_NOT_DATES = st.one_of(
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(1, 9999), st.integers(13, 99), st.integers(1, 28)),
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(1, 9999), st.integers(1, 12), st.integers(32, 99)),
    st.builds("{:04d}-02-{:02d}".format, st.integers(1, 9999), st.integers(30, 31)),
    st.builds("{:04d}-{:02d}".format, st.integers(0, 9999), st.sampled_from([0, 13, 42])),
    st.text(alphabet="0123456789-T: ", min_size=1, max_size=20)
    .map(str.strip)
    .filter(lambda s: bool(s) and not is_date(s[:10])),
)


@FEW
@given(date=_NOT_DATES, where=st.sampled_from(["sidecar", "front matter"]))
def test_any_bad_date_is_one_error_line(tmp_path: Path, date: str, where: str) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        if where == "sidecar":
            write(Path(folder), {"doc.txt": GOOD, "doc.meta.json": meta(date=date)})
            path, named = Path(folder) / "doc.txt", Path(folder) / "doc.meta.json"
        else:
            write(Path(folder), {"doc.md": front_matter(date=date)})
            path = named = Path(folder) / "doc.md"
        # A date and time is read as its date: the date part is the one shown.
        shown = json.dumps(date[:10] if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", date) else date)
        assert fails(path) == f"Error: {named}: date {shown} {DATE_PROBLEM}"


def test_a_bad_date_a_document_states_is_a_warning_and_no_date() -> None:
    given = Metadata(title="Leeds", date="2023-02-30", url="data:text/html,x")
    checked, warnings = checked_metadata(given, "page.html", strict=False)
    assert checked == Metadata(title="Leeds")
    assert warnings == [
        f'page.html: date "2023-02-30" {DATE_PROBLEM}; left out',
        'page.html: url "data:text/html,x" is not an http(s) URL; left out',
    ]


def test_a_document_not_read_by_the_readers_still_gets_no_broken_date_or_url(tmp_path: Path) -> None:
    """The graph stage holds the same line for a Document a caller made: the build's SHACL check passes."""
    document = Document(doc_id="made", text=GOOD.decode(), date="2020-13-45", url="javascript:alert(1)")
    build([], BuildSettings(out=tmp_path / "out", base_iri=DEFAULT_BASE_IRI), documents=[document])
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "2020-13-45" not in graph and "javascript:" not in graph


# ---- 2. JSON nested tens of thousands deep ----


def _nested(depth: int, kinds: str) -> str:
    opens = "".join('{"a":' if kinds[i % len(kinds)] == "{" else "[" for i in range(depth))
    closes = "".join("}" if kinds[i % len(kinds)] == "{" else "]" for i in reversed(range(depth)))
    return opens + "1" + closes


def test_a_deeply_nested_sidecar_is_one_error_line(built: Path, tmp_path: Path) -> None:
    files = {"doc.txt": GOOD, "doc.meta.json": ("[" * 30000 + "]" * 30000).encode()}
    error = "Error: {dir}/doc.meta.json: cannot read metadata: nested more than 64 levels deep"
    fails_alone_and_in_a_folder(built, tmp_path, files, error)


@FEW
@given(depth=st.integers(limits.JSON_DEPTH + 1, 20000), kinds=st.sampled_from(["[", "{", "[{", "{[["]))
def test_any_too_deep_sidecar_is_one_error_line(tmp_path: Path, depth: int, kinds: str) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        write(
            Path(folder),
            {"doc.txt": GOOD, "doc.meta.json": ('{"title": ' + _nested(depth, kinds) + "}").encode()},
        )
        assert fails(Path(folder) / "doc.txt") in (
            f"Error: {folder}/doc.meta.json: cannot read metadata: nested more than 64 levels deep",
            f"Error: {folder}/doc.meta.json: file is {(Path(folder) / 'doc.meta.json').stat().st_size} bytes,"
            f" over the limit of {limits.SIDECAR_BYTES} bytes for a metadata sidecar",
        )


def _page_with_json_ld(json_ld: str, title: str = "Universities and cities") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in GOOD.decode().split("\n\n"))
    return (
        f'<html><head><title>{title}</title><script type="application/ld+json">{json_ld}</script>'
        f"</head><body><article>{paragraphs}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("depth", "kinds"),
    [(30000, "["), (5000, "{"), (limits.JSON_DEPTH + 1, "[{")],
    ids=["arrays", "objects", "mixed"],
)
def test_deep_json_ld_in_a_page_is_ignored_with_a_warning(tmp_path: Path, depth: int, kinds: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page_with_json_ld(_nested(depth, kinds)))
    result = invoke("build", str(page), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert f"Warning: {page}: JSON-LD ignored (nested more than 64 levels deep)" in result.stderr.splitlines()
    assert len(sources(tmp_path / "out")) == 1


# ---- 3. hostile values: script URLs, markup in titles ----


def test_a_hostile_sidecar_is_one_error_line_for_its_bad_date(built: Path, tmp_path: Path) -> None:
    hostile = meta(
        url="javascript:alert(1)", title="</script><script>alert(1)</script>",
        publisher="<img src=x onerror=alert(1)>", date="2020-13-45",
    )  # fmt: skip
    files = {"doc.txt": GOOD, "doc.meta.json": hostile}
    fails_alone_and_in_a_folder(
        built, tmp_path, files, f'Error: {{dir}}/doc.meta.json: date "2020-13-45" {DATE_PROBLEM}'
    )


_SCHEMES = st.sampled_from(
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
     "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
     "ftp://example.org/x", "//example.org/x", "https://", "http:///x", "https://exa mple.org/"]
)  # fmt: skip


@FEW
@given(url=_SCHEMES)
def test_a_url_that_is_not_http_is_a_warning_and_never_a_link(tmp_path: Path, url: str) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        hostile = meta(url=url, title="</script><b>Leeds", publisher="<img src=x onerror=alert(1)>")
        write(Path(folder), {"doc.txt": GOOD, "doc.meta.json": hostile})
        out = Path(folder) / "out"
        result = invoke("build", str(Path(folder) / "doc.txt"), "--out", str(out))
        assert result.exit_code == 0, result.stderr
        shown = json.dumps(url)
        assert (
            f"Warning: {folder}/doc.meta.json: url {shown} is not an http(s) URL; left out" in result.stderr
        )
        [source] = sources(out)
        assert source["url"] == ""
        for name in ("view.html", "report.html"):
            text = (out / name).read_text(encoding="utf-8")
            assert "</script><b>Leeds" not in text and "<img src=x" not in text
        assert json.dumps(url) not in (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_script_url_given_by_flag_is_left_out_too(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_bytes(GOOD)
    result = invoke(
        "build", str(tmp_path / "doc.txt"), "--url", "javascript:alert(1)", "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 0
    assert (
        f'Warning: {tmp_path}/doc.txt: url "javascript:alert(1)" is not an http(s) URL; left out'
        in result.stderr
    )
    assert sources(tmp_path / "o")[0]["url"] == ""


# ---- 4. fields of megabytes ----


def test_a_sidecar_of_megabytes_is_refused_unread(built: Path, tmp_path: Path) -> None:
    huge = meta(title="Leeds " * 1_000_000)
    error = f"Error: {{dir}}/doc.meta.json: file is {len(huge)} bytes, over the limit of 65536 bytes for a metadata sidecar"
    fails_alone_and_in_a_folder(built, tmp_path, {"doc.txt": GOOD, "doc.meta.json": huge}, error)


def test_a_title_over_the_field_limit_is_one_error_line(built: Path, tmp_path: Path) -> None:
    files = {"doc.txt": GOOD, "doc.meta.json": meta(title="L" * 2001)}
    error = "Error: {dir}/doc.meta.json: title is 2001 characters, over the limit of 2000"
    fails_alone_and_in_a_folder(built, tmp_path, files, error)


@FEW
@given(
    field=st.sampled_from(["title", "publisher", "date", "url"]),
    size=st.integers(limits.METADATA_CHARS + 1, 60_000),
    where=st.sampled_from(["sidecar", "front matter"]),
)
def test_any_field_over_the_limit_is_one_error_line(
    tmp_path: Path, field: str, size: int, where: str
) -> None:
    value = ("https://example.org/" + "a" * size)[:size] if field == "url" else "2" * size
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        if where == "sidecar":
            write(Path(folder), {"doc.txt": GOOD, "doc.meta.json": meta(**{field: value})})
            path, named = Path(folder) / "doc.txt", Path(folder) / "doc.meta.json"
        else:
            write(Path(folder), {"doc.md": front_matter(**{field: value})})
            path = named = Path(folder) / "doc.md"
        assert fails(path) == f"Error: {named}: {field} is {size} characters, over the limit of 2000"


def test_a_page_title_over_the_limit_is_a_warning_and_no_title(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page_with_json_ld("{}", title="Leeds " * 100_000))
    result = invoke("build", str(page), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert any(
        line.startswith(f"Warning: {page}: title is ")
        and line.endswith(" characters, over the limit of 2000; left out")
        for line in result.stderr.splitlines()
    )


# ---- 5 and 6. PDFs that loop for ever or inflate to gigabytes ----


def test_a_pdf_whose_objects_refer_to_themselves_is_one_error_line(built: Path, tmp_path: Path) -> None:
    pdf = self_referencing_pdf()
    seconds = f"{limits.pdf_seconds(len(pdf)):.0f}"
    error = (
        f"Error: {{dir}}/doc.pdf: PDF took more than {seconds} s to read, the limit for a file of its size"
    )
    fails_alone_and_in_a_folder(built, tmp_path, {"doc.pdf": pdf}, error)


def _cyclic_length(cycle: int) -> bytes:
    """A content stream whose /Length is a reference that leads back to itself."""
    refs = [b"%d 0 R" % (5 + (i + 1) % cycle) for i in range(cycle)]
    return raw_pdf([_CATALOG, _PAGES, _page(4), b"<< /Length 5 0 R >>\nstream\nBT ET\nendstream", *refs])


@FEW
@given(cycle=st.integers(1, 6), where=st.sampled_from(["contents", "length"]))
def test_any_self_referencing_pdf_is_one_error_line(
    tmp_path: Path, small_pdf_limits: None, cycle: int, where: str
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        path = Path(folder) / "loop.pdf"
        path.write_bytes(self_referencing_pdf(cycle) if where == "contents" else _cyclic_length(cycle))
        line = fails(path)
        # A loop pdfminer notices is a damaged file; one it does not is stopped by the time limit.
        assert line in (
            f"Error: {path}: PDF took more than 1 s to read, the limit for a file of its size",
            f"Error: {path}: PDF has no text layer (1 page of images?); run OCR on it first",
        ) or line.startswith(f"Error: {path}: PDF cannot be read, it is damaged or encrypted"), line


def test_a_decompression_bomb_is_one_error_line(built: Path, tmp_path: Path, small_pdf_limits: None) -> None:
    limits.PDF_SECONDS = 30.0  # (undone by the fixture) the memory limit, not the time, is under test
    error = (
        "Error: {dir}/doc.pdf: PDF needs more than 256 MiB of memory to read (its streams inflate too far)"
    )
    fails_alone_and_in_a_folder(built, tmp_path, {"doc.pdf": bomb_pdf(512 * 2**20)}, error)


def _double_bomb(size: int) -> bytes:
    inner = zlib.compress(inflating_stream(size), 9)
    stream = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n%s\nendstream" % (
        len(inner),
        inner,
    )
    return raw_pdf([_CATALOG, _PAGES, _page(4), stream])


@settings(FEW, max_examples=3)
@given(size=st.integers(300, 1024), layers=st.sampled_from([1, 2]))
def test_any_decompression_bomb_is_one_error_line(
    tmp_path: Path, small_pdf_limits: None, size: int, layers: int
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        path = Path(folder) / "bomb.pdf"
        path.write_bytes(bomb_pdf(size * 2**20) if layers == 1 else _double_bomb(size * 2**20))
        limits.PDF_SECONDS = 30.0  # (undone by the fixture) the memory limit, not the time, is under test
        assert fails(path) == (
            f"Error: {path}: PDF needs more than 256 MiB of memory to read (its streams inflate too far)"
        )


def test_a_page_that_draws_too_much_text_is_one_error_line(built: Path, tmp_path: Path) -> None:
    error = "Error: {dir}/doc.pdf: PDF page 1 holds more than 100,000 characters of text, over the limit for a page"
    fails_alone_and_in_a_folder(built, tmp_path, {"doc.pdf": text_bomb_pdf(150_000)}, error)


@FEW
@given(chars=st.integers(2001, 20_000), pages=st.integers(1, 4))
def test_any_text_bomb_is_one_error_line(
    tmp_path: Path, small_pdf_limits: None, chars: int, pages: int
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        path = Path(folder) / "text.pdf"
        path.write_bytes(text_bomb_pdf(chars, pages))
        assert (
            fails(path)
            == f"Error: {path}: PDF page 1 holds more than 2,000 characters of text, over the limit for a page"
        )
        path.write_bytes(text_bomb_pdf(1900, 3))
        assert (
            fails(path)
            == f"Error: {path}: PDF holds more than 5,000 characters of text, over the limit for a file"
        )


@pytest.mark.slow
def test_a_real_bomb_stays_under_the_memory_limit_in_a_real_process(tmp_path: Path) -> None:
    """At the real limits, in a real process: a 1 MB file that inflates to 3 GiB ends in one Error
    line, the PDF worker capped at 2 GiB and the build's own process far below it."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(bomb_pdf(3 * 2**30))
    (tmp_path / "good.txt").write_bytes(GOOD)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(tmp_path), str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert [line for line in done.stderr.splitlines() if line.startswith("Error:")] == [
        f"Error: {bomb}: PDF needs more than 2 GiB of memory to read (its streams inflate too far)"
    ]
    build_rss, worker_rss = map(int, done.stdout.split())
    assert build_rss < 1024 * 1024  # KiB: the build itself never holds the inflated stream
    assert worker_rss < 2 * 1024 * 1024


_MEASURED = """
import resource, sys
code = 0
from corecities_graph.cli import cli
from corecities_graph.sources.pdf import _READER
try:
    cli(["build", sys.argv[1], "--out", sys.argv[2], "-j", "1"], standalone_mode=False)
except SystemExit as exc:
    code = exc.code
_READER.stop()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


# ---- 7. named pipes and other files that are not regular files ----


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: reading a named pipe blocks, and must fail the test, not hang it."""
    return subprocess.run(
        [sys.executable, "-m", "corecities_graph", *args], capture_output=True, text=True, timeout=60
    )


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


SPECIAL: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "a named pipe"),
    "socket": (_socket, "a socket"),
    "device": (lambda path: Path(os.devnull), "a character device"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_a_file_that_is_not_regular_is_one_error_line(built: Path, tmp_path: Path, kind: str) -> None:
    make, what = SPECIAL[kind]
    path = make(tmp_path / "pipe.txt")
    before = state(built)
    done = _run("build", str(path), "--out", str(built))
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.startswith("Error:")] == [
        f"Error: {path}: is {what}, not a regular file; give a file, a folder, or - for stdin"
    ]
    assert state(built) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_noted_and_skipped(tmp_path: Path) -> None:
    folder = write(tmp_path / "in", {"good.txt": GOOD})
    _fifo(folder / "pipe.txt")
    done = _run("build", str(folder), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert (
        f"Note: {folder / 'pipe.txt'}: is a named pipe, not a regular file; skipped"
        in done.stderr.splitlines()
    )
    assert len(sources(tmp_path / "out")) == 1


def test_stdin_is_still_dash(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "-", "--out", str(tmp_path / "out")], input=GOOD)
    assert result.exit_code == 0, result.stderr


# ---- names and facts: what a document's graph, and so a build's memory, grows with ----

_ORGS = ["University of Leeds", "Leeds City Council", "Newcastle University", "Cardiff Council",
         "University of Sheffield", "Bristol City Council", "Glasgow City Council"]  # fmt: skip


def _dense(lines: int, shape: str) -> bytes:
    """A text of `lines` short lines, each naming what `shape` says: far denser than any release."""
    make = {
        "bodies": lambda i: f"{_ORGS[i % 7]} and {_ORGS[(i + 3) % 7]} agreed plan {i} on skills.",
        "people": lambda i: (
            f"Cllr Ann Smith{chr(97 + i % 26)}, Leader of {_ORGS[i % 7]}, met Professor Bo Lee."
        ),
        "figures": lambda i: f"The fund is worth £{i + 1}m and created {i + 7} jobs, or {i % 90 + 1}% more.",
    }[shape]
    return ("Dense release\n\n" + "\n".join(make(i) for i in range(lines)) + "\n").encode()


def test_a_document_of_too_many_names_and_facts_is_one_error_line(built: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "bad", {"dense.txt": _dense(5000, "bodies")}) / "dense.txt"
    before = state(built)
    result = invoke("build", str(path), "--out", str(built))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert re.fullmatch(
        rf"Error: {re.escape(str(path))}: holds [\d,]+ names and facts, over the limit of 10,000 "
        r"for one document; split it into smaller files",
        line,
    ), line
    assert state(built) == before


@pytest.mark.parametrize("shape", ["bodies", "people", "figures"])
def test_any_dense_document_over_the_limit_fails_alone_and_its_folder_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    monkeypatch.setattr(limits, "DOCUMENT_FACTS", 200)
    folder = write(
        tmp_path / "in", {"dense.txt": _dense(300, shape), "good.txt": GOOD, "small.txt": _dense(5, shape)}
    )
    result = invoke("build", str(folder), "--out", str(tmp_path / "out"), "--no-outputs")
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith(f"Error: {folder / 'dense.txt'}: holds ")
    assert line.endswith("over the limit of 200 for one document; split it into smaller files")
    assert sorted(s["document"].rsplit("/", 1)[1] for s in sources(tmp_path / "out")) == ["good", "small"]
