"""The news scorer: statements and events of whole stories against a reader's coding."""

from __future__ import annotations

import json

import pytest

from communique.analysis import analyse
from communique.evaluate.gold import GoldFormatError
from communique.evaluate.news import evaluate, read_gold
from tests.conftest import shared_path

TEXT = (
    "Russian Foreign Minister Sergei Lavrov said Moscow would never accept the plan. "
    "Russian troops attacked Ukraine on Monday."
)
STORY = {
    "id": "s1",
    "title": "A story",
    "published": "2024-03-05 10:00:00Z",
    "outlet": "Test desk",
    "text": TEXT,
    "statements": [
        {"speaker": "Sergei Lavrov", "speaker_country": "RUS", "cue": "said",
         "quote": "Moscow would never accept the plan", "kind": "indirect", "in_title": False},
        {"speaker": "Nobody", "speaker_country": None, "cue": "said", "quote": "A story",
         "kind": "direct", "in_title": True},
    ],
    "events": [
        {"sentence": "Russian troops attacked Ukraine on Monday.", "trigger": "attacked",
         "type": "ASSAULT", "mode": None,
         "actor": [{"text": "Russian troops", "name": "Russian troops", "code": "RUS"}],
         "recipient": [{"text": "Ukraine", "name": "Ukraine", "code": "UKR"}],
         "modality": "asserted", "date": "2024-03-04", "in_title": False},
    ],
}  # fmt: skip


def test_a_story_read_right_scores_full_marks(tmp_path, nlp):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(STORY) + "\n", encoding="utf-8")
    figures = evaluate(gold, lambda article: analyse(article, nlp)).as_dict()
    assert figures["n_gold_statements"] == 1 and figures["n_left_out"] == 1
    assert figures["statement_recall"] == 1.0 and figures["speaker_accuracy"] == 1.0
    assert figures["event_recall"] == 1.0
    assert figures["actor_accuracy"] == 1.0 and figures["recipient_accuracy"] == 1.0
    assert figures["modality_accuracy"] == 1.0 and figures["date_accuracy"] == 1.0


def test_a_wrong_speaker_and_a_missed_event_count_against(tmp_path, nlp):
    story = json.loads(json.dumps(STORY))
    story["statements"][0]["speaker"] = "Antony Blinken"
    story["statements"][0]["speaker_country"] = "USA"
    story["events"][0]["type"] = "CONSULT"  # no consultation is told
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(story) + "\n", encoding="utf-8")
    figures = evaluate(gold, lambda article: analyse(article, nlp)).as_dict()
    assert figures["statement_recall"] == 1.0 and figures["speaker_accuracy"] == 0.0
    assert figures["event_recall"] == 0.0 and figures["event_f1"] == 0.0


def test_a_quote_that_is_not_in_the_text_is_refused_with_its_line(tmp_path):
    story = json.loads(json.dumps(STORY))
    story["statements"][0]["quote"] = "words nobody wrote"
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n" + json.dumps(story) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: quote 'words nobody wrote'"):
        read_gold(gold)


def test_eval_news_on_the_voa_dev_stories(cli):
    gold = shared_path("eval", "news", "voa_gold_dev.jsonl")
    result = cli("eval", "news", gold, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["n_gold_statements"] + figures["n_gold_events"] + figures["n_left_out"] == 343
    for name, value in figures.items():
        if not name.startswith("n_"):
            assert 0.0 <= value <= 1.0, name
    assert figures["statement_f1"] > 0.5  # far from perfect, but the statements are found
