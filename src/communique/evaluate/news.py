"""Statements and events scored on whole news stories coded by a careful reader.

A gold file has one story per line: ``text``, ``title``, ``published`` and ``outlet``, with
``statements`` (``speaker``, ``speaker_country``, ``cue``, ``quote``, ``kind``, ...) and
``events`` (``sentence``, ``trigger``, ``type``, ``mode``, ``actor`` and ``recipient`` lists of
``{text, name, code}``, ``modality``, ``date``). Quoted strings are exact substrings of the
text; items coded in the title (``in_title``) are left out, as communique analyses the text.

- A gold statement is found when a predicted statement's content overlaps its quote by at
  least half of the shorter of the two (each predicted statement matches one gold one at
  most); its speaker is right when the predicted speaker's words or actor name share a word
  with the gold speaker, or, for a speaker the gold names by country alone, the actor's
  country is the gold one.
- A gold event is found when a predicted event of the same type has its trigger in the gold
  sentence. Over found events: actor and recipient codes are right when the predicted side's
  codes are the gold side's codes (sides with no gold code are not scored); modality when
  equal; date when the predicted date starts with the gold one (``2024-11`` for a month).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from communique.evaluate.figures import f1, ratio
from communique.evaluate.gold import GoldFormatError, json_lines
from communique.records import Article, ArticleRecords

_WORD = re.compile(r"[^\W\d_]{2,}")
# Words that name no one in particular: sharing one of these is not naming the same speaker.
_GENERIC = frozenset({"the", "of", "for", "and", "said", "officials", "official", "spokesman"})


@dataclass(frozen=True)
class Story:
    text: str
    title: str | None
    published: date | None
    outlet: str | None
    statements: list[dict[str, Any]]
    events: list[dict[str, Any]]


@dataclass
class NewsScore:
    """Counts over every story of a gold file."""

    gold_statements: int = 0
    predicted_statements: int = 0
    found_statements: int = 0
    right_speakers: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    found_events: int = 0
    sides: dict[str, list[int]] = field(
        default_factory=lambda: {"actor": [0, 0], "recipient": [0, 0]}
    )  # side → [right, scored]
    modality: list[int] = field(default_factory=lambda: [0, 0])
    dates: list[int] = field(default_factory=lambda: [0, 0])
    left_out: int = 0  # gold items coded in the title

    def as_dict(self) -> dict[str, float | int]:
        sp = ratio(self.found_statements, self.predicted_statements)
        sr = ratio(self.found_statements, self.gold_statements)
        ep = ratio(self.found_events, self.predicted_events)
        er = ratio(self.found_events, self.gold_events)
        return {
            "statement_precision": sp,
            "statement_recall": sr,
            "statement_f1": f1(sp, sr),
            "speaker_accuracy": ratio(self.right_speakers, self.found_statements),
            "event_precision": ep,
            "event_recall": er,
            "event_f1": f1(ep, er),
            "actor_accuracy": ratio(*self.sides["actor"]),
            "recipient_accuracy": ratio(*self.sides["recipient"]),
            "modality_accuracy": ratio(*self.modality),
            "date_accuracy": ratio(*self.dates),
            "n_gold_statements": self.gold_statements,
            "n_predicted_statements": self.predicted_statements,
            "n_gold_events": self.gold_events,
            "n_predicted_events": self.predicted_events,
            "n_left_out": self.left_out,
        }


def read_gold(path: Path) -> list[Story]:
    """Every story of a gold file, checked: a text, and quoted strings that are in it."""
    stories = []
    for where, record in json_lines(path):
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise GoldFormatError(f"{where}: no text")
        statements = record.get("statements") or []
        events = record.get("events") or []
        if not isinstance(statements, list) or not isinstance(events, list):
            raise GoldFormatError(f"{where}: statements and events must be lists")
        for item in statements:
            if not item.get("in_title") and item.get("quote") not in text:
                raise GoldFormatError(f"{where}: quote {item.get('quote')!r} is not in the text")
        for item in events:
            if not item.get("in_title") and item.get("sentence") not in text:
                raise GoldFormatError(f"{where}: sentence {item.get('sentence')!r} not in text")
        published = str(record.get("published") or "")[:10]
        stories.append(
            Story(
                text=text,
                title=record.get("title"),
                published=date.fromisoformat(published) if published else None,
                outlet=record.get("outlet"),
                statements=statements,
                events=events,
            )
        )
    return stories


def _words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _GENERIC}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared / shorter if shared > 0 and shorter > 0 else 0.0


def _score_statements(story: Story, found: ArticleRecords, score: NewsScore) -> None:
    names = {actor.id: actor for actor in found.actors}
    gold = [s for s in story.statements if not s.get("in_title")]
    score.gold_statements += len(gold)
    score.predicted_statements += len(found.statements)
    taken: set[int] = set()
    for item in gold:
        start = story.text.index(item["quote"])
        span = (start, start + len(item["quote"]))
        best = max(
            (
                (_overlap(span, (s.start, s.end)), s.index)
                for s in found.statements
                if s.index not in taken
            ),
            default=(0.0, -1),
        )
        if best[0] < 0.5:
            continue
        taken.add(best[1])
        score.found_statements += 1
        statement = found.statements[best[1]]
        actor = names.get(statement.speaker_id or "")
        said = _words(statement.speaker_text) | _words(actor.name if actor else None)
        country = actor.country if actor else None
        right = bool(said & _words(item.get("speaker"))) or (
            country is not None and country == item.get("speaker_country")
        )
        score.right_speakers += right


def _codes(side: list[dict[str, Any]] | None) -> set[str]:
    return {p["code"] for p in side or [] if p.get("code")}


def _score_events(story: Story, found: ArticleRecords, score: NewsScore) -> None:
    gold = [e for e in story.events if not e.get("in_title")]
    score.gold_events += len(gold)
    score.predicted_events += len(found.events)
    taken: set[int] = set()
    for item in gold:
        start = story.text.index(item["sentence"])
        end = start + len(item["sentence"])
        match = next(
            (
                e
                for e in found.events
                if e.index not in taken
                and e.type == item.get("type")
                and start <= e.trigger_start < end
            ),
            None,
        )
        if match is None:
            continue
        taken.add(match.index)
        score.found_events += 1
        for side, predicted in (("actor", match.actors), ("recipient", match.recipients)):
            expected = _codes(item.get(side))
            if expected:
                got = {p.country for p in predicted if p.country}
                score.sides[side][0] += got == expected
                score.sides[side][1] += 1
        score.modality[0] += match.modality == item.get("modality")
        score.modality[1] += 1
        if item.get("date"):
            got_date = match.when.start.isoformat() if match.when.start else ""
            score.dates[0] += got_date.startswith(str(item["date"]))
            score.dates[1] += 1


def evaluate(
    path: Path,
    analyse: Callable[[Article], ArticleRecords],
    advance: Callable[[], None] = lambda: None,
) -> NewsScore:
    """Score statements and events over every story of a gold file (read whole first)."""
    stories = read_gold(path)
    score = NewsScore()
    for story in stories:
        article = Article(
            text=story.text, title=story.title, date=story.published, outlet=story.outlet
        )
        found = analyse(article)
        score.left_out += sum(1 for s in story.statements if s.get("in_title"))
        score.left_out += sum(1 for e in story.events if e.get("in_title"))
        _score_statements(story, found, score)
        _score_events(story, found, score)
        advance()
    return score
