"""The actor commands: a profile from the store, the PLOVER scorer, the user's own actors."""

from __future__ import annotations

import json

import duckdb
import pytest

from tests.conftest import shared_path


@pytest.fixture
def store(seeds_store):
    return seeds_store


def test_actor_profile_shows_offices_roles_outlets_and_company(store, cli):
    result = cli("actor", "Lavrov", "--db", store)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Sergey Lavrov (sergey-lavrov): person, RUS, GOV" in out
    assert "Offices (knowledge base)" in out and "Foreign Minister" in out
    assert "Roles in the articles" in out and "Russian Foreign Minister" in out
    assert "Seed desk" in out
    company = out.split("In the same sentence")[1]
    assert "Wang Yi" in company


def test_actor_profile_of_someone_unknown_fails_clearly(store, cli):
    result = cli("actor", "Nobody Atall", "--db", store)
    assert result.returncode == 1 and "no actor called 'Nobody Atall'" in result.stderr


def test_eval_actors_scores_codes_on_a_gold_file(tmp_path, cli):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"text": "Russian Foreign Minister Sergey Lavrov criticised NATO on Monday.",
         "actor": [{"actorText": "Sergey Lavrov", "code": "RUS"}],
         "recipient": [{"actorText": "NATO", "code": "IGO"}]},
        {"text": "Beijing rejected the claims made by Washington.",
         "actor": [{"actorText": "Beijing", "code": "CHN"}],
         "recipient": [{"actorText": "Washington", "code": "JAP"}]},
    ]  # fmt: skip
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = cli("eval", "actors", gold, "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["n"] == 4 and score["n_actor"] == 2 and score["n_recipient"] == 2
    assert score["actor_accuracy"] == 1.0 and score["recipient_accuracy"] == 0.5
    assert score["accuracy"] == 0.75


def test_eval_actors_on_the_plover_dev_records(cli):
    gold = shared_path("eval", "plover_gsr", "plover_gsr_dev.jsonl")
    result = cli("eval", "actors", gold, "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["n"] > 300
    assert score["accuracy"] >= 0.78, score


def test_users_actors_file_is_used_by_ingest(tmp_path, cli):
    article = tmp_path / "a.txt"
    article.write_text(
        "Desk Wire reported that Ada Quill, the envoy of Freedonia's rival, met Vladimir Putin.\n"
        "Quill said the talks were useful.\n",
        encoding="utf-8",
    )
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "version: 1\nsource: test\npeople:\n"
        "  - {id: ada-quill, name: Ada Quill, surname: Quill, gender: f, country: GBR}\n"
        "outlets:\n  - {id: desk-wire, name: Desk Wire, country: GBR}\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    result = cli("ingest", article, "--db", db, "--actors", mine)
    assert result.returncode == 0, result.stderr
    conn = duckdb.connect(str(db), read_only=True)
    links = conn.execute(
        "SELECT text, actor_id FROM mentions WHERE actor_id IS NOT NULL"
    ).fetchall()
    conn.close()
    assert ("Ada Quill", "ada-quill") in links and ("Quill", "ada-quill") in links
    assert ("Desk Wire", "desk-wire") in links


def test_a_bad_actors_file_stops_with_its_name(tmp_path, cli):
    article = tmp_path / "a.txt"
    article.write_text("Wang Yi met Vladimir Putin in Moscow on Wednesday for talks.\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("people: [{name: no id}]\n")
    result = cli("ingest", article, "--db", tmp_path / "s.duckdb", "--actors", bad)
    assert (
        result.returncode == 2 and "bad.yaml" in result.stderr and "missing 'id'" in result.stderr
    )
