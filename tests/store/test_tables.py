"""Each stored record is declared once (store/tables.py): the schema the migrations build is
exactly the declared one, and the declared Arrow tables are what the store writes."""

from __future__ import annotations

import duckdb
import pytest

from communique.store import Store
from communique.store.tables import ACTORS, CROSSDOC_TABLES, RECORD_TABLES, Table

DECLARED = (*RECORD_TABLES, ACTORS, *CROSSDOC_TABLES)


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, str]]:
    return conn.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    path = tmp_path_factory.mktemp("tables") / "s.duckdb"
    Store(path).close()  # every migration applied
    conn = duckdb.connect(str(path), read_only=True)
    yield conn
    conn.close()


@pytest.mark.parametrize("table", DECLARED, ids=lambda table: table.name)
def test_the_migrated_schema_is_the_declared_one(migrated, table: Table) -> None:
    declared = duckdb.connect()
    declared.execute(table.ddl())
    assert _columns(migrated, table.name) == _columns(declared, table.name)


def test_the_writes_go_through_the_declarations_with_every_column(seeds_store) -> None:
    with Store(seeds_store, read_only=True) as store:
        columns = store.table_columns()
        for table in DECLARED:
            assert columns[table.name] == list(table.names), table.name
        events = store.rows_of("events", ["quad", "cameo", "goldstein"])
    assert events and all(quad in (1, 2, 3, 4) for quad, _, _ in events)


def test_the_cross_article_reads_take_the_declared_columns() -> None:
    from communique.store import crossdoc
    from communique.store.tables import EVENTS

    assert EVENTS.select("e", ["type", "quad"]) == 'e."type", e."quad"'
    with pytest.raises(KeyError, match="events declares no column kind_of_thing"):
        EVENTS.select("e", ["kind_of_thing"])
    for name in ("type", "quad", "cameo", "goldstein", "place_country"):
        assert f'e."{name}"' in crossdoc._EVENTS


def test_exports_name_only_declared_columns() -> None:
    from communique.store import exports

    assert 'e."cameo", e."goldstein"' in exports.EXPORTS["events"]
    assert "<" not in exports.EXPORTS["statements"].split("FROM")[0]
    with pytest.raises(KeyError, match="statements declares no column speaker_name"):
        exports._declared("SELECT <statements s: speaker_name> FROM statements s")
