"""Event triggers: which words in a parsed sentence report a PLOVER event, and of what kind.

The lexicon is ``ontology/data/triggers.csv`` (communique's own table, written with the PLOVER
manual and the CAMEO codebook as references). Each row is a :class:`Trigger`: a lemma and part
of speech, optional conditions on the parse (a phrasal particle, a governed preposition, a set
of object lemmas) and the PLOVER ``(type, mode)`` it reports. Rows of type ``NONE`` are guards:
uses of a trigger word that report nothing ("meet the demand", "warned of famine"). The word
lists the matcher reads beside the rows (light verbs, instruments, hints of the future) are
concepts of ``lexicon.yaml``, handed to :func:`read_triggers` and kept as ``TriggerTable.words``.

:func:`match` asks of one token: is this an event trigger, and of which ``(type, mode)``? It
answers with a :class:`Match` or None. It is built to be asked about every token of a
sentence, and reports each event once:

- **verbs** match on their own rows, the most specific row whose conditions hold
  ("withdraw from the treaty" is SANCTION withdraw, "withdraw troops" RETREAT withdraw);
- **light verbs** ("held talks", "launched an attack", "carried out strikes", "paid a visit",
  "went on strike") report the event of their noun: the match is made at the light verb, so
  that its subject is the actor; ``Match.head`` is the light verb and ``Match.token`` the noun.
  The noun itself then reports nothing (it is *claimed*);
- **nouns** report on their own only as the subject of a main clause ("protests erupted",
  "the talks ended"), in an existential ("there were clashes") or as a headline root;
  elsewhere ("after the attack", "condemned the attack") they are mentions of an event, not
  reports of one;
- a trigger inside the object or complement of another trigger is claimed by it:
  "condemned the attack" is one ACCUSE event, "urged Iran to release the prisoners" one
  REQUEST yield event, "accused Israel of killing civilians" one ACCUSE event;
- **complements** decide the mode of REQUEST, REJECT and THREATEN ("refused to meet" is
  REJECT meet, "threatened to impose sanctions" THREATEN restrict), and turn a promise into
  THREATEN or CONCEDE when what is promised is conflict or a concession ("vowed to retaliate"
  is THREATEN violence; "agreed to withdraw its troops" CONCEDE, as the PLOVER manual codes
  announced retreats);
- **instruments** give ASSAULT its mode when the trigger has none ("jets bombed", "killed in
  an airstrike", "shot" are aerial, aerial, firearms), and tear gas or water cannon turn a
  dispersal into ASSAULT crowd-control.

Passive voice needs nothing special ("was attacked by gunmen" matches attack). Roles,
negation, tense (PLOVER codes future cooperation as AGREE, announced retreats as CONCEDE)
and quotation are the event extractor's business; a :class:`Match` gives it hints:
``future`` ("will meet", "is ready to send"), ``negated`` ("did not attack"), ``reverse``
(the object is the actor: "Xi hosted Putin") and ``cause`` (the subject caused the event
but did not carry it out: "the ruling sparked protests").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Span, Token

from communique.analysis.lexicon import Lexicon
from communique.ontology import plover

__all__ = [
    "GUARD",
    "Match",
    "Trigger",
    "TriggerTable",
    "match",
    "match_sentence",
    "read_triggers",
]


GUARD = "NONE"
"""The type of a guard row: a use of a trigger word that is not an event."""
NO_OBJECT = "@none"
"""The objects of a row for a verb used with no object or complement ("exports declined")."""

_PACKAGE = "communique.ontology"
_FILE = "triggers.csv"
_POS = ("VERB", "NOUN")
_ENTITY_LABELS: dict[str, frozenset[str]] = {
    "@person": frozenset({"PERSON"}),
    "@gpe": frozenset({"GPE"}),
    "@org": frozenset({"ORG"}),
    "@norp": frozenset({"NORP"}),
    "@actor": frozenset({"PERSON", "GPE", "ORG", "NORP"}),
}

_VERBAL_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
)
_WRAPPER_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
# What an order is coded as when it orders it: coercion and sanctions are done by ordering.
_COMMANDED = frozenset({"COERCE", "SANCTION"})

_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "xcomp", "acomp", "dative"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "acomp", "oprd", "xcomp", "dep", "npadvmod"})
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

# The mode a REQUEST or REJECT takes from what is asked or refused (PLOVER's shared modes).
_ASK_MODES: dict[str, str] = {
    "CONSULT": "meet",
    "AGREE": "meet",
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the trigger lexicon.

    ``type`` is a PLOVER type, or :data:`GUARD` ("NONE") for a use of the word that is no
    event; ``mode`` a PLOVER mode of that type or None. ``particle``, ``prep`` and
    ``objects`` are the row's conditions (None or empty when it has none); an object
    starting with "@" is a named-entity label ("@person", "@gpe", "@org", "@norp", "@actor").
    ``reverse``: the grammatical object is the PLOVER actor (a host's guest is the visitor).
    ``cameo``: a CAMEO code the row's wording decides over its type and mode's usual one.
    """

    lemma: str
    pos: str
    type: str
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    note: str = ""
    cameo: str | None = None  # a CAMEO code the wording decides ("deny": 016)

    @property
    def guard(self) -> bool:
        """True for a guard row (type NONE): the word is used here but reports no event."""
        return self.type == GUARD

    @property
    def reverse(self) -> bool:
        """True when the grammatical object, not the subject, is the PLOVER actor."""
        return "[reverse]" in self.note

    @property
    def broke_down(self) -> bool:
        """True for a failure that reports an event only when what failed is an agreement or
        a meeting ("failed to reach a deal": talks broke down; "failed to reach the runoff":
        nothing between actors)."""
        return "[broke down]" in self.note

    @property
    def specificity(self) -> int:
        """How specific the row is: objects count 4, a preposition 2, a particle 1."""
        return 4 * bool(self.objects) + 2 * bool(self.prep) + bool(self.particle)


