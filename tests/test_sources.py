"""Reading sources: HTML article text and meta tags, PDF text layers, folders, stdin, metadata precedence."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from corecities_graph.document import Metadata
from corecities_graph.errors import InputError
from corecities_graph.sources.read import iter_paths, read_bounded, read_document, read_single
from pdfmaker import text_pdf

PRESS_RELEASE = FIXTURES / "inputs" / "press_release.html"

PAGE_ONE = [
    "Leeds and Bradford universities sign skills pledge",
    "Published: 2 May 2023",
    "The University of Leeds and the University of Bradford have agreed a joint pledge on skills for the"
    " region, working with Leeds City Council and Bradford Council over the next five years.",
    [
        "Professor Amara Okafor, Pro-Vice-Chancellor of the University of Brad-",
        "ford, said: “This pledge gives young people in our cities a clear route into skilled work.”",
    ],
    "The partners expect the programme to reach more than 5,000 learners in its first three years, and"
    " they will report on its progress every year to the combined authority and to",
]
PAGE_TWO = [
    "the councils of both cities.",
    "Councillor Susan Hinchcliffe, Leader of Bradford Council, said: “Our universities are at the heart"
    " of our plans for growth.”",
]


def write_pdf(path: Path) -> Path:
    path.write_bytes(
        text_pdf(
            [PAGE_ONE, PAGE_TWO],
            header="West Yorkshire News | Press release",
            info={"Title": "Universities sign skills pledge", "CreationDate": "D:20230502101500Z"},
        )
    )
    return path


@pytest.fixture
def pdf_path(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "skills_pledge.pdf")


def test_html_keeps_the_article_paragraphs() -> None:
    text = read_document(PRESS_RELEASE).text
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == "University of Leeds and Leeds City Council agree new civic partnership"
    assert (
        "Professor Helen Marsh, Vice-Chancellor of the University of Leeds, said: “This agreement puts our"
        " research to work for the people of Leeds & the wider region.”"
    ) in paragraphs
    assert (
        paragraphs[-1]
        == "The partners will publish their first joint progress report in the spring of next year."
    )


@pytest.mark.parametrize(
    "noise",
    [
        "cookies",  # cookie banner
        "Accept all",
        "Skip to main content",
        "Alumni and supporters",  # navigation
        "Search the site",
        "dataLayer",  # script
        "gtag",
        "position: fixed",  # style
        "READ MORE",
        "record research funding",  # the READ MORE link's words
        "Read more\n",  # a "Read more" heading over a list of links
        "national festival",
        "Photo credit",
        "Simon Ashworth",  # the credit's words
        "shaking hands",  # image alt text
        "Related news",  # sidebar
        "Open day dates",
        "All rights reserved",  # footer
        "Twitter",
    ],
)
def test_html_page_furniture_is_not_content(noise: str) -> None:
    assert noise.lower() not in read_document(PRESS_RELEASE).text.lower()


def test_html_metadata_from_meta_tags_and_json_ld() -> None:
    document = read_document(PRESS_RELEASE)
    assert document.metadata == Metadata(
        title="University of Leeds and Leeds City Council agree new civic partnership",
        publisher="University of Leeds",
        date="2023-03-14",
        url="https://www.leeds.ac.uk/news/2023/03/civic-partnership",
    )
    assert document.doc_id == "press-release"


def test_html_sidecar_overrides_the_page_and_flags_override_the_sidecar(tmp_path: Path) -> None:
    page = tmp_path / "civic.htm"
    shutil.copy(PRESS_RELEASE, page)
    (tmp_path / "civic.meta.json").write_text(
        json.dumps({"publisher": "Leeds Press Office", "date": "2023-03-16"})
    )
    document = read_document(page)
    assert (document.publisher, document.date) == ("Leeds Press Office", "2023-03-16")
    assert document.title == "University of Leeds and Leeds City Council agree new civic partnership"
    given = read_document(page, metadata=Metadata(date="2023-03-20"), doc_id="Leeds Civic")
    assert (given.publisher, given.date, given.doc_id) == ("Leeds Press Office", "2023-03-20", "leeds-civic")


def test_pdf_paragraphs_without_headers_footers_or_page_numbers(pdf_path: Path) -> None:
    paragraphs = read_document(pdf_path).text.strip().split("\n\n")
    assert paragraphs == [
        "Leeds and Bradford universities sign skills pledge",
        "Published: 2 May 2023",
        PAGE_ONE[2],
        "Professor Amara Okafor, Pro-Vice-Chancellor of the University of Bradford, said: “This pledge gives"
        " young people in our cities a clear route into skilled work.”",
        PAGE_ONE[4] + " " + PAGE_TWO[0],
        PAGE_TWO[1],
    ]


def test_pdf_metadata_from_document_info(pdf_path: Path) -> None:
    assert read_document(pdf_path).metadata == Metadata(
        title="Universities sign skills pledge", date="2023-05-02"
    )


def test_pdf_sidecar_metadata(pdf_path: Path) -> None:
    pdf_path.with_name("skills_pledge.meta.json").write_text(
        json.dumps({"publisher": "University of Bradford", "url": "https://www.bradford.ac.uk/news/pledge"})
    )
    document = read_document(pdf_path)
    assert (document.publisher, document.url, document.title) == (
        "University of Bradford",
        "https://www.bradford.ac.uk/news/pledge",
        "Universities sign skills pledge",
    )


def test_text_leading_url_line_is_metadata_not_text(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text("Source: https://example.org/news/1\nLeeds signs up.\n", encoding="utf-8")
    document = read_document(path)
    assert (document.url, document.text) == ("https://example.org/news/1", "Leeds signs up.\n")


def test_stdin_is_a_document_named_stdin_and_html_is_recognised() -> None:
    document = read_document(Path("-"), stdin=io.BytesIO(PRESS_RELEASE.read_bytes()))
    assert document.doc_id == "stdin" and document.path is None
    assert document.publisher == "University of Leeds"
    assert "READ MORE" not in document.text


def test_stdin_pdf_is_recognised_by_its_header(pdf_path: Path) -> None:
    document = read_document(Path("-"), stdin=io.BytesIO(pdf_path.read_bytes()), doc_id="pledge")
    assert document.doc_id == "pledge" and document.title == "Universities sign skills pledge"


def test_folders_are_read_recursively_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    for name in (
        "b/two.html",
        "a.txt",
        "b/c/three.pdf",
        "notes.docx",
        ".hidden.txt",
        ".git/x.txt",
        "a.meta.json",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    skipped: list[tuple[Path, str]] = []
    found = list(iter_paths([tmp_path], on_skip=lambda p, why: skipped.append((p, why))))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b/c/three.pdf", "b/two.html"]
    assert skipped == [(tmp_path / "notes.docx", "not a source file (.docx); skipped")]


def test_metadata_by_hand_needs_exactly_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Leeds.")
    (tmp_path / "b.txt").write_text("Bristol.")
    with pytest.raises(InputError, match="holds 2 documents"):
        read_single([tmp_path], metadata=Metadata(title="T"))
    assert read_single([tmp_path / "a.txt"], metadata=Metadata(title="T")).title == "T"


class CountingStream(io.RawIOBase):
    """An endless stream that counts what is read from it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"a" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_bounded_read_never_reads_past_the_limit() -> None:
    stream = CountingStream()
    with pytest.raises(InputError, match="stdin: more than the limit of 1000 bytes"):
        read_bounded(io.BufferedReader(stream, buffer_size=64), "stdin", 1000)
    assert stream.given <= 1064


