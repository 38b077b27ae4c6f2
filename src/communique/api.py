"""communique from Python: a store's records as DataFrames, and the records of one text.

    import communique as cq

    store = cq.open("demo.duckdb")
    store.events(actor="Russia", recipient="Ukraine", since="2024-01")
    store.statements(speaker="Putin", about="China")
    cq.analyse_text("Russia's foreign minister met his Chinese counterpart in Beijing.")

Every table method takes the filters ``communique export`` takes, returns the same rows and
columns as that export (each record with the text of its sentence), and hands them over as a
pandas DataFrame, or as an Arrow table (``output="arrow"``) or a polars DataFrame
(``output="polars"``). A name is an actor id, a name or alias the knowledge base knows, or
words of one stored actor's name; a state stands for itself and every actor of it.

A :class:`Records` over a file opens it read-only for each call and closes it before
returning: any number of notebooks can read the store at once, and ``communique ingest`` can
write to it between calls.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.defaults import DEFAULT_DB, DEFAULT_MODEL
from communique.records import MODALITIES
from communique.store.filters import CONFLICT_KINDS, Among, Filters, day

if TYPE_CHECKING:
    from communique.kb import KnowledgeBase
    from communique.store import Store

Day = date | str | None


def _day(value: Day, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return day(str(value))
    except ValueError as error:
        raise ValueError(f"{name}={value!r}: {error}") from None


def _one_of(
    value: str | None, name: str, choices: Sequence[str], upper: bool = False
) -> str | None:
    if value is None:
        return None
    wanted = value.strip().upper() if upper else value.strip().lower()
    if wanted not in choices:
        raise ValueError(f"{name}={value!r}: choose one of {', '.join(choices)}")
    return wanted


class Records:
    """The records of one communique store. Make one with :func:`open`."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, _store: Store | None = None) -> None:
        self.path = Path(path)
        self._held = _store  # a store kept open: the in-memory one of analyse_text
        if _store is None:
            with self._reading():  # a missing or unreadable store is reported now
                pass

    def __repr__(self) -> str:
        return f"<communique records of {self.path}>"

    @contextlib.contextmanager
    def _reading(self) -> Iterator[Store]:
        if self._held is not None:
            yield self._held
            return
        from communique.store import Store

        with Store(self.path, read_only=True) as store:
            yield store

    # -- the filters -----------------------------------------------------------------------

    def _kb(self) -> KnowledgeBase:
        from communique.analysis.resources import knowledge_base

        return knowledge_base()

    def _among(self, store: Store, value: str | None, name: str, *, words: bool) -> Among | None:
        if value is None:
            return None
        if not str(value).strip():
            raise ValueError(f"{name}: give a name, not an empty string")
        found = store.among(str(value), self._kb(), words=words)
        if found is None:
            raise LookupError(f"{name}={value!r}: no actor of that name in {self.path}")
        return found

    def _filters(self, store: Store, given: dict[str, Any]) -> Filters:
        return Filters(
            actor=self._among(store, given.get("actor"), "actor", words=False),
            recipient=self._among(store, given.get("recipient"), "recipient", words=False),
            speaker=self._among(store, given.get("speaker"), "speaker", words=False),
            about=self._among(store, given.get("about"), "about", words=True),
            via=self._among(store, given.get("via"), "via", words=True),
            outlet=given.get("outlet"),
            since=_day(given.get("since"), "since"),
            until=_day(given.get("until"), "until"),
            type=_one_of(given.get("type"), "type", _types(), upper=True),
            modality=_one_of(given.get("modality"), "modality", MODALITIES),
            kind=_one_of(given.get("kind"), "kind", CONFLICT_KINDS),
        )

    def table(self, name: str, *, output: str = "pandas", **filters: Any) -> Any:
        """The rows of an exported table (``articles``, ``sentences``, ``mentions``,
        ``actors``, ``roles``, ``statements``, ``events``, ``stories``, ``merged_events``,
        ``conflicts``, ``problems``) with these filters, as ``output`` asks."""
        with self._reading() as store:
            given = {key: value for key, value in filters.items() if value is not None}
            return store.export_frame(name, self._filters(store, given), output)

    # -- one method per table --------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        about: str | None = None,
        speaker: str | None = None,
        via: str | None = None,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        type: str | None = None,
        modality: str | None = None,
        output: str = "pandas",
    ) -> Any:
        """Event records, one per mention: PLOVER type and mode, CAMEO code, Goldstein value,
        sides, date, place, modality, the trigger and sentence, the article's outlet, URL and
        title, and the merged event each belongs to. ``about`` is either side; ``speaker``
        whoever's statement reports the event; ``via`` the source it is credited to."""
        return self.table(
            "events", output=output, actor=actor, recipient=recipient, about=about,
            speaker=speaker, via=via, outlet=outlet, since=since, until=until, type=type,
            modality=modality,
        )  # fmt: skip

    def statements(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        recipient: str | None = None,
        via: str | None = None,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        output: str = "pandas",
    ) -> Any:
        """Statements: speaker, cue, content, kind (direct, indirect, mixed), addressee
        (``recipient``), the reporting chain (``via``). ``about`` is an actor named in the
        content, or words of it."""
        return self.table(
            "statements", output=output, speaker=speaker, about=about, recipient=recipient,
            via=via, outlet=outlet, since=since, until=until,
        )  # fmt: skip

    def mentions(
        self,
        *,
        actor: str | None = None,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        output: str = "pandas",
    ) -> Any:
        """Every mention of an actor: the words, where they are, whom they were linked to."""
        return self.table(
            "mentions", output=output, actor=actor, outlet=outlet, since=since, until=until
        )

    def actors(
        self,
        *,
        actor: str | None = None,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        output: str = "pandas",
    ) -> Any:
        """The actors the store knows, the most mentioned first, with the roles the articles
        give them; ``outlet``, ``since`` and ``until`` keep those mentioned in such articles."""
        return self.table(
            "actors", output=output, actor=actor, outlet=outlet, since=since, until=until
        )

    def merged_events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        about: str | None = None,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        type: str | None = None,
        modality: str | None = None,
        output: str = "pandas",
    ) -> Any:
        """Events merged across articles: each with its mentions, articles and outlets."""
        return self.table(
            "merged_events", output=output, actor=actor, recipient=recipient, about=about,
            outlet=outlet, since=since, until=until, type=type, modality=modality,
        )  # fmt: skip

    def conflicts(
        self, *, about: str | None = None, kind: str | None = None, output: str = "pandas"
    ) -> Any:
        """Where sources disagree — an event's date or place, a person's office, a count —
        each side with its value, outlet and sentence."""
        return self.table("conflicts", output=output, about=about, kind=kind)

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        output: str = "pandas",
    ) -> Any:
        """The stored articles with their text, title, date, outlet and URL."""
        return self.table("articles", output=output, outlet=outlet, since=since, until=until)

    def stories(
        self,
        *,
        outlet: str | None = None,
        since: Day = None,
        until: Day = None,
        output: str = "pandas",
    ) -> Any:
        """Articles grouped into stories: the same news told by several outlets."""
        return self.table("stories", output=output, outlet=outlet, since=since, until=until)

    def timeline(self, a: str, b: str, by: str = "month", what: str = "periods") -> Any:
        """What A and B did to each other and said of each other: per period (``by`` week or
        month) the events by quad class with the cooperation–conflict index
        (``what="periods"``), or the events (``"events"``) or statements (``"statements"``)
        the periods count. A state covers its people and bodies."""
        import pandas as pd

        from communique.crossdoc.timeline import (
            TimelineEvent,
            TimelineStatement,
            build_timeline,
            period_label,
            resolve_side,
        )
        from communique.ontology.plover import QUAD_NAMES

        if what not in ("periods", "events", "statements"):
            raise ValueError(f"what={what!r}: choose periods, events or statements")
        with self._reading() as store:
            sides = []
            for name in (a, b):
                side = resolve_side(store, name, self._kb())
                if side is None:
                    raise LookupError(f"no actor or state called {name!r} in {self.path}")
                sides.append(side)
            found = build_timeline(store, sides[0], sides[1], by)
        if what in ("events", "statements"):
            kind = TimelineEvent if what == "events" else TimelineStatement
            listed = found.events if what == "events" else found.statements
            names = [f.name for f in dataclasses.fields(kind)]
            return pd.DataFrame([vars(item) for item in listed], columns=names)
        columns = ["period", "start", "end", "events", "counted"]
        columns += [name.replace(" ", "_") for name in QUAD_NAMES.values()]
        columns += ["index", "balance", "statements"]
        rows = []
        for period in found.periods:
            row: dict[str, Any] = {
                "period": period_label(period, by),
                "start": period.start,
                "end": period.end,
                "events": period.events,
                "counted": period.counted,
            }
            for quad, quad_name in QUAD_NAMES.items():
                row[quad_name.replace(" ", "_")] = period.by_quad.get(quad, 0)
            row.update(index=period.index, balance=period.balance, statements=period.statements)
            rows.append(row)
        return pd.DataFrame(rows, columns=columns)

    def sql(self, query: str, params: Sequence[Any] | None = None, output: str = "pandas") -> Any:
        """A read-only SQL query of your own over the store's tables and views
        (``events_with_text``, ``statements_with_text``, ``mentions_with_text``, ...)."""
        with self._reading() as store:
            return store.sql_frame(query, params, output)


