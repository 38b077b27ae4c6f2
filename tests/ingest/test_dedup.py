"""Duplicates: the same text is stored once; a near-copy points at the first and is not analysed."""

from __future__ import annotations

import json

import duckdb

from communique.ingest import ReadOptions, read_file
from communique.ingest.dedup import NearDuplicates, signature
from tests.conftest import shared_path


def _seed_text(seeds, key: str) -> str:
    (article,) = list(read_file(seeds[key], ReadOptions()))
    return article.text


def _near_copy(text: str) -> str:
    """What a syndicated copy looks like: a sentence reworded, a line added at the end."""
    paragraphs = text.split("\n\n")
    paragraphs[1] = paragraphs[1].replace("on Wednesday", "on Wednesday in the Kremlin")
    return "\n\n".join([*paragraphs, "Additional reporting by our Moscow bureau."])


def test_a_near_copy_points_at_the_first_and_is_not_analysed(seeds, tmp_path, cli):
    original = _seed_text(seeds, "004")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"title": "Wire copy", "text": _near_copy(original), "source": "Wire"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    first = cli("ingest", tmp_path / "a.txt", "--db", db)
    second = cli("ingest", tmp_path / "b.jsonl", "--db", db)  # a later run still finds it
    assert first.returncode == second.returncode == 0, second.stderr
    assert "1 near-duplicates" in second.stdout

    conn = duckdb.connect(str(db), read_only=True)
    rows = conn.execute(
        "SELECT title, id, duplicate_of, similarity, analysed_at IS NOT NULL "
        "FROM articles ORDER BY seq"
    ).fetchall()
    copy_id = rows[1][1]
    copy_sentences = conn.execute(
        "SELECT count(*) FROM sentences WHERE article_id = ?", [copy_id]
    ).fetchone()[0]
    conn.close()
    (
        (_, first_id, no_original, _, first_analysed),
        (_, _, duplicate_of, similarity, copy_analysed),
    ) = rows
    assert no_original is None and first_analysed
    assert duplicate_of == first_id and similarity >= 0.8
    assert not copy_analysed and copy_sentences == 0


def test_different_reports_of_the_same_event_are_not_duplicates(tmp_path, cli):
    """BASIL: 100 events each covered by three outlets; none of the 300 is a copy of another."""
    corpus = shared_path("corpora", "basil", "basil_articles.jsonl")
    db = tmp_path / "s.duckdb"
    result = cli("ingest", corpus, "--db", db, "--no-analyse")
    assert result.returncode == 0
    conn = duckdb.connect(str(db), read_only=True)
    counts = conn.execute("SELECT count(*), count(duplicate_of) FROM articles").fetchone()
    conn.close()
    assert counts == (300, 0)


def test_the_index_returns_the_closest_original_above_the_threshold(seeds):
    texts = {key: _seed_text(seeds, key) for key in seeds}
    index = NearDuplicates(threshold=0.8)
    for key, text in texts.items():
        assert index.find(signature(text)) is None, f"seed {key} matched another seed"
        index.add(key, signature(text))
    found = index.find(signature(_near_copy(texts["004"])))
    assert found is not None and found[0] == "004" and 0.8 <= found[1] < 1.0
    assert index.find(signature(texts["002"][: len(texts["002"]) // 3])) is None
