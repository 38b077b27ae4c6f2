"""Export: stored records as JSON Lines, CSV or Parquet, to a file or standard output."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from communique.ingest import ReadOptions, read_file

ARTICLE_FIELDS = ["id", "title", "date", "outlet", "url", "text", "duplicate_of"]
MENTION_FIELDS = [
    "article_id", "start", "end", "text", "actor_id", "actor_name", "how", "confidence",
    "label", "sentence", "evidence", "outlet", "published",
]  # fmt: skip
ACTOR_FIELDS = ["id", "name", "kind", "country", "sector", "wikidata", "roles", "mentions"]


@pytest.fixture
def store(seeds_store):
    return seeds_store


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_articles_as_jsonl_on_stdout(store, seeds, cli):
    result = cli("export", "articles", "--db", store)
    assert result.returncode == 0, result.stderr
    rows = _jsonl(result.stdout)
    assert len(rows) == len(seeds)
    assert all(list(row) == ARTICLE_FIELDS for row in rows)
    texts = {a.text for path in seeds.values() for a in read_file(path, ReadOptions())}
    assert {row["text"] for row in rows} == texts
    assert {row["outlet"] for row in rows} == {"Seed desk"}
    titles = {row["title"] for row in rows}
    assert "China and Russia Reaffirm Multilateralism and Peace Amid Talks on Ukraine" in titles


def test_csv_and_parquet_files_hold_the_same_records(store, tmp_path, cli):
    expected = _jsonl(cli("export", "articles", "--db", store).stdout)
    csv_path, parquet_path = tmp_path / "a.csv", tmp_path / "a.parquet"
    assert (
        cli("export", "articles", "--db", store, "--format", "csv", "--out", csv_path).returncode
        == 0
    )
    result = cli("export", "articles", "--db", store, "--format", "parquet", "--out", parquet_path)
    assert result.returncode == 0 and f"{len(expected)} articles written" in result.stderr

    with open(csv_path, newline="", encoding="utf-8") as handle:
        from_csv = list(csv.DictReader(handle))
    assert list(from_csv[0]) == ARTICLE_FIELDS
    assert [row["text"] for row in from_csv] == [row["text"] for row in expected]

    table = pq.read_table(parquet_path)
    assert table.column_names == ARTICLE_FIELDS
    assert table.column("text").to_pylist() == [row["text"] for row in expected]


def test_parquet_can_be_piped(store, cli):
    import subprocess
    import sys

    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique",
            "export",
            "mentions",
            "--db",
            str(store),
            "--format",
            "parquet",
        ],
        capture_output=True,
        check=True,
    )
    table = pq.read_table(io.BytesIO(piped.stdout))
    assert table.column_names == MENTION_FIELDS and table.num_rows > 50


def test_mentions_and_sentences_point_into_the_article_text(store, cli):
    articles = {
        row["id"]: row["text"] for row in _jsonl(cli("export", "articles", "--db", store).stdout)
    }
    mentions = _jsonl(cli("export", "mentions", "--db", store).stdout)
    assert mentions and all(list(row) == MENTION_FIELDS for row in mentions)
    for row in mentions:
        assert articles[row["article_id"]][row["start"] : row["end"]] == row["text"]
    sentences = _jsonl(cli("export", "sentences", "--db", store).stdout)
    for row in sentences:  # offsets count characters, as Python does, curly quotes included
        assert articles[row["article_id"]][row["start"] : row["end"]] == row["text"]
    assert any("’" in row["text"] for row in sentences)


def test_export_of_a_missing_store_fails_clearly(tmp_path, cli):
    result = cli("export", "articles", "--db", tmp_path / "absent.duckdb")
    assert result.returncode == 2 and "no such store" in result.stderr


def test_an_empty_table_exports_its_header_only(store, cli):
    result = cli("export", "problems", "--db", store, "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["run_id,path,line,kind,message,seen_at"]
    assert cli("export", "problems", "--db", store).stdout == ""


def test_actors_export_with_their_roles_and_mentions_link_to_them(store, cli):
    actors = {row["id"]: row for row in _jsonl(cli("export", "actors", "--db", store).stdout)}
    assert all(list(row) == ACTOR_FIELDS for row in actors.values())
    putin = actors["vladimir-putin"]
    assert (putin["name"], putin["kind"], putin["country"]) == ("Vladimir Putin", "person", "RUS")
    assert putin["wikidata"] == "Q7747"
    roles = {(r["role"], r["country"], r["tense"]) for r in putin["roles"]}
    assert ("President", "RUS", "current") in roles  # "Russian President Vladimir Putin"
    assert all(r["outlet"] == "Seed desk" and r["article_id"] for r in putin["roles"])
    mentions = _jsonl(cli("export", "mentions", "--db", store).stdout)
    linked = [m for m in mentions if m["actor_id"] == "vladimir-putin"]
    assert len(linked) == putin["mentions"] and {m["actor_name"] for m in linked} == {
        "Vladimir Putin"
    }
    assert {m["how"] for m in linked} >= {"name", "surname", "pronoun", "descriptor"}
    # Every mention's actor is exported, and actors first met in the text are kept too.
    assert {m["actor_id"] for m in mentions if m["actor_id"]} <= set(actors)
    assert actors["person:pavel-zarubin"]["kind"] == "person"


def test_roles_export_carries_the_evidence(store, cli):
    text = cli("export", "roles", "--db", store, "--format", "csv").stdout
    roles = list(csv.DictReader(io.StringIO(text)))
    lavrov = [r for r in roles if r["actor_id"] == "sergey-lavrov"]
    assert lavrov and lavrov[0]["evidence"] == "Russian Foreign Minister"
    assert lavrov[0]["role"] == "Foreign Minister" and lavrov[0]["country"] == "RUS"
    articles = {
        row["id"]: row["text"] for row in _jsonl(cli("export", "articles", "--db", store).stdout)
    }
    for role in roles:
        text = articles[role["article_id"]]
        assert text[int(role["start"]) : int(role["end"])] == role["evidence"]
