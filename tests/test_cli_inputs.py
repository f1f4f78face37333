"""Every kind of input through `build`: HTML, PDF and stdin end to end, and every kind of bad input.

Bad input gets exactly one `Error: <file>: <problem>` line, a non-zero exit, no traceback,
and what an earlier build wrote stays as it was.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import ROOT
from corecities_graph.cli import cli
from pdfmaker import image_only_pdf
from test_sources import PRESS_RELEASE, write_pdf

OUTPUTS = ("graph.ttl", "graph.trig", "report.md", "view.html")


def invoke(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def error_lines(result: Result) -> list[str]:
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def people(out: Path) -> set[tuple[str, str, str, str]]:
    result = invoke("query", "people", "--out", str(out), "--format", "csv")
    assert result.exit_code == 0, result.output
    return {
        (r["name"], r["honorific"], r["role"], r["organisation_name"])
        for r in csv.DictReader(io.StringIO(result.stdout))
    }


def sources(out: Path) -> list[dict[str, str]]:
    result = invoke("query", "sources", "--out", str(out), "--format", "csv")
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """An output folder holding an earlier, good build, which a failed build must leave intact."""
    out = tmp_path / "out"
    result = invoke("build", str(PRESS_RELEASE), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


# ---- every kind of good input, end to end ----


def test_html_page_builds_and_its_people_are_found(built: Path) -> None:
    assert people(built) == {
        ("Helen Marsh", "Professor", "Vice-Chancellor", "University of Leeds"),
        ("James Lewis", "Cllr", "Leader", "Leeds City Council"),
    }
    [source] = sources(built)
    assert (source["title"], source["publisher"], source["date"], source["url"]) == (
        "University of Leeds and Leeds City Council agree new civic partnership",
        "University of Leeds",
        "2023-03-14",
        "https://www.leeds.ac.uk/news/2023/03/civic-partnership",
    )


def test_html_noise_reaches_no_output(built: Path) -> None:
    graph = (built / "graph.ttl").read_text(encoding="utf-8")
    for noise in ("READ MORE", "Simon Ashworth", "shaking hands", "cookies", "Related news"):
        assert noise not in graph


def test_pdf_builds_and_its_people_are_found(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "skills_pledge.pdf")
    result = invoke("build", str(pdf), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert people(tmp_path / "out") == {
        ("Amara Okafor", "Professor", "Pro-Vice-Chancellor", "University of Bradford"),
        ("Susan Hinchcliffe", "Cllr", "Leader", "Bradford Council"),
    }
    [source] = sources(tmp_path / "out")
    assert (source["title"], source["date"]) == ("Universities sign skills pledge", "2023-05-02")


def test_stdin_builds_with_flags_over_the_page_metadata(tmp_path: Path) -> None:
    result = invoke(
        "build", "-", "--out", str(tmp_path / "out"), "--doc-id", "leeds-civic", "--publisher", "Leeds Press Office",
        "--date", "2023-03-15", input=PRESS_RELEASE.read_bytes(),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [source] = sources(tmp_path / "out")
    assert source["document"].endswith("/document/leeds-civic")
    assert (source["publisher"], source["date"]) == ("Leeds Press Office", "2023-03-15")
    assert source["title"] == "University of Leeds and Leeds City Council agree new civic partnership"


def test_plain_stdin_is_a_document_named_stdin(tmp_path: Path) -> None:
    text = (ROOT / "data" / "declaration.txt").read_text(encoding="utf-8")
    result = invoke("build", "-", "--out", str(tmp_path / "out"), input=text)
    assert result.exit_code == 0, result.stderr
    assert sources(tmp_path / "out")[0]["document"].endswith("/document/stdin")


def test_metadata_flags_with_several_documents_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PRESS_RELEASE, folder / "a.html")
    write_pdf(folder / "b.pdf")
    result = invoke("build", str(folder), "--title", "One title", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"Error: {folder}: holds 2 documents; metadata and an id given by hand apply to one document only"
    ]
    assert not (tmp_path / "out").exists()


def test_a_date_flag_must_be_iso(tmp_path: Path) -> None:
    result = invoke("build", str(PRESS_RELEASE), "--date", "14 March", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (
        "Invalid value for '--date': 14 March: not a date; give YYYY-MM-DD, YYYY-MM or YYYY" in result.stderr
    )


def test_text_not_in_utf8_is_read_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    text = (
        "Leeds signs civic agreement\n\nProfessor Helen Marsh, Vice-Chancellor of the University of Leeds,"
        " said: “Our café culture and our £5m fund will grow.”\n"
    )
    path.write_bytes(text.encode("cp1252"))
    result = invoke("build", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"Warning: {path}: not UTF-8, read as cp1252" in result.stderr.splitlines()
    assert not error_lines(result)
    quotes = invoke("query", "quotes", "--out", str(tmp_path / "out"), "--format", "csv").stdout
    assert "Helen Marsh,Our café culture and our £5m fund will grow." in quotes


# ---- every kind of bad input ----


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _truncated_pdf(tmp_path: Path) -> bytes:
    whole = write_pdf(tmp_path / "whole.pdf").read_bytes()
    (tmp_path / "whole.pdf").unlink()
    return whole[: len(whole) // 3]


BAD_FILES = {
    "empty": ("empty.txt", lambda tmp: b"", "file is empty"),
    "whitespace": ("blank.md", lambda tmp: b" \n\t\r\n  \n", "file is empty"),
    "unicode-whitespace": ("blank.txt", lambda tmp: "\u00a0\n\u2003\n".encode(), "file is empty"),
    "binary": ("data.txt", lambda tmp: bytes(range(256)) * 16, "looks binary (contains NUL bytes), not text"),
    "image-only-pdf": (
        "scan.pdf",
        lambda tmp: image_only_pdf(),
        "PDF has no text layer (1 page of images?); run OCR on it first",
    ),
    "garbage-pdf": (
        "broken.pdf",
        lambda tmp: b"%PDF-1.7\n" + bytes(range(1, 256)) * 40,
        "PDF cannot be read, it is damaged or encrypted",
    ),
    "truncated-pdf": ("cut.pdf", _truncated_pdf, "PDF cannot be read, it is damaged or encrypted"),
    "not-a-pdf": ("fake.pdf", lambda tmp: b"<html>hello</html>", "not a PDF (no %PDF header)"),
    "scripts-only-html": (
        "scripts.html",
        lambda tmp: (
            b"<html><head><script>var a = 1;</script><style>p {}</style></head>"
            b"<body><script>document.write('Leeds');</script></body></html>"
        ),
        "no article text found in the HTML",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_one_error_line_and_earlier_outputs_stay(built: Path, tmp_path: Path, kind: str) -> None:
    name, make, problem = BAD_FILES[kind]
    path = _write(tmp_path, name, make(tmp_path))
    before = snapshot(built)
    result = invoke("build", str(path), "--out", str(built))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith(f"Error: {path}: {problem}")
    assert snapshot(built) == before
    assert ("Helen Marsh", "Professor", "Vice-Chancellor", "University of Leeds") in people(built)


def test_missing_path(tmp_path: Path) -> None:
    result = invoke("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {tmp_path / 'nope.txt'}: no such file or folder"]


def test_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("The University of Leeds signed. " * 100)
    result = invoke("build", str(path), "--max-bytes", "1000", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"Error: {path}: file is 3200 bytes, over the limit of 1000 bytes (--max-bytes)"
    ]
    assert invoke("build", str(path), "--max-bytes", "3200", "--out", str(tmp_path / "out")).exit_code == 0


def test_a_huge_file_is_refused_by_default_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(30 * 1024 * 1024)  # sparse: 30 MiB of size, no data on disk
    result = invoke("build", str(path), "--out", str(tmp_path / "out"))
    assert error_lines(result) == [
        f"Error: {path}: file is 31457280 bytes, over the limit of 20971520 bytes (--max-bytes)"
    ]


def test_stdin_over_the_size_limit(tmp_path: Path) -> None:
    result = invoke("build", "-", "--max-bytes", "100", "--out", str(tmp_path / "out"), input="Leeds. " * 100)
    assert result.exit_code == 1
    assert error_lines(result) == ["Error: stdin: more than the limit of 100 bytes (--max-bytes)"]


def test_empty_stdin(tmp_path: Path) -> None:
    result = invoke("build", "-", "--out", str(tmp_path / "out"), input="")
    assert result.exit_code == 1
    assert error_lines(result) == ["Error: stdin: file is empty"]


def test_output_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "out"
    result = invoke("build", str(PRESS_RELEASE), "--out", str(out))
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {out}: cannot create the output folder (Not a directory)"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes through chmod; covered by the test above",
)
def test_output_folder_without_write_permission(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = invoke("build", str(PRESS_RELEASE), "--out", str(out))
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {out}: output folder is not writable"]


def test_folder_of_good_and_bad_files_builds_the_good_lists_the_bad(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(PRESS_RELEASE, folder / "civic.html")
    write_pdf(folder / "sub" / "pledge.pdf")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(image_only_pdf())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".draft.txt").write_text("hidden")
    # A real process, so that anything printed past click (a library's logging) would show.
    done = subprocess.run(
        [sys.executable, "-m", "corecities_graph", "build", str(folder), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == "Built 2 documents; the store holds 2 documents and " + lines[0].split(" and ")[1]
    notes = [line for line in lines if line.startswith(("Error:", "Note:", "Warning:"))]
    assert notes[1].startswith(
        f"Error: {folder / 'broken.pdf'}: PDF cannot be read, it is damaged or encrypted ("
    )
    assert notes[:1] + notes[2:] == [
        f"Note: {folder / 'notes.docx'}: not a source file (.docx); skipped",
        f"Error: {folder / 'empty.txt'}: file is empty",
        f"Error: {folder / 'scan.pdf'}: PDF has no text layer (1 page of images?); run OCR on it first",
    ]
    assert ".draft" not in done.stderr
    assert {p[0] for p in people(tmp_path / "out")} == {
        "Helen Marsh",
        "James Lewis",
        "Amara Okafor",
        "Susan Hinchcliffe",
    }


# ---- the plain text that offsets count into ----

SPANS = """
SELECT ?hash ?start ?end ?exact WHERE {
  ?doc ccg:contentHash ?hash .
  ?target oa:hasSource ?doc ; oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
}
"""


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_read_prints_the_text_that_graph_offsets_count_into(tmp_path: Path, kind: str) -> None:
    source = PRESS_RELEASE if kind == "html" else write_pdf(tmp_path / "pledge.pdf")
    assert invoke("build", str(source), "--out", str(tmp_path / "out")).exit_code == 0
    read = invoke("read", str(source), "--format", "json")
    assert read.exit_code == 0
    document = json.loads(read.stdout)
    assert invoke("read", str(source)).stdout == document["text"]
    spans = invoke("query", "-", "--out", str(tmp_path / "out"), "--format", "csv", input=SPANS).stdout
    rows = list(csv.DictReader(io.StringIO(spans)))
    assert len(rows) > 5
    for row in rows:
        assert row["hash"] == "sha256:" + document["sha256"]
        assert document["text"][int(row["start"]) : int(row["end"])] == row["exact"]


def test_read_of_a_bad_input_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    for path, problem in [("nope.txt", "no such file or folder"), ("empty.html", "file is empty")]:
        result = invoke("read", str(tmp_path / path))
        assert result.exit_code == 1
        assert error_lines(result) == [f"Error: {tmp_path / path}: {problem}"]
        assert result.stdout == ""


@pytest.mark.parametrize("content", [None, b"", b"\x00\x01\x02binary"])
def test_a_build_that_reads_nothing_leaves_no_empty_store_behind(
    tmp_path: Path, content: bytes | None
) -> None:
    source = tmp_path / "release.txt"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "new-out"
    result = invoke("build", str(source), "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.count("Error: ") == 1 and "Built" not in result.stderr
    assert not out.exists()


def test_a_text_the_extractor_fails_on_is_one_error_and_the_others_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault in a rule (as 'the fıfth organisation' once raised KeyError) names the file and its
    problem, and the rest of the folder is still built."""
    import corecities_graph.corpus.build as building

    real = building.extract

    def faulty(document, ref):  # type: ignore[no-untyped-def]
        if "Ardent" in document.text:
            raise KeyError("fıfth")
        return real(document, ref)

    monkeypatch.setattr(building, "extract", faulty)
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(ROOT / "data" / "declaration.txt", corpus / "good.txt")
    (corpus / "bad.txt").write_text("Ardent Council has signed the Ardent Compact.\n", encoding="utf-8")
    result = invoke("build", str(corpus), "--out", str(tmp_path / "out"), "--no-outputs", "-j", "1")
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"Error: {corpus / 'bad.txt'}: the extractor failed on this text (KeyError: 'fıfth')"
    ]
    assert people(tmp_path / "out")  # the good document is in the store