def test_extraction_libraries_are_imported_only_for_html_and_pdf(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The University of Leeds signed.")
    code = (
        "import sys; from pathlib import Path; import corecities_graph.cli; import corecities_graph.corpus.build; from corecities_graph.sources import read as sources;"
        f"sources.read_document(Path({str(tmp_path / 'a.txt')!r}));"
        "print(sorted(m for m in ('trafilatura', 'pdfminer', 'lxml', 'markdown_it') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


MARKDOWN = """---
title: "Leeds signs civic agreement"
publisher: University of Leeds
date: 2023-03-14
---
# Leeds signs civic agreement

![Two people shaking hands](signing.jpg)

**Professor Helen Marsh**, Vice-Chancellor of the [University of Leeds](https://www.leeds.ac.uk),
said: “We are proud to sign.”

READ MORE: [Record research funding](/news/funding)

| Partner | City |
|---|---|
| Leeds City Council | Leeds |

<div class="cookie">We use cookies</div>
"""


def test_markdown_becomes_plain_paragraphs_with_front_matter_metadata(tmp_path: Path) -> None:
    path = tmp_path / "civic.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = read_document(path)
    assert document.text == (
        "Leeds signs civic agreement\n\n"
        "Professor Helen Marsh, Vice-Chancellor of the University of Leeds, said: “We are proud to sign.”\n\n"
        "Partner | City\n\nLeeds City Council | Leeds\n"
    )
    assert document.metadata == Metadata(
        title="Leeds signs civic agreement", publisher="University of Leeds", date="2023-03-14"
    )


def test_html_in_its_declared_charset_is_read_without_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "latin.html"
    html = PRESS_RELEASE.read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="iso-8859-1">'
    )
    page.write_bytes(
        html.replace("Helen Marsh", "Hélène Marsh").replace("“", '"').replace("”", '"').encode("latin-1")
    )
    document = read_document(page)
    assert "Professor Hélène Marsh, Vice-Chancellor" in document.text
    assert document.warnings == ()


ARTICLE = (
    "<body><article><h1>Cardiff signs civic pact</h1><p>Cardiff University and Cardiff Council have signed a"
    " civic pact to work together on jobs and skills across the city region.</p><p>The pact runs for five"
    " years and covers research, teaching and public engagement in every part of the city.</p></article></body>"
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "Cardiff signs civic pact", "datePublished": "2022-09-01T10:00:00Z",'
            ' "publisher": {"@type": "Organization", "name": "Cardiff University"},'
            ' "mainEntityOfPage": {"@id": "https://www.cardiff.ac.uk/news/pact"}}</script>',
            Metadata(
                "Cardiff signs civic pact",
                "Cardiff University",
                "2022-09-01",
                "https://www.cardiff.ac.uk/news/pact",
            ),
        ),
        (
            '<title>Cardiff signs civic pact | Cardiff Council</title><link rel="canonical"'
            ' href="https://www.cardiff.gov.uk/news/pact">',
            Metadata(title="Cardiff signs civic pact", url="https://www.cardiff.gov.uk/news/pact"),
        ),
        ("", Metadata(title="Cardiff signs civic pact")),
    ],
    ids=["json-ld", "title-and-canonical", "nothing"],
)
def test_html_metadata_from_whatever_the_page_has(tmp_path: Path, head: str, expected: Metadata) -> None:
    page = tmp_path / "pact.html"
    page.write_text(f"<html><head>{head}</head>{ARTICLE}</html>", encoding="utf-8")
    assert read_document(page).metadata == expected