@dataclass(frozen=True, slots=True)
class Match:
    """An event trigger found in a parse.

    - ``trigger``: the lexicon row that matched; for a light verb ("held talks") the noun's
      row, for a complement-driven match the outer row ("urged ... to release": urge).
    - ``type``, ``mode``: the PLOVER type and mode reported. They are the row's, except where
      a complement or an instrument decides them (``trigger.type`` AGREE, ``type`` THREATEN
      for "vowed to retaliate"; ``mode`` aerial for "jets bombed").
    - ``head``: the predicate whose arguments hold the actor and recipient, and the token
      :func:`match` was asked about: the verb, the light verb of "held talks", or the noun
      itself for a noun that reports on its own ("protests erupted").
    - ``token``: the trigger word: the noun "talks" in "held talks", else ``head``.
    - ``kind``: "verb" (a verb's own row), "light" (a light verb and its noun) or "noun" (a
      noun reporting on its own: the actor is to be found in its modifiers, "Israeli strikes",
      "protests by farmers").
    - ``complement``: the embedded trigger that set the type or mode ("release" in "urged
      Iran to release prisoners"), else None. It is claimed: it reports nothing itself.
    - ``words``: the word lists its hints read (auxiliaries of the future, verbs of causing).
    """

    trigger: Trigger
    type: str
    mode: str | None
    head: Token
    token: Token
    kind: str
    complement: Token | None = None
    words: Lexicon = field(kw_only=True, repr=False, compare=False)

    @property
    def noun(self) -> Token | None:
        """The noun trigger of a light-verb or noun match ("talks"), None for a verb match."""
        return None if self.kind == "verb" else self.token

    @property
    def reverse(self) -> bool:
        """True when the head's object, not its subject, is the PLOVER actor (hosting)."""
        return self.trigger.reverse

    @property
    def future(self) -> bool:
        """A hint for the extractor: the event is announced, not reported ("will meet",
        "is ready to send troops", "plans to impose sanctions"). PLOVER codes future
        cooperation as AGREE and announced retreats as CONCEDE."""
        return _future(self.head, self.words)

    @property
    def negated(self) -> bool:
        """A hint for the extractor: the head or a verb it completes is negated ("did not
        attack", "will not lift the ban")."""
        return _negated(self.head)

    @property
    def cause(self) -> bool:
        """True when the head's subject caused the event but did not carry it out
        ("the ruling sparked protests")."""
        return self.kind == "light" and self.head.lemma_.lower() in self.words.cause_verbs


