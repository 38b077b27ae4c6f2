"""Opening, upgrading and writing the DuckDB store. The store alone holds its connection: the
rest of communique asks it (its reads are in ``reading``) and never sees DuckDB.

Writes are grouped so that a run killed at any moment leaves the store consistent: an article
row is one statement, and an article's analysis (its sentences, mentions and the mark that it
was analysed) is one transaction. Running the same command again finishes the work without
doing any of it twice.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import duckdb
import pyarrow as pa

from communique.defaults import DEFAULT_DB as DEFAULT_DB
from communique.records import Article, ArticleRecords, Failure, Problem
from communique.store import tallies
from communique.store.reading import Reading
from communique.store.schema import (
    SCHEMA_VERSION,
    SchemaError,
    migrate,
    one,
    only,
    records,
    rollback,
    schema_version,
)
from communique.store.tables import ACTORS, ARTICLE_SEQ, CROSSDOC_TABLES, RECORD_TABLES

_ARTICLE_COLUMNS = "id, title, date, outlet, url, text, source, locator, format"
_UPSERT_ACTORS = """
    INSERT INTO actors BY NAME SELECT * FROM new_actors
    ON CONFLICT (id) DO UPDATE SET
        name = CASE WHEN excluded.origin = 'kb' THEN excluded.name ELSE actors.name END,
        country = coalesce(actors.country, excluded.country),
        sector = coalesce(actors.sector, excluded.sector),
        wikidata = coalesce(excluded.wikidata, actors.wikidata)
"""


@dataclass(frozen=True)
class NewArticle:
    """An article to store, with its near-duplicate signature and what it near-copies."""

    article: Article
    minhash: bytes | None = None
    duplicate_of: str | None = None
    similarity: float | None = None


class AlreadyAnalysed(RuntimeError):
    """An article's analysis is stored already, by this version of the analysis."""


class StoreLocked(RuntimeError):
    """Another process has the database open for writing."""


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as error:
        message = " ".join(str(error).split())
        if "lock" in message.lower():
            raise StoreLocked(_locked(path, message)) from error
        raise SchemaError(f"{path}: cannot open the store ({message})") from error
    except duckdb.Error as error:
        message = " ".join(str(error).split())
        raise SchemaError(f"{path}: cannot open as a DuckDB database ({message})") from error


# DuckDB names the process that holds a file's lock: "Conflicting lock is held in
# /usr/bin/python3 (PID 4242) by user ana".
_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _locked(path: Path, message: str) -> str:
    """What to tell a user whose store another process holds: which process, and what to do."""
    holder = _HOLDER.search(message)
    who = (
        f"{Path(holder['program']).name} (process {holder['pid']})" if holder else "another process"
    )
    return (
        f"{path} is open for writing in {who}: close it there (a notebook's connection, or "
        "another communique command still running) and try again"
    )


