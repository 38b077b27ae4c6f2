"""PLOVER-coded events: who did what to whom, when and where, from one parsed article.

A trigger (a verb such as "met", or a noun such as "talks" after a light verb such as
"held") is matched against the trigger lexicon (:mod:`communique.analysis.triggers`); the
sides come from the parse around it: the subject is the actor, the object or the object of
the preposition the event type takes is the recipient, a passive's agent is the actor.
Each side is resolved through the actor mentions the linker found. The event keeps its
trigger span, its modality (negated, future, hypothetical, claimed) and, when it is told
inside a statement, the statement and the reporting chain. When the sentence counts the
dead, injured or arrested ("killing 12 people", "41 wounded"), the event it belongs to
keeps the count (PLOVER's size) and the span of the number.

The events of a sentence are found trigger by trigger, each through ``STAGES`` in order (a
draft event that gets no side is dropped); then the sentence's ``FINISHING`` passes look at
its events together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from communique.analysis.dates import event_date
from communique.analysis.events.coding import PROMISED, REFUSED, STATE_ACTS, THREATENED
from communique.analysis.events.context import EventContext
from communique.analysis.events.matching import acts, matches
from communique.analysis.events.modality import intended, modality_of
from communique.analysis.events.participants import event_group, plural_side
from communique.analysis.events.placing import (
    aimed,
    home_visit,
    landing_of,
    placed,
    size,
    via,
)
from communique.analysis.events.sides import sides
from communique.analysis.passes import Pass
from communique.analysis.places import event_place, purpose_place
from communique.analysis.syntax import agentless
from communique.analysis.triggers import Match, threat_mode
from communique.ontology import plover
from communique.records import Event, Participant, Statement, When, Where

__all__ = ["FINISHING", "STAGES", "EventContext", "find_events"]


@dataclass
class Draft:
    """One trigger of a sentence on its way to an event; each stage fills some fields."""

    context: EventContext
    sentence: Span
    entities: Sequence[Span]
    hit: Match
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    dropped: bool = False
    statement: Statement | None = None
    modality: str = "asserted"
    negated: bool = False
    type: str = ""
    mode: str | None = None
    coding: plover.Mode | None = None
    where: Where | None = None
    when: When | None = None


def find_sides(draft: Draft) -> None:
    """Who acts and who receives; a trigger with neither is dropped. A meeting's parties
    are remembered as a group ("the two sides" later names them)."""
    draft.actors, draft.recipients = sides(draft.context, draft.hit)
    if not draft.actors and not draft.recipients:
        draft.dropped = True
    elif draft.hit.type == "CONSULT" and len(draft.actors) + len(draft.recipients) >= 2:
        event_group(draft.context, (draft.hit.token.idx, (*draft.actors, *draft.recipients)))


def find_modality(draft: Draft) -> None:
    """The statement that tells the event, if any, and the event's modality."""
    draft.statement = draft.context.statement(draft.hit.token.idx)
    draft.modality, draft.negated = modality_of(draft.context, draft.hit, draft.statement)


def find_type(draft: Draft) -> None:
    """The PLOVER type and mode, with commitments and plans coded as PLOVER codes them."""
    hit = draft.hit
    draft.type, draft.mode = hit.type, hit.mode or None
    if hit.trigger.type == "AGREE" and draft.type != "AGREE":
        # "agreed to resign", "offered to host talks": the commitment is coded
        draft.type, draft.mode = "AGREE", None
    elif draft.modality == "future" and draft.type in PROMISED:
        # PLOVER codes a planned meeting, visit or aid as an agreement to it,
        # and an announced retreat as a concession.
        draft.type, draft.mode = PROMISED[draft.type], None
    elif draft.modality == "future" and draft.type in THREATENED:
        # "will impose a curfew", "said it would boycott the vote": a threat of the act
        draft.type, draft.mode = "THREATEN", threat_mode(draft.type, draft.mode)
    elif draft.negated and draft.type in REFUSED and intended(draft.context, hit):
        # "will not lift the ban", "won't cooperate": a refusal, coded as PLOVER codes one
        # (REJECT, with the mode of what is refused), said of the future
        draft.type, draft.mode = "REJECT", REFUSED[draft.type]
        draft.modality, draft.negated = "future", False


def find_coding(draft: Draft) -> None:
    """The quad class, CAMEO code and Goldstein value of the type and mode (the ontology's
    crosswalk); a request worded as an appeal takes CAMEO's appeal code and value, and a
    trigger whose wording decides the CAMEO code (a denial) that code."""
    ontology = draft.context.resources.ontology
    try:
        draft.coding = ontology.mode(draft.type, draft.mode)
    except KeyError:
        draft.coding = None
        return
    lemma = draft.hit.token.lemma_.lower()
    if draft.type == "REQUEST" and lemma in draft.context.words.appeal_words:
        # "urged", "called on": an appeal (CAMEO 02), not a demand (CAMEO 10)
        draft.coding = ontology.appeal(draft.mode)
    elif draft.hit.trigger.cameo and draft.type == draft.hit.trigger.type:
        # the wording decides the CAMEO code: a denial is 016, not 120
        draft.coding = ontology.recoded(draft.coding, draft.hit.trigger.cameo)


