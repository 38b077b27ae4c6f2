"""The questions a :class:`~communique.store.Store` answers: each method asks the module that
holds the query — ``queries`` (summaries, profiles, statements, conflicts), ``names`` (what a
name stands for), ``exports``, ``crossdoc`` (what the cross-article pass reads) and
``timeline`` (what a dyad timeline reads)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from communique.store import crossdoc, exports, names, pages, queries, timeline
from communique.store.filters import Among, Filters

if TYPE_CHECKING:
    from communique.kb import KnowledgeBase


class Reading:
    """Reads over the store's connection; :class:`Store` opens it, and writes."""

    _conn: duckdb.DuckDBPyConnection

    # -- what a reader asks ----------------------------------------------------------------

    def summary(self, top_n: int = 10) -> queries.Summary:
        """Counts over the whole store and the most mentioned people, states and
        organisations."""
        return queries.summary(self._conn, top_n)

    def profile(self, actor_id: str, top: int = 10, roles: bool = True) -> queries.Profile | None:
        """An actor's roles over time with their sources (none read with ``roles`` false),
        its outlets and its company."""
        return queries.profile(self._conn, actor_id, top, roles)

    def find_statements(
        self,
        speaker: queries.Among | None = None,
        about: queries.Among | None = None,
        via: queries.Among | None = None,
        since: date | None = None,
        limit: int = 50,
    ) -> list[queries.StatementSeen]:
        """Statements by speaker, what they are about, the source credited, and date."""
        return queries.find_statements(self._conn, speaker, about, via, since, limit)

    def find_conflicts(
        self, kind: str | None = None, subjects: tuple[str, ...] | None = None
    ) -> list[queries.ConflictSeen]:
        """Stored disagreements between sources, of one kind or about these subjects."""
        return queries.find_conflicts(self._conn, kind, subjects)

    # -- names -----------------------------------------------------------------------------

    def resolve(self, name: str, kb: KnowledgeBase) -> names.Named | None:
        """The actor ``name`` stands for (see ``communique.store.names``); raises
        ``Ambiguous`` for a name that fits several."""
        return names.resolve(self._conn, name, kb)

    def actor(self, actor_id: str) -> names.Named | None:
        """The stored actor with this id, or None."""
        return names.actor(self._conn, actor_id)

    def among(self, name: str, kb: KnowledgeBase, *, words: bool) -> Among | None:
        """Whom ``name`` names for a filter: a state with its people and bodies, an actor,
        or — when ``words`` — the words themselves; None when nothing fits. Raises
        ``names.Ambiguous``."""
        return names.among(self._conn, name, kb, words=words)

    def country_members(self, code: str) -> list[str]:
        """The ids of every stored actor of a country, the state itself first."""
        return names.country_members(self._conn, code)

    # -- exports ---------------------------------------------------------------------------

    def export_rows(self, table: str, filters: Filters | None = None) -> exports.Rows:
        """The export of ``table``: its columns, and its rows a chunk at a time."""
        return exports.rows(self._conn, table, filters)

    def export_parquet(self, table: str, path: Path, filters: Filters | None = None) -> int:
        """Write the export of ``table`` to the Parquet file ``path``; returns the rows."""
        return exports.to_parquet(self._conn, table, path, filters)

    def export_page(
        self,
        table: str,
        filters: Filters | None = None,
        *,
        limit: int = 50,
        offset: int = 0,
        sort: str | None = None,
        descending: bool = False,
    ) -> exports.Page:
        """One page of the export of ``table`` (see ``exports.page``)."""
        return exports.page(
            self._conn, table, filters, limit=limit, offset=offset, sort=sort,
            descending=descending,
        )  # fmt: skip

    def page_data(self, question: str, *args: object) -> Any:
        """What a web page asks of ``communique.store.pages`` (``overview``, ``top_dyads``,
        ``recent_merged``, ``search_actors``, ``merged_event``, ``article``, ``actor_roles``,
        ``actor_records``)."""
        if question not in pages.QUESTIONS:
            raise ValueError(f"no page question {question!r}")
        return getattr(pages, question)(self._conn, *args)

    def export_frame(self, table: str, filters: Filters | None = None, output: str = "pandas"):
        """The export of ``table`` whole, as a pandas DataFrame (``output="pandas"``), an
        Arrow table (``"arrow"``) or a polars DataFrame (``"polars"``)."""
        return exports.frame(self._conn, table, filters, output)

    def sql_frame(
        self,
        sql: str,
        params: Sequence[object] | dict[str, object] | None = None,
        output: str = "pandas",
    ):
        """A reader's own query over the store, as :meth:`export_frame` hands it over."""
        return exports.converted(self._conn.sql(sql, params=params), output)

    # -- what the cross-article pass and the timelines read ----------------------------------

    def crossdoc_articles(self) -> list[crossdoc.PassArticle]:
        """The analysed originals, in ingest order, with the actors they mention."""
        return crossdoc.articles(self._conn)

    def crossdoc_events(self) -> list[crossdoc.PassEvent]:
        """The events of the analysed originals, with who each side stands for."""
        return crossdoc.events(self._conn)

    def crossdoc_roles(self) -> list[crossdoc.PassRole]:
        """The roles the analysed originals give actors."""
        return crossdoc.roles(self._conn)

    def dyad_events(self, a: timeline.Members, b: timeline.Members) -> list[timeline.DyadEvent]:
        """The events between two sides, either way, by date (undated last)."""
        return timeline.events(self._conn, a, b)

    def dyad_statements(
        self, a: timeline.Members, b: timeline.Members
    ) -> list[timeline.DyadStatement]:
        """The statements by either side that name the other, by date (undated last)."""
        return timeline.statements(self._conn, a, b)

    def dyad_event_words(
        self, keys: Sequence[tuple[str, int, int]]
    ) -> dict[tuple[str, int], timeline.EventWords]:
        """The words of these event records (article id, index, ingest number): names,
        trigger, sentence."""
        return timeline.event_words(self._conn, keys)

    def dyad_statement_words(
        self, keys: Sequence[tuple[str, int, int]]
    ) -> dict[tuple[str, int], timeline.StatementWords]:
        """The words of these statements (article id, index, ingest number): speaker,
        content, sentence."""
        return timeline.statement_words(self._conn, keys)

    # -- whole tables ----------------------------------------------------------------------

    def table_columns(self) -> dict[str, list[str]]:
        """Every table in the store, with its columns in order."""
        rows = self._conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
        tables: dict[str, list[str]] = {}
        for table, column in rows:
            tables.setdefault(table, []).append(column)
        return tables

    def rows_of(self, table: str, columns: Sequence[str]) -> list[tuple[object, ...]]:
        """All rows of one table, with the named columns (names checked against the store)."""
        known = self.table_columns()
        if table not in known or not set(columns) <= set(known[table]):
            raise KeyError(f"no table {table!r} with columns {list(columns)}")
        listed = ", ".join(f'"{column}"' for column in columns)
        return self._conn.execute(f'SELECT {listed} FROM "{table}"').fetchall()
