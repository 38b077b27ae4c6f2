"""Across articles: stories, one event with many mentions, and where sources disagree."""

from __future__ import annotations

import json
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from communique.crossdoc.build import build_crossdoc
from communique.crossdoc.conflicts import (
    RoleClaim,
    event_conflicts,
    number_conflicts,
    office_conflicts,
    same_organisation,
)
from communique.crossdoc.merge import EventMention, merge_events
from communique.display.crossdoc import print_conflicts
from communique.ingest import ReadOptions, read_file
from communique.records import (
    ActorRef,
    Article,
    ArticleRecords,
    Event,
    Mention,
    Participant,
    Role,
    Sentence,
    Size,
    When,
)
from communique.store import Store
from communique.store.schema import SCHEMA_VERSION, migrate

# -- on the seeds -----------------------------------------------------------------------------


def _seed_id(path: Path) -> str:
    (article,) = list(read_file(path, ReadOptions()))
    return article.id


@pytest.fixture(scope="module")
def crossdoc_store(seeds_store, tmp_path_factory) -> Path:
    """A copy of the seeds store (the session's is shared) with the cross-article pass run."""
    db = tmp_path_factory.mktemp("crossdoc") / "seeds.duckdb"
    shutil.copy(seeds_store, db)
    with Store(db) as store:
        counts = build_crossdoc(store)
    assert counts.articles == 5
    assert counts.seconds < 5
    return db


def _merged(db: Path) -> list[dict]:
    """Every merged event, with the (article, event) pairs it is told by as ``told``."""
    with Store(db, read_only=True) as store:
        columns = store.table_columns()["merged_events"]
        rows = store.rows_of("merged_events", columns)
        links = store.rows_of("event_mentions", ["merged_id", "article_id", "event_idx"])
    merged = [dict(zip(columns, row, strict=True)) for row in rows]
    for event in merged:
        event["told"] = [(key, index) for told, key, index in links if told == event["id"]]
    return merged


def _exported(store: Store, table: str) -> list[dict]:
    """The rows ``communique export`` writes for ``table``."""
    return [row for chunk in store.export_rows(table).chunks for row in chunk]


def _counts(store: Store) -> tuple[int, ...]:
    """How many rows the cross-article tables hold."""
    keys = (("stories", "article_id"), ("merged_events", "id"), ("event_mentions", "merged_id"),
            ("conflicts", "id"))  # fmt: skip
    return tuple(len(store.rows_of(table, [key])) for table, key in keys)


def test_the_wang_yi_patrushev_meeting_is_one_event_told_by_two_articles(crossdoc_store, seeds):
    pair = {"wang-yi", "nikolai-patrushev"}
    meetings = [
        m
        for m in _merged(crossdoc_store)
        if m["type"] == "CONSULT" and set(m["actors"]) | set(m["recipients"]) == pair
    ]
    assert len(meetings) == 1, meetings
    (meeting,) = meetings
    told = {article for article, _ in meeting["told"]}
    assert told == {_seed_id(seeds["002"]), _seed_id(seeds["004"])}
    assert meeting["num_articles"] == 2
    assert meeting["num_mentions"] == len(meeting["told"]) >= 2
    assert meeting["num_sources"] == 1  # every seed is from "Seed desk"
    assert meeting["modality"] == "asserted"


def test_every_event_record_is_a_mention_of_exactly_one_merged_event(crossdoc_store):
    with Store(crossdoc_store, read_only=True) as store:
        events = len(store.rows_of("events", ["article_id", "idx"]))
        links = store.rows_of("event_mentions", ["article_id", "event_idx"])
        summed = sum(n for (n,) in store.rows_of("merged_events", ["num_mentions"]))
    linked, distinct = len(links), len(set(links))
    assert events == linked == distinct == summed > 0


def test_the_wang_yi_office_disagreement_is_a_conflict_with_both_sides(crossdoc_store, seeds):
    with Store(crossdoc_store, read_only=True) as store:
        rows = store.find_conflicts(kind="office", subjects=("wang-yi",))
        texts = dict(store.rows_of("articles", ["id", "text"]))
    facts = [row for row in rows if "Foreign Affairs Commission Office" in row.fact]
    assert len(facts) == 1, rows
    kind, subject, name, sides = (facts[0].kind, facts[0].subject, facts[0].subject_name,
                                  facts[0].sides)  # fmt: skip
    assert (kind, subject, name) == ("office", "wang-yi", "Wang Yi")
    by_article = {side["article_id"]: side for side in sides}
    formerly, head = by_article[_seed_id(seeds["000"])], by_article[_seed_id(seeds["002"])]
    assert "(former)" in formerly["value"] and "(current)" in head["value"]
    assert "formerly chaired" in formerly["evidence"]
    assert "head of the Foreign Affairs Commission Office" in head["evidence"]
    for side in sides:
        assert side["outlet"] == "Seed desk"
        assert texts[side["article_id"]][side["start"] : side["end"]] == side["text"]
        assert side["text"] in side["evidence"]


