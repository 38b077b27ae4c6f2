"""The web app's pages over HTTP: each page and its data, the filters in the URL, JSON equal
to `communique export`, errors as pages, security headers, a busy store."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from starlette.testclient import TestClient

from communique.web import create_app
from communique.web.app import SECURITY, link_url
from communique.web.marks import Mark, pieces
from tests.conftest import held_elsewhere
from tests.web.conftest import HOSTILE


@pytest.fixture(scope="module")
def client(seeds_store):
    return TestClient(create_app(seeds_store))


@pytest.fixture(scope="module")
def dated(dated_store):
    return TestClient(create_app(dated_store))


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", ["Most active dyads", "Most mentioned", "Seed desk"]),
        ("/actors?q=putin", ["Vladimir Putin"]),
        ("/actor/vladimir-putin", ["Vladimir Putin", "Statements by Vladimir Putin"]),
        ("/dyad", ["Two sides over time"]),
        ("/dyad?a=China&b=Russia", ["China ↔ Russia", "Source mix", "What each said"]),
        ("/events", ["Events"]),
        ("/statements?speaker=Putin", ["Vladimir Putin", '<mark class="speaker"']),
        ("/conflicts", ["Where sources disagree"]),
        ("/stories", ["Stories"]),
    ],
)
def test_every_page_answers_with_its_content(client, path, words):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    for word in words:
        assert word in response.text, word
    for name, value in SECURITY.items():
        assert response.headers[name] == value


def test_a_list_as_json_equals_the_export_for_the_same_filter(client, seeds_store, cli):
    exported = _jsonl(cli("export", "events", "--db", seeds_store, "--actor", "Russia").stdout)
    page = client.get("/events?actor=Russia&format=json&per=1000").json()
    assert page["total"] == len(exported) > 0
    assert page["rows"] == exported
    statements = _jsonl(
        cli("export", "statements", "--db", seeds_store, "--speaker", "Putin").stdout
    )
    assert client.get("/statements?speaker=Putin&format=json").json()["rows"] == statements
    stories = _jsonl(cli("export", "stories", "--db", seeds_store).stdout)
    assert client.get("/stories?format=json&per=1000").json()["rows"] == stories != []
    csv = client.get("/events?actor=Russia&format=csv&per=1000")
    assert csv.headers["content-type"].startswith("text/csv")
    assert len(csv.text.strip().splitlines()) >= len(exported) + 1


@pytest.mark.parametrize("actor", ["vladimir-putin", "RUS"])
def test_an_actor_page_lists_the_latest_of_what_the_filters_find(client, actor):
    page = client.get(f"/actor/{actor}?format=json").json()
    for name, table, option in [
        ("said", "statements", "speaker"),
        ("said_about", "statements", "about"),
        ("did", "events", "actor"),
        ("done_to", "events", "recipient"),
    ]:
        found = client.get(f"/{table}?{option}={actor}&format=json&per=1000").json()
        keys = {(row["article_id"], row["index"]) for row in found["rows"]}
        listed = [(row["article_id"], row["index"]) for row in page[name]]
        assert page["counts"][name] == found["total"], name
        assert len(listed) == min(10, found["total"]) and set(listed) <= keys, name
        if table == "events":  # the latest first
            days = [row["date"] or "" for row in page[name]]
            assert days == sorted(days, reverse=True), name
    assert page["counts"]["did"] > 0 and page["counts"]["said"] > 0


def test_pages_sorted_by_any_column_never_overlap(client):
    for path in ("/stories?sort=-date", "/stories?sort=articles", "/stories?outlet=seed",
                 "/events?sort=mode", "/statements?sort=-index"):  # fmt: skip
        total = client.get(f"{path}&format=json&per=1000").json()["rows"]
        pages = [client.get(f"{path}&format=json&per=3&page={n}").json() for n in (1, 2, 3, 4)]
        paged = [row for page in pages for row in page["rows"]]
        assert paged == total[:12], path


def test_the_busiest_dyads_are_between_states(client):
    from communique.analysis.resources import knowledge_base

    states = knowledge_base().countries
    dyads = client.get("/?format=json").json()["dyads"]
    assert dyads and all(d["a"] in states and d["b"] in states for d in dyads)


def test_filters_pages_and_sorting_live_in_the_url(client):
    everything = client.get("/events?format=json&per=1000").json()
    first = client.get("/events?format=json&per=5").json()
    second = client.get("/events?format=json&per=5&page=2").json()
    assert first["rows"] == everything["rows"][:5] and second["rows"] == everything["rows"][5:10]
    assert first["pages"] == -(-everything["total"] // 5)
    consult = client.get("/events?type=consult&format=json&per=1000").json()
    assert {row["event"] for row in consult["rows"]} == {"CONSULT"}
    ordered = client.get("/events?sort=-goldstein&format=json&per=1000").json()["rows"]
    scores = [row["goldstein"] for row in ordered if row["goldstein"] is not None]
    assert scores == sorted(scores, reverse=True)
    html = client.get("/events?type=CONSULT").text
    assert 'name="type" type="text" value="CONSULT"' in html  # the form shows the filter


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/events?since=March", 400, "since=&#39;March&#39;: not a date"),
        ("/events?type=fight", 400, "type=&#39;fight&#39;: choose one of AGREE"),
        ("/events?sort=nothing", 400, "no such column"),
        ("/events?per=100000", 400, "per=&#39;100000&#39;: give a number from 1 to 1000"),
        ("/events?actor=Atlantis", 404, "no actor called &#39;Atlantis&#39;"),
        ("/event/ev-nothing", 404, "no merged event"),
        ("/article/0000", 404, "no article"),
        ("/actor/nobody", 404, "no actor"),
        ("/sentences", 404, ""),
        ("/events?per=%C2%B2", 400, "give a number from 1 to 1000"),  # a superscript two
        ("/dyad?a=China&b=Russia&modality=ASSERTED", 400, "modality=&#39;ASSERTED&#39;"),
        ("/conflicts?kind=xyz", 400, "kind=&#39;xyz&#39;: choose one of date"),
    ],
)
def test_bad_requests_are_pages_that_say_why(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status
    assert message in response.text
    assert "Traceback" not in response.text


def test_the_dyad_chart_links_each_period_to_its_events(dated):
    page = dated.get("/dyad?a=Russia&b=Ukraine")
    assert page.status_code == 200
    bars = re.findall(r'<rect [^>]*class="bar q(\d)"', page.text)
    assert bars, "the chart has drawn bars"
    links = re.findall(r'<a href="([^"]*period=[^"#]+)#events"', page.text)
    assert links
    data = dated.get("/dyad?a=Russia&b=Ukraine&format=json").json()
    period = next(p["label"] for p in data["periods"] if p["events"])
    listed = dated.get(f"/dyad?a=Russia&b=Ukraine&period={period}&format=json").json()
    assert listed["events"] and all(
        e["date"] is not None and e["date"].startswith(period) for e in listed["events"]
    )
    mix = {row["key"]: row["count"] for row in data["mix_events"]}
    assert sum(mix.values()) == data["counts"]["events"]
    assert mix["state"] == data["counts"]["events"]  # Voice of America: US state media


def test_from_an_event_to_every_report_and_the_article(dated):
    events = dated.get("/events?format=json&per=1000").json()["rows"]
    merged = next(row["merged_id"] for row in events if row["merged_id"])
    page = dated.get(f"/event/{merged}")
    assert page.status_code == 200
    assert '<mark class="trigger"' in page.text
    article_id = re.search(r'href="/article/([0-9a-f]+)#event-\d+"', page.text)[1]
    article = dated.get(f"/article/{article_id}")
    assert article.status_code == 200
    assert 'id="event-0"' in article.text and 'mark class="mention actor-' in article.text


def test_hostile_articles_are_shown_as_written(hostile_store):
    client = TestClient(create_app(hostile_store))
    articles = client.get("/stories?format=json").json()["rows"]
    for path in ["/", "/events", "/statements", "/stories",
                 *(f"/article/{row['article_id']}" for row in articles)]:  # fmt: skip
        text = client.get(path).text
        assert "<script>window" not in text and "<img src=x" not in text
        assert 'onmouseover="window' not in text
        assert 'href="javascript:' not in text
    by_title = {row["title"]: row["article_id"] for row in articles}
    exported = client.get(f"/article/{by_title[HOSTILE['title']]}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Lavrov in Moscow" in exported
    assert "javascript:window.__pwned = 3" in exported  # the URL, as text only
    noted = client.get(f"/article/{by_title['Notes on the Moscow talks']}").text
    assert "&lt;script&gt;window.__pwned = 5&lt;/script&gt;" in noted
    assert "&lt;img src=x onerror=" in noted


def test_only_http_urls_become_links():
    assert link_url("https://example.org/a") == "https://example.org/a"
    assert link_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//x.org",
                "vbscript:x", None, "http://[::1"):  # fmt: skip
        assert link_url(bad) is None


def test_marks_cut_text_at_every_edge():
    text = "Lavrov met Wang Yi in Moscow."
    marks = [Mark(0, 6, "mention", "m", "mention-0", "Sergey Lavrov"),
             Mark(7, 10, "trigger", "t", "event-0", "CONSULT"),
             Mark(0, 29, "statement", "s", "statement-0", "statement")]  # fmt: skip
    cut = pieces(text, marks)
    assert "".join(p.text for p in cut) == text
    assert [p.text for p in cut] == ["Lavrov", " ", "met", " Wang Yi in Moscow."]
    assert cut[0].anchor == "mention-0" and cut[2].anchor == "event-0"
    assert cut[0].classes == "m s"


def test_a_store_held_for_writing_gives_a_page_that_reloads(seeds_store, tmp_path):
    copy = tmp_path / "busy.duckdb"
    shutil.copy(seeds_store, copy)
    client = TestClient(create_app(copy))
    assert client.get("/").status_code == 200  # the app holds nothing between requests
    with held_elsewhere(copy, read_only=False):
        busy = client.get("/events")
        assert busy.status_code == 503 and busy.headers["retry-after"] == "3"
        assert '<meta http-equiv="refresh" content="3">' in busy.text
        assert "being written" in busy.text
    assert client.get("/events").status_code == 200  # and it recovers by itself
