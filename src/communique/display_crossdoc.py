"""Rendering what the cross-article pass found, for people: conflicts between sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from communique.terminal import literal


def _source(side: dict[str, Any]) -> str:
    parts = [str(side.get("date") or ""), side.get("outlet") or "", f"article {side['article_id']}"]
    return " · ".join(part for part in parts if part)


def print_conflicts(console: Console, rows: Sequence[tuple]) -> None:
    """Conflicts as a reader wants them: what is disputed, then each side with its source and
    the sentence that says it. ``rows`` come from ``queries.find_conflicts``."""
    for number, (_, _kind, subject, name, fact, sides) in enumerate(rows):
        if number:
            console.print()
        who = name if name == subject else f"{name} ({subject})"
        console.print(Text.assemble(literal(who, "bold"), " — ", literal(fact)))
        for side in sides or []:
            console.print(Text.assemble("  • ", literal(side["value"], "bold")))
            evidence = side.get("evidence") or side.get("text")
            if evidence:
                console.print(literal(f"    “{evidence}”"))
            console.print(literal(f"    {_source(side)}", "dim italic"))
    if rows:
        console.print()
        console.print(Text(f"{len(rows)} conflict{'' if len(rows) == 1 else 's'}", style="dim"))
