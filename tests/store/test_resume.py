"""A run killed with SIGKILL in the middle of analysis resumes: every article once, none twice,
and an article the analysis fails on stays failed without stopping or repeating anything."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import duckdb

from tests.conftest import ROOT, shared_path
from tests.poison import POISON

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


ARTICLES = 36  # BASIL articles in the run, besides the poisoned one


def _with_poison(corpus, folder):
    """The corpus's first ``ARTICLES`` with one poisoned article fifth: its analysis fails,
    whatever the run."""
    lines = corpus.read_text(encoding="utf-8").splitlines()[:ARTICLES]
    poisoned = {"title": "Poisoned", "text": f"{POISON}. Putin met Xi in Moscow on Monday."}
    lines.insert(4, json.dumps(poisoned))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _poisoned(*args):
    return [sys.executable, "-m", "tests.poison", *map(str, args)]


def test_kill_9_during_ingest_then_rerun_analyses_each_article_exactly_once(tmp_path):
    corpus = _with_poison(shared_path("corpora", "basil", "basil_articles.jsonl"), tmp_path)
    db = tmp_path / "resume.duckdb"
    process = subprocess.Popen(
        _poisoned("ingest", corpus, "--db", db, "--batch-size", "8"),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    killed_at = None
    try:
        for line in process.stderr:
            match = PROGRESS.search(line)
            if match and int(match.group(1)) >= 12:
                os.kill(process.pid, signal.SIGKILL)
                killed_at = int(match.group(1))
                break
    finally:
        process.kill()
        process.wait(timeout=60)
    assert killed_at is not None, "the ingest finished or failed before it could be killed"
    assert process.returncode == -signal.SIGKILL

    before, total, orphans, doubled, without = _state(db)
    assert total == ARTICLES + 1, "every article was stored before analysis began"
    assert killed_at - 1 <= len(before) < ARTICLES
    assert orphans == doubled == without == 0

    result = subprocess.run(
        _poisoned("ingest", corpus, "--db", db), cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{ARTICLES + 1} already stored" in result.stdout

    after, total, orphans, doubled, without = _state(db)
    assert total == ARTICLES + 1 and len(after) == ARTICLES
    assert orphans == doubled == without == 0
    # What was analysed before the kill was not analysed again.
    assert all(after[key] == stamp for key, stamp in before.items())
    conn = duckdb.connect(str(db), read_only=True)
    analysed_runs = [r[0] for r in conn.execute("SELECT analysed FROM runs ORDER BY id").fetchall()]
    failed = conn.execute("SELECT title FROM articles WHERE failed IS NOT NULL").fetchall()
    poison_problems = conn.execute(
        "SELECT count(*) FROM problems WHERE kind = 'analysis'"
    ).fetchone()
    conn.close()
    assert analysed_runs[-1] == ARTICLES - len(before)
    # The poisoned article failed once, before the kill, and the rerun did not try it again.
    assert failed == [("Poisoned",)] and poison_problems == (1,)
