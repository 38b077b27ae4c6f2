"""Export a stored table to a file or standard output."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from communique.store.queries import EXPORTS

TABLES = tuple(EXPORTS)
FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
# Formats that only events have: the exchange formats of event data.
EVENT_FORMATS = ("plover", "gdelt")


def _plain(value: Any) -> Any:
    """A value as JSON can hold it: dates as ISO strings, nested lists and structs kept."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _cell(value: Any) -> Any:
    """A value as a CSV cell: nested lists and structs as JSON text."""
    value = _plain(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def export(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    fmt: str,
    out: Path | None,
    stdout: IO[bytes],
) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (or to ``stdout``); returns the number of rows."""
    if table not in EXPORTS:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in EVENT_FORMATS and table != "events":
        raise ValueError(f"--format {fmt} is for events only")
    query = EXPORTS[table]
    count = conn.execute(f"SELECT count(*) FROM ({query})").fetchall()[0][0]
    if fmt in EVENT_FORMATS:
        if out is None:
            _write_events(conn, query, fmt, stdout)
        else:
            with open(out, "wb") as sink:
                _write_events(conn, query, fmt, sink)
        return int(count)
    if fmt == "parquet":
        with tempfile.TemporaryDirectory() as tmp:
            target = out or Path(tmp) / f"{table}.parquet"
            conn.execute(f"COPY ({query}) TO '{_sql_path(target)}' (FORMAT parquet)")
            if out is None:
                with open(target, "rb") as source:
                    shutil.copyfileobj(source, stdout)
        return int(count)
    if out is None:
        _write_text(conn, query, fmt, stdout)
    else:
        with open(out, "wb") as sink:
            _write_text(conn, query, fmt, sink)
    return int(count)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_text(conn: duckdb.DuckDBPyConnection, query: str, fmt: str, sink: IO[bytes]) -> None:
    """Stream the query's rows as JSON Lines or CSV (with a header row), in chunks."""
    cursor = conn.execute(query)
    columns = [column[0] for column in cursor.description]
    text = io.StringIO(newline="")
    writer = csv.writer(text) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    while rows := cursor.fetchmany(2048):
        for row in rows:
            if writer is not None:
                writer.writerow([_cell(value) for value in row])
            else:
                values = [_plain(value) for value in row]
                text.write(json.dumps(dict(zip(columns, values, strict=True)), ensure_ascii=False))
                text.write("\n")
        sink.write(text.getvalue().encode("utf-8"))
        text.seek(0)
        text.truncate()
    sink.write(text.getvalue().encode("utf-8"))  # the header, when there were no rows


def _write_events(conn: duckdb.DuckDBPyConnection, query: str, fmt: str, sink: IO[bytes]) -> None:
    """Events as PLOVER JSON Lines, or as a tab-separated GDELT 2.0-style table."""
    from communique.export.events import GDELT_COLUMNS, gdelt_row, plover_record

    cursor = conn.execute(query)
    columns = [column[0] for column in cursor.description]
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter="\t") if fmt == "gdelt" else None
    if writer is not None:
        writer.writerow(GDELT_COLUMNS)
    number = 0
    while rows := cursor.fetchmany(2048):
        for values in rows:
            row = dict(zip(columns, values, strict=True))
            number += 1
            if writer is not None:
                record = gdelt_row(row, number)
                writer.writerow([_cell(record[name]) for name in GDELT_COLUMNS])
            else:
                text.write(json.dumps(_plain(plover_record(row)), ensure_ascii=False))
                text.write("\n")
        sink.write(text.getvalue().encode("utf-8"))
        text.seek(0)
        text.truncate()
    sink.write(text.getvalue().encode("utf-8"))
