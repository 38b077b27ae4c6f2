"""Statements: who said what, to whom, according to whom.

Three kinds, as news writes them:

- **direct**: words in quotation marks with a cue and a speaker around them, before or after
  ("“…,” Wang said", "Lavrov said: “…”", "“…,” said Caddell"), over several paragraphs
  (news leaves the quote open at a paragraph's end and opens it again at the next), and
  quote paragraphs with no cue of their own that continue the previous speaker;
- **indirect**: a reporting verb and what it reports ("Qin stressed that the partnership …",
  "Lavrov urged China and Russia to step up …", "according to the Kremlin, …");
- **mixed**: indirect speech holding quoted words ("Wang said China would “uphold …”").

Each statement keeps the speaker (resolved to an actor through the article's linked
mentions), the cue, the content, the addressee ("told Putin"), the reporting chain ("according
to Sputnik", "Xinhua said") and negation. Pure: the parse, the linked mentions and the
knowledge base in, records out.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from communique.analysis.attribution_words import (
    ADJECTIVE_PREPS,
    ASKING,
    CLAUSE_CUES,
    COLON_CUES,
    CONCESSIVE,
    CUE_VERBS,
    DEPICTIONS,
    DRAWING,
    LINKING_VERBS,
    NAMING_VERBS,
    OBJECT_CONTROL,
    OBJECT_CUES,
    OCCASIONS,
    OWNING_PREPS,
    PEOPLE_NOUNS,
    QUESTION_WORDS,
    RELATIVES,
    REPORT_NOUNS,
    REPORT_PREPS,
    RUBRICS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_HOLDERS,
    STANCE_NOUNS,
    STANCE_PREPS,
    STANCE_VERBS,
    VIEW_CUES,
)
from communique.analysis.quotes import OPENERS, Quote, find_quotes, paragraphs
from communique.records import ActorRef, Mention, Statement

# Parse labels and tags the finder reads.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
NOUN_PHRASE = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON"})
# What hangs on a noun without being part of the name it gives ("a PAC that backed Rubio").
CLAUSES = frozenset({"relcl", "acl", "advcl", "dobj", "ccomp"})
DASHES = frozenset({"-", "--", "—", "–", "―"})
_EDGE = " \t\n,.;:—–-"
# Three words or more, as ``str.split`` counts them (both split at ``str.isspace``).
_THREE_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S")
# A name signing a quote: a dash after it, then capitalised words to the paragraph's end.
SIGNATURE = re.compile(r"[ \t\u00a0]*(―|—|–)[ \t\u00a0]*([A-Z][^\n―—–]{1,60}?)[ \t\u00a0.]*$", re.M)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


class _Furthest:
    """Stretches of a text added in any order, asked for the furthest end among those that
    start at or before an offset: a Fenwick tree of maxima, so that neither adding nor asking
    walks every stretch added."""

    def __init__(self, length: int) -> None:
        self._tree = [-1] * (length + 2)  # 1-based: offset o is at o + 1

    def add(self, start: int, end: int) -> None:
        i = start + 1
        while i < len(self._tree):
            self._tree[i] = max(self._tree[i], end)
            i += i & -i

    def furthest(self, offset: int) -> int:
        """The furthest end of the stretches starting at or before ``offset``; -1 for none."""
        i, best = min(offset + 1, len(self._tree) - 1), -1
        while i > 0:
            best = max(best, self._tree[i])
            i -= i & -i
        return best


class StatementFinder:
    """Finds the statements of one article; make one per article."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        mentions: Sequence[Mention],
        actors: Sequence[ActorRef],
        sentence_of: Callable[[int], int],
        agents: Mapping[str, str] | None = None,
    ) -> None:
        self.doc, self.article_id, self.sentence_of = doc, article_id, sentence_of
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        # The linked mentions, in that order, with their starts to bisect.
        self._linked = [mention for mention in self.mentions if mention.actor_id]
        self._linked_starts = [mention.start for mention in self._linked]
        self._longest = max((m.end - m.start for m in self._linked), default=0)
        self.kinds = {actor.id: actor.kind for actor in actors}
        self.agents = agents or {}  # role nouns: what a person or a body can be called
        self.quotes = find_quotes(self.text)
        # Quoted words: where each starts and ends (both in text order: quotes are never
        # nested), and how many characters are quoted before each.
        self._quote_starts = [quote.inner_start for quote in self.quotes]
        self._quote_ends = [quote.inner_end for quote in self.quotes]
        lengths = (quote.inner_end - quote.inner_start for quote in self.quotes)
        self._quoted_before = [0, *itertools.accumulate(lengths)]
        self.paragraph_spans = paragraphs(self.text)
        self._paragraph_starts = [first for first, _ in self.paragraph_spans]
        self.found: list[dict] = []
        # Indexes of the statements found, so that no lookup walks them all: their stretches,
        # those by the start of their cue, and the cues of reports (not views). The first and
        # the last keep a statement replaced by a wider one of the same cue (see ``_add``):
        # the wider one answers every question the same way.
        self._stretches = _Furthest(len(self.text))
        self._by_cue: dict[int | None, list[dict]] = {}
        self._report_cues = _Furthest(len(self.text))

    # -- helpers -----------------------------------------------------------------------------

    def _inside_quote(self, offset: int) -> Quote | None:
        """The quote holding a character, if any (quotes are in text order, never nested)."""
        at = bisect.bisect_right(self._quote_starts, offset) - 1
        if at >= 0 and offset < self.quotes[at].inner_end:
            return self.quotes[at]
        return None

    def _linked_between(self, first: int, last: int) -> list[Mention]:
        """The linked mentions that start from ``first`` to ``last`` (both included), in order."""
        lo = bisect.bisect_left(self._linked_starts, first)
        return self._linked[lo : bisect.bisect_right(self._linked_starts, last)]

    def _paragraph_at(self, offset: int) -> tuple[int, int] | None:
        """The paragraph holding a character, if any."""
        at = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if at >= 0 and offset < self.paragraph_spans[at][1]:
            return self.paragraph_spans[at]
        return None

    def _mention_at(self, start: int, end: int) -> Mention | None:
        """The linked mention best covering a span: the one holding its head, longest first."""
        best = None
        # One that starts further back than the longest mention cannot reach the span.
        for mention in self._linked_between(start - self._longest + 1, end - 1):
            overlaps = mention.actor_id and mention.start < end and start < mention.end
            if overlaps and (best is None or mention.end - mention.start > best.end - best.start):
                best = mention
        return best

    def _phrase(self, token: Token) -> Span:
        """A noun phrase for a subject or object: the token's subtree without clauses."""
        skip = {t.i for child in token.children if child.dep_ in CLAUSES | {"appos", "punct"}
                for t in child.subtree}  # fmt: skip
        tokens = [
            t
            for t in token.subtree
            if t.i not in skip and not (t.dep_ == "compound" and t.pos_ == "VERB")
        ]  # "Said Ellis"
        return (
            self.doc[tokens[0].i : tokens[-1].i + 1] if tokens else self.doc[token.i : token.i + 1]
        )

    def _subject(self, verb: Token, surface: bool = False) -> Token | None:
        """Who does what a verb says: its subject, the agent of a passive (but with
        ``surface``, its subject: the one a participle on it shares), the subject of the verb
        a participle or a conjunct hangs on, an inverted subject ("…,” added a Democrat)."""
        if self._asked(verb):
            return self._agent(verb)  # "Trump, asked how …, said": Trump was asked
        # Quoted words are never the speaker ("“Voters like him,” added …" parses as a subject).
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not self._quoted(c)]
        if not subjects:  # "who is by all accounts … saying": hung on the auxiliary
            subjects = [g for c in verb.children if c.dep_ in ("aux", "auxpass")
                        for g in c.children if g.dep_ in SUBJECTS]  # fmt: skip
        if not subjects and verb.tag_ in ("VBD", "VBZ", "VBN"):
            # "Will urged …", "May said …": a name read as a modal, which no past tense takes
            # (a participle only after "have": "Will wrote" is parsed as one).
            auxes = [c for c in verb.lefts if c.dep_ == "aux"]
            if not any(c.lemma_ == "have" for c in auxes):
                subjects = [c for c in auxes if c.tag_ == "MD" and c.text[:1].isupper()]
        if (
            any(s.dep_ == "nsubjpass" for s in subjects)
            and not surface
            and not self._quoted_as(verb)
        ):
            # "Rubio was asked whether …": the subject is who was asked; the asker is the agent.
            return self._agent(verb)
        if subjects:
            # "Russian news agency Tass said": of two subjects, the one next to the verb.
            before = [s for s in subjects if s.i < verb.i]
            child = before[-1] if before else subjects[0]
            return self._past_dateline(child)
        misread = self._misread_subject(verb)
        if misread is not None:
            return misread
        # "the Super PAC backing Bush": the noun the participle describes.
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return self._issuer(verb.head)
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "ROOT"):
            # "Asked by Lauer whether …, she said": the asker; "Asked whether …": unnamed.
            return self._agent(verb)
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "pobj") and verb.head != verb:
            return self._subject_above(verb)
        return None

    def _misread_subject(self, verb: Token) -> Token | None:
        """A subject the parse put somewhere else: the speaker of a fronted or inverted cue, the
        one asked, a relative clause or a number read as the reported clause, the noun before
        a finite verb, the speaker of a cue hung on a participle."""
        if verb.dep_ == "compound" and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head  # "Said Ellis: …"
        answered = [g for c in verb.children if c.dep_ in ("parataxis", "advcl")
                    and c.i < verb.i and self._asked(c)
                    for g in c.children if g.dep_ in SUBJECTS]  # fmt: skip
        if answered:
            return answered[0]  # … and the one asked says
        misparsed = self._clause_subject(verb)
        if misparsed is not None:
            return misparsed
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return inverted
        if verb.tag_ in FINITE and verb.dep_ in ("ROOT", "ccomp", "parataxis"):
            # "…, the candidate stated that": a subject the parse hung elsewhere.
            stray = self._stray_subject(verb)
            if stray is not None:
                return stray
        before = self.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if (
            verb.tag_ in FINITE
            and before is not None
            and before.pos_ in ("NOUN", "PROPN")
            and (verb.dep_ not in ("conj", "xcomp", "advcl") and not self._quoted(before))
        ):
            return before  # "the $20 million experts say it costs": a finite verb's subject
        if verb.tag_ == "VBG":
            # "“…,” Mr. Obama said, not even needing to mention …": the participle the parse
            # made the head shares the subject of the cue hung on it.
            asides = [c for c in verb.children if c.dep_ == "parataxis" and self._cue_verb(c)
                      and c.i < verb.i]  # fmt: skip
            if asides:
                return self._subject(asides[-1], surface=True)
        # "About 4 in 10 say …": a share of people, parsed as a number on the verb.
        shares = [c for c in verb.children if c.dep_ in ("nummod", "npadvmod") and c.i < verb.i]
        return shares[0] if shares else None

    def _subject_above(self, verb: Token) -> Token | None:
        """ "… saying it would …", "adding that …": the subject of the verb a participle, an
        infinitive or a conjunct hangs on; "blamed the network for reporting …": through the
        preposition; "led Ivans to fear": the object that is made to."""
        head = verb.head
        if (
            head.dep_ == "ccomp"
            and self._cue_verb(head.head)
            and self._second_report(verb, head.head)
        ):
            head = head.head  # "He said A has B and said C": the first cue's subject
        if verb.dep_ == "pcomp":
            # "in addition to stating", "took the unusual step of criticizing": up
            # through prepositions and the nouns they hang on; "their strategy of
            # attacking" is theirs.
            while (
                head.head != head
                and (head.pos_ in ("ADP", "SCONJ") or head.dep_ in ("pobj", "dobj"))
                and head.pos_ not in ("VERB", "AUX")
            ):
                owner = next((c for c in head.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return owner
                head = head.head
        if head.pos_ in ("ADP", "SCONJ") and head.head != head:
            head = head.head
        if head.pos_ in ("ADJ", "ADV") and head.dep_ in ("acomp", "advmod", "amod"):
            head = head.head  # "stopped short of calling", "was unable to say"
        shown = self._shown(verb, head)
        if shown is not None:
            return shown
        if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            # "led Ivans to fear": the object of the verb above is who fears.
            objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i
                       and c.pos_ in ("NOUN", "PROPN", "PRON")]  # fmt: skip
            if objects:
                return objects[0]
        if self._quoted(head) and not self._quoted(verb):
            # "“…,” Sanders said, going on to say": the parse hung both on the quote.
            cues = [c for c in head.children if c.i < verb.i and self._cue_verb(c)]
            if cues:
                return self._subject(cues[-1], surface=True)
        if verb.dep_ == "conj" and self._quoted(head) and not self._quoted(verb):
            return self._stray_subject(verb)  # a verb the parse hung on the quote it cues
        return self._subject(head, surface=True) if head.pos_ in ("VERB", "AUX") else None

    def _shown(self, verb: Token, head: Token) -> Token | None:
        """ "caught him saying", "uses footage of Clinton asking": a participle after an
        object that names a person, or a recording of one, is what that person does."""
        if (
            verb.dep_ != "xcomp"
            or verb.tag_ not in ("VBG", "VB")
            or any(c.dep_ == "aux" for c in verb.children)
        ):
            return None
        for thing in (c for c in head.children if c.dep_ == "dobj" and c.i < verb.i):
            if thing.pos_ == "PROPN" or thing.lower_ in ("him", "her", "them"):
                return thing
            if thing.lemma_.lower() in DEPICTIONS:
                return next((g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
        return None

    def _asked(self, verb: Token) -> bool:
        """ "Trump, asked how ties would fare, said …", "Asked what it looks like, Devine
        said": a participle of asking set off by a comma, its subject the one asked, however
        the parse tagged it."""
        if verb.lemma_.lower() not in ASKING or any(
            c.dep_ in ("dobj", "dative", "nsubjpass", "auxpass") for c in verb.children
        ):
            return False
        if verb.i + 1 >= len(self.doc) or self.doc[verb.i + 1].lower_ not in QUESTION_WORDS:
            return False
        return verb.i == verb.sent.start or self.doc[verb.i - 1].text == ","

    def _agent(self, verb: Token) -> Token | None:
        """Who does what a passive says: "was asked by a reporter" → reporter."""
        agents = [c for c in verb.children if c.dep_ == "agent"]
        objects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
        return objects[0] if objects else None

    def _issuer(self, noun: Token) -> Token:
        """Whose a document or an occasion of speaking is: the subject of the verb that has it
        ("the Council issued a statement calling …", "she said at a news conference
        announcing …"); else the noun itself."""
        if noun.lemma_.lower() not in SPEECH_NOUNS | OCCASIONS:
            return noun
        head = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        if head == noun or head.pos_ not in ("VERB", "AUX") or self._quoted(head):
            return noun
        subject = self._subject(head, surface=True)
        return noun if subject is None or subject.i == noun.i else subject

    def _past_dateline(self, subject: Token) -> Token:
        """ "WASHINGTON -- President Obama, …, said": the parse may take the dateline for the
        subject and the speaker for its apposition."""
        after = subject.nbor() if subject.i + 1 < len(self.doc) else None
        if subject.is_upper and len(subject) > 2 and after is not None and after.text in DASHES:
            return next((c for c in subject.children if c.dep_ == "appos"), subject)
        return subject

    def _quoted(self, token: Token) -> bool:
        return self._inside_quote(token.idx) is not None

    def _clause_subject(self, verb: Token) -> Token | None:
        """ "One attendee, who spoke on condition of anonymity, said the message was …": a
        finite verb with no subject, a clause before it and one after; the parse took the
        speaker and the relative clause on it for a clause reported."""
        if verb.tag_ not in FINITE or any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not self._quoted(c)]
        before = [c for c in clauses if c.i < verb.i and self.doc[verb.i - 1].text == ","]
        if not before or not any(c.i > verb.i for c in clauses):
            return None
        subjects = [c for c in before[0].children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return subjects[0] if subjects else None

    def _after_quote(self, verb: Token) -> bool:
        """Whether a verb comes straight after a quote ("“…,” said Brock")."""
        before = verb.i - 1
        while before >= verb.sent.start and self.doc[before].is_punct:
            before -= 1
        return before >= verb.sent.start and self._quoted(self.doc[before])

    def _inverted_subject(self, verb: Token) -> Token | None:
        """ "“…,” added a New Hampshire Democrat": after a quote, the noun after the verb,
        however the parse hung it ("said David Brock, a Clinton confidant who …")."""
        if verb.tag_ not in FINITE | {"VBN"} or not self._after_quote(verb):
            return None  # "“Women in Power,” answering questions": no inversion
        for child in verb.rights:
            if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd") and child.pos_ in (
                "NOUN", "PROPN", "PRON"):  # fmt: skip
                return child
        return self._noun_after(verb)

    def _noun_after(self, verb: Token) -> Token | None:
        """The head of the noun phrase that starts right after a token."""
        end = verb.i + 1
        while (
            end < verb.sent.end
            and self.doc[end].pos_ in NOUN_PHRASE
            and (self.doc[end].tag_ not in ("WP", "WDT"))
        ):
            end += 1
        nouns = [t for t in self.doc[verb.i + 1 : end] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        return nouns[-1] if nouns else None

    def _stray_subject(self, verb: Token) -> Token | None:
        """The noun phrase just before a finite verb that has no subject in the parse."""
        for token in reversed(self.doc[verb.sent.start : verb.i]):
            if token.pos_ in ("VERB", "AUX") or token.lower_ in ("that", "which", "who"):
                return None
            if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ in (
                "appos", "conj", "nsubj", "nsubjpass", "dep", "npadvmod"):  # fmt: skip
                return token
            if token.dep_ in ("pobj", "dobj") and not self._inside_dashes(token, verb):
                return None
        return None

    def _inside_dashes(self, token: Token, verb: Token) -> bool:
        """Whether a token sits in a dash-set aside before the verb ("Bush - in a line … -")."""
        between = self.doc[token.i : verb.i]
        return any(t.text in ("-", "—", "–", "--") for t in between)

    def _quoted_as(self, verb: Token) -> bool:
        """ "Wang was quoted as saying": the subject is the speaker after all."""
        return verb.lemma_ == "quote" or any(
            c.lemma_ == "quote" for c in verb.ancestors if c.i < verb.i
        )

    def _antecedent(self, subject: Token) -> Token:
        """What a relative pronoun stands for: "the report, which added …" → report."""
        verb = subject.head
        if verb.dep_ in ("aux", "auxpass"):
            verb = verb.head
        if subject.lower_ in RELATIVES and verb.dep_ == "relcl":
            return verb.head
        return subject

    def _speaker(self, verb: Token) -> tuple[Span | None, Mention | None]:
        subject = self._subject(verb)
        if subject is None or subject.lower_ == "there":
            return None, None
        if subject.lower_ in ("it", "this") and (
            subject.dep_ != "nsubj" or subject.head.lemma_ in LINKING_VERBS
        ):
            return None, None  # "it is said", "it seems": no one speaks; "It said" does
        if subject.lower_ in RELATIVES:  # "released a letter that says": the letter's issuer
            antecedent = self._antecedent(subject)
            issuer = self._issuer(antecedent)
            if issuer.i != antecedent.i:
                subject = issuer
            elif subject.lower_ == "that":
                # "a super PAC that backed Rubio": the noun, as PolNeAR marks it; "who" and
                # "which" stay as written, the pronouns they are.
                subject = antecedent
        phrase = self._phrase(subject)
        others = [c for c in subject.head.children if c.dep_ in SUBJECTS and c.i < subject.i]
        if others and subject.head == verb:  # both subjects make the speaker's phrase
            phrase = self.doc[min(self._phrase(o).start for o in others) : phrase.end]
        # The speaker as written ("who"), the actor it stands for (the noun before it).
        return phrase, self._speaker_mention(self._antecedent(subject))

    def _speaker_mention(self, subject: Token) -> Mention | None:
        """The actor a subject names: a person, outlet or body before a nationality or group.

        "A more detailed report from Sputnik" → Sputnik; "Russian news agency Tass" → Tass.
        """
        # The noun phrase with its apposition ("the spokeswoman, Maria Zakharova"), not the
        # clauses on it ("a super PAC that backed Rubio").
        skip = {t.i for child in subject.children if child.dep_ in CLAUSES | {"punct"}
                for t in child.subtree}  # fmt: skip
        tokens = [t for t in subject.subtree if t.i not in skip]
        first, last = tokens[0], tokens[-1]
        start, end = first.idx, last.idx + len(last)
        rank = {"person": 0, "outlet": 1, "institution": 1, "igo": 1, "state": 2}
        best: tuple[int, int, Mention] | None = None
        for mention in self._linked_between(start, end):
            if mention.actor_id and start <= mention.start and mention.end <= end:
                head = mention.start <= subject.idx < mention.end
                key = (rank.get(self.kinds.get(mention.actor_id, ""), 3), 0 if head else 1)
                if best is None or key < best[:2]:
                    best = (*key, mention)
        return best[2] if best else None

    def _addressee(self, verb: Token) -> tuple[Span | None, Mention | None]:
        for child in verb.children:
            if verb.lemma_ in ("tell", "ask", "assure", "inform", "brief") and child.dep_ in (
                "dobj", "dative"):  # fmt: skip
                return self._phrase(child), self._mention_at(child.idx, child.idx + len(child))
            if child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_ in (
                "say", "speak", "explain", "write", "declare", "reply", "complain"):  # fmt: skip
                for target in child.children:
                    if target.dep_ == "pobj":
                        end = target.idx + len(target)
                        return self._phrase(target), self._mention_at(target.idx, end)
        return None, None

    def _via(self, verb: Token) -> list[str]:
        """Outlets and documents the text credits: "according to Sputnik", "the … report"."""
        via: list[str] = []
        # "Xinhua said Wang told …", "a ministry statement said …": the report holding this one.
        for ancestor in verb.ancestors:
            if self._cue_verb(ancestor):
                subject = self._subject(ancestor)
                if subject is not None and self._is_source(subject):
                    mention = self._speaker_mention(subject)
                    via.append(
                        mention.actor_id
                        if mention and mention.actor_id
                        else self._phrase(subject).text
                    )
        for token in verb.sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc):
                for prep in token.children:
                    for target in prep.children:
                        if target.dep_ == "pobj":
                            mention = self._mention_at(
                                target.left_edge.idx, target.idx + len(target)
                            )
                            via.append(
                                mention.actor_id
                                if mention and mention.actor_id
                                else self._phrase(target).text
                            )
        return via

    def _someone(self, subject: Token | None) -> bool:
        """Whether a subject is someone who can hold a view: an actor, a pronoun, a role noun."""
        if subject is None:
            return False
        subject = self._antecedent(subject)
        if subject.pos_ == "PRON":
            return subject.lower_ not in ("it", "that", "which", "this", "what")
        if self._speaker_mention(subject) is not None:
            return True
        lemma = subject.lemma_.lower()
        return lemma in PEOPLE_NOUNS or lemma in self.agents or subject.lower_ in self.agents

    def _is_source(self, subject: Token) -> bool:
        """Whether a speaker is an outlet or a document: it reports what others say."""
        subject = self._antecedent(subject)
        mention = self._speaker_mention(subject)
        key = mention.actor_id or "" if mention else ""
        return (
            self.kinds.get(key) == "outlet"
            or key.endswith(":JRN")
            or subject.lemma_.lower() in SPEECH_NOUNS
        )

    def _reports_speech(self, start: int, end: int) -> bool:
        """Whether a stretch of text holds a verb of saying with a speaker of its own."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            t.lemma_.lower() in SPEECH_VERBS and self._cue_verb(t) and self._subject(t) is not None
            for t in span
        )

    def _negated(self, verb: Token) -> bool:
        return any(child.dep_ == "neg" for child in verb.children)

    def _cue_verb(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in CUE_VERBS:
            return False
        return self._inside_quote(token.idx) is None and not self._naming(token)

    def _naming(self, verb: Token) -> bool:
        """ "a group called “We The People”", "now known as …", "calls itself …": a name
        given, not a report."""
        if verb.lemma_.lower() not in NAMING_VERBS:
            return False
        return (verb.dep_ == "acl" and verb.tag_ == "VBN") or any(
            c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children
        )

    # -- statements --------------------------------------------------------------------------

    def _add(
        self,
        kind: str,
        fragments: list[tuple[int, int]],
        verb: Token | None,
        *,
        speaker: tuple[Span | None, Mention | None] = (None, None),
        cue: tuple[int, int, str] | None = None,
        via: Sequence[str] = (),
    ) -> dict | None:
        fragments = [_trim(self.text, s, e) for s, e in fragments]
        fragments = [(s, e) for s, e in fragments if e > s]
        if not fragments:
            return None
        start, end = fragments[0][0], fragments[-1][1]
        if self._stretches.furthest(start) >= end:
            return None  # already within a statement found
        if cue is None and verb is not None:
            cue = (verb.idx, verb.idx + len(verb), verb.lemma_.lower())
        # The same report found again, wider (a quote round a parsed object): keep the wider.
        self._drop_within(start, end, cue)
        phrase, mention = speaker
        addressee, to = self._addressee(verb) if verb is not None else (None, None)
        found = {
            "start": start, "end": end, "fragments": tuple(fragments), "kind": kind,
            "speaker": phrase, "speaker_mention": mention, "cue": cue,
            "addressee": addressee, "addressee_mention": to,
            "via": tuple(dict.fromkeys(via)),
            "negated": self._negated(verb) if verb is not None else False,
        }  # fmt: skip
        self.found.append(found)
        self._stretches.add(start, end)
        self._by_cue.setdefault(cue[0] if cue else None, []).append(found)
        if cue and cue[2] not in VIEW_CUES:
            self._report_cues.add(cue[0], cue[0])
        return found

    def _drop_within(self, start: int, end: int, cue: tuple[int, int, str] | None) -> None:
        """Forget the statements of this cue found within ``start``-``end``."""
        same = self._by_cue.get(cue[0] if cue else None, [])
        dropped = [f for f in same if start <= f["start"] and f["end"] <= end and f["cue"] == cue]
        if not dropped:
            return
        gone = {id(f) for f in dropped}
        self.found = [f for f in self.found if id(f) not in gone]
        same[:] = [f for f in same if id(f) not in gone]

    def direct(self) -> None:
        """Quoted words with the cue and speaker around them, and quotes that go on.

        Each quote of a paragraph goes with the reporting verb that governs it in the parse
        ("“…,” Warren said. “…,” she said." is two statements); a quote with no verb of its
        own goes on from the quote before it in the paragraph ("“…,” he said. “…”"). A
        paragraph of quotes no verb governs takes its first cue with a speaker, else the one
        before a colon ending the paragraph before, else continues the previous speaker, as
        news writes a quote over paragraphs.
        """
        by_paragraph: dict[int, list[Quote]] = {}
        for quote in self.quotes:
            if quote.double:
                by_paragraph.setdefault(quote.paragraph, []).append(quote)
        previous: dict | None = None
        for number, (first, last) in enumerate(self.paragraph_spans):
            groups = self._quote_groups(by_paragraph.get(number, []))
            if not groups:
                previous = previous if self._opens(first) else None
                continue
            if groups[0][0] is None:
                quotes = groups[0][1]
                signed = self._signature(quotes[-1], last)
                if signed is not None:  # "“…” ― Sonya Herridge"
                    name, dash = signed
                    previous = self._add(
                        "direct", [(q.inner_start, q.inner_end) for q in quotes], None,
                        speaker=(name, self._mention_at(name.start_char, name.end_char)),
                        cue=(dash, dash + 1, self.text[dash]),
                    )  # fmt: skip
                    continue
                verb = self._frame_cue(first, last, quotes)
                if verb is None and number > 0 and self._colon_before(number):
                    # "Caddell continued:" and the quote in a paragraph of its own.
                    verb = self._paragraph_cue(*self.paragraph_spans[number - 1])
                groups = [(verb, quotes)]
            for verb, members in groups:
                if verb is not None and self._partial(verb, members):
                    continue  # partial quotes inside the verb's indirect speech
                fragments = [(q.inner_start, q.inner_end) for q in members]
                if verb is not None:
                    found = self._add("direct", fragments, verb, speaker=self._speaker(verb),
                                      via=self._via(verb))  # fmt: skip
                    previous = found or previous
                elif previous is not None and self._opens(first):
                    # A quote paragraph with no cue of its own: the previous speaker goes on.
                    self._add("direct", fragments, None,
                              speaker=(previous["speaker"], previous["speaker_mention"]),
                              cue=previous["cue"], via=previous["via"])  # fmt: skip

    def _signature(self, quote: Quote, last: int) -> tuple[Span, int] | None:
        """ "“…” ― Sonya Herridge": a name after a dash that ends the quote's paragraph, as
        collections of quotes sign them; the name's span and the dash's offset."""
        match = SIGNATURE.match(self.text, quote.end, last)
        if match is None:
            return None
        name = self.doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if name is None or len(name) > 6 or any(t.pos_ in ("VERB", "AUX") for t in name):
            return None
        return name, match.start(1)

    def _partial(self, verb: Token, quotes: list[Quote]) -> bool:
        """Whether quotes a verb governs are part of the indirect speech found for it
        ("adding China would “uphold an objective stance” and play a “constructive role”")."""
        return any(
            f["cue"] and f["cue"][0] == verb.idx and f["start"] <= q.inner_start < f["end"]
            for f in self._by_cue.get(verb.idx, [])
            for q in quotes
        )

    def _quote_groups(self, quotes: list[Quote]) -> list[tuple[Token | None, list[Quote]]]:
        """A paragraph's quotes grouped by the reporting verb that governs each, in order.

        A quote no verb governs joins the group before it, or the first one after it; when
        none is governed, they make one group with no verb. A quote of a word or two counts
        only when a verb governs it ("“It’s finished,” she said"; not the “gun violence”
        narrative).
        """
        groups: list[tuple[Token | None, list[Quote]]] = []
        waiting: list[Quote] = []  # quotes before the first governed one
        for quote in quotes:
            verb = self._governor(quote)
            if verb is None and len(self.text[quote.inner_start : quote.inner_end].split()) < 3:
                continue  # a term, not a quote
            if verb is None and self._stretches.furthest(quote.inner_start) > quote.inner_start:
                continue  # a partial quote in indirect speech found already
            if verb is None:
                (groups[-1][1] if groups else waiting).append(quote)
            elif groups and groups[-1][0] == verb:
                groups[-1][1].append(quote)
            else:
                groups.append((verb, [*waiting, quote]))
                waiting = []
        return groups or ([(None, waiting)] if waiting else [])

    def _governor(self, quote: Quote) -> Token | None:
        """The reporting verb outside quotation marks nearest above a quote's words."""
        span = self.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        for token in span or ():
            if token.is_punct or quote.start <= token.head.idx < quote.end:
                continue  # only the quote's own heads lead out of it
            for verb in token.ancestors:
                if self._inside_quote(verb.idx) is not None:
                    continue
                if self._cue_verb(verb) or (verb.pos_ == "VERB" and verb.lemma_ in COLON_CUES):
                    return verb
                fronted = self._fronted_cue(verb)
                if fronted is not None:
                    return fronted
        # "“…,” The Hill reported.": the quote is the sentence's root, its cue hung on it.
        hung = [
            child for token in span or () if token.dep_ == "ROOT" for child in token.children
            if child.dep_ in ("parataxis", "ccomp") and self._cue_verb(child)
            and not quote.start <= child.idx < quote.end
        ]  # fmt: skip
        return min(hung, key=lambda c: abs(c.idx - quote.end), default=None)

    def _fronted_cue(self, name: Token) -> Token | None:
        """ "Said Ellis: “…”": a cue verb put before the speaker, parsed as part of the name."""
        if name.pos_ not in ("PROPN", "NOUN"):
            return None
        return next((c for c in name.lefts if c.dep_ == "compound" and self._cue_verb(c)), None)

    def _opens(self, offset: int) -> bool:
        """Whether a quotation mark opens at an offset."""
        return self.text[offset] in OPENERS or self.text[offset : offset + 2] in OPENERS

    def _colon_before(self, number: int) -> bool:
        first, last = self.paragraph_spans[number - 1]
        return self.text[first:last].rstrip().endswith(":")

    def _paragraph_cue(self, first: int, last: int) -> Token | None:
        """The cue with a speaker nearest the colon that ends a paragraph ("The woman
        disputes the idea. McCrummen reports:")."""
        span = self.doc.char_span(first, last, alignment_mode="expand")
        for token in reversed(span or ()):
            cue = self._cue_verb(token) or token.lemma_ in COLON_CUES
            if cue and self._subject(token) is not None:
                return token
        return None

    def _frame_cue(self, first: int, last: int, quotes: list[Quote]) -> Token | None:
        """For quotes no reporting verb governs: the paragraph's first one with a speaker."""
        span = self.doc.char_span(first, last, alignment_mode="expand")
        starts = [q.start for q in quotes]  # in text order, never nested

        def in_quote(offset: int) -> bool:
            at = bisect.bisect_right(starts, offset) - 1
            return at >= 0 and offset < quotes[at].end

        def distance(verb: Token) -> int:  # to the nearest quote's start
            at = bisect.bisect_left(starts, verb.idx)
            return min(abs(verb.idx - s) for s in starts[max(at - 1, 0) : at + 1])

        cues = [
            verb for verb in span or ()
            if not in_quote(verb.idx) and self._cue_verb(verb) and self._subject(verb) is not None
        ]  # fmt: skip
        # First a verb the parse hung on the quoted words, the nearest ("Asked by Lauer
        # whether …, she said, “I read it”").
        hung = [v for v in cues if in_quote(v.head.idx)]
        hung.sort(key=distance)
        return hung[0] if hung else cues[0] if cues else None

    def indirect(self) -> None:
        """A reporting verb and the clause, object or infinitive it reports."""
        for token in self.doc:
            if not self._cue_verb(token):
                continue
            content = self._reported(token)
            if not content:
                continue
            start, end = content[0][0], content[-1][1]
            subject = self._subject(token)
            if token.lemma_.lower() in STANCE_VERBS and not self._someone(subject):
                continue  # "a framework built to support coexistence": no one holds a view
            if (
                subject is not None
                and self._is_source(subject)
                and self._reports_speech(start, end)
            ):
                continue  # the report is the reporting chain of the statement inside it
            self._add(self._kind(start, end), content, token,
                      speaker=self._speaker(token), via=self._via(token))  # fmt: skip

    def _kind(self, start: int, end: int) -> str:
        """direct when the content is (almost) all quoted, mixed when partly, else indirect."""
        quoted = self._quoted_length(start, end)
        share = quoted / max(1, end - start)
        return "direct" if share >= 0.9 else "mixed" if quoted else "indirect"

    def _quoted_length(self, start: int, end: int) -> int:
        """How many characters of a stretch are quoted words."""
        # The quotes that end after the start and start before the end; all but the first
        # and the last lie wholly within the stretch.
        first = bisect.bisect_right(self._quote_ends, start)
        last = bisect.bisect_left(self._quote_starts, end) - 1
        if last < first or end <= start:
            return 0
        quoted = self._quoted_before[last + 1] - self._quoted_before[first]
        quoted -= max(0, start - self._quote_starts[first])
        return quoted - max(0, self._quote_ends[last] - end)

    def _reported(self, verb: Token) -> list[tuple[int, int]] | None:
        """What a reporting verb reports, as fragments of the text."""
        misparsed = self._clause_subject(verb)
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        for child in verb.children:
            if (misparsed is not None or marked) and child.i < verb.i:
                # "One attendee, who spoke on …, said the message was …"; "continues to
                # insist, …, that he wants": the clause before is who reports, not what.
                continue
            if self._asked(child):
                continue  # "Trump, asked how …, said they …": the question, not the answer
            if child.dep_ in ("ccomp", "parataxis") and (
                child.i > verb.i or not self._inside_quote(child.idx)
            ):
                if (
                    child.i > verb.i
                    and verb.tag_ in FINITE
                    and self._after_quote(verb)
                    and not any(c.dep_ in SUBJECTS for c in verb.children)
                ):
                    continue  # "“…,” said David Brock, who heads …": the speaker, misparsed
                # "… that X" after the verb; "X, the rights group says" before it.
                stop = self._next_report(child, verb)
                tokens = [
                    t
                    for t in child.subtree
                    if not (t.dep_ == "mark" and t.head == child) and t.i < stop
                ]
                return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            # "This campaign, he says, is different": the sentence round the aside; but
            # "…, she said, “I read it once.”" is a quote after its cue.
            head = verb.head
            after = next((t for t in self.doc[verb.right_edge.i + 1 : verb.sent.end]
                          if not t.is_punct), None)  # fmt: skip
            opened = head.i > verb.i and after is not None and self._quoted(after)
            # "“…,” Sanders said, going on to say …": the verb reports the quote before it.
            opened = opened or any(
                c.dep_ == "ccomp" and c.i < verb.i and self._quoted(c) for c in verb.children
            )
            if not opened and (
                head.i > verb.i or any(t.i > verb.right_edge.i for t in head.subtree)
            ):
                aside = {t.i for t in verb.subtree}
                tokens = [t for t in head.subtree if t.i not in aside]
                if tokens and not self._inside_quote(tokens[0].idx):
                    before = [t for t in tokens if t.i < verb.left_edge.i]
                    behind = [t for t in tokens if t.i > verb.right_edge.i]
                    return [(part[0].idx, part[-1].idx + len(part[-1]))
                            for part in (before, behind) if part]  # fmt: skip
        later = self._later_that(verb)
        if later is not None:
            return later
        if verb.lemma_ in ("say", "answer", "reply"):
            short = ("so", "yes", "no", "same", "otherwise")  # "half said so"
            answers = [
                c
                for c in verb.children
                if c.dep_ in ("dobj", "advmod", "intj") and c.i > verb.i and c.lower_ in short
            ]
            if answers:
                end = answers[0].right_edge
                return [(answers[0].left_edge.idx, end.idx + len(end))]
        if verb.lemma_ in CLAUSE_CUES:
            parts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
            if parts:
                end = parts[0].right_edge
                return [(parts[0].left_edge.idx, end.idx + len(end))]
        if verb.lemma_ in OBJECT_CUES:
            parts = [c for c in verb.children
                     if c.dep_ in ("dobj", "xcomp", "ccomp", "oprd") and c.i > verb.i]  # fmt: skip
            wanted = REPORT_PREPS.get(verb.lemma_, ())
            parts += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in wanted]
            if parts:
                left = self.doc[min(p.left_edge.i for p in parts)]
                right = self.doc[max(p.right_edge.i for p in parts)]
                return [(left.idx, right.idx + len(right))]
        return None

    def _later_that(self, verb: Token) -> list[tuple[int, int]] | None:
        """ "The nominee continues to insist, most recently in an interview, that he wants
        …": the parse made the that-clause the head of the sentence and the reporting verb
        a clause on it."""
        node = verb
        while node.dep_ in ("xcomp", "ccomp") and node.head != node:
            parent = node.head
            marks = [c for c in parent.children
                     if c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i]  # fmt: skip
            if node.dep_ == "ccomp" and node.i < parent.i and marks:
                aside = {t.i for t in node.subtree}
                tokens = [t for t in parent.subtree if t.i not in aside and t.i > marks[0].i]
                if tokens:
                    return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
            node = parent
        return None

    def _next_report(self, clause: Token, verb: Token) -> int:
        """Where a reported clause stops: before a second report the parse hung on it.

        "Kasich says he'd sit Putin down and tells the crowd he was first": "tells" is
        Kasich's second statement, not part of the first one's content.
        """
        for token in clause.subtree:
            if token.i <= clause.i or not (
                self._second_report(token, verb) or self._concession(token)
            ):
                continue
            stop = token.left_edge.i
            while stop > clause.i and (
                self.doc[stop - 1].dep_ == "cc" or self.doc[stop - 1].is_punct
            ):
                stop -= 1
            return stop
        return len(self.doc)

    def _concession(self, token: Token) -> bool:
        """ "He claimed that X was smart, although he again refused to …": a clause set off
        by a comma and "although" is the writer's, whatever the parse hung it on."""
        if token.dep_ != "advcl" or token.left_edge.i == 0:
            return False
        first = token.left_edge
        return first.lower_ in CONCESSIVE and self.doc[first.i - 1].text == ","

    def _second_report(self, token: Token, verb: Token) -> bool:
        """A cue verb with no subject of its own joined to a reported clause ("and says …",
        ", calling …"), in the reporting verb's form, not the clause's: "said Russia welcomed
        the statement and thanked China" is one report."""
        if not self._cue_verb(token) or any(c.dep_ in SUBJECTS for c in token.children):
            return False
        if token.dep_ == "conj":
            return token.tag_ == verb.tag_ != token.head.tag_
        return token.dep_ == "advcl" and token.tag_ == "VBG" and self.doc[token.i - 1].is_punct

    def _noun_reports(self) -> None:
        """ "his warning that Britain would go to the back of the queue", "the claim that …":
        a noun of saying or believing and its that-clause; the speaker is its owner, or the
        subject of the verb that has it."""
        for noun in self.doc:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in REPORT_NOUNS:
                continue
            if self._inside_quote(noun.idx):
                continue
            clause = next(
                (c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
                 and c.i > noun.i and any(g.dep_ == "mark" and g.lower_ == "that"
                                          for g in c.children)),
                None,
            )  # fmt: skip
            if clause is None:
                continue
            tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
            owner = self._owner(noun, ("dobj", "pobj"))
            speaker: tuple[Span | None, Mention | None] = (None, None)
            if owner is not None:
                speaker = (self._phrase(owner), self._speaker_mention(self._antecedent(owner)))
            cue = (noun.idx, noun.idx + len(noun), noun.lemma_.lower())
            fragments = [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
            start, end = fragments[0]
            self._add(self._kind(start, end), fragments, None, speaker=speaker, cue=cue)

    def _owner(self, noun: Token, roles: tuple[str, ...]) -> Token | None:
        """Whose a noun of saying is: its possessor ("Trump's claim"), or the subject of the
        verb that has it ("voiced support for …"); a possessive pronoun gives way to that
        subject, who names the same one ("Trump highlighted his message that …")."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON":
            return owner
        # "Trump claims that …" read as a noun: its subject, or the name before it.
        if noun.dep_ == "ROOT":
            subject = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ == "nsubj"
                    or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == noun.i - 1)
                ),
                None,
            )
            if subject is not None:
                return subject
        head = noun.head
        if (
            noun.dep_ == "dobj"
            and head.dep_ == "ROOT"
            and head.i == noun.i - 1
            and (head.pos_ in ("NOUN", "PROPN") and head.text[:1].isupper())
        ):
            return head  # "Trump charges that …"
        agent = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
        if agent is not None:  # "the suggestion by a president that", "warnings from his lawyer"
            return agent
        if noun.dep_ in roles and noun.head.pos_ == "VERB":
            if noun.head.lemma_.lower() in DRAWING:
                return owner  # "Suu Kyi has faced criticism for …": not hers
            return self._subject(noun.head) or owner
        if (
            "pobj" in roles
            and noun.dep_ == "pobj"
            and noun.head.lower_ in OWNING_PREPS
            and noun.head.head.pos_ == "VERB"
        ):
            # "said in a statement that …", "stirred controversy with an assertion that …"
            return self._subject(noun.head.head) or owner
        return owner

    def _stances(self) -> None:
        """ "Trump's criticism of the deal", "the NRA's opposition to background checks",
        "voiced support for Kyiv": a noun of saying or taking a side and what it is about,
        when the text says whose it is."""
        for noun in self.doc:
            lemma = noun.lemma_.lower()
            holder = (noun.pos_ == "NOUN" and lemma in STANCE_HOLDERS) or (
                noun.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES
            )
            if not holder and (noun.pos_ != "NOUN" or lemma not in STANCE_NOUNS):
                continue
            if self._inside_quote(noun.idx):
                continue
            preps = STANCE_PREPS if noun.pos_ == "NOUN" else ADJECTIVE_PREPS  # not "critical to"
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps), None)
            target = (
                next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
                if prep
                else None
            )
            if prep is None or target is None:
                continue
            owner = self._holder(noun) if holder else self._owner(noun, ("dobj",))
            drawn = noun.dep_ == "dobj" and noun.head.lemma_.lower() in DRAWING
            if owner is not None and owner.lower_ in ("it", "its", "this", "that"):
                owner = None
            if owner is None and not drawn:
                continue  # no one's view; but "faced criticism for …" is someone's
            speaker: tuple[Span | None, Mention | None] = (None, None)
            if owner is not None and owner.i == noun.i:  # "supporters of the bill"
                speaker = (self.doc[noun.left_edge.i : noun.i + 1], None)
            elif owner is not None:
                speaker = (self._phrase(owner), self._speaker_mention(self._antecedent(owner)))
            last = target.right_edge
            cue = (noun.idx, prep.idx + len(prep), f"{noun.lemma_.lower()} {prep.lower_}")
            self._add("indirect", [(target.left_edge.idx, last.idx + len(last))], None,
                      speaker=speaker, cue=cue)  # fmt: skip

    def _holder(self, word: Token) -> Token | None:
        """Who "a supporter of NATO" or "critical of Trump" is: the subject it is said of
        ("Graham has been critical of …"), the name it stands beside ("Mr. Schultz, a
        defender of RT"), or the people it names ("supporters of the bill")."""
        node = word  # "one of a clutch of supporters of …", "among the earliest supporters"
        while (
            node.dep_ == "pobj"
            and node.head.lower_ in ("of", "among")
            and (node.head.head.pos_ in ("NOUN", "PRON", "NUM", "VERB", "AUX"))
        ):
            node = node.head.head
            if node.pos_ in ("VERB", "AUX"):
                return self._subject(node)
        if node.dep_ in ("attr", "acomp"):
            return self._subject(node.head)
        if word.dep_ == "pobj" and word.head.lower_ == "as" and word.head.head.pos_ == "VERB":
            # "casting himself as a champion of …": the one who casts
            return self._subject(word.head.head)
        if word.dep_ == "appos":
            return word.head
        return word if word.pos_ == "NOUN" else None

    def _seeming(self) -> None:
        """ "The candidate seemed to be shrinking", "they appear to be unanimous": an
        impression the text reports, with no one named who holds it."""
        for verb in self.doc:
            if verb.lemma_.lower() not in ("seem", "appear") or verb.pos_ not in ("VERB", "AUX"):
                continue
            if self._inside_quote(verb.idx):
                continue
            if not any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr") for c in verb.children):
                continue  # "he appeared on television"
            tokens = [t for t in verb.subtree if not (t.is_punct and t.i == verb.right_edge.i)]
            if len(tokens) < 3:
                continue
            cue = (verb.idx, verb.idx + len(verb), verb.lemma_.lower())
            fragments = [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
            speaker: tuple[Span | None, Mention | None] = (None, None)
            inner = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if inner is not None and inner.lemma_.lower() in CUE_VERBS:
                # "Obama seemed to recognize the significance": his view, as it looked
                speaker = self._speaker(verb)
            self._add(self._kind(*fragments[0]), fragments, None, speaker=speaker, cue=cue)

    def _hearsay(self) -> None:
        """ "Bloomberg is reportedly considering a run": a report with no one named."""
        for adverb in self.doc:
            if adverb.lower_ not in ("reportedly", "allegedly", "purportedly", "supposedly"):
                continue
            verb = adverb.head
            if self._inside_quote(adverb.idx) or verb.pos_ not in ("VERB", "AUX"):
                continue
            tokens = [t for t in verb.subtree if t.i != adverb.i and not t.is_punct]
            if tokens:
                cue = (adverb.idx, adverb.idx + len(adverb), adverb.lower_)
                fragments = [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
                self._add("indirect", fragments, None, cue=cue)

    def _according_to(self) -> None:
        """ "According to Sputnik, Wang said …", "…, according to the Kremlin"."""
        for token in self.doc:
            if token.lower_ != "according" or self._inside_quote(token.idx):
                continue
            preps = [c for c in token.children if c.lower_ == "to"]
            targets = [t for p in preps for t in p.children if t.dep_ == "pobj"]
            if not targets:
                continue
            target = targets[0]
            sentence = token.sent
            if self._report_cues.furthest(sentence.end_char - 1) >= sentence.start_char:
                # "Wang said …, according to Sputnik": the chain of that statement; but
                # "according to police, officers saw …" is what the police say.
                continue
            phrase = self.doc[token.i : target.right_edge.i + 1]
            before = (sentence.start_char, phrase.start_char)
            after = (phrase.end_char, sentence.end_char)
            body = after if phrase.start == sentence.start else before
            mention = self._mention_at(target.idx, target.idx + len(target))
            speaker = (self._phrase(target), mention)
            cue = (phrase.start_char, token.idx + len("according to"), "according to")
            self._add("indirect", [body], None, speaker=speaker, cue=cue)

    def colons(self) -> None:
        """ "Wash Post Fact-Check: If Obama says it …", "Trump said: the wall …"."""
        for colon in self.doc:
            if colon.text != ":":
                continue
            sentence = colon.sent
            left = self.doc[sentence.start : colon.i]
            if self._inside_quote(colon.idx) and not self._transcript_label(left):
                continue  # a quoted transcript's "“WALLACE: …" still names who speaks
            paragraph = self._paragraph_at(colon.idx)
            if paragraph is None or len(left) == 0:
                continue
            start, end = colon.idx + 1, paragraph[1]
            if not _THREE_WORDS.match(self.text, start, end):  # under three words to its end
                continue
            verbs = [t for t in left if self._cue_verb(t) or t.lemma_ in COLON_CUES]
            if verbs and self._subject(verbs[-1]) is not None:
                verb = verbs[-1]
                self._add(self._kind(start, end), [(start, end)], verb,
                          speaker=self._speaker(verb), via=self._via(verb))  # fmt: skip
            elif self._headline_speaker(left):
                first = left[0].i
                while first < colon.i and self.doc[first].is_punct:
                    first += 1
                speaker = self.doc[first : colon.i]
                mention = self._mention_at(speaker.start_char, speaker.end_char)
                cue = (colon.idx, colon.idx + 1, ":")
                self._add(self._kind(start, end), [(start, end)], None,
                          speaker=(speaker, mention), cue=cue)  # fmt: skip

    def _headline_speaker(self, left: Span) -> bool:
        """Whether the words before a colon name who speaks: "Trump: …", "Poll: …".

        They must name a known actor, a person, a transcript's speaker in capitals or a source
        ("AP-GfK Poll"): a subhead ("Success on
        Signature Issue: …"), a rubric ("The Latest:", "Analysis:"), an interview's "Q:" and
        "A:" or an opening phrase ("Then, on CNN: …") names no one.
        """
        words = [t for t in left if not t.is_punct]
        if not words or len(left) > 8 or any(t.pos_ in ("VERB", "AUX") for t in left):
            return False
        if words[0].lower_ in RUBRICS or not words[-1].text[:1].isupper():
            return False  # "Analysis: …", "Ukraine war: 1 year on"
        if (len(words) == 1 and len(words[0]) == 1) or any(t.text == "," for t in left):
            return False
        if words[-1].lemma_.lower() in SOURCE_NOUNS:
            return True
        if self._transcript_label(left):
            return True  # a transcript's "WALLACE: …", "PENCE: …"
        mention = self._mention_at(words[0].idx, words[-1].idx + len(words[-1]))
        # An organisation first met here is as likely a subhead that NER took for a name.
        return mention is not None and (mention.how != "new" or mention.label == "PERSON")

    def _transcript_label(self, left: Span) -> bool:
        """A speaker's name in capitals before a colon, as transcripts write it."""
        words = [t for t in left if not t.is_punct]
        return 0 < len(words) <= 2 and all(
            w.is_upper and w.is_alpha and len(w) > 2 and w.lower_ not in RUBRICS for w in words
        )

    def _outer_views(self) -> list[dict]:
        """The statements found, less views held inside another statement's content ("Trump
        said he wants a wall": what he wants is part of what he said, not a second report)."""
        stretches = _Furthest(len(self.text))
        by_start: dict[int, list[dict]] = {}
        for found in self.found:
            stretches.add(found["start"], found["end"])
            by_start.setdefault(found["start"], []).append(found)

        def held(found: dict) -> bool:
            """Whether another statement holds this one: one starting before it and reaching
            as far, or one starting with it."""
            if stretches.furthest(found["start"] - 1) >= found["end"]:
                return True
            return any(other is not found and found["end"] <= other["end"]
                       for other in by_start[found["start"]])  # fmt: skip

        return [
            found for found in self.found
            if not (found["cue"] and found["cue"][2] in VIEW_CUES and held(found))
        ]  # fmt: skip

    def statements(self) -> tuple[Statement, ...]:
        self.indirect()  # first, so that a quote inside indirect speech stays part of it
        self.direct()
        self.colons()
        # Last: a sentence whose report is found already credits its source, not says it.
        self._according_to()
        self._noun_reports()
        self._stances()
        self._seeming()
        self._hearsay()
        records = []
        for index, found in enumerate(sorted(self._outer_views(), key=lambda f: f["start"])):
            phrase, mention = found["speaker"], found["speaker_mention"]
            addressee, to = found["addressee"], found["addressee_mention"]
            cue = found["cue"]
            records.append(
                Statement(
                    article_id=self.article_id,
                    index=index,
                    kind=found["kind"],
                    start=found["start"],
                    end=found["end"],
                    fragments=found["fragments"],
                    speaker_start=phrase.start_char if phrase is not None else None,
                    speaker_end=phrase.end_char if phrase is not None else None,
                    speaker_text=phrase.text if phrase is not None else None,
                    speaker_id=mention.actor_id if mention else None,
                    cue_start=cue[0] if cue else None,
                    cue_end=cue[1] if cue else None,
                    cue=cue[2] if cue else None,
                    addressee_start=addressee.start_char if addressee is not None else None,
                    addressee_end=addressee.end_char if addressee is not None else None,
                    addressee_text=addressee.text if addressee is not None else None,
                    addressee_id=to.actor_id if to else None,
                    via=found["via"],
                    negated=found["negated"],
                    sentence=self.sentence_of(found["start"]),
                )
            )
        return tuple(records)
