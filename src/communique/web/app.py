"""``communique serve``: a read-only web app over one store, from a chart down to the sentence.

Every page is a plain HTML page that works without script, with the same data as JSON
(``?format=json``) and lists also as CSV (``?format=csv``); filters and page live in the URL.
The app holds no connection between requests: each opens the store read-only and closes it,
so ``communique ingest`` can write between them, and a page asked for while a write holds
the store says so and reloads itself. Everything from an article reaches the page escaped
(Jinja's autoescape); links are made only for http(s) URLs; a Content-Security-Policy allows
no inline script; filters reach DuckDB only as parameters (``communique.store.filters``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique.export.tables import plain
from communique.records import MODALITIES
from communique.store import Store
from communique.store.filters import CONFLICT_KINDS, Among, FilterError, Filters, day
from communique.store.names import Ambiguous
from communique.store.store import StoreLocked
from communique.web.marks import Mark, colour, pieces

PER_PAGE, MOST_PER_PAGE = 50, 1000
SECURITY = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}  # fmt: skip


class Headers:
    """Adds the security headers to every response, static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, sending)


class Refused(ValueError):
    """A request this app cannot answer as asked: a bad filter, an unknown name."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def link_url(url: object) -> str | None:
    """The URL if it may be a link (http or https), else None: shown as text only."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("communique.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        link_url=link_url, quads=QUAD_CLASSES, modalities=MODALITIES,
        statement_pieces=statement_pieces,
    )  # fmt: skip
    env.filters["signed"] = lambda v: "" if v is None else f"{v:+.1f}"
    return env


class Dashboard:
    """The app's state: the store's path, the templates, the knowledge base (on first use)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.env = _environment()

    @contextlib.contextmanager
    def store(self) -> Iterator[Store]:
        with Store(self.db, read_only=True) as store:
            yield store

    def kb(self) -> Any:
        from communique.analysis.resources import knowledge_base

        return knowledge_base()

    # -- answering -------------------------------------------------------------------------

    def render(
        self, request: Request, template: str, data: dict[str, Any], status: int = 200
    ) -> Response:
        """The page, or with ``?format=json`` its data; lists (``data["rows"]``) also as CSV."""
        wanted = request.query_params.get("format", "html")
        if wanted == "json":
            return JSONResponse(plain(data), status_code=status)
        if wanted == "csv" and "rows" in data:
            return _csv(data["rows"], data.get("columns"))
        page = self.env.get_template(template).render(
            data=data, request=request, url=lambda **changes: _with(request, **changes)
        )
        return HTMLResponse(page, status_code=status)

    def refused(self, request: Request, message: str, status: int) -> Response:
        return self.render(request, "message.html", {"message": message}, status)

    def busy(self, request: Request, message: str) -> Response:
        response = self.render(request, "busy.html", {"message": message}, 503)
        response.headers["Retry-After"] = "3"
        return response


def _csv(rows: list[dict[str, Any]], columns: list[str] | None) -> Response:
    text = io.StringIO()
    names = columns or (list(rows[0]) if rows else [])
    writer = csv.writer(text)
    writer.writerow(names)
    for row in rows:
        cells = [plain(row.get(name)) for name in names]
        writer.writerow([json.dumps(c, ensure_ascii=False) if isinstance(c, list | dict) else c
                         for c in cells])  # fmt: skip
    return Response(text.getvalue(), media_type="text/csv; charset=utf-8")


def _with(request: Request, **changes: object) -> str:
    """This page's URL with some parameters changed (None removes one)."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


# -- reading the URL ---------------------------------------------------------------------------


def param_text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name, "").strip()
    return value or None


def number_param(params: Mapping[str, str], name: str, default: int, most: int) -> int:
    value = params.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= most:
        raise Refused(f"{name}={value!r}: give a number from 1 to {most}")
    return int(value)


def param_date(params: Mapping[str, str], name: str) -> date | None:
    value = param_text(params, name)
    try:
        return day(value) if value else None
    except ValueError as error:
        raise Refused(f"{name}={value!r}: {error}") from None


def _among(app: Dashboard, store: Store, value: str | None, name: str, words: bool) -> Among | None:
    if value is None:
        return None
    try:
        found = store.among(value, app.kb(), words=words)
    except Ambiguous as error:
        raise Refused(f"{name}: {error}") from None
    if found is None:
        raise Refused(f"{name}: no actor called {value!r} in this store", 404)
    return found


