"""The article as the linking passes share it, and what they know of it so far: the cast of
people, their surnames and positions, the roles the text gives."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from communique.analysis.actors.rules import (
    PARTICLE,
)
from communique.analysis.entities import EntityIndex
from communique.analysis.lexicon import Lexicon
from communique.analysis.resources import Resources
from communique.kb import Actor, Office, normal
from communique.records import Mention, Role


def role_fits(office: Office, phrase: str, leader: str | None, words: Lexicon) -> bool:
    """Whether an office fits a role phrase: "foreign minister", "leader", "spokeswoman"."""
    if phrase == "official":
        return True
    if phrase == "leader" and leader:
        return office.kind == leader
    if office.kind in words.role_kinds.get(phrase, ()):
        return True
    title = office.role.lower()
    fitting = words.role_words.get(phrase, () if phrase in words.role_kinds else (phrase,))
    return any(word in title for word in fitting)


@dataclass
class Found:
    """A resolved span, before it becomes a Mention."""

    start: int
    end: int
    text: str
    label: str
    actor: Actor | None
    how: str | None
    token: Token  # the syntactic head of the span


@dataclass
class State:
    """What the linker knows about the article so far."""

    cast: dict[str, Actor] = field(default_factory=dict)  # people by id, in order first named
    surnames: dict[str, list[str]] = field(default_factory=dict)  # normal surname → ids
    positions: dict[str, list[int]] = field(default_factory=dict)  # id → mention offsets, sorted
    text_roles: dict[str, list[str]] = field(default_factory=dict)  # id → roles in the text
    new: dict[str, Actor] = field(default_factory=dict)  # actors first met in this article
    genders: dict[str, str] = field(default_factory=dict)  # id → "m" | "f", as the text tells
    not_people: set[str] = field(default_factory=set)  # normal names of storms, not persons
    acronyms: dict[str, Span] = field(default_factory=dict)  # "BLA" → the name it stands for


@dataclass
class Reading:
    """Whom the text has named so far, in reading order, for the pronouns to come."""

    # Sentence start → the person subjects, and the people mentioned, in order, each with how
    # prominent it is there (``MAIN``, ``CLAUSE``, ``OTHER``, ``ASIDE``: lower comes first).
    subjects: dict[int, list[tuple[int, Actor]]] = field(default_factory=dict)
    people: dict[int, list[tuple[int, Actor]]] = field(default_factory=dict)
    # Their keys, sorted.
    subject_starts: list[int] = field(default_factory=list)
    people_starts: list[int] = field(default_factory=list)
    # "m", "f" → the last person resolved whom "he", "she" fits.
    last: dict[str, Actor] = field(default_factory=dict)
    # id → "m" | "f": what the text tells of people the knowledge base gives no gender.
    genders: dict[str, str] = field(default_factory=dict)

    def meet(self, actor: Actor, sentence: int, rank: int) -> None:
        """A person named in the sentence that starts at ``sentence``, as prominent as
        ``rank`` says: a subject of the main clause or of another clause, or not a subject."""
        keep(self.people, self.people_starts, sentence, (rank, actor))
        if rank <= CLAUSE:
            keep(self.subjects, self.subject_starts, sentence, (rank, actor))

    def gender(self, actor: Actor) -> str | None:
        return actor.gender or self.genders.get(actor.id)

    def fits(self, actor: Actor, gender: str) -> bool:
        """Whether "he" (``gender`` "m") or "she" ("f") can stand for a person."""
        return actor.kind == "person" and self.gender(actor) in (None, gender)

    def resolved(self, actor: Actor | None) -> None:
        """A mention resolved (to ``actor``, or to no one)."""
        if actor is not None and actor.kind == "person":
            for gender in ("m", "f"):
                if self.fits(actor, gender):
                    self.last[gender] = actor


# How prominent a person is in a sentence: the subject of its main clause, of another clause,
# named otherwise, or named in an aside ("like Tanaka", "with Costa").
MAIN, CLAUSE, OTHER, ASIDE = 0, 1, 2, 3


def keep(
    by_start: dict[int, list[tuple[int, Actor]]],
    starts: list[int],
    start: int,
    ranked: tuple[int, Actor],
) -> None:
    """Add an actor to a sentence's list, and a new sentence to the sorted starts."""
    if start not in by_start:
        bisect.insort(starts, start)
    by_start.setdefault(start, []).append(ranked)


