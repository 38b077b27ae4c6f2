"""Who a reporting verb's subject is, as news parses mislead: fronted and inverted subjects
("“…,” said Caddell"), subjects above a clause, datelines, quoted words that are not speakers."""

from __future__ import annotations

from spacy.tokens import Token

from communique.analysis.statements.context import StatementContext
from communique.analysis.syntax import DASHES, FINITE, NOUN_PHRASE, SUBJECTS, agent


def subject_of(ctx: StatementContext, verb: Token, surface: bool = False) -> Token | None:
    """Who does what a verb says: its subject, the agent of a passive (but with
    ``surface``, its subject: the one a participle on it shares), the subject of the verb
    a participle or a conjunct hangs on, an inverted subject ("…,” added a Democrat)."""
    if asked(ctx, verb):
        return agent(verb)  # "Trump, asked how …, said": Trump was asked
    # Quoted words are never the speaker ("“Voters like him,” added …" parses as a subject).
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not ctx.quoted(c)]
    if not subjects:  # "who is by all accounts … saying": hung on the auxiliary
        subjects = [g for c in verb.children if c.dep_ in ("aux", "auxpass")
                    for g in c.children if g.dep_ in SUBJECTS]  # fmt: skip
    if not subjects and verb.tag_ in ("VBD", "VBZ", "VBN"):
        # "Will urged …", "May said …": a name read as a modal, which no past tense takes
        # (a participle only after "have": "Will wrote" is parsed as one).
        auxes = [c for c in verb.lefts if c.dep_ == "aux"]
        if not any(c.lemma_ == "have" for c in auxes):
            subjects = [c for c in auxes if c.tag_ == "MD" and c.text[:1].isupper()]
    felt = [s for s in subjects if s.dep_ == "nsubjpass"]
    if felt and verb.lower_ in ctx.words.belief_adjectives and agent(verb) is None:
        return past_dateline(ctx, felt[0])  # "nurses were worried the ward …": the worried
    if felt and not surface and not quoted_as(ctx, verb):
        # "Rubio was asked whether …": the subject is who was asked; the asker is the agent.
        return agent(verb)
    if subjects:
        # "Russian news agency Tass said": of two subjects, the one next to the verb.
        before = [s for s in subjects if s.i < verb.i]
        child = before[-1] if before else subjects[0]
        return past_dateline(ctx, child)
    misread = misread_subject(ctx, verb)
    if misread is not None:
        return misread
    # "the Super PAC backing Bush": the noun the participle describes.
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return issuer_of(ctx, verb.head)
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "ROOT"):
        # "Asked by Lauer whether …, she said": the asker; "Asked whether …": unnamed.
        return agent(verb)
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "pobj") and verb.head != verb:
        return subject_above(ctx, verb)
    return None


def misread_subject(ctx: StatementContext, verb: Token) -> Token | None:
    """A subject the parse put somewhere else: the speaker of a fronted or inverted cue, the
    one asked, a relative clause or a number read as the reported clause, the noun before
    a finite verb, the speaker of a cue hung on a participle."""
    if verb.dep_ == "compound" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "Said Ellis: …"
    answered = [g for c in verb.children if c.dep_ in ("parataxis", "advcl")
                and c.i < verb.i and asked(ctx, c)
                for g in c.children if g.dep_ in SUBJECTS]  # fmt: skip
    if answered:
        return answered[0]  # … and the one asked says
    misparsed = clause_subject(ctx, verb)
    if misparsed is not None:
        return misparsed
    inverted = inverted_subject(ctx, verb)
    if inverted is not None:
        return inverted
    if verb.tag_ in FINITE and verb.dep_ in ("ROOT", "ccomp", "parataxis"):
        # "…, the candidate stated that": a subject the parse hung elsewhere.
        stray = stray_subject(ctx, verb)
        if stray is not None:
            return stray
    before = ctx.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if (
        verb.tag_ in FINITE
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and (verb.dep_ not in ("conj", "xcomp", "advcl") and not ctx.quoted(before))
    ):
        return before  # "the $20 million experts say it costs": a finite verb's subject
    if verb.tag_ == "VBG":
        # "“…,” Mr. Obama said, not even needing to mention …": the participle the parse
        # made the head shares the subject of the cue hung on it.
        asides = [c for c in verb.children if c.dep_ == "parataxis" and cue_verb(ctx, c)
                  and c.i < verb.i]  # fmt: skip
        if asides:
            return subject_of(ctx, asides[-1], surface=True)
    # "About 4 in 10 say …": a share of people, parsed as a number on the verb.
    shares = [c for c in verb.children if c.dep_ in ("nummod", "npadvmod") and c.i < verb.i]
    return shares[0] if shares else None


