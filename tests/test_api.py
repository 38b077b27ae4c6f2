"""The Python API: a store's records as DataFrames with the filters of `communique export`,
the records of one text without a store, and docs/python.md run as written."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import communique as cq
from communique.store import Store
from communique.store.store import StoreLocked
from tests.conftest import held_elsewhere

DOCS = Path(__file__).resolve().parents[1] / "docs" / "python.md"


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _countries(sides) -> set[str]:
    return {side["code"] for side in sides if side.get("code")}


def test_tables_come_as_dataframes_with_their_sentences(seeds_store):
    store = cq.open(seeds_store)
    events = store.events()
    assert isinstance(events, pd.DataFrame) and len(events) > 10
    for column in ("event", "actors", "recipients", "trigger_text", "evidence", "outlet", "url"):
        assert column in events.columns
    # each record's sentence holds its trigger
    assert all(t in s for t, s in zip(events.trigger_text, events.evidence, strict=True))
    assert isinstance(store.events(output="arrow"), pa.Table)
    frame = store.events(output="polars")
    assert isinstance(frame, pl.DataFrame) and frame.height == len(events)
    statements = store.statements()
    assert {"speaker", "cue", "content", "kind"} <= set(statements.columns)
    assert len(store.mentions()) > len(store.actors()) > 0
    assert len(store.merged_events()) <= len(events)


def test_filters_keep_what_they_name(seeds_store):
    store = cq.open(seeds_store)
    everything = store.events()
    russian = store.events(actor="Russia")
    assert 0 < len(russian) < len(everything)
    # a state stands for its people and bodies: every actor side kept is Russian
    assert all("RUS" in _countries(sides) for sides in russian.actors)
    assert set(store.events(type="consult").event) == {"CONSULT"}
    assert set(store.events(modality="asserted").modality) == {"asserted"}
    assert len(store.events(outlet="seed")) == len(everything)
    assert store.events(outlet="no such outlet").empty
    putin = store.statements(speaker="Putin")
    assert len(putin) > 0 and set(putin.speaker) == {"Vladimir Putin"}
    assert all("Ukraine" in text for text in store.statements(about="Ukraine crisis").content)


def test_the_api_and_the_export_give_the_same_rows(seeds_store, cli):
    exported = _jsonl(cli("export", "events", "--db", seeds_store, "--actor", "China").stdout)
    frame = cq.open(seeds_store).events(actor="China")
    assert [row["id"] for row in exported] == list(frame.id)
    assert exported, "the seeds have Chinese events"


def test_bad_filters_are_named(seeds_store):
    store = cq.open(seeds_store)
    with pytest.raises(ValueError, match="type='fight': choose one of AGREE"):
        store.events(type="fight")
    with pytest.raises(ValueError, match="since='March': not a date"):
        store.events(since="March")
    with pytest.raises(LookupError, match="actor='Atlantis'"):
        store.events(actor="Atlantis")
    with pytest.raises(ValueError, match="output 'excel'"):
        store.events(output="excel")
    with pytest.raises(ValueError, match="sentences cannot be filtered by outlet"):
        store.table("sentences", outlet="x")


def test_a_timeline_per_period(seeds_store):
    periods = cq.open(seeds_store).timeline("China", "Russia", by="month")
    assert {"period", "events", "verbal_cooperation", "material_conflict", "index"} <= set(
        periods.columns
    )
    events = cq.open(seeds_store).timeline("China", "Russia", what="events")
    assert len(events) > 0 and {"direction", "type", "sentence"} <= set(events.columns)
    # the seed articles carry no date: their events are listed, in no period
    assert periods.events.sum() == events.date.notna().sum()


def test_readers_never_block_each_other_and_a_writer_is_named(seeds_store, tmp_path):
    with held_elsewhere(seeds_store, read_only=True):
        assert len(cq.open(seeds_store).events()) > 0  # another process is reading
    # the API holds nothing between calls: a writer can open the store after a read
    copy = tmp_path / "copy.duckdb"
    shutil.copy(seeds_store, copy)
    records = cq.open(copy)
    with Store(copy):
        pass
    assert len(records.articles()) == 5


def test_a_store_held_for_writing_is_named_with_its_process(seeds_store, tmp_path):
    copy = tmp_path / "busy.duckdb"
    shutil.copy(seeds_store, copy)
    with held_elsewhere(copy, read_only=False) as writer:
        pattern = rf"open for writing in .* \(process {writer.pid}\)"
        raised = pytest.raises(StoreLocked, match=pattern)
        with raised:
            cq.open(copy)


def test_one_text_is_analysed_without_a_store():
    records = cq.analyse_text(
        "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in "
        'Beijing on Tuesday. "We oppose unilateral sanctions," Wang said.',
        date="2024-05-14",
    )
    events = records.events()
    consult = events[events.event == "CONSULT"]
    assert len(consult) == 1
    assert str(consult.date.iloc[0])[:10] == "2024-05-14"
    assert _countries(consult.actors.iloc[0]) | _countries(consult.recipients.iloc[0]) == {
        "RUS",
        "CHN",
    }
    assert len(records.events(since="2024-05")) == len(events)
    assert records.events(until="2024-05-01").empty
    statements = records.statements()
    assert list(statements.speaker) == ["Wang Yi"]
    assert list(statements.content) == ["We oppose unilateral sanctions"]
    with pytest.raises(ValueError, match="give a text"):
        cq.analyse_text("   ")


def test_the_python_guide_runs_as_written(seeds_store, tmp_path, monkeypatch):
    """docs/python.md: every Python block, in order, in one namespace, on a store copied to
    the name the guide uses."""
    shutil.copy(seeds_store, tmp_path / "demo.duckdb")
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), namespace)  # our own guide
    assert os.path.exists(tmp_path / "demo.duckdb")
