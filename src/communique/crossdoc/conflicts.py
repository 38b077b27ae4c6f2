"""Where sources disagree: an event's date, place or numbers, a person's office.

Pure functions: merged events and role claims in, conflicts out. A conflict names what it is
about (``kind``: date, place, number or office; ``subject``: the merged event's id or the
actor's id; ``fact``: what the disagreement is over, readably) and holds two or more sides,
each one article's value with its outlet, the span that says it and the sentence around it.

- **date**: within one merged event, mentions whose resolved dates do not overlap (merging
  allows a day's slack, so "on Tuesday" in one report and "on Wednesday" in another are one
  meeting, with a disagreement about its date);
- **place**: within one merged event, two different towns (a town and its country agree);
- **number**: within one merged event, different counts of one kind — dead, injured,
  arrested — ("killing 12 people" / "killing 14 people"); a lower bound agrees with any
  count at or above it ("at least 12" / "14");
- **office**: one person, one office (the same or a similar organisation, compared by its
  words with articles and case folded away and near-containment allowed; or, without an
  organisation, the same title in the same country), and articles published close together
  (or undated) that say different things: current in one, former in the other ("head of the
  Foreign Affairs Commission Office" / "who formerly chaired" it), or different posts in the
  same organisation ("secretary" / "deputy chairman" of the Security Council).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from communique.crossdoc.merge import EventMention, MergedEvent, dates_agree, places_agree
from communique.records import Size

# Articles further apart than this may each be right about someone's office at their time.
OFFICE_WINDOW_DAYS = 31

_WORD = re.compile(r"[^\W_]+")
_ORG_STOP_WORDS = frozenset({"the", "of", "a", "an", "and", "for", "on", "in", "to", "s"})
# Titles that name the same post ("chaired" / "head of" one office).
_ROLE_SYNONYMS = {
    **dict.fromkeys(
        ("chair", "chairman", "chairwoman", "chairperson", "head", "director", "chief",
         "leader", "president"),
        "head",
    ),
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson"), "spokesperson"),
}  # fmt: skip
# Titles that say too little to contradict another title of the same organisation.
_GENERIC_ROLES = frozenset(
    {
        "member", "senior member", "official", "senior official", "top official",
        "representative", "diplomat", "top diplomat", "senior diplomat", "envoy",
        "adviser", "advisor", "aide", "staff", "officer", "figure", "politician",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Side:
    """One article's side of a disagreement."""

    value: str
    article_id: str
    outlet: str | None = None
    date: date | None = None  # the article's publication date
    start: int | None = None  # the span that says it (text[start:end])
    end: int | None = None
    text: str | None = None
    evidence: str | None = None  # the sentence around it


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: str  # date | place | number | office
    subject: str  # merged event id, or actor id
    fact: str
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class RoleClaim:
    """A stored role: what one article says someone is or was."""

    article_id: str
    index: int
    actor_id: str
    role: str
    organisation: str | None
    country: str | None
    tense: str  # current | former
    start: int
    end: int
    text: str | None = None  # the title or apposition as written
    evidence: str | None = None  # the sentence it is in
    outlet: str | None = None
    published: date | None = None
    order: int = 0


def conflict_id(kind: str, subject: str, fact: str) -> str:
    digest = hashlib.sha1(f"{kind}\x1f{subject}\x1f{fact}".encode()).hexdigest()[:12]
    return f"cf-{digest}"


# -- events -----------------------------------------------------------------------------------


def _describe(event: MergedEvent) -> str:
    sides = ", ".join(map(_shown, event.actors)) or "?"
    if event.recipients:
        sides += " → " + ", ".join(map(_shown, event.recipients))
    mode = f"/{event.mode}" if event.mode else ""
    return f"{event.type}{mode} {sides}"


def _shown(identity: str) -> str:
    """A side's identity as a reader sees it: an unnamed group by its word ("people")."""
    return identity.removeprefix("text:")


def _date_value(mention: EventMention) -> str:
    start, end = mention.period or (None, None)
    assert start is not None and end is not None
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()}..{end.isoformat()} ({mention.granularity})"


def _place_value(mention: EventMention) -> str:
    name = mention.place_name or mention.place_text or "?"
    return f"{name} ({mention.place_country})" if mention.place_country else name


