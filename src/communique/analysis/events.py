"""PLOVER-coded events: who did what to whom, when and where, from one parsed article.

A trigger (a verb such as "met", or a noun such as "talks" after a light verb such as
"held") is matched against the trigger lexicon (:mod:`communique.analysis.triggers`); the
sides come from the parse around it: the subject is the actor, the object or the object of
the preposition the event type takes is the recipient, a passive's agent is the actor.
Each side is resolved through the actor mentions the linker found. The event keeps its
trigger span, its modality (negated, future, hypothetical, claimed) and, when it is told
inside a statement, the statement and the reporting chain. When the sentence counts the
dead, injured or arrested ("killing 12 people", "41 wounded"), the event it belongs to
keeps the count (PLOVER's size) and the span of the number.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from communique.analysis.actors import stance_word
from communique.analysis.attribution_words import CUE_VERBS
from communique.analysis.dates import event_date, is_future
from communique.analysis.entities import EntityIndex
from communique.analysis.places import event_place, is_purpose, purpose_place
from communique.analysis.triggers import Match, load_triggers, match_sentence
from communique.kb import KnowledgeBase
from communique.records import ActorRef, Event, Mention, Participant, Size, Statement, Where

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
# The prepositions that bring the recipient, by event type ("talks with", "sanctions on").
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with",),
    "CONSULT": ("with", "to"),
    "SUPPORT": ("for", "to"),
    "CONCEDE": ("to", "on", "for"),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "RETREAT": ("from", "on", "against"),
    "REQUEST": ("on", "to", "from", "of", "for"),
    "ACCUSE": ("against", "over", "about", "on", "at", "of", "into"),  # "an inquiry into"
    "REJECT": ("to",),
    "THREATEN": ("against", "with", "to"),
    "PROTEST": ("against", "outside", "with"),
    "SANCTION": ("on", "against", "from"),
    "MOBILIZE": ("to", "near", "against", "in", "into"),
    "COERCE": ("on", "against", "from"),  # "seized weapons from the rebels"
    "ASSAULT": ("on", "against", "with", "at"),
}
# The preposition of an event noun that names the two sides it is carried on between
# ("mediation between Syria and Arafat"): when its doer is named apart, they receive it.
BETWEEN = "between"
# Event types whose noun takes its doer in an of-phrase: "the withdrawal of the troops".
OF_ACTOR_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "CONSULT", "AID", "COOPERATE"})
# Event types whose place, when no one else is named, is where they land: its state.
PLACE_TARGETS = frozenset(
    {"ASSAULT", "MOBILIZE", "AID", "COERCE", "PROTEST", "CONCEDE", "SANCTION", "THREATEN",
     "RETREAT"}
)  # fmt: skip
# Event types whose place says nothing of a recipient: PLOVER codes a meeting at a neutral
# place with all its parties as actors and no recipient.
PLACE_NEUTRAL = frozenset({"CONSULT"})
# What a future event of these types is coded as: PLOVER codes a stated willingness or
# commitment to cooperate or to concede ("will allow", "is ready to host") as AGREE.
PROMISED = {
    "CONSULT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "SUPPORT": "AGREE",
    "CONCEDE": "AGREE", "RETREAT": "AGREE",
}  # fmt: skip
# Words of readiness that make the action after them an offer.
WILLING = frozenset({"ready", "willing", "prepared", "eager", "determined", "offer", "pledge",
                     "promise", "vow", "plan", "intend", "agree"})  # fmt: skip
# Events that mostly happen within one state: an unnamed group is of the other side's state.
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "CONCEDE"})
# Participles that say where their subject stands, not what was done to it.
STATIVE = frozenset({"oppose", "commit", "determine", "dedicate", "prepare", "resolve"})
# Event types whose direct object is mostly a thing moved or imposed, not a side.
THING_OBJECTS = frozenset({"AID", "MOBILIZE", "SANCTION"})
# Nouns of asking and offering: whoever made one is on the receiving end of the answer.
PROPOSALS = frozenset(
    {"offer", "demand", "call", "request", "proposal", "plan", "appeal", "invitation", "bid",
     "suggestion", "initiative", "ultimatum", "claim", "accusation", "charge", "allegation"}
)  # fmt: skip
# Nouns of "in protest of X", "in retaliation for X", "in response to X": X is whom the act
# answers, and so its recipient when no one else is named.
ANSWERS = frozenset({"protest", "retaliation", "response", "reprisal", "revenge", "reaction"})
ANSWER_PREPS = ("of", "against", "at", "over", "to", "for")
# Prepositions that may bring the recipient whatever the event type.
ANY_PREPS = frozenset(
    {"to", "for", "with", "against", "on", "over", "into", "at", "toward", "towards", "upon"}
)  # fmt: skip
# Prepositions that bring an earlier or later event of the same actor: "met Putin after
# talks with Lavrov".
TIME_PREPS = frozenset({"after", "before", "during", "following", "ahead", "amid", "at"})
LIGHT_NOUN_HOSTS = frozenset({"after", "before", "during", "following", "ahead"})
# Prepositions that set one event against another in time: "since the invasion".
EVENT_TIME_PREPS = LIGHT_NOUN_HOSTS | {"since", "amid", "until", "despite"}
CLAIM_CUES = frozenset(
    {"claim", "allege", "suggest", "accuse", "charge", "insist", "contend", "maintain",
     "assert", "believe", "suspect", "think", "speculate", "rumor", "rumour", "deny"}
)  # fmt: skip
HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
MODALS = frozenset({"could", "might", "may", "would"})
CONDITIONS = frozenset({"if", "unless", "whether"})
FAILING = frozenset({"fail", "refuse", "decline", "reject"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
# Pronouns that, in a reported clause, stand for the one who reports.
REPORTED_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our"})
# Entity labels that never name a side of an event.
NOT_ACTORS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "EVENT", "LAW",
     "WORK_OF_ART", "LANGUAGE", "PRODUCT"}
)  # fmt: skip
# Nouns that, made plural or counted ("the two sides", "both countries", "the pair"),
# stand for the last group of actors the text named together.
GROUP_NOUNS = frozenset(
    {"side", "party", "pair", "leader", "country", "nation", "state", "minister", "diplomat",
     "official", "capital", "government", "president", "counterpart", "delegation"}
)  # fmt: skip
STATE_NOUNS = frozenset({"country", "nation", "state", "capital", "government"})
PEOPLE_NOUNS = frozenset(
    {"two", "pair", "leader", "minister", "diplomat", "official", "president", "counterpart"}
)  # fmt: skip

# Sizes: the verbs that count the dead, injured and arrested, and the event types that keep it.
CASUALTY_VERBS = {
    **dict.fromkeys(("kill", "die", "murder", "slay", "massacre", "execute"), "dead"),
    **dict.fromkeys(("wound", "injure", "hurt", "maim"), "injured"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison", "apprehend"), "arrested"),
}  # fmt: skip
SIZED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
LOWER_BOUNDS = frozenset({"least", "more", "over"})  # "at least", "more than", "over"
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})


def _number(words: Sequence[str]) -> int | None:
    """The value of a number's words: "23", "3,000", "twenty-one", "two hundred", "1.5
    million"; None for anything else ("dozens", "hundreds")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        digits = word.replace(",", "")
        if digits.replace(".", "", 1).isdigit():
            current += float(digits)
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred" and seen:
            current *= 100
        elif word in MULTIPLIERS and seen:
            total, current = total + current * MULTIPLIERS[word], 0.0
        elif word != "-":
            return None
        seen = True
    return int(total + current) if seen else None


