"""What a name typed by a user stands for: the one resolver every command that takes a NAME
uses (``actor``, ``timeline``, ``statements --speaker/--about``, ``conflicts --about``).

Tried in order, the first that answers wins:

1. an actor id ("RUS", "wang-yi"; any case);
2. a stored actor's exact name ("Russia", "Wang Yi"; any case);
3. the knowledge base: a state's code, alias, seat of power or demonym ("Russian
   Federation", "the Kremlin", "Chinese") gives the state; a name or alias of anyone else
   ("Sergei Lavrov") gives them;
4. a stored actor whose name holds the words typed, as whole words ("Putin" → Vladimir
   Putin; "Xi" never matches Xinhua), when exactly one does.

A name that fits several actors at step 4 is ambiguous: :class:`Ambiguous` lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from communique.kb import STATE_KINDS, KnowledgeBase
from communique.kb.names import normal
from communique.store.filters import Among
from communique.store.schema import one

_COLUMNS = "SELECT id, name, kind, country FROM actors"
_RANK = "ORDER BY kind = 'state' DESC, kind = 'government' DESC, id"


@dataclass(frozen=True)
class Named:
    """The actor a name stands for."""

    id: str
    name: str
    kind: str
    country: str | None


class Ambiguous(ValueError):
    """A name that fits several actors: the candidates, the most mentioned first."""

    def __init__(self, name: str, candidates: list[tuple[Named, int]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(f"{c.name} ({c.id}, {n} mentions)" for c, n in candidates[:8])
        more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
        super().__init__(f"{name!r} fits {len(candidates)} actors: {listed}{more}; give one's id")


def _stored(conn: duckdb.DuckDBPyConnection, sql: str, value: str) -> Named | None:
    row = one(conn, sql, [value])
    return Named(*row) if row is not None else None


def _word_matches(conn: duckdb.DuckDBPyConnection, name: str) -> list[tuple[Named, int]]:
    """Stored actors whose name holds every word typed, each as a whole word."""
    edge = "[^\\p{L}\\p{N}]"  # not a letter or digit of any script
    words = [f"(^|{edge}){re.escape(word)}($|{edge})" for word in name.split()]
    if not words:
        return []
    holds = " AND ".join("regexp_matches(r.name, ?, 'i')" for _ in words)
    rows = conn.execute(
        f"""
        SELECT r.id, r.name, r.kind, r.country,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = r.id) AS n
        FROM actors r WHERE {holds}
        ORDER BY n DESC, r.id
        """,
        words,
    ).fetchall()
    return [(Named(key, label, kind, country), int(n)) for key, label, kind, country, n in rows]


def actor(conn: duckdb.DuckDBPyConnection, actor_id: str) -> Named | None:
    """The stored actor with this id, or None."""
    return _stored(conn, f"{_COLUMNS} WHERE id = ?", actor_id)


def resolve(
    conn: duckdb.DuckDBPyConnection, name: str, kb: KnowledgeBase, *, partial: bool = True
) -> Named | None:
    """The actor ``name`` stands for; None when nothing fits. Raises ``Ambiguous``. Without
    ``partial``, only an id, a stored name or a knowledge-base name or alias (steps 1-3)."""
    query = " ".join(name.split())
    if not query:
        return None
    for sql in (
        f"{_COLUMNS} WHERE id = ?",
        f"{_COLUMNS} WHERE lower(id) = lower(?) {_RANK}",
        f"{_COLUMNS} WHERE lower(name) = lower(?) {_RANK}",
    ):
        found = _stored(conn, sql, query)
        if found is not None:
            return found
    code = next((c for c in kb.countries if c.lower() == query.lower()), None)
    code = code or kb.by_metonym.get(normal(query))  # "the Kremlin", "Beijing"
    code = code or kb.by_demonym.get(normal(query))  # "Chinese"
    if code in kb.countries:
        stored = actor(conn, code)
        return stored or Named(code, kb.countries[code].name, "state", code)
    known = kb.named(query)
    if known:
        entry = known[0]
        stored = actor(conn, entry.id)
        return stored or Named(entry.id, entry.name, entry.kind, entry.country)
    if not partial:
        return None
    matches = _word_matches(conn, query)
    if len(matches) > 1:
        raise Ambiguous(query, matches)
    return matches[0][0] if matches else None


def country_members(conn: duckdb.DuckDBPyConnection, code: str) -> list[str]:
    """The ids of every stored actor of a country, the state itself first."""
    rows = conn.execute("SELECT id FROM actors WHERE country = ? ORDER BY id", [code]).fetchall()
    return [code, *(row[0] for row in rows if row[0] != code)]


def among(
    conn: duckdb.DuckDBPyConnection, name: str, kb: KnowledgeBase, *, words: bool
) -> Among | None:
    """Whom ``name`` names for a filter: a state stands for itself and every actor of it;
    another actor for itself; a name that fits no actor, where ``words`` allows, for its
    words in the text. None when nothing fits and words are not taken. Where words are taken,
    a name is an actor's only when it is the actor's id, name or alias: "sanctions" is the
    word, not an act of Congress whose name holds it."""
    found = resolve(conn, name, kb, partial=not words)
    if found is None:
        return Among(words=" ".join(name.split())) if words else None
    if found.kind in STATE_KINDS and found.country:
        return Among(ids=(found.id,), countries=(found.country,))
    return Among(ids=(found.id,))
