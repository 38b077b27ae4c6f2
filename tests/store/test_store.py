"""The store: a versioned schema that upgrades in place, and refuses what it cannot use."""

from __future__ import annotations

import os

import duckdb
import pytest

from communique.records import Article, ArticleRecords, Mention, Problem, Sentence
from communique.store import AlreadyAnalysed, SchemaError, Store
from communique.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from tests.conftest import run_cli


def test_new_store_is_at_the_latest_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.version() == SCHEMA_VERSION
        tables = set(store.table_columns())
    assert {"articles", "sentences", "mentions", "problems", "runs", "schema_version"} <= tables


def test_old_store_is_upgraded_in_place_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    assert migrate(conn, target=1) == [1]
    article = Article(text="An article stored by an older communique.", title="Old")
    conn.execute(
        "INSERT INTO articles (id, title, text) VALUES (?, ?, ?)",
        [article.id, article.title, article.text],
    )
    conn.close()

    with Store(path) as store:
        assert store.version() == SCHEMA_VERSION
        assert store.articles([article.id]) == [
            Article(text=article.text, title="Old", id=article.id)
        ]
        versions = sorted(r[0] for r in store.rows_of("schema_version", ["version"]))
        store.add_problems(None, [Problem("x.txt", "empty file", "empty")])  # v2 table is usable
    assert versions == [version for version, _, _ in MIGRATIONS]


def test_reading_an_old_store_upgrades_it_first(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    migrate(conn, target=1)
    conn.close()
    with Store(path, read_only=True) as store:
        assert store.version() == SCHEMA_VERSION


def test_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    Store(path).close()
    conn = duckdb.connect(str(path))  # a later communique's upgrade, as it leaves the file
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    conn.close()
    with pytest.raises(SchemaError, match="newer"):
        Store(path)


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.close()
    with pytest.raises(SchemaError, match="not a communique store"):
        Store(path)
    assert schema_version(duckdb.connect(":memory:")) == 0


def test_reading_a_missing_store_says_so(tmp_path):
    with pytest.raises(SchemaError, match="no such store"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def _records(article: Article) -> ArticleRecords:
    sentence = Sentence(article.id, 0, 0, len(article.text))
    mention = Mention(article.id, 0, 0, 0, 5, article.text[:5], "GPE")
    return ArticleRecords(article.id, (sentence,), (mention,))


def _counts(store: Store) -> tuple[int, int]:
    """How many sentences and mentions the store holds."""
    return len(store.rows_of("sentences", ["idx"])), len(store.rows_of("mentions", ["idx"]))


def test_same_text_is_stored_once(tmp_path):
    article = Article(text="China and Russia held talks in Moscow.", source="a.txt")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add_article(article) is True
        assert store.add_article(Article(text=article.text + "  ", source="b.txt")) is False
        assert len(store.rows_of("articles", ["id"])) == 1


def test_analysis_of_an_article_is_written_whole_and_only_once(tmp_path):
    article = Article(text="China and Russia held talks in Moscow.")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_article(article)
        assert store.pending(1) == [article.id]
        store.save_analysis(_records(article), "test-model", 1)
        assert store.pending(1) == []
        with pytest.raises(AlreadyAnalysed):  # a second write is refused whole
            store.save_analysis(_records(article), "other-model", 1)
        assert _counts(store) == (1, 1)
        assert store.rows_of("articles", ["model", "analysis"]) == [("test-model", 1)]
        # A newer analysis takes the article up again and replaces its records.
        assert store.pending(2) == [article.id]
        store.save_analysis(_records(article), "new-model", 2)
        assert _counts(store) == (1, 1)
        assert store.rows_of("articles", ["model", "analysis"]) == [("new-model", 2)]
        assert store.pending(2) == []


def test_a_failed_analysis_write_leaves_nothing_behind(tmp_path):
    article = Article(text="China and Russia held talks in Moscow.")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_article(article)
        good = _records(article)
        clash = Mention(article.id, 0, 0, 0, 5, "China", "GPE")  # same key twice: insert fails
        bad = ArticleRecords(article.id, good.sentences, (clash, clash))
        with pytest.raises(duckdb.Error):
            store.save_analysis(bad, "test-model", 1)
        assert _counts(store)[0] == 0
        assert store.pending(1) == [article.id]


def test_a_store_in_use_is_reported_not_crashed(tmp_path):
    path = tmp_path / "busy.duckdb"
    with Store(path):  # held by this process; the command runs in another
        result = run_cli("export", "articles", "--db", path)
    assert result.returncode != 0
    # the one line names the process that holds the store: this one
    assert "is open for writing in" in result.stderr and f"(process {os.getpid()})" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
