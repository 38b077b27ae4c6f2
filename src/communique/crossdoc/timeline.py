"""Dyad timelines: what two actors did to each other, and said of each other, over time.

A *side* is who one of the two stands for. A person stands for themself; a state stands for
everyone of it: "Russia" covers Putin, Lavrov, the Kremlin and "Russian forces", that is
every stored actor whose ``country`` is RUS, and every event participant coded RUS.

The events of a dyad come from ``events`` and ``event_participants`` (read through the store,
``communique.store.timeline``), one per (article, event) as the articles report them; an
event belongs to it when one side is among its actors and the other among its recipients
(A→B or B→A), or both are among its actors with no third party as recipient ("Wang Yi and
Putin signed an agreement": A↔B; "Russia and China condemned the US" is a joint act towards
a third, not an act between them). Its date is the event's own, else the article's; events
with neither are listed as undated and left out of the periods.

Each period (a calendar month, or a week from Monday) gets two cooperation–conflict figures
over the events that count, i.e. not negated and not hypothetical (those stay listed, flagged):

* ``index``: the mean Goldstein value of the events (−10 most conflictual … +10 most
  cooperative), the figure GDELT users know. It weighs a shelling (−10) more than a rebuke
  (−2), which is why it is the index.
* ``balance``: the share of cooperative events (quad classes 1 and 2) minus the share of
  conflictual ones (3 and 4), from −1 to +1: what the index says, counting events alike.

The statements of a dyad are those whose speaker is of one side and whose content mentions
an actor of the other ("Wang said Russia was a reliable partner").

The chart (:func:`plot`) draws with matplotlib, imported only then.
"""

from __future__ import annotations

import base64
import calendar
import functools
import html
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from communique.kb import STATE_KINDS
from communique.ontology.plover import QUAD_NAMES

if TYPE_CHECKING:
    from communique.kb import KnowledgeBase
    from communique.store import Store
    from communique.store.timeline import DyadEvent

__all__ = [
    "BY",
    "NOT_COUNTED",
    "Period",
    "Side",
    "Timeline",
    "TimelineEvent",
    "TimelineStatement",
    "build_timeline",
    "describe",
    "period_label",
    "plot",
    "resolve_side",
    "to_html",
]

BY = ("week", "month")
"""The period lengths a timeline can be cut into."""

NOT_COUNTED = frozenset({"negated", "hypothetical"})
"""Modalities of events that are listed but left out of the index: they did not happen."""

COOPERATIVE = (1, 2)
CONFLICTUAL = (3, 4)

# Quad class colours: greens for cooperation, orange and red for conflict.
QUAD_COLOURS = {1: "#8fd19e", 2: "#238b45", 3: "#fdae6b", 4: "#d7301f"}
QUAD_SHORT = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}

# Actor kinds that stand for a whole state: a state rolls up everyone of its country.


@dataclass(frozen=True)
class Side:
    """Who A or B stands for: actor ids, and country codes (any actor of those countries)."""

    query: str
    ids: frozenset[str]
    countries: frozenset[str]
    label: str

    def matches(self, actor_id: str | None, country: str | None) -> bool:
        return actor_id in self.ids or (country is not None and country in self.countries)


@dataclass(frozen=True)
class TimelineEvent:
    """One event between the two sides, as one article reports it."""

    date: date | None
    article_id: str
    event_idx: int
    actor: str  # the names on the actor side, joined
    recipient: str  # the names on the recipient side, joined ("" for a joint act)
    direction: str  # "A→B", "B→A" or "A↔B"
    type: str
    mode: str | None
    quad: int | None
    goldstein: float | None
    modality: str
    trigger: str  # the trigger as written
    sentence: str
    outlet: str | None
    url: str | None
    title: str | None = None
    merged_id: str | None = None  # the merged event it is one report of

    @property
    def counted(self) -> bool:
        """Whether the event enters the index (it is neither negated nor hypothetical)."""
        return is_counted(self)


@dataclass(frozen=True)
class Period:
    """One month or week: its events, their quad classes and the cooperation–conflict figures.

    ``events`` counts every dated event of the period, ``counted`` those in the index;
    ``by_quad`` is by quad class over the counted ones. ``index`` is their mean Goldstein
    value (−10..+10) and ``balance`` the cooperative minus the conflictual share (−1..+1),
    both None when no event counts.
    """

    start: date
    end: date
    events: int
    by_quad: dict[int, int]
    index: float | None
    counted: int = 0
    balance: float | None = None
    statements: int = 0

    @property
    def cooperative(self) -> int:
        return sum(self.by_quad.get(q, 0) for q in COOPERATIVE)

    @property
    def conflictual(self) -> int:
        return sum(self.by_quad.get(q, 0) for q in CONFLICTUAL)


