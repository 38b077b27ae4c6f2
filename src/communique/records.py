"""The records communique passes between its stages.

Every record that says something about an article carries the article's id and character
offsets into the stored article text, so a user can always be shown the exact passage.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

_SPACE = re.compile(r"\s+")


def article_id(text: str) -> str:
    """The content hash that identifies an article: the same text always gets the same id."""
    normal = _SPACE.sub(" ", text).strip()
    # surrogatepass: a lone surrogate read from a JSON escape hashes rather than fails; the
    # reader replaces it before the article is stored, and the id is taken again.
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested: its text and where it came from."""

    text: str
    title: str | None = None
    date: date | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # the file it was read from
    locator: str | None = None  # where in that file: "line 12", "item 3", "row 5"
    format: str | None = None  # text, markdown, html, jsonl, json, csv, feed
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.text))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the input that could not be taken as it was, and why."""

    path: str
    message: str
    kind: str = "error"  # binary, empty, encoding, too-large, malformed, no-article, ...
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def describe_error(error: BaseException) -> str:
    """An error as one plain line for a problem record: its kind and message, no traceback."""
    text = " ".join(str(error).split())[:300]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass(frozen=True, slots=True)
class Failure:
    """An article the analysis could not take, and why: it stays stored, unanalysed."""

    article_id: str
    stage: str  # too-long, parse, analysis
    message: str


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an actor: a span of the article text and the actor it stands for.

    ``label`` is spaCy's entity label, or ``PRON`` / ``NOUN`` for pronouns and descriptors
    ("he", "the Russian leader"). ``how`` says how the actor was resolved: name, alias,
    surname, descriptor, metonym, demonym, pronoun, composed, new (an actor first met in
    the text), place; ``actor_id`` is None when nothing fits.
    """

    article_id: str
    index: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    actor_id: str | None = None
    how: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as the store keeps it: from the knowledge base, or first met in an article."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    origin: str = "kb"  # kb | text


@dataclass(frozen=True, slots=True)
class Role:
    """What an article says someone is or was: "Russian Foreign Minister Sergey Lavrov"."""

    article_id: str
    index: int
    actor_id: str
    role: str
    organisation: str | None
    country: str | None
    tense: str  # current | former
    start: int  # the evidence: the title or appositive in the text
    end: int


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, to whom, according to whom: one attribution in an article.

    ``content`` is the said span (``start``/``end``), ``fragments`` its pieces when a quote
    is interrupted ("“We are ready,” he said, “to talk.”"). Speaker, cue and addressee are
    spans of the text with the actor they resolve to; ``via`` names the outlets and documents
    the text credits ("according to Sputnik", "a foreign ministry statement said").
    """

    article_id: str
    index: int
    kind: str  # direct | indirect | mixed
    start: int  # the content
    end: int
    fragments: tuple[tuple[int, int], ...]
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker_id: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue: str | None = None  # the cue's lemma: say, tell, according to, ...
    addressee_start: int | None = None
    addressee_end: int | None = None
    addressee_text: str | None = None
    addressee_id: str | None = None
    via: tuple[str, ...] = ()  # actor ids (or texts, for sources the knowledge base lacks)
    negated: bool = False
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Participant:
    """One side of an event: a span of the text and the actor it resolves to."""

    start: int
    end: int
    text: str
    actor_id: str | None = None
    country: str | None = None  # ISO 3166 alpha-3, IGO, NGO, ...
    sector: str | None = None  # PLOVER sector: GOV, MIL, ...


@dataclass(frozen=True, slots=True)
class When:
    """When an event happened, as the text says it, resolved against the publication date.

    ``granularity`` is day, week, month, year or ``unresolved`` (a date the text gives but
    nothing anchors, or none at all); ``start``/``end`` bound the period.
    """

    granularity: str = "unresolved"
    start: date | None = None
    end: date | None = None
    text: str | None = None
    text_start: int | None = None
    text_end: int | None = None


@dataclass(frozen=True, slots=True)
class Where:
    """Where an event happened: the text and the gazetteer entry it resolves to."""

    text: str
    text_start: int
    text_end: int
    name: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Size:
    """How many an event killed, injured or arrested, as the text says it ("at least 26").

    ``start``/``end`` span the number phrase; ``at_least`` says the text gives a lower bound
    ("at least", "more than", "over").
    """

    kind: str  # dead | injured | arrested
    value: int
    start: int
    end: int
    text: str
    at_least: bool = False


MODALITIES = ("asserted", "negated", "future", "hypothetical", "claimed")
"""What an event's report says of it: it happened; it did not; it will; it would, if; a
source says it did, which the report does not take up as its own."""


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER-coded event: who did what to whom, when and where, and the sentence behind it.

    ``modality`` is asserted, negated, future, hypothetical or claimed (an event a source
    says happened, which the article does not itself assert); ``via`` is the reporting chain
    when the event comes inside a statement; ``sizes`` the counts of dead, injured and
    arrested its sentence gives.
    """

    article_id: str
    index: int
    sentence: int
    type: str  # PLOVER 2024 event type: AGREE, CONSULT, ...
    mode: str | None
    trigger_start: int
    trigger_end: int
    trigger: str  # the trigger's lemma
    actors: tuple[Participant, ...] = ()
    recipients: tuple[Participant, ...] = ()
    when: When = field(default_factory=When)
    where: Where | None = None
    modality: str = "asserted"
    negated: bool = False
    via: tuple[str, ...] = ()
    statement: int | None = None  # the statement (index) the event is reported in
    sizes: tuple[Size, ...] = ()  # PLOVER's size: the dead, injured and arrested it counts
    # From the ontology's crosswalk for (type, mode): PLOVER quad class (1 verbal cooperation,
    # 2 material cooperation, 3 verbal conflict, 4 material conflict), CAMEO code, Goldstein.
    quad: int | None = None
    cameo: str | None = None
    goldstein: float | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecords:
    """Everything the per-article analysis found in one article."""

    article_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actors: tuple[ActorRef, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