def _count(noun: Token) -> tuple[int, int, int, bool] | None:
    """The number a noun is counted by ("23 people", or "41" itself): value, span, lower
    bound."""
    number: Token | None = noun
    if noun.pos_ != "NUM":
        number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is None or number.ent_type_ in NOT_COUNTS:
        return None
    phrase = [t for t in number.subtree if t.i <= number.i]
    words = [t.lower_ for t in phrase if t.like_num or t.lower_ in MULTIPLIERS or t.text == "-"]
    value = _number(words)
    if value is None:
        return None
    bound = any(t.lower_ in LOWER_BOUNDS for t in phrase)
    return value, phrase[0].idx, number.idx + len(number), bound


def _victim(verb: Token) -> Token | None:
    """Who was killed, injured or arrested: the object, the passive subject, the subject of
    "died" or of an elided passive ("and 41 wounded"), the noun a participle modifies ("12
    people killed in the attack")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    deps = {child.dep_: child for child in reversed(list(verb.children))}
    if "nsubjpass" in deps:
        return deps["nsubjpass"]
    if verb.lemma_ == "die" or (verb.tag_ == "VBN" and not {"aux", "dobj"} & deps.keys()):
        return deps.get("nsubj")
    return deps.get("dobj")


def casualties(sentence: Span, text: str | None = None) -> list[tuple[Token, Size]]:
    """The counts of dead, injured and arrested a sentence gives, each with its verb.
    Coordinated victims add up ("12 civilians and three soldiers"); the span is then the
    whole phrase. ``text`` is the doc's text, when the caller has it (``Doc.text`` is
    joined anew from the tokens at each call)."""
    found = []
    for verb in sentence:
        kind = CASUALTY_VERBS.get(verb.lemma_.lower())
        victim = _victim(verb) if kind and verb.pos_ in ("VERB", "AUX") else None
        if kind is None or victim is None:
            continue
        nouns = (victim, *victim.conjuncts)
        counts = [_count(noun) for noun in nouns]
        if any(count is None for count in counts):
            continue
        value = sum(count[0] for count in counts if count)
        first = counts[0]
        assert first is not None
        _, start, end, bound = first
        if len(nouns) > 1:
            end = max(noun.idx + len(noun) for noun in nouns)
        text = sentence.doc.text if text is None else text
        size = Size(kind, value, start, end, text[start:end], bound)
        found.append((verb, size))
    return found


Group = tuple[int, tuple[Participant, ...]]  # actors named together, and the offset where


def _last_before(first: list[Group], second: list[Group], offset: int) -> Group | None:
    """The last group before ``offset`` of two lists in offset order, taken together as a
    stable sort would put them (``first`` before ``second`` at equal offsets)."""
    i = bisect.bisect_left(first, offset, key=lambda group: group[0])
    j = bisect.bisect_left(second, offset, key=lambda group: group[0])
    a = first[i - 1] if i else None
    b = second[j - 1] if j else None
    return b if b is not None and (a is None or b[0] >= a[0]) else a


class _FirstHolding:
    """Of numbered stretches of a text, the lowest-numbered one that holds an offset.

    A sweep over the stretches' ends, done once, gives the answer between each two ends; asking
    is then a bisection, not a walk over every stretch.
    """

    def __init__(self, stretches: Sequence[tuple[int, int, int]]) -> None:
        ordered = sorted(stretches, key=lambda stretch: stretch[0])
        self.bounds = sorted({point for start, end, _ in stretches for point in (start, end)})
        self.holders: list[int | None] = []
        open_: list[tuple[int, int]] = []  # (number, end), lowest number first
        at = 0
        for bound in self.bounds:
            while at < len(ordered) and ordered[at][0] <= bound:
                heapq.heappush(open_, (ordered[at][2], ordered[at][1]))
                at += 1
            while open_ and open_[0][1] <= bound:
                heapq.heappop(open_)  # it ended; the next lowest number may not have
            self.holders.append(open_[0][0] if open_ else None)

    def first(self, offset: int) -> int | None:
        """The lowest number of the stretches that hold ``offset``, None when none does."""
        at = bisect.bisect_right(self.bounds, offset) - 1
        return self.holders[at] if at >= 0 else None


class EventFinder:
    """Finds the events of one article; make one per article."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        published: date | None,
        mentions: Sequence[Mention],
        actors: Sequence[ActorRef],
        statements: Sequence[Statement],
        sentence_of: Callable[[int], int],
        kb: KnowledgeBase,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.article_id = article_id
        self.published = published
        self.kb = kb
        self.sentence_of = sentence_of
        self.statements = statements
        self._told = _FirstHolding(
            [(s, e, n) for n, statement in enumerate(statements) for s, e in statement.fragments]
        )
        self.mentions = sorted((m for m in mentions if m.actor_id), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.actors = {actor.id: actor for actor in actors}
        self.entities = EntityIndex(doc)
        self.groups: list[Group] | None = None
        self.event_groups: list[Group] = []  # in offset order
        # Of each, the groups that name two people or more.
        self.people_groups: list[Group] = []
        self.people_event_groups: list[Group] = []
        self.taken: list[Participant] = []  # the actors of the event whose recipient is sought

    # -- sides -----------------------------------------------------------------------------

    def _groups(self) -> list[Group]:
        """Actors the text names together ("Wang Yi … and Nikolai Patrushev"), by offset."""
        groups = []
        for token in self.doc:
            if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
                continue
            members = []
            for noun in [token, *token.conjuncts]:
                mention = self._mention(noun)
                if mention is not None and mention.start <= noun.idx < mention.end:
                    participant = self._participant(noun)
                    if participant is not None and participant not in members:
                        members.append(participant)
            if len(members) >= 2:
                groups.append((token.idx, tuple(members)))
        return groups

    def _group(self, token: Token) -> list[Participant] | None:
        """The actors a plural reference stands for: "they", "the two sides", "both nations".

        The last group named before it that fits: states for "the two countries", people
        for "the two" or "the pair", any for "they" or "both sides". The sides of an event
        found earlier count as a group too ("Wang met Patrushev … the two sides").
        """
        noun = token.lemma_.lower()
        plural = token.lower_ in ("they", "them") or (
            noun in GROUP_NOUNS | {"two"}
            and any(c.lower_ in ("two", "both") for c in [token, *token.children])
            and any(c.lower_ in ("the", "both") for c in [token, *token.children])
        )
        if not plural:
            return None
        if self.groups is None:
            self.groups = self._groups()
            self.people_groups = [group for group in self.groups if self._people(group)]
        if noun in PEOPLE_NOUNS:
            last = _last_before(self.people_groups, self.people_event_groups, token.idx)
        else:
            last = _last_before(self.groups, self.event_groups, token.idx)
        if last is None:
            return None
        members: list[Participant | None] = list(last[1])
        if noun in STATE_NOUNS:
            members = [self._state_of(m) for m in members if m is not None]
        return list(dict.fromkeys(m for m in members if m is not None))

    def _people(self, group: Group) -> bool:
        """Whether a group names two people or more."""
        return sum(self._kind(p) == "person" for p in group[1]) >= 2

    def _event_group(self, group: Group) -> None:
        """Keep the sides of an event as a group, in offset order (after any at its offset)."""
        bisect.insort(self.event_groups, group, key=lambda found: found[0])
        if self._people(group):
            bisect.insort(self.people_event_groups, group, key=lambda found: found[0])

    def _kind(self, participant: Participant) -> str | None:
        actor = self.actors.get(participant.actor_id or "")
        return actor.kind if actor else None

    def _state_of(self, participant: Participant) -> Participant | None:
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

    def _mention(self, token: Token) -> Mention | None:
        """The linked mention that covers a token (the last one to start, of several)."""
        i = bisect.bisect_right(self.starts, token.idx) - 1
        # One that starts further back than the longest mention cannot reach the token.
        while i >= 0 and self.mentions[i].start > token.idx - self.longest:
            mention = self.mentions[i]
            if token.idx < mention.end:
                return mention
            i -= 1
        return None

    def _participant(self, token: Token) -> Participant | None:
        """The side a noun stands for: its actor, or the actor inside its phrase
        ("Russian troops" → Russia, with the troops' sector)."""
        if token.lower_ in RELATIVES and token.head.dep_ == "relcl":
            token = token.head.head  # "the ministry, which urged …": the ministry
        if token.ent_type_ in NOT_ACTORS or token.dep_ == "npadvmod":
            return None  # "on Friday", "$50 million"
        if token.lower_ in REPORTED_PRONOUNS and self._mention(token) is None:
            speaker = self._reporter(token)
            if speaker is not None:
                return self._participant(speaker)  # "Japan said it had halted aid"
        mention = self._mention(token)
        agent_sector = self.kb.agents.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        if mention is None:
            phrase = [
                t
                for t in token.subtree
                if t.i <= token.i and t.dep_ not in ("det",) and not stance_word(t)
            ]
            mention = next((m for t in phrase if (m := self._mention(t)) is not None), None)
            if mention is None and agent_sector is None and token.pos_ != "PROPN":
                return None
        if mention is not None:
            actor = self.actors.get(mention.actor_id or "")
            if agent_sector is None and mention.start <= token.idx < mention.end:
                return Participant(
                    start=mention.start,
                    end=mention.end,
                    text=mention.text,
                    actor_id=mention.actor_id,
                    country=(actor.country if actor else None) or self._country_near(token),
                    sector=actor.sector if actor else None,
                )
        first = min((t for t in token.subtree if t.i <= token.i), key=lambda t: t.i)
        start, end = first.idx, token.idx + len(token)
        actor = self.actors.get(mention.actor_id or "") if mention is not None else None
        return Participant(
            start=start,
            end=end,
            text=self.text[start:end],
            actor_id=mention.actor_id if mention is not None else None,
            country=(actor.country if actor else None) or self._country_near(token),
            sector=agent_sector or (actor.sector if actor else None),
        )

    def _reporter(self, pronoun: Token) -> Token | None:
        """Who "it", "they" or "their" stands for in a report: the subject of the verb of
        saying the pronoun's clause hangs on ("Iraq said it would allow …", "Bosnian Serbs
        said their forces had completed their withdrawal")."""
        for verb in pronoun.ancestors:
            if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head == verb:
                continue
            head = verb.head
            if head.lemma_.lower() not in CUE_VERBS:
                continue
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
            return None
        return None

    def _country_near(self, token: Token) -> str | None:
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
            mention = self._mention(other)
            actor = self.actors.get(mention.actor_id or "") if mention is not None else None
            if actor is not None and actor.country:
                return actor.country
        return None

    def _side(self, token: Token | None) -> list[Participant]:
        """A noun and the nouns joined to it ("Russia and China"), as participants."""
        if token is None:
            return []
        group = self._group(token)
        if group:
            return group
        found = []
        for noun in [token, *token.conjuncts]:
            participant = self._participant(noun)
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
                      if (a := self._agent(c)) is not None]  # fmt: skip
            for noun in inner:
                participant = self._participant(noun)
                if participant is not None:
                    return [participant]
        return found

    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The verb's subject and whether it is the passive one (the recipient)."""
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
            return self._subject(verb.head)  # "agreed to hold talks", "met and signed"
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = verb.head
            if verb.dep_ == "acl" and noun.dep_ in OBJECTS and not self._side(noun):
                # "issued a statement calling on X": whoever issued it calls
                return self._subject(noun.head)
            return noun, any(c.dep_ == "auxpass" for c in verb.children)
        return None, False

    def _agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def _prep_object(self, head: Token, preps: tuple[str, ...]) -> Token | None:
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
                if target is not None and self._fresh(target):
                    return target
        return None

    def _object(self, verb: Token, kind: str) -> Token | None:
        """The recipient: the verb's object, else the object of the preposition the event
        type takes, on the verb or on its object ("launched airstrikes on PKK targets",
        "lifted a ban on Berlusconi")."""
        preps = RECIPIENT_PREPS.get(kind, ())
        objects = [child for child in verb.children if child.dep_ in OBJECTS]
        objects = objects or self._shifted(verb)
        # What is sent, given or imposed ("sent 200 troops", "provided aid") is no side of
        # the event unless it names an actor.
        taken = self._named if kind in THING_OBJECTS else self._side
        if objects and not any(self._named(child) for child in objects):
            # "offered its troops to Lebanon's president": of a thing given to someone, the
            # one it is given to is the recipient.
            given = self._prep_object(verb, ("to",))
            if given is not None and self._named(given):
                return given
        for child in objects:
            if taken(child):
                return child
        found = self._prep_object(verb, preps)
        for child in objects:
            if found is None:
                found = self._prep_object(child, preps)
            for clause in (c for c in child.children if c.dep_ in ("acl", "relcl")):
                # "lifted sanctions imposed on China"
                if found is None:
                    found = self._prep_object(clause, (*preps, "on", "against"))
        for child in objects:
            # "rejected an offer from Afghanistan", "accepted demands by the rebels": the
            # one whose proposal it is.
            if found is None and child.lemma_.lower() in PROPOSALS:
                found = self._prep_object(child, ("from", "by")) or next(
                    (c for c in child.children if c.dep_ == "poss" and self._fresh(c)), None
                )
        for clause in self._clauses(verb, objects):
            # "allowed Rehman to hold a rally", "demanded that the United States match …",
            # "refused to allow UN planes to land", "insisted on its demand that Burundi's
            # government grant …"
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if found is None and subject is not None and self._fresh(subject):
                found = subject
        if found is None:
            # "agreed to provide aid for Romania", "complained over Israeli raids": any
            # preposition of the verb, its objects or its complement that names an actor.
            heads = [verb, *objects]
            heads += [c for c in verb.children if c.dep_ == "xcomp"]
            heads += [g for h in heads[len(objects) + 1 :] for g in h.children if g.dep_ == "dobj"]
            for head in heads:
                for child in head.children:
                    if child.dep_ in OBJECTS and head != verb and self._named(child):
                        return child
                    if child.dep_ in ("prep", "dative") and child.lower_ in ANY_PREPS:
                        target = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if target is not None and self._named(target):
                            return target
                        if target is not None and not self._side(target):
                            # "commit to assistance to the US-led war": whom the thing is for
                            target = self._prep_object(target, tuple(ANY_PREPS))
                            if target is not None and self._named(target):
                                return target
        return found or self._condition(verb)

    def _answered(self, head: Token) -> Token | None:
        """Whom an act answers, in "in protest of X", "in retaliation for X's raids", "in
        response to X": the one protested or retaliated against."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for reason in prep.children:
                if reason.dep_ == "pobj" and reason.lemma_.lower() in ANSWERS:
                    target = self._prep_object(reason, ANSWER_PREPS)
                    if target is not None and self._named(target) and self._owned(target):
                        return target
        return None

    def _owned(self, noun: Token) -> bool:
        """Whether a noun's possessor, if it has one, is known: "in response to its invasion
        of Kuwait" answers whoever "its" is, not Kuwait."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return owner is None or bool(self._side(owner))

    @staticmethod
    def _shifted(verb: Token) -> list[Token]:
        """A heavy object moved after the verb's as-phrase, which the parser takes for an
        apposition of it: "denounced as an ugly crime Serbia's suppression of …"."""
        return [
            appos
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "as"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for appos in pobj.children
            if appos.dep_ == "appos"
        ]

    def _clauses(self, verb: Token, objects: list[Token]) -> list[Token]:
        """The clauses whose subject is the one an act is put to: the verb's complements
        and those of its open complement ("refused to allow X to …"), and the that-clause
        of a demand or offer it takes ("rejected the demand that X …")."""
        opened = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        clauses = [c for v in opened for c in v.children if c.dep_ in ("ccomp", "xcomp")]
        nouns = [*objects, *(g for c in verb.children if c.dep_ == "prep"
                             for g in c.children if g.dep_ == "pobj")]  # fmt: skip
        for noun in (n for n in nouns if n.lemma_.lower() in PROPOSALS):
            clauses += [
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ]
        return clauses

    def _condition(self, verb: Token) -> Token | None:
        """Whom a threat or a demand is put to when its act names no one: the subject of
        its condition ("threatened to strike unless Israel rescinded …"), whose doing it
        turns on."""
        opened = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for clause in (c for v in opened for c in v.children if c.dep_ == "advcl"):
            if not any(g.dep_ == "mark" and g.lower_ in CONDITIONS for g in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and self._named(subject):
                return subject
        return None

    def _named(self, token: Token) -> bool:
        """Whether a noun phrase names an actor the linker knows (not a bare role noun)."""
        return any(p.actor_id or p.country for p in self._fresh(token))

    def _fresh(self, token: Token) -> list[Participant]:
        """The sides a noun phrase stands for, less the event's actors: "threatened to break
        off relations over their ties" does not make Pakistan its own recipient."""
        return [p for p in self._side(token) if p not in self.taken]

    def _sides(self, found: Match) -> tuple[list[Participant], list[Participant]]:
        kind = found.type
        head, noun = found.head, found.noun
        actor_token: Token | None
        recipient_token: Token | None = None
        if noun is not None and noun != head:
            # "held talks with Lavrov": the light verb's subject, the noun's preposition.
            actor_token, passive = self._subject(head)
            if passive:
                actor_token = self._agent(head)
            preps = (*RECIPIENT_PREPS.get(kind, ()), BETWEEN)
            if kind not in OF_ACTOR_TYPES:  # "mounted an invasion of South Lebanon"
                preps = (*preps, "of")
            recipient_token = self._prep_object(noun, preps)
            if recipient_token is None and noun.dep_ == "compound":
                # "undertook a mediation mission between Syria and Arafat"
                recipient_token = self._prep_object(noun.head, preps)
        elif head.pos_ in ("NOUN", "PROPN"):
            actor_token, recipient_token = self._noun_sides(head, kind)
        else:
            subject, passive = self._subject(head)
            if passive and head.lemma_.lower() in STATIVE and self._agent(head) is None:
                passive = False  # "Israel is opposed to French mediation"
            if passive:
                actor_token, recipient_token = self._agent(head), subject
            else:
                actor_token = subject
                self.taken = self._side(subject)
                recipient_token = self._object(head, kind)
                self.taken = []
        if recipient_token is None and actor_token is not None:
            # "went on hunger strike in protest of the government's refusal"
            recipient_token = self._answered(noun) if noun is not None else None
            recipient_token = recipient_token or self._answered(head)
        if found.reverse:  # "Putin hosted Xi": the guest is the one who visits
            actor_token, recipient_token = recipient_token, actor_token
        if found.cause:  # "the ruling sparked protests": the subject did not protest
            actor_token = None
        actors = self._side(actor_token)
        recipients = [r for r in self._side(recipient_token) if r not in actors]
        return actors, recipients

    def _noun_sides(self, noun: Token, kind: str) -> tuple[Token | None, Token | None]:
        """ "Russia's invasion of Ukraine", "Russian airstrikes on Kyiv", "the talks with
        Lavrov" after "met Putin": the noun's own modifiers, else the governing verb's
        subject."""
        actor: Token | None = None
        if kind in OF_ACTOR_TYPES:  # "the deployment of NATO troops": NATO deploys
            actor = self._prep_object(noun, ("of", "by"))
            recipient = self._prep_object(noun, RECIPIENT_PREPS.get(kind, ()))
        else:  # "the invasion of Ukraine by Russia"
            actor = self._prep_object(noun, ("by",))
            recipient = self._prep_object(noun, (*RECIPIENT_PREPS.get(kind, ()), "of"))
        for child in noun.children:
            if actor is not None:
                break
            if child.dep_ in ("poss", "compound", "amod", "nmod") and self._side(child):
                if child.dep_ == "compound" and kind == "ASSAULT" and recipient is None:
                    recipient = child  # "the Ukraine war", "Gaza strikes": where, on whom
                    continue
                actor = child
                break
        if actor is None and noun.dep_ == "pobj" and noun.head.lower_ in LIGHT_NOUN_HOSTS:
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                actor, _ = self._subject(verb)
        if actor is None and noun.dep_ in SUBJECTS | {"nsubjpass"}:
            actor = None  # "the attack killed ten": no one named
        return actor, recipient

    # -- modality ----------------------------------------------------------------------------

    def _statement(self, offset: int) -> Statement | None:
        """The first statement whose words hold a character, if any."""
        number = self._told.first(offset)
        return self.statements[number] if number is not None else None

    def _negated(self, head: Token, noun: Token | None) -> bool:
        if any(c.dep_ == "neg" for c in head.children):
            return True
        if noun is not None and any(c.lower_ in ("no", "without") for c in noun.children):
            return True
        governor = head.head if head.dep_ == "xcomp" else None
        return governor is not None and governor.lemma_ in FAILING

    def _willing(self, head: Token) -> bool:
        """ "is ready to contribute troops", "willing to send": an offer, not a deed."""
        governor = head.head if head.dep_ == "xcomp" else None
        return governor is not None and governor.lemma_.lower() in WILLING

    def _hypothetical(self, head: Token) -> bool:
        chain = [head, *head.ancestors][:4]
        for token in chain:
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children):
                return True
        return any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in head.children)

    def _modality(self, hit: Match, statement: Statement | None) -> tuple[str, bool]:
        head, noun = hit.head, hit.noun
        if hit.negated or self._negated(head, noun):
            return "negated", True
        if self._hypothetical(head):
            return "hypothetical", False
        if hit.future or is_future(head) or self._willing(head):
            return "future", False
        hearsay = any(
            t.lower_ in HEARSAY for t in [*head.children, *(noun.children if noun else ())]
        )
        if hearsay or (statement is not None and statement.cue in CLAIM_CUES):
            return "claimed", False
        return "asserted", False

    # -- events ------------------------------------------------------------------------------

    def _matches(self, sentence: Span) -> list[Match]:
        """The sentence's triggers, each trigger word once."""
        found: dict[int, Match] = {}
        for hit in match_sentence(sentence):
            found.setdefault(hit.token.i, hit)
        taken = {m.token.i for m in found.values()} | {m.head.i for m in found.values()}
        for token in sentence:
            if token.i not in taken and token.pos_ == "NOUN":
                noun_hit = self._noun_event(token)
                if noun_hit is not None:
                    found[token.i] = noun_hit
        return sorted(found.values(), key=lambda m: m.token.i)

    def _noun_event(self, noun: Token) -> Match | None:
        """An event noun the sentence mentions in passing, when it names who did it or
        hangs on another event in time: "the Russian invasion of Ukraine", "met Putin after
        talks with Lavrov"."""
        row = load_triggers().best(noun, "NOUN")
        if row is None or row.guard:
            return None
        timed = noun.dep_ == "pobj" and noun.head.lower_ in EVENT_TIME_PREPS
        doer = any(
            c.dep_ in ("poss", "amod", "compound") and self._mention(c) is not None
            for c in noun.children
        )
        if not (timed or doer):
            return None
        return Match(row, row.type, row.mode, noun, noun, "noun")

    @staticmethod
    def _acts(hit: Match) -> list[Token]:
        """The acts a trigger announces, refuses or threatens, where their place is to be
        looked for: its complement trigger, else the verbs of its open complement ("agreed
        to set up", "threatened to resume"), and the act a proposal it answers puts forward
        ("rejected a call for its forces to be deployed in East Timor")."""
        acts = [c for c in hit.head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if hit.complement is not None:
            acts = [hit.complement]
        proposals = [
            c
            for c in (*hit.head.children, *acts)
            if c.dep_ in OBJECTS and c.lemma_.lower() in PROPOSALS
        ]
        acts += [
            c
            for proposal in proposals
            for c in proposal.children
            if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
        ]
        return list(dict.fromkeys(acts))

    @staticmethod
    def _landing(kind: str, actors: list[Participant], where: Where | None) -> str | None:
        """The state an event with no one named on the receiving end lands on: the state it
        happens in, always for the types that act on a place (an attack, a deployment);
        for the others (an embassy opened in Tehran, a centre set up in Tokyo) only when
        the place is abroad, not the actors' own state, and the event is not a meeting."""
        if where is None or not where.country:
            return None
        if kind in PLACE_TARGETS:
            return where.country
        abroad = where.country not in {p.country for p in actors}
        return where.country if abroad and kind not in PLACE_NEUTRAL else None

    def _placed(
        self,
        kind: str,
        actors: list[Participant],
        recipients: list[Participant],
        where: Where | None,
    ) -> tuple[list[Participant], list[Participant]]:
        """Give a state to the groups no actor names ("demonstrators", "prisoners"): the
        state the event happens in, else, for events within a state (arrests, protests),
        the state of the other side."""

        def state(side: list[Participant], other: list[Participant]) -> list[Participant]:
            country = where.country if where is not None and where.country else None
            if country is None and kind in DOMESTIC_TYPES:
                country = next((p.country for p in other if p.country), None)
            if country is None:
                return side
            return [replace(p, country=country) if p.country is None else p for p in side]

        return state(actors, recipients), state(recipients, actors)

    def _via(self, statement: Statement | None) -> tuple[str, ...]:
        if statement is None:
            return ()
        speaker = statement.speaker_id or statement.speaker_text
        return tuple(dict.fromkeys([*(v for v in (speaker,) if v), *statement.via]))

    def events(self) -> tuple[Event, ...]:
        events: list[Event] = []
        for sentence in self.doc.sents:
            entities = self.entities.within(sentence)
            first = len(events)
            heads: list[Token] = []  # the trigger heads of the sentence's events
            for hit in self._matches(sentence):
                actors, recipients = self._sides(hit)
                if not actors and not recipients:
                    continue
                trigger = hit.token
                if hit.type == "CONSULT" and len(actors) + len(recipients) >= 2:
                    self._event_group((trigger.idx, (*actors, *recipients)))
                statement = self._statement(trigger.idx)
                modality, negated = self._modality(hit, statement)
                kind, mode = hit.type, hit.mode or None
                if hit.trigger.type == "AGREE" and kind != "AGREE":
                    # "agreed to resign", "offered to host talks": the commitment is coded
                    kind, mode = "AGREE", None
                elif modality == "future" and kind in PROMISED:
                    # PLOVER codes a planned meeting, visit or aid as an agreement to it,
                    # and an announced retreat as a concession.
                    kind, mode = PROMISED[kind], None
                where = event_place(sentence, hit.head, self.kb, entities)
                for act in self._acts(hit):
                    # "threatened to resume attacks in Israel", "agreed to set up a centre in
                    # Tokyo": where the threatened or promised act is
                    where = where or event_place(sentence, act, self.kb, entities)
                # "sent observers to Bosnia to investigate": the investigation is in Bosnia
                where = where or purpose_place(sentence, hit.head, self.kb, entities)
                landing = self._landing(hit.type, actors, where)
                if not recipients and where is not None and landing:
                    # "blew themselves up in Tel Aviv": the place's state is on the receiving end
                    recipients = [Participant(where.text_start, where.text_end, where.text,
                                              landing, landing)]  # fmt: skip
                actors, recipients = self._placed(hit.type, actors, recipients, where)
                future = modality == "future"
                when = event_date(sentence, hit.head, self.published, future, entities)
                events.append(
                    Event(
                        article_id=self.article_id,
                        index=len(events),
                        sentence=self.sentence_of(trigger.idx),
                        type=kind,
                        mode=mode,
                        trigger_start=trigger.idx,
                        trigger_end=trigger.idx + len(trigger),
                        trigger=trigger.lemma_.lower(),
                        actors=tuple(actors),
                        recipients=tuple(recipients),
                        when=when,
                        where=where,
                        modality=modality,
                        negated=negated,
                        via=self._via(statement),
                        statement=statement.index if statement is not None else None,
                    )
                )
                heads.append(hit.head)
            self._aimed(events, first, heads)
            self._size(events, first, heads, sentence)
        return tuple(events)

    @staticmethod
    def _aimed(events: list[Event], first: int, heads: list[Token]) -> None:
        """Give an event that names no recipient the recipient of the act it is done for:
        "opened fire to disperse the demonstrators" is aimed at the demonstrators. The
        purpose is an infinitive clause of the trigger with the same doer."""
        by_head = {heads[i - first].i: i for i in range(first, len(events))}
        for i in range(first, len(events)):
            if events[i].recipients:
                continue
            for clause in heads[i - first].children:
                j = by_head.get(clause.i) if is_purpose(clause) else None
                if j is None or not events[j].recipients or events[j].actors != events[i].actors:
                    continue
                recipients = tuple(r for r in events[j].recipients if r not in events[i].actors)
                events[i] = replace(events[i], recipients=recipients)
                break

    def _size(self, events: list[Event], first: int, heads: list[Token], sentence: Span) -> None:
        """Give each count of dead, injured or arrested in the sentence to one event of it
        that can have casualties: the event of the counting verb itself ("killed 23
        people"), else the nearest event above it in the parse ("struck Kharkiv, killing 12
        people"), else the first below it ("12 people died when forces shelled Kharkiv")."""
        sized = [i for i in range(first, len(events)) if events[i].type in SIZED_TYPES]
        for verb, size in casualties(sentence, self.text):
            by_head = {heads[i - first].i: i for i in reversed(sized)}
            chain = [verb, *verb.ancestors]
            owner = next((by_head[t.i] for t in chain if t.i in by_head), None)
            if owner is None:
                owner = next((i for i in sized if verb in heads[i - first].ancestors), None)
            if owner is None or any(s.kind == size.kind for s in events[owner].sizes):
                continue
            events[owner] = replace(events[owner], sizes=(*events[owner].sizes, size))