@dataclass(frozen=True)
class TimelineStatement:
    """A statement by one side whose content mentions the other."""

    date: date | None
    speaker: str
    about: str  # the other side's actors the content mentions, joined
    content: str
    sentence: str
    outlet: str | None
    article_id: str
    direction: str = "A→B"  # A spoke about B, or "B→A"
    kind: str = "indirect"
    negated: bool = False
    url: str | None = None


@dataclass(frozen=True)
class StatementRow:
    """One statement by a side about the other without its words: its date, outlet, which
    way, and the other side's actors its content names (joined)."""

    date: date | None
    article_id: str
    idx: int
    direction: str
    about: str
    outlet: str | None
    seq: int  # the article's ingest number


@dataclass(frozen=True)
class Timeline:
    a: Side
    b: Side
    by: str
    periods: list[Period]
    events: list[TimelineEvent]
    statements: list[TimelineStatement]
    notes: list[str] = field(default_factory=list)

    @property
    def dated(self) -> list[TimelineEvent]:
        return [event for event in self.events if event.date is not None]

    @property
    def undated(self) -> list[TimelineEvent]:
        return [event for event in self.events if event.date is None]

    @property
    def title(self) -> str:
        return f"{self.a.label} ↔ {self.b.label}"


# -- who a side is ---------------------------------------------------------------------------


def _state_side(store: Store, query: str, code: str, label: str) -> Side:
    named = store.actor(code)
    return Side(
        query=query,
        ids=frozenset(store.country_members(code)),
        countries=frozenset({code}),
        label=named.name if named else label,
    )


def _side_of(store: Store, query: str, key: str, name: str, kind: str, country: str | None) -> Side:
    if kind in STATE_KINDS and country:
        return _state_side(store, query, country, name)
    return Side(query=query, ids=frozenset({key}), countries=frozenset(), label=name)


def resolve_side(store: Store, name: str, kb: KnowledgeBase | None = None) -> Side | None:
    """Who ``name`` stands for (``communique.store.names.resolve``), or None when nothing by
    that name is known; raises ``Ambiguous`` for a name that fits several actors. A state, or
    a state's government, stands for every actor of its country (people, institutions,
    forces, outlets); anyone else for themself.
    """
    if kb is None:
        from communique.analysis.resources import knowledge_base

        kb = knowledge_base()
    found = store.resolve(name, kb)
    if found is None:
        return None
    return _side_of(store, name.strip(), found.id, found.name, found.kind, found.country)


# -- the timeline ----------------------------------------------------------------------------


def _names(labels: Iterable[str] | None) -> str:
    return ", ".join(dict.fromkeys(label for label in labels or () if label))


def rows(store: Store, a: Side, b: Side) -> tuple[list[DyadEvent], list[StatementRow]]:
    """The events between ``a`` and ``b`` and the statements of each about the other, by
    date (undated last), without their words: cheap to read for a whole dyad."""
    events = store.dyad_events(a, b)
    statements = [
        StatementRow(row.date, row.article_id, int(row.idx), row.direction,
                     _names(m["name"] for m in row.about), row.outlet, int(row.seq))
        for row in store.dyad_statements(a, b)
    ]  # fmt: skip
    return events, statements


def _side_names(sides: list[dict] | None) -> list[str]:
    return [side["name"] or side["text"] for side in sides or ()]


def worded_events(store: Store, events: Iterable[DyadEvent]) -> list[TimelineEvent]:
    """These events with their words (names, trigger, sentence), read for them alone."""
    chosen = list(events)
    words = store.dyad_event_words([(e.article_id, e.event_idx, e.seq) for e in chosen])
    found = []
    for event in chosen:
        said = words.get((event.article_id, event.event_idx))
        found.append(
            TimelineEvent(
                date=event.date, article_id=event.article_id, event_idx=event.event_idx,
                actor=_names(_side_names(said.actors if said else None)),
                recipient=_names(_side_names(said.recipients if said else None)),
                direction=event.direction, type=event.type, mode=event.mode,
                quad=event.quad, goldstein=event.goldstein, modality=event.modality,
                trigger=(said.trigger_text if said else None) or "",
                sentence=" ".join(((said.evidence if said else None) or "").split()),
                outlet=event.outlet, url=said.url if said else None,
                title=said.title if said else None,
                merged_id=said.merged_id if said else None,
            )
        )  # fmt: skip
    return found