def test_the_pass_rebuilds_its_tables_rather_than_adding_to_them(crossdoc_store, tmp_path):
    db = tmp_path / "again.duckdb"
    shutil.copy(crossdoc_store, db)
    with Store(db) as store:
        before = _counts(store)
        counts = build_crossdoc(store)
        after = _counts(store)
    assert before == after
    assert after == (5, counts.merged_events, counts.events, counts.conflicts)


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_the_events_export_carries_the_merged_event_and_all_its_mentions(
    crossdoc_store, seeds, cli
):
    result = cli("export", "events", "--db", crossdoc_store)
    assert result.returncode == 0, result.stderr
    rows = _jsonl(result.stdout)
    two = {_seed_id(seeds["002"]), _seed_id(seeds["004"])}
    meeting = [
        r for r in rows
        if r["event"] == "CONSULT" and r["num_articles"] == 2
        and {s["actor_id"] for s in r["actors"] + r["recipients"]}
        == {"wang-yi", "nikolai-patrushev"}
    ]  # fmt: skip
    assert {r["article_id"] for r in meeting} == two
    row = meeting[0]
    assert len({r["merged_id"] for r in meeting}) == 1
    assert row["num_mentions"] == len(row["mentions"]) == len(meeting)
    assert row["num_sources"] == 1
    assert {m["article_id"] for m in row["mentions"]} == two
    assert set(row["mentions"][0]) == {"article_id", "outlet", "start", "end", "sentence"}
    assert any("Nikolai Patrushev" in m["sentence"] for m in row["mentions"])
    single = next(r for r in rows if r["num_mentions"] == 1)
    assert single["mentions"][0]["sentence"] == single["evidence"]

    plover = _jsonl(cli("export", "events", "--db", crossdoc_store, "--format", "plover").stdout)
    by_id = {r["id"]: r for r in plover}
    assert by_id[row["id"]]["num_articles"] == 2
    assert by_id[row["id"]]["mentions"] == row["mentions"]

    # GDELT's event table holds the merged event once; its mentions table, every mention.
    gdelt = cli("export", "events", "--db", crossdoc_store, "--format", "gdelt", "--header")
    header, *lines = [line.split("\t") for line in gdelt.stdout.splitlines()]
    records = [dict(zip(header, line, strict=True)) for line in lines]
    assert {r["NumArticles"] for r in records} == {"1", "2"}
    told_twice = {r["GLOBALEVENTID"] for r in records if r["NumArticles"] == "2"}
    mentions = cli("export", "mentions", "--db", crossdoc_store, "--format", "gdelt").stdout
    ids = [line.split("\t")[0] for line in mentions.splitlines()]
    assert told_twice and all(ids.count(number) == 2 for number in told_twice)


def test_stories_and_conflicts_export(crossdoc_store, seeds):
    with Store(crossdoc_store, read_only=True) as store:
        stories = _exported(store, "stories")
        conflicts = _exported(store, "conflicts")
        merged = _exported(store, "merged_events")
    assert {row["article_id"] for row in stories} == {_seed_id(path) for path in seeds.values()}
    assert any(row["subject"] == "wang-yi" and row["kind"] == "office" for row in conflicts)
    assert merged[0]["num_mentions"] >= merged[-1]["num_mentions"]  # most mentioned first


def test_conflicts_are_listed_readably(crossdoc_store):
    with Store(crossdoc_store, read_only=True) as store:
        rows = store.find_conflicts()
    console = Console(record=True, width=200)
    print_conflicts(console, rows)
    text = console.export_text()
    assert "Wang Yi (wang-yi) — office: Foreign Affairs Commission Office" in text
    assert "(former)" in text and "(current)" in text
    assert "formerly chaired" in text and "Seed desk" in text


# -- merging, on hand-built mentions ----------------------------------------------------------