class TriggerTable:
    """The lexicon, indexed by (lemma, pos); each entry most specific row first.

    ``words`` holds the word lists the matcher reads beside the rows (light verbs,
    instruments, hints of the future): see lexicon.yaml; ``ontology`` the PLOVER types.
    """

    def __init__(self, rows: Iterable[Trigger], words: Lexicon, ontology: plover.Ontology) -> None:
        self.rows: tuple[Trigger, ...] = tuple(rows)
        self.words = words
        self.ontology = ontology
        index: dict[tuple[str, str], list[Trigger]] = {}
        for row in self.rows:
            index.setdefault((row.lemma, row.pos), []).append(row)
        # Stable sort: among rows of equal specificity, file order decides.
        self._index = {
            key: tuple(sorted(found, key=lambda row: -row.specificity))
            for key, found in index.items()
        }
        self.lemmas: frozenset[str] = frozenset(lemma for lemma, _ in self._index)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Trigger]:
        return iter(self.rows)

    def lookup(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """The rows for a lemma and pos ("VERB" or "NOUN"), most specific first."""
        return self._index.get((lemma, pos), ())

    def best(self, token: Token, pos: str | None = None) -> Trigger | None:
        """The most specific row whose conditions hold for the token (a guard included)."""
        pos = pos or _pos(token)
        if pos is None:
            return None
        for key in _keys(token):
            rows = self._index.get((key, pos))
            if rows:
                for row in rows:
                    if _holds(row, token, pos, self):
                        return row
                return None
        return None


def _parse_row(row: dict[str, str], line: int, ontology: plover.Ontology) -> Trigger:
    lemma = row["lemma"].strip().lower()
    pos = row["pos"].strip().upper()
    type_ = row["type"].strip().upper()
    mode = row["mode"].strip().lower() or None
    if not lemma or pos not in _POS:
        raise ValueError(f"{_FILE} row {line}: bad lemma or pos {lemma!r} {pos!r}")
    if type_ != GUARD:
        if type_ not in plover.TYPES:
            raise ValueError(f"{_FILE} row {line}: unknown PLOVER type {type_!r}")
        if ontology.mode(type_, mode).mode != mode:
            raise ValueError(f"{_FILE} row {line}: unknown mode {mode!r} for {type_}")
    objects = frozenset(o.strip().lower() for o in row["objects"].split("|") if o.strip())
    cameo = (row.get("cameo") or "").strip() or None
    if cameo is not None and ontology.cameo_name(cameo) is None:
        raise ValueError(f"{_FILE} row {line}: unknown CAMEO code {cameo!r}")
    return Trigger(
        lemma=lemma,
        pos=pos,
        type=type_,
        mode=mode,
        particle=row["particle"].strip().lower() or None,
        prep=row["prep"].strip().lower() or None,
        objects=objects,
        note=(row["note"] or "").strip(),
        cameo=cameo,
    )


def read_triggers(words: Lexicon, ontology: plover.Ontology) -> TriggerTable:
    """The trigger lexicon shipped with communique, read with the word lists ``words`` and
    checked against the PLOVER ``ontology``."""
    text = (resources.files(_PACKAGE) / "data" / _FILE).read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = (_parse_row(row, n, ontology) for n, row in enumerate(csv.DictReader(body), 2))
    return TriggerTable(rows, words, ontology)


# ------------------------------------------------------------------------------ the parse


def _pos(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _hyphenated(token: Token) -> str | None:
    """The hyphenated word ("cease-fire", "sit-in") a token belongs to; spaCy splits them."""
    doc = token.doc
    i = token.i
    if i >= 2:
        hyphen, first = doc[i - 1], doc[i - 2]
        glued = not hyphen.whitespace_ and not first.whitespace_
        if hyphen.text == "-" and glued and first.is_alpha:
            return f"{first.lower_}-{token.lemma_.lower()}"
    if i + 2 < len(doc) and not token.whitespace_:
        hyphen, last = doc[i + 1], doc[i + 2]
        if hyphen.text == "-" and not hyphen.whitespace_ and last.is_alpha:
            return f"{token.lower_}-{last.lemma_.lower()}"
    return None


def _keys(token: Token) -> tuple[str, ...]:
    """Lexicon keys to try for a token: hyphenated form, lemma, text, inflection fallbacks."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    keys = [lemma] if lemma == lower else [lemma, lower]
    hyphenated = _hyphenated(token)
    if hyphenated:
        keys.insert(0, hyphenated)
    if token.tag_ in ("VBD", "VBN", "VBG", "VBZ", "NNS"):
        # the lemmatizer misses some ("staged" -> "stag"): strip the inflection by rule
        for suffix, add in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                            ("es", ""), ("s", ""), ("ies", "y"), ("ied", "y")):  # fmt: skip
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                stem = lower[: -len(suffix)] + add
                keys.append(stem)
                if stem[-1] == stem[-2] and suffix in ("ed", "ing") and not add:
                    keys.append(stem[:-1])  # "stopped" -> "stop"
    return tuple(dict.fromkeys(keys))


def _words(token: Token) -> tuple[str, ...]:
    hyphenated = _hyphenated(token)
    words = (token.lemma_.lower(), token.lower_)
    return (hyphenated, *words) if hyphenated else words


def _is(token: Token, objects: frozenset[str]) -> bool:
    if any(w in objects for w in _words(token)):
        return True
    if token.ent_type_:
        return any(
            token.ent_type_ in labels
            for marker, labels in _ENTITY_LABELS.items()
            if marker in objects
        )
    return False


def _with_conj(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(c for c in token.children if c.dep_ == "conj")
    return out


def _particle(token: Token, particle: str, words: Lexicon) -> Token | None:
    for child in token.children:
        if child.i > token.i and child.lower_ == particle and child.dep_ in _PARTICLE_DEPS:
            after = child.nbor(1) if child.i + 1 < len(child.doc) else child
            if after.lower_ in words.lead_words:
                return None  # "pulled out ahead", "way out front": in the lead
            return child
    after = token.nbor(1) if token.i + 1 < len(token.doc) else token
    if after.lower_ == particle and after.dep_ == "amod" and after.head.head.i == token.i:
        return after  # "let free 70 prisoners": the parser hangs the particle on the object
    return None


def _preps(token: Token, prep: str, particle: Token | None = None) -> list[Token]:
    found = [c for c in token.children if c.dep_ in _PREP_DEPS and c.lower_ == prep]
    # "calls for the UN to investigate": the parser makes "for" the mark of the clause
    found += [
        m
        for c in token.children
        if c.dep_ in ("advcl", "ccomp") and c.i > token.i
        for m in c.children
        if m.dep_ == "mark" and m.lower_ == prep and m.i < c.i
    ]
    if particle is not None:
        found += [c for c in particle.children if c.dep_ in _PREP_DEPS and c.lower_ == prep]
        if particle.lower_ == prep and particle.dep_ == "prep":
            found.append(particle)
    return found


def _pobjs(preps: Iterable[Token]) -> list[Token]:
    return _with_conj(c for p in preps for c in p.children if c.dep_ in ("pobj", "pcomp"))


def _modifiers(token: Token) -> list[Token]:
    """Compound and adjective modifiers, compounds of compounds included."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ in _MODIFIER_DEPS]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
    return out


def _verb_objects(token: Token, table: TriggerTable) -> list[Token]:
    objects = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
    if token.dep_ in ("acl", "relcl") and not any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in table.words.relative_objects
        for c in objects
    ):
        objects.append(token.head)  # "the sanctions imposed on Iran", "the deal they struck"
    for clause in token.children:
        # small clauses the parser makes complements: "declared [a state of siege to begin]",
        # "found [Nielsen guilty]", "allows [workers expanded access]"
        if clause.dep_ in ("ccomp", "xcomp") and clause.i > token.i:
            objects.extend(c for c in clause.children if c.dep_ in ("nsubj", "dobj"))
            if clause.pos_ == "ADJ":
                objects.append(clause)
    return _expand(_with_conj(objects), table)


def _expand(nouns: list[Token], table: TriggerTable) -> list[Token]:
    """Nouns and what they stand for: "ambassador Brah Mohamane", "$4 million in aid",
    "a series of attacks", "the Tamil Tigers' leader"."""
    out = list(nouns)
    for noun in nouns:
        # modifiers stand for the noun unless they make it a trigger of its own ("war games",
        # "hunger strike"); "ceasefire agreement", "ambassador Brah Mohamane" take them
        row = table.best(noun, "NOUN") if _pos(noun) == "NOUN" else None
        bare = row is None or not row.objects
        amount = noun.tag_ in ("CD", "$") or noun.lower_ in table.words.amount_words
        for child in noun.children:
            if child.dep_ in ("appos", "compound", "nmod") and bare:
                out.append(child)
            elif child.dep_ == "prep" and (
                child.lower_ == "of" or (amount and child.lower_ in ("in", "worth"))
            ):
                out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _holds(row: Trigger, token: Token, pos: str, table: TriggerTable) -> bool:
    particle = None
    if row.particle:
        particle = _particle(token, row.particle, table.words)
        if particle is None:
            return False
    preps: list[Token] = []
    if row.prep:
        preps = _preps(token, row.prep, particle)
        if not preps:
            return False
    if not row.objects:
        return True
    if NO_OBJECT in row.objects:
        return pos == "VERB" and not any(c.dep_ in _OBJECT_DEPS | {"ccomp"} for c in token.children)
    if row.prep:
        candidates = _pobjs(preps)
        candidates += [m for c in candidates for m in _modifiers(c)]
    elif pos == "VERB":
        candidates = _verb_objects(token, table)
        if particle is not None and particle.dep_ == "prep":
            candidates += _pobjs([particle])
    else:
        ofs = _pobjs(c for c in token.children if c.dep_ == "prep" and c.lower_ == "of")
        candidates = _modifiers(token) + ofs + [m for o in ofs for m in _modifiers(o)]
    if (
        pos == "VERB"
        and any(o.startswith("@") for o in row.objects)
        and any(c.dep_ in ("oprd", "acomp", "ccomp") for c in token.children)
    ):
        return False  # "called the decision a mistake" is no phone call
    return any(_is(c, row.objects) for c in candidates)


# ------------------------------------------------------------------------------ matching


def _light_nouns(token: Token, words: Lexicon) -> list[Token]:
    """The nouns a light verb could report: its object, passive subject or prep object."""
    lemma = token.lemma_.lower()
    if lemma == "be":
        # only the existential: "there were clashes"
        if not any(c.dep_ == "expl" for c in token.children):
            return []
        return _with_conj(c for c in token.children if c.dep_ in ("attr", "nsubj"))
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = words.light_verb_preps.get(lemma)
    if preps:
        heads = [token] + [c for c in found if c.lower_ in words.carrier_nouns]
        found += [
            g
            for h in heads
            for p in h.children
            if p.dep_ == "prep" and p.lower_ in preps
            for g in p.children
            if g.dep_ == "pobj"
        ]
        found = [c for c in found if c.lower_ not in words.carrier_nouns]
    return _with_conj(found)


def _light(token: Token, table: TriggerTable) -> tuple[Trigger, Token] | None:
    if token.lemma_.lower() not in table.words.light_verbs or _pos(token) != "VERB":
        return None
    for noun in _light_nouns(token, table.words):
        if _pos(noun) != "NOUN":
            continue
        row = table.best(noun, "NOUN")
        if row is not None:
            if not row.guard:
                return row, noun
            continue
        # "undertook a mediation mission", "launched a wave of attacks", "$5m in aid"
        inner = [c for c in noun.children if c.dep_ == "compound"] + _pobjs(
            c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
        )
        for other in inner:
            if _pos(other) == "NOUN":
                row = table.best(other, "NOUN")
                if row is not None and not row.guard:
                    return row, other
    return None


# A finite verb parsed as a noun's modifier is a misparse ("The UN chief called on ...").
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _reporting_acl(token: Token, words: Lexicon) -> bool:
    """A participle or infinitive that reports an event from the noun it modifies: "issued a
    statement calling for calm", "an attempt to assassinate the governor"."""
    head = token.head.lemma_.lower()
    if token.tag_ == "VBG":
        return head in words.statement_nouns
    return token.tag_ == "VB" and head in words.attempt_nouns


def _modifier_clause(token: Token) -> bool:
    """A participle or infinitive modifying a noun: "the ban imposed in 2019", "the first
    official to visit Moscow" (parsed acl, or relcl with "to" and no subject)."""
    if token.dep_ == "acl":
        return True
    return (
        token.dep_ == "relcl"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
        and not any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    )


def _misparsed_acl(token: Token) -> bool:
    """A finite verb parsed as a noun's modifier that is a clause of its own: with no "that"
    ("The UN chief called on"), or with a subject of its own ("a claim that China denies":
    a relative clause, its "that" parsed as a mark)."""
    if token.tag_ not in _FINITE:
        return False
    own_subject = any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    return own_subject or not any(c.dep_ == "mark" for c in token.children)


def _governor(token: Token) -> tuple[Token, str] | None:
    """The word governing a token as an argument ("arg") or complement ("comp")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    dep = token.dep_
    if dep in ("pobj", "pcomp"):
        prep = token.head
        if prep.dep_ not in ("prep", "agent", "dative", "prt") or prep.head.i == prep.i:
            return None
        head = prep.head
        if head.dep_ in ("prt", "prep") and head.head.i != head.i and _pos(head) is None:
            head = head.head  # "pulled out of the treaty": of -> out -> pulled
        return head, "arg"
    if dep in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
        return token.head, "arg"
    if dep == "nsubj" and _pos(token) == "NOUN":
        return token.head, "arg"
    if dep in ("xcomp", "ccomp"):
        return token.head, "comp"
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
        return token.head, "comp"  # "calls for the UN to investigate": what is called for
    return None


def obligation(token: Token, words: Lexicon) -> Token | None:
    """The clause a verb of saying reports as another's duty, a demand put in its words:
    "said Qatar must mediate", "says Israel should end the raids" (not the speaker's own:
    "said it must respond")."""
    if token.lemma_.lower() not in words.speech_verbs or _pos(token) != "VERB":
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp" or clause.i < token.i:
            continue
        modals = words.obligation_modals
        if not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.lower_ in words.reported_pronouns | {"i", "he", "she"}:
            continue
        return clause
    return None


def _obliged(token: Token, table: TriggerTable) -> Match | None:
    """A verb of saying whose clause is another's duty, as a REQUEST (see
    :func:`obligation`): its mode from the act demanded, an appeal's CAMEO code for
    "should" and "ought"."""
    words = table.words
    clause = obligation(token, words)
    if clause is None:
        return None
    inner = _raw(clause, table, 1)
    mode = _ASK_MODES.get(inner[0]) if inner is not None else None
    soft = any(c.dep_ == "aux" and c.lower_ in words.appeal_modals for c in clause.children)
    row = Trigger(
        token.lemma_.lower(), "VERB", "REQUEST", note="obligation", cameo="020" if soft else None
    )
    return Match(row, "REQUEST", mode, token, token, "verb", clause, words=words)


def _claimed(token: Token, table: TriggerTable) -> bool:
    """Whether a governing trigger reports this token's event (or rules it out)."""
    governed = _governor(token)
    if governed is None:
        return False
    head, relation = governed
    if head.i == token.i:
        return False
    demanded = obligation(head, table.words) if relation == "comp" else None
    if demanded is not None and demanded.i == token.i:
        return True  # "said Qatar must mediate": the demand reports the act
    words = table.words
    if token.dep_ == "pcomp" and token.head.lower_ in words.time_preps | words.event_time_preps:
        return False  # "After meeting Lavrov, Wang flew home": an event of its own
    row = table.best(head)
    if relation == "comp":
        return row is not None and (row.guard or row.type in _VERBAL_TYPES)
    if row is not None:
        return True
    light = _light(head, table)
    return light is not None and light[1].i == token.i


