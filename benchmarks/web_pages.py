"""Does ``communique serve`` answer every page quickly on a large store, and start quickly?

In one run this:

1. builds a store of at least ``--articles`` articles (default 50,000) from a small analysed
   one (``--source``; without it, ``communique demo`` is run into a temporary directory): the
   source is copied (never changed) and every table that holds per-article rows (articles,
   sentences, mentions, roles, statements, events, event_participants, event_sizes) and every
   cross-article table (stories, merged_events, event_mentions, conflicts) is copied N - 1
   more times in SQL inside DuckDB, copy k with ids ``<id>-c<k>``, dates (article dates, event
   and merged-event dates, conflict sides) shifted by 7·k days and ``articles.seq`` (with
   every row's ``article_seq``) made unique, so copy k lies after copy k - 1 in ingest order
   as a later ingest would; actors are shared, and the running totals
   (``communique.store.tallies``) are summed afresh over the copies. A table it does not
   know stops the run, so a new per-article table is not silently left uncopied;
2. times the start in a fresh interpreter: importing ``communique.web``, ``create_app(db)``
   and answering the first ``/`` through Starlette's ``TestClient`` (budget: 2 s);
3. asks each kind of page once untimed (its first answer, which may load the knowledge base,
   is shown apart) and then ``--repeat`` times (default 20; fewer, but at least 3, once a
   page has taken ``--page-seconds``), cycling through real parameters (merged events,
   articles, dyad periods taken from the store), and prints p50 and p95 in ms per page; a
   page whose p95 is over 300 ms, or that answered other than 200, is marked.

The store is built in a temporary directory and removed, unless ``--keep DB`` names where to
build it; an existing ``--keep`` store is reused as it is (no rebuild), to time it again.
The copies leave the store's ``article_seq`` sequence where it was: time the store, do not
ingest into it.

Run it from the repository root with::

    .venv/bin/python benchmarks/web_pages.py [--articles N] [--source DB] [--keep DB] [--json]
        [--repeat N] [--page-seconds S]
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from rich.console import Console
from rich.table import Table

from communique.store import Store, tallies

if TYPE_CHECKING:
    from starlette.testclient import TestClient

BUDGET_MS = 300.0
START_BUDGET_S = 2.0

# What each copied table's columns become in copy ``c.k``; a column not named is copied as
# it is. ``t`` is the source row.
_ID = "t.{0} || '-c' || c.k"
_DAY = "t.{0} + c.k * 7"
_ARTICLE = {"article_id": _ID.format("article_id"),
            "article_seq": "t.article_seq + c.k * {seq_step}"}  # fmt: skip
_SIDES = (
    "list_transform(t.sides, lambda s: struct_update(s, "
    "article_id := s.article_id || '-c' || c.k, date := s.date + c.k * 7))"
)
# Cross-article tables and, in order, the per-article ones; conflicts before merged_events,
# so a subject is looked up among the source's merged events only.
COPIED: dict[str, dict[str, str]] = {
    "articles": {"id": _ID.format("id"), "seq": "t.seq + c.k * {seq_step}",
                 "date": _DAY.format("date"), "duplicate_of": _ID.format("duplicate_of")},
    "sentences": _ARTICLE,
    "mentions": _ARTICLE,
    "roles": _ARTICLE,
    "statements": _ARTICLE,
    "events": {**_ARTICLE, "date_start": _DAY.format("date_start"),
               "date_end": _DAY.format("date_end")},
    "event_participants": _ARTICLE,
    "event_sizes": _ARTICLE,
    "stories": {**_ARTICLE, "story_id": _ID.format("story_id")},
    "conflicts": {"id": _ID.format("id"), "sides": _SIDES,
                  "subject": "CASE WHEN t.subject IN (SELECT id FROM merged_events) "
                             "THEN t.subject || '-c' || c.k ELSE t.subject END"},
    "merged_events": {"id": _ID.format("id"), "date_start": _DAY.format("date_start"),
                      "date_end": _DAY.format("date_end")},
    "event_mentions": {**_ARTICLE, "merged_id": _ID.format("merged_id")},
}  # fmt: skip
# Tables with no per-article rows: shared by every copy.
SHARED = frozenset({"actors", "runs", "problems", "schema_version"})
# Running totals over the per-article rows: summed afresh once the copies are in.
SUMMED = frozenset(tallies.TABLES)

# Runs in a fresh interpreter: what starting the app costs a user, imports included.
STARTUP = """
import json, sys, time
started = time.perf_counter()
from communique.web import create_app
imported = time.perf_counter()
app = create_app(sys.argv[1])
created = time.perf_counter()
from starlette.testclient import TestClient
client_ready = time.perf_counter()
status = TestClient(app).get("/").status_code
answered = time.perf_counter()
print(json.dumps({"import_s": imported - started, "create_app_s": created - imported,
                  "first_request_s": answered - client_ready, "status": status,
                  "total_s": answered - client_ready + created - started}))
