"""What the place of an event settles (whose state is on the receiving end), the reporting
chain of the statement that tells it, and the passes over a sentence's events together
(aimed acts, casualty counts)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from communique.analysis.events.casualties import casualties
from communique.analysis.events.coding import (
    DOMESTIC_TYPES,
    PLACE_NEUTRAL,
    PLACE_TARGETS,
    SIZED_TYPES,
)
from communique.analysis.events.context import EventContext
from communique.analysis.places import is_purpose
from communique.records import Event, Participant, Statement, Where


def landing_of(
    kind: str, mode: str | None, actors: list[Participant], where: Where | None
) -> str | None:
    """The state an event with no one named on the receiving end lands on: the state it
    happens in, always for the types that act on a place (an attack, a deployment);
    for the others (an embassy opened in Tehran, a centre set up in Tokyo, a visit to
    Beijing: its host) only when the place is abroad, not the actors' own state, and the
    event is not a meeting at a neutral place."""
    if where is None or not where.country:
        return None
    if kind in PLACE_TARGETS:
        return where.country
    abroad = where.country not in {p.country for p in actors}
    neutral = kind in PLACE_NEUTRAL and mode != "visit"
    return where.country if abroad and not neutral else None


def home_visit(actors: list[Participant], recipients: list[Participant]) -> bool:
    """Whether a visit goes only to the visitors' own state ("flew back to Beijing"): a
    journey home, no visit. A state or its capital as recipient is a place here."""
    home = {p.country for p in actors if p.country}
    return bool(home and recipients) and all(
        p.country in home and p.actor_id == p.country for p in recipients
    )


def placed(
    ctx: EventContext,
    kind: str,
    actors: list[Participant],
    recipients: list[Participant],
    where: Where | None,
) -> tuple[list[Participant], list[Participant]]:
    """Give a state to the groups no actor names ("demonstrators", "prisoners"): the
    state the event happens in, else, for events within a state (arrests, protests),
    the state of the other side."""

    def state(side: list[Participant], other: list[Participant]) -> list[Participant]:
        country = where.country if where is not None and where.country else None
        if country is None and kind in DOMESTIC_TYPES:
            country = next((p.country for p in other if p.country), None)
        if country is None:
            return side
        return [replace(p, country=country) if p.country is None else p for p in side]

    return state(actors, recipients), state(recipients, actors)


def via(ctx: EventContext, statement: Statement | None) -> tuple[str, ...]:
    if statement is None:
        return ()
    speaker = statement.speaker_id or statement.speaker_text
    return tuple(dict.fromkeys([*(v for v in (speaker,) if v), *statement.via]))


def aimed(events: list[Event], first: int, heads: list[Token]) -> None:
    """Give an event that names no recipient the recipient of the act it is done for:
    "opened fire to disperse the demonstrators" is aimed at the demonstrators. The
    purpose is an infinitive clause of the trigger with the same doer."""
    by_head = {heads[i - first].i: i for i in range(first, len(events))}
    for i in range(first, len(events)):
        if events[i].recipients:
            continue
        for clause in heads[i - first].children:
            j = by_head.get(clause.i) if is_purpose(clause) else None
            if j is None or not events[j].recipients or events[j].actors != events[i].actors:
                continue
            recipients = tuple(r for r in events[j].recipients if r not in events[i].actors)
            events[i] = replace(events[i], recipients=recipients)
            break


def size(
    ctx: EventContext, events: list[Event], first: int, heads: list[Token], sentence: Span
) -> None:
    """Give each count of dead, injured or arrested in the sentence to one event of it
    that can have casualties: the event of the counting verb itself ("killed 23
    people"), else the nearest event above it in the parse ("struck Kharkiv, killing 12
    people"), else the first below it ("12 people died when forces shelled Kharkiv")."""
    sized = [i for i in range(first, len(events)) if events[i].type in SIZED_TYPES]
    for verb, size in casualties(sentence, ctx.words, ctx.text):
        by_head = {heads[i - first].i: i for i in reversed(sized)}
        chain = [verb, *verb.ancestors]
        owner = next((by_head[t.i] for t in chain if t.i in by_head), None)
        if owner is None:
            owner = next((i for i in sized if verb in heads[i - first].ancestors), None)
        if owner is None or any(s.kind == size.kind for s in events[owner].sizes):
            continue
        events[owner] = replace(events[owner], sizes=(*events[owner].sizes, size))