FEB = date(2023, 2, 1)


def _mention(article: str, index: int = 0, **fields) -> EventMention:
    day = fields.pop("day", None)
    if day is not None:
        fields.update(date_start=day, date_end=day, granularity="day")
    fields.setdefault("type", "CONSULT")
    fields.setdefault("story", "story")
    fields.setdefault("order", int(article.strip("abcdefghijklmnopqrstuvwxyz") or 0))
    return EventMention(article_id=article, index=index, **fields)


def test_a_meeting_is_the_same_whichever_way_round_it_is_told():
    mentions = [
        _mention("a1", actors=("wang-yi",), recipients=("nikolai-patrushev",)),
        _mention("a2", actors=("nikolai-patrushev",), recipients=("wang-yi",)),
        _mention("a3", actors=("wang-yi", "nikolai-patrushev")),
    ]
    (merged,) = merge_events(mentions)
    assert merged.num_mentions == 3 and merged.num_articles == 3
    # directed types keep their direction
    directed = [
        _mention("a1", type="ACCUSE", actors=("RUS",), recipients=("UKR",)),
        _mention("a2", type="ACCUSE", actors=("UKR",), recipients=("RUS",)),
    ]
    assert len(merge_events(directed)) == 2
    visits = [
        _mention("a1", mode="visit", actors=("xi-jinping",), recipients=("RUS",)),
        _mention("a2", mode="visit", actors=("RUS",), recipients=("xi-jinping",)),
        _mention("a3", actors=("xi-jinping", "RUS")),
    ]
    assert [m.num_mentions for m in merge_events(visits)] == [2, 1]


def test_different_sides_or_types_do_not_merge():
    mentions = [
        _mention("a1", mode="visit", actors=("wang-yi",), recipients=("nikolai-patrushev",)),
        _mention("a2", actors=("wang-yi",), recipients=("vladimir-putin",)),
        _mention("a3", actors=("wang-yi",)),
        _mention("a4", type="AGREE", actors=("wang-yi",), recipients=("nikolai-patrushev",)),
        _mention("a5", mode="phone", actors=("wang-yi",), recipients=("nikolai-patrushev",)),
    ]
    assert len(merge_events(mentions)) == 5  # a visit is not a phone call
    # a meeting with no mode may have been either: it joins the first
    told = merge_events([*mentions, _mention("a6", actors=("nikolai-patrushev", "wang-yi"))])
    assert [m.num_mentions for m in told] == [2, 1, 1, 1, 1]


def test_incompatible_dates_and_places_do_not_merge():
    sides = {"actors": ("wang-yi",), "recipients": ("nikolai-patrushev",)}
    dates = [
        _mention("a1", day=FEB + timedelta(days=20), **sides),
        _mention("a2", day=FEB + timedelta(days=5), **sides),
        _mention("a3", **sides),  # unresolved: fits either; joins the first
    ]
    assert [m.num_mentions for m in merge_events(dates)] == [2, 1]
    places = [
        _mention("a1", place_name="Moscow", place_country="RUS", **sides),
        _mention("a2", place_name="Beijing", place_country="CHN", **sides),
        _mention("a3", **sides),
        _mention("a4", place_name="Russia", place_country="RUS", place_is_country=True, **sides),
    ]
    merged = merge_events(places)
    assert [m.num_mentions for m in merged] == [3, 1]
    assert merged[0].place_name == "Moscow"  # a town is finer than its country


def test_a_mention_never_joins_by_chaining_through_an_unresolved_one():
    sides = {"actors": ("CHN",), "recipients": ("RUS",), "type": "COOPERATE"}
    mentions = [
        _mention("a1", day=FEB, **sides),
        _mention("a2", **sides),
        _mention("a3", day=FEB + timedelta(days=10), **sides),
    ]
    merged = merge_events(mentions)
    assert [sorted(m.article_id for m in e.mentions) for e in merged] == [["a1", "a2"], ["a3"]]


def test_negated_and_hypothetical_events_do_not_merge_with_asserted_ones():
    sides = {"type": "AID", "actors": ("CHN",), "recipients": ("RUS",)}
    mentions = [
        _mention("a1", **sides),
        _mention("a2", modality="negated", **sides),
        _mention("a3", modality="hypothetical", **sides),
        _mention("a4", modality="claimed", **sides),
        _mention("a5", modality="negated", **sides),
    ]
    merged = merge_events(mentions)
    groups = sorted(sorted(m.article_id for m in e.mentions) for e in merged)
    assert groups == [["a1", "a4"], ["a2", "a5"], ["a3"]]
    assert {e.modality for e in merged} == {"asserted", "negated", "hypothetical"}