class Store(Reading):
    """A communique database file. Open it with ``Store(path)``; use it as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise SchemaError(f"{self.path}: no such store (run `communique ingest` first)")
        self._conn = _connect(self.path, read_only)
        version = self.version()
        if version < SCHEMA_VERSION and read_only:
            # Upgrade once with a writable connection, then go back to reading.
            self._conn.close()
            self._conn = _connect(self.path, False)
            self.migrate()
            self._conn.close()
            self._conn = _connect(self.path, True)
            version = self.version()
        elif not read_only:
            self.migrate()
            version = self.version()
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} has schema version {version}, newer than this "
                f"communique knows ({SCHEMA_VERSION}); upgrade communique"
            )

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- schema ----------------------------------------------------------------------------

    def version(self) -> int:
        """The schema version of the database; 0 for an empty one."""
        return schema_version(self._conn, self.path)

    def migrate(self, target: int = SCHEMA_VERSION) -> list[int]:
        """Apply the migrations this database lacks, up to ``target``; returns those applied."""
        return migrate(self._conn, target, self.path)

    # -- articles --------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return one(self._conn, "SELECT 1 FROM articles WHERE id = ?", [article_id]) is not None

    def add_article(
        self,
        article: Article,
        *,
        minhash: bytes | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
    ) -> bool:
        """Store an article unless one with the same text is stored; True when it was added."""
        return self.add_articles([NewArticle(article, minhash, duplicate_of, similarity)]) == 1

    def add_articles(self, rows: Sequence[NewArticle]) -> int:
        """Store a batch of articles in one transaction, each unless one with the same text is
        stored; returns how many were added. A run killed before the commit stores none of
        them, and reading the same input again stores them all."""
        if not rows:
            return 0
        values = [
            [
                row.article.id, row.article.title, row.article.date, row.article.outlet,
                row.article.url, row.article.text, row.article.source, row.article.locator,
                row.article.format, row.minhash, row.duplicate_of, row.similarity,
            ]
            for row in rows
        ]  # fmt: skip
        with self.transaction():
            before = only(self._conn, "SELECT count(*) FROM articles")[0]
            self._conn.executemany(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, minhash, duplicate_of, similarity) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                values,
            )
            after = only(self._conn, "SELECT count(*) FROM articles")[0]
        return int(after - before)

    def metadata_changes(self, article: Article) -> dict[str, object]:
        """The title, date, outlet and URL ``article`` gives that differ from those stored
        with its text (a value it does not give is no change)."""
        row = one(
            self._conn, "SELECT title, date, outlet, url FROM articles WHERE id = ?", [article.id]
        )
        if row is None:
            return {}
        given = {"title": article.title, "date": article.date, "outlet": article.outlet,
                 "url": article.url}  # fmt: skip
        stored = dict(zip(given, row, strict=True))
        return {k: v for k, v in given.items() if v is not None and v != stored[k]}

    def update_metadata(self, article_id: str, changes: Mapping[str, object]) -> None:
        """Correct a stored article's title, date, outlet or URL (and its near-copies'
        pointers stay). A new date sends the article back to be analysed, since relative
        dates in its text ("on Tuesday") are read from it; the rest needs no new analysis."""
        columns = [name for name in ("title", "date", "outlet", "url") if name in changes]
        if not columns:
            return
        sets = ", ".join(f"{name} = ?" for name in columns)
        if "date" in changes:
            sets += ", analysis = NULL"
        with self.transaction():
            moved = "outlet" in changes or "date" in changes  # totals that read them move
            if moved:
                tallies.apply(self._conn, [article_id], -1)
            self._conn.execute(
                f"UPDATE articles SET {sets} WHERE id = ?",
                [*(changes[name] for name in columns), article_id],
            )
            if moved:
                tallies.apply(self._conn, [article_id], 1)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All the writes inside happen, or none: rolled back on any error."""
        self._conn.begin()
        try:
            yield
            self._conn.commit()
        except BaseException:
            rollback(self._conn)
            raise

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Near-duplicate signatures of the stored articles that are not copies themselves."""
        cursor = self._conn.execute(
            "SELECT id, minhash FROM articles WHERE duplicate_of IS NULL AND minhash IS NOT NULL "
            "ORDER BY seq"
        )
        while rows := cursor.fetchmany(4096):
            yield from rows

    def pending(self, version: int) -> list[str]:
        """Ids of the stored originals not analysed yet by analysis ``version``, in ingest order;
        an article this version failed on is not taken up again."""
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE duplicate_of IS NULL "
            "AND (analysed_at IS NULL OR analysis IS NULL OR analysis < ?) "
            "AND (failed IS NULL OR failed < ?) ORDER BY seq",
            [version, version],
        ).fetchall()
        return [row[0] for row in rows]

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, in the order asked."""
        if not ids:
            return []
        found = records(
            self._conn,
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT unnest(?))",
            Article,
            [list(ids)],
        )
        by_id = {article.id: article for article in found}
        return [by_id[i] for i in ids if i in by_id]

    # -- analysis --------------------------------------------------------------------------

    def save_analysis(self, records: ArticleRecords, model: str, version: int) -> None:
        """Write one article's records and mark it analysed, all in one transaction.

        The records of an older analysis are replaced; an article already analysed by this
        ``version`` is refused (``AlreadyAnalysed``) and nothing changes.
        """
        conn = self._conn
        conn.begin()
        try:
            row = one(
                conn,
                "SELECT analysed_at IS NOT NULL, coalesce(analysis, 0), seq FROM articles "
                "WHERE id = ?",
                [records.article_id],
            )
            if row is None:
                raise KeyError(f"no stored article {records.article_id}")
            if row[0] and row[1] >= version:
                raise AlreadyAnalysed(f"article {records.article_id} is analysed already")
            if row[0]:
                tallies.apply(conn, [records.article_id], -1)
                for table in RECORD_TABLES:
                    conn.execute(
                        f"DELETE FROM {table.name} WHERE article_id = ?", [records.article_id]
                    )
            for table in RECORD_TABLES:
                conn.register(f"new_{table.name}", table.arrow(records))
                conn.execute(
                    f"INSERT INTO {table.name} BY NAME "
                    f"SELECT * REPLACE ($seq AS {ARTICLE_SEQ}) FROM new_{table.name}",
                    {"seq": row[2]},
                )
            self._save_actors(records)
            tallies.apply(conn, [records.article_id], 1, written=True)
            conn.execute(
                "UPDATE articles SET analysed_at = timezone('UTC', current_timestamp), model = ?, "
                "analysis = ?, "
                "failed = NULL, failure = NULL WHERE id = ?",
                [model, version, records.article_id],
            )
            conn.commit()
        except BaseException:
            rollback(conn)
            raise
        finally:
            for table in RECORD_TABLES:
                conn.unregister(f"new_{table.name}")

    def save_failure(
        self, failure: Failure, version: int, run_id: int | None, problem: Problem
    ) -> None:
        """Mark an article the analysis ``version`` failed on, so later runs of that version
        skip it, and record the problem, in one transaction. Its older records stay."""
        conn = self._conn
        conn.begin()
        try:
            conn.execute(
                "UPDATE articles SET failed = ?, failure = ? WHERE id = ?",
                [version, f"{failure.stage}: {failure.message}", failure.article_id],
            )
            self.add_problems(run_id, [problem])
            conn.commit()
        except BaseException:
            rollback(conn)
            raise

    def _save_actors(self, records: ArticleRecords) -> None:
        """Add the actors an article refers to; what a later article adds fills the gaps."""
        if not records.actors:
            return
        table = ACTORS.arrow(records)
        self._conn.register("new_actors", table)
        try:
            self._conn.execute(_UPSERT_ACTORS)
        finally:
            self._conn.unregister("new_actors")

    # -- across articles -------------------------------------------------------------------

    def save_crossdoc(self, tables: Mapping[str, pa.Table]) -> None:
        """Replace what the cross-article pass found — stories, merged events and their
        mentions, conflicts — with ``tables`` (Arrow tables shaped like the store's), all in
        one transaction: the store holds the old pass or the new one, never a mixture."""
        names = [table.name for table in CROSSDOC_TABLES]
        unknown = set(tables) - set(names)
        if unknown:
            raise ValueError(f"not cross-article tables: {', '.join(sorted(unknown))}")
        conn = self._conn
        conn.begin()
        try:
            for name in names:
                conn.execute(f"DELETE FROM {name}")
            for name, table in tables.items():
                conn.register(f"new_{name}", table)
                if ARTICLE_SEQ in table.column_names:  # in ingest order, with the numbers
                    conn.execute(
                        f"INSERT INTO {name} BY NAME SELECT n.* REPLACE (a.seq AS {ARTICLE_SEQ}) "
                        f"FROM new_{name} n JOIN articles a ON a.id = n.article_id ORDER BY a.seq"
                    )
                else:
                    conn.execute(f"INSERT INTO {name} BY NAME SELECT * FROM new_{name}")
            conn.commit()
        except BaseException:
            rollback(conn)
            raise
        finally:
            for name in tables:
                conn.unregister(f"new_{name}")

    # -- runs and problems -----------------------------------------------------------------

    def start_run(self, command: str, model: str | None = None) -> int:
        row = only(
            self._conn,
            "INSERT INTO runs (command, model) VALUES (?, ?) RETURNING id",
            [command, model],
        )
        return int(row[0])

    def finish_run(self, run_id: int, **counts: int) -> None:
        columns = ", ".join(f"{name} = ?" for name in counts)
        sep = ", " if counts else ""
        self._conn.execute(
            f"UPDATE runs SET finished_at = current_timestamp{sep}{columns} WHERE id = ?",
            [*counts.values(), run_id],
        )

    def add_problems(self, run_id: int | None, problems: Iterable[Problem]) -> None:
        rows = [(run_id, p.path, p.line, p.kind, p.message) for p in problems]
        if rows:
            self._conn.executemany(
                "INSERT INTO problems (run_id, path, line, kind, message) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