def open(path: str | Path = DEFAULT_DB) -> Records:
    """The records of the store at ``path``, read-only."""
    return Records(path)


def analyse_text(
    text: str,
    date: Day = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    model: str = DEFAULT_MODEL,
) -> Records:
    """Analyse one text without a store: its records, read as a store's are
    (``.events()``, ``.statements()``, ``.mentions()``, ...). ``date`` is the day it was
    published, which relative dates ("on Tuesday") are read from."""
    from communique.analysis import ANALYSIS_VERSION, analyse
    from communique.analysis.resources import shipped
    from communique.crossdoc.build import build_crossdoc
    from communique.nlp import load_model, model_label
    from communique.records import Article
    from communique.store import Store

    if not isinstance(text, str) or not text.strip():
        raise ValueError("analyse_text: give a text with words in it")
    article = Article(
        text, title=title, date=_day(date, "date"), outlet=outlet, url=url, format="text"
    )
    nlp = load_model(model)
    records = analyse(article, nlp, shipped())
    store = Store(":memory:")
    store.add_article(article)
    store.save_analysis(records, model_label(nlp), ANALYSIS_VERSION)
    build_crossdoc(store)
    return Records("analysed text", _store=store)


def _types() -> tuple[str, ...]:
    from communique.ontology.plover import TYPES

    return TYPES
