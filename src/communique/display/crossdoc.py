"""Rendering what the cross-article pass found, for people: conflicts between sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from communique.display.terminal import literal
from communique.store.queries import ConflictSeen


def _source(side: dict[str, Any]) -> str:
    parts = [str(side.get("date") or ""), side.get("outlet") or "", f"article {side['article_id']}"]
    return " · ".join(part for part in parts if part)


def print_conflicts(console: Console, rows: Sequence[ConflictSeen]) -> None:
    """Conflicts as a reader wants them: what is disputed, then each side with its source and
    the sentence that says it."""
    for number, row in enumerate(rows):
        if number:
            console.print()
        name, subject = row.subject_name, row.subject
        who = name if name == subject else f"{name} ({subject})"
        console.print(Text.assemble(literal(who, "bold"), " — ", literal(row.fact)))
        for side in row.sides:
            console.print(Text.assemble("  • ", literal(side["value"], "bold")))
            evidence = side.get("evidence") or side.get("text")
            if evidence:
                console.print(literal(f"    “{evidence}”"))
            console.print(literal(f"    {_source(side)}", "dim italic"))
    if rows:
        console.print()
        console.print(Text(f"{len(rows)} conflict{'' if len(rows) == 1 else 's'}", style="dim"))
