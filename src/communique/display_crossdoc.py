"""Rendering what the cross-article pass found, for people: conflicts between sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape


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
        console.print(f"[bold]{escape(who)}[/bold] — {escape(fact)}")
        for side in sides or []:
            console.print(f"  • [bold]{escape(side['value'])}[/bold]", highlight=False)
            evidence = side.get("evidence") or side.get("text")
            if evidence:
                console.print(f"    “{escape(evidence)}”", highlight=False)
            console.print(f"    [dim italic]{escape(_source(side))}[/dim italic]")
    if rows:
        console.print()
        console.print(f"[dim]{len(rows)} conflict{'' if len(rows) == 1 else 's'}[/dim]")
