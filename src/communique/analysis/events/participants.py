"""Who an event's sides are: a noun resolved to a participant through the linked mentions, and
groups the text named before ("the two sides", "both leaders")."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from communique.analysis.events.coding import (
    NOT_ACTORS,
)
from communique.analysis.events.context import EventContext, Group, last_before
from communique.analysis.places import PLACE_LABELS, resolve_place
from communique.analysis.syntax import agent, stance_word
from communique.records import ActorRef, Participant


def groups(ctx: EventContext) -> list[Group]:
    """Actors the text names together ("Wang Yi … and Nikolai Patrushev"), by offset."""
    groups = []
    for token in ctx.doc:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        members = []
        for noun in [token, *token.conjuncts]:
            mention = ctx.mention(noun)
            if mention is not None and mention.start <= noun.idx < mention.end:
                participant = participant_of(ctx, noun)
                if participant is not None and participant not in members:
                    members.append(participant)
        if len(members) >= 2:
            groups.append((token.idx, tuple(members)))
    return groups


def group_of(ctx: EventContext, token: Token) -> list[Participant] | None:
    """The actors a plural reference stands for: "they", "the two sides", "both nations".

    The last group named before it that fits: states for "the two countries", people
    for "the two" or "the pair", any for "they" or "both sides". The sides of an event
    found earlier count as a group too ("Wang met Patrushev … the two sides").
    """
    noun = token.lemma_.lower()
    plural = token.lower_ in ("they", "them") or (
        (noun in ctx.words.group_nouns or noun == "two")
        and any(c.lower_ in ("two", "both") for c in [token, *token.children])
        and any(c.lower_ in ("the", "both") for c in [token, *token.children])
    )
    if not plural:
        return None
    if ctx.groups is None:
        ctx.groups = groups(ctx)
        ctx.people_groups = [group for group in ctx.groups if ctx.people(group)]
    if noun in ctx.words.group_people_nouns:
        last = last_before(ctx.people_groups, ctx.people_event_groups, token.idx)
    else:
        last = last_before(ctx.groups, ctx.event_groups, token.idx)
    if token.lower_ == "they":
        # "Militants attacked the train. They shot …": one plural side of a recent event
        near = ctx.doc[token.sent.start].idx - NEAR_CHARS
        recent = last_before(ctx.plural_sides, [], token.idx)
        if recent is not None and recent[0] >= near and (last is None or recent[0] > last[0]):
            last = recent
    if last is None:
        return None
    members: list[Participant | None] = list(last[1])
    if noun in ctx.words.state_nouns:
        members = [state_of(ctx, m) for m in members if m is not None]
    return list(dict.fromkeys(m for m in members if m is not None))


# How far back "they" looks for one plural side of an event: about the sentence before.
NEAR_CHARS = 300


def plural_side(ctx: EventContext, participant: Participant) -> None:
    """Keep an event's side that names many ("militants", "the rebels") for a later "they"."""
    span = ctx.doc.char_span(participant.start, participant.end, alignment_mode="expand")
    if span is not None and span.root.tag_ in ("NNS", "NNPS") and participant.country:
        group: Group = (participant.start, (participant,))
        bisect.insort(ctx.plural_sides, group, key=lambda found: found[0])


def event_group(ctx: EventContext, group: Group) -> None:
    """Keep the sides of an event as a group, in offset order (after any at its offset)."""
    bisect.insort(ctx.event_groups, group, key=lambda found: found[0])
    if ctx.people(group):
        bisect.insort(ctx.people_event_groups, group, key=lambda found: found[0])


def state_of(ctx: EventContext, participant: Participant) -> Participant | None:
    """The state a person or body belongs to, as a participant with the same span."""
    if participant.country is None:
        return None
    if participant.actor_id == participant.country:
        return participant
    return Participant(
        start=participant.start,
        end=participant.end,
        text=participant.text,
        actor_id=participant.country,
        country=participant.country,
    )