def filters_of(app: Dashboard, store: Store, params: Mapping[str, str]) -> Filters:
    """The filters a URL asks for, as ``communique export`` reads its options."""
    from communique.ontology.plover import TYPES

    kind = param_text(params, "type")
    if kind is not None and kind.upper() not in TYPES:
        raise Refused(f"type={kind!r}: choose one of {', '.join(TYPES)}")
    modality = param_text(params, "modality")
    if modality is not None and modality not in MODALITIES:
        raise Refused(f"modality={modality!r}: choose one of {', '.join(MODALITIES)}")
    conflict = param_text(params, "kind")
    if conflict is not None and conflict not in CONFLICT_KINDS:
        raise Refused(f"kind={conflict!r}: choose one of {', '.join(CONFLICT_KINDS)}")
    return Filters(
        actor=_among(app, store, param_text(params, "actor"), "actor", False),
        recipient=_among(app, store, param_text(params, "recipient"), "recipient", False),
        speaker=_among(app, store, param_text(params, "speaker"), "speaker", False),
        about=_among(app, store, param_text(params, "about"), "about", True),
        via=_among(app, store, param_text(params, "via"), "via", True),
        outlet=param_text(params, "outlet"),
        since=param_date(params, "since"),
        until=param_date(params, "until"),
        type=kind.upper() if kind else None,
        modality=modality,
        kind=param_text(params, "kind"),
    )


