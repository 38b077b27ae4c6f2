"""Articles about the same news story, grouped: copies, and rewrites by other outlets.

MinHash (``ingest.dedup``) finds copies; outlets that rewrite a story share few word
5-grams but the same names, numbers and key words. So each article becomes a weighted bag
of terms and pairs are compared by cosine similarity:

1. **Terms.** The title (counted ``TITLE_REPEAT`` times) and the first ``LEAD_WORDS`` words
   of the text, lower-cased, stop words dropped, plurals folded ("sanctions" → "sanction").
   A term the text writes capitalised where no sentence starts (a name: "Steele", "Kabul",
   "Senate") and a number weigh ``NAME_BOOST`` times more; the actor ids the analysis linked
   are terms too, weighing ``ACTOR_BOOST``.
2. **Weights.** ``(1 + log tf) × idf``, with ``idf = log((n + 1) / (df + 1)) + 1`` over the
   articles grouped together; each vector has unit length.
3. **Blocking.** Each article's ``TOP_TERMS`` heaviest terms go into an inverted index. Two
   articles are compared only when they share one of them and, when both are dated, their
   dates are at most ``window_days`` apart; an undated article is blocked by terms alone. A
   term held by more than ``MAX_POSTINGS`` other articles within an article's window is too
   common there to block on. So the work grows with the corpus times a bounded number of
   neighbours, not with its square.
4. **Linking.** Compared pairs at or above ``threshold`` are taken strongest first; each
   merges the two groups it joins only when the groups' average cross-pair similarity (the
   dot product of their summed vectors over the product of their sizes) is at or above
   ``threshold`` too (average link). That keeps a chain of pairwise links from gluing a week
   of coverage of one topic into one story.

The result does not depend on the order of the input: articles are processed in id order and
ties are broken by id. Nothing is downloaded and no model is used.
"""

from __future__ import annotations

import datetime
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

DEFAULT_WINDOW_DAYS = 3
# Tuned on BASIL (100 stories told by 3 outlets each); AllSides story leads were only checked.
DEFAULT_THRESHOLD = 0.22
LEAD_WORDS = 200
TITLE_REPEAT = 3
NAME_BOOST = 1.5
ACTOR_BOOST = 1.5
TOP_TERMS = 12
MAX_POSTINGS = 60

Vector = dict[str, float]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_GAP = re.compile(r"[.!?:;\"“”‘«»\n]")
_STOP_TEXT = """
    a about above after again against all also although am among an and another any are
    around as at back be because been before being below between both but by can could did
    do does doing down during each either else even ever every few for from further get
    gets got had has have having he her here hers herself him himself his how however i if
    in into is it its itself just last least less like made make many may me might more
    most much must my myself near new no nor not now of off often on once one only or other
    our ours ourselves out over own per rather said same say says see she should since so
    some still such than that the their theirs them themselves then there these they this
    those though through thus to too toward towards under until up upon us very via was we
    well were what when where whether which while who whom whose why will with within
    without would yet you your yours yourself told tell according including took take
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week
    weeks year years day days time mr mrs ms dr
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article as story grouping sees it."""

    id: str
    text: str
    title: str | None = None
    date: datetime.date | None = None
    actors: frozenset[str] = frozenset()  # actor ids the analysis linked in the article


# --- terms and weights ----------------------------------------------------------------------


def _term(token: str) -> str | None:
    """The term a word or number stands for, or None for a stop word."""
    word = token.lower().replace("’", "'")
    if word[0].isdigit():
        return word.replace(",", "")
    if word.endswith(("'s", "'")):
        word = word.rsplit("'", 1)[0]
    if "'" in word or len(word) < 2 or word in _STOP_WORDS:
        return None  # contractions ("don't", "it's") and stop words carry no story
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text: str, limit: int | None = None) -> Iterable[tuple[str, bool]]:
    """(term, capitalised where no sentence starts) for the first ``limit`` words of a text."""
    end = 0
    for count, match in enumerate(_TOKEN.finditer(text)):
        if limit is not None and count >= limit:
            break
        token = match.group()
        starts_sentence = count == 0 or bool(_SENTENCE_GAP.search(text, end, match.start()))
        end = match.end()
        term = _term(token)
        if term is not None:
            yield term, term[0].isdigit() or (token[0].isupper() and not starts_sentence)


