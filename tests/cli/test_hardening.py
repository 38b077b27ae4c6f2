"""No input stops a run, jams a store or destroys one; text is data on every terminal."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, run_cli
from tests.fuzz.hostile import MARKUP, PROSE, generate, story
from tests.fuzz.run import run_together
from tests.poison import POISON


def _problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("problem ")]


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single line a refused command prints; it must exit 2 with no traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    progress = re.compile(r"^\w[\w ()]*: \d+(/\d+)? \w+ \(")  # "reading: 3/40 files (…"
    lines = [line for line in result.stderr.splitlines() if not progress.match(line)]
    assert len(lines) == 1 and lines[0].startswith("error "), result.stderr
    return lines[0]


def _poisoned_cli(*args: object, timeout: float = 600) -> subprocess.CompletedProcess:
    """The real command line, with articles holding ``POISON`` failing in analysis."""
    env = {**os.environ, "COLUMNS": "200", "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "tests.poison", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The sample of hostile inputs, read in one run (with a FIFO and /dev/zero named)."""
    folder = tmp_path_factory.mktemp("hostile")
    controls = generate(folder)
    outcome, missing = run_together(folder, controls, timeout=900)
    return folder, controls, outcome, missing


def test_no_hostile_input_stops_the_run_and_every_control_is_analysed(hostile):
    folder, _, outcome, missing = hostile
    assert outcome.code == 0, outcome.stderr[-3000:]
    assert "Traceback" not in outcome.stderr
    assert missing == []
    problems = _problems(outcome.stderr)
    assert any("named-pipe: a named pipe (FIFO), not a file" in line for line in problems)
    assert any("/dev/zero: a device, not a file" in line for line in problems)
    located = ("bigint.jsonl", "deep.jsonl", "unclosed-quote.csv", "nul.jsonl")
    for name, line in ((name, 2) for name in located):
        assert any(f"{name}:{line}: " in p for p in problems), name
    conn = duckdb.connect(str(folder / "together.duckdb"), read_only=True)
    try:
        recorded = conn.execute("SELECT count(*) FROM problems").fetchone()[0]
        stored = dict(conn.execute("SELECT title, outlet FROM articles").fetchall())
        blob = conn.execute(
            "SELECT length(text), analysed_at IS NOT NULL FROM articles WHERE title = ?",
            ["Blob headline"],
        ).fetchone()
        names = [r[0] for r in conn.execute("SELECT DISTINCT source FROM articles").fetchall()]
    finally:
        conn.close()
    assert recorded == len(problems)
    # The records around a bad one are kept, and so are the odd but readable ones.
    assert {"Fine record", "UTF-16", "Zero date", "Bracket", "Nul"} <= set(stored)
    assert "Lone \ufffd surrogate" in stored
    assert blob[0] > 1_000_000 and blob[1], "an article over the model's limit is analysed"
    assert any("caf\\xe9-latin1-name.txt" in name for name in names)


