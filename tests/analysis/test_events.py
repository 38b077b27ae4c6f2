"""Events: PLOVER-coded, with actor, recipient, date, place, modality and evidence."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import duckdb
import pytest

from communique.analysis import analyse
from communique.analysis.resources import shipped
from communique.ingest import ReadOptions, read_file
from communique.records import Article

PUBLISHED = date(2023, 2, 22)  # a Wednesday


def _events(nlp, text: str, published: date | None = PUBLISHED):
    article = Article(text=text, date=published)
    return article, analyse(article, nlp).events


def _sides(event) -> tuple[str, tuple, tuple]:
    return (
        event.type,
        tuple(p.actor_id for p in event.actors),
        tuple(p.actor_id for p in event.recipients),
    )


def test_a_meeting_has_its_sides_date_place_and_evidence(nlp):
    text = "Wang Yi, China's foreign minister, met Vladimir Putin in Moscow on Wednesday."
    _, (event,) = _events(nlp, text)
    assert _sides(event) == ("CONSULT", ("wang-yi",), ("vladimir-putin",))
    assert text[event.trigger_start : event.trigger_end] == "met"
    assert [text[p.start : p.end] for p in event.actors] == ["Wang Yi"]
    assert (event.when.granularity, event.when.start, event.when.text) == (
        "day", date(2023, 2, 22), "Wednesday",
    )  # fmt: skip
    assert event.where is not None and event.where.country == "RUS"
    assert event.where.latitude == pytest.approx(55.75, abs=0.1)
    assert event.modality == "asserted" and not event.negated


def test_talks_between_two_sides_are_one_reciprocal_event(nlp):
    _, events = _events(nlp, "Wang Yi and Sergey Lavrov held talks in Moscow on Tuesday.")
    (event,) = events
    assert _sides(event) == ("CONSULT", ("wang-yi", "sergey-lavrov"), ())
    assert event.when.start == date(2023, 2, 21)


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        ("Russia did not sign the agreement with Ukraine.", "negated", True),
        ("Putin will visit Beijing next month.", "future", False),
        (
            "If Russia attacks Ukraine, NATO could impose sanctions on Moscow.",
            "hypothetical",
            False,
        ),
        ("The US claims that China is supplying weapons to Russia.", "claimed", False),
        ("Russian forces shelled Kharkiv on Monday.", "asserted", False),
    ],
)
def test_modality_is_kept_and_flagged(nlp, text, modality, negated):
    _, events = _events(nlp, text)
    assert events, text
    assert (events[0].modality, events[0].negated) == (modality, negated)


def test_a_future_visit_is_an_agreement_dated_to_next_month(nlp):
    """PLOVER codes a planned visit as AGREE; the trigger still says what was agreed."""
    _, (event,) = _events(nlp, "Putin will visit Beijing next month.")
    assert _sides(event) == ("AGREE", ("vladimir-putin",), ("CHN",))
    assert (event.trigger, event.modality) == ("visit", "future")
    assert (event.when.granularity, event.when.start, event.when.end) == (
        "month", date(2023, 3, 1), date(2023, 3, 31),
    )  # fmt: skip


def test_no_publication_date_leaves_relative_dates_unresolved(nlp):
    _, (event,) = _events(nlp, "Wang Yi met Vladimir Putin on Wednesday.", published=None)
    assert event.when.granularity == "unresolved" and event.when.text == "Wednesday"


def test_an_event_told_by_an_outlet_keeps_the_reporting_chain(nlp):
    _, (event,) = _events(nlp, "Xinhua said Wang Yi met Nikolai Patrushev in Moscow.")
    assert _sides(event) == ("CONSULT", ("wang-yi",), ("nikolai-patrushev",))
    assert event.via == ("xinhua",) and event.statement == 0


def test_a_claim_keeps_who_claims_it(nlp):
    _, (event,) = _events(nlp, "The US claims that China is supplying weapons to Russia.")
    assert _sides(event) == ("AID", ("CHN",), ("RUS",))
    assert (event.modality, event.via) == ("claimed", ("USA",))


def _seed(seeds, key):
    (article,) = [a for a in read_file(seeds[key], ReadOptions()) if isinstance(a, Article)]
    return article


# Events of the seeds read by hand: (type, actors, recipients, trigger word).
SEED_004 = [
    ("CONSULT", ("wang-yi",), ("vladimir-putin",), "met"),
    ("CONSULT", ("wang-yi",), ("sergey-lavrov",), "talks"),
    ("ASSAULT", ("RUS",), ("UKR",), "invasion"),
    ("CONSULT", ("vladimir-putin", "wang-yi"), (), "exchanged"),
    ("SUPPORT", ("RUS",), ("CHN",), "thanked"),
    ("AGREE", ("vladimir-putin",), ("xi-jinping",), "invited"),
    ("REQUEST", ("sergey-lavrov",), ("CHN", "RUS"), "urged"),
    ("CONSULT", ("wang-yi",), ("nikolai-patrushev",), "met"),
    ("CONSULT", ("wang-yi", "nikolai-patrushev"), (), "discussions"),
    ("AGREE", ("wang-yi", "nikolai-patrushev"), (), "agreed"),
]  # fmt: skip
SEED_002 = [
    ("CONSULT", ("wang-yi", "nikolai-patrushev"), (), "exchanged"),
]


@pytest.mark.parametrize(("key", "expected"), [("004", SEED_004), ("002", SEED_002)])
def test_seed_events_by_type_actor_and_recipient(seeds, nlp, key, expected):
    article = _seed(seeds, key)
    found = {
        (*_sides(e), article.text[e.trigger_start : e.trigger_end])
        for e in analyse(article, nlp).events
    }
    missing = [event for event in expected if event not in found]
    assert not missing, f"not found: {missing}"


def test_the_crosswalk_codes_each_event(nlp):
    from communique.ontology import plover

    _, (event,) = _events(nlp, "Russian forces shelled Kharkiv on Monday.")
    coding = plover.mode(event.type, event.mode)
    assert (coding.quad, coding.cameo[:2]) == (4, "19")
    assert coding.goldstein <= -9


def test_events_are_stored_and_exported_as_plover_and_gdelt(tmp_path, cli):
    source = tmp_path / "meeting.jsonl"
    source.write_text(
        json.dumps(
            {
                "title": "Wang meets Putin",
                "date": "2023-02-22",
                "url": "https://example.org/wang-putin",
                "outlet": "Example News",
                "text": "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin "
                "in Moscow on Wednesday. Russian forces shelled Kharkiv on Monday.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.duckdb"
    assert cli("ingest", source, "--db", db).returncode == 0
    with duckdb.connect(str(db), read_only=True) as conn:
        stored = conn.execute(
            "SELECT type, quad, cameo, date_start, place_name FROM events ORDER BY idx"
        ).fetchall()
        sides = conn.execute(
            "SELECT side, actor_id FROM event_participants WHERE event_idx = 0 ORDER BY side"
        ).fetchall()
    assert [row[0] for row in stored] == ["CONSULT", "ASSAULT"]
    assert stored[0][1:] == (1, stored[0][2], date(2023, 2, 22), "Moscow")
    assert sides == [("actor", "wang-yi"), ("recipient", "vladimir-putin")]

    result = cli("export", "events", "--db", db, "--format", "plover")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    meeting = records[0]
    assert (meeting["event"], meeting["date"], meeting["quad_code"]) == (
        ["CONSULT"], "2023-02-22", 1,
    )  # fmt: skip
    assert [a["code"] for a in meeting["actor"]] == ["CHN"]
    assert [r["code"] for r in meeting["recipient"]] == ["RUS"]
    assert meeting["cite_info"]["url"] == "https://example.org/wang-putin"
    assert meeting["cite_info"]["publication"] == "Example News"
    start, end = meeting["text_info"]["start"], meeting["text_info"]["end"]
    assert meeting["text"].startswith("Chinese Foreign Minister") and end > start
    assert meeting["event_loc"]["resolved_place"] == "Moscow"
    assert (meeting["negated"], meeting["modality"], meeting["via"]) == (False, "asserted", [])

    result = cli("export", "events", "--db", db, "--format", "gdelt", "--header")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    shelling = rows[1]
    assert (shelling["Actor1CountryCode"], shelling["Actor2CountryCode"]) == ("RUS", "UKR")
    assert shelling["EventRootCode"] == "19" and shelling["QuadClass"] == "4"
    assert shelling["SQLDATE"] == "20230220"
    assert shelling["SOURCEURL"] == "https://example.org/wang-putin"

    result = cli("export", "articles", "--db", db, "--format", "gdelt")
    assert result.returncode != 0 and "for events (the event table) and mentions" in result.stderr


# -- sizes: the dead, injured and arrested ----------------------------------------------------


def _sizes(sizes, text: str) -> dict[str, tuple[int, str]]:
    return {s.kind: (s.value, text[s.start : s.end]) for s in sizes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two Palestinian suicide bombers killed 23 people in Tel Aviv on Sunday.",
         {"dead": (23, "23")}),
        ("At least 26 people were killed and 41 wounded when Israeli forces shelled Gaza.",
         {"dead": (26, "At least 26"), "injured": (41, "41")}),
        ("Police arrested 12 protesters.", {"arrested": (12, "12")}),
        ("Russian missiles struck Kharkiv on Monday, killing fourteen people.",
         {"dead": (14, "fourteen")}),
        ("He killed time.", {}),
        ("Israeli forces detained dozens of Palestinians in Hebron.", {}),
    ],
)  # fmt: skip
def test_an_event_keeps_the_dead_injured_and_arrested_it_counts(nlp, text, expected):
    _, events = _events(nlp, text)
    found: dict[str, tuple[int, str]] = {}
    for event in events:
        sized = _sizes(event.sizes, text)
        assert not set(sized) & set(found), "a count belongs to one event"
        found |= sized
    assert found == expected


def test_counts_are_read_from_the_parse_without_an_event(nlp):
    from communique.analysis.events.casualties import casualties

    words = shipped().words
    text = "At least 26 people were killed and 41 wounded."
    sizes = [size for sentence in nlp(text).sents for _, size in casualties(sentence, words)]
    assert _sizes(sizes, text) == {"dead": (26, "At least 26"), "injured": (41, "41")}
    assert [s.at_least for s in sizes] == [True, False]
    text = "The army said it had killed 30 militants, while police detained twenty-one men."
    sizes = [size for sentence in nlp(text).sents for _, size in casualties(sentence, words)]
    assert {s.kind: s.value for s in sizes} == {"dead": 30, "arrested": 21}


@pytest.mark.parametrize(
    ("words", "value"),
    [(["23"], 23), (["3,000"], 3000), (["twenty", "-", "one"], 21), (["two", "hundred"], 200),
     (["1.5", "million"], 1_500_000), (["dozens"], None), (["hundred"], None)],
)  # fmt: skip
def test_number_words_are_read(words, value):
    from communique.analysis.events.casualties import number_of as _number

    assert _number(words, shipped().words) == value


def test_sizes_are_stored_and_exported(tmp_path, cli):
    source = tmp_path / "attack.jsonl"
    text = "Russian missiles struck Kharkiv on Monday, killing at least 12 people."
    source.write_text(json.dumps({"date": "2023-02-22", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert cli("ingest", source, "--db", db).returncode == 0
    result = cli("export", "events", "--db", db, "--format", "plover")
    assert result.returncode == 0, result.stderr
    (sized,) = [r for r in map(json.loads, result.stdout.splitlines()) if r["size"]]
    assert sized["size"] == {"dead": 12}
    span = sized["evidence"]["size"]["dead"]
    assert (span["text"], span["at_least"]) == ("at least 12", True)
    assert text[span["start"] : span["end"]] == "at least 12"
    result = cli("export", "events", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["sizes"] for row in rows if row["sizes"]] == [
        [{"kind": "dead", "value": 12, "at_least": True, "start": span["start"],
          "end": span["end"], "text": "at least 12"}]
    ]  # fmt: skip


# -- recipients: who is on the receiving end ---------------------------------------------------


def _recipient_codes(nlp, text: str, kind: str) -> tuple[str | None, ...]:
    """The recipients' country codes of the first event of ``kind`` the text has."""
    _, events = _events(nlp, text)
    (event, *_) = [e for e in events if e.type == kind]
    return tuple(p.country for p in event.recipients)


