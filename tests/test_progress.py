"""Stage events (stages.py) and the progress bars the command line draws from them
(cli/progress.py): a bar per stage on a terminal, nothing without one or with -q, stdout clean."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from corecities_graph.corpus.build import BuildSettings, build, publish
from corecities_graph.graph.vocab import DEFAULT_BASE_IRI
from corecities_graph.stages import StageEvent

RELEASE = """https://news.example.ac.uk/{slug}
{city} universities back a regional skills compact

The University of {city} and {city} City Council have asked government for a regional skills
compact. Cllr Ben Evans, Leader of {city} City Council, said: "This is good for {city}."
"""
CITIES = ("Leeds", "Bristol", "Sheffield")
OUTPUTS = (
    "graph.ttl", "graph.trig", "void.ttl", "report data", "report.md", "signatories-by-city.png",
    "report.html", "view.html",
)  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for city in CITIES:
        slug = f"{city.lower()}-compact"
        (folder / f"{slug}.txt").write_text(RELEASE.format(slug=slug, city=city), encoding="utf-8")
    return folder


def _run(args: list[str], *, terminal: bool) -> tuple[int, bytes, bytes]:
    """Run the command line with stderr on a pseudo-terminal (or a pipe) and stdout on a pipe:
    (exit code, stdout, stderr)."""
    command = [sys.executable, "-m", "corecities_graph", *args]
    if not terminal:
        done = subprocess.run(command, capture_output=True, timeout=600)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    os.close(leader)
    assert process.stdout is not None
    with process.stdout:
        stdout = process.stdout.read()
    return process.wait(timeout=600), stdout, seen


def test_a_build_on_a_terminal_draws_a_bar_for_each_stage(corpus: Path, tmp_path: Path) -> None:
    code, stdout, stderr = _run(
        ["build", str(corpus), "--out", str(tmp_path / "out"), "-j", "1"], terminal=True
    )
    shown = stderr.decode("utf-8")
    assert code == 0, shown
    assert stdout == b""
    assert "Building" in shown and "3/3 documents" in shown
    for label in ("Closing the store", "Checking (SHACL)", "Writing graph.ttl", "Writing view.html"):
        assert label in shown, label
    assert "left" in shown  # the time left
    assert "Built 3 documents" in shown


@pytest.mark.parametrize(
    "where", [["-q", "build"], ["build", "-q"], ["build", "--quiet"]], ids=["group", "short", "long"]
)
def test_quiet_draws_nothing_on_a_terminal(corpus: Path, tmp_path: Path, where: list[str]) -> None:
    args = [*where, str(corpus), "--out", str(tmp_path / "out"), "--no-outputs", "--no-validate"]
    code, stdout, stderr = _run(args, terminal=True)
    assert code == 0
    assert (stdout, stderr) == (b"", b"")


def test_no_bar_when_stderr_is_not_a_terminal(corpus: Path, tmp_path: Path) -> None:
    code, stdout, stderr = _run(["build", str(corpus), "--out", str(tmp_path / "out")], terminal=False)
    assert code == 0
    assert stdout == b""
    assert b"\r" not in stderr and b"\x1b" not in stderr and b"documents," not in stderr
    assert b"Building" not in stderr and b"Checking" not in stderr
    assert stderr.startswith(b"Built 3 documents")


def test_publish_quiet_after_the_command(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus], BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, outputs=False, validate=False))
    code, stdout, stderr = _run(["publish", "--out", str(out), "-q"], terminal=True)
    assert code == 0
    assert (stdout, stderr) == (b"", b"")
    assert (out / "view.html").is_file()


def test_a_build_tells_every_stage_in_order(corpus: Path, tmp_path: Path) -> None:
    """Each stage starts, advances one document at a time where it counts documents, and ends."""
    events: list[StageEvent] = []
    build(
        [corpus], BuildSettings(out=tmp_path / "out", base_iri=DEFAULT_BASE_IRI, jobs=1), stages=events.append
    )
    started = [e.stage for e in events if e.kind == "start"]
    ended = [e.stage for e in events if e.kind == "end"]
    per_document = ["read", "extract", "model", "check", "store"]
    assert started == [*per_document, "store finish", "validate", *OUTPUTS]
    assert sorted(ended) == sorted(started)
    for stage in per_document:
        advances = [e for e in events if e.stage == stage and e.kind == "advance"]
        assert [(e.done, e.total) for e in advances] == [(1, 3), (2, 3), (3, 3)]
        assert all(e.seconds >= 0 and e.cpu >= 0 for e in advances)
    # Extraction does real work on every document: its time is measured where it ran.
    assert sum(e.seconds for e in events if e.stage == "extract") > 0
    # Each stage ends before the next one starts, except the four that run per document.
    order = [(e.stage, e.kind) for e in events if e.kind != "advance" and e.stage not in per_document]
    for index in range(0, len(order), 2):
        assert order[index][0] == order[index + 1][0] and order[index][1] == "start", order


def test_an_unchanged_build_and_publish_tell_only_their_own_stages(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    settings = BuildSettings(out=out, base_iri=DEFAULT_BASE_IRI, outputs=False, validate=False, jobs=1)
    build([corpus], settings)
    events: list[StageEvent] = []
    result = build([corpus], settings, stages=events.append)
    assert sorted(result.unchanged) == ["bristol-compact", "leeds-compact", "sheffield-compact"]
    assert {e.stage for e in events} == {"read", "extract", "model", "store", "store finish"}
    # Nothing was extracted or stored: those documents took no time there.
    assert all(e.seconds == 0 for e in events if e.stage in ("extract", "model", "store"))
    events.clear()
    publish(settings, stages=events.append)
    assert [e.stage for e in events if e.kind == "start"] == list(OUTPUTS)
