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
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from communique.analysis.entities import EntityIndex
from communique.kb import Actor, KnowledgeBase, Office, normal, slug
from communique.kb.places import gazetteer
from communique.records import ActorRef, Mention, Role

re_dash = re.compile(r"\s*[-–—]\s*")

# How sure each way of resolving is; a name in full is as good as it gets.
CONFIDENCE = {
    "name": 0.95,
    "alias": 0.9,
    "surname": 0.85,
    "surname-kb": 0.6,
    "metonym": 0.85,
    "demonym": 0.8,
    "composed": 0.75,
    "descriptor": 0.8,
    "descriptor-kb": 0.65,
    "pronoun": 0.75,
    "new": 0.5,
    "place": 0.5,
}

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions after which a capital is the place something happens, not an actor; and
# those that mean a place only after a word of movement ("a visit to Moscow", not "arms to").
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "through",
     "via", "within", "on", "over"}
)  # fmt: skip
MOTION_PREPS = frozenset({"to", "from", "into", "toward", "towards"})
PLACE_VERBS = frozenset(
    {"visit", "leave", "reach", "tour", "enter", "arrive", "fly", "travel", "go", "come",
     "return", "trip", "journey", "flight", "move", "head", "way", "road", "stop", "drive"}
)  # fmt: skip
FORMER_WORDS = frozenset({"former", "ex", "formerly", "previously", "once", "erstwhile", "then"})
TITLE_WORDS = frozenset(
    {
        "president",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "general",
        "foreign",
        "defence",
        "defense",
        "state",
        "councillor",
        "councilor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "leader",
        "chairman",
        "chair",
        "king",
        "queen",
        "prince",
        "crown",
        "sheikh",
        "emir",
        "top",
        "chief",
        "senior",
        "vice",
        "deputy",
        "acting",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "adm",
        "col",
        "sen",
        "rep",
        "gov",
    }
)

LEADER_TITLES = frozenset(
    {"president", "king", "queen", "emir", "sultan", "premier", "chancellor", "prime", "sheikh"}
)
ROYAL_WORDS = frozenset({"king", "queen", "emir", "sultan", "prince", "princess", "sheikh"})
PERSON_KINDS = ("person",)
KINDS = ("state", "igo", "institution", "outlet", "person")
LABEL_KINDS = {
    "PERSON": ("person",),
    "GPE": ("state", "institution", "igo"),
    "NORP": ("state",),
    "ORG": ("igo", "institution", "outlet", "state", "person"),
    "FAC": ("institution", "state"),
    "LOC": ("state", "igo"),
}


# The offices each role phrase names. "leader" is the state's own leader office.
ROLE_KINDS: dict[str, tuple[str, ...]] = {
    "leader": ("head_of_state", "head_of_government"),
    "head of state": ("head_of_state",),
    "president": ("head_of_state",),
    "prime minister": ("head_of_government",),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "head of government": ("head_of_government",),
    "foreign minister": ("foreign_minister",),
    "foreign secretary": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "top diplomat": ("top_diplomat", "foreign_minister"),
    "chief diplomat": ("top_diplomat", "foreign_minister"),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "defence secretary": ("defence_minister",),
    "defense secretary": ("defence_minister",),
    "diplomat": ("foreign_minister", "top_diplomat"),
    "minister": ("foreign_minister", "defence_minister", "head_of_government"),
}
# Words of an office's title that also make it fit a broad role phrase.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "president": ("president",),
    "diplomat": ("ambassador", "diplomat", "foreign"),
    "minister": ("minister",),
}


def role_fits(office: Office, phrase: str, leader: str | None) -> bool:
    """Whether an office fits a role phrase: "foreign minister", "leader", "spokeswoman"."""
    if phrase == "official":
        return True
    if phrase == "leader" and leader:
        return office.kind == leader
    if office.kind in ROLE_KINDS.get(phrase, ()):
        return True
    title = office.role.lower()
    words = ROLE_WORDS.get(phrase, () if phrase in ROLE_KINDS else (phrase,))
    return any(word in title for word in words)


# Role phrases a definite description can name, longest first.
DESCRIPTOR_PHRASES = (
    "head of state",
    "head of government",
    "prime minister",
    "foreign minister",
    "foreign secretary",
    "secretary of state",
    "top diplomat",
    "chief diplomat",
    "defence minister",
    "defense minister",
    "defence secretary",
    "defense secretary",
    "secretary general",
    "secretary-general",
    "leader",
    "president",
    "premier",
    "chancellor",
    "diplomat",
    "minister",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "secretary",
    "chairman",
    "chairwoman",
    "king",
    "queen",
    "crown prince",
    "emir",
    "general",
    "commander",
)
_DESCRIPTOR_HEADS = frozenset(phrase.split()[-1] for phrase in DESCRIPTOR_PHRASES) | {"head"}


