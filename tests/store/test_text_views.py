"""The views that carry each record's text, for people reading the store in SQL: every
sentence, content and trigger they show is the text the record's offsets point at."""

from __future__ import annotations

import json

import duckdb


def test_each_record_reads_with_its_own_text(tmp_path, cli):
    source = tmp_path / "a.jsonl"
    text = (
        "Ukraine’s foreign minister Dmytro Kuleba met his Turkish counterpart in Ankara on "
        "Monday. “We will not give up a single village,” Kuleba told reporters. Turkey’s "
        "president Recep Tayyip Erdoğan urged Russia to return to the talks."
    )
    record = {
        "date": "2023-03-06",
        "outlet": "Test Wire",
        "title": "Kuleba in Ankara",
        "text": text,
    }
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "v.duckdb"
    result = cli("ingest", source, "--db", db)
    assert result.returncode == 0, result.stderr
    conn = duckdb.connect(str(db), read_only=True)
    events = conn.execute(
        "SELECT v.sentence_text, v.trigger_text, s.start, s.end, v.trigger_start, v.trigger_end, "
        "v.outlet, v.title FROM events_with_text v JOIN sentences s "
        "ON s.article_id = v.article_id AND s.idx = v.sentence"
    ).fetchall()
    assert events
    for sentence, trigger, start, end, trigger_start, trigger_end, outlet, title in events:
        assert sentence == text[start:end] and trigger == text[trigger_start:trigger_end]
        assert (outlet, title) == ("Test Wire", "Kuleba in Ankara")
    statements = conn.execute(
        'SELECT content_text, "start", "end", sentence_text FROM statements_with_text'
    ).fetchall()
    assert statements
    for content, start, end, sentence in statements:
        assert content == text[start:end] and content in text and sentence in text
    mentions = conn.execute("SELECT text, sentence_text FROM mentions_with_text").fetchall()
    assert mentions and all(name in sentence for name, sentence in mentions)
    assert ("Recep Tayyip Erdoğan",) in [(name,) for name, _ in mentions]
