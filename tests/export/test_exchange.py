"""The exchange formats: GDELT 2.0 event and mentions files read with GDELT's column names,
PLOVER records checked against the manual's field table, JSON Lines read by pandas, polars
and DuckDB."""

from __future__ import annotations

import io
import json
import re

import duckdb
import pandas as pd
import polars as pl
import pytest

from communique.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, fips_codes, pairs, quad_class
from communique.ontology.plover import TYPES
from tests.conftest import shared_path

# GDELT 2.0's published types for the columns a test reads (Event Codebook V2.0).
GDELT_INTEGERS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
    "NumSources", "NumArticles", "ActionGeo_Type", "DATEADDED",
)  # fmt: skip


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _gdelt_frame(text: str, columns: tuple[str, ...]) -> pd.DataFrame:
    dtypes = {name: "Int64" for name in GDELT_INTEGERS if name in columns}
    return pd.read_csv(
        io.StringIO(text), sep="\t", header=None, names=list(columns), dtype=dtypes,
        keep_default_na=False, na_values=[""], quoting=3,
    )  # fmt: skip


@pytest.fixture(scope="module")
def gdelt(seeds_store, tmp_path_factory):
    from tests.conftest import run_in_process as cli

    folder = tmp_path_factory.mktemp("gdelt")
    files = {}
    for name, args in {
        "events": ("events",),
        "modal": ("events", "--include-modal"),
        "mentions": ("mentions",),
    }.items():
        path = folder / f"{name}.tsv"
        result = cli("export", *args, "--db", seeds_store, "--format", "gdelt", "--out", path)
        assert result.returncode == 0, result.stderr
        files[name] = path
    records = _jsonl(cli("export", "events", "--db", seeds_store).stdout)
    return files, records


def test_the_event_file_is_gdelt_2(gdelt):
    files, records = gdelt
    raw = files["events"].read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    assert not raw.startswith(b"GLOBALEVENTID")  # no header unless asked
    assert {line.count(b"\t") for line in raw.splitlines()} == {60}
    frame = _gdelt_frame(raw.decode("utf-8"), EVENT_COLUMNS)
    assert frame.GLOBALEVENTID.is_unique and (frame.GLOBALEVENTID > 0).all()
    assert frame.EventRootCode.astype(str).str.fullmatch(r"\d{1,2}").all()
    assert frame.QuadClass.between(1, 4).all()
    # GDELT's quad class is read from the CAMEO root
    assert all(
        quad_class(f"{root:02d}") == quad
        for root, quad in zip(frame.EventRootCode.astype(int), frame.QuadClass, strict=True)
    )
    assert frame.DATEADDED.astype(str).str.fullmatch(r"20\d{12}").all()
    assert frame.Actor1Code.dropna().str.fullmatch(r"[A-Z]{3,9}").all()
    assert frame.Actor1CountryCode.dropna().str.fullmatch(r"[A-Z]{3}").all()
    assert frame.Actor1Name.dropna().str.isupper().all()
    modal = _gdelt_frame(files["modal"].read_text(encoding="utf-8"), EVENT_COLUMNS)
    places = modal[modal.ActionGeo_Type > 0]
    assert len(places) > 0
    assert set(places.ActionGeo_CountryCode) <= set(fips_codes().values())
    fips = fips_codes()
    assert (fips["CHN"], fips["RUS"], fips["UKR"], fips["DEU"]) == ("CH", "RS", "UP", "GM")

    # one row per merged event and actor–recipient pair of its first asserted mention
    expected, seen = 0, set()
    for row in records:
        merged = row["merged_id"] or row["id"]
        if row["modality"] == "asserted" and merged not in seen:
            seen.add(merged)
            expected += max(len(row["actors"]), 1) * max(len(row["recipients"]), 1)
    assert len(frame) == expected
    assert any(len(r["actors"]) * len(r["recipients"]) > 1 for r in records)
    assert len(modal) > len(frame)
    # the same store exports the same ids
    assert set(frame.GLOBALEVENTID) <= set(modal.GLOBALEVENTID)


def test_one_actor_named_twice_is_one_side():
    he = {"text": "he", "code": "ISR", "sector": "GOV"}
    officials = {"text": "security officials", "code": "ISR", "sector": "GOV"}
    town = {"text": "Gaza", "code": "PSE"}
    row = {"actors": [he, officials], "recipients": [town]}
    assert pairs(row) == [(he, town)]
    assert pairs({"actors": [], "recipients": []}) == [(None, None)]
    assert [quad_class(c) for c in ("043", "061", "112", "1823", "")] == [1, 2, 3, 4, None]


