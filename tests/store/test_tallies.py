"""The running totals and links the pages read are kept right through every write: after an
ingest, after articles are analysed again with different records, and after an article's
outlet is corrected, they equal a rebuild."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb

from communique.records import Mention, Sentence
from communique.store import Store, tallies
from communique.store.store import ArticleRecords


def _totals(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
            for table in tallies.TABLES}  # fmt: skip


def _kept_and_rebuilt(path) -> tuple[dict, dict]:
    conn = duckdb.connect(str(path))
    try:
        kept = _totals(conn)
        conn.begin()
        tallies.rebuild(conn)
        rebuilt = _totals(conn)
        conn.rollback()
    finally:
        conn.close()
    return kept, rebuilt


def test_totals_kept_through_an_ingest_equal_a_rebuild(seeds_store, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_store, db)
    kept, rebuilt = _kept_and_rebuilt(db)
    assert kept == rebuilt
    assert all(kept[table] for table in tallies.TABLES)  # the seeds give every kind of total
    with Store(db, read_only=True) as store:
        # the profile's counts are the mentions table's own
        found = store.rows_of("mentions", ["actor_id"])
        putin = store.profile("vladimir-putin")
        assert putin is not None
        assert putin.mentions == sum(1 for (actor,) in found if actor == "vladimir-putin")


def test_totals_follow_an_article_analysed_again(seeds_store, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_store, db)
    with Store(db) as store:
        ids = [row[0] for row in store.rows_of("articles", ["id"])][:2]
        before = store.profile("vladimir-putin")
        # one article now holds a single mention of Putin, another none at all
        first = ArticleRecords(
            ids[0],
            (Sentence(ids[0], 0, 0, 5),),
            (Mention(ids[0], 0, 0, 0, 5, "Putin", "PERSON", "vladimir-putin"),),
        )
        store.save_analysis(first, "test-model", 10**6)
        store.save_analysis(ArticleRecords(ids[1], (), ()), "test-model", 10**6)
        # and a third article's outlet is corrected: its mentions move to the new outlet
        third = [row[0] for row in store.rows_of("articles", ["id"])][2]
        store.update_metadata(third, {"outlet": "Corrected desk"})
        after = store.profile("vladimir-putin")
        outlets = {outlet for outlet, _ in after.by_outlet} if after else set()
    assert before is not None and after is not None
    assert after.mentions != before.mentions
    kept, rebuilt = _kept_and_rebuilt(db)
    assert kept == rebuilt
    assert any(row[1] == "Corrected desk" for row in kept["actor_outlets"])
    assert outlets  # the profile's outlets come from the kept totals


def test_a_dyad_of_two_states_reads_the_same_records_from_its_own_rows(seeds_store, tmp_path):
    from communique.crossdoc.timeline import resolve_side
    from communique.store import timeline

    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_store, db)
    with Store(db) as store:  # an outlet and a date corrected: the pair rows move with them
        first = next(row[0] for row in store.rows_of("articles", ["id"]))
        store.update_metadata(first, {"outlet": "Corrected desk", "date": date(2020, 1, 2)})
    with Store(db, read_only=True) as store:
        codes = sorted({a for a, _ in store.rows_of("dyad_tallies", ["a", "b"])}
                       | {b for _, b in store.rows_of("dyad_tallies", ["a", "b"])})  # fmt: skip
        compared = said_compared = 0
        for i, x in enumerate(codes):
            for y in codes[i + 1 :]:
                a, b = resolve_side(store, x), resolve_side(store, y)
                if a is None or b is None or a.countries != {x} or b.countries != {y}:
                    continue
                for one, other in ((a, b), (b, a)):
                    kept = timeline.events(store._conn, one, other)
                    found = timeline.participants_events(store._conn, one, other)
                    assert kept == found, (one.label, other.label)
                    said = timeline.statements(store._conn, one, other)
                    assert said == timeline.speakers_statements(store._conn, one, other)
                    compared += len(found)
                    said_compared += len(said)
    assert compared > 0 and said_compared > 0
    kept_rows, rebuilt = _kept_and_rebuilt(db)
    assert kept_rows == rebuilt
