"""Bad input: one clear line per problem, recorded in the store, and every good article kept."""

from __future__ import annotations

import gzip
import json
import os

import duckdb
import pytest

PARAGRAPH = (
    "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in Moscow on "
    "Wednesday, and the two sides pledged to deepen their strategic partnership despite "
    "pressure from Western governments over the war in Ukraine."
)


def _good_record(n: int) -> str:
    return json.dumps(
        {"title": f"Story {n}", "text": f"{PARAGRAPH} Report number {n}.", "date": "2023-02-22"}
    )


@pytest.fixture
def messy(tmp_path):
    """A directory of good articles mixed with every kind of bad file."""
    folder = tmp_path / "input"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text(
        f"Wang Yi meets Putin in Moscow\n\n{PARAGRAPH}\n", encoding="utf-8"
    )
    (folder / "nested" / "export.jsonl").write_text(
        "\n".join([_good_record(1), '{"title": "broken", "text": ', _good_record(3)]) + "\n",
        encoding="utf-8",
    )
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2048))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        b"Headline\n\nParis talks\nLe caf" + b"\xe9 des diplomates.\n"
    )
    with open(folder / "huge.txt", "wb") as sparse:
        sparse.truncate(51 * 1024 * 1024)  # sparse: takes no disk space
    (folder / "nothing.html").write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav><p>Subscribe</p></body></html>",
        encoding="utf-8",
    )
    (folder / "page.html.gz").write_bytes(
        gzip.compress(
            f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
            f"<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace('Wednesday', 'Thursday')}</p>"
            f"</article></body></html>".encode()
        )
    )
    return folder


EXPECTED = {  # file name → (kind, line or None)
    "blob.bin": ("binary", None),
    "photo.txt": ("binary", None),
    "empty.txt": ("empty", None),
    "latin1.txt": ("encoding", 4),
    "huge.txt": ("too-large", None),
    "nothing.html": ("no-article", None),
    "export.jsonl": ("malformed", 2),
}


def _problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("problem ")]


def test_each_problem_is_one_line_recorded_and_good_articles_are_kept(messy, tmp_path, cli):
    db = tmp_path / "store.duckdb"
    result = cli("ingest", messy, "--db", db, "--no-analyse")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr

    lines = _problem_lines(result.stderr)
    assert len(lines) == len(EXPECTED), lines
    for name, (_, line) in EXPECTED.items():
        (printed,) = [text for text in lines if f"{os.sep}{name}" in text]
        location = f"{name}:{line}:" if line else f"{name}:"
        assert location in printed, printed

    conn = duckdb.connect(str(db), read_only=True)
    recorded = conn.execute("SELECT path, line, kind, message FROM problems").fetchall()
    titles = sorted(r[0] for r in conn.execute("SELECT title FROM articles").fetchall())
    conn.close()
    by_name = {os.path.basename(path): (kind, line) for path, line, kind, _ in recorded}
    assert by_name == EXPECTED
    assert titles == ["Story 1", "Story 3", "Talks", "Wang Yi meets Putin in Moscow"]


def test_running_again_loses_and_duplicates_nothing(messy, tmp_path, cli):
    db = tmp_path / "store.duckdb"
    first = cli("ingest", messy, "--db", db, "--no-analyse")
    second = cli("ingest", messy, "--db", db, "--no-analyse")
    assert first.returncode == second.returncode == 0
    assert (
        "4 new" in first.stdout and "0 new" in second.stdout and "4 already stored" in second.stdout
    )
    conn = duckdb.connect(str(db), read_only=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    per_run = conn.execute("SELECT run_id, count(*) FROM problems GROUP BY 1 ORDER BY 1").fetchall()
    conn.close()
    assert [count for _, count in per_run] == [len(EXPECTED), len(EXPECTED)]


def test_nothing_readable_exits_non_zero(tmp_path, cli):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = cli("ingest", folder, "--db", tmp_path / "s.duckdb")
    assert result.returncode == 1
    assert len(_problem_lines(result.stderr)) == 2
    assert "no article could be read" in result.stderr


def test_the_size_limit_is_configurable(tmp_path, cli):
    article = tmp_path / "a.txt"
    article.write_text(PARAGRAPH * 20, encoding="utf-8")
    small = cli(
        "ingest", article, "--db", tmp_path / "s.duckdb", "--max-size", "1KB", "--no-analyse"
    )
    assert small.returncode == 1 and "over the 1.0 KB limit" in small.stderr
    large = cli(
        "ingest", article, "--db", tmp_path / "s.duckdb", "--max-size", "1MB", "--no-analyse"
    )
    assert large.returncode == 0 and "1 new" in large.stdout


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path, cli):
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    result = cli(
        "ingest", tmp_path / "absent.txt", good, "--db", tmp_path / "s.duckdb", "--no-analyse"
    )
    assert result.returncode == 0
    assert any("absent.txt: no such file" in line for line in _problem_lines(result.stderr))
