"""Named passes: the steps of the analysis, each declaring what it reads and what it adds.

A pass is a function over a context object (the article as the analysis sees it so far). The
ordered lists of passes live with what they make: ``analysis.pipeline.PASSES`` for the
article, ``analysis.statements.PASSES`` for the statements, ``analysis.events.STAGES`` for
each event. ``check_order`` proves that each pass reads only what the input or an earlier
pass gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

C = TypeVar("C")


@dataclass(frozen=True)
class Pass(Generic[C]):
    """One step: its name, what it reads and adds (names of the context's fields), and what
    it does."""

    name: str
    run: Callable[[C], None]
    reads: tuple[str, ...]
    adds: tuple[str, ...]


def run_passes(passes: Iterable[Pass[C]], context: C) -> C:
    """Run the passes over the context, in order; returns the context."""
    for step in passes:
        step.run(context)
    return context


def check_order(passes: Sequence[Pass[C]], given: Iterable[str]) -> list[str]:
    """What is wrong with the order of the passes: each read that neither ``given`` nor an
    earlier pass provides. Empty when the order holds."""
    known = set(given)
    wrong = []
    for step in passes:
        wrong += [f"{step.name} reads {name!r} before any pass adds it"
                  for name in step.reads if name not in known]  # fmt: skip
        known.update(step.adds)
    return wrong
