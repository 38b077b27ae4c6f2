"""Rendering results for people: run reports, store summaries, scores."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from communique.runner import Report
from communique.store.queries import Summary


def run_report(console: Console, report: Report) -> None:
    parts = [
        f"{report.files} files",
        f"{report.read} articles read",
        f"{report.added} new",
    ]
    if report.duplicates:
        parts.append(f"{report.duplicates} near-duplicates kept as copies")
    if report.known:
        parts.append(f"{report.known} already stored")
    parts.append(f"{report.analysed} analysed")
    if report.problems:
        parts.append(f"[yellow]{len(report.problems)} problems[/yellow]")
    console.print(", ".join(parts))
    if report.analysed and report.analyse_seconds:
        console.print(
            f"analysis: {report.analysed / report.analyse_seconds:,.1f} articles/s, "
            f"{report.words_analysed / report.analyse_seconds:,.0f} words/s"
        )


def store_summary(console: Console, summary: Summary, title: str = "store") -> None:
    console.print(
        f"[bold]{title}[/bold]: {summary.articles} articles"
        f" (+{summary.duplicates} near-duplicates), {summary.analysed} analysed, "
        f"{summary.sentences} sentences, {summary.mentions} entity mentions, "
        f"{summary.problems} problems recorded"
    )
    table = Table(title="Most mentioned", show_lines=False)
    for group in summary.top:
        table.add_column(group.capitalize())
        table.add_column("n", justify="right", style="dim")
    depth = max((len(rows) for rows in summary.top.values()), default=0)
    for i in range(depth):
        cells: list[str] = []
        for rows in summary.top.values():
            name, count, _docs = rows[i] if i < len(rows) else ("", "", "")
            cells += [str(name), str(count)]
        table.add_row(*cells)
    if depth:
        console.print(table)
