"""Who is who in one article: every mention of a person, state, body or outlet linked to an actor.

Linking works the way a reader does. First the article's cast is set from the names written in
full ("Wang Yi", "Vladimir Putin", "Pavel Zarubin"), wherever they appear, so that a headline or
a summary bullet that says only "Wang" finds the Wang the article is about. Then every mention
is resolved in reading order:

- names and aliases from the knowledge base, whatever label spaCy gave them;
- surnames ("Wang", "Zarubin's") to the cast member of that name;
- capitals and seats of power ("Moscow", "the Kremlin") acting as someone to the government,
  and as a place where something happens to no actor;
- nationality words and bodies named by nationality ("Chinese officials", "the Russian foreign
  ministry") to the state, or to the state's government, military, ... from the role noun;
- definite descriptions ("the Russian leader", "Beijing's top diplomat", "the minister") to
  the cast member whose office fits, else to the office holder the knowledge base knows;
- "he" and "she" as subjects to the person the text was last about.

It also records what the article says people are: "Russian Foreign Minister Sergey Lavrov",
"Nikolai Patrushev, secretary of the Russian Security Council", "Wang Yi, who formerly chaired
...". Pure: the article, its parse and the read-only knowledge base in, records out.

The linking runs as ``PASSES`` over a ``LinkContext``; ``link_actors`` makes the records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from communique.analysis.actors.acronyms import find_acronyms
from communique.analysis.actors.cast import set_cast
from communique.analysis.actors.context import Found, LinkContext, holder
from communique.analysis.actors.descriptions import descriptions
from communique.analysis.actors.names import extra_names, resolve_entity
from communique.analysis.actors.reading import resolve_in_order
from communique.analysis.actors.rules import CONFIDENCE
from communique.analysis.passes import Pass, run_passes
from communique.records import ActorRef, Mention, Role

__all__ = ["PASSES", "LinkContext", "link_actors"]


def find_cast(ctx: LinkContext) -> None:
    """The people the article names in full, wherever they appear, and the roles it gives."""
    set_cast(ctx, ctx.spans)


def find_names(ctx: LinkContext) -> None:
    """Each entity mention resolved by name, alias, metonym or nationality; then names of
    the knowledge base the entity recogniser missed."""
    ctx.state.acronyms = find_acronyms(ctx)
    for mention, span in ctx.spans:
        ctx.found.append(resolve_entity(ctx, mention, span))
        ctx.covered.update(range(span.start, span.end))
    ctx.found += extra_names(ctx, ctx.covered)


def find_descriptions(ctx: LinkContext) -> None:
    """Definite descriptions and bodies named by nationality ("the Russian leader")."""
    ctx.found += descriptions(ctx, ctx.covered)


def read_in_order(ctx: LinkContext) -> None:
    """Surnames, descriptions and pronouns resolved in reading order, as a reader would."""
    ctx.found.sort(key=lambda item: item.start)
    ctx.found = resolve_in_order(ctx, ctx.found)


def drop_nested(ctx: LinkContext) -> None:
    """A resolved description stands for the nationality word inside it."""
    described = holder([(f.start, f.end) for f in ctx.found if f.label == "NOUN" and f.actor])
    ctx.found = [f for f in ctx.found if f.label == "NOUN" or not described(f.start, f.end)]


PASSES: tuple[Pass[LinkContext], ...] = (
    Pass("cast", find_cast, ("parse", "spans", "kb"), ("cast", "roles")),
    Pass("names", find_names, ("spans", "cast", "kb"), ("found", "covered", "cast")),
    Pass("descriptions", find_descriptions, ("parse", "covered", "kb"), ("found",)),
    Pass("in order", read_in_order, ("found", "cast", "kb"), ("found", "cast")),
    Pass("nested", drop_nested, ("found",), ("found",)),
)


def link_actors(
    ctx: LinkContext, mentions: Iterable[Mention], sentence_of: Callable[[int], int]
) -> tuple[tuple[Mention, ...], tuple[ActorRef, ...], tuple[Role, ...]]:
    """The article's mentions linked to actors, the actors, and the roles the text gives."""
    spans = [ctx.doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
    ctx.spans = [(m, span) for m, span in zip(mentions, spans, strict=True) if span is not None]
    run_passes(PASSES, ctx)
    records = tuple(_mention(ctx, index, item, sentence_of) for index, item in enumerate(ctx.found))
    actors = {item.actor.id: item.actor for item in ctx.found if item.actor}
    refs = tuple(
        ActorRef(
            id=actor.id,
            name=actor.name,
            kind=actor.kind,
            country=actor.country,
            sector=actor.sector_on(ctx.day),
            wikidata=actor.wikidata,
            origin="text" if actor.id in ctx.state.new else "kb",
        )
        for actor in actors.values()
    )
    return records, refs, tuple(ctx.roles)


def _mention(
    ctx: LinkContext, index: int, item: Found, sentence_of: Callable[[int], int]
) -> Mention:
    return Mention(
        article_id=ctx.article_id,
        index=index,
        sentence=sentence_of(item.start),
        start=item.start,
        end=item.end,
        text=item.text,
        label=item.label,
        actor_id=item.actor.id if item.actor else None,
        how=item.how,
        confidence=CONFIDENCE.get(item.how or "", 0.5) if item.actor else None,
    )
