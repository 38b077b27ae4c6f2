"""A run killed with SIGKILL in the middle of analysis resumes: every article once, none twice."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import duckdb

from tests.conftest import shared_path

PROGRESS = re.compile(r"analysing: (\d+)/(\d+)")


def _state(db):
    conn = duckdb.connect(str(db), read_only=True)
    try:
        analysed = dict(
            conn.execute(
                "SELECT id, analysed_at FROM articles WHERE analysed_at IS NOT NULL"
            ).fetchall()
        )
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        # Sentences and mentions exist for analysed articles only, and each once.
        orphans = conn.execute(
            """SELECT count(*)
               FROM (SELECT article_id FROM sentences UNION SELECT article_id FROM mentions) r
               JOIN articles a ON a.id = r.article_id WHERE a.analysed_at IS NULL"""
        ).fetchone()[0]
        doubled = conn.execute(
            "SELECT count(*) - count(DISTINCT (article_id, idx)) FROM sentences"
        ).fetchone()[0]
        without = conn.execute(
            """SELECT count(*) FROM articles a WHERE analysed_at IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"""
        ).fetchone()[0]
    finally:
        conn.close()
    return analysed, total, orphans, doubled, without


def test_kill_9_during_ingest_then_rerun_analyses_each_article_exactly_once(tmp_path, cli):
    corpus = shared_path("corpora", "basil", "basil_articles.jsonl")
    db = tmp_path / "resume.duckdb"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "communique",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--batch-size",
            "8",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    killed_at = None
    try:
        for line in process.stderr:
            match = PROGRESS.search(line)
            if match and int(match.group(1)) >= 20:
                os.kill(process.pid, signal.SIGKILL)
                killed_at = int(match.group(1))
                break
    finally:
        process.kill()
        process.wait(timeout=60)
    assert killed_at is not None, "the ingest finished or failed before it could be killed"
    assert process.returncode == -signal.SIGKILL

    before, total, orphans, doubled, without = _state(db)
    assert total == 300, "every article was stored before analysis began"
    assert killed_at <= len(before) < 300
    assert orphans == doubled == without == 0

    result = cli("ingest", corpus, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "300 already stored" in result.stdout

    after, total, orphans, doubled, without = _state(db)
    assert total == 300 and len(after) == 300
    assert orphans == doubled == without == 0
    # What was analysed before the kill was not analysed again.
    assert all(after[key] == stamp for key, stamp in before.items())
    conn = duckdb.connect(str(db), read_only=True)
    analysed_runs = [r[0] for r in conn.execute("SELECT analysed FROM runs ORDER BY id").fetchall()]
    conn.close()
    assert analysed_runs[-1] == 300 - len(before)