def test_the_date_is_chosen_by_agreement_not_by_the_first_article():
    sides = {"actors": ("wang-yi",), "recipients": ("nikolai-patrushev",)}
    feb21, feb22 = date(2023, 2, 21), date(2023, 2, 22)
    mentions = [
        _mention("a1", day=feb22, outlet="Xinhua", **sides),
        _mention("a2", day=feb21, outlet="TASS", **sides),
        _mention("a3", day=feb21, outlet="tass ", **sides),
    ]
    (merged,) = merge_events(mentions)
    assert (merged.date_start, merged.date_end, merged.granularity) == (feb21, feb21, "day")
    assert (merged.num_mentions, merged.num_articles, merged.num_sources) == (3, 3, 2)
    # a tie goes to the finer date, then to the earliest article
    month = {"date_start": FEB, "date_end": date(2023, 2, 28), "granularity": "month"}
    tie = [_mention("a1", **month, **sides), _mention("a2", day=feb21, **sides)]
    assert merge_events(tie)[0].date_start == feb21
    tie = [_mention("a1", day=feb21, **sides), _mention("a2", day=feb22, **sides)]
    assert merge_events(tie)[0].date_start == feb21


def test_counts_are_of_mentions_articles_and_outlets():
    sides = {"actors": ("wang-yi", "sergey-lavrov")}
    mentions = [
        _mention("a1", 0, outlet="Reuters", **sides),
        _mention("a1", 3, outlet="Reuters", **sides),
        _mention("a2", 0, outlet="Reuters", **sides),
        _mention("a3", 0, outlet=None, **sides),
        _mention("a4", 1, outlet=None, **sides),
    ]
    (merged,) = merge_events(mentions)
    assert (merged.num_mentions, merged.num_articles, merged.num_sources) == (5, 4, 3)


def test_only_close_mentions_merge_by_story_or_date_window():
    sides = {"type": "COOPERATE", "actors": ("CHN", "RUS")}
    apart = [_mention("a1", story="s1", **sides), _mention("a2", story="s2", **sides)]
    assert len(merge_events(apart)) == 2  # undated states in two stories: two events
    dated = [
        _mention("a1", story="s1", published=FEB, **sides),
        _mention("a2", story="s2", published=FEB + timedelta(days=5), **sides),
        _mention("a3", story="s3", published=FEB + timedelta(days=40), **sides),
    ]
    assert [e.num_mentions for e in merge_events(dated)] == [2, 1]
    daily = [
        _mention(f"a{n}", story=f"s{n}", published=FEB + timedelta(days=n), **sides)
        for n in range(30)
    ]  # a month of daily reports is not chained into one event
    assert [e.num_mentions for e in merge_events(daily)] == [8, 8, 8, 6]
    people = {"actors": ("wang-yi",), "recipients": ("nikolai-patrushev",), "named_people": True}
    undated = [_mention("a1", story="s1", **people), _mention("a2", story="s2", **people)]
    assert len(merge_events(undated)) == 1  # undated, but the same two people meeting


def test_merging_stays_fast_on_many_mentions():
    people = [f"person-{n}" for n in range(40)]
    mentions = [
        _mention(
            f"a{n}", n % 3, actors=(people[n % 40],), recipients=(people[(n * 7 + 1) % 40],),
            day=FEB + timedelta(days=n % 200), story=f"s{n // 5}", outlet=f"o{n % 9}",
        )
        for n in range(20_000)
    ]  # fmt: skip
    started = time.perf_counter()
    merged = merge_events(mentions)
    assert time.perf_counter() - started < 5
    assert sum(e.num_mentions for e in merged) == len(mentions)


# -- conflicts, on hand-built records ---------------------------------------------------------