def subject_above(ctx: StatementContext, verb: Token) -> Token | None:
    """ "… saying it would …", "adding that …": the subject of the verb a participle, an
    infinitive or a conjunct hangs on; "blamed the network for reporting …": through the
    preposition; "led Ivans to fear": the object that is made to."""
    head = verb.head
    if head.dep_ == "ccomp" and cue_verb(ctx, head.head) and second_report(ctx, verb, head.head):
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
    shown = shown_of(ctx, verb, head)
    if shown is not None:
        return shown
    if verb.dep_ == "xcomp" and head.lemma_ in ctx.words.object_control:
        # "led Ivans to fear": the object of the verb above is who fears.
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i
                   and c.pos_ in ("NOUN", "PROPN", "PRON")]  # fmt: skip
        if objects:
            return objects[0]
    if ctx.quoted(head) and not ctx.quoted(verb):
        # "“…,” Sanders said, going on to say": the parse hung both on the quote.
        cues = [c for c in head.children if c.i < verb.i and cue_verb(ctx, c)]
        if cues:
            return subject_of(ctx, cues[-1], surface=True)
    if verb.dep_ == "conj" and ctx.quoted(head) and not ctx.quoted(verb):
        return stray_subject(ctx, verb)  # a verb the parse hung on the quote it cues
    return subject_of(ctx, head, surface=True) if head.pos_ in ("VERB", "AUX") else None