@pytest.mark.parametrize(
    ("text", "kind", "codes"),
    [
        # the place of an event abroad is where it lands, whatever its type
        ("India agreed to build a new port in Iran.", "AGREE", ("IRN",)),
        # ... also the place of the act agreed, threatened or proposed
        ("The rebels threatened to resume raids in Chad.", "THREATEN", ("TCD",)),
        ("NATO rejected a call for its troops to be deployed in Moldova.", "REJECT", ("MDA",)),
        # ... and of an act done where the doer was sent to do it
        ("The African Union sent observers to Sudan to investigate the killings.", "ACCUSE",
         ("SDN",)),
        # but not its own state, and never the host of a meeting
        ("Japan agreed to build a new research centre in Tokyo.", "AGREE", ()),
        ("Russia and China held talks in Moscow.", "CONSULT", ()),
    ],
)  # fmt: skip
def test_an_event_with_no_one_named_lands_on_the_state_it_happens_in(nlp, text, kind, codes):
    assert _recipient_codes(nlp, text, kind) == codes


@pytest.mark.parametrize(
    ("text", "kind", "codes"),
    [
        # a thing given: the one it is given to
        ("Turkey offered its troops to Ukraine's president.", "AGREE", ("UKR",)),
        # the two sides a mediation is carried on between
        ("Egypt started a mediation effort between Ethiopia and Sudan.", "CONSULT",
         ("ETH", "SDN")),
        # what is seized from someone
        ("Indian police seized explosives from Pakistani smugglers.", "COERCE", ("PAK",)),
        # a thing made by someone is theirs
        ("Chile rejected a proposal drafted by Bolivia.", "REJECT", ("BOL",)),
        ("Bosnian police opened an investigation into crimes committed by Croat forces.",
         "ACCUSE", ("HRV",)),
        # the subject of the clause an act is put to
        ("Serbia refused to allow Kosovo officials to enter the region.", "REJECT", ("XKX",)),
        ("The opposition insisted on its demand that Zimbabwe's government release the "
         "prisoners.", "REQUEST", ("ZWE",)),
        ("The rebels threatened to strike unless Mali withdrew its troops.", "THREATEN",
         ("MLI",)),
        # a heavy object after the as-phrase
        ("Chile denounced as a grave violation Peru's expulsion of its diplomats.", "ACCUSE",
         ("PER",)),
        # whom a protest answers
        ("Farmers began a hunger strike in protest against the French government's new tax.",
         "PROTEST", ("FRA",)),
        # an act done for a purpose is aimed at what the purpose is
        ("Nigerian troops opened fire to disperse Cameroonian smugglers.", "ASSAULT", ("CMR",)),
        # whom the thing an act is about is for
        ("Spain refused to commit to any military assistance to the French-led mission.",
         "REJECT", ("FRA",)),
    ],
)  # fmt: skip
def test_the_recipient_is_found_inside_the_object_and_its_clauses(nlp, text, kind, codes):
    assert _recipient_codes(nlp, text, kind) == codes


