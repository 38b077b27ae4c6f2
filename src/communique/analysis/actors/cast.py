"""The cast pass: the people an article names in full, wherever they appear, so that a headline
that says only "Wang" finds the Wang the article is about."""

from __future__ import annotations

from spacy.tokens import Span

from communique.analysis.actors.context import (
    LinkContext,
    capitalised,
)
from communique.analysis.actors.gender import note_gender, note_storm
from communique.analysis.actors.roles import read_roles
from communique.kb import Actor, normal, slug
from communique.records import Mention


def set_cast(ctx: LinkContext, entities: list[tuple[Mention, Span]]) -> None:
    """People named in full anywhere in the article, and what the text says they are."""
    for mention, span in entities:
        if len(ctx.name_tokens(span)) < 2 and mention.label != "PERSON":
            continue
        if note_storm(ctx, span):
            continue  # "Cyclone Delia": no one
        actor, _ = by_name(ctx, span, ("person",))
        if actor is None and mention.label == "PERSON" and looks_like_name(ctx, span):
            actor = new_person(ctx, span)
        if actor is not None and actor.kind == "person":
            join_cast(ctx, actor)
            read_roles(ctx, actor, span)
            note_gender(ctx, actor, span)


def join_cast(ctx: LinkContext, actor: Actor) -> None:
    if actor.id in ctx.state.cast:
        return
    ctx.state.cast[actor.id] = actor
    names = {actor.surname or actor.name.split()[-1], actor.name.split()[-1]}
    for name in names:
        ids = ctx.state.surnames.setdefault(normal(name), [])
        if actor.id not in ids:
            ids.append(actor.id)


def looks_like_name(ctx: LinkContext, span: Span) -> bool:
    """Two or more capitalised words: what a person's name written in full looks like."""
    tokens = ctx.name_tokens(span)
    return len(tokens) >= 2 and all(capitalised(t.text) for t in tokens)


def new_person(ctx: LinkContext, span: Span) -> Actor:
    """Someone the knowledge base does not know, with the state the text ties them to."""
    tokens = ctx.name_tokens(span)
    country = None
    # "Jordan's King Abdullah II": the state and the title are not the name.
    while len(tokens) > 1 and (state := ctx.state_named(tokens[0])):
        country, tokens = country or state, tokens[1:]
        while len(tokens) > 1 and _title(ctx, tokens[0].lower_.strip(".")):
            tokens = tokens[1:]
    name = " ".join(token.text for token in tokens)
    key = f"person:{slug(name)}"
    actor = ctx.state.new.get(key) or ctx.kb.actors.get(key)
    if actor is None:
        country = country or leader_country(ctx, span)
        sector = "GOV" if country and ctx.titled(span) else None
        actor = Actor(id=key, name=name, kind="person", surname=name.split()[-1],
                      country=country, sector=sector)  # fmt: skip
        ctx.state.new[key] = actor
    return actor


def leader_country(ctx: LinkContext, span: Span) -> str | None:
    """For "President X" with no nationality: the one state its sentence names, if one."""
    if not ctx.titled(span):
        return None
    states = set()
    for token in span.sent:
        if token.i in range(span.start, span.end):
            continue
        state = ctx.state_named(token)
        if state is None and token.ent_type_ in ("GPE", "LOC"):
            place = ctx.places.get(normal(token.text))
            state = place.country if place else None
        if state:
            states.add(state)
    return states.pop() if len(states) == 1 else None


def by_name(
    ctx: LinkContext, span: Span, kinds: tuple[str, ...]
) -> tuple[Actor | None, str | None]:
    """The knowledge-base actor a span names, preferring ``kinds`` and the cast."""
    texts = [span.text, " ".join(t.text for t in ctx.name_tokens(span))]
    for text in texts:
        candidates = ctx.kb.named(text)
        if not candidates:
            continue
        actor = ctx.choose(candidates, kinds)
        how = "name" if normal(text) == normal(actor.name) else "alias"
        return actor, how
    return None, None


def _title(ctx: LinkContext, word: str) -> bool:
    """Whether a word is a title or a royal one ("President", "King")."""
    return word in ctx.words.title_words or word in ctx.words.royal_words
