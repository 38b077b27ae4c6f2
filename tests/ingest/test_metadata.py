"""Input metadata read right: dates whose day and month could be swapped, columns no field
reads, and stored articles corrected by reading them again."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

import communique as cq
from communique.ingest.fields import read_date


@pytest.mark.parametrize(
    ("written", "order", "expected", "ambiguous"),
    [
        ("10/04/2024", None, date(2024, 10, 4), True),  # US exports write month first
        ("04.09.2023", None, date(2023, 9, 4), True),  # dots: day first, as Europe writes
        ("10/04/2024", "dmy", date(2024, 4, 10), False),
        ("04.09.2023", "mdy", date(2023, 4, 9), False),
        ("25/04/2024", None, date(2024, 4, 25), False),  # only one order reads it
        ("04/25/2024", None, date(2024, 4, 25), False),
        ("05/05/2024", None, date(2024, 5, 5), False),  # both orders agree
        ("10/04/24 14:30", None, date(2024, 10, 4), True),
        ("31/02/2024", None, None, False),
        ("April 10, 2024", None, date(2024, 4, 10), False),
        ("2024-04-10T08:00:00Z", "dmy", date(2024, 4, 10), False),
    ],
)
def test_dates_written_in_numbers(written, order, expected, ambiguous):
    found = read_date(written, order)
    assert (found.day, found.ambiguous) == (expected, ambiguous)


def _csv(path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


TEXTS = [
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow.",
    "Chinese President Xi Jinping hosted Russian President Vladimir Putin in Beijing.",
    "Ukraine accused Russia of shelling the city of Kharkiv overnight.",
]


def _dates(db) -> dict[str, date | None]:
    frame = cq.open(db).sql("SELECT title, date FROM articles")
    return {row.title: row.date for row in frame.itertuples()}


def test_ambiguous_dates_are_counted_in_one_warning_with_examples(cli, tmp_path):
    days = ["10/04/2024", "04/09/2023", "05/06/2022"]
    rows = [{"title": f"t{n}", "date": days[n], "text": text} for n, text in enumerate(TEXTS)]
    _csv(tmp_path / "a.csv", rows)
    db = tmp_path / "s.duckdb"
    result = cli("ingest", tmp_path / "a.csv", "--db", db, "--no-analyse")
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "day or month first" in line]
    assert len(warned) == 1
    assert "3 dates could be day or month first" in warned[0]
    assert "a.csv:2 '10/04/2024' read month first, as 2024-10-04" in warned[0]
    assert "--dayfirst or --monthfirst" in warned[0]
    assert str(_dates(db)["t0"])[:10] == "2024-10-04"

    db2 = tmp_path / "d.duckdb"
    result = cli("ingest", tmp_path / "a.csv", "--db", db2, "--no-analyse", "--dayfirst")
    assert "day or month first" not in result.stderr
    assert str(_dates(db2)["t0"])[:10] == "2024-04-10"
    assert str(_dates(db2)["t1"])[:10] == "2023-09-04"
    both = cli("ingest", tmp_path / "a.csv", "--db", db2, "--dayfirst", "--monthfirst")
    assert both.returncode == 2 and "give one or the other" in both.stderr


def test_a_file_whose_other_dates_tell_the_order_needs_no_warning(cli, tmp_path):
    _csv(tmp_path / "eu.csv", [
        {"title": "a", "date": "10/04/2024", "text": TEXTS[0]},
        {"title": "b", "date": "25/04/2024", "text": TEXTS[1]},  # only day first reads it
    ])  # fmt: skip
    db = tmp_path / "s.duckdb"
    result = cli("ingest", tmp_path / "eu.csv", "--db", db, "--no-analyse")
    assert "day or month first" not in result.stderr
    assert str(_dates(db)["a"])[:10] == "2024-04-10"


def test_outlet_columns_and_unread_columns(cli, tmp_path):
    rows = [
        {"text": TEXTS[0], "media_name": "SputnikInt", "author": "A", "likes": 3},
        {"text": TEXTS[1], "url": "https://www.voanews.com/a/x/1.html", "author": "B"},
    ]
    (tmp_path / "one.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    _csv(tmp_path / "two.csv", [{"text": TEXTS[2], "author": "C", "page_name": "NYTimes"}])
    db = tmp_path / "s.duckdb"
    result = cli("ingest", tmp_path / "one.jsonl", tmp_path / "two.csv", "--db", db,
                 "--no-analyse")  # fmt: skip
    assert result.returncode == 0, result.stderr
    unread = [line for line in result.stderr.splitlines() if "columns not read" in line]
    assert len(unread) == 1  # told once for the run
    assert "author (2 files)" in unread[0] and "likes" in unread[0] and "page_name" in unread[0]
    outlets = set(cq.open(db).articles().outlet)
    assert {"Sputnik", "Voice of America"} <= outlets
    result = cli("ingest", tmp_path / "two.csv", "--db", db, "--no-analyse",
                 "--field", "outlet=page_name", "--update-metadata")  # fmt: skip
    assert "columns not read: author;" in result.stderr
    assert "The New York Times" in set(cq.open(db).articles().outlet)


def test_reading_again_with_update_metadata_corrects_articles_and_what_follows(cli, tmp_path):
    story = (
        "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Moscow "
        "on Monday. The two discussed trade and security."
    )
    rows = [
        {"title": "Wang in Moscow", "date": "2024-03-05", "outlet": "Desk A", "text": story},
        {"title": "Talks", "date": "2024-03-05", "outlet": "Desk A",
         "text": "In Moscow on Monday, " + story[0].lower() + story[1:]},
    ]  # fmt: skip
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert cli("ingest", source, "--db", db).returncode == 0
    merged = cq.open(db).merged_events(type="CONSULT")
    assert list(merged.num_articles) == [2] and list(merged.num_sources) == [1]

    rows[1].update(outlet="Desk B", title="Talks in Moscow", date="2024-03-04")
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    plain = cli("ingest", source, "--db", db)
    assert "1 of them read with another title, date, outlet or URL" in plain.stdout
    assert set(cq.open(db).articles().outlet) == {"Desk A"}  # nothing changed unasked

    result = cli("ingest", source, "--db", db, "--update-metadata")
    assert result.returncode == 0, result.stderr
    assert "1 of them given the new title, date, outlet or URL" in result.stdout
    assert "1 analysed" in result.stdout  # a new date: analysed again
    articles = cq.open(db).articles()
    assert set(articles.outlet) == {"Desk A", "Desk B"}
    assert "Talks in Moscow" in set(articles.title)
    merged = cq.open(db).merged_events(type="CONSULT")
    assert list(merged.num_sources) == [2]  # the cross-article tables follow