def test_dates_that_do_not_overlap_in_one_merged_event_are_a_conflict():
    sides = {"actors": ("wang-yi",), "recipients": ("nikolai-patrushev",)}
    feb21, feb22 = date(2023, 2, 21), date(2023, 2, 22)
    mentions = [
        _mention("a1", day=feb22, outlet="Xinhua", date_text="Wednesday", date_span=(10, 19),
                 sentence="They met on Wednesday.", **sides),
        _mention("a2", day=feb21, outlet="TASS", date_text="Tuesday", date_span=(3, 10),
                 sentence="On Tuesday they met.", **sides),
        _mention("a3", day=feb21, outlet="Sputnik", **sides),
        _mention("a4", outlet="AP", **sides),
    ]  # fmt: skip
    (merged,) = merge_events(mentions)
    (conflict,) = event_conflicts([merged])
    assert (conflict.kind, conflict.subject) == ("date", merged.id)
    assert conflict.fact == "date: CONSULT wang-yi → nikolai-patrushev"
    values = {(side.value, side.article_id, side.outlet) for side in conflict.sides}
    assert values == {
        ("2023-02-22", "a1", "Xinhua"), ("2023-02-21", "a2", "TASS"),
        ("2023-02-21", "a3", "Sputnik"),
    }  # fmt: skip
    first = next(side for side in conflict.sides if side.article_id == "a1")
    assert (first.text, first.start, first.end) == ("Wednesday", 10, 19)
    assert first.evidence == "They met on Wednesday."
    agreeing = [_mention("a1", day=feb21, **sides), _mention("a2", day=feb21, **sides)]
    assert event_conflicts(merge_events(agreeing)) == []


def test_two_towns_for_one_event_are_a_conflict_a_town_and_its_country_are_not():
    sides = {"actors": ("wang-yi", "sergey-lavrov")}
    moscow = {"place_name": "Moscow", "place_country": "RUS"}
    mentions = [
        _mention("a1", **moscow, **sides),
        _mention("a2", place_name="Russia", place_country="RUS", place_is_country=True, **sides),
    ]
    assert event_conflicts(merge_events(mentions)) == []
    mentions.append(_mention("a3", place_name="Saint Petersburg", place_country="RUS", **sides))
    (conflict,) = event_conflicts(merge_events(mentions))
    assert conflict.kind == "place"
    assert {s.value for s in conflict.sides} == {"Moscow (RUS)", "Saint Petersburg (RUS)"}


def test_different_death_tolls_for_one_event_are_a_number_conflict():
    sides = {"type": "ASSAULT", "actors": ("RUS",), "recipients": ("UKR",)}
    feb20 = date(2023, 2, 20)

    def dead(value: int, at_least: bool = False) -> tuple[Size, ...]:
        text = f"at least {value}" if at_least else str(value)
        return (Size("dead", value, 5, 5 + len(text), text, at_least),)

    mentions = [
        _mention("a1", day=feb20, outlet="TASS", sizes=dead(12), sentence="… killing 12 …",
                 **sides),
        _mention("a2", day=feb20, outlet="Ukrinform", sizes=dead(14), **sides),
        _mention("a3", day=feb20, outlet="AP", sizes=dead(14), **sides),
        _mention("a4", day=feb20, outlet="AFP", sizes=dead(10, at_least=True), **sides),
        _mention("a5", day=feb20, outlet="BBC", **sides),
    ]  # fmt: skip
    (merged,) = merge_events(mentions)
    (conflict,) = event_conflicts([merged])
    assert conflict == number_conflicts(merged)[0]
    assert (conflict.kind, conflict.subject) == ("number", merged.id)
    assert conflict.fact == "dead: ASSAULT RUS → UKR"
    # "at least 10" agrees with both tolls; the mention without a toll takes no side
    assert {(s.value, s.article_id, s.outlet) for s in conflict.sides} == {
        ("12", "a1", "TASS"), ("14", "a2", "Ukrinform"), ("14", "a3", "AP"),
    }  # fmt: skip
    first = next(side for side in conflict.sides if side.article_id == "a1")
    assert (first.text, first.start, first.end, first.evidence) == ("12", 5, 7, "… killing 12 …")
    lower_bound = [mentions[0], _mention("a2", day=feb20, sizes=dead(10, True), **sides)]
    assert event_conflicts(merge_events(lower_bound)) == []


def _claim(article: str, role: str, organisation: str | None, tense: str = "current",
           published: date | None = None, actor: str = "wang-yi", country: str | None = "CHN",
           ) -> RoleClaim:  # fmt: skip
    return RoleClaim(article, 0, actor, role, organisation, country, tense, 0, 10,
                     published=published, order=int(article[1:]))  # fmt: skip