def holder(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a stretch lies within one of ``spans``: they are sorted once, then each question
    is a bisection."""
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))

    def holds(start: int, end: int) -> bool:
        before = bisect.bisect_right(starts, start)  # the spans that start at or before it
        return before > 0 and reach[before - 1] >= end

    return holds


def capitalised(word: str) -> bool:
    """A word of a name: capitalised, or a particle such as "al-" or "bin"."""
    return word[:1].isupper() or bool(PARTICLE.match(word))


def bare(name: str) -> str:
    """An organisation's name without a leading article."""
    return name[4:] if name.lower().startswith("the ") else name


class LinkContext:
    """One article as the linking passes see it: the parse, the knowledge base, the day, and
    what the linker knows so far (the cast, the roles)."""

    def __init__(self, doc: Doc, article_id: str, day: date | None, resources: Resources) -> None:
        self.doc, self.article_id, self.day = doc, article_id, day
        self.kb = resources.kb
        self.places = resources.places  # the gazetteer
        self.words = resources.words
        self.state = State()
        self.roles: list[Role] = []
        self.entities = EntityIndex(doc)
        # What the passes fill in: the entity mentions with their spans, the spans resolved
        # so far, and the tokens the entity mentions cover.
        self.spans: list[tuple[Mention, Span]] = []
        self.found: list[Found] = []
        self.covered: set[int] = set()

    def state_named(self, token: Token) -> str | None:
        """The state a single word names: "Jordan", "Russian", "Beijing"."""
        key = normal(token.text)
        if key in self.kb.by_demonym:
            return self.kb.by_demonym[key]
        return next((a.id for a in self.kb.named(key) if a.kind == "state"), None)

    def titled(self, span: Span) -> bool:
        """Whether a leader's title comes right before the name: "President Suharto"."""
        first = span[0]
        before = self.doc[first.i - 1] if first.i > 0 else None
        words = {first.lower_.strip("."), before.lower_.strip(".") if before is not None else ""}
        return bool(words & self.words.leader_titles)

    def name_tokens(self, span: Span) -> list[Token]:
        """The name in a span, without a possessive ending or leading title words."""
        tokens = [
            t
            for t in span
            if any(c.isalnum() for c in t.text) and not (t.tag_ == "POS" or t.text in ("'s", "’s"))
        ]
        while len(tokens) > 1 and tokens[0].lower_.strip(".") in self.words.title_words:
            tokens = tokens[1:]
        return tokens

    def choose(self, candidates: list[Actor], kinds: tuple[str, ...]) -> Actor:
        def rank(actor: Actor) -> tuple[int, int, int]:
            in_cast = actor.id in self.state.cast
            kind = kinds.index(actor.kind) if actor.kind in kinds else len(kinds)
            in_office = bool(actor.offices_on(self.day)) if self.day else bool(actor.offices)
            return (not in_cast, kind, not in_office)

        return min(candidates, key=rank)

    def leaders_state(self, key: str) -> str | None:
        """ "the Bush administration": the state of the people of that name, if all share one."""
        people = self.kb.surnamed(key) or [a for a in self.kb.named(key) if a.kind == "person"]
        countries = {a.country for a in people if a.country and a.offices}
        return countries.pop() if len(countries) == 1 else None

    def span(self, start: int, end: int) -> Span:
        """The tokens covering characters ``start`` to ``end`` of the text."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            raise ValueError(f"characters {start}-{end} are outside the text")
        return span

    def latest(self, ids: list[str], position: int) -> Actor:
        """Of several cast members, the one last mentioned before ``position``."""

        def last_before(key: str) -> int:
            positions = self.state.positions.get(key, [])  # in text order
            before = bisect.bisect_left(positions, position)
            return positions[before - 1] if before else -1

        return self.state.cast[max(ids, key=last_before)]

    def seat_in_name(self, span: Span) -> str | None:
        """The state of a capital an organisation is named after ("the United Bus Company of
        Tehran", "the University of Baghdad"): a body of a state's capital is of that state."""
        for token in span:
            if token.dep_ == "pobj" and token.head.lower_ in ("of", "in"):
                code = self.kb.by_metonym.get(normal(token.text))
                if code:
                    return code
        return None

    def sector_of(self, span: Span) -> str | None:
        """The sector named by the longest role noun in a span ("foreign ministry" → GOV)."""
        words = [normal(t.lemma_ if t.tag_ in ("NNS", "NNPS") else t.text) for t in span]
        for size in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - size, -1, -1):
                sector = self.kb.agents.get(" ".join(words[i : i + size]))
                if sector:
                    return sector
        return None