@dataclass
class _Found:
    """A resolved span, before it becomes a Mention."""

    start: int
    end: int
    text: str
    label: str
    actor: Actor | None
    how: str | None
    token: Token  # the syntactic head of the span


@dataclass
class _State:
    """What the linker knows about the article so far."""

    cast: dict[str, Actor] = field(default_factory=dict)  # people by id, in order first named
    surnames: dict[str, list[str]] = field(default_factory=dict)  # normal surname → ids
    positions: dict[str, list[int]] = field(default_factory=dict)  # id → mention offsets, sorted
    text_roles: dict[str, list[str]] = field(default_factory=dict)  # id → roles in the text
    new: dict[str, Actor] = field(default_factory=dict)  # actors first met in this article


@dataclass
class _Reading:
    """Whom the text has named so far, in reading order, for the pronouns to come."""

    # Sentence start → the person subjects, and the people mentioned, in order.
    subjects: dict[int, list[Actor]] = field(default_factory=dict)
    people: dict[int, list[Actor]] = field(default_factory=dict)
    # Their keys, sorted.
    subject_starts: list[int] = field(default_factory=list)
    people_starts: list[int] = field(default_factory=list)
    # "m", "f" → the last person resolved whom "he", "she" fits.
    last: dict[str, Actor] = field(default_factory=dict)

    def meet(self, actor: Actor, sentence: int, subject: bool) -> None:
        """A person named in the sentence that starts at ``sentence``, as its subject or not."""
        _keep(self.people, self.people_starts, sentence, actor)
        if subject:
            _keep(self.subjects, self.subject_starts, sentence, actor)

    def resolved(self, actor: Actor | None) -> None:
        """A mention resolved (to ``actor``, or to no one)."""
        if actor is not None and actor.kind == "person":
            for gender in ("m", "f"):
                if actor.gender in (None, gender):
                    self.last[gender] = actor


def _keep(by_start: dict[int, list[Actor]], starts: list[int], start: int, actor: Actor) -> None:
    """Add an actor to a sentence's list, and a new sentence to the sorted starts."""
    if start not in by_start:
        bisect.insort(starts, start)
    by_start.setdefault(start, []).append(actor)


