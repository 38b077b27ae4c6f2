"""The web app in a real browser: headless Chromium (Debian's, driven by Playwright) clicks
from the overview to a dyad, a bar, an event and its article; filters change the URL; the
chart draws; hostile articles run nothing. Screenshots of each page go to
test-artifacts/screenshots/ for a reviewer to look at (not committed)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.web.conftest import HOSTILE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it with apt-get)"
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    opened.errors = errors
    yield opened
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_from_the_overview_down_to_the_sentence(page, served_dated):
    page.goto(served_dated.url + "/")
    _shot(page, "overview")
    page.get_by_role("link", name=re.compile("Russia.*Ukraine|Ukraine.*Russia")).first.click()
    page.wait_for_url(re.compile(r"/dyad\?"))
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() > 0
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 0 and box["width"] > 0  # the chart has marks
    _shot(page, "dyad")
    page.locator("svg.timeline a.slot:has(rect.bar)").first.click()
    page.wait_for_url(re.compile(r"period="))
    chosen = re.search(r"period=([\d-]+)", page.url)[1]
    assert chosen in page.locator("#events-h").inner_text()
    _shot(page, "dyad-period")
    page.locator('#events a[href^="/event/"]').first.click()
    page.wait_for_url(re.compile(r"/event/ev-"))
    assert page.locator("blockquote.sentence mark.trigger").count() >= 1
    _shot(page, "event")
    page.get_by_role("link", name="Read it in the article").first.click()
    page.wait_for_url(re.compile(r"/article/[0-9a-f]+#event-\d+"))
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor}").is_visible()
    assert page.locator(".article-text mark.trigger").count() >= 1
    assert page.locator(".article-text mark.mention").count() >= 1
    _shot(page, "article")
    assert page.errors == []


def test_a_filter_changes_the_url_and_the_results(page, served_dated):
    page.goto(served_dated.url + "/events")
    everything = page.locator("table.list tbody tr").count()
    page.get_by_label("Type").fill("ASSAULT")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"type=ASSAULT"))
    rows = page.locator("table.list tbody tr")
    assert 0 < rows.count() < everything
    for n in range(rows.count()):
        assert "ASSAULT" in rows.nth(n).locator("td").nth(1).inner_text()
    _shot(page, "events-filtered")
    page.goto(served_dated.url + "/statements")
    _shot(page, "statements")
    page.goto(served_dated.url + "/stories")
    _shot(page, "stories")
    page.goto(served_dated.url + "/conflicts")
    _shot(page, "conflicts")
    page.goto(served_dated.url + "/actors?q=Putin")
    page.get_by_role("link", name="Vladimir Putin").first.click()
    page.wait_for_url(re.compile(r"/actor/"))
    assert "Statements by Vladimir Putin" in page.locator("main").inner_text()
    _shot(page, "actor")


def test_keyboard_and_a_phone_screen(browser, served_dated):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served_dated.url + "/dyad?a=Russia&b=Ukraine")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390 + 1, wide  # nothing wider than the phone's screen
    for label in ("Event type", "Outlet", "From", "To"):
        assert page.get_by_label(label, exact=True).count() == 1  # every control is labelled
    _shot(page, "dyad-phone")
    context.close()


def test_hostile_articles_run_nothing_and_show_as_written(page, served_hostile):
    page.goto(served_hostile.url + "/stories")
    links = page.locator('a[href^="/article/"]')
    targets = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert len(targets) == 2
    for path in ["/", "/events", "/statements", "/stories", *targets]:
        page.goto(served_hostile.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    headings = {}
    for target in targets:
        page.goto(served_hostile.url + target)
        headings[page.locator("h1").inner_text()] = page.locator(".article-text").inner_text()
    assert HOSTILE["title"] in headings  # the title as written, the script as text
    notes = headings["Notes on the Moscow talks"]
    assert "<script>window.__pwned = 5</script>" in notes
    assert '<img src=x onerror="window.__pwned = 2">' in notes
    page.goto(served_hostile.url + "/stories")
    table = page.locator("table.list").inner_text()
    assert HOSTILE["title"] in table
    assert '<b onmouseover="window.__pwned = 4">Evil</b> [bold]Desk[/bold]' in table
    assert page.locator('a[href^="javascript:"]').count() == 0
    _shot(page, "hostile")
    assert page.errors == []