def _list(app: Dashboard, store: Store, request: Request, table: str) -> dict[str, Any]:
    """One page of an exported table with the URL's filters, sort and page."""
    params = request.query_params
    per = number_param(params, "per", PER_PAGE, MOST_PER_PAGE)
    number = number_param(params, "page", 1, 10**6)
    sort = param_text(params, "sort")
    descending = sort is not None and sort.startswith("-")
    try:
        found = store.export_page(
            table, filters_of(app, store, params), limit=per, offset=(number - 1) * per,
            sort=sort.lstrip("-") if sort else None, descending=descending,
        )  # fmt: skip
    except (FilterError, ValueError) as error:
        if isinstance(error, Refused):
            raise
        raise Refused(str(error)) from None
    pages = max(1, -(-found.total // per))
    return {
        "table": table, "rows": found.rows, "columns": found.columns, "total": found.total,
        "page": number, "pages": pages, "per": per, "offset": found.offset,
        "filters": {k: v for k, v in params.items() if k not in ("format", "page", "per")},
    }  # fmt: skip


# -- the pages ---------------------------------------------------------------------------------


def overview(app: Dashboard, store: Store, request: Request) -> dict[str, Any]:
    summary = store.summary(10)
    conflicts = store.export_page("conflicts", limit=8)
    return {
        "counts": store.page_data("overview"),
        "top": summary.top,
        "dyads": store.page_data("top_dyads", 10),
        "recent": store.page_data("recent_merged", 10),
        "conflicts": conflicts.rows,
        "db": app.db.name,
    }


def actors(app: Dashboard, store: Store, request: Request) -> dict[str, Any]:
    words = param_text(request.query_params, "q")
    return {"q": words, "rows": store.page_data("search_actors", words) if words else []}


def actor(app: Dashboard, store: Store, request: Request) -> dict[str, Any]:
    actor_id = request.path_params["actor_id"]
    found = store.profile(actor_id, 12, roles=False)
    if found is None:
        raise Refused(f"no actor {actor_id!r} in this store", 404)
    from communique.kb import STATE_KINDS

    side = (
        Among(ids=(found.id,), countries=(found.country,))
        if found.kind in STATE_KINDS and found.country
        else Among(ids=(found.id,))
    )
    known = app.kb().actors.get(found.id)
    offices = [
        {"role": o.role, "country": o.country, "start": o.start, "end": o.end}
        for o in (known.offices if known is not None else ())
    ]
    states = app.kb().countries
    return {
        "actor": found,
        "dyad_with": [
            p.id for p in found.together if p.id in states and p.id not in (found.id, found.country)
        ],
        "offices": offices,
        "roles": store.page_data("actor_roles", found.id),
        **store.page_data("actor_records", list(side.ids), list(side.countries), 10),
    }


def merged(app: Dashboard, store: Store, request: Request) -> dict[str, Any]:
    merged_id = request.path_params["merged_id"]
    found = store.page_data("merged_event", merged_id)
    if found is None:
        raise Refused(f"no merged event {merged_id!r} in this store", 404)
    for mention in found["mentions"]:
        mention["pieces"] = _sentence_pieces(mention)
    conflicts = [row for row in store.export_page("conflicts", limit=MOST_PER_PAGE).rows
                 if row["subject"] == merged_id]  # fmt: skip
    return {"event": found, "conflicts": conflicts}


def statement_pieces(row: Mapping[str, Any]) -> list:
    """A statement's evidence cut at its speaker, cue, addressee and content."""
    base = row.get("evidence_start")
    if base is None or not row.get("evidence"):
        return []
    spans = [("speaker", "speaker", "speaker"), ("cue", "cue", "cue"),
             ("addressee", "addressee", "addressee")]  # fmt: skip
    marks = [
        Mark(row["start"] - base, row["end"] - base, "content", "statement", "", "what was said")
    ]
    for key, css, label in spans:
        if row.get(f"{key}_start") is not None:
            marks.append(Mark(row[f"{key}_start"] - base, row[f"{key}_end"] - base, key, css, "",
                              label))  # fmt: skip
    return pieces(row["evidence"], marks)


def _sentence_pieces(mention: dict[str, Any]) -> list:
    """The mention's sentence cut at its trigger and sides, for highlighting."""
    base = mention["sentence_start"]
    marks = [Mark(mention["trigger_start"] - base, mention["trigger_end"] - base, "trigger",
                  "trigger", "", f"trigger: {mention['type']}")]  # fmt: skip
    for side in mention.get("sides") or []:
        if side["start"] is not None:
            marks.append(Mark(side["start"] - base, side["end"] - base, side["side"],
                              side["side"], "", f"{side['side']}: {side['name']}"))  # fmt: skip
    return pieces(mention["sentence"], marks)


def article(app: Dashboard, store: Store, request: Request) -> dict[str, Any]:
    article_id = request.path_params["article_id"]
    found = store.page_data("article", article_id)
    if found is None:
        raise Refused(f"no article {article_id!r} in this store", 404)
    marks = []
    for m in found["mentions"]:
        marks.append(Mark(m["start"], m["end"], "mention", f"mention {colour(m['actor_id'])}",
                          f"mention-{m['idx']}", m["name"] or ""))  # fmt: skip
    for s in found["statements"]:
        anchor = f"statement-{s['idx']}"
        marks.append(Mark(s["start"], s["end"], "statement", "statement", anchor,
                          f"{s['kind']} statement by {s['speaker'] or 'unknown'}"))  # fmt: skip
        if s["cue_start"] is not None:
            marks.append(Mark(s["cue_start"], s["cue_end"], "cue", "cue", anchor, "cue"))
    for e in found["events"]:
        marks.append(Mark(e["trigger_start"], e["trigger_end"], "trigger",
                          f"trigger tq-{e['quad']}", f"event-{e['idx']}",
                          f"{e['type']} ({e['modality']})"))  # fmt: skip
    found["pieces"] = pieces(found["text"], marks)
    return {"article": found}


def page(template: str, build: Any) -> Any:
    """A route endpoint: open the store, build the page's data, render it; a write holding
    the store, a bad filter or an unknown record each get their own plain page."""

    def endpoint(request: Request) -> Response:
        app: Dashboard = request.app.state.dashboard
        try:
            with app.store() as store:
                data = build(app, store, request)
        except StoreLocked:
            return app.busy(request, "The store is being written to (an ingest is running).")
        except Refused as error:
            return app.refused(request, str(error), error.status)
        return app.render(request, template, data)

    return endpoint


def list_page(table: str, template: str) -> Any:
    return page(template, lambda app, store, request: _list(app, store, request, table))


def create_app(db: str | Path) -> Starlette:
    """The web app over the store at ``db`` (which must exist)."""
    from communique.web.dyad import dyad

    path = Path(db)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such store (run `communique ingest` first)")
    static = Path(__file__).with_name("static")
    routes = [
        Route("/", page("overview.html", overview)),
        Route("/actors", page("actors.html", actors)),
        Route("/actor/{actor_id:path}", page("actor.html", actor)),
        Route("/dyad", page("dyad.html", dyad)),
        Route("/events", list_page("events", "events.html")),
        Route("/event/{merged_id}", page("event.html", merged)),
        Route("/statements", list_page("statements", "statements.html")),
        Route("/conflicts", list_page("conflicts", "conflicts.html")),
        Route("/stories", list_page("stories", "stories.html")),
        Route("/article/{article_id}", page("article.html", article)),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.dashboard = Dashboard(path)
    app.add_middleware(Headers)
    return app
