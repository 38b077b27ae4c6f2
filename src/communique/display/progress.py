"""Progress for long work: a rich bar on a terminal, plain periodic lines elsewhere (CI, logs)."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second, named: "12.3 articles/s"."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        rate = task.completed / elapsed if elapsed else 0.0
        return Text(f"{rate:,.1f} {self.unit}/s", style="progress.data.speed")


class Meter:
    """Counts work done towards a total and shows it; use as a context manager."""

    def __init__(self, console: Console, label: str, total: int | None, unit: str) -> None:
        self.console, self.label, self.total, self.unit = console, label, total, unit
        self.done = 0
        self.started = time.perf_counter()
        self._last_line = 0.0
        self._last_done = -1
        self._progress: Progress | None = None
        if console.is_terminal:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(unit),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )
            self._task = self._progress.add_task(label, total=total)

    def __enter__(self) -> Meter:
        if self._progress is not None:
            self._progress.start()
        return self

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if self._progress is not None:
            self._progress.advance(self._task, amount)
        elif time.perf_counter() - self._last_line >= 2.0:
            self._line()

    def describe(self, label: str) -> None:
        """Change the label shown, e.g. to carry a running count."""
        self.label = label
        if self._progress is not None:
            self._progress.update(self._task, description=label)

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _line(self) -> None:
        self._last_line = time.perf_counter()
        self._last_done = self.done
        of = f"/{self.total}" if self.total is not None else ""
        self.console.print(
            f"{self.label}: {self.done}{of} {self.unit} ({self.rate:,.1f} {self.unit}/s)"
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
        elif self.done and self.done != self._last_done:
            self._line()