def find_place(draft: Draft) -> None:
    """Where the event happened, and the sides the place settles ("blew themselves up in
    Tel Aviv": the place's state is on the receiving end)."""
    res, sentence, hit = draft.context.resources, draft.sentence, draft.hit
    entities = draft.entities
    where = event_place(sentence, hit.head, res, entities)
    for act in acts(hit, draft.context.words):
        # "threatened to resume attacks in Israel", "agreed to set up a centre in
        # Tokyo": where the threatened or promised act is
        where = where or event_place(sentence, act, res, entities)
    # "sent observers to Bosnia to investigate": the investigation is in Bosnia
    where = where or purpose_place(sentence, hit.head, res, entities)
    landing = landing_of(hit.type, hit.mode, draft.actors, where)
    if not draft.recipients and where is not None and landing:
        draft.recipients = [
            Participant(where.text_start, where.text_end, where.text, landing, landing)
        ]
    draft.actors, draft.recipients = placed(
        draft.context, hit.type, draft.actors, draft.recipients, where
    )
    draft.where = where
    if hit.type == "CONSULT" and hit.mode == "visit" and home_visit(draft.actors, draft.recipients):
        draft.dropped = True
    for actor in draft.actors:
        plural_side(draft.context, actor)
    if not draft.actors and agentless(hit.head):
        state = where.country if where is not None and hit.type in STATE_ACTS else None
        if state is not None and where is not None:
            # "was arrested in Rwanda", "were freed in Libya": by that state's authorities
            draft.actors = [Participant(where.text_start, where.text_end, where.text, state, state)]
        else:
            # "was arrested", "were killed": PLOVER codes no event without its actor
            draft.dropped = True


def find_date(draft: Draft) -> None:
    """When the event happened, resolved against the publication date."""
    future = draft.modality == "future"
    ctx = draft.context
    draft.when = event_date(
        draft.sentence, draft.hit.head, ctx.published, ctx.words, future, draft.entities
    )


# Each trigger's stages, in order. They read and add fields of a ``Draft``.
STAGES: tuple[Pass[Draft], ...] = (
    Pass("sides", find_sides, ("hit",), ("actors", "recipients", "dropped")),
    Pass("modality", find_modality, ("hit",), ("statement", "modality", "negated")),
    Pass("type", find_type, ("hit", "modality"), ("type", "mode", "modality", "negated")),
    Pass("coding", find_coding, ("type", "mode"), ("coding",)),
    Pass(
        "place",
        find_place,
        ("hit", "actors", "recipients"),
        ("where", "actors", "recipients", "dropped"),
    ),
    Pass("date", find_date, ("hit", "modality"), ("when",)),
)


@dataclass(frozen=True)
class Finishing:
    """A pass over one sentence's events together: the events so far, the index of the
    sentence's first, and the trigger heads of the sentence's events."""

    name: str
    run: Callable[[EventContext, list[Event], int, list[Token], Span], None]


FINISHING: tuple[Finishing, ...] = (
    # An event with no recipient takes that of the act it is done for.
    Finishing("aimed", lambda ctx, events, first, heads, sentence: aimed(events, first, heads)),
    # Counts of dead, injured or arrested go to the event they belong to.
    Finishing("size", size),
)


def _event(draft: Draft, index: int) -> Event:
    ctx, trigger, statement = draft.context, draft.hit.token, draft.statement
    assert draft.when is not None, "the date stage runs on every event"
    return Event(
        article_id=ctx.article_id,
        index=index,
        sentence=ctx.sentence_of(trigger.idx),
        type=draft.type,
        mode=draft.mode,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger),
        trigger=trigger.lemma_.lower(),
        actors=tuple(draft.actors),
        recipients=tuple(draft.recipients),
        when=draft.when,
        where=draft.where,
        modality=draft.modality,
        negated=draft.negated,
        via=via(ctx, statement),
        statement=statement.index if statement is not None else None,
        quad=draft.coding.quad if draft.coding else None,
        cameo=draft.coding.cameo if draft.coding else None,
        goldstein=draft.coding.goldstein if draft.coding else None,
    )


def find_events(ctx: EventContext) -> tuple[Event, ...]:
    """The events of the article, sentence by sentence, trigger by trigger."""
    events: list[Event] = []
    for sentence in ctx.doc.sents:
        entities = ctx.entities.within(sentence)
        first = len(events)
        heads: list[Token] = []  # the trigger heads of the sentence's events
        for hit in matches(ctx, sentence):
            draft = Draft(ctx, sentence, entities, hit)
            for stage in STAGES:
                stage.run(draft)
                if draft.dropped:
                    break
            if draft.dropped:
                continue
            events.append(_event(draft, len(events)))
            heads.append(hit.head)
        for finishing in FINISHING:
            finishing.run(ctx, events, first, heads, sentence)
    return tuple(events)
