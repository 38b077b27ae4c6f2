"""The dyad page: what A and B did to each other and said of each other over time, the
events of a period, and the source mix — how much of the record comes from either side's
state media, so a reader sees when a story rests on one government's outlets."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from communique.crossdoc.timeline import (
    BY,
    Side,
    build_periods,
    check,
    notes_of,
    period_label,
    period_of,
    resolve_side,
    rows,
    worded_events,
    worded_statements,
)
from communique.store.names import Ambiguous
from communique.web.app import (
    MOST_PER_PAGE,
    PER_PAGE,
    Refused,
    filters_of,
    number_param,
    param_date,
    param_text,
)
from communique.web.chart import chart

if TYPE_CHECKING:
    from starlette.requests import Request

    from communique.kb import KnowledgeBase
    from communique.store import Store
    from communique.web.app import Dashboard


def _side(store: Store, kb: KnowledgeBase, name: str, which: str) -> Side:
    try:
        found = resolve_side(store, name, kb)
    except Ambiguous as error:
        raise Refused(f"{which}: {error}") from None
    if found is None:
        raise Refused(f"{which}: no actor or state called {name!r} in this store", 404)
    return found


def source_mix(
    kb: KnowledgeBase, a: Side, b: Side, outlets: list[str | None]
) -> list[dict[str, Any]]:
    """How many of the records come from state media of A, of B, of another state, and
    from other outlets, by the knowledge base's outlets (state_run, country)."""
    kinds: Counter[str] = Counter()
    for outlet, times in Counter(outlets).items():  # each outlet looked up once
        known = [x for x in kb.named(outlet) if x.kind == "outlet"] if outlet else []
        found = known[0] if len(known) == 1 else None
        if found is None or not found.state_run:
            kinds["other"] += times
        elif found.country in a.countries:
            kinds["a"] += times
        elif found.country in b.countries:
            kinds["b"] += times
        else:
            kinds["state"] += times
    total = sum(kinds.values())
    labels = {
        "a": f"state media of {a.label}",
        "b": f"state media of {b.label}",
        "state": "state media of other states",
        "other": "other outlets (independent, public or not known)",
    }
    return [
        {"key": key, "label": label, "count": kinds[key],
         "share": kinds[key] / total if total else 0.0}
        for key, label in labels.items()
    ]  # fmt: skip


def dyad(app: Dashboard, store: Store, request: Request) -> dict[str, Any]:
    params = request.query_params
    names = param_text(params, "a"), param_text(params, "b")
    if names[0] is None or names[1] is None:
        return {"form": True, "a": names[0], "b": names[1]}
    by = params.get("by", "month")
    if by not in BY:
        raise Refused(f"by={by!r}: choose week or month")
    kb = app.kb()
    a, b = _side(store, kb, names[0], "a"), _side(store, kb, names[1], "b")
    try:
        check(a, b, by)
    except ValueError as error:
        raise Refused(str(error)) from None
    found, said = rows(store, a, b)
    kind, modality = param_text(params, "type"), param_text(params, "modality")
    checked = filters_of(app, store, {"type": kind or "", "modality": modality or ""})
    kind, modality = checked.type, checked.modality
    outlet = (param_text(params, "outlet") or "").lower()
    since, until = param_date(params, "since"), param_date(params, "until")

    def kept(day: Any, source: str | None) -> bool:
        if outlet and outlet not in (source or "").lower():
            return False
        if since and (day is None or day < since):
            return False
        return not (until and (day is None or day > until))

    events = [
        e for e in found
        if kept(e.date, e.outlet) and (not kind or e.type == kind.upper())
        and (not modality or e.modality == modality)
    ]  # fmt: skip
    statements = [s for s in said if kept(s.date, s.outlet)]
    periods = build_periods(events, statements, by)
    drawn = chart(
        [
            {
                "key": period_label(p, by),
                "label": period_label(p, by),
                "by_quad": p.by_quad,
                "index": p.index,
            }
            for p in periods
        ],
        href=_period_link(request),
    )
    chosen = param_text(params, "period")
    listed = events
    if chosen is not None:
        listed = [e for e in events if e.date and _label(e.date, by) == chosen]
    # The lists show a page at a time, the latest first; the chart counts them all.
    per = number_param(params, "per", PER_PAGE, MOST_PER_PAGE)
    number = number_param(params, "page", 1, 10**6)
    ordered = sorted(listed, key=lambda e: (e.date is not None, e.date), reverse=True)
    shown = worded_events(store, ordered[(number - 1) * per : number * per])
    latest = sorted(statements, key=lambda s: (s.date is not None, s.date), reverse=True)[:per]
    told = worded_statements(store, latest)
    return {
        "page": number, "pages": max(1, -(-len(listed) // per)), "per": per,
        "listed": len(listed), "statements_shown": len(told),
        "form": False, "a": a, "b": b, "by": by, "chart": drawn, "period": chosen,
        "events": [vars(e) for e in shown],
        "statements": told, "notes": notes_of(found),
        "periods": [dict(vars(p), label=period_label(p, by)) for p in periods],
        "mix_events": source_mix(kb, a, b, [e.outlet for e in events]),
        "mix_statements": source_mix(kb, a, b, [s.outlet for s in statements]),
        "counts": {"events": len(events), "statements": len(statements)},
    }  # fmt: skip


def _label(day: Any, by: str) -> str:
    """The label of the period a day is in, as ``period_label`` names periods."""
    start = period_of(day, by)[0]
    return start.strftime("%Y-%m") if by == "month" else start.isoformat()


def _period_link(request: Request) -> str:
    from urllib.parse import urlencode

    params = {
        k: v for k, v in request.query_params.items() if k not in ("period", "format", "page")
    }
    query = urlencode(params)
    return f"{request.url.path}?{query}&period={{key}}#events"