def test_utf16_text_with_a_byte_order_mark_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Leeds signs the civic agreement.\r\n".encode("utf-16"))
    document = read_document(path)
    assert (document.text, document.warnings) == ("Leeds signs the civic agreement.\n", ())


def test_an_html_fragment_without_a_body_is_read(tmp_path: Path) -> None:
    page = tmp_path / "fragment.html"
    page.write_text("<p>Leeds City Council and the University of Leeds signed a civic agreement today.</p>")
    assert (
        read_document(page).text
        == "Leeds City Council and the University of Leeds signed a civic agreement today.\n"
    )


def test_pdf_running_footer_with_changing_numbers_goes_and_alike_body_lines_stay(tmp_path: Path) -> None:
    pages = [["Bristol and Bath universities publish a joint civic plan for the West of England region."]] + [
        [f"Part {n} of the plan sets out how the universities will work with the councils."] for n in (2, 3)
    ]
    path = tmp_path / "plan.pdf"
    path.write_bytes(text_pdf(pages, footer="University of Bristol press office, release 2023/{n} | {n}"))
    paragraphs = read_document(path).text.strip().split("\n\n")
    assert paragraphs == [pages[0][0], pages[1][0], pages[2][0]]


@pytest.mark.parametrize(
    ("paragraph", "furniture"),
    [
        ("READ MORE: Plans for a new campus unveiled", True),
        ("Read more", True),
        ("Related stories >", True),
        ("See also - Leeds budget", True),
        ("Photo: Leeds City Council", True),
        ("Image credit: Simon Ashworth", True),
        ("Credit: PA", True),
        ("Related to this, the council said it would publish a plan.", False),
        ("Read more about the plan in the council's report, the leader said.", False),
        ("The photo: a council leader and a vice-chancellor signing.", False),
    ],
)
def test_furniture_paragraphs(paragraph: str, furniture: bool) -> None:
    from corecities_graph.sources.html import is_furniture

    assert is_furniture(paragraph) is furniture


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [("Published: 2 May 2023", "2023-05-02"), (None, "2025-01-09")],
)
def test_pdf_dateline_beats_the_files_creation_date(
    tmp_path: Path, dateline: str | None, expected: str
) -> None:
    page = [line for line in PAGE_ONE if line != "Published: 2 May 2023"]
    if dateline:
        page.insert(1, dateline)
    path = tmp_path / "re-exported.pdf"
    path.write_bytes(text_pdf([page, PAGE_TWO], info={"CreationDate": "D:20250109120000Z"}))
    assert read_document(path).metadata.date == expected