def _event_side(mention: EventMention, value: str, span: tuple[int, int] | None,
                text: str | None) -> Side:  # fmt: skip
    start, end = span or (mention.sentence_start, mention.sentence_end)
    return Side(
        value=value,
        article_id=mention.article_id,
        outlet=mention.outlet,
        date=mention.published,
        start=start,
        end=end,
        text=text if span else mention.sentence,
        evidence=mention.sentence,
    )


def _disputed(
    mentions: Sequence[EventMention], agree: Callable[[EventMention, EventMention], bool]
) -> list[EventMention]:
    """The mentions that disagree with a mention of another article."""
    return [
        m
        for m in mentions
        if any(o.article_id != m.article_id and not agree(m, o) for o in mentions)
    ]


def _one_per_value(
    mentions: Iterable[EventMention], value: Callable[[EventMention], str]
) -> list[EventMention]:
    seen: dict[tuple[str, str], EventMention] = {}
    for mention in mentions:
        seen.setdefault((value(mention), mention.article_id), mention)
    return list(seen.values())


def event_conflicts(events: Iterable[MergedEvent]) -> list[Conflict]:
    """Disagreements about the date, the place or the numbers within each merged event."""
    found: list[Conflict] = []
    for event in events:
        if event.num_articles < 2:
            continue
        dated = [m for m in event.mentions if m.resolved]
        disputed = _one_per_value(_disputed(dated, dates_agree), _date_value)
        if len({_date_value(m) for m in disputed}) >= 2:
            fact = f"date: {_describe(event)}"
            sides = tuple(_event_side(m, _date_value(m), m.date_span, m.date_text)
                          for m in disputed)  # fmt: skip
            found.append(Conflict(conflict_id("date", event.id, fact), "date", event.id,
                                  fact, sides))  # fmt: skip
        placed = [m for m in event.mentions if m.has_place]
        disputed = _one_per_value(_disputed(placed, places_agree), _place_value)
        if len({_place_value(m) for m in disputed}) >= 2:
            fact = f"place: {_describe(event)}"
            sides = tuple(_event_side(m, _place_value(m), m.place_span, m.place_text)
                          for m in disputed)  # fmt: skip
            found.append(Conflict(conflict_id("place", event.id, fact), "place", event.id,
                                  fact, sides))  # fmt: skip
        found.extend(number_conflicts(event))
    return found


def _size_value(size: Size) -> str:
    return f"at least {size.value}" if size.at_least else str(size.value)


def sizes_agree(a: Size, b: Size) -> bool:
    """The same count, or a lower bound the other count meets ("at least 12" / "14")."""
    if a.value == b.value:
        return True
    return min((a, b), key=lambda size: size.value).at_least


def number_conflicts(event: MergedEvent) -> list[Conflict]:
    """Disagreements about how many an event killed, injured or arrested: one conflict per
    kind, each side one article's count with its span."""
    found = []
    for kind in ("dead", "injured", "arrested"):
        counts = [(m, z) for m in event.mentions for z in m.sizes if z.kind == kind]
        disputed = {
            (_size_value(z), m.article_id): (m, z)
            for m, z in counts
            if any(o.article_id != m.article_id and not sizes_agree(z, y) for o, y in counts)
        }
        if len({value for value, _ in disputed}) < 2:
            continue
        fact = f"{kind}: {_describe(event)}"
        sides = tuple(
            _event_side(m, _size_value(z), (z.start, z.end), z.text) for m, z in disputed.values()
        )
        found.append(Conflict(conflict_id("number", event.id, fact), "number", event.id, fact,
                              sides))  # fmt: skip
    return found


# -- offices ----------------------------------------------------------------------------------


def _token(word: str) -> str:
    return word.casefold()


def organisation_words(name: str | None) -> tuple[str, ...]:
    """An organisation's words, case folded, articles and prepositions dropped."""
    if not name:
        return ()
    words = (_token(w) for w in _WORD.findall(name))
    return tuple(w for w in words if w not in _ORG_STOP_WORDS)


