"""Rendering a dyad timeline for people: the periods, the events and the statements."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.crossdoc.timeline import QUAD_SHORT, Timeline, describe, period_label
from communique.display.terminal import literal, printable

_QUAD_STYLES = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}
_CONTENT = 160  # characters of a statement's content shown


def _signed(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:+.{digits}f}"


def _index_style(value: float | None) -> str:
    if value is None:
        return "dim"
    return "green" if value > 0 else "red" if value < 0 else ""


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def print_timeline(console: Console, timeline: Timeline) -> None:
    """The timeline as tables: one row per period with events, then the events, then the
    statements; readable in 100 columns."""
    a, b, by = timeline.a, timeline.b, timeline.by
    articles = len(
        {e.article_id for e in timeline.events} | {s.article_id for s in timeline.statements}
    )
    counted = sum(1 for e in timeline.events if e.counted)
    counts = ", ".join(
        (
            _count(len(timeline.events), "event") + f" ({counted} counted)",
            _count(len(timeline.statements), "statement"),
            "from " + _count(articles, "article"),
        )
    )
    console.print(Text.assemble(literal(timeline.title, "bold"), f" by {by}: {counts}"))
    console.print(literal(f"A = {describe(a)} · B = {describe(b)}", "dim"))
    for note in timeline.notes:
        console.print(literal(note, "dim"))

    shown = [p for p in timeline.periods if p.events or p.statements]
    if shown:
        table = Table(title=f"By {by}", title_justify="left")
        table.add_column(by if by == "month" else "week of")
        for column in ("events", "counted", "coop.", "conflict"):
            table.add_column(column, justify="right")
        table.add_column("mean Goldstein", justify="right")
        table.add_column("coop − conflict", justify="right")
        table.add_column("statements", justify="right")
        for period in shown:
            table.add_row(
                period_label(period, by),
                str(period.events),
                str(period.counted),
                str(period.cooperative),
                str(period.conflictual),
                Text(_signed(period.index), style=_index_style(period.index)),
                Text(_signed(period.balance, 2), style=_index_style(period.balance)),
                str(period.statements),
            )
        empty = len(timeline.periods) - len(shown)
        if empty:
            table.caption = f"{empty} {by}{'s' if empty > 1 else ''} with nothing left out"
        console.print(table)

    if timeline.events:
        table = Table(title="Events", title_justify="left")
        table.add_column("date", no_wrap=True)
        table.add_column("", no_wrap=True)  # direction
        table.add_column("who → whom", ratio=3, overflow="fold")
        table.add_column("event: type mode", ratio=3)
        table.add_column("G", justify="right", no_wrap=True)  # Goldstein
        table.add_column("trigger", ratio=1, max_width=14, overflow="fold")
        table.add_column("outlet", ratio=1, max_width=14, overflow="fold")
        for event in timeline.events:
            who = event.actor if event.direction == "A↔B" else f"{event.actor} → {event.recipient}"
            kind = Text(event.type, style=_QUAD_STYLES.get(event.quad or 0, ""))
            if event.mode:
                kind.append(f" {event.mode}")
            kind.append(f"\n{QUAD_SHORT.get(event.quad or 0, 'no quad class')}", style="dim")
            if event.modality != "asserted":
                kind.append(
                    f"\n{event.modality}{'' if event.counted else ', not counted'}",
                    style="italic dim" if event.counted else "italic magenta",
                )
            table.add_row(
                str(event.date or "undated"),
                event.direction,
                literal(who),
                kind,
                _signed(event.goldstein),
                literal(event.trigger),
                literal(event.outlet or ""),
            )
        console.print(table)

    if timeline.statements:
        table = Table(title="Statements", title_justify="left")
        table.add_column("date", no_wrap=True)
        table.add_column("speaker → about", max_width=28, overflow="fold")
        table.add_column("what was said", ratio=5, overflow="fold")
        table.add_column("outlet", ratio=1, overflow="fold")
        for statement in timeline.statements:
            content = _short(statement.content, _CONTENT)
            if statement.kind == "direct":
                content = f"“{content}”"
            if statement.negated:
                content += " (negated)"
            said = literal(content)
            if len(statement.content.split()) < 6 and statement.sentence != statement.content:
                said.append(f"\n{printable(_short(statement.sentence, _CONTENT))}", style="dim")
            table.add_row(
                str(statement.date or "undated"),
                Text.assemble(
                    literal(statement.speaker, "bold"), printable(f" → {statement.about}")
                ),
                said,
                literal(statement.outlet or ""),
            )
        console.print(table)
