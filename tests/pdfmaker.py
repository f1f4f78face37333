"""A tiny PDF writer for tests: pages of Helvetica text lines, or an image and no text at all."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")  # WinAnsiEncoding, so curly quotes and dashes survive
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _text_stream(lines: Sequence[tuple[float, float, str, float]]) -> bytes:
    ops = [b"BT"]
    for x, y, text, size in lines:
        ops.append(b"/F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj" % (size, x, y, _escape(text)))
    ops.append(b"ET")
    return b"\n".join(ops)


def layout(paragraphs: Sequence[str], *, top: float = 760, width: int = 85, size: float = 11) -> list:
    """Paragraphs -> (x, y, line, size) wrapped at `width` characters, a blank line between them.

    A paragraph given as a list of strings keeps those line breaks (for hyphenation tests).
    """
    y = top
    lines = []
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            words, wrapped, current = paragraph.split(), [], ""
            for word in words:
                if current and len(current) + 1 + len(word) > width:
                    wrapped.append(current)
                    current = word
                else:
                    current = f"{current} {word}" if current else word
            wrapped.append(current)
        else:
            wrapped = list(paragraph)
        for line in wrapped:
            lines.append((72, y, line, size))
            y -= size * 1.3
        y -= size * 1.5
    return lines


def make_pdf(pages: Sequence[bytes], *, info: dict[str, str] | None = None, images: bool = False) -> bytes:
    """A PDF whose pages draw the given content streams (and one grey image when images=True)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = None
    if images:
        pixels = zlib.compress(bytes(range(0, 256, 4)) * 64)
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (len(pixels), pixels)
        )
    kids = []
    for content in pages:
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        resources = b"<< /Font << /F1 %d 0 R >>" % font
        if image:
            resources += b" /XObject << /Im1 %d 0 R >>" % image
        resources += b" >>"
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
                % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, resources, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_id = None
    if info:
        entries = b" ".join(b"/%s (%s)" % (k.encode(), _escape(v)) for k, v in info.items())
        info_id = add(b"<< %s >>" % entries)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_id:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n%s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def text_pdf(
    pages: Sequence[Sequence],
    *,
    header: str | None = None,
    footer: str = "Page {n} of {total}",
    info: dict[str, str] | None = None,
) -> bytes:
    """Pages of paragraphs, each page with a running header and a numbered footer."""
    streams = []
    for number, paragraphs in enumerate(pages, start=1):
        lines = layout(paragraphs)
        if header:
            lines.append((72, 805, header, 9))
        lines.append((200, 30, footer.format(n=number, total=len(pages)), 9))
        streams.append(_text_stream(lines))
    return make_pdf(streams, info=info)


def image_only_pdf() -> bytes:
    """One page that shows a scanned-looking image and has no text layer."""
    return make_pdf([b"q 400 0 0 500 90 200 cm /Im1 Do Q"], images=True)


# ---- hostile PDFs: raw objects, so that they can be as wrong as an attacker makes them ----


def raw_pdf(objects: Sequence[bytes], *, root: int = 1) -> bytes:
    """A PDF of these object bodies, numbered from 1, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_FONT = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def _page(contents: int) -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s /Contents %d 0 R >>" % (_FONT, contents)


def self_referencing_pdf(cycle: int = 1) -> bytes:
    """A page whose content stream is a reference to a reference ... back to itself: `cycle`
    objects from 4 on, each naming the next, the last naming the first."""
    refs = [b"%d 0 R" % (4 + (i + 1) % cycle) for i in range(cycle)]
    return raw_pdf([_CATALOG, _PAGES, _page(4), *refs])


def _stream(data: bytes, filters: int = 1) -> bytes:
    names = b" ".join([b"/FlateDecode"] * filters)
    return b"<< /Length %d /Filter [%s] >>\nstream\n%s\nendstream" % (len(data), names, data)


def inflating_stream(size: int) -> bytes:
    """zlib data that inflates to `size` NUL bytes (rounded up to 64 MiB), made without
    compressing them all: after a full flush deflate starts afresh, so one block repeats."""
    chunk = 64 * 1024 * 1024
    count = -(-size // chunk)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(bytes(chunk)) + deflate.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    zeros = bytes(chunk)
    for _ in range(count):
        adler = zlib.adler32(zeros, adler)
    return b"\x78\xda" + block * count + b"\x03\x00" + adler.to_bytes(4, "big")


def bomb_pdf(inflated: int) -> bytes:
    """A small PDF whose one content stream inflates to `inflated` bytes."""
    return raw_pdf([_CATALOG, _PAGES, _page(4), _stream(inflating_stream(inflated))])


def text_bomb_pdf(chars_per_page: int, pages: int = 1) -> bytes:
    """Pages that each draw `chars_per_page` characters from a stream of a few hundred bytes."""
    content = zlib.compress(b"BT /F1 1 Tf 10 10 Td (" + b"A" * chars_per_page + b") Tj ET", 9)
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [_CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    objects += [_page(3 + pages) for _ in range(pages)]
    return raw_pdf([*objects, _stream(content)])