def participant_of(ctx: EventContext, token: Token) -> Participant | None:
    """The side a noun stands for: its actor, or the actor inside its phrase
    ("Russian troops" → Russia, with the troops' sector)."""
    if token.lower_ in ctx.words.relatives and token.head.dep_ == "relcl":
        token = token.head.head  # "the ministry, which urged …": the ministry
    if token.ent_type_ in NOT_ACTORS or token.dep_ == "npadvmod" or ctx.in_dateline(token):
        return None  # "on Friday", "$50 million", "KABUL -"
    if token.lower_ in ctx.words.reported_pronouns and ctx.mention(token) is None:
        speaker = reporter(ctx, token)
        if speaker is not None:
            return participant_of(ctx, speaker)  # "Japan said it had halted aid"
    mention = ctx.mention(token)
    agent_sector = ctx.kb.agents.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
    if mention is None:
        phrase = [
            t
            for t in token.subtree
            if t.i <= token.i
            and t.dep_ not in ("det",)
            and not stance_word(t)
            and not ctx.in_dateline(t)
        ]
        mention = next((m for t in phrase if (m := ctx.mention(t)) is not None), None)
        unnamed = mention is None and agent_sector is None and token.pos_ != "PROPN"
        if mention is None and nongovernmental(ctx, token):
            start = min(t.idx for t in phrase)
            end = token.idx + len(token)
            return Participant(start=start, end=end, text=ctx.text[start:end], country="NGO")
        # people with no country of their own: of the story's state, or, as what an act is
        # done to ("detained 18 people"), a side with no code
        done_to = token.dep_ in ("dobj", "nsubjpass")
        if unnamed and not (crowd(ctx, token) and (ctx.home is not None or done_to)):
            return None
    if mention is not None:
        actor = ctx.actors.get(mention.actor_id or "")
        if agent_sector is None and mention.start <= token.idx < mention.end:
            return Participant(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                actor_id=mention.actor_id,
                country=resident_state(ctx, token)
                or (actor.country if actor else None)
                or country_near(ctx, token)
                or affiliation(ctx, token, actor)
                or home_of(ctx, token, actor),
                sector=actor.sector if actor else None,
            )
    # the phrase up to its head, less a dateline and the dash after it ("BAMAKO - Armed men")
    first = min(
        (t for t in token.subtree if t.i <= token.i and not ctx.in_dateline(t)),
        key=lambda t: t.i,
        default=token,
    )
    while first.i < token.i and first.is_punct:
        first = first.nbor()
    start, end = first.idx, token.idx + len(token)
    actor = ctx.actors.get(mention.actor_id or "") if mention is not None else None
    return Participant(
        start=start,
        end=end,
        text=ctx.text[start:end],
        actor_id=mention.actor_id if mention is not None else None,
        country=(actor.country if actor else None)
        or country_near(ctx, token)
        or place_country(ctx, token)
        or affiliation(ctx, token, actor)
        or home_of(ctx, token, actor),
        sector=agent_sector or (actor.sector if actor else None),
    )


def resident_state(ctx: EventContext, token: Token) -> str | None:
    """The state a people named by nationality or ethnicity lives in, when the phrase says
    ("Albanians in Kosovo", "Serbs in Croatia"): CAMEO codes a people by where it lives."""
    if token.ent_type_ != "NORP" or token.pos_ not in ("NOUN", "PROPN"):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
        place = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if place is not None:
            return place_country(ctx, place) or next(
                (p.country for p in side(ctx, place) if p.country), None
            )
    return None


def affiliation(ctx: EventContext, token: Token, actor: ActorRef | None) -> str | None:
    """The state or body a person the knowledge base does not place was named with where the
    article first names them ("UNICEF chief Catherine Russell … She urged": IGO)."""
    if actor is None or actor.kind != "person" or actor.country:
        return None
    first = ctx.first_mention.get(actor.id)
    if first is None or first.start >= token.idx:
        return None
    named = token.doc.char_span(first.start, first.end, alignment_mode="expand")
    return country_near(ctx, named.root) if named is not None else None


def nongovernmental(ctx: EventContext, token: Token) -> bool:
    """Whether an unnamed group is a non-governmental organisation: "rights groups", "aid
    agencies", "media freedom organizations", "charities" (coded NGO, as PLOVER and CAMEO
    code them)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in ctx.words.ngo_heads:
        return False
    if lemma in ctx.words.ngo_marks:
        return True  # "charities", "NGOs"
    marks = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod")]
    return any(t.lower_ in ctx.words.ngo_marks or t.lemma_.lower() in ctx.words.ngo_marks
               for t in marks)  # fmt: skip


def home_of(ctx: EventContext, token: Token, actor: ActorRef | None) -> str | None:
    """The state the story is about, for people and groups it names with no country of their
    own ("demonstrators", "the military", "lawyers for the journalist", a person the
    knowledge base does not know): news names foreigners as such."""
    if ctx.home is None:
        return None
    if actor is not None:
        return ctx.home if actor.kind in ("person", "group") else None
    lemma = token.lemma_.lower()
    people = lemma in ctx.words.people_nouns or lemma in ctx.kb.agents or crowd(ctx, token)
    return ctx.home if people or token.ent_type_ == "PERSON" else None


def crowd(ctx: EventContext, token: Token) -> bool:
    """Whether a word names people with no country of their own: "people", "passengers",
    "them" as an object ("shot them")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PRON":
        return token.lower_ in ("him", "her", "them") and token.dep_ in ("dobj", "pobj")
    return lemma in ctx.words.crowd_nouns or lemma in ctx.words.people_nouns