def terms(article: StoryArticle) -> tuple[Counter[str], set[str]]:
    """An article's term counts and the terms weighed up (names, numbers, actor ids)."""
    counts: Counter[str] = Counter()
    boosted: set[str] = set()
    for term, name in _words(article.text, LEAD_WORDS):
        counts[term] += 1
        if name:
            boosted.add(term)
    for term, _ in _words(article.title or ""):
        counts[term] += TITLE_REPEAT  # a title's capitals say nothing (Title Case)
        if term[0].isdigit():
            boosted.add(term)
    for actor in article.actors:
        counts[f"actor:{actor}"] += 1
    return counts, boosted


def vectors(articles: Sequence[StoryArticle]) -> list[Vector]:
    """Each article's unit-length TF-IDF vector, with names, numbers and actors weighed up."""
    bags = [terms(article) for article in articles]
    df: Counter[str] = Counter()
    for counts, _ in bags:
        df.update(counts.keys())
    n = len(articles)
    result: list[Vector] = []
    for counts, boosted in bags:
        vector: Vector = {}
        for term, tf in counts.items():
            weight = (1 + math.log(tf)) * (math.log((n + 1) / (df[term] + 1)) + 1)
            if term.startswith("actor:"):
                weight *= ACTOR_BOOST
            elif term in boosted:
                weight *= NAME_BOOST
            vector[term] = weight
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        result.append({term: w / norm for term, w in vector.items()})
    return result


def dot(first: Vector, second: Vector) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(w * second[t] for t, w in first.items() if t in second)


# --- blocking -------------------------------------------------------------------------------


def candidate_pairs(
    articles: Sequence[StoryArticle], weights: Sequence[Vector], window_days: int
) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a heavy term and, when both are dated, a time window."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(weights):
        heaviest = sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:TOP_TERMS]
        for term, _ in heaviest:
            postings[term].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) < 2:
            continue
        dated = sorted(
            (articles[i].date.toordinal(), i)  # type: ignore[union-attr]
            for i in members
            if articles[i].date is not None
        )
        days = [day for day, _ in dated]
        for position, (day, i) in enumerate(dated):
            low = bisect_left(days, day - window_days)
            high = bisect_right(days, day + window_days)
            if high - low - 1 > MAX_POSTINGS:
                continue  # too common around this date to say anything
            pairs.update((min(i, j), max(i, j)) for _, j in dated[position + 1 : high])
        if len(members) - 1 <= MAX_POSTINGS:
            for i in members:
                if articles[i].date is None:
                    pairs.update((min(i, j), max(i, j)) for j in members if j != i)
    return pairs


# --- linking --------------------------------------------------------------------------------


def group_stories(
    articles: Sequence[StoryArticle],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, str]:
    """Article id → story id (the id of the story's earliest article, ties by id).

    Every article gets one; an article no other one tells the same story as is its own
    story. Undated articles count as later than dated ones. Raises ``ValueError`` when two
    articles share an id.
    """
    ordered = sorted(articles, key=lambda article: article.id)
    for first, second in pairwise(ordered):
        if first.id == second.id:
            raise ValueError(f"two articles share the id {first.id!r}")
    weights = vectors(ordered)
    scored = []
    for i, j in candidate_pairs(ordered, weights, window_days):
        similarity = dot(weights[i], weights[j])
        if similarity >= threshold:
            scored.append((-similarity, i, j))
    scored.sort()

    parent = list(range(len(ordered)))
    sums: dict[int, Vector] = {i: dict(vector) for i, vector in enumerate(weights)}
    sizes = [1] * len(ordered)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in scored:
        a, b = root(i), root(j)
        if a == b:
            continue
        if dot(sums[a], sums[b]) / (sizes[a] * sizes[b]) < threshold:
            continue  # linked by one pair, but the two groups as a whole differ
        if len(sums[a]) < len(sums[b]):
            a, b = b, a
        parent[b] = a
        sizes[a] += sizes[b]
        merged = sums[a]
        for term, weight in sums.pop(b).items():
            merged[term] = merged.get(term, 0.0) + weight

    groups: dict[int, list[StoryArticle]] = defaultdict(list)
    for index, article in enumerate(ordered):
        groups[root(index)].append(article)
    stories: dict[str, str] = {}
    for members in groups.values():
        first = min(members, key=_chronological)
        for article in members:
            stories[article.id] = first.id
    return stories


def _chronological(article: StoryArticle) -> tuple[bool, datetime.date, str]:
    return (article.date is None, article.date or datetime.date.min, article.id)
