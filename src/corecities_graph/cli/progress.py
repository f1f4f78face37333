"""Progress bars on stderr, one per stage, and the Ctrl-C/SIGTERM handling that build, publish
and push share."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from ..stages import CHECK, EXTRACT, MODEL, READ, REPORT_DATA, STORE, STORE_FINISH, VALIDATE, StageEvent

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

# What each stage's bar says, and what it counts. Read, extract, model and check reach the writer
# with each document it stores, so the documents bar (the store stage) stands for them all.
_LABELS = {
    STORE: ("Building", "documents"),
    STORE_FINISH: ("Closing the store", ""),
    VALIDATE: ("Checking (SHACL)", ""),
    REPORT_DATA: ("Querying for the reports", ""),
    "push": ("Pushing", "graphs"),
}
_HIDDEN = frozenset({READ, EXTRACT, MODEL, CHECK})


class StageBars:
    """A progress bar on stderr for each stage a build or publish reports: the count, the time
    spent and the time left. Drawn only when stderr is a terminal; nothing is printed otherwise."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, event: StageEvent) -> None:
        if not self.enabled or event.stage in _HIDDEN:
            return
        progress = self._progress or self._start()
        label, unit = _LABELS.get(event.stage, (f"Writing {event.stage}", ""))
        task = self._tasks.get(event.stage)
        if task is None:
            task = self._tasks[event.stage] = progress.add_task(label, total=event.total, count="")
        count = f"{event.done}/{event.total} {unit}" if unit and event.total is not None else ""
        if event.kind == "end":
            # A stage counted in items shows where it stopped; one that is not ends with a full bar.
            total = event.total if event.total is not None else 1
            done = event.done if event.total is not None else 1
            progress.update(task, total=total, completed=done, count=count)
            progress.stop_task(task)
        elif event.kind == "advance":
            progress.update(task, completed=event.done, total=event.total, count=count)

    def _start(self) -> Progress:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("{task.description:<31}"),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(file=sys.stderr),
            redirect_stdout=False,
            redirect_stderr=False,
            refresh_per_second=5,
        )
        self._progress.start()
        return self._progress

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            self._tasks.clear()


@contextlib.contextmanager
def interruptible(what: str, bars: StageBars | None = None) -> Iterator[None]:
    """Turn Ctrl-C (130) and SIGTERM (143) into one message and a clean exit; the bars are
    closed however the block ends."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except (KeyboardInterrupt, _Terminated) as exc:
        if bars is not None:
            bars.close()
        click.echo(
            f"Error: {what} interrupted; the previous output files are unchanged and every graph "
            "in the store is either as it was or complete. Run it again to finish.",
            err=True,
        )
        sys.exit(143 if isinstance(exc, _Terminated) else 130)
    finally:
        if bars is not None:
            bars.close()
        signal.signal(signal.SIGTERM, previous)


class _Terminated(BaseException):
    """SIGTERM arrived: like KeyboardInterrupt, not an error any `except Exception` may take for its own."""