def _holder(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a stretch lies within one of ``spans``: they are sorted once, then each question
    is a bisection."""
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))

    def holds(start: int, end: int) -> bool:
        before = bisect.bisect_right(starts, start)  # the spans that start at or before it
        return before > 0 and reach[before - 1] >= end

    return holds


class ActorLinker:
    """Links the mentions of one article; make one per article (it keeps the article's cast)."""

    def __init__(self, doc: Doc, article_id: str, day: date | None, kb: KnowledgeBase) -> None:
        self.doc, self.article_id, self.day, self.kb = doc, article_id, day, kb
        self.state = _State()
        self.roles: list[Role] = []
        self.entities = EntityIndex(doc)

    # -- entry point -----------------------------------------------------------------------

    def link(
        self, mentions: Iterable[Mention], sentence_of: Callable[[int], int]
    ) -> tuple[tuple[Mention, ...], tuple[ActorRef, ...], tuple[Role, ...]]:
        spans = [self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
        entities = [(m, span) for m, span in zip(mentions, spans, strict=True) if span is not None]
        self._set_cast(entities)
        found: list[_Found] = []
        covered: set[int] = set()
        for mention, span in entities:
            found.append(self._resolve_entity(mention, span))
            covered.update(range(span.start, span.end))
        found += self._extra_names(covered)
        found += self._descriptions(covered)
        found.sort(key=lambda item: item.start)
        found = self._resolve_in_order(found)
        # A resolved description stands for the nationality word inside it.
        described = _holder([(f.start, f.end) for f in found if f.label == "NOUN" and f.actor])
        found = [f for f in found if f.label == "NOUN" or not described(f.start, f.end)]
        records = tuple(
            Mention(
                article_id=self.article_id,
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
            for index, item in enumerate(found)
        )
        actors = {item.actor.id: item.actor for item in found if item.actor}
        refs = tuple(
            ActorRef(
                id=actor.id,
                name=actor.name,
                kind=actor.kind,
                country=actor.country,
                sector=actor.sector_on(self.day),
                wikidata=actor.wikidata,
                origin="text" if actor.id in self.state.new else "kb",
            )
            for actor in actors.values()
        )
        return records, refs, tuple(self.roles)

    # -- the cast ----------------------------------------------------------------------------

    def _set_cast(self, entities: list[tuple[Mention, Span]]) -> None:
        """People named in full anywhere in the article, and what the text says they are."""
        for mention, span in entities:
            if len(self._name_tokens(span)) < 2 and mention.label != "PERSON":
                continue
            actor, _ = self._by_name(span, ("person",))
            if actor is None and mention.label == "PERSON" and self._looks_like_name(span):
                actor = self._new_person(span)
            if actor is not None and actor.kind == "person":
                self._join_cast(actor)
                self._read_roles(actor, span)

    def _join_cast(self, actor: Actor) -> None:
        if actor.id in self.state.cast:
            return
        self.state.cast[actor.id] = actor
        names = {actor.surname or actor.name.split()[-1], actor.name.split()[-1]}
        for name in names:
            ids = self.state.surnames.setdefault(normal(name), [])
            if actor.id not in ids:
                ids.append(actor.id)

    def _looks_like_name(self, span: Span) -> bool:
        """Two or more capitalised words: what a person's name written in full looks like."""
        tokens = self._name_tokens(span)
        return len(tokens) >= 2 and all(_capitalised(t.text) for t in tokens)

    def _new_person(self, span: Span) -> Actor:
        """Someone the knowledge base does not know, with the state the text ties them to."""
        tokens = self._name_tokens(span)
        country = None
        # "Jordan's King Abdullah II": the state and the title are not the name.
        while len(tokens) > 1 and (state := self._state_named(tokens[0])):
            country, tokens = country or state, tokens[1:]
            while len(tokens) > 1 and tokens[0].lower_.strip(".") in TITLE_WORDS | ROYAL_WORDS:
                tokens = tokens[1:]
        name = " ".join(token.text for token in tokens)
        key = f"person:{slug(name)}"
        actor = self.state.new.get(key) or self.kb.actors.get(key)
        if actor is None:
            country = country or self._leader_country(span)
            sector = "GOV" if country and self._titled(span) else None
            actor = Actor(id=key, name=name, kind="person", surname=name.split()[-1],
                          country=country, sector=sector)  # fmt: skip
            self.state.new[key] = actor
        return actor

    def _state_named(self, token: Token) -> str | None:
        """The state a single word names: "Jordan", "Russian", "Beijing"."""
        key = normal(token.text)
        if key in self.kb.by_demonym:
            return self.kb.by_demonym[key]
        return next((a.id for a in self.kb.named(key) if a.kind == "state"), None)

    def _titled(self, span: Span) -> bool:
        """Whether a leader's title comes right before the name: "President Suharto"."""
        first = span[0]
        before = self.doc[first.i - 1] if first.i > 0 else None
        words = {first.lower_.strip("."), before.lower_.strip(".") if before is not None else ""}
        return bool(words & LEADER_TITLES)

    def _leader_country(self, span: Span) -> str | None:
        """For "President X" with no nationality: the one state its sentence names, if one."""
        if not self._titled(span):
            return None
        states = set()
        for token in span.sent:
            if token.i in range(span.start, span.end):
                continue
            state = self._state_named(token)
            if state is None and token.ent_type_ in ("GPE", "LOC"):
                place = gazetteer().get(normal(token.text))
                state = place.country if place else None
            if state:
                states.add(state)
        return states.pop() if len(states) == 1 else None

    def _name_tokens(self, span: Span) -> list[Token]:
        """The name in a span, without a possessive ending or leading title words."""
        tokens = [
            t
            for t in span
            if any(c.isalnum() for c in t.text) and not (t.tag_ == "POS" or t.text in ("'s", "’s"))
        ]
        while len(tokens) > 1 and tokens[0].lower_.strip(".") in TITLE_WORDS:
            tokens = tokens[1:]
        return tokens

    # -- names -------------------------------------------------------------------------------

    def _by_name(self, span: Span, kinds: tuple[str, ...]) -> tuple[Actor | None, str | None]:
        """The knowledge-base actor a span names, preferring ``kinds`` and the cast."""
        texts = [span.text, " ".join(t.text for t in self._name_tokens(span))]
        for text in texts:
            candidates = self.kb.named(text)
            if not candidates:
                continue
            actor = self._choose(candidates, kinds)
            how = "name" if normal(text) == normal(actor.name) else "alias"
            return actor, how
        return None, None

    def _choose(self, candidates: list[Actor], kinds: tuple[str, ...]) -> Actor:
        def rank(actor: Actor) -> tuple[int, int, int]:
            in_cast = actor.id in self.state.cast
            kind = kinds.index(actor.kind) if actor.kind in kinds else len(kinds)
            in_office = bool(actor.offices_on(self.day)) if self.day else bool(actor.offices)
            return (not in_cast, kind, not in_office)

        return min(candidates, key=rank)

    def _resolve_entity(self, mention: Mention, span: Span) -> _Found:
        found = _Found(
            mention.start, mention.end, mention.text, mention.label, None, None, span.root
        )
        kinds = LABEL_KINDS.get(mention.label, ("person", "institution", "igo", "state"))
        key = normal(" ".join(t.text for t in self._name_tokens(span)))
        if mention.label != "PERSON" and key in self.kb.by_metonym and not self.kb.named(key):
            return self._metonym(found, self.kb.by_metonym[key])
        actor, how = self._by_name(span, kinds)
        if actor is not None and not (actor.kind == "state" and key in self.kb.by_metonym):
            found.actor, found.how = actor, how
            if actor.kind == "person":
                self._join_cast(actor)
            return found
        if key in self.kb.by_metonym:
            return self._metonym(found, self.kb.by_metonym[key])
        if key in self.kb.by_demonym:
            found.actor, found.how = self.kb.state(self.kb.by_demonym[key]), "demonym"
            return found
        if self._pair(span):
            return found  # "Sino-Russian", "China–Russia": both sides, no one actor
        if mention.label in ("GPE", "LOC", "FAC", "NORP") and key in self.kb.by_region:
            found.actor, found.how = self.kb.state(self.kb.by_region[key]), "place"
            return found
        if mention.label in ("GPE", "LOC", "FAC") and key in gazetteer():
            place = gazetteer()[key]
            if place.country in self.kb.countries:
                found.actor, found.how = self.kb.state(place.country), "place"
                return found
        found.how = "surname?"  # settled in reading order, once the cast is known
        return found

    def _pair(self, span: Span) -> bool:
        """Whether a span joins two states with a hyphen or dash ("Sino-Russian")."""
        parts = [normal(part) for part in re_dash.split(span.text) if part.strip()]
        if len(parts) < 2:
            return False
        return all(
            part in self.kb.by_demonym
            or part in self.kb.by_prefix
            or part in self.kb.by_metonym
            or any(a.kind == "state" for a in self.kb.named(part))
            for part in parts
        )

    def _metonym(self, found: _Found, country: str) -> _Found:
        token = found.token
        seat = normal(found.text) != normal(self.kb.countries[country].capital or "")
        if seat or self._acts(token):
            found.actor, found.how = self.kb.body(country, "GOV"), "metonym"
        else:  # where something happens: the place is in the state, no one acts
            found.actor, found.how = self.kb.state(country), "place"
        return found

    def _acts(self, token: Token) -> bool:
        """Whether a place name stands for someone acting: a subject, an owner, an agent."""
        while token.dep_ == "conj" and token.head != token:
            token = token.head
        if token.dep_ == "pobj":
            prep = token.head
            if prep.lower_ in LOCATIVE_PREPS:
                return False
            if prep.lower_ in MOTION_PREPS:
                return prep.head.lemma_ not in PLACE_VERBS
            return True
        if token.dep_ == "dobj":
            return token.head.lemma_ not in PLACE_VERBS
        return token.dep_ not in ("npadvmod", "advmod")

    def _extra_names(self, covered: set[int]) -> list[_Found]:
        """Proper nouns spaCy did not tag that name a cast member, or a seat of power."""
        found = []
        runs: list[list[Token]] = []
        for token in self.doc:
            if token.i in covered or token.pos_ != "PROPN":
                continue
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
        for run in runs:
            span = self.doc[run[0].i : run[-1].i + 1]
            key = normal(span.text)
            people = [a for a in self.kb.named(key) if a.kind == "person"]
            bodies = [a for a in self.kb.named(key) if a.kind != "person"] if len(key) > 2 else []
            if (people and len(run) > 1) or bodies:
                actor = self._choose(people or bodies, PERSON_KINDS if people else KINDS)
                item = _Found(span.start_char, span.end_char, span.text, "PROPN", actor, "name",
                              span.root)  # fmt: skip
                self._join_cast(actor)
            elif len(run) == 1 and (
                key in self.state.surnames or (key in self.kb.by_metonym and len(key) > 3)
            ):
                item = _Found(span.start_char, span.end_char, span.text, "PROPN", None,
                              "surname?", span.root)  # fmt: skip
            elif len(run) == 1 and key in self.kb.by_demonym:
                # a nationality the model did not tag: "crimes committed by Croat forces"
                actor = self.kb.state(self.kb.by_demonym[key])
                item = _Found(span.start_char, span.end_char, span.text, "PROPN", actor,
                              "demonym", span.root)  # fmt: skip
            else:
                continue
            found.append(item)
            covered.update(t.i for t in run)
        return found

    # -- descriptions ------------------------------------------------------------------------

    def _descriptions(self, covered: set[int]) -> list[_Found]:
        """Definite descriptions ("the Russian leader") and subject pronouns ("he")."""
        found = []
        chunks = list(self.doc.noun_chunks)
        # Possessors are noun phrases of their own: "the Russian president's invitation".
        for token in self.doc:
            if token.dep_ == "poss" and token.pos_ == "NOUN" and token.lower_ in _DESCRIPTOR_HEADS:
                chunks.append(self.doc[token.left_edge.i : token.i + 1])
        for chunk in chunks:
            root = chunk.root
            if root.i in covered or any(
                t.i in covered and t.ent_type_ not in ("NORP", "GPE") for t in chunk
            ):
                continue
            if root.pos_ == "PRON":
                if root.lower_ in ("he", "she") and root.dep_ in SUBJECT_DEPS:
                    found.append(
                        _Found(
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
            if root.tag_ in ("NNS", "NNPS") or root.lower_ not in _DESCRIPTOR_HEADS or not definite:
                # A body named by nationality and role noun: "Chinese officials", "Russian troops".
                owners = [c for c in root.children if c.dep_ == "poss"]
                first = max([o.right_edge.i + 1 for o in owners] + [chunk.start])
                if first > root.i or not self._acts(root):
                    continue
                country = self._country_in(self.doc[first : root.i + 1])
                head = self.doc[first : root.i + 1]
                sector = self._sector_of(head) if country else None
                if country and sector:
                    body = self.kb.body(country, sector)
                    start, end, text = chunk.start_char, chunk.end_char, chunk.text
                    found.append(_Found(start, end, text, "NOUN", body, "composed", root))
                continue
            end = chunk.end
            # "the head of state": the prepositional part belongs to the description.
            if root.lower_ == "head" and root.nbor(1).lower_ == "of" and end < len(self.doc):
                end = root.nbor(2).i + 1 if root.i + 2 < len(self.doc) else end
            span = self.doc[chunk.start : end]
            found.append(
                _Found(span.start_char, span.end_char, span.text, "NOUN", None, "descriptor?", root)
            )
        return found

    def _describe(self, span: Span) -> tuple[str | None, str | None]:
        """The role phrase and the country a description names ("Beijing's top diplomat")."""
        lowered = normal(span.text)
        phrase = next((p for p in DESCRIPTOR_PHRASES if p in lowered), None)
        return phrase, self._country_in(span)

    def _country_in(self, span: Span) -> str | None:
        """The state a noun phrase's modifiers name: "Chinese", "Beijing's", "Russia's"."""
        country = None
        for token in span:
            if token.dep_ not in ("poss", "amod", "compound", "nmod") or stance_word(token):
                continue
            key = normal(token.text)
            country = country or (
                self.kb.by_demonym.get(key)
                or self.kb.by_metonym.get(key)
                or next((a.id for a in self.kb.named(key) if a.kind == "state"), None)
                or (self.kb.by_region.get(key) if token.pos_ == "PROPN" else None)
                or (self._leaders_state(key) if token.pos_ == "PROPN" else None)
            )
        return country

    def _leaders_state(self, key: str) -> str | None:
        """ "the Bush administration": the state of the people of that name, if all share one."""
        people = self.kb.surnamed(key) or [a for a in self.kb.named(key) if a.kind == "person"]
        countries = {a.country for a in people if a.country and a.offices}
        return countries.pop() if len(countries) == 1 else None

    # -- reading order -----------------------------------------------------------------------

    def _resolve_in_order(self, found: list[_Found]) -> list[_Found]:
        reading = _Reading()
        resolved: list[_Found] = []
        for item in found:
            if item.how == "surname?":
                self._resolve_surname(item)
            elif item.how == "descriptor?":
                self._resolve_description(item)
            elif item.how == "pronoun?":
                self._resolve_pronoun(item, reading)
            if item.how and item.how.endswith("?"):
                item.how = None
                if item.label in ("PRON", "NOUN", "PROPN"):
                    continue  # nothing to say about an unresolved description
            if item.actor is not None and item.actor.kind == "person":
                self.state.positions.setdefault(item.actor.id, []).append(item.start)
                subject = item.token.dep_ in SUBJECT_DEPS or self._is_subject(item)
                reading.meet(item.actor, item.token.sent.start, subject)
            reading.resolved(item.actor)
            resolved.append(item)
        return resolved

    def _is_subject(self, item: _Found) -> bool:
        token = item.token
        while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token:
            token = token.head
        return token.dep_ in SUBJECT_DEPS

    def _leading(self, actor: Actor) -> bool:
        """Whether a person holds a leading office on the article's day (with no day: ever)."""
        offices = actor.offices if self.day is None else actor.offices_on(self.day)
        return any(office.kind != "other" for office in offices)

    def _span(self, start: int, end: int) -> Span:
        """The tokens covering characters ``start`` to ``end`` of the text."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            raise ValueError(f"characters {start}-{end} are outside the text")
        return span

    def _resolve_surname(self, item: _Found) -> None:
        key = normal(" ".join(t.text for t in self._name_tokens(self._span(item.start, item.end))))
        ids = self.state.surnames.get(key)
        if ids:
            item.actor, item.how = self._latest(ids, item.start), "surname"
            return
        if key in self.kb.by_metonym:
            self._metonym(item, self.kb.by_metonym[key])
            return
        people = [a for a in self.kb.surnamed(key) if a.kind == "person"]
        # A surname alone names a known person only if he holds a leading office ("Obama",
        # "Lavrov"): among thousands of officials a "Wallace" or a "Fox" is someone else.
        current = [a for a in people if self._leading(a)]
        if len(current) == 1:
            item.actor, item.how = current[0], "surname-kb"
            self._join_cast(current[0])
            return
        span = self._span(item.start, item.end)
        names = self._name_tokens(span)
        if (
            item.label == "PERSON"
            and all(_capitalised(t.text) for t in names)
            and not (len(names) == 1 and names[0].tag_ == "NNPS")  # "Uyghurs": a people
        ):
            actor = self._new_person(span)
            self._join_cast(actor)
            item.actor, item.how = actor, "new"
            return
        if item.label in ("ORG", "FAC", "GPE", "LOC", "NORP", "EVENT", "PRODUCT", "LAW"):
            self._compose(item)

    def _latest(self, ids: list[str], position: int) -> Actor:
        """Of several cast members, the one last mentioned before ``position``."""

        def last_before(key: str) -> int:
            positions = self.state.positions.get(key, [])  # in text order
            before = bisect.bisect_left(positions, position)
            return positions[before - 1] if before else -1

        return self.state.cast[max(ids, key=last_before)]

    def _compose(self, item: _Found) -> None:
        """A body named by nationality and role noun, or an organisation met in the text."""
        span = self._span(item.start, item.end)
        country = None
        for token in span:
            if stance_word(token):
                continue
            key = normal(token.text)
            country = country or self.kb.by_demonym.get(key) or self.kb.by_prefix.get(key)
            if country is None:
                states = [a for a in self.kb.named(key) if a.kind == "state"]
                country = states[0].id if states else None
            if country is None and token.pos_ == "PROPN":
                country = self._leaders_state(key)  # "the Bush administration"
        country = country or self._seat_in_name(span)
        sector = self._sector_of(span)
        if country and sector:
            item.actor, item.how = self.kb.body(country, sector), "composed"
            return
        if item.label == "ORG":
            name = " ".join(t.text for t in self._name_tokens(span))
            key = f"org:{slug(name)}"
            actor = self.state.new.get(key) or Actor(
                id=key, name=name, kind="group", country=country, sector=sector
            )
            self.state.new[key] = actor
            item.actor, item.how = actor, "new"

    def _seat_in_name(self, span: Span) -> str | None:
        """The state of a capital an organisation is named after ("the United Bus Company of
        Tehran", "the University of Baghdad"): a body of a state's capital is of that state."""
        for token in span:
            if token.dep_ == "pobj" and token.head.lower_ in ("of", "in"):
                code = self.kb.by_metonym.get(normal(token.text))
                if code:
                    return code
        return None

    def _sector_of(self, span: Span) -> str | None:
        """The sector named by the longest role noun in a span ("foreign ministry" → GOV)."""
        words = [normal(t.lemma_ if t.tag_ in ("NNS", "NNPS") else t.text) for t in span]
        for size in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - size, -1, -1):
                sector = self.kb.agents.get(" ".join(words[i : i + size]))
                if sector:
                    return sector
        return None

    def _resolve_description(self, item: _Found) -> None:
        span = self._span(item.start, item.end)
        phrase, country = self._describe(span)
        if phrase is None:
            return
        leader = self.kb.countries[country].leader if country in self.kb.countries else None

        def fitting(actor: Actor) -> bool:
            if (
                country
                and actor.country != country
                and not any(o.country == country for o in actor.offices)
            ):
                return False
            offices = actor.offices_on(self.day) if self.day else actor.offices
            if any(role_fits(office, phrase, leader) for office in offices):
                return True
            return any(
                phrase.split()[-1] in role for role in self.state.text_roles.get(actor.id, [])
            )

        candidates = [key for key, actor in self.state.cast.items() if fitting(actor)]
        if candidates:
            item.actor, item.how = self._latest(candidates, item.start), "descriptor"
            return
        if country and self.day:
            # The holder of that state's office; too broad a phrase ("the minister") names none.
            kinds = () if phrase in ("diplomat", "minister") else ROLE_KINDS.get(phrase, ())
            if phrase == "leader" and leader:
                kinds = (leader,)
            holders = self.kb.holders(country, kinds, self.day)
            if len(holders) == 1:
                item.actor, item.how = holders[0], "descriptor-kb"
                self._join_cast(holders[0])
                return
        if country:  # someone of that state's government, military, ...: the body stands in
            sector = self._sector_of(span) or "GOV"
            item.actor, item.how = self.kb.body(country, sector), "composed"

    def _resolve_pronoun(self, item: _Found, reading: _Reading) -> None:
        gender = "m" if item.token.lower_ == "he" else "f"

        def compatible(actor: Actor) -> bool:
            return actor.kind == "person" and actor.gender in (None, gender)

        sentence = item.token.sent
        subjects, people = reading.subjects, reading.people
        # The subject of this sentence, named before the pronoun ("Biden ..., where he met").
        for actor in subjects.get(sentence.start, []):
            if compatible(actor):
                item.actor, item.how = actor, "pronoun"
                return
        # The person the text was last about: the subject of an earlier sentence; where the
        # sentence just before names people but (as parsed) none as subject, the first of them.
        before = bisect.bisect_left(reading.people_starts, sentence.start)
        previous = reading.people_starts[before - 1] if before else None
        before = bisect.bisect_left(reading.subject_starts, sentence.start)
        earlier = reading.subject_starts[max(before - 6, 0) : before][::-1]
        if previous is not None and (not earlier or earlier[0] < previous):
            earlier.insert(0, previous)
        for start in earlier:
            pool = subjects.get(start) or people.get(start, [])
            for actor in pool if start == previous and start not in subjects else reversed(pool):
                if compatible(actor):
                    item.actor, item.how = actor, "pronoun"
                    return
        # Else the last person the text named whom the pronoun fits.
        last = reading.last.get(gender)
        if last is not None:
            item.actor, item.how = last, "pronoun"

    # -- roles in the text -------------------------------------------------------------------

    def _read_roles(self, actor: Actor, span: Span) -> None:
        """Titles before a name, appositions and relative clauses after it: what someone is."""
        root = span.root
        if root.left_edge.i < span.start:
            self._title_role(actor, self.doc[root.left_edge.i : span.start])
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                # "a senior member of the Politburo and head of the ... Office": two roles.
                for head in (child, *child.conjuncts):
                    self._phrase_role(actor, head)
            elif child.dep_ == "relcl":
                self._clause_role(actor, child)

    def _title_role(self, actor: Actor, title: Span) -> None:
        """ "Russian Foreign Minister", "Russian Security Council secretary"."""
        orgs = [ent for ent in self.entities.within(title) if ent.label_ in ("ORG", "FAC")]
        in_org = {t.i for ent in orgs for t in ent}
        words = [t for t in title if t.i not in in_org]
        organisation = _bare(orgs[0].text) if orgs else None
        self._record(actor, words, organisation, title, None)

    def _phrase_role(self, actor: Actor, head: Token, tense: str | None = None) -> None:
        """ "secretary of the Russian Security Council": role, organisation, country."""
        own = {
            t.i
            for child in head.children
            if child.dep_ in ("conj", "cc", "punct", "relcl", "acl")
            for t in child.subtree
        }
        tokens = [t for t in head.subtree if t.i not in own]
        if not tokens:
            return
        evidence = self.doc[tokens[0].i : tokens[-1].i + 1]
        organisation = None
        role_end = head.i + 1
        for child in head.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("of", "at", "for", "in")
                and child.i > head.i
            ):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    target = objects[0]
                    organisation = _bare(
                        self.doc[target.left_edge.i : target.right_edge.i + 1].text
                    )
                break
        words = [t for t in tokens if t.i < role_end]
        self._record(actor, words, organisation, evidence, tense, context=evidence)

    def _clause_role(self, actor: Actor, verb: Token) -> None:
        """ "who formerly chaired the ... Office", "who previously served as Deputy ..."."""
        former = any(c.lower_ in FORMER_WORDS for c in verb.children) or verb.tag_ == "VBD"
        tense = "former" if former else "current"
        if verb.lemma_ == "serve":
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for target in prep.children:
                        if target.dep_ == "pobj":
                            self._phrase_role(actor, target, tense)
            return
        nouns = {"chair": "chair", "head": "head", "lead": "leader", "run": "head",
                 "command": "commander", "direct": "director"}  # fmt: skip
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.lemma_ not in nouns or not objects:
            return
        target = objects[0]
        organisation = _bare(self.doc[target.left_edge.i : target.right_edge.i + 1].text)
        evidence = self.doc[verb.left_edge.i : target.right_edge.i + 1]
        self._record(actor, [], organisation, evidence, tense, role=nouns[verb.lemma_])

    def _record(
        self,
        actor: Actor,
        words: list[Token],
        organisation: str | None,
        evidence: Span,
        tense: str | None,
        *,
        role: str | None = None,
        context: Span | None = None,
    ) -> None:
        """Keep a role the text gives someone, when its words name a role."""
        former = any(t.lower_.strip("-") in FORMER_WORDS for t in (context or evidence))
        country = None
        kept: list[Token] = []
        for token in words:
            if token.pos_ in ("DET", "PUNCT") or token.tag_ == "POS":
                continue
            if token.lower_.strip("-") in FORMER_WORDS:
                continue
            state = self._state_named(token)
            if state:
                country = country or state
                continue
            kept.append(token)
        while kept and kept[0].pos_ in ("ADP", "CCONJ"):
            kept.pop(0)
        while kept and kept[-1].pos_ in ("ADP", "CCONJ"):
            kept.pop()
        if role is None:
            named = any(
                normal(t.text) in self.kb.agents or t.lower_ in _DESCRIPTOR_HEADS for t in kept
            )
            # "a senior member of the Politburo": a post in a named body is a role too.
            if not kept or not (named or (organisation and kept[-1].pos_ == "NOUN")):
                return
            role = " ".join(t.text for t in kept)
        for token in evidence:  # a nationality in the organisation's name: "Russian Security"
            country = country or (self._state_named(token) if token.ent_type_ else None)
        self.state.text_roles.setdefault(actor.id, []).append(normal(role))
        self.roles.append(
            Role(
                article_id=self.article_id,
                index=len(self.roles),
                actor_id=actor.id,
                role=role,
                organisation=organisation,
                country=country,
                tense=tense or ("former" if former else "current"),
                start=evidence.start_char,
                end=evidence.end_char,
            )
        )
        if actor.id in self.state.new and (actor.country is None or actor.sector is None):
            sector = self._sector_of(self.doc[kept[0].i : kept[-1].i + 1]) if kept else None
            updated = replace(actor, country=actor.country or country,
                              sector=actor.sector or sector)  # fmt: skip
            self.state.new[actor.id] = updated
            self.state.cast[actor.id] = updated


_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|bin|ibn|bint|abu|de|da|do|dos|du|la|le|van|von|der)\b")


# Prefixes that make a state word what its noun is for or against, not whose it is.
STANCE_PREFIXES = frozenset({"anti", "pro"})
re_stance = re.compile(r"^(?:anti|pro)[-–]", re.IGNORECASE)


def stance_word(token: Token) -> bool:
    """Whether a word is prefixed by "anti-" or "pro-" ("an anti-Syria journalist", "a
    pro-Russian militia"): the journalist is not Syrian, the militia not Russian."""
    if re_stance.match(token.text):
        return True
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in STANCE_PREFIXES


def _capitalised(word: str) -> bool:
    """A word of a name: capitalised, or a particle such as "al-" or "bin"."""
    return word[:1].isupper() or bool(_PARTICLE.match(word))


def _bare(name: str) -> str:
    """An organisation's name without a leading article."""
    return name[4:] if name.lower().startswith("the ") else name