def test_an_office_said_current_in_one_article_and_former_in_another_is_a_conflict():
    office = "Foreign Affairs Commission Office of the Central Committee of the CPC"
    claims = [
        _claim("a1", "chair", office, "former"),
        _claim("a2", "head", "the Foreign Affairs Commission Office of the Party Central"),
        _claim("a3", "senior member", "Politburo"),
        _claim("a4", "Foreign Minister", None),
    ]
    (conflict,) = office_conflicts(claims)
    assert (conflict.kind, conflict.subject) == ("office", "wang-yi")
    assert conflict.fact == "office: Foreign Affairs Commission Office"
    assert [side.article_id for side in conflict.sides] == ["a1", "a2"]
    # far apart in time, both may be right
    dated = [
        _claim("a1", "Foreign Minister", None, "former", published=date(2023, 3, 1)),
        _claim("a2", "Foreign Minister", None, "current", published=date(2021, 3, 1)),
    ]
    assert office_conflicts(dated) == []
    close = [dated[0], _claim("a2", "Foreign Minister", None, published=date(2023, 2, 20))]
    assert len(office_conflicts(close)) == 1
    # one article contradicting itself is not two sources disagreeing
    same = [_claim("a1", "head", office, "former"), _claim("a1", "head", office)]
    assert office_conflicts(same) == []


def test_different_posts_in_one_organisation_conflict_unless_one_says_little():
    council = "Russian Security Council"
    posts = [
        _claim("a1", "secretary", council, actor="nikolai-patrushev", country="RUS"),
        _claim("a2", "deputy chairman", "Security Council of Russia",
               actor="nikolai-patrushev", country="RUS"),
    ]  # fmt: skip
    (conflict,) = office_conflicts(posts)
    assert {s.value for s in conflict.sides} == {
        "secretary of Russian Security Council (current)",
        "deputy chairman of Security Council of Russia (current)",
    }
    vague = [posts[0], _claim("a2", "member", council, actor="nikolai-patrushev")]
    assert office_conflicts(vague) == []
    # titles without an organisation: a person holds many
    titles = [_claim("a1", "President", None, actor="xi-jinping"),
              _claim("a2", "leader", None, actor="xi-jinping"),
              _claim("a3", "General Secretary", None, actor="xi-jinping")]  # fmt: skip
    assert office_conflicts(titles) == []


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Foreign Affairs Commission Office of the Central Committee of the Communist Party "
         "of China", "Foreign Affairs Commission Office of the Communist Party Central "
         "Committee", True),
        ("Russian Security Council", "the Security Council of Russia", True),
        ("the Politburo", "Politburo", True),
        ("Russian Security Council", "UN Security Council", False),
        ("Council", "Russian Security Council", False),
        ("Ministry of Foreign Affairs", "Ministry of Defence", False),
    ],
)  # fmt: skip
def test_organisations_are_compared_by_their_words(first, second, same):
    assert same_organisation(first, second) is same


# -- the store: migration and the writer ------------------------------------------------------


def _records(article: Article, day: date) -> ArticleRecords:
    text = article.text
    wang, lavrov = text.index("Wang Yi"), text.index("Sergey Lavrov")
    sides = (
        Participant(wang, wang + 7, "Wang Yi", "wang-yi", "CHN", "GOV"),
        Participant(lavrov, lavrov + 13, "Sergey Lavrov", "sergey-lavrov", "RUS", "GOV"),
    )
    trigger = text.index("met")
    event = Event(article.id, 0, 0, "CONSULT", None, trigger, trigger + 3, "meet",
                  actors=sides[:1], recipients=sides[1:], when=When("day", day, day))  # fmt: skip
    return ArticleRecords(
        article.id,
        (Sentence(article.id, 0, 0, len(text)),),
        (Mention(article.id, 0, 0, wang, wang + 7, "Wang Yi", "PERSON", "wang-yi", "name", 1.0),),
        (ActorRef("wang-yi", "Wang Yi", "person", "CHN"),),
        (Role(article.id, 0, "wang-yi", "Foreign Minister", None, "CHN", "current", 0, 5),),
        (),
        (event,),
    )


def test_two_outlets_reporting_one_meeting_make_one_merged_event_in_the_store(tmp_path):
    day = date(2023, 2, 21)
    articles = [
        Article(text=f"Wang Yi met Sergey Lavrov in Moscow. Report {n}.", date=day, outlet=o)
        for n, o in ((1, "TASS"), (2, "Xinhua"))
    ]
    with Store(tmp_path / "s.duckdb") as store:
        for article in articles:
            store.add_article(article)
            store.save_analysis(_records(article, day), "test-model", 1)
        counts = build_crossdoc(store)
        assert (counts.merged_events, counts.merged_across) == (1, 1)
        (row,) = store.rows_of(
            "merged_events",
            ["num_mentions", "num_articles", "num_sources", "date_start", "actors", "recipients"],
        )
    assert row == (2, 2, 2, day, ["wang-yi"], ["sergey-lavrov"])


