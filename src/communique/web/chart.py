"""The dyad chart as data for an SVG drawn by the template: per period a stack of bars by
quad class (each a link to that period's events) and the cooperation–conflict index as a
line. Drawn on the server, so the chart needs no script and no library from anywhere."""

from __future__ import annotations

from dataclasses import dataclass

from communique.ontology.plover import QUAD_NAMES

WIDTH, HEIGHT = 900, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 16, 56
QUADS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Bar:
    quad: int
    x: float
    y: float
    width: float
    height: float
    count: int

    @property
    def name(self) -> str:
        return QUAD_NAMES[self.quad]


@dataclass(frozen=True)
class Slot:
    """One period: its label, its bars, the link to its events and a text for readers of
    the chart who cannot see it."""

    key: str
    label: str
    x: float
    width: float
    bars: list[Bar]
    href: str
    description: str
    index: float | None
    index_y: float | None
    show_label: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    slots: list[Slot]
    top: int  # the most events in a period: the top of the left axis
    line: str  # SVG points of the index line
    ticks: list[tuple[float, str]]  # (y, label) of the index axis
    zero_y: float


def chart(periods: list[dict], href: str) -> Chart:
    """``periods``: dicts with ``key``, ``label``, ``by_quad`` (quad → count of counted
    events) and ``index`` (mean Goldstein or None); ``href`` a link with ``{key}`` for a
    period."""
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = max([sum(p["by_quad"].values()) for p in periods] + [1])
    step = inner_w / max(len(periods), 1)
    every = max(1, round(len(periods) / 12))
    slots, points = [], []

    def index_y(value: float) -> float:
        return TOP + inner_h * (10 - value) / 20  # +10 at the top, -10 at the bottom

    for n, period in enumerate(periods):
        x = LEFT + n * step
        width = max(step * 0.7, 1.0)
        bars, base = [], TOP + inner_h
        for quad in QUADS:
            count = period["by_quad"].get(quad, 0)
            if not count:
                continue
            height = inner_h * count / top
            base -= height
            bars.append(Bar(quad, x + step * 0.15, base, width, height, count))
        told = ", ".join(f"{bar.count} {bar.name}" for bar in bars) or "no events"
        index = period.get("index")
        y = index_y(index) if index is not None else None
        if y is not None:
            points.append(f"{x + step / 2:.1f},{y:.1f}")
        description = f"{period['label']}: {told}"
        if index is not None:
            description += f"; index {index:+.1f}"
        slots.append(
            Slot(
                key=period["key"], label=period["label"], x=x, width=step, bars=bars,
                href=href.format(key=period["key"]), description=description, index=index,
                index_y=y, show_label=n % every == 0,
            )
        )  # fmt: skip
    ticks = [(index_y(v), f"{v:+d}") for v in (10, 5, 0, -5, -10)]
    return Chart(WIDTH, HEIGHT, slots, top, " ".join(points), ticks, index_y(0))