def worded_statements(store: Store, statements: Iterable[StatementRow]) -> list[TimelineStatement]:
    """These statements with their words (speaker, content, sentence), read for them alone."""
    chosen = list(statements)
    words = store.dyad_statement_words([(s.article_id, s.idx, s.seq) for s in chosen])
    found = []
    for statement in chosen:
        said = words.get((statement.article_id, statement.idx))
        found.append(
            TimelineStatement(
                date=statement.date,
                speaker=(said.speaker_name if said else None) or "(unknown speaker)",
                about=statement.about,
                content=" ".join(((said.content if said else None) or "").split()),
                sentence=" ".join(((said.sentence_text if said else None) or "").split()),
                outlet=statement.outlet, article_id=statement.article_id,
                direction=statement.direction, kind=said.kind if said else "indirect",
                negated=bool(said.negated) if said else False,
                url=said.url if said else None,
            )
        )  # fmt: skip
    return found


def is_counted(event: TimelineEvent | DyadEvent) -> bool:
    """Whether an event enters the index (it is neither negated nor hypothetical)."""
    return event.modality not in NOT_COUNTED


@functools.lru_cache(maxsize=4096)
def period_of(day: date, by: str) -> tuple[date, date]:
    """The first and last day of the month or week (Monday to Sunday) ``day`` falls in."""
    if by == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def period_label(period: Period, by: str) -> str:
    """How a reader names a period: "2023-02" for a month, its Monday "2023-02-20" for a week."""
    return period.start.strftime("%Y-%m") if by == "month" else period.start.isoformat()


def build_periods(
    events: Sequence[TimelineEvent | DyadEvent],
    statements: Sequence[TimelineStatement | StatementRow],
    by: str,
) -> list[Period]:
    """Every period from the first dated record to the last, empty ones included."""
    days = [e.date for e in events if e.date] + [s.date for s in statements if s.date]
    if not days:
        return []
    bounds = []
    start, _ = period_of(min(days), by)
    last, _ = period_of(max(days), by)
    while start <= last:
        bounds.append(period_of(start, by))
        start = bounds[-1][1] + timedelta(days=1)
    by_period: dict[date, list[TimelineEvent | DyadEvent]] = {s: [] for s, _ in bounds}
    for event in events:
        if event.date is not None:
            by_period[period_of(event.date, by)[0]].append(event)
    said = Counter(period_of(s.date, by)[0] for s in statements if s.date is not None)
    periods = []
    for start, end in bounds:
        listed = by_period[start]
        counted = [e for e in listed if is_counted(e)]
        quads = Counter(e.quad for e in counted if e.quad in QUAD_NAMES)
        scores = [e.goldstein for e in counted if e.goldstein is not None]
        signed = sum(quads[q] for q in COOPERATIVE) - sum(quads[q] for q in CONFLICTUAL)
        total = sum(quads.values())
        periods.append(
            Period(
                start=start,
                end=end,
                events=len(listed),
                by_quad={q: quads[q] for q in sorted(quads)},
                index=round(sum(scores) / len(scores), 2) if scores else None,
                counted=len(counted),
                balance=round(signed / total, 2) if total else None,
                statements=said[start],
            )
        )
    return periods


def notes_of(events: Sequence[TimelineEvent | DyadEvent]) -> list[str]:
    """What a reader should know of the events that the periods leave out or do not count."""
    notes = []
    undated = sum(1 for e in events if e.date is None)
    if undated:
        notes.append(
            f"{undated} undated event{' is' if undated == 1 else 's are'} listed but not in "
            "the periods"
        )
    flagged = sum(1 for e in events if not is_counted(e))
    if flagged:
        notes.append(
            f"{flagged} negated or hypothetical event{' is' if flagged == 1 else 's are'} "
            "listed but not counted"
        )
    return notes


def build_timeline(store: Store, a: Side, b: Side, by: str = "month") -> Timeline:
    """The events between ``a`` and ``b`` (either way), per period, and what each said of the
    other. Raises ValueError for an unknown ``by`` or two sides that share an actor."""
    check(a, b, by)
    found, said = rows(store, a, b)
    events, statements = worded_events(store, found), worded_statements(store, said)
    notes = notes_of(found)
    return Timeline(a, b, by, build_periods(events, statements, by), events, statements, notes)