def test_articles_that_fail_are_marked_and_skipped_and_the_rest_analysed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [
        {"title": "Good one", "text": story(1)},
        {"title": "Poisoned", "text": f"{story(2)} {POISON} in the text."},
        {"title": "Good two", "text": story(3)},
    ]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    blob = "Q" * 1_250_000
    (folder / "long.txt").write_text(f"Long one\n\n{PROSE}\n\n{blob}\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"

    stored = _poisoned_cli("ingest", folder, "--db", db, "--no-analyse")
    assert stored.returncode == 0, stored.stderr
    first = _poisoned_cli("analyse", "--db", db)
    assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr
    (problem,) = _problems(first.stderr)
    assert "news.jsonl: line 2: article" in problem and "this article is poisoned" in problem
    assert "3 analysed" in first.stdout and "1 could not be analysed" in first.stdout

    again = _poisoned_cli("analyse", "--db", db)  # the poisoned article is not retried
    assert again.returncode == 0 and "0 analysed" in again.stdout and not _problems(again.stderr)
    (folder / "more.txt").write_text(f"More\n\n{story(4)}\n", encoding="utf-8")
    later = _poisoned_cli("ingest", folder, "--db", db)
    assert later.returncode == 0 and "1 new" in later.stdout and "1 analysed" in later.stdout

    conn = duckdb.connect(str(db), read_only=True)
    try:
        rows = conn.execute(
            "SELECT title, analysed_at IS NOT NULL, failed, failure FROM articles ORDER BY seq"
        ).fetchall()
        kinds = conn.execute("SELECT kind FROM problems").fetchall()
    finally:
        conn.close()
    state = {title: (analysed, failed) for title, analysed, failed, _ in rows}
    assert state.pop("Poisoned")[0] is False
    assert all(analysed and failed is None for analysed, failed in state.values()), state
    assert next(r[3] for r in rows if r[0] == "Poisoned").startswith("analysis: RuntimeError")
    assert kinds == [("analysis",)]
    summary = _poisoned_cli("summary", "--db", db)
    assert "1 articles could not be analysed" in summary.stdout


def test_text_is_printed_literally_on_terminals(tmp_path, cli):
    article = tmp_path / "markup.txt"
    article.write_text(f"Markup [/] headline\n\n{MARKUP}\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert cli("ingest", article, "--db", db).returncode == 0
    said = cli("statements", "--db", db)
    assert said.returncode == 0, said.stderr
    assert "[The sanctions] will fail, and [the minister] knows it" in said.stdout
    assert "[sic]" in said.stdout
    commands = (("statements",), ("actor", "Wang"), ("summary",), ("timeline", "Russia", "China"))
    for command in commands:
        result = cli(*command, "--db", db)
        assert "Traceback" not in result.stderr and "\x1b" not in result.stdout, command
    full = cli("export", "sentences", "--db", db)
    assert "\\u001b[2J" in full.stdout  # JSON keeps the data whole; terminals see it escaped


def test_control_characters_in_stored_text_are_shown_escaped(tmp_path, cli):
    article = tmp_path / "ctl.txt"
    article.write_text(f"Headline\n\n{PROSE}\n\n\u201cWe will \x1b[2Jwin,\u201d Lavrov said.\n")
    db = tmp_path / "store.duckdb"
    assert cli("ingest", article, "--db", db).returncode == 0
    said = cli("statements", "--db", db, "--speaker", "Lavrov")
    assert said.returncode == 0, said.stderr
    assert "\x1b" not in said.stdout and "\\x1b[2J" in said.stdout


def test_export_never_overwrites_a_store_and_writes_whole_files(tmp_path, cli):
    db = tmp_path / "store.duckdb"
    (tmp_path / "a.txt").write_text(f"Headline\n\n{PROSE}\n", encoding="utf-8")
    assert cli("ingest", tmp_path / "a.txt", "--db", db, "--no-analyse").returncode == 0
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    size = db.stat().st_size
    for out, fmt, why in (
        (db, "csv", "is the store itself"),
        (db, "parquet", "is the store itself"),
        (other, "jsonl", "is a DuckDB database"),
        (tmp_path, "csv", "is a directory"),
        (tmp_path / "absent" / "x.csv", "csv", "no folder"),
    ):
        line = _one_error_line(cli("export", "articles", "--db", db, "--format", fmt, "--out", out))
        assert why in line, line
    assert db.stat().st_size == size
    assert cli("summary", "--db", db).returncode == 0
    target = tmp_path / "articles.csv"
    target.write_text("old contents")
    assert cli("export", "articles", "--db", db, "--format", "csv", "--out", target).returncode == 0
    assert target.read_text().startswith("id,") and not list(tmp_path.glob(".articles.csv.*"))


def test_csv_cells_cannot_start_a_formula(tmp_path, cli):
    export = tmp_path / "in.csv"
    export.write_text(
        f'title,text,outlet\n=HYPERLINK("https://example.invalid"),"{PROSE}",@SUM(A1)\n'
    )
    db = tmp_path / "store.duckdb"
    assert cli("ingest", export, "--db", db, "--no-analyse").returncode == 0
    result = cli("export", "articles", "--db", db, "--format", "csv")
    assert "'=HYPERLINK" in result.stdout and "'@SUM(A1)" in result.stdout
    assert ",=HYPERLINK" not in result.stdout
    data = cli("export", "articles", "--db", db)  # JSON Lines keep the value as it is
    assert json.loads(data.stdout.splitlines()[0])["outlet"] == "@SUM(A1)"


def test_store_and_option_errors_are_one_line_exit_2(tmp_path, cli):
    good = tmp_path / "a.txt"
    good.write_text(f"Headline\n\n{PROSE}\n", encoding="utf-8")
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(os.urandom(64 * 1024))
    assert "junk.duckdb" in _one_error_line(cli("summary", "--db", junk))
    real = tmp_path / "real.duckdb"
    assert cli("ingest", good, "--db", real, "--no-analyse").returncode == 0
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    _one_error_line(cli("ingest", good, "--db", cut, "--no-analyse"))
    _one_error_line(cli("ingest", good, "--db", good / "store.duckdb"))  # under a file
    assert "64 GB" in _one_error_line(cli("ingest", good, "--db", real, "--max-size", "1e400"))
    assert "not a date" in _one_error_line(cli("statements", "--db", real, "--since", "soon"))
    assert "empty" in _one_error_line(cli("actor", "", "--db", real))
    assert "empty" in _one_error_line(cli("statements", "--db", real, "--speaker", " "))
    bogus = cli("conflicts", "--db", real, "--kind", "bogus")
    assert bogus.returncode == 2 and "Traceback" not in bogus.stderr and "bogus" in bogus.stderr
    twin = tmp_path / "twin.txt"
    twin.write_text(f"Headline\n\n{PROSE}\n\nOne more line.\n", encoding="utf-8")
    exact = cli("ingest", good, twin, "--db", tmp_path / "n.duckdb", "--near-duplicate", "1.0")
    assert exact.returncode == 0 and "2 new" in exact.stdout, exact.stderr


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_is_one_line_and_the_store_stays_as_it_was(tmp_path):
    db = tmp_path / "store.duckdb"
    (tmp_path / "a.txt").write_text(f"A headline of some words\n\n{PROSE}\n", encoding="utf-8")
    assert run_cli("ingest", tmp_path / "a.txt", "--db", db, "--no-analyse").returncode == 0
    big = tmp_path / "big"
    big.mkdir()
    for n in range(40):
        (big / f"{n}.txt").write_text(f"Story {n}\n\n{story(n, 150)}\n")
    env = {**os.environ, "PYTHONUTF8": "1"}
    full = subprocess.run(
        [sys.executable, "-m", "communique", "ingest", str(big), "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=600, check=False,
        preexec_fn=_limit_file_size(200_000),  # no file may grow past 200 KB: a full disk
    )  # fmt: skip
    line = _one_error_line(full)
    assert "store" in line or "File too large" in line, line
    conn = duckdb.connect(str(db), read_only=True)
    try:
        titles = [r[0] for r in conn.execute("SELECT title FROM articles").fetchall()]
    finally:
        conn.close()
    assert len(titles) == 1, titles  # the batch that could not be written left no trace


def test_special_files_and_sizes_read_not_stated(tmp_path, cli):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(f"Headline\n\n{PROSE}\n", encoding="utf-8")
    result = cli("ingest", fifo, good, "--db", tmp_path / "s.duckdb", "--no-analyse", timeout=60)
    assert result.returncode == 0 and "1 new" in result.stdout
    assert any("pipe.txt: a named pipe (FIFO), not a file" in p for p in _problems(result.stderr))
    status = Path("/proc/self/status")
    if status.exists() and status.stat().st_size == 0:  # stat says 0 bytes; reading finds more
        small = cli("ingest", status, "--db", tmp_path / "p.duckdb", "--max-size", "100")
        assert small.returncode == 1 and "over the 100 bytes limit" in small.stderr


def test_long_text_is_parsed_in_pieces_with_offsets_into_the_whole(nlp):
    from communique.analysis import analyse_each
    from communique.nlp import MAX_RUN, pieces
    from communique.records import Article

    prose = "\n\n".join([PROSE] * 220)  # about 80,000 characters
    run_on = " ".join(["talks"] * 3000)
    text = f"{prose}\n\n{run_on}\n\n{PROSE}"
    cut = pieces(text)
    assert "".join(cut) == text and len(cut) > 1
    assert max(len(piece) for piece in cut) <= 100_000
    assert all(len(piece) <= MAX_RUN for piece in pieces(run_on))
    limit = nlp.max_length
    nlp.max_length = 20_000  # the model now refuses the text whole
    try:
        ((article, records),) = analyse_each([Article(text=text)], nlp)
    finally:
        nlp.max_length = limit
    assert records.sentences[-1].end <= len(text)
    assert all(article.text[m.start : m.end] == m.text for m in records.mentions)
    assert sum(1 for m in records.mentions if m.text == "Wang Yi") == 221
