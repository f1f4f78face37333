"""Stage events: how a build or publish tells its caller which step it is on and how far it has got.

The library never prints. A caller that shows progress, or times each step, passes an observer
(any callable taking a StageEvent) and hears every start, advance and end; with none, the events
go nowhere. The stages of a build, in order:

    read, extract, model, store   per document, as each one is written (one item each); with
                                  the SHACL check on, check comes between model and store: the
                                  worker's check of the document's graph before it is stored
    store finish                  the store's last load, flush and, on a first build, its move into place
    validate                      the SHACL check of the graphs the build wrote
    graph.ttl, graph.trig         the dumps
    void.ttl                      the dataset description
    report data, report.md, signatories-by-city.png, report.html
    view.html

Extraction runs in worker processes, ahead of the writer: read, extract and model are reported
as each document arrives in the writer, with the seconds the worker spent on it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

READ = "read"
EXTRACT = "extract"
MODEL = "model"
CHECK = "check"
STORE = "store"
STORE_FINISH = "store finish"
VALIDATE = "validate"
REPORT_DATA = "report data"


@dataclass(frozen=True)
class StageEvent:
    """One stage started, got further, or ended."""

    stage: str
    kind: Literal["start", "advance", "end"]
    # Items done so far and how many there are (None: not known, or not counted in items).
    done: int = 0
    total: int | None = None
    # For an item done elsewhere (a worker process): the wall and CPU seconds it took there.
    seconds: float = 0.0
    cpu: float = 0.0


Observer = Callable[[StageEvent], None]


class Stages:
    """Sends stage events to an observer, or nowhere when there is none."""

    def __init__(self, observer: Observer | None = None) -> None:
        self._observer = observer

    def start(self, stage: str, total: int | None = None) -> None:
        if self._observer is not None:
            self._observer(StageEvent(stage, "start", 0, total))

    def advance(
        self, stage: str, done: int, total: int | None = None, *, seconds: float = 0.0, cpu: float = 0.0
    ) -> None:
        if self._observer is not None:
            self._observer(StageEvent(stage, "advance", done, total, seconds, cpu))

    def end(self, stage: str, done: int = 0, total: int | None = None) -> None:
        if self._observer is not None:
            self._observer(StageEvent(stage, "end", done, total))

    @contextlib.contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[None]:
        """Start a stage, run the block, end it (also when the block fails)."""
        self.start(name, total)
        try:
            yield
        finally:
            self.end(name, total or 0, total)


def stages_of(observer: Observer | Stages | None) -> Stages:
    """A Stages for what a caller passed: an observer, a Stages already made, or nothing."""
    return observer if isinstance(observer, Stages) else Stages(observer)