def _standalone(noun: Token, words: Lexicon) -> bool:
    """Whether a noun trigger reports an event on its own, not as a mention."""
    dep = noun.dep_
    while dep == "conj" and noun.head.i != noun.i:
        noun = noun.head
        dep = noun.dep_
    head = noun.head
    if dep == "ROOT":
        return True
    if dep in ("attr", "nsubj") and any(c.dep_ == "expl" for c in head.children):
        return True  # there were clashes
    if dep in _SUBJECT_DEPS and _pos(head) == "VERB":
        if head.dep_ not in ("ROOT", "conj", "ccomp"):
            return False
        return head.lemma_.lower() in words.occurrence_verbs
    return False


def _complement(token: Token, row: Trigger, table: TriggerTable) -> Token | None:
    """The trigger embedded in a wrapper's object or complement."""
    comps = [c for c in token.children if c.dep_ == "xcomp"]
    if row.type != "AGREE":
        comps += [c for c in token.children if c.dep_ == "ccomp"]
    for comp in comps:
        if _pos(comp) == "VERB" and (table.best(comp) or _light(comp, table)):
            return comp
    nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "on")]
    for noun in _with_conj(nouns) + _pobjs(preps):
        if _pos(noun) == "NOUN":
            found = table.best(noun, "NOUN")
            if found is not None and not found.guard:
                return noun
    return None


