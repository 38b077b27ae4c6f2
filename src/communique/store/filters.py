"""The filters a reader puts on a table — by actor, recipient, speaker, what a statement is
about, the source credited, outlet, date, event type, modality, kind — as SQL conditions
with their parameters.

The same filters serve ``communique export``, the Python API and the web pages, so a list
read one way equals the list read another. Each exportable table says which filters apply to
it; a filter that does not apply is an error, never silently ignored. Values only ever reach
DuckDB as parameters: no SQL is built from what a user typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date


@dataclass(frozen=True)
class Among:
    """Whom a filter names: any of these actors, any actor of these states (country codes),
    or else — where the filter takes them — these words in the text."""

    ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    words: str | None = None


CONFLICT_KINDS = ("date", "place", "office", "number")


@dataclass(frozen=True)
class Filters:
    """What a reader asks of a table. Every field is optional; those given must all hold."""

    actor: Among | None = None
    recipient: Among | None = None
    speaker: Among | None = None
    about: Among | None = None
    via: Among | None = None
    outlet: str | None = None  # words of the outlet's name, any case
    since: date | None = None
    until: date | None = None
    type: str | None = None  # a PLOVER event type
    modality: str | None = None
    kind: str | None = None  # a conflict's kind

    def given(self) -> list[str]:
        """The names of the filters set, in field order."""
        return [f.name for f in fields(self) if getattr(self, f.name) is not None]


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def day(value: str) -> date:
    """``2024``, ``2024-03`` or ``2024-03-14`` as the first day it names; ValueError else."""
    match = _DATE.match(value.strip())
    try:
        if match is None:
            raise ValueError
        year, month, number = (int(part) if part else 1 for part in match.groups())
        return date(year, month, number)
    except ValueError:
        raise ValueError("not a date (write 2024-03-14, 2024-03 or 2024)") from None


class FilterError(ValueError):
    """A filter that does not apply to the table asked for."""


# -- the pieces of SQL each filter becomes -------------------------------------------------


def member(key: str, id_column: str, country_column: str) -> str:
    """SQL: the actor of this id / country is among ``$key_ids`` or ``$key_countries``."""
    return (
        f"(coalesce(list_contains(${key}_ids, {id_column}), false) OR "
        f"coalesce(list_contains(${key}_countries, {country_column}), false))"
    )


def _names(key: str, among: Among, id_column: str, country_column: str, text: str) -> str:
    """SQL: the actor named, or where only words were given, ``text`` holding them."""
    if among.words is not None:
        return f"contains(lower({text}), lower(${key}_words))"
    return member(key, id_column, country_column)


def _side(key: str, among: Among, side: str | None) -> str:
    """SQL: an event (alias ``e``) with a participant named so, on ``side`` or on either."""
    on = f"AND p.side = '{side}'" if side else ""
    return f"""EXISTS (SELECT 1 FROM event_participants p
                       WHERE p.article_id = e.article_id AND p.event_idx = e.idx {on}
                         AND {_names(key, among, "p.actor_id", "p.country", "p.text")})"""


def _merged_side(key: str, among: Among, side: str | None) -> str:
    """SQL: a merged event (alias ``me``) one of whose mentions has a participant named so,
    on ``side`` or on either — read as the events filter reads them."""
    on = f"AND p.side = '{side}'" if side else ""
    return f"""EXISTS (SELECT 1 FROM event_mentions mx JOIN event_participants p
                         ON p.article_id = mx.article_id AND p.event_idx = mx.event_idx
                       WHERE mx.merged_id = me.id {on}
                         AND {_names(key, among, "p.actor_id", "p.country", "p.text")})"""


def _subject(key: str, among: Among) -> str:
    """SQL: a conflict (alias ``c``) about the actor named, or about a merged event that
    actor took part in, or whose subject holds the words."""
    if among.words is not None:
        return f"contains(lower(coalesce(r.name, c.subject)), lower(${key}_words))"
    return f"""({member(key, "c.subject", "r.country")} OR EXISTS (
                   SELECT 1 FROM event_mentions mx JOIN event_participants p
                     ON p.article_id = mx.article_id AND p.event_idx = mx.event_idx
                   WHERE mx.merged_id = c.subject
                     AND {member(key, "p.actor_id", "p.country")}))"""


# The first day a merged event is known by: its own date, else its first report's.
_MERGED_DAY = """coalesce(me.date_start, (SELECT min(fa.date) FROM event_mentions fx
                  JOIN articles fa ON fa.id = fx.article_id WHERE fx.merged_id = me.id))"""


def _via(key: str, among: Among, column: str) -> str:
    if among.words is not None:
        return f"""EXISTS (SELECT 1 FROM unnest({column}) AS v(x) LEFT JOIN actors vr ON vr.id = v.x
                           WHERE contains(lower(coalesce(vr.name, v.x)), lower(${key}_words)))"""
    return f"""EXISTS (SELECT 1 FROM unnest({column}) AS v(x) LEFT JOIN actors vr ON vr.id = v.x
                       WHERE {member(key, "v.x", "vr.country")})"""


def _about_statement(key: str, among: Among) -> str:
    """SQL: a statement (alias ``s``) whose content names the actor, or holds the words."""
    if among.words is not None:
        return f"""contains(lower(substring(a.text, s."start" + 1, s."end" - s."start")),
                            lower(${key}_words))"""
    named = member(key, "sa.actor_id", "sar.country")
    return f"""(s.article_id, s.idx) IN (
                   SELECT (sa.article_id, sa.statement) FROM statement_about sa
                   LEFT JOIN actors sar ON sar.id = sa.actor_id WHERE {named})"""


def _outlet(column: str) -> str:
    return f"contains(lower(coalesce({column}, '')), lower($outlet))"


def _mentioned_where(article_condition: str, actor_column: str) -> str:
    """SQL: the actor (``actor_column``) is mentioned in an article meeting the condition."""
    return f"""EXISTS (SELECT 1 FROM mentions fm JOIN articles fa ON fa.id = fm.article_id
                       WHERE fm.actor_id = {actor_column} AND {article_condition})"""


def _merged_in(article_condition: str) -> str:
    """SQL: a merged event (alias ``me``) with a mention from an article meeting it."""
    return f"""EXISTS (SELECT 1 FROM event_mentions fx JOIN articles fa ON fa.id = fx.article_id
                       WHERE fx.merged_id = me.id AND {article_condition})"""


Clause = Callable[[Filters], str]

# For each exportable table, the filters it takes and the SQL each becomes (over the aliases
# the table's export query uses). ``$since``/``$until`` are dates, ``$outlet``, ``$type``,
# ``$modality`` and ``$kind`` strings, and a named actor ``$<filter>_ids``/``_countries`` or
# ``_words``.
_ARTICLE_DATES: dict[str, Clause] = {
    "outlet": lambda f: _outlet("a.outlet"),
    "since": lambda f: "a.date >= $since",
    "until": lambda f: "a.date <= $until",
}

CLAUSES: dict[str, dict[str, Clause]] = {
    "articles": _ARTICLE_DATES,
    "stories": _ARTICLE_DATES,
    "mentions": {
        **_ARTICLE_DATES,
        "actor": lambda f: _names("actor", f.actor or Among(), "m.actor_id", "r.country", "m.text"),
    },
    "roles": {
        **_ARTICLE_DATES,
        "actor": lambda f: _names("actor", f.actor or Among(), "o.actor_id", "r.country", "r.name"),
    },
    "actors": {
        "actor": lambda f: _names("actor", f.actor or Among(), "r.id", "r.country", "r.name"),
        "outlet": lambda f: _mentioned_where(_outlet("fa.outlet"), "r.id"),
        "since": lambda f: _mentioned_where("fa.date >= $since", "r.id"),
        "until": lambda f: _mentioned_where("fa.date <= $until", "r.id"),
    },
    "statements": {
        **_ARTICLE_DATES,
        "speaker": lambda f: _names(
            "speaker", f.speaker or Among(), "s.speaker_id", "r.country", "s.speaker_text"
        ),
        "recipient": lambda f: _names(
            "recipient",
            f.recipient or Among(),
            "s.addressee_id",
            "(SELECT country FROM actors WHERE id = s.addressee_id)",
            "s.addressee_text",
        ),
        "about": lambda f: _about_statement("about", f.about or Among()),
        "via": lambda f: _via("via", f.via or Among(), "s.via"),
    },
    "events": {
        "outlet": lambda f: _outlet("a.outlet"),
        "since": lambda f: "coalesce(e.date_start, a.date) >= $since",
        "until": lambda f: "coalesce(e.date_start, a.date) <= $until",
        "actor": lambda f: _side("actor", f.actor or Among(), "actor"),
        "recipient": lambda f: _side("recipient", f.recipient or Among(), "recipient"),
        "about": lambda f: _side("about", f.about or Among(), None),
        "speaker": lambda f: (
            f"""EXISTS (
            SELECT 1 FROM statements es LEFT JOIN actors esr ON esr.id = es.speaker_id
            WHERE es.article_id = e.article_id AND es.idx = e.statement
              AND {
                _names(
                    "speaker",
                    f.speaker or Among(),
                    "es.speaker_id",
                    "esr.country",
                    "es.speaker_text",
                )
            })"""
        ),
        "via": lambda f: _via("via", f.via or Among(), "e.via"),
        "type": lambda f: "e.type = $type",
        "modality": lambda f: "e.modality = $modality",
    },
    "merged_events": {
        "outlet": lambda f: _merged_in(_outlet("fa.outlet")),
        "since": lambda f: f"{_MERGED_DAY} >= $since",
        "until": lambda f: f"{_MERGED_DAY} <= $until",
        "actor": lambda f: _merged_side("actor", f.actor or Among(), "actor"),
        "recipient": lambda f: _merged_side("recipient", f.recipient or Among(), "recipient"),
        "about": lambda f: _merged_side("about", f.about or Among(), None),
        "type": lambda f: "me.type = $type",
        "modality": lambda f: "me.modality = $modality",
    },
    "conflicts": {
        "about": lambda f: _subject("about", f.about or Among()),
        "kind": lambda f: "c.kind = $kind",
    },
}


def accepted(table: str) -> tuple[str, ...]:
    """The filters ``table`` takes."""
    return tuple(CLAUSES.get(table, {}))


def where(table: str, filters: Filters | None) -> tuple[str, dict[str, object]]:
    """The SQL condition and named parameters that put ``filters`` on ``table``'s export."""
    if filters is None or not filters.given():
        return "TRUE", {}
    clauses = CLAUSES.get(table, {})
    refused = [name for name in filters.given() if name not in clauses]
    if refused:
        takes = ", ".join(clauses) or "no filter"
        raise FilterError(f"{table} cannot be filtered by {', '.join(refused)} (it takes {takes})")
    conditions: list[str] = []
    params: dict[str, object] = {}
    for name in filters.given():
        conditions.append(clauses[name](filters))
        value = getattr(filters, name)
        if isinstance(value, Among):
            if value.words is not None:
                params[f"{name}_words"] = value.words
            else:
                params[f"{name}_ids"] = list(value.ids)
                params[f"{name}_countries"] = list(value.countries)
        else:
            params[name] = value
    return " AND ".join(f"({c})" for c in conditions), params