"""


@dataclass
class Built:
    """The store timed: where, how many copies, its rows, and how long building took."""

    path: str
    source: str
    copies: int
    rows: dict[str, int]
    seconds: float
    reused: bool = False


@dataclass
class Timing:
    """One kind of page: the URLs asked, its first answer, and the timed answers in ms."""

    page: str
    urls: list[str]
    first_ms: float = 0.0
    samples: list[float] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        if len(self.samples) < 2:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=20, method="inclusive")[18]

    @property
    def over(self) -> bool:
        return self.p95 > BUDGET_MS or self.statuses != {200}

    def as_dict(self) -> dict[str, Any]:
        return {
            "urls": self.urls,
            "first_ms": round(self.first_ms, 1),
            "p50_ms": round(self.p50, 1),
            "p95_ms": round(self.p95, 1),
            "max_ms": round(max(self.samples), 1),
            "requests": len(self.samples),
            "statuses": sorted(self.statuses),
            "over_budget": self.over,
        }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=50_000, help="build at least this many articles"
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=None,
        help="small analysed store to copy (default: run `communique demo` into a temp dir)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="build the large store here and keep it (an existing one is reused as it is)",
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    parser.add_argument(
        "--page-seconds",
        type=float,
        default=30.0,
        help="stop asking a page again once its timed requests took this long (at least 3)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )
    return parser.parse_args(argv)


# -- building the store ---------------------------------------------------------------------


def demo_store(directory: Path) -> Path:
    """A small analysed store made by ``communique demo`` (loads the spaCy model)."""
    path = directory / "demo.duckdb"
    subprocess.run(
        [sys.executable, "-m", "communique", "demo", "--db", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return path


def copy_store(source: Path, target: Path) -> None:
    """Copy the database file (and its write-ahead log, if one is left) and bring the copy
    to the current schema; the source is only read."""
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    with Store(target):  # opening it for writing applies any migration it lacks
        pass


def counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
        for table in COPIED
    }


def replicate(conn: duckdb.DuckDBPyConnection, copies: int) -> None:
    """Add copies 1 to ``copies - 1`` of every per-article and cross-article row."""
    tables = {
        row[0]
        for row in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
    }
    unknown = tables - set(COPIED) - SHARED - SUMMED
    if unknown:
        raise SystemExit(
            f"web_pages: tables {', '.join(sorted(unknown))} are new to this benchmark: "
            "say in COPIED how to copy them, or in SHARED that they need no copies"
        )
    seq_step = int(conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0][0])
    for table, rewrite in COPIED.items():
        columns = [
            row[0]
            for row in conn.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                "AND table_name = ? ORDER BY column_index",
                [table],
            ).fetchall()
        ]
        missing = set(rewrite) - set(columns)
        if missing:
            raise SystemExit(f"web_pages: {table} has no column {', '.join(sorted(missing))}")
        values = ", ".join(
            rewrite[name].format(seq_step=seq_step) if name in rewrite else f't."{name}"'
            for name in columns
        )
        names = ", ".join(f'"{name}"' for name in columns)
        conn.execute(
            f"INSERT INTO {table} ({names}) SELECT {values} FROM {table} t "
            f"CROSS JOIN (SELECT k::INTEGER AS k FROM range(1, {copies}) r(k)) c"
        )
    conn.begin()
    tallies.rebuild(conn)
    conn.commit()
    conn.execute("CHECKPOINT")


def build(source: Path, target: Path, articles: int) -> Built:
    """Copy ``source`` to ``target`` and replicate its rows to at least ``articles``."""
    started = time.perf_counter()
    copy_store(source, target)
    conn = duckdb.connect(str(target))
    try:
        have = counts(conn)["articles"]
        if have == 0:
            raise SystemExit(f"web_pages: {source} holds no articles to copy")
        copies = max(1, math.ceil(articles / have))
        if copies > 1:
            replicate(conn, copies)
        rows = counts(conn)
    finally:
        conn.close()
    seconds = round(time.perf_counter() - started, 2)
    return Built(str(target), str(source), copies, rows, seconds)


def reused(path: Path) -> Built:
    with duckdb.connect(str(path), read_only=True) as conn:
        return Built(str(path), "(reused)", 0, counts(conn), 0.0, reused=True)


# -- timing the app -------------------------------------------------------------------------


def start_up(db: Path) -> dict[str, Any]:
    """Start the app over ``db`` in a fresh interpreter and answer ``/``; its timings."""
    done = subprocess.run(
        [sys.executable, "-c", STARTUP, str(db)], check=True, capture_output=True, text=True
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in found.items()}


def samples(db: Path, count: int) -> tuple[list[str], list[str]]:
    """Real merged event ids and article ids to ask for, spread over the copies."""
    with duckdb.connect(str(db), read_only=True) as conn:
        merged = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM merged_events ORDER BY hash(id) LIMIT ?", [count]
            ).fetchall()
        ]
        articles = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM articles WHERE analysed_at IS NOT NULL ORDER BY hash(id) LIMIT ?",
                [count],
            ).fetchall()
        ]
    return merged, articles


def busiest_periods(client: TestClient, dyad: str, count: int) -> list[str]:
    """The labels of the dyad's periods with the most events (real ``period`` values)."""
    response = client.get(f"{dyad}&format=json")
    if response.status_code != 200:
        return []
    periods = sorted(response.json().get("periods", []), key=lambda p: -int(p["events"]))
    return [str(p["label"]) for p in periods[:count]]


