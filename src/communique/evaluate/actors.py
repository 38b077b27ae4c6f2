"""Actor resolution scored on PLOVER gold records: is each gold actor given the right code?

A gold file has one JSON record per line with ``text`` (one sentence) and ``actor`` and
``recipient`` lists of ``{"actorText": ..., "code": ...}``; codes are ISO 3166 alpha-3 for
states and IGO / NGO / ... for the rest (a record of another shape, a code that is not three
letters or a file with no code is refused: see :func:`read_gold`). Each sentence is analysed
as a one-sentence article; a gold entity is right when the actor of the mention that covers
its text has its code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from communique.analysis import analyse
from communique.analysis.resources import Resources
from communique.evaluate.gold import GoldFormatError, json_lines
from communique.evaluate.plover import gold_entities
from communique.records import Article, ArticleRecords

# Older CAMEO and PLOVER country codes that differ from ISO 3166 alpha-3.
OLD_CODES = {"JAP": "JPN", "KOS": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR"}
SIDES = ("actor", "recipient")


@dataclass(frozen=True)
class Miss:
    side: str
    text: str  # the gold actor text
    gold: str
    predicted: str | None
    sentence: str


@dataclass
class ActorScore:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SIDES, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SIDES, 0))
    misses: list[Miss] = field(default_factory=list)

    def accuracy(self, side: str | None = None) -> float:
        sides = (side,) if side else SIDES
        total = sum(self.total[s] for s in sides)
        return sum(self.right[s] for s in sides) / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "accuracy": self.accuracy(),
            "actor_accuracy": self.accuracy("actor"),
            "recipient_accuracy": self.accuracy("recipient"),
            "n": sum(self.total.values()),
            "n_actor": self.total["actor"],
            "n_recipient": self.total["recipient"],
        }


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    """Where a gold actor text is in its sentence, allowing for spacing and case."""
    words = [re.escape(word) for word in phrase.split()]
    if not words:
        return None
    match = re.search(r"\s+".join(words), text) or re.search(
        r"\s+".join(words), text, re.IGNORECASE
    )
    return (match.start(), match.end()) if match else None


def predicted_code(records: ArticleRecords, span: tuple[int, int]) -> str | None:
    """The code of the actor best covering the span: the most overlap among those with one."""
    countries = {actor.id: actor.country for actor in records.actors}
    best: tuple[int, int, str] | None = None
    for mention in records.mentions:
        overlap = min(mention.end, span[1]) - max(mention.start, span[0])
        code = countries.get(mention.actor_id or "")
        if overlap > 0 and code:
            key = (overlap, mention.start, code)
            best = max(best, key) if best else key
    return best[2] if best else None


def gold_code(code: str | None) -> str | None:
    code = (code or "").strip().upper()
    return OLD_CODES.get(code, code) or None


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence and its coded entities as ``(side, actorText, code)``, in file order."""

    text: str
    entities: tuple[tuple[str, str, str], ...]


def read_gold(path: Path) -> list[GoldSentence]:
    """Every record of a PLOVER gold file, in order; entities without a code are left out.

    Raises ``GoldFormatError`` naming the file and line for a line that is not a JSON object,
    a record without ``text``, actors or recipients that are not a list of objects with an
    ``actorText`` and a 3-letter code or none (``plover.gold_entities``), and for a file with
    no record or no code to score.
    """
    gold: list[GoldSentence] = []
    for where, record in json_lines(path):
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise GoldFormatError(f"{where}: no text")
        entities = tuple(
            (side, actor_text, expected)
            for side in SIDES
            for actor_text, code in gold_entities(record.get(side), side, where)
            if (expected := gold_code(code))
        )
        gold.append(GoldSentence(text, entities))
    if not any(sentence.entities for sentence in gold):
        raise GoldFormatError(f"{path}: no actor or recipient has a code: nothing to score")
    return gold


def evaluate(
    path: Path,
    nlp: Language,
    resources: Resources,
    advance: Callable[[], None] = lambda: None,
) -> ActorScore:
    """Score actor and recipient codes over every record of a PLOVER gold file.

    The whole file is read and checked (:func:`read_gold`) before any sentence is analysed.
    """
    score = ActorScore()
    for sentence in read_gold(path):
        text = sentence.text
        found = analyse(Article(text=text), nlp, resources)
        for side, actor_text, expected in sentence.entities:
            span = locate(text, actor_text)
            predicted = predicted_code(found, span) if span else None
            score.total[side] += 1
            if predicted == expected:
                score.right[side] += 1
            else:
                score.misses.append(Miss(side, actor_text, expected, predicted, text))
        advance()
    return score


def count_records(path: Path) -> int:
    with open(path, encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())
