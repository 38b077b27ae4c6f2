"""The article as the event stages share it: linked mentions with an index to look them
up, the actors, the statements that tell each stretch, and the groups of actors named so far."""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from spacy.tokens import Doc, Token

from communique.analysis.entities import EntityIndex
from communique.analysis.resources import Resources
from communique.records import ActorRef, Mention, Participant, Statement

Group = tuple[int, tuple[Participant, ...]]  # actors named together, and the offset where


def last_before(first: list[Group], second: list[Group], offset: int) -> Group | None:
    """The last group before ``offset`` of two lists in offset order, taken together as a
    stable sort would put them (``first`` before ``second`` at equal offsets)."""
    i = bisect.bisect_left(first, offset, key=lambda group: group[0])
    j = bisect.bisect_left(second, offset, key=lambda group: group[0])
    a = first[i - 1] if i else None
    b = second[j - 1] if j else None
    return b if b is not None and (a is None or b[0] >= a[0]) else a


class FirstHolding:
    """Of numbered stretches of a text, the lowest-numbered one that holds an offset.

    A sweep over the stretches' ends, done once, gives the answer between each two ends; asking
    is then a bisection, not a walk over every stretch.
    """

    def __init__(self, stretches: Sequence[tuple[int, int, int]]) -> None:
        ordered = sorted(stretches, key=lambda stretch: stretch[0])
        self.bounds = sorted({point for start, end, _ in stretches for point in (start, end)})
        self.holders: list[int | None] = []
        open_: list[tuple[int, int]] = []  # (number, end), lowest number first
        at = 0
        for bound in self.bounds:
            while at < len(ordered) and ordered[at][0] <= bound:
                heapq.heappush(open_, (ordered[at][2], ordered[at][1]))
                at += 1
            while open_ and open_[0][1] <= bound:
                heapq.heappop(open_)  # it ended; the next lowest number may not have
            self.holders.append(open_[0][0] if open_ else None)

    def first(self, offset: int) -> int | None:
        """The lowest number of the stretches that hold ``offset``, None when none does."""
        at = bisect.bisect_right(self.bounds, offset) - 1
        return self.holders[at] if at >= 0 else None


# A dateline: a place in capitals at the start of a story or line, with its country or date and
# the agency, before a dash or colon ("KABUL -", "THE HAGUE, Netherlands --", "WASHINGTON (AP) —",
# "ADDIS ABABA, May 15 (Xinhua) --"). It says where the story was filed: no side of an event.
DATELINE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[A-Z][A-Z.'’-]*[ \t]+)*[A-Z]{3}[A-Z.'’-]*"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[\w.]+){0,3})?[ \t]*(?:\([^()\n]{1,30}\))?"
    r"[ \t]*(?:-{1,2}|—|–|:|\"|”|“)(?=\s)"
)


def datelines(text: str) -> list[tuple[int, int]]:
    """The stretches of a text that are datelines, in offset order."""
    return [match.span() for match in DATELINE.finditer(text)]


# A state is what a story is about when it has at least this many mentions and this share of
# all the mentions that carry a country.
HOME_MENTIONS = 3
HOME_SHARE = 0.4


def home_state(
    mentions: Sequence[Mention], actors: Mapping[str, ActorRef], states: Mapping[str, int]
) -> str | None:
    """The state a story is about: the country its linked mentions name most, when it leads
    clearly; None for a story spread over several."""
    counts: dict[str, int] = {}
    for mention in mentions:
        actor = actors.get(mention.actor_id or "")
        code = actor.country if actor is not None else None
        if code is not None and code in states:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    country, most = max(counts.items(), key=lambda item: (item[1], item[0]))
    share = most / sum(counts.values())
    return country if most >= HOME_MENTIONS and share >= HOME_SHARE else None


class EventContext:
    """One article as the event stages see it: the parse, the linked mentions and their
    actors, the statements, and the groups of actors named so far."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        published: date | None,
        mentions: Sequence[Mention],
        actors: Sequence[ActorRef],
        statements: Sequence[Statement],
        sentence_of: Callable[[int], int],
        resources: Resources,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.article_id = article_id
        self.published = published
        self.resources = resources
        self.kb = resources.kb
        self.triggers = resources.triggers
        self.words = resources.words
        self.sentence_of = sentence_of
        self.statements = statements
        self.told = FirstHolding(
            [(s, e, n) for n, statement in enumerate(statements) for s, e in statement.fragments]
        )
        self.mentions = sorted((m for m in mentions if m.actor_id), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.first_mention: dict[str, Mention] = {}  # where the article first names each actor
        for mention in self.mentions:
            self.first_mention.setdefault(mention.actor_id or "", mention)
        self.actors = {actor.id: actor for actor in actors}
        self.entities = EntityIndex(doc)
        self.groups: list[Group] | None = None
        self.event_groups: list[Group] = []  # in offset order
        # Of each, the groups that name two people or more.
        self.people_groups: list[Group] = []
        self.people_event_groups: list[Group] = []
        self.plural_sides: list[Group] = []  # sides naming many, for "they" (offset order)
        self.taken: list[Participant] = []  # the actors of the event whose recipient is sought
        self.home = home_state(self.mentions, self.actors, resources.states)
        self.datelines = datelines(self.text)

    def in_dateline(self, token: Token) -> bool:
        """Whether a token is part of a dateline ("KABUL -", "WASHINGTON (AP) —")."""
        return any(start <= token.idx < end for start, end in self.datelines)

    def people(self, group: Group) -> bool:
        """Whether a group names two people or more."""
        return sum(self.kind(p) == "person" for p in group[1]) >= 2

    def kind(self, participant: Participant) -> str | None:
        actor = self.actors.get(participant.actor_id or "")
        return actor.kind if actor else None

    def mention(self, token: Token) -> Mention | None:
        """The linked mention that covers a token (the last one to start, of several)."""
        i = bisect.bisect_right(self.starts, token.idx) - 1
        # One that starts further back than the longest mention cannot reach the token.
        while i >= 0 and self.mentions[i].start > token.idx - self.longest:
            mention = self.mentions[i]
            if token.idx < mention.end:
                return mention
            i -= 1
        return None

    def statement(self, offset: int) -> Statement | None:
        """The first statement whose words hold a character, if any."""
        number = self.told.first(offset)
        return self.statements[number] if number is not None else None
