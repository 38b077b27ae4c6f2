"""Where an event happened: a place phrase attached to the trigger, resolved to the gazetteer.

A place counts only as the object of a locative preposition ("in Moscow", "at the Kremlin",
"on the outskirts of Kyiv"; ``event_place_preps`` and ``area_nouns`` in lexicon.yaml) that
modifies the trigger's clause: a place that is an actor ("Moscow said") or describes a person
("the US ambassador in Moscow", "a diplomat from Moscow") is not where the event was. The text
is then resolved (``resolve_place``) as a state (its own point), a seat of power the
knowledge base lists as a metonym ("the Kremlin" → Moscow), a first-level division, continent
or town of the GeoNames gazetteer, and a region of a state (country only). Places that share a
name are told apart with the article's other places in view (``PlaceContext``): "Alexandria"
in a story about Louisiana is Alexandria, Louisiana.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

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

# How a candidate place of a name is weighed (``_score``): the log of its population, and
# these. A state named as a place is the state unless the article points hard elsewhere
# ("Georgia" in a story about Atlanta); a continent is the continent; a division outweighs a
# town of its name ("New York", "Indiana"); a town found by one of its other names (Taguig,
# once "Santa Ana") counts for less; a place in a state or division the article names
# otherwise counts for much more ("Alexandria" in a story about Louisiana).
_KIND_WEIGHT = {"country": 2.0, "continent": 3.0, "admin1": 0.5, "city": 0.0}
_OTHER_NAME = -0.5
_STATE_IN_VIEW = 3.0
_DIVISION_IN_VIEW = 1.5
# The state the knowledge base files a name under as a region ("Geneva", "Ontario"): a
# prior, which the article's own places outweigh ("Ontario" beside Riverside is the town).
_REGION_STATE = 1.5
# The share of a division's people its namesake city must hold to be what the name means,
# or the people that make a namesake city what the name means anyway: news that writes "in
# New York" or "in Mexico" of a city of millions means the city.
_CITY_SHARE = 0.5
_MAJOR_CITY = 1_000_000
_WORD = re.compile(r"[A-Z][a-z]+")


@dataclass(frozen=True)
class PlaceContext:
    """The places an article names, for choosing among the places a name could be.

    ``named``: each place name of the article (normal form) with the state and division
    ``(state, division code)`` it resolves to on its own; ``states``: states the article names
    in other ways (demonyms: "Philippine officials").
    """

    named: Mapping[str, tuple[str, tuple[str, str] | None]] = field(default_factory=dict)
    states: frozenset[str] = frozenset()

    def view(self, key: str) -> tuple[set[str], set[tuple[str, str]]]:
        """The states and divisions in view when resolving ``key``: those of the article's
        other place names and its demonyms (a name is no evidence for itself)."""
        states, divisions = set(self.states), set()
        for name, (state, division) in self.named.items():
            if name == key:
                continue
            states.add(state)
            if division is not None:
                divisions.add(division)
        return states, divisions


NO_CONTEXT = PlaceContext()


def place_context(names: Iterable[str], res: Resources, text: str = "") -> PlaceContext:
    """The context of an article's place ``names``: what each resolves to on its own, and the
    states ``text`` names by demonym."""
    named: dict[str, tuple[str, tuple[str, str] | None]] = {}
    for name in names:
        key = normal(name)
        if not key or key in named:
            continue
        place = _best(key, res, NO_CONTEXT)
        if place is not None and place.country:
            division = (place.country, place.admin1) if place.admin1 else None
            named[key] = (place.country, division)
        elif (code := _state(res, key) or res.kb.by_region.get(key)) is not None:
            named[key] = (code, None)
    states = {
        code for word in set(_WORD.findall(text)) if (code := res.kb.by_demonym.get(normal(word)))
    }
    return PlaceContext(named=named, states=frozenset(states))


# The place context of each parsed article, computed once (see ``doc_context``).
_DOC_CONTEXTS: weakref.WeakKeyDictionary[Doc, tuple[Resources, PlaceContext]] = (
    weakref.WeakKeyDictionary()
)


def doc_context(doc: Doc, res: Resources) -> PlaceContext:
    """The place context of a parsed article: its place entities and demonyms (computed once
    a document, and kept while the document lives)."""
    cached = _DOC_CONTEXTS.get(doc)
    if cached is not None and cached[0] is res:
        return cached[1]
    names = [e.text for e in doc.ents if e.label_ in PLACE_LABELS]
    demonyms = " ".join(e.text for e in doc.ents if e.label_ == "NORP")
    context = place_context(names, res, demonyms)
    _DOC_CONTEXTS[doc] = (res, context)
    return context


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


def _score(
    place: Place,
    key: str,
    states: set[str],
    divisions: set[tuple[str, str]],
    region: str | None = None,
) -> float:
    """How likely ``place`` is the place named ``key``, with ``states`` and ``divisions`` in
    view and the state the name is a region of (see ``_KIND_WEIGHT``)."""
    score = math.log10(place.population + 10) + _KIND_WEIGHT.get(place.kind, 0.0)
    if region is not None and place.country == region and region not in states:
        score += _REGION_STATE
    if place.kind != "country" and normal(place.name) != key:
        score += _OTHER_NAME
    if place.country in states:
        score += _STATE_IN_VIEW
    if place.admin1 and (place.country, place.admin1) in divisions:
        score += _DIVISION_IN_VIEW
    return score


# A word after a name that says it is a division ("Sichuan province", "the Gaza Strip").
_DIVISION_TAIL = re.compile(
    r"\s+(province|state|region|territory|strip|prefecture|oblast|governorate)$"
)


def _division_named(key: str, res: Resources) -> tuple[str, bool]:
    """A name (normal form) without a trailing word that says it is a division, when only
    the name without it is known ("Gaza Strip" → "gaza"); and whether one was dropped, so
    that the division of the name is chosen over a namesake town ("New York State")."""
    tail = _DIVISION_TAIL.search(key)
    if tail is None or res.places.candidates(key) or _state(res, key) is not None:
        return key, False
    bare = key[: tail.start()]
    if not any(c.kind == "admin1" for c in res.places.candidates(bare)):
        return key, False
    return bare, True


def _best(key: str, res: Resources, context: PlaceContext, division: bool = False) -> Place | None:
    """The likeliest place named ``key``: the state the knowledge base names so, and every
    gazetteer place of the name, weighed with the article's other places in view (and the
    state the knowledge base files the name under as a region); with ``division``, its
    first-level divisions if it names any."""
    candidates = list(res.places.candidates(key))
    if division:
        candidates = [c for c in candidates if c.kind == "admin1"] or candidates
    code = _state(res, key)
    if code is not None:
        own = res.places.country(code)
        candidates = [c for c in candidates if c.kind != "country" or c.country == code]
        if own is not None and own not in candidates:
            candidates.append(own)
    if not candidates:
        return None
    states, divisions = context.view(key)
    region = res.kb.by_region.get(key)  # a region of a state the knowledge base knows
    best = max(candidates, key=lambda place: _score(place, key, states, divisions, region))
    if best.kind == "admin1":
        # A division that is mostly its namesake city ("Istanbul"), or whose namesake city
        # is a city of millions ("New York"), is named for the city.
        for town in candidates:
            inside = town.kind == "city" and (town.country, town.admin1) == (
                best.country,
                best.admin1,
            )
            major = town.population >= min(_CITY_SHARE * best.population, _MAJOR_CITY)
            if inside and major:
                return town
    return best


def _from_place(text: str, start: int, end: int, place: Place, country: str | None) -> Where:
    """A ``Where`` for the text at ``start``-``end`` resolved to a gazetteer entry."""
    return Where(
        text=text,
        text_start=start,
        text_end=end,
        name=place.name,
        country=country or place.country or None,
        latitude=place.latitude,
        longitude=place.longitude,
        geonameid=place.geonameid or None,
    )


def _state_where(text: str, start: int, end: int, code: str, res: Resources) -> Where:
    """A state named as a place: its own name, GeoNames id and point (its capital's when the
    gazetteer has no point for it)."""
    point = res.places.country(code) or _capital(res, code)
    return Where(
        text=text,
        text_start=start,
        text_end=end,
        name=res.kb.countries[code].name if code in res.kb.countries else text,
        country=code,
        latitude=point.latitude if point else None,
        longitude=point.longitude if point else None,
        geonameid=res.states.get(code),
    )


def resolve_place(
    text: str, start: int, end: int, res: Resources, context: PlaceContext = NO_CONTEXT
) -> Where:
    """A place name resolved: a state, a seat of power, a division, a continent or a town,
    else a region of a state (its state only), else unresolved.

    A state gets its own name, GeoNames id and point; a metonym ("the Kremlin") resolves to
    the capital. Among places that share a name the likeliest wins (``_best``): ``context``
    holds the article's other places, which settle "Alexandria" in a story about Louisiana.
    A region the knowledge base lists ("Crimea") and the gazetteer does not place gets its
    state only, and so does one whose namesake town is in another state the article does not
    point to. An unknown name keeps its text with every field None.
    """
    key, division = _division_named(normal(text), res)
    code = _state(res, key)
    place = _best(key, res, context, division) if code is None or context.named else None
    if code is not None and (place is None or place.kind == "country"):
        return _state_where(text, start, end, code, res)
    if code is None and not division:  # "Washington State" is no metonym
        code = res.kb.by_metonym.get(key)
        capital = _capital(res, code) if code else None
        if capital is not None:
            return _from_place(text, start, end, capital, code)
        if code is not None:
            # A capital the gazetteer files under another town's old name ("Islamabad", once a
            # name of Chittagong) is still its own state's: the state, without coordinates.
            return Where(text=text, text_start=start, text_end=end, name=text, country=code)
    region = res.kb.by_region.get(key)
    if place is not None and region is not None and place.country != region:
        if place.kind == "country":
            # A territory GeoNames files as a country of its own ("Hong Kong", "Macao"):
            # its point, and the state the knowledge base files it under.
            return _from_place(text, start, end, place, region)
        states, _ = context.view(key)
        if place.kind != "admin1" and (place.country not in states or region in states):
            place = None
    if place is not None:
        return _from_place(text, start, end, place, None)
    if region is not None:
        return Where(text=text, text_start=start, text_end=end, name=text, country=region)
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
        context = doc_context(doc, res)
        where = resolve_place(entity.text, entity.start_char, entity.end_char, res, context)
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
        where = resolve_place(span.text, span.start_char, span.end_char, res, doc_context(doc, res))
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
