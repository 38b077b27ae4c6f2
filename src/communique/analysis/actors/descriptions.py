"""The descriptions pass: definite descriptions ("the Russian leader", "Beijing's top
diplomat") and bodies named by nationality and role noun ("Chinese officials")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from communique.analysis.actors.cast import by_name, join_cast
from communique.analysis.actors.context import (
    Found,
    LinkContext,
    role_fits,
)
from communique.analysis.actors.names import acts
from communique.analysis.actors.rules import (
    LABEL_KINDS,
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
            t.i in covered and t.ent_type_ not in ("NORP", "GPE") and not titling(ctx, t)
            for t in chunk
        ):
            continue
        if root.pos_ == "PRON":
            if subject_pronoun(ctx, root):
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
            start, end, text = chunk.start_char, chunk.end_char, chunk.text
            if country and sector:
                body = ctx.kb.body(country, sector)
                found.append(Found(start, end, text, "NOUN", body, "composed", root))
            elif country is None and named_before(ctx, chunk):
                found.append(Found(start, end, text, "NOUN", None, "body?", root))
            name = body_name(ctx, chunk, covered)
            if name is not None:  # "the Zanu PF party": an organisation the model missed
                actor, how = by_name(ctx, name, LABEL_KINDS["ORG"])
                found.append(Found(name.start_char, name.end_char, name.text, "ORG", actor,
                                   how or "surname?", name.root))  # fmt: skip
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


def subject_pronoun(ctx: LinkContext, token: Token) -> bool:
    """ "he" or "she" as a subject; "it" as the subject of a verb of saying ("it said")."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    if token.lower_ in ("he", "she"):
        return True
    verb = token.head
    return token.lower_ == "it" and (
        verb.lemma_ in ctx.words.cue_verbs or verb.lemma_ in ctx.words.speech_verbs
    )


def titling(ctx: LinkContext, token: Token) -> bool:
    """Whether a word of an organisation's name titles a description: "the Commerce chief"."""
    root = token.head
    while root.dep_ == "compound" and root.head != root:
        root = root.head
    return (
        token.ent_type_ == "ORG"
        and token.dep_ == "compound"
        and root.lower_ in ctx.words.descriptor_heads
        and root.tag_ == "NN"
        and any(t.lower_ == "the" for t in root.children)
    )


def named_before(ctx: LinkContext, chunk: Span) -> bool:
    """Whether a definite description may stand for a body the text named: "the group",
    "the association", "the officials" (after "Iraqi officials")."""
    root = chunk.root
    if not any(t.lower_ in ("the", "this") and t.dep_ == "det" for t in chunk):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False  # "the group of protesters"
    if root.tag_ == "NNS":
        return True
    return root.tag_ == "NN" and root.lower_ in ctx.words.body_nouns


def body_name(ctx: LinkContext, chunk: Span, covered: set[int]) -> Span | None:
    """The name in "the Zanu PF party", "the Mahdi Army militia": capitalised words before a
    noun for a body, none of them an entity the model tagged."""
    root = chunk.root
    if root.tag_ != "NN" or root.lower_ not in ctx.words.body_nouns:
        return None
    words = [t for t in chunk if t.i < root.i and t.dep_ == "compound"]
    if not words or any(t.pos_ != "PROPN" or t.i in covered for t in words):
        return None
    if words[-1].i != root.i - 1 or words[-1].i - words[0].i != len(words) - 1:
        return None
    return ctx.doc[words[0].i : root.i]


def describe(ctx: LinkContext, span: Span) -> tuple[str | None, str | None]:
    """The role phrase and the country a description names ("Beijing's top diplomat")."""
    lowered = normal(span.text)
    phrase = next((p for p in ctx.words.descriptor_phrases if p in lowered), None)
    return phrase, country_in(ctx, span)


def place_names(ctx: LinkContext, span: Span) -> tuple[set[int], str | None]:
    """The words of the place names of several words in a phrase, and the state the first of
    them stands for: a word inside "Hong Kong" or "New York" is no one's surname."""
    places = [e for e in ctx.entities.within(span) if e.label_ in ("GPE", "LOC") and len(e) > 1]
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
    # "the Commerce chief", "the military spokesperson": the cast member the text gave a role
    # or an organisation holding the description's other words.
    modifiers = {
        word
        for token in span
        if token.i != item.token.i
        and token.pos_ in ("NOUN", "PROPN", "ADJ")
        and not ctx.state_named(token)
        for word in WORD.findall(token.lower_)
    }
    if modifiers:
        described = [key for key in ctx.state.cast if modifiers <= role_words(ctx, key)]
        if described:
            item.actor, item.how = ctx.latest(described, item.start), "descriptor"
            # What the text calls them now fits a shorter description later: "the spokesperson".
            words = [t.lower_ for t in span if t.pos_ not in ("DET", "PUNCT")]
            ctx.state.text_roles.setdefault(item.actor.id, []).append(" ".join(words))
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


WORD = re.compile(r"[^\W\d_]+")


def role_words(ctx: LinkContext, key: str) -> set[str]:
    """The words of the roles and organisations the text gives a cast member."""
    texts = list(ctx.state.text_roles.get(key, []))
    texts += [role.organisation for role in ctx.roles if role.actor_id == key and role.organisation]
    return {word for text in texts for word in WORD.findall(text.lower())}
