"""The names pass: entity mentions resolved by name, alias, metonym ("the Kremlin"), demonym or
place, and knowledge-base names the entity recogniser missed."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.analysis.actors.cast import by_name, join_cast
from communique.analysis.actors.context import (
    Found,
    LinkContext,
)
from communique.analysis.actors.gender import no_one
from communique.analysis.actors.rules import (
    KINDS,
    LABEL_KINDS,
    PERSON_KINDS,
    re_dash,
)
from communique.kb import normal
from communique.records import Mention


def resolve_entity(ctx: LinkContext, mention: Mention, span: Span) -> Found:
    found = Found(mention.start, mention.end, mention.text, mention.label, None, None, span.root)
    if mention.label == "PERSON" and no_one(ctx, span):
        return found  # "Cyclone Delia", "JFK airport": no one
    kinds = LABEL_KINDS.get(mention.label, ("person", "institution", "igo", "state"))
    key = normal(" ".join(t.text for t in ctx.name_tokens(span)))
    if mention.label != "PERSON" and key in ctx.kb.by_metonym and not ctx.kb.named(key):
        return metonym(ctx, found, ctx.kb.by_metonym[key])
    actor, how = by_name(ctx, span, kinds)
    if actor is not None and not (actor.kind == "state" and key in ctx.kb.by_metonym):
        found.actor, found.how = actor, how
        if actor.kind == "person":
            join_cast(ctx, actor)
        return found
    if key in ctx.kb.by_metonym:
        return metonym(ctx, found, ctx.kb.by_metonym[key])
    if key in ctx.kb.by_demonym:
        found.actor, found.how = ctx.kb.state(ctx.kb.by_demonym[key]), "demonym"
        return found
    if pair(ctx, span):
        return found  # "Sino-Russian", "China–Russia": both sides, no one actor
    if mention.label in ("GPE", "LOC", "FAC", "NORP") and key in ctx.kb.by_region:
        found.actor, found.how = ctx.kb.state(ctx.kb.by_region[key]), "place"
        return found
    if mention.label in ("GPE", "LOC", "FAC") and key in ctx.places:
        place = ctx.places[key]
        if place.country in ctx.kb.countries:
            found.actor, found.how = ctx.kb.state(place.country), "place"
            return found
    found.how = "surname?"  # settled in reading order, once the cast is known
    return found


def pair(ctx: LinkContext, span: Span) -> bool:
    """Whether a span joins two states with a hyphen or dash ("Sino-Russian")."""
    parts = [normal(part) for part in re_dash.split(span.text) if part.strip()]
    if len(parts) < 2:
        return False
    return all(
        part in ctx.kb.by_demonym
        or part in ctx.kb.by_prefix
        or part in ctx.kb.by_metonym
        or any(a.kind == "state" for a in ctx.kb.named(part))
        for part in parts
    )


def metonym(ctx: LinkContext, found: Found, country: str) -> Found:
    token = found.token
    seat = normal(found.text) != normal(ctx.kb.countries[country].capital or "")
    if seat or acts(ctx, token):
        found.actor, found.how = ctx.kb.body(country, "GOV"), "metonym"
    else:  # where something happens: the place is in the state, no one acts
        found.actor, found.how = ctx.kb.state(country), "place"
    return found


def acts(ctx: LinkContext, token: Token) -> bool:
    """Whether a place name stands for someone acting: a subject, an owner, an agent."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ in ctx.words.locative_preps:
            return False
        if prep.lower_ in ctx.words.motion_preps:
            return prep.head.lemma_ not in ctx.words.place_verbs
        return True
    if token.dep_ == "dobj":
        return token.head.lemma_ not in ctx.words.place_verbs
    return token.dep_ not in ("npadvmod", "advmod")


def extra_names(ctx: LinkContext, covered: set[int]) -> list[Found]:
    """Proper nouns spaCy did not tag that name a cast member, or a seat of power."""
    found = []
    runs: list[list[Token]] = []
    for token in ctx.doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    for run in runs:
        span = ctx.doc[run[0].i : run[-1].i + 1]
        key = normal(span.text)
        people = [a for a in ctx.kb.named(key) if a.kind == "person"]
        bodies = [a for a in ctx.kb.named(key) if a.kind != "person"] if len(key) > 2 else []
        if (people and len(run) > 1) or bodies:
            actor = ctx.choose(people or bodies, PERSON_KINDS if people else KINDS)
            item = Found(span.start_char, span.end_char, span.text, "PROPN", actor, "name",
                          span.root)  # fmt: skip
            join_cast(ctx, actor)
        elif len(run) == 1 and (
            key in ctx.state.surnames
            or (key in ctx.kb.by_metonym and len(key) > 3)
            or (span.text in ctx.state.acronyms and not defining(span))  # "BLA"
            or (titled(ctx, run[0]) and misspelling(ctx, key) is not None)  # "Chaundry"
        ):
            item = Found(span.start_char, span.end_char, span.text, "PROPN", None,
                          "surname?", span.root)  # fmt: skip
        elif len(run) == 1 and key in ctx.kb.by_demonym:
            # a nationality the model did not tag: "crimes committed by Croat forces"
            actor = ctx.kb.state(ctx.kb.by_demonym[key])
            item = Found(span.start_char, span.end_char, span.text, "PROPN", actor,
                          "demonym", span.root)  # fmt: skip
        else:
            continue
        found.append(item)
        covered.update(t.i for t in run)
    return found


def defining(span: Span) -> bool:
    """Whether an acronym is where the text defines it: "the Baloch Liberation Army (BLA)"."""
    doc = span.doc
    return span.start > 0 and span.end < len(doc) and (
        doc[span.start - 1].text, doc[span.end].text) == ("(", ")")  # fmt: skip


def misspelling(ctx: LinkContext, key: str) -> str | None:
    """The one cast surname a long surname is a slip of the pen for: a letter or two off
    ("Chaundry" for "Chaudhry", "Zelenskyy" for "Zelensky"), the same first letters."""
    if len(key) < 6 or " " in key:
        return None
    near = [
        name
        for name in ctx.state.surnames
        if name[:2] == key[:2]
        and abs(len(name) - len(key)) <= 1
        and edits(name, key) <= (2 if len(key) >= 7 else 1)
    ]
    return near[0] if len(near) == 1 else None


def edits(a: str, b: str) -> int:
    """The Levenshtein distance between two words."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def titled(ctx: LinkContext, token: Token) -> bool:
    """Whether a word has a title or role noun before it: "spokesperson Chaundry"."""
    return any(
        c.dep_ == "compound"
        and c.i < token.i
        and (c.lower_.strip(".") in ctx.words.title_words or c.lower_ in ctx.words.people_nouns)
        for c in token.children
    )
