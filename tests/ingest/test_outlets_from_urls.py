"""Ingest names an article's outlet the knowledge base's way: from a handle, a domain or a
site name in the record, or from the article's URL when the record names none."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb

from communique.ingest import ReadOptions, read_file
from communique.ingest.outlets import outlet_names
from communique.records import Article

TEXT = "Foreign Minister Wang Yi met President Vladimir Putin in Moscow on {day}."


def record(number: int, **fields: str) -> dict[str, str]:
    return {"text": TEXT.format(day=f"day {number}"), "title": f"Story {number}", **fields}


RECORDS = [
    record(1, url="https://www.voanews.com/a/wang-putin/7000001.html"),  # no outlet: the URL's
    record(2, url="https://edition.cnn.com/2023/02/22/world/x"),  # a host under cnn.com
    record(3, source="SputnikInt", url="https://sputnikglobe.com/20230222/x.html"),  # a handle
    record(4, site_name="voanews.com"),  # a domain in the site-name field
    record(5, publisher="@XHNews"),  # an account name with its @
    record(6, outlet="Harbour Courier", url="https://harbourcourier.example/x"),  # unknown
    record(7, url="https://blog.example.org/post"),  # unknown site, no outlet: none
    record(8, outlet="Thomson Reuters"),  # an alias: the outlet's name
    record(9, outlet="CNA", url="https://www.channelnewsasia.com/asia/x"),  # contradicted
    record(10, url="https://x.com/globaltimesnews/status/1"),  # a post of the outlet's account
]
EXPECTED = {
    "Story 1": "Voice of America",
    "Story 2": "CNN",
    "Story 3": "Sputnik",
    "Story 4": "Voice of America",
    "Story 5": "Xinhua",
    "Story 6": "Harbour Courier",
    "Story 7": None,
    "Story 8": "Reuters",
    "Story 9": "CNA",
    "Story 10": "Global Times",
}


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """A CSV export whose ``source`` column holds the outlet however the record wrote it."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["title", "text", "url", "source"])
        for row in rows:
            given = next((row[k] for k in ("outlet", "source", "site_name") if k in row), "")
            writer.writerow([row["title"], row["text"], row.get("url", ""), given])
    return path


def outlets_read(path: Path, **options) -> dict[str | None, str | None]:
    items = list(read_file(path, ReadOptions(**options)))
    assert all(isinstance(item, Article) for item in items), items
    return {item.title: item.outlet for item in items}


def test_jsonl_outlets_come_from_urls_handles_and_domains(tmp_path):
    path = write_jsonl(tmp_path / "stories.jsonl", RECORDS)
    assert outlets_read(path) == EXPECTED


def test_the_default_outlet_fills_in_only_when_neither_record_nor_url_names_one(tmp_path):
    path = write_jsonl(tmp_path / "stories.jsonl", [RECORDS[0], RECORDS[6]])
    assert outlets_read(path, outlet="VOANews") == {
        "Story 1": "Voice of America",  # from the URL
        "Story 7": "Voice of America",  # the default, under the outlet's name
    }
    assert outlets_read(path, outlet="Desk Wire")["Story 7"] == "Desk Wire"


def test_outlets_from_the_users_knowledge_base_files(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "outlets:\n  - id: harbour-courier\n    name: The Harbour Courier\n"
        "    domains: [harbourcourier.example]\n    handles: [HarbourCourier]\n",
        encoding="utf-8",
    )
    path = write_jsonl(
        tmp_path / "stories.jsonl",
        [record(1, url="https://harbourcourier.example/x"), record(2, source="@harbourcourier")],
    )
    assert outlets_read(path, actors=(str(mine),)) == {
        "Story 1": "The Harbour Courier",
        "Story 2": "The Harbour Courier",
    }
    assert outlets_read(path) == {"Story 1": None, "Story 2": "@harbourcourier"}


def test_the_outlet_index_is_built_once():
    assert outlet_names() is outlet_names()
    names = outlet_names()
    assert names.kb.by_domain["voanews.com"] == "voa"
    for _ in range(3):
        assert names.name(None, "https://www.voanews.com/a/1.html") == "Voice of America"
    assert names.of_url("https://www.voanews.com/a/2.html").id == "voa"


def test_a_page_keeps_an_unknown_site_name_and_names_a_known_one(tmp_path):
    page = """<html><head><title>Wang Yi meets Putin</title>
<meta property="og:site_name" content="{site}">
<link rel="canonical" href="{url}"></head>
<body><article><h1>Wang Yi meets Putin</h1>
<p>China's top diplomat Wang Yi met Russian President Vladimir Putin in Moscow on
Wednesday, the Kremlin said in a statement after the talks.</p>
<p>Both sides said relations between the two countries were developing steadily despite
the pressure, and that they would keep in close contact.</p></article></body></html>"""
    known = tmp_path / "known.html"
    known.write_text(
        page.format(site="@VOANews", url="https://www.voanews.com/a/1.html"), encoding="utf-8"
    )
    unknown = tmp_path / "unknown.html"
    unknown.write_text(
        page.format(site="Eurasia Monitor", url="https://eurasia.example.org/1"),
        encoding="utf-8",
    )
    (voa,) = read_file(known, ReadOptions())
    (other,) = read_file(unknown, ReadOptions())
    assert isinstance(voa, Article) and voa.outlet == "Voice of America"
    assert isinstance(other, Article) and other.outlet == "Eurasia Monitor"


def test_cli_stores_the_outlets_named_from_urls_and_handles(cli, tmp_path):
    table = write_csv(tmp_path / "stories.csv", RECORDS[:3] + RECORDS[5:7])
    lines = write_jsonl(tmp_path / "more.jsonl", [RECORDS[3], RECORDS[4]])
    db = tmp_path / "store.duckdb"
    result = cli("ingest", table, lines, "--db", db, "--no-analyse")
    assert result.returncode == 0, result.stderr
    conn = duckdb.connect(str(db), read_only=True)
    try:
        stored = dict(conn.execute("SELECT title, outlet FROM articles").fetchall())
    finally:
        conn.close()
    assert stored == {
        "Story 1": "Voice of America",
        "Story 2": "CNN",
        "Story 3": "Sputnik",
        "Story 4": "Voice of America",
        "Story 5": "Xinhua",
        "Story 6": "Harbour Courier",
        "Story 7": None,
    }