def _words_match(a: str, b: str) -> bool:
    """The same word, or one a form of the other ("Russia" / "Russian")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return shorter >= 5 and common >= 5 and common >= 0.8 * shorter


def same_organisation(a: str | None, b: str | None, containment: float = 0.8) -> bool:
    """Whether two names are of one organisation: the words of the shorter (at least two of
    them, unless the names are equal) nearly all found in the longer."""
    return _same_words(organisation_words(a), organisation_words(b), containment)


def _same_words(first: tuple[str, ...], second: tuple[str, ...], containment: float = 0.8) -> bool:
    if not first or not second:
        return False
    if first == second:
        return True
    small, large = sorted((first, second), key=len)
    if len(set(small)) < 2:
        return False
    found = sum(1 for word in set(small) if any(_words_match(word, other) for other in large))
    return found >= containment * len(set(small))


def role_words(role: str) -> str:
    """A title normalised: case folded, the titles of one post made one ("chair" = "head")."""
    words = [_token(w) for w in _WORD.findall(role)]
    if not words:
        return ""
    words[-1] = _ROLE_SYNONYMS.get(words[-1], words[-1])
    return " ".join(words)


def generic_role(role: str) -> bool:
    return " ".join(_token(w) for w in _WORD.findall(role)) in _GENERIC_ROLES


def same_office(a: RoleClaim, b: RoleClaim) -> bool:
    """Two claims about one office: a similar organisation, or (both without one) the same
    title in the same country."""
    if a.organisation and b.organisation:
        return same_organisation(a.organisation, b.organisation)
    if a.organisation or b.organisation:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return role_words(a.role) == role_words(b.role)


def close_in_time(a: RoleClaim, b: RoleClaim, window_days: int = OFFICE_WINDOW_DAYS) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= window_days


def disagree(a: RoleClaim, b: RoleClaim, window_days: int = OFFICE_WINDOW_DAYS) -> bool:
    """Whether two articles' claims about one office contradict each other."""
    if a.article_id == b.article_id or a.actor_id != b.actor_id:
        return False
    if not same_office(a, b) or not close_in_time(a, b, window_days):
        return False
    same_post = role_words(a.role) == role_words(b.role)
    if same_post:
        return a.tense != b.tense
    if generic_role(a.role) or generic_role(b.role):
        return False
    # different posts in one organisation, said of the same time
    return bool(a.organisation and b.organisation) and a.tense == b.tense == "current"


def _office_name(claims: Sequence[RoleClaim]) -> str:
    """The office readably: the words the organisations share from their start ("Foreign
    Affairs Commission Office"), else the shortest name, else the title."""
    names = [c.organisation for c in claims if c.organisation]
    if not names:
        titles = sorted({c.role for c in claims}, key=lambda r: (len(r), r))
        countries = sorted({c.country for c in claims if c.country})
        return titles[0] + (f" ({', '.join(countries)})" if countries else "")
    split = [_without_article(name).split() for name in names]
    prefix: list[str] = []
    for words in zip(*split, strict=False):
        if len({w.casefold() for w in words}) != 1:
            break
        prefix.append(words[0])
    while prefix and prefix[-1].casefold() in _ORG_STOP_WORDS:
        prefix.pop()
    if len(prefix) >= 2:
        return " ".join(prefix)
    return min((_without_article(n) for n in names), key=lambda n: (len(n), n))


def _without_article(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].casefold() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def _claim_value(claim: RoleClaim) -> str:
    where = f" of {claim.organisation}" if claim.organisation else ""
    return f"{claim.role}{where} ({claim.tense})"


def _office_key(claim: RoleClaim) -> tuple:
    if claim.organisation:
        return ("organisation", organisation_words(claim.organisation))
    return ("title", role_words(claim.role), claim.country)


def _same_office_key(a: tuple, b: tuple) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "organisation":
        return _same_words(a[1], b[1])
    return a[1] == b[1] and (a[2] is None or b[2] is None or a[2] == b[2])


def _values_disagree(a: tuple[str, str, bool, bool], b: tuple[str, str, bool, bool]) -> bool:
    """Whether two (post, tense, generic, has organisation) values contradict each other."""
    (post_a, tense_a, generic_a, org_a), (post_b, tense_b, generic_b, org_b) = a, b
    if post_a == post_b:
        return tense_a != tense_b
    if generic_a or generic_b:
        return False
    return org_a and org_b and tense_a == tense_b == "current"


