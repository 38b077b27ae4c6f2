"""Read-only queries over the store: what summaries, profiles and look-ups ask (what exports
read is in ``exports``)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import duckdb

from communique.kb.model import STATE_KINDS
from communique.store.filters import Among
from communique.store.schema import named, one, records

# Actor kinds grouped the way a reader thinks of them.
ACTOR_GROUPS: dict[str, tuple[str, ...]] = {
    "people": ("person",),
    "places": STATE_KINDS,
    "organisations": ("igo", "institution", "outlet", "group"),
}


@dataclass(frozen=True)
class Summary:
    articles: int
    duplicates: int
    analysed: int
    sentences: int
    mentions: int
    problems: int
    top: dict[str, list[tuple[str, int, int]]]  # group -> (name, mentions, articles)
    failed: int = 0  # articles the analysis could not take (marked, skipped until it changes)


def summary(conn: duckdb.DuckDBPyConnection, top_n: int = 10) -> Summary:
    """Counts over the whole store and the most mentioned people, states and organisations."""
    counts = named(
        conn,
        "SELECT count(*) FILTER (WHERE duplicate_of IS NULL) AS articles, "
        "count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS duplicates, "
        "count(*) FILTER (WHERE analysed_at IS NOT NULL) AS analysed, "
        "(SELECT count(*) FROM sentences) AS sentences, "
        "(SELECT count(*) FROM mentions) AS mentions, "
        "(SELECT count(*) FROM problems) AS problems, "
        "count(*) FILTER (WHERE failed IS NOT NULL AND analysed_at IS NULL) AS failed "
        "FROM articles",
    )
    assert counts is not None  # an aggregate always has its row
    top = {group: top_actors(conn, kinds, top_n) for group, kinds in ACTOR_GROUPS.items()}
    return Summary(**{name: int(value) for name, value in counts.items()}, top=top)


def top_actors(
    conn: duckdb.DuckDBPyConnection, kinds: tuple[str, ...], limit: int
) -> list[tuple[str, int, int]]:
    """The most mentioned actors of these kinds: (name, mentions, articles mentioning it).

    Every way of naming an actor counts ("Putin", "the Russian leader", "he"); states count
    their governments ("Moscow" acting) and the places in them as well.
    """
    rows = conn.execute(
        """
        SELECT r.name, t.mentions, t.articles
        FROM actor_tallies t JOIN actors r ON r.id = t.actor_id
        WHERE t.grouped AND list_contains(?, r.kind)
        ORDER BY t.mentions DESC, t.articles DESC, r.name LIMIT ?
        """,
        [list(kinds), limit],
    ).fetchall()
    return [(name, int(n), int(docs)) for name, n, docs in rows]


@dataclass(frozen=True)
class RoleSeen:
    """A role an article gives an actor, with its source and the words that say it."""

    date: date | None
    outlet: str | None
    role: str
    organisation: str | None
    country: str | None
    tense: str
    evidence: str
    article_id: str


@dataclass(frozen=True)
class Partner:
    """An actor met in the same sentences as another, and how often."""

    id: str
    name: str
    sentences: int


@dataclass(frozen=True)
class Profile:
    """What the store says of one actor."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None
    mentions: int
    articles: int
    roles: list[RoleSeen]
    by_outlet: list[tuple[str, int]]  # (outlet, mentions)
    together: list[Partner]


def profile(
    conn: duckdb.DuckDBPyConnection, actor_id: str, top: int = 10, roles: bool = True
) -> Profile | None:
    """An actor's roles over time with their sources (every one; none read with ``roles``
    false), its outlets and its company."""
    actor = named(
        conn,
        "SELECT id, name, kind, country, sector, wikidata FROM actors WHERE id = ?",
        [actor_id],
    )
    if actor is None:
        return None
    counted = one(
        conn,
        "SELECT mentions, articles FROM actor_tallies WHERE NOT grouped AND actor_id = ?",
        [actor_id],
    )
    mentions, articles = counted or (0, 0)
    found_roles = (
        records(
            conn,
            """
        SELECT a.date, a.outlet, o.role, o.organisation, o.country, o.tense,
               substring(a.text, o."start" + 1, o."end" - o."start") AS evidence, o.article_id
        FROM roles o JOIN articles a ON a.id = o.article_id
        WHERE o.actor_id = ? ORDER BY a.date NULLS LAST, a.seq, o.idx
        """,
            RoleSeen,
            [actor_id],
        )
        if roles
        else []
    )
    by_outlet = conn.execute(
        """
        SELECT outlet, mentions FROM actor_outlets
        WHERE actor_id = ? ORDER BY mentions DESC, outlet LIMIT ?
        """,
        [actor_id, top],
    ).fetchall()
    together = conn.execute(
        """
        SELECT p.partner_id, r.name, p.sentences
        FROM actor_pairs p JOIN actors r ON r.id = p.partner_id
        WHERE p.actor_id = ? ORDER BY p.sentences DESC, r.name LIMIT ?
        """,
        [actor_id, top],
    ).fetchall()
    return Profile(
        **actor, mentions=int(mentions), articles=int(articles), roles=found_roles,
        by_outlet=[(outlet, int(n)) for outlet, n in by_outlet],
        together=[Partner(other, label, int(n)) for other, label, n in together],
    )  # fmt: skip


