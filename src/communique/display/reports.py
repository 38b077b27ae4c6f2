"""Rendering results for people: run reports, store summaries, profiles, statements, scores."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.display.terminal import literal, printable
from communique.kb import Actor
from communique.store.queries import Profile, StatementSeen, Summary

if TYPE_CHECKING:
    from communique.runner import Report


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
    if report.updated:
        parts.append(f"{report.updated} of them given the new title, date, outlet or URL")
    elif report.differing:
        parts.append(
            f"{report.differing} of them read with another title, date, outlet or URL "
            "(--update-metadata takes the new ones)"
        )
    parts.append(f"{report.analysed} analysed")
    line = Text(", ".join(parts))
    if report.failed:
        line.append(f", {report.failed} could not be analysed", style="yellow")
    if report.problems:
        line.append(f", {len(report.problems)} problems", style="yellow")
    console.print(line)
    if report.analysed and report.analyse_seconds:
        console.print(
            f"analysis: {report.analysed / report.analyse_seconds:,.1f} articles/s, "
            f"{report.words_analysed / report.analyse_seconds:,.0f} words/s"
        )
    if report.crossdoc is not None:
        done = report.crossdoc
        console.print(
            f"across articles: {done.stories} stories of several articles, "
            f"{done.merged_events} events from {done.events} reports "
            f"({done.merged_across} told by several articles), {done.conflicts} conflicts"
        )


def store_summary(console: Console, summary: Summary, title: str = "store") -> None:
    console.print(
        Text.assemble(
            (printable(title), "bold"),
            f": {summary.articles} articles"
            f" (+{summary.duplicates} near-duplicates), {summary.analysed} analysed, "
            f"{summary.sentences} sentences, {summary.mentions} entity mentions, "
            f"{summary.problems} problems recorded",
        )
    )
    if summary.failed:
        console.print(
            Text(
                f"{summary.failed} articles could not be analysed: "
                "communique export problems shows why",
                style="yellow",
            )
        )
    table = Table(title="Most mentioned", show_lines=False)
    for group in summary.top:
        table.add_column(group.capitalize())
        table.add_column("n", justify="right", style="dim")
    depth = max((len(rows) for rows in summary.top.values()), default=0)
    for i in range(depth):
        cells: list[Text] = []
        for rows in summary.top.values():
            name, count, _docs = rows[i] if i < len(rows) else ("", "", "")
            cells += [literal(name), Text(str(count))]
        table.add_row(*cells)
    if depth:
        console.print(table)


def actor_profile(console: Console, profile: Profile, actor: Actor | None) -> None:
    """An actor's profile: who it is, the offices it holds, what the articles say it is."""
    facts = [profile.kind, profile.country or "no country", profile.sector or "no sector"]
    if profile.wikidata:
        facts.append(f"wikidata {profile.wikidata}")
    console.print(
        Text.assemble(
            (printable(profile.name), "bold"), printable(f" ({profile.id}): {', '.join(facts)}")
        )
    )
    console.print(f"{profile.mentions} mentions in {profile.articles} articles")
    if actor is not None and actor.offices:
        table = Table(title="Offices (knowledge base)")
        for column in ("role", "country", "from", "to"):
            table.add_column(column)
        for office in sorted(actor.offices, key=lambda o: o.start or date.min):
            table.add_row(literal(office.role), literal(office.country or ""),
                          str(office.start or ""), str(office.end or "now"))  # fmt: skip
        console.print(table)
    if profile.roles:
        table = Table(title="Roles in the articles")
        for column in ("date", "outlet", "role", "organisation", "tense", "as written"):
            table.add_column(column)
        for seen in profile.roles:
            cells = (seen.outlet or "", seen.role, seen.organisation or "", seen.tense,
                     seen.evidence)  # fmt: skip
            table.add_row(str(seen.date or ""), *(literal(cell) for cell in cells))
        console.print(table)
    by_outlet = [(literal(outlet), Text(str(n))) for outlet, n in profile.by_outlet]
    together = [(literal(p.name), Text(str(p.sentences))) for p in profile.together]
    for title, rows in (("Mentions by outlet", by_outlet), ("In the same sentence", together)):
        if rows:
            table = Table(title=title)
            table.add_column("")
            table.add_column("n", justify="right")
            for row in rows:
                table.add_row(*row)
            console.print(table)


def statements(console: Console, rows: list[StatementSeen]) -> None:
    """Statements as a reader wants them: who, to whom, what, where it was said, the sentence."""
    for row in rows:
        source = " · ".join(str(part) for part in (row.date, row.outlet, row.title) if part)
        to = f" → {row.addressee}" if row.addressee else ""
        chain = f" (via {', '.join(row.via)})" if row.via else ""
        console.print(
            Text.assemble(
                literal(row.speaker or "(unknown speaker)", "bold"),
                printable(to),
                " ",
                literal(f"{row.cue or ''} · {row.kind}{chain}", "dim"),
            )
        )
        console.print(literal(f"  {row.content}"))
        if row.sentence and row.sentence.strip() != (row.content or "").strip():
            console.print(literal(f"  {row.sentence}", "dim"))
        if source:
            console.print(literal(f"  {source}", "dim italic"))
