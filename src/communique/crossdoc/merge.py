"""One event, many mentions: event records from different articles that report the same event.

Pure functions: event mentions in (one per stored event record, its sides already reduced to
identities: actor ids, or country codes for states and their governments), merged events out.

Two mentions report the same event when

- their PLOVER types are equal and their modes agree (equal, or one without a mode; a meeting
  and a visit are the same CONSULT, a phone call is not),
- their sides are the same sets of actors — for reciprocal types (meetings, cooperation) the
  two sides are read as one group, so an A–B meeting is a B–A meeting, and "A and B met" is
  "A met B"; two visits must go the same way,
- their modality is of one kind: asserted and claimed events merge, negated, future and
  hypothetical ones only with their own kind,
- their dates are compatible (resolved periods that overlap, allowing ``tolerance_days`` for
  reports a day apart; or one unresolved), and so are their places (the same country, or one
  without a place),
- and they are close: in the same article or story, or with known dates (the event's, else the
  article's) within ``window_days`` of each other, or — when one of them cannot be placed in
  time at all — both naming people (``named_people``): "Wang Yi met Patrushev" told undated in
  two articles is taken as one meeting, while undated "China and Russia cooperate" stays
  apart in stories of its own.

Mentions are blocked by type, modality and sides, so only mentions that could merge are ever
compared; within a block a mention joins the first group whose first mention it is close to and
whose every member it is compatible with, so nothing chains two incompatible mentions together
through a third, nor a year of daily reports into one event.

A merged event's date, place, mode and sides are chosen by agreement: the value most mentions
give, ties going to the finest granularity and then to the earliest article.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from communique.records import Size

# Types whose two sides act together: a meeting or a cooperation of A and B is one of B and A.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Modes that stand for one another within a type (a visit is a meeting where one side travels).
COMPATIBLE_MODES: dict[str, frozenset[frozenset[str]]] = {
    "CONSULT": frozenset({frozenset({"visit", "host", "third-party", "multilateral"})}),
}
DIRECTED_MODES = frozenset({"visit", "host"})
# Modalities that merge with one another; the others only with themselves.
MODALITY_KIND = {"asserted": "factual", "claimed": "factual"}
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
UNRESOLVED = "unresolved"

DEFAULT_WINDOW_DAYS = 7
DEFAULT_TOLERANCE_DAYS = 1


@dataclass(frozen=True, slots=True)
class EventMention:
    """One stored event record as the merge sees it.

    ``actors``/``recipients`` are identities (actor ids, or country codes for states and their
    governments, or the text for a side nothing resolved). ``order`` is the article's ingest
    order, for ties. The evidence fields are carried through for display and conflicts.
    """

    article_id: str
    index: int
    type: str
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    modality: str = "asserted"
    date_start: date | None = None
    date_end: date | None = None
    granularity: str = UNRESOLVED
    place_name: str | None = None
    place_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_is_country: bool = False  # the place named is a whole country
    quad: int | None = None
    cameo: str | None = None
    goldstein: float | None = None
    story: str | None = None
    outlet: str | None = None
    published: date | None = None
    order: int = 0
    named_people: bool = False  # a side is a person (not only states and organisations)
    # evidence: the sentence, and the spans of the date and place as written
    sentence_start: int | None = None
    sentence_end: int | None = None
    sentence: str | None = None
    date_text: str | None = None
    date_span: tuple[int, int] | None = None
    place_text: str | None = None
    place_span: tuple[int, int] | None = None
    sizes: tuple[Size, ...] = ()  # the dead, injured and arrested it counts

    @property
    def key(self) -> str:
        return f"{self.article_id}-{self.index}"

    @property
    def resolved(self) -> bool:
        return self.granularity != UNRESOLVED and self.date_start is not None

    @property
    def period(self) -> tuple[date, date] | None:
        if not self.resolved:
            return None
        assert self.date_start is not None
        return self.date_start, self.date_end or self.date_start

    @property
    def reference_date(self) -> date | None:
        """The date the time window uses: the event's own, else the article's."""
        return self.date_start if self.resolved else self.published

    @property
    def has_place(self) -> bool:
        return bool(self.place_name or self.place_country)

    @property
    def source(self) -> str:
        """The outlet, normalised; an article with no outlet is a source of its own."""
        outlet = " ".join((self.outlet or "").split()).casefold()
        return outlet or f"article:{self.article_id}"


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real event and every mention of it, with values chosen by agreement."""

    id: str
    type: str
    mode: str | None
    quad: int | None
    cameo: str | None
    goldstein: float | None
    date_start: date | None
    date_end: date | None
    granularity: str
    place_name: str | None
    place_country: str | None
    latitude: float | None
    longitude: float | None
    modality: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    mentions: tuple[EventMention, ...]

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_articles(self) -> int:
        return len({m.article_id for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({m.source for m in self.mentions})


# -- compatibility ----------------------------------------------------------------------------


def modality_kind(modality: str) -> str:
    return MODALITY_KIND.get(modality, modality)


def sides_key(mention: EventMention) -> Hashable:
    """What must be equal for two mentions to be of one event: the sides as sets."""
    if not mention.actors and not mention.recipients:
        return ("alone", mention.key)  # nobody to tell it by: merges with nothing
    if mention.type in RECIPROCAL_TYPES:
        return frozenset(mention.actors) | frozenset(mention.recipients)
    return frozenset(mention.actors), frozenset(mention.recipients)


def block_key(mention: EventMention) -> Hashable:
    return mention.type, modality_kind(mention.modality), sides_key(mention)


def modes_compatible(kind: str, a: EventMention, b: EventMention) -> bool:
    if a.mode is None or b.mode is None or a.mode == b.mode:
        pass
    elif not any({a.mode, b.mode} <= group for group in COMPATIBLE_MODES.get(kind, ())):
        return False
    if a.mode in DIRECTED_MODES and b.mode in DIRECTED_MODES:
        # both say who travelled: it must be the same side
        return a.mode != b.mode or set(a.actors) == set(b.actors)
    return True


def dates_compatible(a: EventMention, b: EventMention, tolerance_days: int) -> bool:
    """Resolved periods that overlap (within ``tolerance_days``), or one unresolved."""
    first, second = a.period, b.period
    if first is None or second is None:
        return True
    slack = timedelta(days=tolerance_days)
    return first[0] <= second[1] + slack and second[0] <= first[1] + slack


def dates_agree(a: EventMention, b: EventMention) -> bool:
    """Strictly overlapping periods, or one unresolved: no disagreement about the date."""
    return dates_compatible(a, b, 0)


def places_compatible(a: EventMention, b: EventMention) -> bool:
    """The same country, or one without a place."""
    if not a.has_place or not b.has_place:
        return True
    if a.place_country and b.place_country:
        return a.place_country == b.place_country
    return _fold(a.place_name) == _fold(b.place_name)


def places_agree(a: EventMention, b: EventMention) -> bool:
    """No disagreement about the place: compatible, and not two different towns."""
    if not places_compatible(a, b) or not a.place_name or not b.place_name:
        return places_compatible(a, b)
    if a.place_is_country or b.place_is_country:
        return True
    return _fold(a.place_name) == _fold(b.place_name)


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def compatible(
    a: EventMention, b: EventMention, tolerance_days: int = DEFAULT_TOLERANCE_DAYS
) -> bool:
    """Whether two mentions (of one block) may be of the same event, leaving closeness aside."""
    return (
        a.type == b.type
        and modality_kind(a.modality) == modality_kind(b.modality)
        and sides_key(a) == sides_key(b)
        and modes_compatible(a.type, a, b)
        and dates_compatible(a, b, tolerance_days)
        and places_compatible(a, b)
    )


def close(a: EventMention, b: EventMention, window_days: int) -> bool:
    """In the same article or story, or with known dates within the window, or (one of them
    undated) both telling of named people."""
    if a.article_id == b.article_id or (a.story is not None and a.story == b.story):
        return True
    first, second = a.reference_date, b.reference_date
    if first is None or second is None:
        return a.named_people and b.named_people
    return abs((first - second).days) <= window_days


# -- clustering -------------------------------------------------------------------------------


def _signature(mention: EventMention) -> Hashable:
    """What compatibility depends on, within a block: mentions alike in it are compatible
    with the same others."""
    direction = frozenset(mention.actors) if mention.mode in DIRECTED_MODES else None
    place = (_fold(mention.place_name), mention.place_country, mention.place_is_country)
    return mention.mode, direction, mention.period, place if mention.has_place else None


@dataclass(slots=True)
class _Cluster:
    anchor: EventMention  # the first mention: the others are close to it
    members: list[EventMention] = field(default_factory=list)
    kinds: dict[Hashable, EventMention] = field(default_factory=dict)  # one per signature
    articles: set[str] = field(default_factory=set)

    def add(self, mention: EventMention) -> None:
        self.members.append(mention)
        self.kinds.setdefault(_signature(mention), mention)
        self.articles.add(mention.article_id)

    def takes(self, mention: EventMention, window_days: int, tolerance_days: int) -> bool:
        near = mention.article_id in self.articles or close(mention, self.anchor, window_days)
        return near and all(
            compatible(mention, other, tolerance_days) for other in self.kinds.values()
        )


def cluster(
    mentions: Iterable[EventMention],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance_days: int = DEFAULT_TOLERANCE_DAYS,
) -> list[list[EventMention]]:
    """Group mentions of the same event; every mention ends in exactly one group.

    Mentions are taken in article order; each joins the first earlier group of its block that
    is close to it (its first mention in the same story or time window, or a mention in the
    same article) and that it is compatible with every member of. A group's members are
    compared by their distinct (mode, date, place) kinds, so a large group costs no more than
    a small one.
    """
    ordered = sorted(mentions, key=lambda m: (m.order, m.article_id, m.index))
    clusters: list[_Cluster] = []
    # where to look: groups by block and their first mention's story and date bucket, by
    # the articles of their mentions, and (named people) those whose first mention is undated
    by_story: dict[tuple[Hashable, str], set[int]] = {}
    by_bucket: dict[tuple[Hashable, int], set[int]] = {}
    by_article: dict[tuple[Hashable, str], set[int]] = {}
    people: dict[Hashable, set[int]] = {}
    people_undated: dict[Hashable, set[int]] = {}
    width = max(window_days, 1)
    for mention in ordered:
        block = block_key(mention)
        candidates: set[int] = set(by_article.get((block, mention.article_id), ()))
        if mention.story is not None:
            candidates.update(by_story.get((block, mention.story), ()))
        reference = mention.reference_date
        if reference is not None:
            bucket = reference.toordinal() // width
            for neighbour in (bucket - 1, bucket, bucket + 1):
                candidates.update(by_bucket.get((block, neighbour), ()))
        if mention.named_people:
            candidates.update((people if reference is None else people_undated).get(block, ()))
        chosen = next(
            (
                number
                for number in sorted(candidates)
                if clusters[number].takes(mention, window_days, tolerance_days)
            ),
            None,
        )
        if chosen is None:
            chosen = len(clusters)
            clusters.append(_Cluster(mention))
            if mention.story is not None:
                _add(by_story, (block, mention.story), chosen)
            if reference is not None:
                _add(by_bucket, (block, reference.toordinal() // width), chosen)
            if mention.named_people:
                _add(people, block, chosen)
                if reference is None:
                    _add(people_undated, block, chosen)
        clusters[chosen].add(mention)
        _add(by_article, (block, mention.article_id), chosen)
    return [c.members for c in clusters]


def _add(index: dict, key: Hashable, number: int) -> None:
    index.setdefault(key, set()).add(number)


# -- choosing by agreement --------------------------------------------------------------------


def _by_agreement(
    candidates: Sequence[tuple[Hashable, int, EventMention]],
) -> tuple[Hashable, EventMention] | None:
    """The value most mentions give; ties to the finer value (lower rank), then the earliest
    article. ``candidates`` are (value, rank, mention)."""
    if not candidates:
        return None
    counts = Counter(value for value, _, _ in candidates)
    best: dict[Hashable, tuple[int, tuple[int, str, int], EventMention]] = {}
    for value, rank, mention in candidates:
        position = (mention.order, mention.article_id, mention.index)
        if value not in best or position < best[value][1]:
            best[value] = (rank, position, mention)
    value = min(best, key=lambda v: (-counts[v], best[v][0], best[v][1]))
    return value, best[value][2]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def merged_id(members: Sequence[EventMention]) -> str:
    """A stable id for a merged event: a hash of its mentions."""
    keys = ",".join(sorted(m.key for m in members))
    return "ev-" + hashlib.sha1(keys.encode("utf-8")).hexdigest()[:12]


def summarise(members: Sequence[EventMention]) -> MergedEvent:
    """The merged event of a group of mentions, its values chosen by agreement."""
    if not members:
        raise ValueError("a merged event needs at least one mention")
    ordered = sorted(members, key=lambda m: (m.order, m.article_id, m.index))
    first = ordered[0]

    modes = _by_agreement([(m.mode, 0, m) for m in ordered if m.mode is not None])
    mode = modes[0] if modes else None
    coded = next((m for m in ordered if m.mode == mode), first)

    dates = _by_agreement(
        [
            ((m.date_start, m.date_end or m.date_start, m.granularity),
             GRANULARITY_RANK.get(m.granularity, 9), m)
            for m in ordered
            if m.resolved
        ]
    )  # fmt: skip
    if dates:
        (date_start, date_end, granularity), _ = dates  # type: ignore[misc]
    else:
        date_start, date_end, granularity = None, None, UNRESOLVED

    places = _by_agreement(
        [
            ((_fold(m.place_name) or None, m.place_country), 1 if m.place_is_country else 0, m)
            for m in ordered
            if m.has_place
        ]
    )
    place = places[1] if places else None

    sides = _by_agreement([((frozenset(m.actors), frozenset(m.recipients)), 0, m) for m in ordered])
    assert sides is not None
    told = sides[1]

    modalities = {m.modality for m in ordered}
    if "asserted" in modalities:
        modality = "asserted"
    else:
        chosen = _by_agreement([(m.modality, 0, m) for m in ordered])
        assert chosen is not None
        modality = str(chosen[0])

    return MergedEvent(
        id=merged_id(ordered),
        type=first.type,
        mode=mode,  # type: ignore[arg-type]
        quad=coded.quad,
        cameo=coded.cameo,
        goldstein=coded.goldstein,
        date_start=date_start,
        date_end=date_end,
        granularity=granularity,
        place_name=place.place_name if place else None,
        place_country=place.place_country if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        modality=modality,
        actors=_unique(told.actors),
        recipients=_unique(told.recipients),
        mentions=tuple(ordered),
    )


def merge_events(
    mentions: Iterable[EventMention],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    tolerance_days: int = DEFAULT_TOLERANCE_DAYS,
) -> list[MergedEvent]:
    """Merge the mentions that report the same event; every mention is in exactly one result,
    which keeps them all. Results come in the order of their first mention."""
    groups = cluster(mentions, window_days=window_days, tolerance_days=tolerance_days)
    return [summarise(group) for group in groups]
