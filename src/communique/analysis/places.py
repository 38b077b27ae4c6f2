"""Where an event happened: a place phrase attached to the trigger, resolved to the gazetteer.

A place counts only as the object of a locative preposition ("in Moscow", "at the Kremlin",
"on the outskirts of Kyiv"; ``event_place_preps`` and ``area_nouns`` in lexicon.yaml) that
modifies the trigger's clause: a place that is an actor ("Moscow said") or describes a person
("the US ambassador in Moscow", "a diplomat from Moscow") is not where the event was. The text
is then resolved, in order, as a state (its capital's coordinates), a seat of power the
knowledge base lists as a metonym ("the Kremlin" → Moscow), a town in the GeoNames gazetteer,
and a region of a state (country only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from communique.analysis.dates import attachment
from communique.kb.names import normal
from communique.kb.places import Place
from communique.records import Where

if TYPE_CHECKING:
    from communique.analysis.resources import Resources

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a place name is sometimes given by mistake ("Kyiv" as PERSON, "Kremlin" as ORG):
# taken only when the name resolves.
_MISLABELLED = frozenset({"ORG", "PERSON", "NORP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


# -- resolving a name -----------------------------------------------------------------------


def _capital(res: Resources, code: str) -> Place | None:
    """The gazetteer entry of a state's capital, if the gazetteer has it in that state."""
    country = res.kb.countries.get(code)
    if country is None or not country.capital:
        return None
    place = res.places.get(normal(country.capital))
    return place if place is not None and place.country == code else None


def _state(res: Resources, key: str) -> str | None:
    """The code of the state named ``key`` (normal form), if any."""
    return next((a.id for a in res.kb.named(key) if a.kind == "state"), None)


def _from_place(text: str, start: int, end: int, place: Place, country: str | None) -> Where:
    """A ``Where`` for the text at ``start``-``end`` resolved to a gazetteer entry."""
    return Where(
        text=text,
        text_start=start,
        text_end=end,
        name=place.name,
        country=country or place.country,
        latitude=place.latitude,
        longitude=place.longitude,
        geonameid=place.geonameid,
    )


def resolve_place(text: str, start: int, end: int, res: Resources) -> Where:
    """A place name resolved: a state, a seat of power, a town or a region, else unresolved.

    A state gets its own name and GeoNames id with its capital's coordinates (None when the
    gazetteer lacks the capital); a metonym ("the Kremlin") resolves to the capital; a region
    ("Crimea") to its state only. An unknown name keeps its text with every field None.
    """
    key = normal(text)
    code = _state(res, key)
    if code is not None:
        capital = _capital(res, code)
        return Where(
            text=text,
            text_start=start,
            text_end=end,
            name=res.kb.countries[code].name if code in res.kb.countries else text,
            country=code,
            latitude=capital.latitude if capital else None,
            longitude=capital.longitude if capital else None,
            geonameid=res.states.get(code),
        )
    code = res.kb.by_metonym.get(key)
    capital = _capital(res, code) if code else None
    if capital is not None:
        return _from_place(text, start, end, capital, code)
    if code is not None:
        # A capital the gazetteer files under another town's old name ("Islamabad", once a
        # name of Chittagong) is still its own state's: the state, without coordinates.
        return Where(text=text, text_start=start, text_end=end, name=text, country=code)
    place = res.places.get(key)
    if place is not None:
        return _from_place(text, start, end, place, None)
    code = res.kb.by_region.get(key)
    if code is not None:
        return Where(text=text, text_start=start, text_end=end, name=text, country=code)
    return Where(text=text, text_start=start, text_end=end)


def _resolves(where: Where) -> bool:
    """Whether a place name was found in the knowledge base or the gazetteer."""
    return where.country is not None


# -- finding the phrase ---------------------------------------------------------------------


def _locative(root: Token, res: Resources) -> Token | None:
    """The locative preposition a place name is the object of, through "the outskirts of".

    Also through an apposition: "in the Ukrainian capital, Kyiv".
    """
    token = root
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ != "pobj":
        return None
    preposition = token.head
    area = preposition.head
    places = res.words.event_place_preps
    if preposition.lower_ == "of" and {area.lower_, area.lemma_.lower()} & res.words.area_nouns:
        if area.dep_ != "pobj":
            return None
        preposition = area.head
        return preposition if preposition.lower_ in places | {"on"} else None
    return preposition if preposition.lower_ in places else None


def _actor_like(token: Token, res: Resources) -> bool:
    """Whether a word stands for someone: a name, a pronoun, or a role noun ("ambassador")."""
    if token.pos_ == "PRON" or token.ent_type_ in _ACTOR_LABELS:
        return True
    return normal(token.lemma_) in res.kb.agents or normal(token.text) in res.kb.agents


