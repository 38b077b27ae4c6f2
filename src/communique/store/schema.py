"""The store's schema as an ordered list of migrations.

A database records the version it is at; opening it applies the migrations it lacks, each in
its own transaction, so a store made by an older communique is upgraded in place and keeps its
data. Add a migration to change the schema; never edit one that has shipped.

Column names ``start``/``end`` are character offsets into ``articles.text`` (end exclusive).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from communique.store import tallies

T = TypeVar("T")

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
    (
        3,
        "actors: mentions linked to actors, the actors, and the roles articles give them",
        """
        ALTER TABLE articles ADD COLUMN analysis INTEGER;  -- version of the analysis it had
        UPDATE articles SET analysis = 1 WHERE analysed_at IS NOT NULL;
        ALTER TABLE mentions ADD COLUMN actor_id VARCHAR;
        ALTER TABLE mentions ADD COLUMN how VARCHAR;      -- name, surname, descriptor, ...
        ALTER TABLE mentions ADD COLUMN confidence DOUBLE;
        CREATE TABLE actors (
            id         VARCHAR PRIMARY KEY,
            name       VARCHAR NOT NULL,
            kind       VARCHAR NOT NULL,               -- person, state, government, igo, ...
            country    VARCHAR,                        -- ISO 3166 alpha-3, or IGO
            sector     VARCHAR,                        -- PLOVER sector
            wikidata   VARCHAR,
            origin     VARCHAR NOT NULL,               -- kb, or text (first met in an article)
            first_seen VARCHAR                         -- article that brought it in
        );
        CREATE TABLE roles (
            article_id   VARCHAR NOT NULL,
            idx          INTEGER NOT NULL,
            actor_id     VARCHAR NOT NULL,
            role         VARCHAR NOT NULL,
            organisation VARCHAR,
            country      VARCHAR,
            tense        VARCHAR NOT NULL,             -- current | former
            "start"      INTEGER NOT NULL,             -- the title or apposition in the text
            "end"        INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        """,
    ),
    (
        4,
        "statements: who said what, to whom, according to whom",
        """
        CREATE TABLE statements (
            article_id      VARCHAR NOT NULL,
            idx             INTEGER NOT NULL,
            sentence        INTEGER NOT NULL,
            kind            VARCHAR NOT NULL,          -- direct | indirect | mixed
            "start"         INTEGER NOT NULL,          -- the content
            "end"           INTEGER NOT NULL,
            fragments       INTEGER[][],               -- the content's pieces: [[start, end], ...]
            speaker_id      VARCHAR,
            speaker_text    VARCHAR,
            speaker_start   INTEGER,
            speaker_end     INTEGER,
            cue             VARCHAR,
            cue_start       INTEGER,
            cue_end         INTEGER,
            addressee_id    VARCHAR,
            addressee_text  VARCHAR,
            addressee_start INTEGER,
            addressee_end   INTEGER,
            via             VARCHAR[],                 -- outlets and documents credited
            negated         BOOLEAN NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        """,
    ),
    (
        5,
        "events: PLOVER-coded events and their sides",
        """
        CREATE TABLE events (
            article_id      VARCHAR NOT NULL,
            idx             INTEGER NOT NULL,
            sentence        INTEGER NOT NULL,
            type            VARCHAR NOT NULL,          -- PLOVER 2024 event type
            mode            VARCHAR,
            quad            INTEGER,                   -- PLOVER quad class 1-4
            cameo           VARCHAR,                   -- from the crosswalk
            goldstein       DOUBLE,
            trigger         VARCHAR NOT NULL,          -- the trigger's lemma
            trigger_start   INTEGER NOT NULL,
            trigger_end     INTEGER NOT NULL,
            date_start      DATE,
            date_end        DATE,
            date_granularity VARCHAR NOT NULL,         -- day, week, month, year, unresolved
            date_text       VARCHAR,
            date_text_start INTEGER,
            date_text_end   INTEGER,
            place_text      VARCHAR,
            place_start     INTEGER,
            place_end       INTEGER,
            place_name      VARCHAR,
            place_country   VARCHAR,
            latitude        DOUBLE,
            longitude       DOUBLE,
            geonameid       INTEGER,
            modality        VARCHAR NOT NULL,          -- asserted, negated, future, ...
            negated         BOOLEAN NOT NULL,
            via             VARCHAR[],                 -- the reporting chain
            statement       INTEGER,                   -- the statement it is told in
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE event_participants (
            article_id VARCHAR NOT NULL,
            event_idx  INTEGER NOT NULL,
            side       VARCHAR NOT NULL,               -- actor | recipient
            position   INTEGER NOT NULL,
            "start"    INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            text       VARCHAR NOT NULL,
            actor_id   VARCHAR,
            country    VARCHAR,
            sector     VARCHAR,
            PRIMARY KEY (article_id, event_idx, side, position)
        );
        """,
    ),
    (
        6,
        "across articles: stories, merged events and their mentions, conflicts",
        """
        CREATE TABLE stories (
            article_id VARCHAR PRIMARY KEY,
            story_id   VARCHAR NOT NULL                -- the story's earliest article
        );
        CREATE TABLE merged_events (
            id               VARCHAR PRIMARY KEY,
            type             VARCHAR NOT NULL,         -- PLOVER 2024 event type
            mode             VARCHAR,
            quad             INTEGER,
            cameo            VARCHAR,
            goldstein        DOUBLE,
            date_start       DATE,                     -- date and place: most mentions' value
            date_end         DATE,
            date_granularity VARCHAR NOT NULL,
            place_name       VARCHAR,
            place_country    VARCHAR,
            latitude         DOUBLE,
            longitude        DOUBLE,
            modality         VARCHAR NOT NULL,
            num_mentions     INTEGER NOT NULL,         -- event records
            num_articles     INTEGER NOT NULL,
            num_sources      INTEGER NOT NULL,         -- outlets (an article without one: itself)
            actors           VARCHAR[],                -- actor ids, or country codes of states
            recipients       VARCHAR[]
        );
        CREATE TABLE event_mentions (
            merged_id  VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            event_idx  INTEGER NOT NULL,
            PRIMARY KEY (article_id, event_idx)
        );
        CREATE TABLE conflicts (
            id      VARCHAR PRIMARY KEY,
            kind    VARCHAR NOT NULL,                  -- date | place | office
            subject VARCHAR NOT NULL,                  -- merged event id, or actor id
            fact    VARCHAR NOT NULL,                  -- what it is over, readably
            sides   STRUCT(value VARCHAR, article_id VARCHAR, outlet VARCHAR, date DATE,
                           "start" INTEGER, "end" INTEGER, text VARCHAR, evidence VARCHAR)[]
        );
        """,
    ),
    (
        7,
        "event sizes: the dead, injured and arrested an event counts",
        """
        CREATE TABLE event_sizes (
            article_id VARCHAR NOT NULL,
            event_idx  INTEGER NOT NULL,
            kind       VARCHAR NOT NULL,               -- dead | injured | arrested
            value      BIGINT NOT NULL,
            at_least   BOOLEAN NOT NULL,               -- "at least 26", "more than 40"
            "start"    INTEGER NOT NULL,               -- the number phrase in the text
            "end"      INTEGER NOT NULL,
            PRIMARY KEY (article_id, event_idx, kind)
        );
        -- conflicts.kind gains: number (sides disagree about a size of a merged event)
        """,
    ),
    (
        8,
        "articles the analysis could not take, kept out of later runs until it changes",
        """
        ALTER TABLE articles ADD COLUMN failed INTEGER;   -- analysis version that failed on it
        ALTER TABLE articles ADD COLUMN failure VARCHAR;  -- why, in one line
        """,
    ),
    (
        9,
        "views that carry each record's text: its sentence, words and article",
        """
        -- For people reading records in SQL (DuckDB, a notebook, Datasette): each record with
        -- the article's title, date, outlet and URL and the text its offsets point at.
        -- Offsets are Python string offsets (code points, end exclusive); DuckDB's substring
        -- counts code points from 1.
        CREATE VIEW events_with_text AS
        SELECT e.*, a.title, a.date AS article_date, a.outlet, a.url,
               substring(a.text, s."start" + 1, s."end" - s."start") AS sentence_text,
               substring(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)
                   AS trigger_text
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence;
        CREATE VIEW statements_with_text AS
        SELECT t.*, a.title, a.date AS article_date, a.outlet, a.url,
               substring(a.text, s."start" + 1, s."end" - s."start") AS sentence_text,
               substring(a.text, t."start" + 1, t."end" - t."start") AS content_text
        FROM statements t
        JOIN articles a ON a.id = t.article_id
        LEFT JOIN sentences s ON s.article_id = t.article_id AND s.idx = t.sentence;
        CREATE VIEW mentions_with_text AS
        SELECT m.*, a.title, a.date AS article_date, a.outlet, a.url,
               substring(a.text, s."start" + 1, s."end" - s."start") AS sentence_text
        FROM mentions m
        JOIN articles a ON a.id = m.article_id
        LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence;
        """,
    ),
    (
        10,
        "running totals that pages read: actors' mentions, who shares sentences, dyads",
        """
        -- Kept by the store as it writes each article (communique.store.tallies).
        CREATE TABLE actor_tallies (
            grouped  BOOLEAN NOT NULL,             -- a state with its governments, or one actor
            actor_id VARCHAR NOT NULL,
            mentions BIGINT NOT NULL,
            articles BIGINT NOT NULL
        );
        CREATE TABLE actor_pairs (
            actor_id   VARCHAR NOT NULL,
            partner_id VARCHAR NOT NULL,
            sentences  BIGINT NOT NULL             -- sentences mentioning both
        );
        CREATE TABLE dyad_tallies (
            a      VARCHAR NOT NULL,               -- country codes, a < b
            b      VARCHAR NOT NULL,
            events BIGINT NOT NULL                 -- event records with one acting on the other
        );
        """,
    ),
    (
        11,
        "what each statement is about: the actors its content names",
        """
        -- Kept by the store as it writes each article (communique.store.tallies).
        CREATE TABLE statement_about (
            article_id VARCHAR NOT NULL,
            statement  INTEGER NOT NULL,           -- statements.idx
            mention    INTEGER NOT NULL,           -- mentions.idx, inside the content
            actor_id   VARCHAR NOT NULL,
            "start"    INTEGER NOT NULL,           -- the mention's span
            "end"      INTEGER NOT NULL,
            article_seq BIGINT                     -- articles.seq
        );
        """,
    ),
    (
        12,
        "every per-article row carries its article's ingest number",
        """
        -- articles.seq on each of an article's rows: the rows lie together in ingest order,
        -- so a range of these numbers reads a few articles' rows without scanning a table.
        ALTER TABLE sentences ADD COLUMN article_seq BIGINT;
        ALTER TABLE mentions ADD COLUMN article_seq BIGINT;
        ALTER TABLE roles ADD COLUMN article_seq BIGINT;
        ALTER TABLE statements ADD COLUMN article_seq BIGINT;
        ALTER TABLE events ADD COLUMN article_seq BIGINT;
        ALTER TABLE event_participants ADD COLUMN article_seq BIGINT;
        ALTER TABLE event_sizes ADD COLUMN article_seq BIGINT;
        ALTER TABLE event_mentions ADD COLUMN article_seq BIGINT;
        UPDATE sentences t SET article_seq = a.seq FROM articles a WHERE a.id = t.article_id;
        UPDATE mentions t SET article_seq = a.seq FROM articles a WHERE a.id = t.article_id;
        UPDATE roles t SET article_seq = a.seq FROM articles a WHERE a.id = t.article_id;
        UPDATE statements t SET article_seq = a.seq FROM articles a WHERE a.id = t.article_id;
        UPDATE events t SET article_seq = a.seq FROM articles a WHERE a.id = t.article_id;
        UPDATE event_participants t SET article_seq = a.seq FROM articles a
            WHERE a.id = t.article_id;
        UPDATE event_sizes t SET article_seq = a.seq FROM articles a WHERE a.id = t.article_id;
        UPDATE event_mentions t SET article_seq = a.seq FROM articles a
            WHERE a.id = t.article_id;
        """,
    ),
    (
        13,
        "how often each outlet mentions an actor",
        """
        -- Kept by the store as it writes each article (communique.store.tallies).
        CREATE TABLE actor_outlets (
            actor_id VARCHAR NOT NULL,
            outlet   VARCHAR NOT NULL,             -- '(no outlet)' for articles without one
            mentions BIGINT NOT NULL
        );
        """,
    ),
    (
        14,
        "the event records and statements between each pair of countries",
        """
        -- Kept by the store as it writes each article (communique.store.tallies).
        CREATE TABLE dyad_events (
            a           VARCHAR NOT NULL,          -- country codes, a < b
            b           VARCHAR NOT NULL,
            direction   VARCHAR NOT NULL,          -- A→B (a acts on b), B→A, A↔B
            article_id  VARCHAR NOT NULL,
            event_idx   INTEGER NOT NULL,
            article_seq BIGINT,
            date        DATE,                      -- the event's own, else the article's
            type        VARCHAR NOT NULL,
            mode        VARCHAR,
            quad        INTEGER,
            goldstein   DOUBLE,
            modality    VARCHAR NOT NULL,
            outlet      VARCHAR
        );
        CREATE TABLE dyad_statements (
            a           VARCHAR NOT NULL,          -- country codes, a < b
            b           VARCHAR NOT NULL,
            direction   VARCHAR NOT NULL,          -- A→B (a's actor spoke of b), B→A
            article_id  VARCHAR NOT NULL,
            idx         INTEGER NOT NULL,          -- statements.idx
            article_seq BIGINT,
            date        DATE,                      -- the article's
            outlet      VARCHAR,
            about       STRUCT("start" INTEGER, "end" INTEGER, name VARCHAR)[]
        );
        """,
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]

# What a migration's new tables are filled with from the rows already stored, by version.
_FILLS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    10: lambda conn: tallies.rebuild(conn, ("actor_tallies", "actor_pairs", "dyad_tallies")),
    11: lambda conn: tallies.rebuild(conn, ("statement_about",)),
    13: lambda conn: tallies.rebuild(conn, ("actor_outlets",)),
    14: lambda conn: tallies.rebuild(conn, ("dyad_events", "dyad_statements")),
}


def one(
    conn: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None
) -> tuple | None:
    """The first row of a query, reading the result to its end (DuckDB wants it finished)."""
    rows = conn.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


def rollback(conn: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction, if the error that ended it left one open: a failed commit
    (a full disk) has already rolled back, and its error is the one to report."""
    with contextlib.suppress(duckdb.Error):
        conn.rollback()


def only(conn: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> tuple:
    """The row a query always gives (an aggregate, an ``INSERT … RETURNING``)."""
    row = one(conn, sql, params)
    if row is None:
        raise RuntimeError(f"no row from a query that always gives one: {sql.split()[0]}")
    return row


def records(
    conn: duckdb.DuckDBPyConnection,
    sql: str,
    kind: Callable[..., T],
    params: Sequence[object] | Mapping[str, object] | None = None,
) -> list[T]:
    """A query's rows, each made a ``kind`` (a dataclass) with every column given by name."""
    cursor = conn.execute(sql, params or [])
    columns = [column[0] for column in cursor.description]
    fields = [f.name for f in dataclasses.fields(kind)] if dataclasses.is_dataclass(kind) else []
    if columns == fields:
        return [kind(*row) for row in cursor.fetchall()]  # the same, by position: faster
    return [kind(**dict(zip(columns, row, strict=True))) for row in cursor.fetchall()]


def named(
    conn: duckdb.DuckDBPyConnection,
    sql: str,
    params: Sequence[object] | Mapping[str, object] | None = None,
) -> dict[str, Any] | None:
    """A query's first row as a mapping of column name to value; None for no row."""
    cursor = conn.execute(sql, params or [])
    row = cursor.fetchone()
    return None if row is None else dict(zip((c[0] for c in cursor.description), row, strict=True))


# What DuckDB raises for a statement it cannot carry out: a store that cannot be used.
StoreError = duckdb.Error


class SchemaError(RuntimeError):
    """The database is not a communique store this version can use."""


def schema_version(conn: duckdb.DuckDBPyConnection, path: Path | str = "database") -> int:
    """The schema version of a database; 0 for an empty one. (Asked straight of the version
    table first: listing the tables costs a new connection far more.)"""
    try:
        conn.execute("SELECT 1 FROM pragma_table_info('schema_version')").fetchall()
        return int(only(conn, "SELECT max(version) FROM schema_version")[0] or 0)
    except duckdb.CatalogException:  # no version table: an empty database, or not a store
        pass
    tables = {row[0] for row in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise SchemaError(f"{path} is a DuckDB database but not a communique store")
        return 0
    return int(only(conn, "SELECT max(version) FROM schema_version")[0] or 0)


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
            if version in _FILLS:
                _FILLS[version](conn)
            conn.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                [version, description],
            )
            conn.commit()
        except BaseException:
            rollback(conn)
            raise
        applied.append(version)
    return applied
