"""The demo: the bundled Voice of America corpus ingested, analysed and summarised."""

from __future__ import annotations

import json
from importlib import resources

import duckdb


def test_demo_corpus_is_bundled_with_its_credit():
    data = resources.files("communique") / "data"
    stories = [json.loads(line) for line in (data / "voa_stories.jsonl").read_text().splitlines()]
    assert len(stories) == 89 and all(
        s["url"].startswith("https://www.voanews.com/") for s in stories
    )
    assert "Voice of America" in (data / "CREDITS.md").read_text()


def test_demo_builds_a_store_and_prints_what_is_in_it(tmp_path, cli):
    result = cli("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    db = tmp_path / "demo.duckdb"
    conn = duckdb.connect(str(db), read_only=True)
    articles, analysed = conn.execute(
        "SELECT count(*), count(analysed_at) FROM articles WHERE duplicate_of IS NULL"
    ).fetchone()
    sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    outlets = conn.execute("SELECT DISTINCT outlet FROM articles").fetchall()
    top_person = conn.execute(
        "SELECT r.name FROM mentions m JOIN actors r ON r.id = m.actor_id WHERE r.kind = 'person' "
        "GROUP BY r.name ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    conn.close()
    assert articles == analysed == 89 and sentences > 1000
    assert outlets == [("Voice of America",)]
    assert f"{articles} articles" in result.stdout and f"{sentences} sentences" in result.stdout
    for heading in ("People", "Places", "Organisations"):
        assert heading in result.stdout
    assert top_person in result.stdout

    again = cli("demo", cwd=tmp_path)
    assert again.returncode == 0 and "0 new" in again.stdout and "89 already stored" in again.stdout
