"""The in-order pass: surnames, descriptions and pronouns resolved in reading order, to the
person the text was last about."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from communique.analysis.actors.acronyms import acronym_of
from communique.analysis.actors.cast import by_name, join_cast, new_person
from communique.analysis.actors.context import (
    ASIDE,
    CLAUSE,
    MAIN,
    OTHER,
    Found,
    LinkContext,
    Reading,
    capitalised,
)
from communique.analysis.actors.descriptions import place_names, resolve_description
from communique.analysis.actors.gender import no_one, note_gender
from communique.analysis.actors.names import metonym, misspelling
from communique.analysis.actors.rules import (
    LABEL_KINDS,
    SUBJECT_DEPS,
)
from communique.analysis.syntax import stance_word
from communique.kb import Actor, normal, slug


def resolve_in_order(ctx: LinkContext, found: list[Found]) -> list[Found]:
    reading = Reading(genders=ctx.state.genders)
    resolved: list[Found] = []
    for item in found:
        if item.how == "surname?":
            resolve_surname(ctx, item)
        elif item.how == "descriptor?":
            resolve_description(ctx, item)
        elif item.how == "body?":
            resolve_body(ctx, item, resolved)
        elif item.how == "pronoun?" and item.token.lower_ == "it":
            resolve_it(item, resolved)
        elif item.how == "pronoun?":
            resolve_pronoun(ctx, item, reading)
        if item.how and item.how.endswith("?"):
            item.how = None
            if item.label in ("PRON", "NOUN", "PROPN"):
                continue  # nothing to say about an unresolved description
        if item.actor is not None and item.actor.kind == "person":
            ctx.state.positions.setdefault(item.actor.id, []).append(item.start)
            if item.label != "PRON":
                note_gender(ctx, item.actor, ctx.span(item.start, item.end))
            reading.meet(item.actor, item.token.sent.start, prominence(item.token))
        reading.resolved(item.actor)
        resolved.append(item)
    return resolved


def prominence(token: Token) -> int:
    """How prominent a person named at ``token`` is in its sentence: the subject of the main
    clause (``MAIN``), of a reported or other clause (``CLAUSE``), named otherwise (``OTHER``)
    or in a prepositional phrase (``ASIDE``: "like Tanaka", "with Costa")."""
    while token.dep_ in ("compound", "flat") and token.head != token:
        token = token.head
    aside = token.head.dep_ == "pobj" and token.head.head.dep_ == "prep"
    if token.dep_ in ("appos", "conj") and aside and token.head.i < token.i:
        # "Like Tanaka, Maria Costa, head of …, stressed": the parse hangs the subject of a
        # clause that has none on the aside before it.
        verb = token.head.head.head
        if verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return MAIN if main_clause(verb) else CLAUSE
    aside = False
    while token.dep_ in ("appos", "conj", "pobj", "prep") and token.head != token:
        # Not "Without" in "Reporters Without Borders": a word of a name.
        aside = aside or (token.dep_ == "pobj" and not token.head.text[:1].isupper())
        token = token.head
    if token.dep_ in SUBJECT_DEPS and not aside:
        return MAIN if main_clause(token.head) else CLAUSE
    return ASIDE if aside else OTHER


def main_clause(verb: Token) -> bool:
    """Whether a verb heads the sentence's main clause, or one joined to it."""
    if verb.dep_ in ("aux", "auxpass"):
        verb = verb.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ in ("ROOT", "parataxis")


def leading(ctx: LinkContext, actor: Actor) -> bool:
    """Whether a person holds a leading office on the article's day (with no day: ever)."""
    offices = actor.offices if ctx.day is None else actor.offices_on(ctx.day)
    return any(office.kind != "other" for office in offices)


def resolve_surname(ctx: LinkContext, item: Found) -> None:
    span = ctx.span(item.start, item.end)
    key = normal(" ".join(t.text for t in ctx.name_tokens(span)))
    if key in ctx.state.not_people or (item.label == "PERSON" and no_one(ctx, span)):
        return  # "Cyclone Delia", and "Delia" after it; "JFK airport"
    full = acronym_of(ctx, span)
    if full is not None:  # "BLA" for "the Baloch Liberation Army"
        spelled_out(ctx, item, full)
        if item.actor is not None:
            return
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
    names = ctx.name_tokens(span)
    person = item.label in ("PERSON", "PROPN")
    misspelt = misspelling(ctx, key) if person and len(names) == 1 else None
    if misspelt is not None:  # "Chaundry" after "Ahmed Sharif Chaudhry"
        item.actor, item.how = ctx.latest(ctx.state.surnames[misspelt], item.start), "surname"
        return
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