def check(a: Side, b: Side, by: str) -> None:
    """Raise ValueError for an unknown ``by`` or two sides that share an actor."""
    if by not in BY:
        raise ValueError(f"--by must be one of {', '.join(BY)}, not {by!r}")
    shared = (a.ids & b.ids) | (a.countries & b.countries)
    if shared:
        raise ValueError(
            f"{a.label} and {b.label} overlap ({', '.join(sorted(shared)[:5])}): "
            "a timeline needs two distinct sides"
        )


# -- the chart -------------------------------------------------------------------------------


def _figure(timeline: Timeline):
    """The chart as a matplotlib Figure (no pyplot, no global state): event counts stacked by
    quad class above, the two cooperation–conflict figures below, one slot per period."""
    from matplotlib.figure import Figure

    periods = timeline.periods
    figure = Figure(figsize=(10, 6.5), dpi=150, layout="constrained")
    bars, line = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    counted = sum(p.counted for p in periods)
    dated = sum(p.events for p in periods)
    figure.suptitle(
        f"{timeline.title}: events by {timeline.by} "
        f"({counted} counted of {dated} dated, {len(timeline.statements)} statements)",
        fontsize=12,
    )
    if timeline.notes:
        figure.supxlabel("; ".join(timeline.notes), fontsize=7, color="grey")
    if not periods:
        for axes in (bars, line):
            axes.set_axis_off()
        bars.text(
            0.5,
            0.3,
            "nothing dated to draw",
            ha="center",
            va="center",
            fontsize=12,
            transform=bars.transAxes,
        )
        return figure
    slots = list(range(len(periods)))
    bottom = [0] * len(periods)
    for quad in QUAD_NAMES:
        heights = [p.by_quad.get(quad, 0) for p in periods]
        if any(heights):
            bars.bar(
                slots, heights, 0.7, bottom=bottom, color=QUAD_COLOURS[quad], label=QUAD_NAMES[quad]
            )
            bottom = [low + high for low, high in zip(bottom, heights, strict=True)]
    flagged = [p.events - p.counted for p in periods]
    if any(flagged):
        bars.bar(
            slots,
            flagged,
            0.7,
            bottom=bottom,
            color="white",
            edgecolor="grey",
            hatch="//",
            label="negated or hypothetical (not counted)",
        )
    for slot, period in zip(slots, periods, strict=True):
        if period.events:
            bars.annotate(
                str(period.events),
                (slot, period.events),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
    bars.set_ylim(0, max(p.events for p in periods) * 1.15 + 0.5)
    bars.set_ylabel("events")
    bars.yaxis.get_major_locator().set_params(integer=True)
    bars.legend(loc="best", fontsize=8, framealpha=0.8)
    bars.grid(axis="y", alpha=0.3)

    nan = float("nan")
    index = [nan if p.index is None else p.index for p in periods]
    balance = [nan if p.balance is None else p.balance for p in periods]
    line.axhline(0, color="black", linewidth=0.8)
    line.plot(slots, index, marker="o", color="#1f4e79", label="mean Goldstein (the index)")
    for slot, period in zip(slots, periods, strict=True):
        if period.index is not None:
            line.annotate(
                f"{period.index:+.1f}",
                (slot, period.index),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                color="#1f4e79",
            )
    line.set_ylim(-11, 11)
    line.set_ylabel("mean Goldstein\n(−10 conflict … +10 coop.)", fontsize=9)
    share = line.twinx()
    share.plot(
        slots,
        balance,
        marker="s",
        linestyle="--",
        color="#7b3294",
        alpha=0.8,
        label="cooperative share − conflictual share",
    )
    share.set_ylim(-1.1, 1.1)
    share.set_ylabel("coop. − conflict share", fontsize=9)
    ours, theirs = line.get_legend_handles_labels(), share.get_legend_handles_labels()
    line.legend(  # above the panel, clear of the points
        ours[0] + theirs[0],
        ours[1] + theirs[1],
        loc="lower left",
        bbox_to_anchor=(0, 1),
        ncol=2,
        fontsize=8,
        frameon=False,
        borderaxespad=0.1,
    )
    line.grid(axis="y", alpha=0.3)
    step = max(1, -(-len(periods) // 24))  # at most about 24 labels
    line.set_xticks(slots[::step], [period_label(p, timeline.by) for p in periods[::step]])
    if len(slots[::step]) > 8:
        line.tick_params(axis="x", labelrotation=45)
    line.set_xlim(-0.6, len(periods) - 0.4)
    if timeline.by == "week":
        line.set_xlabel("weeks, by their Monday", fontsize=8)
    return figure


def _png(timeline: Timeline) -> bytes:
    buffer = io.BytesIO()
    _figure(timeline).savefig(buffer, format="png")
    return buffer.getvalue()


class _Markup(str):
    """HTML written here, put in a page as it is."""


def _cell(value: object) -> str:
    if isinstance(value, _Markup):
        return value
    return html.escape("" if value is None else str(value))


def _source(outlet: str | None, url: str | None) -> _Markup:
    """The outlet, linked to the article when its address is known."""
    name = _cell(outlet or ("article" if url else ""))
    if url and url.startswith(("http://", "https://")):
        return _Markup(f'<a href="{html.escape(url, quote=True)}">{name}</a>')
    return _Markup(name)


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{_cell(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:+.{digits}f}"


def describe(side: Side) -> str:
    """What a side stands for, in words: "Russia (RUS: 14 actors)", "Wang Yi"."""
    if side.countries:
        return f"{side.label} ({', '.join(sorted(side.countries))}: {len(side.ids)} actors)"
    return side.label


def _who(side: Side) -> str:
    return _cell(describe(side))


def to_html(timeline: Timeline, png: bytes | None = None) -> str:
    """A self-contained page: the chart (PNG, embedded) and the tables."""
    png = _png(timeline) if png is None else png
    image = base64.b64encode(png).decode("ascii")
    periods = _table(
        [
            timeline.by,
            "events",
            "counted",
            "cooperative",
            "conflictual",
            "mean Goldstein",
            "coop − conflict",
            "statements",
        ],
        [
            [
                period_label(p, timeline.by),
                p.events,
                p.counted,
                p.cooperative,
                p.conflictual,
                _number(p.index),
                _number(p.balance, 2),
                p.statements,
            ]
            for p in timeline.periods
            if p.events or p.statements
        ],
    )
    events = _table(
        [
            "date",
            "direction",
            "actor",
            "recipient",
            "type",
            "mode",
            "quad",
            "Goldstein",
            "modality",
            "trigger",
            "sentence",
            "outlet",
        ],
        [
            [
                e.date or "undated",
                e.direction,
                e.actor,
                e.recipient,
                e.type,
                e.mode or "",
                QUAD_NAMES.get(e.quad or 0, ""),
                _number(e.goldstein),
                e.modality,
                e.trigger,
                e.sentence,
                _source(e.outlet, e.url),
            ]
            for e in timeline.events
        ],
    )
    statements = _table(
        ["date", "speaker", "about", "kind", "content", "outlet"],
        [
            [
                s.date or "undated",
                s.speaker,
                s.about,
                s.kind + (" (negated)" if s.negated else ""),
                s.content,
                _source(s.outlet, s.url),
            ]
            for s in timeline.statements
        ],
    )
    notes = "".join(f"<li>{_cell(note)}</li>" for note in timeline.notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_cell(timeline.title)}: timeline</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; max-width: 80em; color: #222; }}
table {{ border-collapse: collapse; margin: 1em 0 2em; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left;
          vertical-align: top; }}
th {{ background: #f3f3f3; }}
img {{ max-width: 100%; }}
</style></head><body>
<h1>{_cell(timeline.title)}</h1>
<p>A: {_who(timeline.a)} · B: {_who(timeline.b)} · by {_cell(timeline.by)}</p>
<p>Index: the mean Goldstein value of each period's events (−10 most conflictual, +10 most
cooperative); beside it the share of cooperative events (PLOVER quad classes 1–2) minus the
share of conflictual ones (3–4). Negated and hypothetical events are listed but not counted.</p>
<ul>{notes}</ul>
<img alt="events by quad class and the cooperation–conflict index by {_cell(timeline.by)}"
 src="data:image/png;base64,{image}">
<h2>By {_cell(timeline.by)}</h2>
{periods}
<h2>Events ({len(timeline.events)})</h2>
{events}
<h2>Statements ({len(timeline.statements)})</h2>
{statements}
</body></html>
"""


def plot(timeline: Timeline, path: Path | str) -> None:
    """Write the chart: a PNG image, or a self-contained HTML page with it and the tables,
    by the file's suffix (.png, .html or .htm); ValueError for any other."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".html", ".htm"):
        raise ValueError(f"{path}: the chart is written as .png or .html, not {suffix or '?'}")
    png = _png(timeline)
    if suffix == ".png":
        path.write_bytes(png)
    else:
        path.write_text(to_html(timeline, png), encoding="utf-8")