def shown_of(ctx: StatementContext, verb: Token, head: Token) -> Token | None:
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
        if thing.lemma_.lower() in ctx.words.depictions:
            return next((g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
    return None


def asked(ctx: StatementContext, verb: Token) -> bool:
    """ "Trump, asked how ties would fare, said …", "Asked what it looks like, Devine
    said": a participle of asking set off by a comma, its subject the one asked, however
    the parse tagged it."""
    if verb.lemma_.lower() not in ctx.words.asking or any(
        c.dep_ in ("dobj", "dative", "nsubjpass", "auxpass") for c in verb.children
    ):
        return False
    if verb.i + 1 >= len(ctx.doc) or ctx.doc[verb.i + 1].lower_ not in ctx.words.question_words:
        return False
    return verb.i == verb.sent.start or ctx.doc[verb.i - 1].text == ","


def issuer_of(ctx: StatementContext, noun: Token) -> Token:
    """Whose a document or an occasion of speaking is: the subject of the verb that has it
    ("the Council issued a statement calling …", "she said at a news conference
    announcing …"); else the noun itself."""
    lemma = noun.lemma_.lower()
    if lemma not in ctx.words.speech_nouns and lemma not in ctx.words.occasions:
        return noun
    head = noun.head.head if noun.head.pos_ == "ADP" else noun.head
    if head == noun or head.pos_ not in ("VERB", "AUX") or ctx.quoted(head):
        return noun
    subject = subject_of(ctx, head, surface=True)
    return noun if subject is None or subject.i == noun.i else subject


def past_dateline(ctx: StatementContext, subject: Token) -> Token:
    """ "WASHINGTON -- President Obama, …, said": the parse may take the dateline for the
    subject and the speaker for its apposition."""
    after = subject.nbor() if subject.i + 1 < len(ctx.doc) else None
    if subject.is_upper and len(subject) > 2 and after is not None and after.text in DASHES:
        return next((c for c in subject.children if c.dep_ == "appos"), subject)
    return subject


def clause_subject(ctx: StatementContext, verb: Token) -> Token | None:
    """ "One attendee, who spoke on condition of anonymity, said the message was …": a
    finite verb with no subject, a clause before it and one after; the parse took the
    speaker and the relative clause on it for a clause reported."""
    if verb.tag_ not in FINITE or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not ctx.quoted(c)]
    before = [c for c in clauses if c.i < verb.i and ctx.doc[verb.i - 1].text == ","]
    if not before or not any(c.i > verb.i for c in clauses):
        return None
    subjects = [c for c in before[0].children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return subjects[0] if subjects else None


def after_quote(ctx: StatementContext, verb: Token) -> bool:
    """Whether a verb comes straight after a quote ("“…,” said Brock")."""
    before = verb.i - 1
    while before >= verb.sent.start and ctx.doc[before].is_punct:
        before -= 1
    return before >= verb.sent.start and ctx.quoted(ctx.doc[before])


def inverted_subject(ctx: StatementContext, verb: Token) -> Token | None:
    """ "“…,” added a New Hampshire Democrat": after a quote, the noun after the verb,
    however the parse hung it ("said David Brock, a Clinton confidant who …")."""
    if verb.tag_ not in FINITE | {"VBN"} or not after_quote(ctx, verb):
        return None  # "“Women in Power,” answering questions": no inversion
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dep", "oprd") and child.pos_ in (
            "NOUN", "PROPN", "PRON"):  # fmt: skip
            return child
    return noun_after(ctx, verb)


def noun_after(ctx: StatementContext, verb: Token) -> Token | None:
    """The head of the noun phrase that starts right after a token."""
    end = verb.i + 1
    while (
        end < verb.sent.end
        and ctx.doc[end].pos_ in NOUN_PHRASE
        and (ctx.doc[end].tag_ not in ("WP", "WDT"))
    ):
        end += 1
    nouns = [t for t in ctx.doc[verb.i + 1 : end] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns else None


def stray_subject(ctx: StatementContext, verb: Token) -> Token | None:
    """The noun phrase just before a finite verb that has no subject in the parse."""
    for token in reversed(ctx.doc[verb.sent.start : verb.i]):
        if token.pos_ in ("VERB", "AUX") or token.lower_ in ("that", "which", "who"):
            return None
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ in (
            "appos", "conj", "nsubj", "nsubjpass", "dep", "npadvmod"):  # fmt: skip
            return token
        if token.dep_ in ("pobj", "dobj") and not inside_dashes(ctx, token, verb):
            return None
    return None


def inside_dashes(ctx: StatementContext, token: Token, verb: Token) -> bool:
    """Whether a token sits in a dash-set aside before the verb ("Bush - in a line … -")."""
    between = ctx.doc[token.i : verb.i]
    return any(t.text in ("-", "—", "–", "--") for t in between)


def quoted_as(ctx: StatementContext, verb: Token) -> bool:
    """ "Wang was quoted as saying": the subject is the speaker after all."""
    return verb.lemma_ == "quote" or any(
        c.lemma_ == "quote" for c in verb.ancestors if c.i < verb.i
    )


# Lemmas the tagger gets wrong for reporting verbs: "hopes", "hoped", "hoping" → "hop".
_MISLEMMATISED = {"hop": ("hope", ("hope", "hopi"))}


def lemma_of(token: Token) -> str:
    """A token's lemma, lower-cased, with the tagger's known slips put right ("hoping" is
    lemmatised "hop"; "hopping" rightly so)."""
    lemma = token.lemma_.lower()
    fixed = _MISLEMMATISED.get(lemma)
    if fixed is not None and token.lower_.startswith(fixed[1]):
        return fixed[0]
    return lemma


def cue_verb(ctx: StatementContext, token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or lemma_of(token) not in ctx.words.cue_verbs:
        return False
    return ctx.inside_quote(token.idx) is None and not naming(ctx, token)


def naming(ctx: StatementContext, verb: Token) -> bool:
    """ "a group called “We The People”", "now known as …", "calls itself …": a name
    given, not a report."""
    if verb.lemma_.lower() not in ctx.words.naming_verbs:
        return False
    return (verb.dep_ == "acl" and verb.tag_ == "VBN") or any(
        c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children
    )


def second_report(ctx: StatementContext, token: Token, verb: Token) -> bool:
    """A cue verb with no subject of its own joined to a reported clause ("and says …",
    ", calling …"), in the reporting verb's form, not the clause's: "said Russia welcomed
    the statement and thanked China" is one report."""
    if not cue_verb(ctx, token) or any(c.dep_ in SUBJECTS for c in token.children):
        return False
    if token.dep_ == "conj":
        return token.tag_ == verb.tag_ != token.head.tag_
    return token.dep_ == "advcl" and token.tag_ == "VBG" and ctx.doc[token.i - 1].is_punct
