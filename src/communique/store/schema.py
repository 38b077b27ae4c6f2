"""The store's schema as an ordered list of migrations.

A database records the version it is at; opening it applies the migrations it lacks, each in
its own transaction, so a store made by an older communique is upgraded in place and keeps its
data. Add a migration to change the schema; never edit one that has shipped.

Column names ``start``/``end`` are character offsets into ``articles.text`` (end exclusive).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "articles, their sentences and entity mentions",
        """
        CREATE SEQUENCE article_seq START 1;
        CREATE TABLE articles (
            id           VARCHAR PRIMARY KEY,          -- content hash of the text
            seq          BIGINT NOT NULL DEFAULT nextval('article_seq'),  -- ingest order
            title        VARCHAR,
            date         DATE,
            outlet       VARCHAR,
            url          VARCHAR,
            text         VARCHAR NOT NULL,
            duplicate_of VARCHAR,                      -- id of the article this near-copies
            similarity   DOUBLE,                       -- estimated Jaccard to duplicate_of
            source       VARCHAR,                      -- file it was read from
            locator      VARCHAR,                      -- where in that file
            format       VARCHAR,
            minhash      BLOB,                         -- near-duplicate signature
            ingested_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
            analysed_at  TIMESTAMP,                    -- NULL until analysed
            model        VARCHAR                       -- spaCy pipeline that analysed it
        );
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            idx        INTEGER NOT NULL,
            "start"    INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            idx        INTEGER NOT NULL,
            sentence   INTEGER NOT NULL,
            "start"    INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            text       VARCHAR NOT NULL,
            label      VARCHAR NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        """,
    ),
    (
        2,
        "ingest runs and the problems met in them",
        """
        CREATE SEQUENCE run_seq START 1;
        CREATE TABLE runs (
            id          INTEGER PRIMARY KEY DEFAULT nextval('run_seq'),
            command     VARCHAR NOT NULL,
            started_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
            finished_at TIMESTAMP,
            model       VARCHAR,
            read        INTEGER,                       -- articles read from the input
            added       INTEGER,                       -- new articles stored
            duplicates  INTEGER,                       -- of those, near-copies
            analysed    INTEGER,
            problems    INTEGER
        );
        CREATE SEQUENCE problem_seq START 1;
        CREATE TABLE problems (
            id      BIGINT PRIMARY KEY DEFAULT nextval('problem_seq'),
            run_id  INTEGER,
            path    VARCHAR NOT NULL,
            line    INTEGER,
            kind    VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        """,
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]


class SchemaError(RuntimeError):
    """The database is not a communique store this version can use."""


def schema_version(conn: duckdb.DuckDBPyConnection, path: Path | str = "database") -> int:
    """The schema version of a database; 0 for an empty one."""
    tables = {row[0] for row in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise SchemaError(f"{path} is a DuckDB database but not a communique store")
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(
    conn: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION, path: Path | str = "database"
) -> list[int]:
    """Apply the migrations the database lacks, up to ``target``, each in one transaction."""
    current = schema_version(conn, path)
    applied = []
    for version, description, sql in MIGRATIONS:
        if not current < version <= target:
            continue
        conn.begin()
        try:
            if version == 1:
                conn.execute(
                    "CREATE TABLE schema_version (version INTEGER NOT NULL, description VARCHAR, "
                    "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
                )
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                [version, description],
            )
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        applied.append(version)
    return applied