def page_urls(client: TestClient, db: Path, count: int) -> dict[str, list[str]]:
    dyad = "/dyad?a=Russia&b=Ukraine"
    merged, articles = samples(db, count)
    periods = busiest_periods(client, dyad, 3)
    return {
        "/": ["/"],
        "/dyad": [dyad],
        "/dyad?period": [f"{dyad}&period={p}" for p in periods],
        "/events": ["/events"],
        "/events?actor&type": ["/events?actor=Russia&type=ASSAULT"],
        "/events?page=50": ["/events?page=50"],
        "/event/{id}": [f"/event/{m}" for m in merged],
        "/statements?speaker": ["/statements?speaker=Putin"],
        "/conflicts": ["/conflicts"],
        "/stories": ["/stories"],
        "/article/{id}": [f"/article/{a}" for a in articles],
        "/actor/{person}": ["/actor/vladimir-putin"],
        "/actor/{state}": ["/actor/RUS"],
        "/actors?q": ["/actors?q=put"],
    }


def ask(client: TestClient, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    status = client.get(url).status_code
    return (time.perf_counter() - started) * 1000, status


def time_pages(db: Path, repeat: int, page_seconds: float, progress: Console) -> list[Timing]:
    """Each page once untimed, then ``repeat`` times cycling through its URLs, or fewer (but
    at least 3) once its timed requests have taken ``page_seconds``."""
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

    from communique.web import create_app

    # A page that fails is timed and marked (status 500), not the end of the run.
    client = TestClient(create_app(db), raise_server_exceptions=False)
    timings = []
    for page, urls in page_urls(client, db, 10).items():
        timing = Timing(page, urls)
        if not urls:  # no real value for it in this store (a dyad with no period)
            continue
        progress.print(f"web_pages: timing {page}", highlight=False)
        timing.first_ms, status = ask(client, urls[0])
        timing.statuses.add(status)
        for index in range(max(1, repeat)):
            if index >= 3 and sum(timing.samples) > page_seconds * 1000:
                break
            ms, status = ask(client, urls[index % len(urls)])
            timing.samples.append(ms)
            timing.statuses.add(status)
        timings.append(timing)
    return timings


# -- reporting ------------------------------------------------------------------------------


def render(console: Console, built: Built, start: dict[str, Any], timings: list[Timing]) -> None:
    how = "reused" if built.reused else f"{built.copies} copies of {built.source}"
    console.print(
        f"store {built.path}: {built.rows['articles']:,} articles, "
        f"{built.rows['events']:,} events, {built.rows['merged_events']:,} merged events, "
        f"{built.rows['mentions']:,} mentions ({how}; built in {built.seconds:.1f} s)"
    )
    late = start["total_s"] > START_BUDGET_S
    console.print(
        f"start-up {start['total_s']:.2f} s{' [red]over 2 s[/red]' if late else ''} "
        f"(import {start['import_s']:.2f} s, create_app {start['create_app_s'] * 1000:.0f} ms, "
        f"first / {start['first_request_s'] * 1000:.0f} ms, status {start['status']})"
    )
    table = Table(title=f"Web pages, ms (budget: p95 ≤ {BUDGET_MS:.0f} ms)")
    for name in ("page", "n", "first", "p50", "p95", "max", "status", ""):
        table.add_column(name, justify="left" if name in ("page", "") else "right", no_wrap=True)
    for t in timings:
        mark = "[red]OVER[/red]" if t.p95 > BUDGET_MS else ""
        if t.statuses != {200}:
            mark = (mark + " [red]FAILED[/red]").strip()
        table.add_row(
            t.page, str(len(t.samples)), f"{t.first_ms:.0f}", f"{t.p50:.0f}", f"{t.p95:.0f}",
            f"{max(t.samples):.0f}", ",".join(map(str, sorted(t.statuses))), mark,
        )  # fmt: skip
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="web-pages-") as scratch:
        directory = Path(scratch)
        target = args.keep or directory / "large.duckdb"
        if args.keep is not None and args.keep.exists():
            built = reused(args.keep)
        else:
            if args.source is not None and not args.source.is_file():
                print(f"web_pages: no such store: {args.source}", file=sys.stderr)
                return 2
            source = args.source or demo_store(directory)
            built = build(source, target, args.articles)
        start = start_up(target)
        timings = time_pages(target, args.repeat, args.page_seconds, Console(stderr=True))
    if args.json:
        result = {
            "store": asdict(built),
            "start_up": {**start, "budget_s": START_BUDGET_S,
                         "over_budget": start["total_s"] > START_BUDGET_S},
            "budget_ms": BUDGET_MS,
            "pages": {t.page: t.as_dict() for t in timings},
            "over_budget": [t.page for t in timings if t.over],
        }  # fmt: skip
        print(json.dumps(result, indent=2))
    else:
        render(Console(), built, start, timings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