def test_an_investigation_is_into_someone(nlp):
    _, (event,) = _events(nlp, "The ministry ordered an investigation into the journalists.")
    assert (event.type, [p.text for p in event.recipients]) == ("ACCUSE", ["the journalists"])


def test_an_anti_or_pro_prefix_does_not_give_the_noun_its_state(nlp):
    """An anti-Russian activist is not Russian: arrested in Minsk, the activist is Belarus's."""
    assert _recipient_codes(nlp, "An anti-Russian activist was arrested in Minsk.", "COERCE") == (
        "BLR",
    )


def test_a_place_within_a_district_of_a_city_is_the_citys(nlp):
    _, (event,) = _events(nlp, "Gunmen killed a judge in a northern district of Kabul.")
    assert event.where is not None and (event.where.text, event.where.country) == ("Kabul", "AFG")


def test_a_capital_is_its_own_states_even_when_the_gazetteer_files_it_elsewhere():
    from communique.analysis.places import resolve_place
    from communique.analysis.resources import shipped

    assert resolve_place("Islamabad", 0, 9, shipped()).country == "PAK"


def test_an_organisation_named_after_a_capital_is_of_its_state(nlp):
    _, (event,) = _events(nlp, "Workers of the Metro Company of Tehran went on strike.")
    assert [p.country for p in event.actors] == ["IRN"]