def test_a_version_5_store_with_data_upgrades_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    migrate(conn, target=5)
    article = Article(text="Wang Yi met Sergey Lavrov in Moscow.", title="Old")
    conn.execute(
        "INSERT INTO articles (id, title, text, analysed_at) VALUES (?, ?, ?, current_timestamp)",
        [article.id, article.title, article.text],
    )
    conn.execute(
        "INSERT INTO events (article_id, idx, sentence, type, trigger, trigger_start, "
        "trigger_end, date_granularity, modality, negated) "
        "VALUES (?, 0, 0, 'CONSULT', 'meet', 8, 11, 'unresolved', 'asserted', false)",
        [article.id],
    )
    conn.close()
    with Store(path, read_only=True) as store:
        assert store.version() == SCHEMA_VERSION
        assert len(store.rows_of("events", ["idx"])) == 1
        assert len(store.rows_of("merged_events", ["id"])) == 0
        assert store.articles([article.id])[0].title == "Old"
    with Store(path) as store:
        counts = build_crossdoc(store)
    assert (counts.articles, counts.events, counts.merged_events) == (1, 1, 1)


def test_a_failed_crossdoc_write_leaves_the_previous_pass(tmp_path):
    import pyarrow as pa

    with Store(tmp_path / "s.duckdb") as store:
        good = {"stories": pa.table({"article_id": ["a"], "story_id": ["a"]})}
        store.save_crossdoc(good)
        twice = pa.table({"article_id": ["b", "b"], "story_id": ["b", "b"]})
        with pytest.raises(duckdb.Error):
            store.save_crossdoc({"stories": twice})
        assert store.rows_of("stories", ["article_id", "story_id"]) == [("a", "a")]
        with pytest.raises(ValueError, match="not cross-article"):
            store.save_crossdoc({"articles": twice})


def test_two_outlets_giving_different_death_tolls_are_a_number_conflict(tmp_path, cli):
    source = tmp_path / "kharkiv.jsonl"
    reports = [
        # stored under the knowledge base's name for the outlet, "The Kyiv Independent"
        ("Kyiv Independent", "Russian missiles struck Kharkiv on Monday, killing 12 people."),
        ("Reuters", "Russian missiles struck Kharkiv on Monday, killing 14 people."),
    ]
    source.write_text(
        "".join(
            json.dumps({"date": "2023-02-21", "outlet": outlet, "text": text}) + "\n"
            for outlet, text in reports
        ),
        encoding="utf-8",
    )
    db = tmp_path / "k.duckdb"
    result = cli("ingest", source, "--db", db)
    assert result.returncode == 0, result.stderr
    result = cli("export", "events", "--db", db, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    counted = [row for row in map(json.loads, result.stdout.splitlines()) if row["sizes"]]
    assert [(row["outlet"], row["sizes"][0]["value"]) for row in counted] == [
        ("The Kyiv Independent", 12), ("Reuters", 14),
    ]  # fmt: skip
    (merged_id,) = {row["merged_id"] for row in counted}
    assert {row["num_articles"] for row in counted} == {2}

    result = cli("conflicts", "--db", db, "--kind", "number")
    assert result.returncode == 0, result.stderr
    assert merged_id in result.stdout and "dead: ASSAULT RUS" in result.stdout
    assert "Kyiv Independent" in result.stdout and "Reuters" in result.stdout
    assert "killing 12 people" in result.stdout and "killing 14 people" in result.stdout
    with Store(db, read_only=True) as store:
        (found,) = store.find_conflicts(kind="number")
    kind, subject, fact, sides = found.kind, found.subject, found.fact, found.sides
    assert (kind, subject, fact) == ("number", merged_id, "dead: ASSAULT RUS → people")
    assert {(side["value"], side["outlet"]) for side in sides} == {
        ("12", "The Kyiv Independent"), ("14", "Reuters"),
    }  # fmt: skip
    for side in sides:
        assert side["text"] == side["value"] and side["evidence"].endswith(
            f"killing {side['value']} people."
        )
