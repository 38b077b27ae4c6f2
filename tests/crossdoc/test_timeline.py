"""Dyad timelines on a real store: articles ingested and analysed by the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from communique.crossdoc.timeline import (
    Side,
    Timeline,
    TimelineEvent,
    build_timeline,
    period_label,
    plot,
    resolve_side,
    to_html,
)
from communique.display.timeline import print_timeline
from communique.store import Store
from tests.conftest import run_in_process

ARTICLES = [
    {
        "title": "Wang Yi meets Putin in Moscow",
        "date": "2023-02-22",
        "outlet": "Test Wire",
        "url": "https://example.org/wang-putin",
        "text": "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in "
        "Moscow on Wednesday. The two sides signed an agreement on energy cooperation.\n\n"
        "Wang said Russia was a reliable partner.\n\n"
        "Russian forces shelled Kharkiv on Monday, Ukrainian officials said.",
    },
    {
        "title": "Shelling in Kharkiv",
        "date": "2023-03-06",
        "outlet": "Test Wire",
        "text": "Russian forces shelled Kharkiv on Monday. Ukraine accused Russia of war crimes.",
    },
    {
        "title": "Beijing rebukes Moscow",
        "date": "2023-04-12",
        "outlet": "Other Post",
        "url": "https://example.org/rebuke",
        "text": "China condemned Russia's decision to deploy nuclear weapons in Belarus on "
        "Tuesday. Beijing accused Moscow of escalating the war.",
    },
    {
        "title": "Talks stall",
        "date": "2023-05-10",
        "outlet": "Test Wire",
        "text": "China did not sign the energy agreement with Russia on Tuesday. If Russia "
        "attacks Chinese ships, Beijing will impose sanctions on Moscow.",
    },
    {
        "title": "Border clash",
        "date": "2023-06-01",
        "outlet": "Other Post",
        "text": "Russia and China condemned the United States on Thursday. Chinese troops "
        "attacked Russian soldiers near the border.",
    },
    {
        "title": "No date here",
        "outlet": "Undated Daily",
        "text": "Chinese President Xi Jinping praised Russian President Vladimir Putin for his "
        "leadership.",
    },
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("timeline")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "timeline.duckdb"
    result = run_in_process("ingest", news, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def reader(store):
    with Store(store, read_only=True) as opened:
        yield opened


@pytest.fixture
def russia_china(reader) -> Timeline:
    return build_timeline(reader, resolve_side(reader, "Russia"), resolve_side(reader, "China"))


def _triggers(events) -> set[str]:
    return {event.trigger for event in events}


def test_a_state_stands_for_its_people_and_bodies(reader):
    russia = resolve_side(reader, "Russia")
    assert russia.label == "Russia"
    assert russia.countries == {"RUS"}
    assert {"RUS", "RUS:GOV", "vladimir-putin"} <= russia.ids
    assert "wang-yi" not in russia.ids
    assert resolve_side(reader, "rus").ids == russia.ids  # the code, in any case
    assert resolve_side(reader, "Russian Federation").ids == russia.ids  # a knowledge-base alias
    assert resolve_side(reader, "the Kremlin").label == "Russia"  # a seat of power


def test_a_person_stands_for_themself(reader):
    wang = resolve_side(reader, "Wang Yi")
    assert wang.ids == {"wang-yi"} and not wang.countries
    assert resolve_side(reader, "Putin").ids == {"vladimir-putin"}  # part of a name
    assert resolve_side(reader, "wang-yi").label == "Wang Yi"  # an actor id
    assert resolve_side(reader, "Nobody Atall") is None


def test_events_between_the_two_by_month(russia_china):
    timeline = russia_china
    assert [period_label(p, "month") for p in timeline.periods] == [
        "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
    ]  # fmt: skip
    february, march, april, _may, june = timeline.periods
    assert (february.start, february.end) == (date(2023, 2, 1), date(2023, 2, 28))

    met = next(e for e in timeline.events if e.trigger == "met")
    assert met.date == date(2023, 2, 22)
    assert (met.direction, met.actor, met.recipient) == ("B→A", "Wang Yi", "Vladimir Putin")
    assert (met.type, met.quad, met.outlet) == ("CONSULT", 1, "Test Wire")
    assert met.url == "https://example.org/wang-putin"
    assert "Wang Yi met Russian President Vladimir Putin" in met.sentence
    signed = next(e for e in timeline.events if e.trigger == "signed")
    assert signed.direction == "A↔B"  # both among the actors: a reciprocal event

    # A cooperative month and a conflictual one.
    assert february.events == 2 and february.by_quad == {1: 2}
    assert february.index > 0 and february.balance == 1.0
    assert march.events == 0 and march.index is None  # an empty month stays on the timeline
    assert april.by_quad == {3: 2} and april.index < 0 and april.balance == -1.0
    assert _triggers(e for e in timeline.events if e.date and e.date.month == 4) == {
        "condemned",
        "accused",
    }
    assert june.by_quad == {4: 1} and june.index == -10.0  # "Chinese troops attacked ..."


def test_events_with_others_are_left_out(russia_china, reader):
    # Russia shelling Kharkiv is an event with Ukraine, in an article about Russia and China.
    assert "shelled" not in _triggers(russia_china.events)
    assert all("Kharkiv" not in e.recipient for e in russia_china.events)
    # "Russia and China condemned the United States": a joint act towards a third party.
    assert not any(e.date == date(2023, 6, 1) and e.type == "ACCUSE" for e in russia_china.events)
    # The same store has the shelling in a Russia–Ukraine timeline.
    ukraine = build_timeline(
        reader, resolve_side(reader, "Russia"), resolve_side(reader, "Ukraine")
    )
    shelled = [e for e in ukraine.events if e.trigger == "shelled"]
    assert len(shelled) == 2 and {e.direction for e in shelled} == {"A→B"}


def test_negated_and_hypothetical_events_are_listed_not_counted(russia_china):
    may = russia_china.periods[3]
    listed = [e for e in russia_china.events if e.date and e.date.month == 5]
    modalities = {e.trigger: e.modality for e in listed}
    assert modalities["sign"] == "negated" and modalities["attacks"] == "hypothetical"
    assert may.events == len(listed) and may.counted == may.events - 2
    counted = [e.goldstein for e in listed if e.counted]
    assert may.index == pytest.approx(sum(counted) / len(counted), abs=0.01)
    assert any("negated or hypothetical" in note for note in russia_china.notes)


def test_undated_events_are_listed_not_plotted(russia_china):
    praised = [e for e in russia_china.undated if e.trigger == "praised"]
    assert len(praised) == 1 and praised[0].actor == "Xi Jinping"
    assert praised[0].outlet == "Undated Daily"
    assert sum(p.events for p in russia_china.periods) == len(russia_china.dated)
    assert any("undated" in note for note in russia_china.notes)


def test_statements_each_made_about_the_other(russia_china, reader):
    wang = [s for s in russia_china.statements if s.speaker == "Wang Yi"]
    assert len(wang) == 1
    assert wang[0].about == "Russia" and wang[0].content == "Russia was a reliable partner"
    assert wang[0].direction == "B→A" and wang[0].date == date(2023, 2, 22)
    assert wang[0].sentence == "Wang said Russia was a reliable partner."
    assert russia_china.periods[0].statements >= 1
    # What Ukrainian officials said about Russia is not in the Russia–China timeline.
    assert all("Kharkiv" not in s.content for s in russia_china.statements)
    # A person against a state: Wang Yi's words about Russia, his meeting with Putin.
    person = build_timeline(reader, resolve_side(reader, "Wang Yi"), resolve_side(reader, "Russia"))
    assert [s.content for s in person.statements] == ["Russia was a reliable partner"]
    assert {(e.trigger, e.direction) for e in person.events} == {("met", "A→B"), ("signed", "A↔B")}


def test_weeks_start_on_monday(reader):
    timeline = build_timeline(
        reader, resolve_side(reader, "Russia"), resolve_side(reader, "China"), by="week"
    )
    first = timeline.periods[0]
    assert (first.start, first.end) == (date(2023, 2, 20), date(2023, 2, 26))
    assert period_label(first, "week") == "2023-02-20"
    assert all(p.start.weekday() == 0 for p in timeline.periods)
    assert sum(p.events for p in timeline.periods) == len(timeline.dated)


def test_sides_must_differ(reader):
    russia = resolve_side(reader, "Russia")
    with pytest.raises(ValueError, match="overlap"):
        build_timeline(reader, russia, resolve_side(reader, "Putin"))
    with pytest.raises(ValueError, match="week"):
        build_timeline(reader, russia, resolve_side(reader, "China"), by="year")


def test_plot_writes_a_png(russia_china, tmp_path):
    path = tmp_path / "dyad.png"
    plot(russia_china, path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000


def test_plot_writes_a_self_contained_html_page(russia_china, tmp_path):
    path = tmp_path / "dyad.html"
    plot(russia_china, path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<img alt="' in page and 'src="data:image/png;base64,iVBORw0KGgo' in page
    assert "<table>" in page and "<td>2023-02</td>" in page
    assert "Russia was a reliable partner" in page
    assert "Russia ↔ China" in page


def test_html_escapes_what_it_shows(russia_china):
    page = to_html(russia_china, png=b"not really a png")
    assert "Russia&#x27;s decision" in page and "Russia's decision" not in page


def test_a_chart_with_nothing_dated(tmp_path):
    side_a = Side("A", frozenset({"AAA"}), frozenset({"AAA"}), "Aland")
    side_b = Side("B", frozenset({"bee"}), frozenset(), "Bee")
    undated = TimelineEvent(None, "x", 0, "Aland", "Bee", "A→B", "CONSULT", None, 1, 1.0,
                            "asserted", "met", "Aland met Bee.", None, None)  # fmt: skip
    timeline = Timeline(side_a, side_b, "month", [], [undated], [])
    plot(timeline, tmp_path / "empty.png")
    assert (tmp_path / "empty.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_matplotlib_is_imported_only_to_draw():
    code = "import sys, communique.crossdoc.timeline; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_plot_refuses_other_formats(russia_china, tmp_path):
    with pytest.raises(ValueError, match=r"\.png or \.html"):
        plot(russia_china, tmp_path / "dyad.svg")
    assert not (tmp_path / "dyad.svg").exists()


def test_print_timeline_fits_100_columns(russia_china):
    console = Console(record=True, width=100, color_system=None)
    print_timeline(console, russia_china)
    text = console.export_text()
    assert all(len(line) <= 100 for line in text.splitlines())
    assert "Russia ↔ China by month" in text
    assert "2023-02" in text and "2023-04" in text and "+1.00" in text and "-1.00" in text
    assert "Wang Yi → Vladimir" in text and "CONSULT" in text
    assert f"{russia_china.periods[0].index:+.1f}" in text
    assert "Wang Yi → Russia" in text and "reliable partner" in text
    assert "undated" in text and "not counted" in text


def test_the_command_line(store, tmp_path):
    help_text = run_in_process("timeline", "--help")
    if help_text.returncode != 0:
        pytest.skip("the timeline command is not in the command line yet")
    chart = tmp_path / "dyad.png"
    result = run_in_process("timeline", "Russia", "China", "--db", store, "--out", chart)
    assert result.returncode == 0, result.stderr
    assert "Russia ↔ China" in result.stdout and "reliable partner" in result.stdout
    assert chart.read_bytes()[:4] == b"\x89PNG"
    missing = run_in_process("timeline", "Russia", "Narnia", "--db", store)
    assert missing.returncode == 1 and "Narnia" in missing.stderr
    unlinked = run_in_process("timeline", "Belarus", "Ukraine", "--db", store)
    assert unlinked.returncode == 1 and "no event or statement" in unlinked.stderr
