"""Actor resolution scored on PLOVER gold records: is each gold actor given the right code?

A gold file has one JSON record per line with ``text`` (one sentence) and ``actor`` and
``recipient`` lists of ``{"actorText": ..., "code": ...}``; codes are ISO 3166 alpha-3 for
states and IGO / NGO / ... for the rest. Each sentence is analysed as a one-sentence article;
a gold entity is right when the actor of the mention that covers its text has its code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from communique.analysis import analyse
from communique.kb import KnowledgeBase
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


def evaluate(
    path: Path,
    nlp: Language,
    kb: KnowledgeBase,
    advance: Callable[[], None] = lambda: None,
) -> ActorScore:
    """Score actor and recipient codes over every record of a PLOVER gold file."""
    score = ActorScore()
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    for record in records:
        text = record["text"]
        found = analyse(Article(text=text), nlp, kb)
        for side in SIDES:
            for entity in record.get(side) or []:
                expected = gold_code(entity.get("code"))
                if not expected:
                    continue
                span = locate(text, entity.get("actorText", ""))
                predicted = predicted_code(found, span) if span else None
                score.total[side] += 1
                if predicted == expected:
                    score.right[side] += 1
                else:
                    score.misses.append(
                        Miss(side, entity.get("actorText", ""), expected, predicted, text)
                    )
        advance()
    return score


def count_records(path: Path) -> int:
    with open(path, encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())
