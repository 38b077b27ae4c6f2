"""The descriptions pass: definite descriptions ("the Russian leader", "Beijing's top
diplomat") and bodies named by nationality and role noun ("Chinese officials")."""

from __future__ import annotations

from spacy.tokens import Span

from communique.analysis.actors.cast import join_cast
from communique.analysis.actors.context import (
    Found,
    LinkContext,
    role_fits,
)
from communique.analysis.actors.names import acts
from communique.analysis.actors.rules import (
    SUBJECT_DEPS,
)
from communique.analysis.syntax import stance_word
from communique.kb import Actor, normal


def descriptions(ctx: LinkContext, covered: set[int]) -> list[Found]:
    """Definite descriptions ("the Russian leader") and subject pronouns ("he")."""
    found = []
    chunks = list(ctx.doc.noun_chunks)
    # Possessors are noun phrases of their own: "the Russian president's invitation".
    for token in ctx.doc:
        if (
            token.dep_ == "poss"
            and token.pos_ == "NOUN"
            and token.lower_ in ctx.words.descriptor_heads
        ):
            chunks.append(ctx.doc[token.left_edge.i : token.i + 1])
    for chunk in chunks:
        root = chunk.root
        if root.i in covered or any(
            t.i in covered and t.ent_type_ not in ("NORP", "GPE") for t in chunk
        ):
            continue
        if root.pos_ == "PRON":
            if root.lower_ in ("he", "she") and root.dep_ in SUBJECT_DEPS:
                found.append(
                    Found(
                        root.idx,
                        root.idx + len(root),
                        root.text,
                        "PRON",
                        None,
                        "pronoun?",
                        root,
                    )
                )
            continue
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in chunk)
        if (
            root.tag_ in ("NNS", "NNPS")
            or root.lower_ not in ctx.words.descriptor_heads
            or not definite
        ):
            # A body named by nationality and role noun: "Chinese officials", "Russian troops".
            owners = [c for c in root.children if c.dep_ == "poss"]
            first = max([o.right_edge.i + 1 for o in owners] + [chunk.start])
            if first > root.i or not acts(ctx, root):
                continue
            country = country_in(ctx, ctx.doc[first : root.i + 1])
            head = ctx.doc[first : root.i + 1]
            sector = ctx.sector_of(head) if country else None
            if country and sector:
                body = ctx.kb.body(country, sector)
                start, end, text = chunk.start_char, chunk.end_char, chunk.text
                found.append(Found(start, end, text, "NOUN", body, "composed", root))
            continue
        end = chunk.end
        # "the head of state": the prepositional part belongs to the description.
        if root.lower_ == "head" and root.nbor(1).lower_ == "of" and end < len(ctx.doc):
            end = root.nbor(2).i + 1 if root.i + 2 < len(ctx.doc) else end
        span = ctx.doc[chunk.start : end]
        found.append(
            Found(span.start_char, span.end_char, span.text, "NOUN", None, "descriptor?", root)
        )
    return found


def describe(ctx: LinkContext, span: Span) -> tuple[str | None, str | None]:
    """The role phrase and the country a description names ("Beijing's top diplomat")."""
    lowered = normal(span.text)
    phrase = next((p for p in ctx.words.descriptor_phrases if p in lowered), None)
    return phrase, country_in(ctx, span)


def place_names(ctx: LinkContext, span: Span) -> tuple[set[int], str | None]:
    """The words of the place names of several words in a phrase, and the state the first of
    them stands for: a word inside "Hong Kong" or "New York" is no one's surname."""
    places = [e for e in span.doc.ents if e.label_ in ("GPE", "LOC") and len(e) > 1
              and span.start <= e.start and e.end <= span.end]  # fmt: skip
    inside = {token.i for place in places for token in place}
    return inside, next((c for place in places if (c := place_state(ctx, place.text))), None)


def place_state(ctx: LinkContext, name: str) -> str | None:
    """The state a place name stands for: a state of that name, a region of one, or the state
    the gazetteer puts a town in."""
    key = normal(name)
    states = [a for a in ctx.kb.named(key) if a.kind == "state"]
    if states:
        return states[0].id
    place = ctx.places.get(key)
    return ctx.kb.by_region.get(key) or (place.country if place is not None else None)


def country_in(ctx: LinkContext, span: Span) -> str | None:
    """The state a noun phrase's modifiers name: "Chinese", "Beijing's", "Russia's", "Hong
    Kong" (a place name of several words)."""
    inside, country = place_names(ctx, span)
    for token in span:
        if token.dep_ not in ("poss", "amod", "compound", "nmod") or stance_word(token):
            continue
        if token.i in inside:
            continue
        key = normal(token.text)
        country = country or (
            ctx.kb.by_demonym.get(key)
            or ctx.kb.by_metonym.get(key)
            or next((a.id for a in ctx.kb.named(key) if a.kind == "state"), None)
            or (ctx.kb.by_region.get(key) if token.pos_ == "PROPN" else None)
            or (ctx.leaders_state(key) if token.pos_ == "PROPN" else None)
        )
    return country


def resolve_description(ctx: LinkContext, item: Found) -> None:
    span = ctx.span(item.start, item.end)
    phrase, country = describe(ctx, span)
    if phrase is None:
        return
    leader = ctx.kb.countries[country].leader if country in ctx.kb.countries else None

    def fitting(actor: Actor) -> bool:
        if (
            country
            and actor.country != country
            and not any(o.country == country for o in actor.offices)
        ):
            return False
        offices = actor.offices_on(ctx.day) if ctx.day else actor.offices
        if any(role_fits(office, phrase, leader, ctx.words) for office in offices):
            return True
        return any(phrase.split()[-1] in role for role in ctx.state.text_roles.get(actor.id, []))

    candidates = [key for key, actor in ctx.state.cast.items() if fitting(actor)]
    if candidates:
        item.actor, item.how = ctx.latest(candidates, item.start), "descriptor"
        return
    if country and ctx.day:
        # The holder of that state's office; too broad a phrase ("the minister") names none.
        kinds = () if phrase in ("diplomat", "minister") else ctx.words.role_kinds.get(phrase, ())
        if phrase == "leader" and leader:
            kinds = (leader,)
        holders = ctx.kb.holders(country, kinds, ctx.day)
        if len(holders) == 1:
            item.actor, item.how = holders[0], "descriptor-kb"
            join_cast(ctx, holders[0])
            return
    if country:  # someone of that state's government, military, ...: the body stands in
        sector = ctx.sector_of(span) or "GOV"
        item.actor, item.how = ctx.kb.body(country, sector), "composed"