def _describes_actor(preposition: Token, trigger: Token, res: Resources) -> bool:
    """Whether the place phrase hangs off a subject that is someone ("the envoy in Moscow")."""
    for token in (preposition.head, *preposition.head.ancestors):
        if token == trigger:
            return False
        if token.dep_ in _SUBJECTS and _actor_like(token, res):
            return True
    return False


def _candidates(
    sentence: Span, res: Resources, entities: Sequence[Span] | None = None
) -> list[tuple[Span, Where]]:
    """Place names in the sentence, each with its resolution."""
    doc = sentence.doc
    found = []
    for entity in sentence.ents if entities is None else entities:
        if entity.label_ not in PLACE_LABELS | _MISLABELLED:
            continue
        span = doc[entity.start : entity.end]
        where = resolve_place(entity.text, entity.start_char, entity.end_char, res)
        if entity.label_ in PLACE_LABELS or _resolves(where):
            found.append((span, where))
    return found


def _untagged(sentence: Span, res: Resources) -> list[tuple[Span, Where]]:
    """Proper nouns the model gave no entity ("the outskirts of Kyiv"), when they resolve."""
    doc = sentence.doc
    found = []
    for token in sentence:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ not in ("pobj", "appos"):
            continue
        first = min((c.i for c in token.children if c.dep_ == "compound"), default=token.i)
        span = doc[first : token.i + 1]
        where = resolve_place(span.text, span.start_char, span.end_char, res)
        if _resolves(where):
            found.append((span, where))
    return found


def _capital_phrases(sentence: Span, res: Resources) -> list[tuple[Span, Where]]:
    """A capital described by its state's adjective: "the Russian capital" → Moscow."""
    found = []
    for token in sentence:
        if token.lemma_.lower() != "capital" or token.dep_ != "pobj":
            continue
        for child in token.children:
            code = res.kb.by_demonym.get(normal(child.text)) if child.dep_ == "amod" else None
            capital = _capital(res, code) if code else None
            if capital is None or any(t.dep_ == "appos" for t in token.children):
                continue
            span = sentence.doc[child.i : token.i + 1]
            found.append(
                (span, _from_place(span.text, span.start_char, span.end_char, capital, code))
            )
    return found


def _found(
    sentence: Span, res: Resources, entities: Sequence[Span] | None = None
) -> list[tuple[Span, Where]]:
    """Every place phrase of the sentence: entities, untagged names, "the Russian capital".

    ``entities``: the sentence's entities, when the caller has them (``sentence.ents`` walks
    the whole doc; see ``entities.EntityIndex``).
    """
    return (
        _candidates(sentence, res, entities)
        + _untagged(sentence, res)
        + _capital_phrases(sentence, res)
    )


def is_purpose(verb: Token) -> bool:
    """Whether a verb heads an infinitive clause of purpose of the verb above it: "sent
    observers to Bosnia [to investigate]", "opened fire [to disperse the crowd]"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose_place(
    sentence: Span, trigger: Token, res: Resources, entities: Sequence[Span] | None = None
) -> Where | None:
    """Where an act done for a purpose happens when the sentence names no place for it: the
    place the doer was sent or went to for it ("sent 21 observers to Bosnia to investigate"
    → Bosnia; "flew to Cairo to mediate" → Cairo). The act is an infinitive clause of the
    verb of movement; the place is that verb's destination."""
    if not is_purpose(trigger):
        return None
    mover = trigger.head
    for span, where in _found(sentence, res, entities):
        head = span.root.head
        destination = head.lower_ in res.words.destination_preps
        if span.root.dep_ == "pobj" and destination and head.head == mover:
            return where
    return None


def event_place(
    sentence: Span, trigger: Token, res: Resources, entities: Sequence[Span] | None = None
) -> Where | None:
    """Where the event ``trigger`` names happened, or None when the sentence does not say.

    Among the place phrases governed by a locative preposition, the one most closely attached
    to the trigger (see ``dates.attachment``), then the nearest, wins; a place describing the
    subject ("the US ambassador in Moscow met ...") does not count.
    """
    ranked = []
    for span, where in _found(sentence, res, entities):
        preposition = _locative(span.root, res)
        if preposition is None or _describes_actor(preposition, trigger, res):
            continue
        closeness = attachment(span.root, trigger, res.words)
        if closeness is None:
            continue
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        ranked.append(((*closeness, distance), where))
    if not ranked:
        return None
    return min(ranked, key=lambda pair: pair[0])[1]
