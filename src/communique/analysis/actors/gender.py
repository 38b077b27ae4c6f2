"""What the text tells of who a person is, for the pronouns to come: a gender from the given
name ("Maria Costa"), a title or honorific ("Mrs. Ruiz", "King Carlos"), or a role noun before
the name or in apposition ("spokeswoman Ana Petrov", "Ana Petrov, the mother of …"); and which
capitalised names are no one's: storms ("Cyclone Delia"), buildings ("JFK airport")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.analysis.actors.context import LinkContext
from communique.kb import Actor, normal


def note_gender(ctx: LinkContext, actor: Actor, span: Span) -> None:
    """Keep the gender the text gives a person the knowledge base gives none."""
    if actor.kind != "person" or actor.gender or actor.id in ctx.state.genders:
        return
    gender = given_gender(ctx, actor) or titled_gender(ctx, span)
    if gender:
        ctx.state.genders[actor.id] = gender


def given_gender(ctx: LinkContext, actor: Actor) -> str | None:
    """The gender of a name written in full whose first word is a known given name."""
    words = actor.name.split()
    if len(words) < 2:
        return None
    first = words[0].lower()
    male, female = first in ctx.words.male_names, first in ctx.words.female_names
    return "m" if male and not female else "f" if female and not male else None


def titled_gender(ctx: LinkContext, span: Span) -> str | None:
    """The gender a title, honorific or role noun around a name tells, if they agree."""
    root = span.root
    names = ctx.name_tokens(span)
    first = names[0].i if names else span.end
    words: list[Token] = list(ctx.doc[min(root.left_edge.i, span.start) : first])
    if span.start > 0:
        words.append(ctx.doc[span.start - 1])  # "Mrs." split off the name
    for child in root.children:  # "Ana Petrov, the mother of …"
        if child.dep_ == "appos" and child.i > root.i:
            words += [child, *child.conjuncts]
    if root.dep_ == "appos" and root.head.i < root.i:  # "the spokeswoman, Ana Petrov"
        words.append(root.head)
    genders = {ctx.words.gender_words.get(t.lower_.strip(".")) for t in words} - {None}
    return genders.pop() if len(genders) == 1 else None


def storm(ctx: LinkContext, span: Span) -> bool:
    """Whether a name is a storm's: "Cyclone Delia", "Hurricane Ana", "Storm Ciarán"."""
    before = ctx.doc[span.start - 1] if span.start > 0 else None
    words = [before, *span] if before is not None else list(span)
    return any(t.lower_ in ctx.words.storm_words for t in words[:2])


def facility(ctx: LinkContext, span: Span) -> bool:
    """Whether a name is a building's or a place's: "JFK airport", "the Kennedy Center"."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in ctx.words.facility_nouns


def no_one(ctx: LinkContext, span: Span) -> bool:
    """Whether a name the model took for a person's is a storm's or a building's."""
    return storm(ctx, span) or facility(ctx, span)


def note_storm(ctx: LinkContext, span: Span) -> bool:
    """Remember a storm's name, so that a later "Delia" is no one either; whether it is one."""
    if facility(ctx, span):
        return True
    if not storm(ctx, span):
        return False
    names = [t for t in span if t.lower_ not in ctx.words.storm_words and t.text[:1].isupper()]
    if names:
        ctx.state.not_people.add(normal(" ".join(t.text for t in names)))
        ctx.state.not_people.add(normal(names[-1].text))
    return True