def spelled_out(ctx: LinkContext, item: Found, full: Span) -> None:
    """An acronym resolved as the name it stands for."""
    actor, _ = by_name(ctx, full, LABEL_KINDS["ORG"])
    if actor is None:
        name = Found(full.start_char, full.end_char, full.text, "ORG", None, None, full.root)
        compose(ctx, name)
        actor = name.actor
    if actor is not None:
        item.actor, item.how = actor, "alias"


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

    def first(pool: list[tuple[int, Actor]], latest: bool) -> Actor | None:
        """The most prominent person of a sentence whom the pronoun fits; of those as
        prominent, the first named, or with ``latest`` the last."""
        ordered = list(reversed(pool)) if latest else pool
        ranked = sorted(ordered, key=lambda pair: pair[0])
        return next((actor for _, actor in ranked if reading.fits(actor, gender)), None)

    sentence = item.token.sent
    subjects, people = reading.subjects, reading.people
    # The subject of this sentence, named before the pronoun ("Biden ..., where he met").
    actor = first(subjects.get(sentence.start, []), latest=False)
    if actor is not None:
        item.actor, item.how = actor, "pronoun"
        return
    # The person the text was last about: the subject of an earlier sentence (of its main
    # clause before a reported one); where the sentence just before names people but (as
    # parsed) none as subject, the first of them not named in an aside.
    before = bisect.bisect_left(reading.people_starts, sentence.start)
    previous = reading.people_starts[before - 1] if before else None
    before = bisect.bisect_left(reading.subject_starts, sentence.start)
    earlier = reading.subject_starts[max(before - 6, 0) : before][::-1]
    if previous is not None and (not earlier or earlier[0] < previous):
        earlier.insert(0, previous)
    for start in earlier:
        if start == previous and start not in subjects:
            actor = first(people.get(start, []), latest=False)
        else:
            actor = first(subjects.get(start, []), latest=True)
        if actor is not None:
            item.actor, item.how = actor, "pronoun"
            return
    # Else the last person the text named whom the pronoun fits.
    last = reading.last.get(gender)
    if last is not None:
        item.actor, item.how = last, "pronoun"


def resolve_it(item: Found, resolved: list[Found]) -> None:
    """ "it said": the body or state last the subject of this sentence or the two before."""
    sentences = {item.token.sent.start}
    for prior in reversed(resolved):
        sentences.add(prior.token.sent.start)
        if len(sentences) > 3:
            return
        actor = prior.actor
        if actor is None or actor.kind == "person" or prior.label == "PRON":
            continue
        if prominence(prior.token) <= CLAUSE:
            item.actor, item.how = actor, "pronoun"
            return


def resolve_body(ctx: LinkContext, item: Found, resolved: list[Found]) -> None:
    """A description of a body the text named: "the officials" after "Iraqi officials", "the
    party" after "the Zanu PF party", "the association" after "the Association of …", "the
    group" after an organisation."""
    root = item.token
    lemma = root.lemma_.lower()
    if root.tag_ == "NNS":
        # "the officials" after "Iraqi officials", "the Iraqi officials" or "Iraq's officials".
        for prior in reversed(resolved):
            token = prior.token
            if token.dep_ in ("amod", "compound", "nmod", "poss") and token.head != token:
                token = token.head
            if prior.actor is not None and token.lemma_.lower() == lemma and token != root:
                item.actor, item.how = prior.actor, "descriptor"
                return
        return
    fits = ctx.words.body_nouns.get(root.lower_, ())
    modifiers = {w for c in root.children if c.dep_ in ("compound", "amod", "nmod")
                 for w in (c.lower_, c.lemma_.lower())}  # fmt: skip
    candidates: list[Found] = []
    for prior in reversed(resolved):
        actor = prior.actor
        if actor is None or prior.label == "PRON":
            continue
        head = prior.token
        while head.dep_ == "compound" and head.head != head:
            head = head.head
        if head != prior.token and head.lemma_.lower() == lemma:  # "the Zanu PF party"
            candidates.append(prior)
            continue
        if actor.kind in ("person", "state"):
            continue
        words = set(re.findall(r"[a-z]+", f"{prior.text} {actor.name}".lower()))
        if "*" in fits:
            # Not a news outlet, an international body or a state's body: not what "the
            # group" means.
            if actor.kind in ("outlet", "igo") or prior.how in ("composed", "metonym"):
                continue
        elif not words & set(fits):
            continue
        candidates.append(prior)
    if not candidates:
        return
    # "the poultry farmers group": the one whose name holds its words, else the last named.
    named = [c for c in candidates if modifiers & set(re.findall(r"[a-z]+", c.text.lower()))]
    item.actor, item.how = (named or candidates)[0].actor, "descriptor"
