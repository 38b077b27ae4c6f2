"""Story grouping scored against articles labelled with the story they tell.

The gold file is JSON Lines, one article a line, with a ``story_id`` and the article's
``text``; ``title`` (or ``headline``), a date (``date``, ``published``, ``publication_date``
or ``story_date``; ISO 8601, of which the first ten characters are read) and ``actors`` (a
list of actor ids) are used when present. BASIL (100 stories × 3 outlets) and AllSides
story leads have this shape. An article's id is the file's ``id`` when no other line shares
it, else ``communique.records.article_id`` of its text (with ``#LINE`` added should two texts
be the same).

The measure is pairwise: over all pairs of articles, a pair is a true positive when gold and
prediction both put its two articles in one story. Precision is true positives over the
pairs predicted together (1.0 when none are: nothing wrong was claimed), recall is true
positives over the gold pairs (1.0 when there are none), F1 their harmonic mean. A gold file
must therefore put at least two articles in one story: one that does not (an empty file, a
single article, a story id per article) is refused, as are malformed lines (see
:func:`read_gold`).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.crossdoc.stories import StoryArticle, group_stories
from communique.evaluate.figures import f1
from communique.evaluate.gold import GoldFormatError, json_lines, line_of, shorten
from communique.records import article_id

_TEXT = ("text", "body", "content")
_TITLE = ("title", "headline")
_DATE = ("date", "published", "publication_date", "story_date")


def _first(record: dict[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _date(value: Any, where: str) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise GoldFormatError(f"{where}: date {value!r} is not ISO 8601 (YYYY-MM-DD…)") from None


def _check(record: dict[str, Any], where: str) -> None:
    """Refuse a record the scorer cannot use: see :func:`read_gold`."""
    story = record.get("story_id")
    if story in (None, ""):
        raise GoldFormatError(f"{where}: no story_id")
    if not isinstance(story, str | int) or isinstance(story, bool):
        raise GoldFormatError(f"{where}: story_id {shorten(story)} is not a string or a number")
    text = _first(record, _TEXT)
    if not isinstance(text, str) or not text.strip():
        raise GoldFormatError(f"{where}: no text")
    key = record.get("id")
    if key is not None and (not isinstance(key, str | int) or isinstance(key, bool)):
        raise GoldFormatError(f"{where}: id {shorten(key)} is not a string or a number")
    title = _first(record, _TITLE)
    if title is not None and not isinstance(title, str):
        raise GoldFormatError(f"{where}: title {shorten(title)} is not a string")
    actors = record.get("actors")
    if actors is not None and (
        not isinstance(actors, list) or not all(isinstance(a, str) for a in actors)
    ):
        raise GoldFormatError(f"{where}: actors {shorten(actors)} is not a list of actor ids")


def read_gold(path: Path) -> list[tuple[StoryArticle, str]]:
    """Every article of a gold file with its gold story id, in file order.

    Blank lines are skipped. Raises ``GoldFormatError`` naming the file and line for a line
    that is not a JSON object, or one with no ``story_id`` (or one that is not a string or a
    number), no text, an unreadable date, or an id, title or actors of the wrong kind; and
    naming the file for a file with no article or in which no two articles share a story
    (there would be no pair to score: recall would be 1.0 whatever the grouping).
    """
    path = Path(path)
    records = json_lines(path)
    for where, record in records:
        _check(record, where)
    stories = Counter(str(record["story_id"]) for _, record in records)
    if all(n == 1 for n in stories.values()):
        raise GoldFormatError(
            f"{path}: no two of its {len(records)} articles share a story_id: no pair to score"
        )

    given = Counter(str(record["id"]) for _, record in records if record.get("id") is not None)
    gold: list[tuple[StoryArticle, str]] = []
    taken: set[str] = set()
    for where, record in records:
        text = _first(record, _TEXT)
        key = str(record["id"]) if record.get("id") is not None else None
        if key is None or given[key] > 1:
            key = article_id(text)
        if key in taken:
            key = f"{key}#{line_of(where)}"
        taken.add(key)
        title = _first(record, _TITLE)
        actors = record.get("actors") or ()
        article = StoryArticle(
            id=key,
            text=text,
            title=str(title) if title is not None else None,
            date=_date(_first(record, _DATE), where),
            actors=frozenset(str(actor) for actor in actors),
        )
        gold.append((article, str(record["story_id"])))
    return gold


@dataclass(frozen=True)
class StoryScore:
    """Pairwise same-story precision, recall and F1, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    n_articles: int
    n_gold_stories: int
    n_predicted_stories: int
    n_gold_pairs: int = 0
    n_predicted_pairs: int = 0
    n_true_pairs: int = 0

    def as_json(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "n_articles": self.n_articles,
            "n_gold_stories": self.n_gold_stories,
            "n_predicted_stories": self.n_predicted_stories,
        }


def _pairs(groups: Counter[Any]) -> int:
    return sum(size * (size - 1) // 2 for size in groups.values())


def score(
    gold_story_ids: Sequence[Hashable], predicted_story_ids: Sequence[Hashable]
) -> StoryScore:
    """Score predicted story ids against gold ones, both given article by article."""
    if len(gold_story_ids) != len(predicted_story_ids):
        raise ValueError(
            f"{len(gold_story_ids)} gold story ids but {len(predicted_story_ids)} predicted"
        )
    gold = Counter(gold_story_ids)
    predicted = Counter(predicted_story_ids)
    gold_pairs, predicted_pairs = _pairs(gold), _pairs(predicted)
    true_pairs = _pairs(Counter(zip(gold_story_ids, predicted_story_ids, strict=True)))
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    return StoryScore(
        precision=precision,
        recall=recall,
        f1=f1(precision, recall),
        n_articles=len(gold_story_ids),
        n_gold_stories=len(gold),
        n_predicted_stories=len(predicted),
        n_gold_pairs=gold_pairs,
        n_predicted_pairs=predicted_pairs,
        n_true_pairs=true_pairs,
    )


def evaluate(path: Path, advance: Callable[[int], None] = lambda n: None) -> StoryScore:
    """Group the articles of a gold file with ``group_stories`` and score the grouping.

    ``advance`` is called with the number of articles once they are grouped.
    """
    gold = read_gold(path)
    stories = group_stories([article for article, _ in gold])
    advance(len(gold))
    return score([story for _, story in gold], [stories[article.id] for article, _ in gold])


def format_table(result: StoryScore) -> str:
    """The figures as plain fixed-width text for the CLI."""
    return "\n".join(
        [
            f"precision  {result.precision:.4f}  (pairs of articles put in one story)",
            f"recall     {result.recall:.4f}  (pairs of articles in one gold story)",
            f"f1         {result.f1:.4f}",
            f"articles   {result.n_articles}",
            f"stories    {result.n_gold_stories} gold, {result.n_predicted_stories} predicted",
        ]
    )