def shares_auxiliaries(token: Token) -> bool:
    """Whether a conjunct verb shares the auxiliaries of the verb it is joined to: "did not
    attack or shell the town" (shell: not), "will visit Moscow and meet Putin" (meet: will);
    not "would not work and warned", "did not attack, and China sent aid" (a tense or a
    subject of its own)."""
    own_subject = any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    return token.dep_ == "conj" and not own_subject and token.tag_ not in ("VBD", "VBZ", "VBP")


def _xcomp_chain(token: Token) -> list[Token]:
    """The token and the verbs or adjectives it completes ("is ready [to send]"), and the
    verb a conjunct shares its auxiliaries with."""
    chain = [token]
    while (
        (token.dep_ == "xcomp" or shares_auxiliaries(token))
        and token.head.i != token.i
        and len(chain) < 4
    ):
        token = token.head
        chain.append(token)
    return chain


def _future(head: Token, words: Lexicon) -> bool:
    for token in _xcomp_chain(head):
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in words.future_auxiliaries:
                return True
        if token.i != head.i:
            lemma = token.lemma_.lower()
            if lemma in words.intent_verbs or (
                token.pos_ == "ADJ" and lemma in words.intent_adjectives
            ):
                return True
    return False


def _negated(head: Token) -> bool:
    return any(c.dep_ == "neg" for t in _xcomp_chain(head) for c in t.children)


