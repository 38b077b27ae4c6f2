"""The in-order pass: surnames, descriptions and pronouns resolved in reading order, to the
person the text was last about."""

from __future__ import annotations

import bisect

from communique.analysis.actors.cast import join_cast, new_person
from communique.analysis.actors.context import (
    Found,
    LinkContext,
    Reading,
    capitalised,
)
from communique.analysis.actors.descriptions import place_names, resolve_description
from communique.analysis.actors.names import metonym
from communique.analysis.actors.rules import (
    SUBJECT_DEPS,
)
from communique.analysis.syntax import stance_word
from communique.kb import Actor, normal, slug


def resolve_in_order(ctx: LinkContext, found: list[Found]) -> list[Found]:
    reading = Reading()
    resolved: list[Found] = []
    for item in found:
        if item.how == "surname?":
            resolve_surname(ctx, item)
        elif item.how == "descriptor?":
            resolve_description(ctx, item)
        elif item.how == "pronoun?":
            resolve_pronoun(ctx, item, reading)
        if item.how and item.how.endswith("?"):
            item.how = None
            if item.label in ("PRON", "NOUN", "PROPN"):
                continue  # nothing to say about an unresolved description
        if item.actor is not None and item.actor.kind == "person":
            ctx.state.positions.setdefault(item.actor.id, []).append(item.start)
            subject = item.token.dep_ in SUBJECT_DEPS or is_subject(ctx, item)
            reading.meet(item.actor, item.token.sent.start, subject)
        reading.resolved(item.actor)
        resolved.append(item)
    return resolved


def is_subject(ctx: LinkContext, item: Found) -> bool:
    token = item.token
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def leading(ctx: LinkContext, actor: Actor) -> bool:
    """Whether a person holds a leading office on the article's day (with no day: ever)."""
    offices = actor.offices if ctx.day is None else actor.offices_on(ctx.day)
    return any(office.kind != "other" for office in offices)


def resolve_surname(ctx: LinkContext, item: Found) -> None:
    key = normal(" ".join(t.text for t in ctx.name_tokens(ctx.span(item.start, item.end))))
    ids = ctx.state.surnames.get(key)
    if ids:
        item.actor, item.how = ctx.latest(ids, item.start), "surname"
        return
    if key in ctx.kb.by_metonym:
        metonym(ctx, item, ctx.kb.by_metonym[key])
        return
    people = [a for a in ctx.kb.surnamed(key) if a.kind == "person"]
    # A surname alone names a known person only if he holds a leading office ("Obama",
    # "Lavrov"): among thousands of officials a "Wallace" or a "Fox" is someone else.
    current = [a for a in people if leading(ctx, a)]
    if len(current) == 1:
        item.actor, item.how = current[0], "surname-kb"
        join_cast(ctx, current[0])
        return
    span = ctx.span(item.start, item.end)
    names = ctx.name_tokens(span)
    if (
        item.label == "PERSON"
        and all(capitalised(t.text) for t in names)
        and not (len(names) == 1 and names[0].tag_ == "NNPS")  # "Uyghurs": a people
    ):
        actor = new_person(ctx, span)
        join_cast(ctx, actor)
        item.actor, item.how = actor, "new"
        return
    if item.label in ("ORG", "FAC", "GPE", "LOC", "NORP", "EVENT", "PRODUCT", "LAW"):
        compose(ctx, item)


def compose(ctx: LinkContext, item: Found) -> None:
    """A body named by nationality and role noun, or an organisation met in the text."""
    span = ctx.span(item.start, item.end)
    inside, country = place_names(ctx, span)
    for token in span:
        if stance_word(token) or token.i in inside:
            continue
        key = normal(token.text)
        country = country or ctx.kb.by_demonym.get(key) or ctx.kb.by_prefix.get(key)
        if country is None:
            states = [a for a in ctx.kb.named(key) if a.kind == "state"]
            country = states[0].id if states else None
        if country is None and token.pos_ == "PROPN":
            country = ctx.leaders_state(key)  # "the Bush administration"
    country = country or ctx.seat_in_name(span)
    sector = ctx.sector_of(span)
    if country and sector:
        item.actor, item.how = ctx.kb.body(country, sector), "composed"
        return
    if item.label == "ORG":
        name = " ".join(t.text for t in ctx.name_tokens(span))
        key = f"org:{slug(name)}"
        actor = ctx.state.new.get(key) or Actor(
            id=key, name=name, kind="group", country=country, sector=sector
        )
        ctx.state.new[key] = actor
        item.actor, item.how = actor, "new"


def resolve_pronoun(ctx: LinkContext, item: Found, reading: Reading) -> None:
    gender = "m" if item.token.lower_ == "he" else "f"

    def compatible(actor: Actor) -> bool:
        return actor.kind == "person" and actor.gender in (None, gender)

    sentence = item.token.sent
    subjects, people = reading.subjects, reading.people
    # The subject of this sentence, named before the pronoun ("Biden ..., where he met").
    for actor in subjects.get(sentence.start, []):
        if compatible(actor):
            item.actor, item.how = actor, "pronoun"
            return
    # The person the text was last about: the subject of an earlier sentence; where the
    # sentence just before names people but (as parsed) none as subject, the first of them.
    before = bisect.bisect_left(reading.people_starts, sentence.start)
    previous = reading.people_starts[before - 1] if before else None
    before = bisect.bisect_left(reading.subject_starts, sentence.start)
    earlier = reading.subject_starts[max(before - 6, 0) : before][::-1]
    if previous is not None and (not earlier or earlier[0] < previous):
        earlier.insert(0, previous)
    for start in earlier:
        pool = subjects.get(start) or people.get(start, [])
        for actor in pool if start == previous and start not in subjects else reversed(pool):
            if compatible(actor):
                item.actor, item.how = actor, "pronoun"
                return
    # Else the last person the text named whom the pronoun fits.
    last = reading.last.get(gender)
    if last is not None:
        item.actor, item.how = last, "pronoun"