def test_duckdb_reads_the_event_file_with_gdelt_columns(gdelt):
    files, _ = gdelt
    columns = {name: "BIGINT" if name in GDELT_INTEGERS else "VARCHAR" for name in EVENT_COLUMNS}
    columns.update(FractionDate="DOUBLE", GoldsteinScale="DOUBLE", ActionGeo_Lat="DOUBLE",
                   ActionGeo_Long="DOUBLE", AvgTone="DOUBLE")  # fmt: skip
    spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
    rows = duckdb.sql(
        f"SELECT SQLDATE, Actor1Code, GoldsteinScale, FractionDate FROM read_csv("
        f"'{files['events']}', delim='\t', header=false, quote='', columns={spec})"
    ).fetchall()
    assert rows and all(isinstance(r[2], float) for r in rows if r[2] is not None)


def test_the_mentions_file_points_at_events_and_evidence(gdelt, seeds_store):
    from tests.conftest import run_in_process as cli

    files, records = gdelt
    events = _gdelt_frame(files["events"].read_text(encoding="utf-8"), EVENT_COLUMNS)
    text = files["mentions"].read_text(encoding="utf-8")
    assert {line.count("\t") for line in text.splitlines()} == {15}
    mentions = _gdelt_frame(text, MENTION_COLUMNS)
    assert set(mentions.GLOBALEVENTID) == set(events.GLOBALEVENTID)
    assert (mentions.SentenceID >= 1).all() and mentions.Confidence.between(10, 100).all()
    articles = {
        row["id"]: row["text"]
        for row in _jsonl(cli("export", "articles", "--db", seeds_store).stdout)
    }
    by_text = {f"communique article {key}": value for key, value in articles.items()}
    triggers = {(r["trigger_start"], r["trigger_text"]) for r in records}
    checked = 0
    for row in mentions.itertuples():
        article = by_text.get(row.MentionIdentifier)
        if article is None:
            continue
        assert len(article) == row.MentionDocLen
        start = row.ActionCharOffset
        assert any(s == start and article[start:].startswith(t) for s, t in triggers)
        checked += 1
    assert checked > 0


MANUAL = shared_path("eval", "plover_gsr", "PLOVER_MANUAL.tex")


def _manual_fields() -> dict[str, bool]:
    """The manual's PLOVER JSON table: field name → required."""
    text = MANUAL.read_text(encoding="utf-8")
    table = text[text.index("\\caption{PLOVER JSON }") : text.index("\\label{tab:json}")]
    fields = {}
    for line in table.splitlines():
        match = re.match(r"\s*([a-z\\_]+) & .*& *([YN]) *\\\\", line)
        if match:
            fields[match[1].replace("\\_", "_")] = match[2] == "Y"
    return fields


@pytest.mark.skipif(not MANUAL.exists(), reason="the PLOVER manual is in ../shared")
def test_plover_records_follow_the_manual(seeds_store, cli):
    manual = _manual_fields()
    assert {"id", "date", "actor", "event", "event_text", "context"} <= set(manual)
    records = _jsonl(cli("export", "events", "--db", seeds_store, "--format", "plover").stdout)
    assert records
    lists = ("actor", "recipient", "event", "event_text")
    for record in records:
        for name, required in manual.items():
            if name == "date" and record["date"] is None:  # the article gives no date
                assert "no date" in record["comment"]
                continue
            assert not required or record.get(name) is not None, (name, record["id"])
        for name in lists:
            assert isinstance(record[name], list), name
        assert all(event in TYPES for event in record["event"])
        assert record["mode"] is None or isinstance(record["mode"], list)
        assert record["context"] is None or isinstance(record["context"], list)
        assert record["has_event"] is True
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["coded_date"])
        assert record["quad_code"] in (1, 2, 3, 4)
        for entity in record["actor"] + record["recipient"]:
            assert {"code", "sector", "entity_text", "identifier_id", "identifier_text"} <= set(
                entity
            )
        if record["event_loc"]:
            assert "country_code" in record["event_loc"]
            assert "country_code3" not in record["event_loc"]
    unnamed = [r for r in records if r["actor"][0]["sector"] == "UNK"]
    assert all("names no one" in r["comment"] and r["actor"][0]["code"] is None for r in unnamed)


TABLES = ("articles", "sentences", "mentions", "actors", "roles", "statements", "events",
          "stories", "merged_events", "conflicts", "problems")  # fmt: skip


@pytest.mark.parametrize("table", TABLES)
def test_every_json_lines_export_loads_in_pandas_polars_and_duckdb(
    table, seeds_store, tmp_path, cli
):
    path = tmp_path / f"{table}.jsonl"
    assert cli("export", table, "--db", seeds_store, "--out", path).returncode == 0
    rows = _jsonl(path.read_text(encoding="utf-8"))
    assert len(pd.read_json(path, lines=True)) == len(rows)
    counted = duckdb.sql(f"SELECT count(*) FROM read_json_auto('{path}')").fetchall()
    assert counted[0][0] == len(rows)
    if rows:  # polars reads no types from an empty file
        assert pl.read_ndjson(path, infer_schema_length=None).height == len(rows)