def threat_mode(type_: str, mode: str | None) -> str | None:
    """The THREATEN mode of a threat of this act (PLOVER: the mode is what is threatened)."""
    if type_ in ("ASSAULT", "MOBILIZE"):
        return "violence"
    if type_ == "COERCE":
        if mode == "arrest":
            return "arrest"
        if mode == "deport":
            return "expel"
        if mode == "seize":
            return "territory"
        return "restrict"
    if type_ == "SANCTION":
        if mode == "expel":
            return "expel"
        if mode == "withdraw":
            return "relations"
        return "restrict"
    if type_ == "PROTEST":
        return "restrict"
    if type_ == "THREATEN":
        return mode
    return None


def _compose(
    row: Trigger, token: Token, table: TriggerTable, depth: int
) -> tuple[str, str | None, Token | None]:
    """The type and mode of a wrapper (promise, request, refusal, threat) with its content."""
    if row.type not in _WRAPPER_TYPES or depth > 3:
        return row.type, row.mode, None
    comp = _complement(token, row, table)
    if comp is None:
        return row.type, row.mode, None
    inner = _raw(comp, table, depth + 1)
    if inner is None:
        return row.type, row.mode, None
    itype, imode = inner
    if row.type == "REQUEST" and row.lemma in table.words.command_verbs and itype in _COMMANDED:
        return itype, imode, comp  # "ordered the arrest of": the arrest
    if row.type == "AGREE":
        if comp.dep_ != "xcomp":
            return row.type, row.mode, comp
        if itype in ("THREATEN", "ASSAULT") or (
            table.ontology.quad_code(itype) == 4 and row.lemma in table.words.vow_verbs
        ):
            return "THREATEN", threat_mode(itype, imode), comp
        if itype in ("RETREAT", "CONCEDE"):
            return "CONCEDE", None, comp
        if itype == "ACCUSE":
            return itype, imode, comp  # "vowed to investigate"
        return row.type, row.mode, comp
    if row.mode is not None:
        return row.type, row.mode, comp
    if row.type == "THREATEN":
        return row.type, threat_mode(itype, imode), comp
    if itype == "RETREAT" and imode == "resign":
        return row.type, "change", comp
    return row.type, _ASK_MODES.get(itype), comp