@pytest.mark.parametrize(
    ("text", "side", "code"),
    [
        ("US drones killed two al-Qaeda commanders in the desert.", "recipients", "IMG"),
        ("UNITA rebels attacked a government convoy.", "actors", "AGO"),
    ],
)
def test_armed_groups_have_their_state_or_the_transnational_code(nlp, text, side, code):
    """PLOVER codes a transnational militarised group IMG in the country field."""
    _, events = _events(nlp, text)
    assert [p.country for p in getattr(events[0], side)] == [code]


def test_each_event_carries_its_quad_cameo_and_goldstein(nlp):
    from communique.ontology import plover

    text = "Russian missiles struck Kharkiv on Monday. Xi met Putin in Moscow and praised him."
    events = analyse(Article(text=text), nlp).events
    assert {e.type for e in events} >= {"ASSAULT", "CONSULT"}
    for event in events:
        coding = plover.mode(event.type, event.mode)
        assert (event.quad, event.cameo, event.goldstein) == (
            coding.quad,
            coding.cameo,
            coding.goldstein,
        )
    assert {e.quad for e in events if e.type == "ASSAULT"} == {4}


def test_a_town_on_the_receiving_end_stands_for_its_state(nlp):
    text = "Government forces shelled Kharkiv on Tuesday."
    events = [e for e in analyse(Article(text=text), nlp).events if e.type == "ASSAULT"]
    assert [p.country for e in events for p in e.recipients] == ["UKR"]


def test_people_with_no_country_of_their_own_are_of_the_state_the_story_is_about(nlp):
    story = (
        "Kenya's parliament met in Nairobi on Monday as President William Ruto defended his "
        "budget. Kenyan officials said the plan would pass. Outside, demonstrators marched "
        "on parliament and police arrested dozens of protesters."
    )
    events = analyse(Article(text=story), nlp).events
    arrests = [e for e in events if e.trigger == "arrest"]
    assert arrests and [p.country for p in arrests[0].actors] == ["KEN"]
    # A story spread over several states has no home: the police stay without a country.
    spread = (
        "France, Germany and Italy met in Brussels with Spain and Poland. "
        "Police arrested dozens of protesters."
    )
    arrests = [e for e in analyse(Article(text=spread), nlp).events if e.trigger == "arrest"]
    assert arrests and [p.country for p in arrests[0].actors] == [None]