def place_country(ctx: EventContext, token: Token) -> str | None:
    """The state of a place named as a side ("attacked Kharkiv", "shelled the outskirts of
    Donetsk"): a town or region stands for the state it is in."""
    if token.ent_type_ not in PLACE_LABELS:
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None:
        return None
    return resolve_place(entity.text, entity.start_char, entity.end_char, ctx.resources).country


def reporter(ctx: EventContext, pronoun: Token) -> Token | None:
    """Who "it", "they" or "their" stands for in a report: the subject of the verb of
    saying the pronoun's clause hangs on ("Iraq said it would allow …", "Bosnian Serbs
    said their forces had completed their withdrawal")."""
    for verb in pronoun.ancestors:
        if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head == verb:
            continue
        head = verb.head
        if head.lemma_.lower() not in ctx.words.cue_verbs:
            continue
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON":
            return subject
        return None
    return None


def country_near(ctx: EventContext, token: Token) -> str | None:
    """The state a phrase places its head in: "Ivory Coast's Supreme Court", "students
    throughout Indonesia", "Chadli Klibi, Arab League Secretary General"."""
    near = [t for t in token.subtree if t.i < token.i]
    near += [g for c in token.children if c.dep_ == "appos" for g in c.subtree]
    near += [g for c in token.children if c.dep_ == "prep"
             and c.lower_ in ("of", "in", "from", "throughout", "across")
             for g in c.subtree]  # fmt: skip
    for other in near:
        if stance_word(other):
            continue  # "an anti-Syria journalist" is not Syrian
        mention = ctx.mention(other)
        actor = ctx.actors.get(mention.actor_id or "") if mention is not None else None
        if actor is not None and actor.country:
            return actor.country
    return None


def phrase(ctx: EventContext, token: Token, participant: Participant) -> Participant:
    """A side named inside a common noun's phrase, as that phrase: "attacked an army base in
    Kenya", "condemned the killing of civilians". The phrase's head is what the event is done
    to; the state or group inside it is whose it is and gives the codes. A side that names the
    head itself, or lies outside its phrase (a conjunct, a pronoun's antecedent), stays."""
    if token.pos_ != "NOUN" or participant.start <= token.idx < participant.end:
        return participant
    own = [token]
    for child in token.children:
        if child.dep_ not in ("conj", "cc", "appos", "relcl", "acl", "punct"):
            own += [t for t in child.subtree if not ctx.in_dateline(t)]
    start = min(t.idx for t in own)
    end = max(t.idx + len(t) for t in own)
    if not (start <= participant.start and participant.end <= end):
        return participant
    end = max(token.idx + len(token), participant.end)
    return Participant(
        start=start,
        end=end,
        text=ctx.text[start:end],
        actor_id=participant.actor_id,
        country=participant.country,
        sector=participant.sector,
    )


def side(ctx: EventContext, token: Token | None) -> list[Participant]:
    """A noun and the nouns joined to it ("Russia and China"), as participants."""
    if token is None:
        return []
    group = group_of(ctx, token)
    if group:
        return group
    found = []
    for noun in [token, *token.conjuncts]:
        participant = participant_of(ctx, noun)
        if participant is not None and participant not in found:
            found.append(participant)
    if not found:
        # "condemned Serbia's suppression", "the release of Lavrov", "crimes committed by
        # Croat forces", "rallies by the opposition": whose it is.
        inner = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
        inner += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        inner += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        inner += [a for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  if (a := agent(c)) is not None]  # fmt: skip
        for noun in inner:
            participant = participant_of(ctx, noun)
            if participant is not None:
                return [participant]
    return found
