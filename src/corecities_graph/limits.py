"""What one input may cost, in one place: read by the readers, the build and the command line.

Every input is untrusted, so each bound here holds whatever a file says; the README's bad-input
table lists each with the `Error:` line it gives. (The sizes at which the whole-corpus outputs
change how they are made are in `corpus.limits`.)
"""

from __future__ import annotations

# An input file larger than this is refused before it is read (`--max-bytes`).
MAX_BYTES = 20 * 1024 * 1024

# A title, publisher, date or URL longer than this is refused in a sidecar or front matter, and
# left out with a warning when a page or PDF says it: no press release's title comes near it.
METADATA_CHARS = 2000

# A NAME.meta.json sidecar holds four short fields; one larger than this is refused unread.
SIDECAR_BYTES = 64 * 1024

# JSON (a sidecar, a page's JSON-LD) nested deeper than this is refused or ignored: real
# metadata is a few levels deep, and Python's parsers recurse on each level.
JSON_DEPTH = 64

# A PDF is read in a worker process bounded in memory (address space) and in time. The time
# grows with the file's size, so that a large honest PDF still reads, and a tiny hostile one
# (objects that refer to themselves, a stream that inflates to gigabytes) fails in seconds.
PDF_MEMORY_BYTES = 2 * 1024 * 1024 * 1024
PDF_SECONDS = 5.0
PDF_SECONDS_PER_MIB = 5.0

# Text a PDF may yield, counted as its characters are drawn: a page of a press release holds
# some 5,000 characters, and a small file that draws millions is a bomb, not an article.
PDF_PAGE_CHARS = 100_000
PDF_TEXT_CHARS = 2_000_000

# Names and facts one document may yield (mentions of places, organisations and people, quotes,
# proposals, figures, counts, signatories). Each becomes some twenty statements in the graph, and
# what a build holds for a document follows that number, not the bytes: the seed yields 124, a
# long report a few thousand, and 4,000 lines each naming two universities some 12,000. Past this, a
# document is refused, which bounds the memory of a build whatever a text holds.
DOCUMENT_FACTS = 10_000


def pdf_seconds(size: int) -> float:
    """The time a PDF of `size` bytes may take to read."""
    return PDF_SECONDS + PDF_SECONDS_PER_MIB * size / (1024 * 1024)
