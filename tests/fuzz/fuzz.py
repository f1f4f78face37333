"""Coverage-guided fuzzing (atheris) of the extractor, the decoder and the read-only check.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python tests/fuzz/fuzz.py extract  -max_total_time=300 -timeout=20 tests/fuzz/corpus/extract
    .venv/bin/python tests/fuzz/fuzz.py decode   -max_total_time=180 -timeout=20
    .venv/bin/python tests/fuzz/fuzz.py readonly -max_total_time=180 -timeout=20

Arguments after the target go to libFuzzer. A crash, a wrong read-only verdict or an input over
-timeout seconds leaves the input as crash-*/timeout-* in the working folder; inputs slower than
SLOW_SECONDS, each slower than any before it, are reported on stderr and kept as slow-*.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SLOW_SECONDS = 1.0
sys.path.insert(0, str(HERE))

with atheris.instrument_imports(include=["corecities_graph", "sparql_gen"]):
    from sparql_gen import generate, oxigraph_accepts

    from corecities_graph.errors import InputError, QueryError
    from corecities_graph.extract import extract
    from corecities_graph.resolve.reference import Reference
    from corecities_graph.sources.read import decode_text, document_from_text
    from corecities_graph.sparql.query import check_read_only

REFERENCE = Reference.load(ROOT / "data" / "reference")
_slowest = [0.0]


def _timed(label: str, data: bytes, run: object) -> None:
    started = time.perf_counter()
    run()  # type: ignore[operator]
    spent = time.perf_counter() - started
    if spent > max(SLOW_SECONDS, _slowest[0]):
        _slowest[0] = spent
        name = f"slow-{label}-{hashlib.sha1(data).hexdigest()[:12]}"
        Path(name).write_bytes(data)
        print(f"slow {label}: {spent:.2f}s for {len(data)} bytes, kept as {name}", file=sys.stderr)


def fuzz_extract(data: bytes) -> None:
    """Any text: extraction never raises, and every span lies inside the text."""
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    if not text.strip():
        return

    def run() -> None:
        document = document_from_text(text, doc_id="fuzz")
        extraction = extract(document, REFERENCE)
        for fact in (
            *extraction.organisations,
            *extraction.people,
            *extraction.quotes,
            *extraction.statistics,
        ):
            span = fact.evidence.span
            assert 0 <= span.start <= span.end <= len(document.text), fact

    with contextlib.suppress(InputError):
        _timed("extract", data, run)


def fuzz_decode(data: bytes) -> None:
    """Any bytes: decoding refuses cleanly or gives text that extracts."""

    def run() -> None:
        try:
            text = decode_text(data, "fuzz.txt")
            document = document_from_text(text, doc_id="fuzz")
        except InputError:
            return
        assert "\r" not in document.text
        extract(document, REFERENCE)

    _timed("decode", data, run)


def fuzz_readonly(data: bytes) -> None:
    """Generated SPARQL with known truth: no update or SERVICE call passes the check."""
    fdp = atheris.FuzzedDataProvider(data)
    generated = generate(lambda n: fdp.ConsumeIntInRange(0, n - 1))
    if not oxigraph_accepts(generated):
        return
    for allow_update, allow_service, expected in (
        (False, True, generated.update),
        (True, False, generated.service),
    ):
        try:
            check_read_only("fuzz", generated.text, allow_update=allow_update, allow_service=allow_service)
            refused = False
        except QueryError:
            refused = True
        assert refused == expected, generated


TARGETS = {"extract": fuzz_extract, "decode": fuzz_decode, "readonly": fuzz_readonly}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: fuzz.py {{{'|'.join(TARGETS)}}} [libFuzzer options] [corpus folders]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