def _raw(token: Token, table: TriggerTable, depth: int) -> tuple[str, str | None] | None:
    """The (type, mode) a token would report on its own, claims aside."""
    pos = _pos(token)
    row = table.best(token, pos) if pos else None
    if row is not None:
        if row.guard:
            return None
        type_, mode, _ = _compose(row, token, table, depth)
        return type_, mode
    light = _light(token, table)
    if light is not None:
        return light[0].type, light[0].mode
    return None


def _cue_tokens(head: Token, token: Token) -> list[Token]:
    """Where an instrument may be named: the trigger's modifiers and the head's arguments."""
    out = _modifiers(token)
    args = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    preps = [
        c
        for c in head.children
        if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "in", "from", "using", "via")
    ]
    if token.i != head.i:
        preps += [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "by")]
    for arg in _with_conj(args) + _pobjs(preps):
        out.append(arg)
        out.extend(_modifiers(arg))
    return out


def _crowd_control(tokens: list[Token], lexicon: Lexicon) -> bool:
    pairs = lexicon.crowd_control_pairs
    for t in tokens:
        words = _words(t)
        if any(w in lexicon.crowd_control for w in words):
            return True
        mods = {m.lower_ for m in t.children if m.dep_ in ("compound", "amod")}
        if any(m in pairs.get(w, ()) for w in words for m in mods):
            return True
    return False


def _refine(
    type_: str, mode: str | None, head: Token, token: Token, words: Lexicon
) -> tuple[str, str | None]:
    """Modes from instruments: "jets bombed" aerial, dispersal with tear gas crowd-control."""
    if type_ not in ("ASSAULT", "COERCE", "CONSULT") or (mode and type_ != "COERCE"):
        return type_, mode
    cues = _cue_tokens(head, token)
    if type_ == "CONSULT":
        if any(w in words.phone_cues for t in cues for w in _words(t)):
            return type_, "phone"
        return type_, mode
    if _crowd_control(cues, words):
        return "ASSAULT", "crowd-control"
    if type_ == "COERCE":
        return type_, mode
    found: str | None = None
    for t in cues:
        for w in _words(t):
            cue = words.instrument_modes.get(w)
            if cue == "suicide-attack":
                return type_, cue
            if cue and found is None:
                found = cue
    return type_, found


