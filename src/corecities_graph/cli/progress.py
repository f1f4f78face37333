"""The progress line on stderr and the Ctrl-C/SIGTERM handling that build, publish and push share."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    pass


class ProgressLine:
    """One updating stderr line: documents done, rate and time left; only on a terminal."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False
        self._last = 0.0

    def document(self, progress: Any) -> None:
        self.show(progress.done, progress.total, progress.elapsed, "documents")

    def show(self, done: int, total: int, elapsed: float, what: str) -> None:
        if not self.enabled or (done < total and elapsed - self._last < 0.2):
            return
        self._last = elapsed
        rate = done / elapsed if elapsed > 0 else 0.0
        left = (total - done) / rate if rate > 0 else 0.0
        minutes, seconds = divmod(int(left), 60)
        click.echo(
            f"\r{done}/{total} {what}, {rate:.1f}/s, {minutes}:{seconds:02d} left\x1b[K", nl=False, err=True
        )
        self.shown = True

    def step(self, name: str) -> None:
        """Say which whole-corpus output is being written: at 10,000 documents each takes minutes."""
        if self.enabled:
            click.echo(f"\rWriting {name}…\x1b[K", nl=False, err=True)
            self.shown = True

    def close(self) -> None:
        if self.shown:
            click.echo("", err=True)
            self.shown = False


@contextlib.contextmanager
def interruptible(what: str, line: ProgressLine | None = None) -> Iterator[None]:
    """Turn Ctrl-C (130) and SIGTERM (143) into one message and a clean exit."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except (KeyboardInterrupt, _Terminated) as exc:
        if line is not None:
            line.close()
        click.echo(
            f"Error: {what} interrupted; the previous output files are unchanged and every graph "
            "in the store is either as it was or complete. Run it again to finish.",
            err=True,
        )
        sys.exit(143 if isinstance(exc, _Terminated) else 130)
    except BaseException:
        if line is not None:
            line.close()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Terminated(Exception):
    """SIGTERM arrived."""
