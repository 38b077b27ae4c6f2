"""Entity mentions: the named entities spaCy finds, with their sentence and offsets."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from communique.records import Mention, Sentence

# Entities that name someone or something; numbers, dates and amounts are handled elsewhere.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)


_OPENERS = "\"'“‘([«"


def entity_mentions(
    doc: Doc, article_id: str, sentences: tuple[Sentence, ...]
) -> tuple[Mention, ...]:
    """Named-entity mentions in text order, each pointing at the sentence that holds it."""
    starts = [sentence.start for sentence in sentences]
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or not ent.text.strip():
            continue
        text, start = ent.text, ent.start_char
        while text and not text[0].isalnum() and text[0] not in _OPENERS:
            text, start = text[1:], start + 1  # a bullet or a dash caught in the entity
        if not text.strip():
            continue
        sentence = max(bisect.bisect_right(starts, start) - 1, 0)
        found.append(
            Mention(
                article_id=article_id,
                index=len(found),
                sentence=sentence,
                start=start,
                end=ent.end_char,
                text=text,
                label=ent.label_,
            )
        )
    return tuple(found)


class EntityIndex:
    """The doc's entities, listed once, and those within a span found by bisection.

    ``Span.ents`` walks every entity of the doc at each call: asked once per sentence or per
    trigger, that grows with the square of the article's length. Make one per doc.
    """

    def __init__(self, doc: Doc) -> None:
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._starts = [ent.start for ent in self.ents]

    def within(self, span: Span) -> list[Span]:
        """The entities wholly within ``span``, in order: what ``span.ents`` gives."""
        found = []
        i = bisect.bisect_left(self._starts, span.start)
        while i < len(self.ents) and self.ents[i].end <= span.end:
            found.append(self.ents[i])
            i += 1
        return found
