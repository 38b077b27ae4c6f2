"""The article as the statement passes share it: quotes, paragraphs and linked mentions with
indexes to look them up, and the statements found so far."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.analysis.quotes import Quote, find_quotes, paragraphs
from communique.analysis.resources import Resources
from communique.analysis.statements.spans import Furthest
from communique.records import ActorRef, Mention


@dataclass(eq=False)
class Found:
    """A statement found by a pass, before it becomes a record (compared by identity)."""

    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    kind: str
    speaker: Span | None
    speaker_mention: Mention | None
    cue: tuple[int, int, str] | None
    addressee: Span | None
    addressee_mention: Mention | None
    via: tuple[str, ...]
    negated: bool


class StatementContext:
    """One article as the statement passes see it: the parse, the quotes, the paragraphs, the
    linked mentions, and the statements found so far."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        mentions: Sequence[Mention],
        actors: Sequence[ActorRef],
        sentence_of: Callable[[int], int],
        resources: Resources,
    ) -> None:
        self.doc, self.article_id, self.sentence_of = doc, article_id, sentence_of
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        # The linked mentions, in that order, with their starts to bisect.
        self.linked = [mention for mention in self.mentions if mention.actor_id]
        self.linked_starts = [mention.start for mention in self.linked]
        self.longest = max((m.end - m.start for m in self.linked), default=0)
        self.kinds = {actor.id: actor.kind for actor in actors}
        self.agents = resources.kb.agents  # role nouns: what a person or a body can be called
        self.words = resources.words
        self.quotes = find_quotes(self.text)
        # Quoted words: where each starts and ends (both in text order: quotes are never
        # nested), and how many characters are quoted before each.
        self.quote_starts = [quote.inner_start for quote in self.quotes]
        self.quote_ends = [quote.inner_end for quote in self.quotes]
        lengths = (quote.inner_end - quote.inner_start for quote in self.quotes)
        self.quoted_before = [0, *itertools.accumulate(lengths)]
        self.paragraph_spans = paragraphs(self.text)
        self.paragraph_starts = [first for first, _ in self.paragraph_spans]
        self.found: list[Found] = []
        # Indexes of the statements found, so that no lookup walks them all: their stretches,
        # those by the start of their cue, and the cues of reports (not views). The first and
        # the last keep a statement replaced by a wider one of the same cue (see ``_add``):
        # the wider one answers every question the same way.
        self.stretches = Furthest(len(self.text))
        self.by_cue: dict[int | None, list[Found]] = {}
        self.report_cues = Furthest(len(self.text))

    def inside_quote(self, offset: int) -> Quote | None:
        """The quote holding a character, if any (quotes are in text order, never nested)."""
        at = bisect.bisect_right(self.quote_starts, offset) - 1
        if at >= 0 and offset < self.quotes[at].inner_end:
            return self.quotes[at]
        return None

    def linked_between(self, first: int, last: int) -> list[Mention]:
        """The linked mentions that start from ``first`` to ``last`` (both included), in order."""
        lo = bisect.bisect_left(self.linked_starts, first)
        return self.linked[lo : bisect.bisect_right(self.linked_starts, last)]

    def paragraph_at(self, offset: int) -> tuple[int, int] | None:
        """The paragraph holding a character, if any."""
        at = bisect.bisect_right(self.paragraph_starts, offset) - 1
        if at >= 0 and offset < self.paragraph_spans[at][1]:
            return self.paragraph_spans[at]
        return None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The linked mention best covering a span: the one holding its head, longest first."""
        best = None
        # One that starts further back than the longest mention cannot reach the span.
        for mention in self.linked_between(start - self.longest + 1, end - 1):
            overlaps = mention.actor_id and mention.start < end and start < mention.end
            if overlaps and (best is None or mention.end - mention.start > best.end - best.start):
                best = mention
        return best

    def quoted(self, token: Token) -> bool:
        return self.inside_quote(token.idx) is not None

    def kind(self, start: int, end: int) -> str:
        """direct when the content is (almost) all quoted, mixed when partly, else indirect."""
        quoted = self.quoted_length(start, end)
        share = quoted / max(1, end - start)
        return "direct" if share >= 0.9 else "mixed" if quoted else "indirect"

    def quoted_length(self, start: int, end: int) -> int:
        """How many characters of a stretch are quoted words."""
        # The quotes that end after the start and start before the end; all but the first
        # and the last lie wholly within the stretch.
        first = bisect.bisect_right(self.quote_ends, start)
        last = bisect.bisect_left(self.quote_starts, end) - 1
        if last < first or end <= start:
            return 0
        quoted = self.quoted_before[last + 1] - self.quoted_before[first]
        quoted -= max(0, start - self.quote_starts[first])
        return quoted - max(0, self.quote_ends[last] - end)
