"""Build the seed with a fixed build time and hash every output; shared by the test and the regenerator.

Run `python tests/regen_seed_outputs.py` to rewrite tests/fixtures/seed_outputs.sha256 after a
change that is meant to change outputs (an extraction improvement, a new report line).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "seed_outputs.sha256"
EPOCH = "1600000000"
EXPORTS = ("ttl", "jsonld", "nt", "nq", "trig", "rdfxml", "graphml", "csv")
# Command lines whose stdout is an output too: the help of every command is the CLI's surface.
COMMANDS = (
    ("--help",),
    *((name, "--help") for name in (
        "analyse", "build", "evaluate", "explain", "export", "publish", "push", "queries",
        "query", "read", "remove", "serve", "status", "validate",
    )),
    ("queries",),
    ("query", "cities", "--format", "csv"),
    ("query", "signatories", "--format", "json"),
    ("analyse", "--format", "csv"),
    ("explain", "Leeds", "Manchester"),
    ("validate",),
    ("read", "data/declaration.txt", "--format", "json"),
)  # fmt: skip
# Logs and the store's own files are not outputs: they hold paths, timings or engine layout.
SKIP = {".last-build.json", "store"}


def outputs(out: Path) -> dict[str, str]:
    """Build the seed into OUT, export every format, run COMMANDS; the sha256 of each result by name."""
    from click.testing import CliRunner

    from corecities_graph.cli import cli

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        runner = CliRunner()
        done = runner.invoke(cli, ["-q", "build", "data/declaration.txt", "--out", str(out)])
        assert done.exit_code == 0, done.output
        for fmt in EXPORTS:
            target = out / "export" / f"graph.{fmt}"
            done = runner.invoke(cli, ["-q", "export", "--out", str(out), "--format", fmt, "-o", str(target)])
            assert done.exit_code == 0, done.output
        hashes = {
            path.relative_to(out).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(out.rglob("*"))
            if path.is_file() and path.relative_to(out).parts[0] not in SKIP
        }
        for args in COMMANDS:
            extra = ["--out", str(out)] if args[0] in ("query", "analyse", "explain", "validate") else []
            done = runner.invoke(cli, [*args, *extra], terminal_width=100)
            hashes["stdout: " + " ".join(args)] = hashlib.sha256(
                f"exit {done.exit_code}\n{done.stdout}".replace(str(out), "OUT").encode()
            ).hexdigest()
    finally:
        os.chdir(cwd)
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    return hashes


def read_fixture() -> dict[str, str]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines if line)}


def write_fixture(hashes: dict[str, str]) -> None:
    FIXTURE.write_text("".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items())), "utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write_fixture(outputs(Path(folder) / "out"))
    print(f"wrote {FIXTURE.relative_to(ROOT)}", file=sys.stderr)