def _offices(keys: Sequence[tuple]) -> dict[tuple, tuple]:
    """Each office key → the first key of its office (keys of one office linked, transitively).
    One person's distinct keys are few, so comparing them pairwise is cheap."""
    parent = {key: key for key in keys}

    def root(key: tuple) -> tuple:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            if _same_office_key(first, second):
                parent[root(second)] = root(first)
    return {key: root(key) for key in keys}


class _Dated:
    """The claims of one value, for asking: is there one of another article near this date?"""

    def __init__(self, claims: Sequence[RoleClaim]) -> None:
        dated = sorted(
            (c.published.toordinal(), c.article_id) for c in claims if c.published is not None
        )
        self.days = [day for day, _ in dated]
        self.articles = [article for _, article in dated]
        self.undated = {c.article_id for c in claims if c.published is None}
        self.all = {c.article_id for c in claims}

    def near(self, claim: RoleClaim, window_days: int) -> bool:
        if claim.published is None:
            return bool(self.all - {claim.article_id})
        if self.undated - {claim.article_id}:
            return True
        day = claim.published.toordinal()
        low = bisect_left(self.days, day - window_days)
        high = bisect_right(self.days, day + window_days)
        return any(article != claim.article_id for article in self.articles[low:high])


def office_conflicts(
    claims: Iterable[RoleClaim], window_days: int = OFFICE_WINDOW_DAYS
) -> list[Conflict]:
    """One conflict per person and office that articles disagree about, with every claim
    that takes part in the disagreement as a side (one per value and article).

    Claims are grouped by office and, within it, by value (post and tense), so the work grows
    with the claims and the few distinct offices and values of each person, not with the
    square of the claims.
    """
    by_actor: dict[str, list[RoleClaim]] = {}
    for claim in sorted(claims, key=lambda c: (c.order, c.article_id, c.index)):
        by_actor.setdefault(claim.actor_id, []).append(claim)
    found: list[Conflict] = []
    for actor_id, mine in by_actor.items():
        office_of = _offices(list(dict.fromkeys(_office_key(c) for c in mine)))
        offices: dict[tuple, list[RoleClaim]] = {}
        for claim in mine:
            offices.setdefault(office_of[_office_key(claim)], []).append(claim)
        for office in offices.values():
            values: dict[tuple[str, str, bool, bool], list[RoleClaim]] = {}
            for claim in office:
                value = (role_words(claim.role), claim.tense, generic_role(claim.role),
                         bool(claim.organisation))  # fmt: skip
                values.setdefault(value, []).append(claim)
            if len(values) < 2:
                continue
            dated = {value: _Dated(members) for value, members in values.items()}
            involved: dict[tuple[str, str], RoleClaim] = {}
            for value, members in values.items():
                rivals = [dated[v] for v in values if v != value and _values_disagree(value, v)]
                for claim in members:
                    if any(rival.near(claim, window_days) for rival in rivals):
                        involved.setdefault((_claim_value(claim), claim.article_id), claim)
            if len({c.article_id for c in involved.values()}) < 2:
                continue
            sides = sorted(involved.values(), key=lambda c: (c.order, c.article_id, c.index))
            fact = f"office: {_office_name(office)}"
            found.append(
                Conflict(
                    conflict_id("office", actor_id, fact),
                    "office",
                    actor_id,
                    fact,
                    tuple(
                        Side(
                            value=_claim_value(c), article_id=c.article_id, outlet=c.outlet,
                            date=c.published, start=c.start, end=c.end, text=c.text,
                            evidence=c.evidence,
                        )
                        for c in sides
                    ),
                )
            )  # fmt: skip
    return found


def detect_conflicts(
    events: Iterable[MergedEvent],
    claims: Iterable[RoleClaim],
    *,
    office_window_days: int = OFFICE_WINDOW_DAYS,
) -> list[Conflict]:
    """Every disagreement: about events' dates, places and numbers, then about people's
    offices."""
    return [*event_conflicts(events), *office_conflicts(claims, office_window_days)]