def match(token: Token, table: TriggerTable) -> Match | None:
    """The event trigger at this token, or None.

    See the module docstring: a verb matches on its own rows, a light verb on its noun
    object (the match is made at the light verb), a noun only where it reports an event on
    its own; a trigger claimed by a governing trigger and a guard row give None.
    """
    pos = _pos(token)
    if pos is None:
        return None
    keys = _keys(token)
    known = any(k in table.lemmas for k in keys)
    words = table.words
    if pos == "VERB" and not known:
        obliged = _obliged(token, table)
        if obliged is not None:
            return obliged
    if not known and not (pos == "VERB" and keys[0] in words.light_verbs):
        return None
    row = table.best(token, pos) if known else None
    if row is not None and row.guard:
        return None
    if pos == "VERB":
        if token.dep_ in ("amod", "compound", "nmod") or (
            _modifier_clause(token)
            and not _misparsed_acl(token)
            and not _reporting_acl(token, words)
        ):
            # "the ousted president", "US-backed", "the ban imposed in 2019", "the first
            # official to visit Moscow": modifiers mention an event, they do not report one
            return None
        if row is not None:
            return None if _claimed(token, table) else _verb_match(token, row, table)
        light = _light(token, table)
        if light is None or _claimed(token, table):
            return None
        noun_row, noun_token = light
        type_, mode = _refine(noun_row.type, noun_row.mode, token, noun_token, words)
        return Match(noun_row, type_, mode, token, noun_token, "light", words=words)
    if row is None or _claimed(token, table) or not _standalone(token, words):
        return None
    type_, mode = _refine(row.type, row.mode, token, token, words)
    return Match(row, type_, mode, token, token, "noun", words=words)


def _agreement(comp: Token | None, table: TriggerTable) -> bool:
    """Whether a complement reports an agreement or a meeting ("reach a deal", "agree")."""
    inner = _raw(comp, table, 1) if comp is not None else None
    return inner is not None and inner[0] in ("AGREE", "SUPPORT", "CONSULT")


def _verb_match(token: Token, row: Trigger, table: TriggerTable) -> Match | None:
    """A verb's own row, with what its complement and its object noun tell."""
    type_, mode, comp = _compose(row, token, table, 0)
    if row.broke_down and not _agreement(comp, table):
        return None
    if type_ == row.type:
        # a trigger noun object may be more specific ("staged a hunger strike"), or of
        # another sense its own modifiers tell ("launched a scathing attack on", "launched a
        # cyber attack": criticism, cyber coercion)
        noun = _object_noun(token, row, table)
        if noun is not None and noun.type == type_:
            if noun.mode and (mode is None or noun.objects):
                mode = noun.mode
        elif noun is not None and _carries(row, noun, table):
            type_, mode = noun.type, noun.mode
    type_, mode = _refine(type_, mode, token, token, table.words)
    return Match(row, type_, mode, token, token, "verb", comp, words=table.words)


def _carries(row: Trigger, noun: Trigger, table: TriggerTable) -> bool:
    """Whether a verb's row only carries its object noun's event ("launched an attack": the
    attack), so that the noun's own sense, told by its modifiers, decides ("a scathing
    attack" is criticism); not a verb that does something to what the noun names ("lifted
    the ban", "demanded a meeting")."""
    if not row.objects or not (noun.objects or noun.prep):
        return False
    plain = next((r for r in table.lookup(noun.lemma, "NOUN") if r.specificity == 0), None)
    return plain is not None and plain.type == row.type


def _object_noun(token: Token, row: Trigger, table: TriggerTable) -> Trigger | None:
    """The row of a trigger noun in the verb's object (or its prep's object)."""
    candidates = _verb_objects(token, table)
    if row.prep:
        candidates += _pobjs(_preps(token, row.prep))
    for noun in candidates:
        if _pos(noun) == "NOUN":
            found = table.best(noun, "NOUN")
            if found is not None and not found.guard:
                return found
    return None


def match_sentence(sentence: Span | Iterable[Token], table: TriggerTable) -> list[Match]:
    """Every trigger match in a sentence (or any run of tokens), in token order."""
    return [m for t in sentence if (m := match(t, table)) is not None]