@dataclass(frozen=True)
class StatementSeen:
    """A statement as a reader asks for it: who said what, to whom, via whom, and where."""

    date: date | None
    outlet: str | None
    title: str | None
    speaker: str | None  # the actor's name, else the words that name the speaker
    cue: str | None
    kind: str
    content: str
    addressee: str | None
    via: list[str]
    sentence: str | None
    article_id: str


def find_statements(
    conn: duckdb.DuckDBPyConnection,
    speaker: Among | None = None,
    about: Among | None = None,
    via: Among | None = None,
    since: date | None = None,
    limit: int = 50,
) -> list[StatementSeen]:
    """Statements filtered the way a reader asks: by speaker, what they are about (an actor
    named in the content, or words of it), the outlet or document credited, and date."""
    where: list[str] = ["TRUE"]
    params: list[object] = []
    member = "(coalesce(list_contains(?, {0}), false) OR coalesce(list_contains(?, {1}), false))"
    if speaker is not None:
        where.append(member.format("s.speaker_id", "r.country"))
        params += [list(speaker.ids), list(speaker.countries)]
    if about is not None and about.words is None:
        where.append(
            f"""EXISTS (SELECT 1 FROM mentions m LEFT JOIN actors mr ON mr.id = m.actor_id
                   WHERE m.article_id = s.article_id AND m."start" >= s."start"
                     AND m."end" <= s."end" AND {member.format("m.actor_id", "mr.country")})"""
        )
        params += [list(about.ids), list(about.countries)]
    elif about is not None:
        where.append("content ILIKE ?")
        params.append(f"%{about.words}%")
    if via is not None and via.words is None:
        where.append(
            f"""EXISTS (SELECT 1 FROM unnest(s.via) AS v(x) LEFT JOIN actors vr ON vr.id = v.x
                   WHERE {member.format("v.x", "vr.country")})"""
        )
        params += [list(via.ids), list(via.countries)]
    elif via is not None:
        where.append("EXISTS (SELECT 1 FROM unnest(s.via) AS v(x) WHERE v.x ILIKE ?)")
        params.append(f"%{via.words}%")
    if since:
        where.append("a.date >= CAST(? AS DATE)")
        params.append(since)
    sql = f"""
        SELECT a.date, a.outlet, a.title, coalesce(r.name, s.speaker_text), s.cue, s.kind,
               content, s.addressee_text,
               (SELECT list(coalesce(o.name, v.x)) FROM unnest(s.via) AS v(x)
                LEFT JOIN actors o ON o.id = v.x),
               substring(a.text, t."start" + 1, t."end" - t."start"), s.article_id
        FROM (SELECT *, substring(x.text, st."start" + 1, st."end" - st."start") AS content
              FROM statements st JOIN articles x ON x.id = st.article_id) s
        JOIN articles a ON a.id = s.article_id
        LEFT JOIN actors r ON r.id = s.speaker_id
        LEFT JOIN sentences t ON t.article_id = s.article_id AND t.idx = s.sentence
        WHERE {" AND ".join(where)}
        ORDER BY a.date DESC NULLS LAST, a.seq, s.idx LIMIT ?
    """
    rows = conn.execute(sql, [*params, limit]).fetchall()
    found = []
    for row in rows:
        values = dict(zip((f.name for f in fields(StatementSeen)), row, strict=True))
        values["via"] = list(values["via"] or [])
        found.append(StatementSeen(**values))
    return found


@dataclass(frozen=True)
class ConflictSeen:
    """Sources that disagree over one fact: each side a dict with ``value``, ``article_id``,
    ``outlet``, ``date``, ``start``, ``end``, ``text`` and ``evidence``."""

    id: str
    kind: str
    subject: str
    subject_name: str
    fact: str
    sides: list[dict]


def find_conflicts(
    conn: duckdb.DuckDBPyConnection,
    kind: str | None = None,
    subjects: tuple[str, ...] | None = None,
) -> list[ConflictSeen]:
    """Stored disagreements between sources, optionally of one kind or about these subjects
    (actor ids, merged event ids)."""
    where: list[str] = ["TRUE"]
    params: list[object] = []
    if kind:
        where.append("c.kind = ?")
        params.append(kind)
    if subjects is not None:
        where.append("list_contains(?, c.subject)")
        params.append(list(subjects))
    sql = f"""
        SELECT c.id, c.kind, c.subject, coalesce(r.name, c.subject) AS subject_name, c.fact,
               coalesce(c.sides, []) AS sides
        FROM conflicts c LEFT JOIN actors r ON r.id = c.subject
        WHERE {" AND ".join(where)}
        ORDER BY c.kind, coalesce(r.name, c.subject), c.id
    """
    return records(conn, sql, ConflictSeen, params)
