"""Ingest by format, with real files: what each reader keeps, drops, names and reports."""

from __future__ import annotations

import csv
import datetime
import gzip
import json
import textwrap
from pathlib import Path

import pytest

from communique.ingest import ReadOptions, read_file, read_paths
from communique.records import Article, Problem

# --------------------------------------------------------------------------------------------
# helpers


def read(path: Path, **options) -> list[Article | Problem]:
    return list(read_file(path, ReadOptions(**options)))


def articles_of(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems_of(items) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def only_article(items) -> Article:
    """The one article read, with no problem but the note of columns no field reads."""
    problems = [p for p in problems_of(items) if p.kind != "columns"]
    assert not problems, problems
    found = articles_of(items)
    assert len(found) == 1, found
    return found[0]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ingest_and_export(cli, tmp_path: Path, *args: str) -> list[dict]:
    """Run ``communique ingest ... --no-analyse`` then export the stored articles."""
    db = tmp_path / "store.duckdb"
    ingested = cli("ingest", *args, "--db", db, "--no-analyse")
    assert ingested.returncode == 0, ingested.stderr
    exported = cli("export", "articles", "--db", db)
    assert exported.returncode == 0, exported.stderr
    return [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


# --------------------------------------------------------------------------------------------
# plain text: the seeds


def test_txt_headline_line_becomes_title_and_leaves_the_text(seeds):
    raw = seeds["002"].read_text(encoding="utf-8")
    article = only_article(read(seeds["002"]))
    assert (
        article.title == "China and Russia Reaffirm Multilateralism and Peace Amid Talks on Ukraine"
    )
    assert article.title not in article.text
    assert article.text.startswith("High-ranking officials from China and Russia conveyed")
    # Nothing but the headline left the text.
    assert article.title.split() + article.text.split() == raw.split()
    assert article.format == "text"
    assert article.source == str(seeds["002"])


@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_txt_without_headline_has_no_title_and_keeps_every_word(seeds, seed):
    raw = seeds[seed].read_text(encoding="utf-8")
    article = only_article(read(seeds[seed]))
    assert article.title is None
    assert article.text.split() == raw.split()


def test_txt_first_sentence_is_not_mistaken_for_a_title(seeds):
    article = only_article(read(seeds["000"]))
    assert article.title is None
    assert article.text.startswith(
        "Chinese Foreign Minister Qin Gang stressed that the partnership between China and Russia"
    )


def test_txt_short_first_line_ending_like_a_sentence_is_not_a_title(tmp_path):
    path = write(tmp_path / "a.txt", "Wang Yi met Putin.\nThey talked about trade and Ukraine.\n")
    article = only_article(read(path))
    assert article.title is None
    assert article.text == "Wang Yi met Putin.\nThey talked about trade and Ukraine."


def test_txt_headline_on_a_windows_file_is_split_off(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        b"Wang Yi meets Putin in Moscow\r\n\r\nChina's top diplomat met Putin on Wednesday.\r\n"
    )
    article = only_article(read(path))
    assert article.title == "Wang Yi meets Putin in Moscow"
    assert article.text == "China's top diplomat met Putin on Wednesday."


# --------------------------------------------------------------------------------------------
# plain text: a raw page scrape (seed 004)

SCRAPE_TITLE = "China and Russia won’t be swayed by others, Beijing’s top diplomat tells Putin"
VIDEO_CAPTION = "US president Joe Biden pledges more weapons for Ukraine on surprise visit to Kyiv"


@pytest.fixture
def scrape(seeds) -> tuple[str, Article]:
    raw = seeds["004"].read_text(encoding="utf-8")
    return raw, only_article(read(seeds["004"]))


def test_scrape_title_is_the_headline_not_the_furniture_above_it(scrape):
    _, article = scrape
    assert article.title == SCRAPE_TITLE
    assert SCRAPE_TITLE not in article.text


@pytest.mark.parametrize(
    "furniture", ["Advertisement", "Get more with myNEWS", "Learn more", "Ukraine war: 1 year on"]
)
def test_scrape_promotion_lines_are_removed(scrape, furniture):
    _, article = scrape
    assert furniture not in article.text


def test_scrape_video_player_is_removed(scrape):
    raw, article = scrape
    assert raw.count(VIDEO_CAPTION) == 2  # the scrape really carries the caption twice
    assert VIDEO_CAPTION not in article.text
    assert "03:29" not in lines_of(article.text)
    assert "03:29" not in article.text


def test_video_title_after_its_running_time_is_removed_even_when_printed_once(tmp_path):
    path = write(
        tmp_path / "scrape.txt",
        "Wang Yi told Vladimir Putin that ties had withstood pressure, the Kremlin said.\n\n"
        "02:15\n\n"
        "Xi Jinping arrives in Moscow for a state visit\n\n"
        "Putin said trade between the two countries would reach its target early.\n",
    )
    article = only_article(read(path))
    assert article.text == (
        "Wang Yi told Vladimir Putin that ties had withstood pressure, the Kremlin said.\n\n"
        "Putin said trade between the two countries would reach its target early."
    )


def test_scrape_photo_caption_and_comment_counter_are_removed(scrape):
    _, article = scrape
    assert "Photo: AFP" not in (article.title or "")
    assert not any(line.endswith("Photo: AFP") for line in lines_of(article.text))
    assert "Photo: AFP" not in article.text
    assert "242" not in lines_of(article.text)
    assert article.text.rstrip().endswith("Patrushev said.")


def test_scrape_keeps_the_article_paragraphs(scrape):
    _, article = scrape
    assert article.text.startswith("• Wang says the two countries have stood up to pressure")
    first = next(line for line in lines_of(article.text) if line.startswith("Top Chinese"))
    assert first.startswith(
        "Top Chinese diplomat Wang Yi told Russian President Vladimir Putin on Wednesday"
    )
    assert "China calls for UN to investigate ‘deliberate’ Nord Stream pipeline blasts" in (
        lines_of(article.text)
    )
    last = [line for line in lines_of(article.text) if line][-1]
    assert last.startswith("“Our [two] countries are in favour of building a more just world order")
    assert last.endswith("Patrushev said.")


def test_scrape_loses_no_prose_line(scrape):
    raw, article = scrape
    kept = set(lines_of(article.text))
    prose = [line.strip() for line in raw.splitlines() if len(line.split()) >= 25]
    assert len(prose) > 20
    assert [line for line in prose if line not in kept] == []


def test_scrape_keeps_paragraphs_apart_with_one_blank_line(scrape):
    _, article = scrape
    assert "\n\n\n" not in article.text
    assert (
        "Wang also said China was ready to deepen strategic cooperation with Russia.\n\n"
        "Putin told Wang" in article.text
    )


# --------------------------------------------------------------------------------------------
# Markdown

MD_BODY = """\
China's top diplomat **Wang Yi** met *Vladimir Putin* in Moscow on Wednesday, according to
[the Kremlin](https://kremlin.ru/events "Kremlin events").

Both sides said _relations_ were __developing steadily__ despite `pressure` from the West.
"""


def test_md_front_matter_gives_title_date_url_and_outlet(tmp_path):
    path = write(
        tmp_path / "wang.md",
        "---\n"
        'title: "Wang Yi meets Putin: ties withstand pressure"\n'
        "date: 2023-02-22\n"
        "url: https://globalwire.example.com/world/wang-putin\n"
        "outlet: Global Wire\n"
        "tags: china, russia\n"
        "---\n\n" + MD_BODY,
    )
    article = only_article(read(path))
    assert article.title == "Wang Yi meets Putin: ties withstand pressure"
    assert article.date == datetime.date(2023, 2, 22)
    assert article.url == "https://globalwire.example.com/world/wang-putin"
    assert article.outlet == "Global Wire"
    assert article.format == "markdown"
    assert "---" not in article.text
    assert "tags" not in article.text
    assert article.text.startswith("China's top diplomat Wang Yi met Vladimir Putin")


def test_md_heading_is_the_title_without_front_matter(tmp_path):
    path = write(tmp_path / "wang.md", "# Wang Yi meets Putin in Moscow\n\n" + MD_BODY)
    article = only_article(read(path))
    assert article.title == "Wang Yi meets Putin in Moscow"
    assert "#" not in article.text
    assert "Wang Yi meets Putin in Moscow" not in article.text
    assert article.date is None and article.url is None and article.outlet is None


def test_md_links_keep_their_text_and_markup_is_removed(tmp_path):
    path = write(tmp_path / "wang.md", "# Wang Yi meets Putin in Moscow\n\n" + MD_BODY)
    article = only_article(read(path))
    assert "according to\nthe Kremlin." in article.text
    assert "kremlin.ru" not in article.text
    assert "Both sides said relations were developing steadily despite pressure from the West." in (
        article.text
    )
    for marker in ("*", "_", "`", "[", "]", "(", ")"):
        assert marker not in article.text, marker


def test_md_images_quotes_and_rules_keep_the_paragraphs_apart(tmp_path):
    path = write(
        tmp_path / "wang.md",
        textwrap.dedent(
            """\
            # Wang Yi meets Putin in Moscow

            China's top diplomat met Vladimir Putin in Moscow on Wednesday.

            ![Wang and Putin](https://example.com/photo.jpg)

            > Relations have withstood pressure, Wang said.
            >
            > The two countries are not swayed by third parties.

            ## Trade

            Putin said trade would reach its target early.

            ---

            [kremlin]: https://kremlin.ru

            Xi is expected in Moscow in the spring.
            """
        ),
    )
    article = only_article(read(path))
    assert article.text == (
        "China's top diplomat met Vladimir Putin in Moscow on Wednesday.\n\n"
        "Relations have withstood pressure, Wang said.\n\n"
        "The two countries are not swayed by third parties.\n\n"
        "Trade\n\n"
        "Putin said trade would reach its target early.\n\n"
        "Xi is expected in Moscow in the spring."
    )


# --------------------------------------------------------------------------------------------
# HTML pages

PARAGRAPHS = [
    "China's top diplomat Wang Yi told Russian President Vladimir Putin on Wednesday that "
    "relations between the two countries had withstood pressure from the international "
    "community.",
    "Wang, the most senior Chinese official to visit Moscow since the invasion of Ukraine began "
    "a year ago, met Putin after talks with Foreign Minister Sergey Lavrov earlier in the day.",
    "Putin said he was looking forward to a visit by Chinese President Xi Jinping, adding that "
    "trade between the neighbours would reach its target earlier than planned.",
]
PAGE = f"""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Wang Yi meets Putin in Moscow | Global Wire</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Global Wire">
<meta property="og:title" content="Wang Yi meets Putin in Moscow">
<meta property="article:published_time" content="2023-02-22T10:00:00Z">
<link rel="canonical" href="https://globalwire.example.com/world/wang-yi-meets-putin">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article"}});</script>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to improve your experience. Accept all cookies to keep browsing.</p>
  <button>Accept all</button>
</div>
<nav class="main-menu">
  <ul>
    <li><a href="/">Home</a></li>
    <li><a href="/world">World Politics Desk</a></li>
    <li><a href="/business">Business Markets Today</a></li>
  </ul>
</nav>
<header class="site-header">
  <a class="logo" href="/">Global Wire</a>
  <p class="tagline">Independent reporting since 1998</p>
</header>
<main>
<article>
  <h1>Wang Yi meets Putin in Moscow</h1>
  <p class="byline">By Staff Reporter</p>
  <p>{PARAGRAPHS[0]}</p>
  <p>{PARAGRAPHS[1]}</p>
  <p>{PARAGRAPHS[2]}</p>
</article>
<aside class="related">
  <h2>Related stories</h2>
  <ul>
    <li><a href="/world/grain">Lavrov hosts talks on grain corridor extension</a></li>
    <li><a href="/business/markets">Markets rally as inflation cools in Europe</a></li>
  </ul>
</aside>
</main>
<footer>
  <p>Copyright 2023 Global Wire Media Group. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a>
</footer>
</body>
</html>
"""
PAGE_FURNITURE = [
    "cookies",
    "Accept all",
    "World Politics Desk",
    "Business Markets Today",
    "Independent reporting since 1998",
    "Related stories",
    "grain corridor",
    "Markets rally",
    "Copyright",
    "All rights reserved",
    "Privacy policy",
    "dataLayer",
]


def check_page_article(article: Article) -> None:
    positions = [article.text.find(paragraph) for paragraph in PARAGRAPHS]
    assert -1 not in positions, article.text
    assert positions == sorted(positions)
    for furniture in PAGE_FURNITURE:
        assert furniture not in article.text, furniture
    assert "<" not in article.text
    assert article.title == "Wang Yi meets Putin in Moscow"
    assert not article.text.startswith(article.title), "the headline is repeated in the body"
    assert article.date == datetime.date(2023, 2, 22)
    assert article.outlet == "Global Wire"
    assert article.url == "https://globalwire.example.com/world/wang-yi-meets-putin"
    assert article.format == "html"


def test_html_page_gives_article_text_and_metadata(tmp_path):
    path = write(tmp_path / "wang.html", PAGE)
    article = only_article(read(path))
    check_page_article(article)
    assert article.source == str(path)


def test_gzipped_html_page_reads_like_the_plain_page(tmp_path):
    plain = only_article(read(write(tmp_path / "wang.html", PAGE)))
    path = tmp_path / "wang.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    article = only_article(read(path))
    check_page_article(article)
    assert article.text == plain.text
    assert article.source == str(path)


def test_html_page_without_an_article_is_a_no_article_problem(tmp_path):
    path = write(
        tmp_path / "index.html",
        "<!DOCTYPE html><html><head><title>Global Wire</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>'
        "</nav><p>Page not found.</p></body></html>",
    )
    items = read(path)
    assert articles_of(items) == []
    assert [(problem.kind, problem.path) for problem in items] == [("no-article", str(path))]


# --------------------------------------------------------------------------------------------
# JSON Lines, JSON, CSV and TSV exports

WANG = {
    "headline": "Wang meets Putin",
    "body": "China's top diplomat Wang Yi met Vladimir Putin in Moscow on Wednesday.",
    "published": "2023-02-22T10:00:00Z",
    "link": "https://globalwire.example.com/a",
    "publisher": "Global Wire",
}
LAVROV = {
    "title": "Lavrov hosts Wang",
    "content": "Russian Foreign Minister Sergey Lavrov hosted Wang Yi for talks on Tuesday.",
    "date": "21 February 2023",
    "url": "https://reuters.example.com/b",
    "source": {"id": "reuters", "name": "Reuters"},
}


def jsonl(path: Path, *rows: dict | str) -> Path:
    """One line per row: a dict as JSON, a string as it is (blank lines, broken JSON)."""
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    return write(path, "\n".join(lines) + "\n")


def test_jsonl_finds_fields_by_their_usual_names(tmp_path):
    items = read(jsonl(tmp_path / "a.jsonl", WANG, LAVROV))
    assert problems_of(items) == []
    wang, lavrov = articles_of(items)
    assert wang.text == WANG["body"]
    assert wang.title == "Wang meets Putin"
    assert wang.date == datetime.date(2023, 2, 22)
    assert wang.url == "https://globalwire.example.com/a"
    assert wang.outlet == "Global Wire"
    assert wang.format == "jsonl"
    assert lavrov.text == LAVROV["content"]
    assert lavrov.outlet == "Reuters"  # from the nested "source": {"name": ...}
    assert lavrov.date == datetime.date(2023, 2, 21)


def test_jsonl_locator_names_the_physical_line(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", WANG, "", "{not json", LAVROV)
    items = read(path)
    assert [article.locator for article in articles_of(items)] == ["line 1", "line 4"]
    assert [(problem.kind, problem.line) for problem in problems_of(items)] == [("malformed", 3)]


def test_jsonl_record_without_text_is_a_problem_naming_its_line(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", WANG, {"title": "Teaser only", "url": "https://x.example"})
    items = read(path)
    assert [article.title for article in articles_of(items)] == ["Wang meets Putin"]
    (problem,) = problems_of(items)
    assert problem.kind == "no-text"
    assert problem.line == 2
    assert problem.path == str(path)
    assert str(problem).startswith(f"{path}:2: ")  # as the user is shown it


def test_unreadable_date_is_a_problem_but_the_article_is_kept(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {**WANG, "published": "sometime next week-ish"})
    items = read(path)
    (article,) = articles_of(items)
    assert article.date is None
    assert article.text == WANG["body"]
    (problem,) = problems_of(items)
    assert problem.kind == "date"
    assert problem.line == 1
    assert "sometime next week-ish" in problem.message


def test_html_in_a_text_field_becomes_plain_paragraphs(tmp_path):
    body = (
        '<div class="story"><p>Wang Yi met <b>Vladimir Putin</b> in Moscow.</p>'
        '<p>They discussed <a href="https://x.example/ukraine">Ukraine</a> and trade.</p>'
        "<script>track()</script></div>"
    )
    article = only_article(read(jsonl(tmp_path / "a.jsonl", {"title": "Wang", "text": body})))
    assert article.text == (
        "Wang Yi met Vladimir Putin in Moscow.\n\nThey discussed Ukraine and trade."
    )


def test_html_text_field_wrapped_across_source_lines_loses_no_words(tmp_path):
    # A line break inside a <p> is a space: the wrapped pieces ("2024,", "share") must not be
    # taken for page furniture (a counter, a share button) and dropped with their neighbours.
    body = (
        "<p>Putin said bilateral trade would pass US$200 billion in\n2024,\n"
        "earlier than planned, and that the two sides would\nshare\nmore data on energy.</p>"
        "\n<p>Wang agreed.</p>"
    )
    article = only_article(read(jsonl(tmp_path / "a.jsonl", {"text": body})))
    assert article.text == (
        "Putin said bilateral trade would pass US$200 billion in 2024, earlier than planned, "
        "and that the two sides would share more data on energy.\n\nWang agreed."
    )


def test_text_field_with_inline_tags_keeps_its_blank_line_paragraphs(tmp_path):
    body = "Wang Yi met <b>Vladimir Putin</b>\nin Moscow.\n\nThey discussed <i>Ukraine</i>."
    article = only_article(read(jsonl(tmp_path / "a.jsonl", {"text": body})))
    assert article.text == "Wang Yi met Vladimir Putin in Moscow.\n\nThey discussed Ukraine."


def test_field_override_picks_the_named_column(tmp_path):
    record = {
        "text": "A one-line teaser.",
        "story": "The full story: Wang Yi met Vladimir Putin in Moscow on Wednesday.",
        "kicker": "Wang in Moscow",
        "when": "2023-02-22",
    }
    path = jsonl(tmp_path / "a.jsonl", record)
    assert only_article(read(path)).text == "A one-line teaser."
    article = only_article(read(path, fields={"text": "story", "title": "kicker", "date": "when"}))
    assert article.text == record["story"]
    assert article.title == "Wang in Moscow"
    assert article.date == datetime.date(2023, 2, 22)


def test_field_override_naming_an_absent_column_is_a_problem_per_record(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", WANG, LAVROV)
    items = read(path, fields={"text": "story"})
    assert articles_of(items) == []
    assert [(problem.kind, problem.line) for problem in items] == [
        ("missing-field", 1),
        ("missing-field", 2),
    ]
    assert "story" in items[0].message


def test_json_list_of_records(tmp_path):
    path = write(tmp_path / "a.json", json.dumps([WANG, LAVROV], indent=2))
    items = read(path)
    assert problems_of(items) == []
    assert [(a.title, a.outlet, a.locator) for a in articles_of(items)] == [
        ("Wang meets Putin", "Global Wire", "record 1"),
        ("Lavrov hosts Wang", "Reuters", "record 2"),
    ]
    assert all(a.format == "json" for a in articles_of(items))


def test_json_records_under_an_articles_key(tmp_path):
    document = {"status": "ok", "totalResults": 2, "articles": [WANG, LAVROV]}
    path = write(tmp_path / "a.json", json.dumps(document))
    items = read(path)
    assert problems_of(items) == []
    assert [a.text for a in articles_of(items)] == [WANG["body"], LAVROV["content"]]


def test_json_single_record(tmp_path):
    path = write(tmp_path / "a.json", json.dumps(WANG))
    article = only_article(read(path))
    assert article.title == "Wang meets Putin"
    assert article.text == WANG["body"]


CSV_ROWS = [
    ["headline", "body", "published", "link", "publisher"],
    [
        "Wang meets Putin",
        'China\'s top diplomat met Putin, the Kremlin said.\n\nThey discussed "Ukraine", '
        "trade and energy.",
        "2023-02-22",
        "https://globalwire.example.com/a",
        "Global Wire",
    ],
    ["Lavrov hosts Wang", "Lavrov hosted Wang Yi in Moscow.", "21 Feb 2023", "", "Reuters"],
    ["No text here", "", "2023-02-23", "https://globalwire.example.com/c", "Reuters"],
]


def write_table(path: Path, rows: list[list[str]], delimiter: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return path


def test_csv_with_a_quoted_multiline_field(tmp_path):
    path = write_table(tmp_path / "a.csv", CSV_ROWS, ",")
    items = read(path)
    wang, lavrov = articles_of(items)
    assert wang.text == (
        "China's top diplomat met Putin, the Kremlin said.\n\n"
        'They discussed "Ukraine", trade and energy.'
    )
    assert (wang.title, wang.date, wang.url, wang.outlet) == (
        "Wang meets Putin",
        datetime.date(2023, 2, 22),
        "https://globalwire.example.com/a",
        "Global Wire",
    )
    assert wang.format == "csv"
    assert lavrov.url is None  # an empty cell is no value
    assert lavrov.date == datetime.date(2023, 2, 21)


def test_csv_locators_point_at_the_line_each_row_starts_on(tmp_path):
    path = write_table(tmp_path / "a.csv", CSV_ROWS, ",")
    lines = path.read_text(encoding="utf-8").splitlines()
    items = read(path)
    located = [(item.locator, item.title) for item in articles_of(items)]
    assert located == [("line 2", "Wang meets Putin"), ("line 5", "Lavrov hosts Wang")]
    for locator, title in located:
        assert lines[int(locator.split()[1]) - 1].startswith(title)
    (problem,) = problems_of(items)
    assert problem.kind == "no-text"
    assert problem.line == 6
    assert lines[problem.line - 1].startswith("No text here")


def test_tsv_is_read_with_tabs(tmp_path):
    path = write_table(tmp_path / "a.tsv", CSV_ROWS, "\t")
    items = read(path)
    assert [(a.title, a.outlet, a.locator) for a in articles_of(items)] == [
        ("Wang meets Putin", "Global Wire", "line 2"),
        ("Lavrov hosts Wang", "Reuters", "line 5"),
    ]
    assert articles_of(items)[0].text.startswith(
        "China's top diplomat met Putin, the Kremlin said."
    )
    assert [problem.line for problem in problems_of(items)] == [6]


def test_semicolon_csv_is_sniffed(tmp_path):
    path = write_table(tmp_path / "a.csv", CSV_ROWS, ";")
    assert [a.title for a in articles_of(read(path))] == ["Wang meets Putin", "Lavrov hosts Wang"]


def test_csv_text_override(tmp_path):
    rows = [
        ["title", "summary", "story"],
        ["Wang meets Putin", "Teaser.", "Wang Yi met Vladimir Putin in Moscow on Wednesday."],
    ]
    path = write_table(tmp_path / "a.csv", rows, ",")
    article = only_article(read(path, fields={"text": "story"}))
    assert article.text == "Wang Yi met Vladimir Putin in Moscow on Wednesday."


def test_outlet_option_fills_only_missing_outlets(tmp_path):
    no_outlet = {key: value for key, value in WANG.items() if key != "publisher"}
    path = jsonl(tmp_path / "a.jsonl", no_outlet, LAVROV)
    assert [a.outlet for a in articles_of(read(path, outlet="Xinhua"))] == ["Xinhua", "Reuters"]


# --------------------------------------------------------------------------------------------
# RSS and Atom feeds

RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Global Wire World News</title>
  <link>https://globalwire.example.com/</link>
  <description>World news from Global Wire</description>
  <item>
    <title>Wang Yi meets Putin in Moscow</title>
    <link>https://globalwire.example.com/world/wang-putin</link>
    <guid>https://globalwire.example.com/world/wang-putin</guid>
    <pubDate>Wed, 22 Feb 2023 10:00:00 GMT</pubDate>
    <description>Teaser: the diplomats met.</description>
    <content:encoded><![CDATA[<p>China's top diplomat Wang Yi met Vladimir Putin in
      Moscow.</p><p>Both said relations were <em>developing steadily</em>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lavrov hosts Wang</title>
    <link>https://globalwire.example.com/world/lavrov-wang</link>
    <pubDate>Tue, 21 Feb 2023 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Sergey Lavrov hosted Wang Yi for talks on Tuesday.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://globalwire.example.com/world/gallery</link>
    <pubDate>Tue, 21 Feb 2023 07:00:00 GMT</pubDate>
  </item>
</channel>
</rss>
"""

ATOM = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Eurasia Monitor</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
  <updated>2023-02-22T12:00:00Z</updated>
  <entry>
    <title>Patrushev meets Wang</title>
    <link rel="alternate" href="https://eurasia.example.org/patrushev-wang"/>
    <id>urn:uuid:1</id>
    <published>2023-02-21T18:30:00Z</published>
    <updated>2023-02-22T09:00:00Z</updated>
    <summary>Short summary of the meeting.</summary>
    <content type="html">&lt;p&gt;Nikolai Patrushev met Wang Yi.&lt;/p&gt;&lt;p&gt;He described the
      ties as solid as a rock.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Xinhua on the talks</title>
    <link href="https://eurasia.example.org/xinhua"/>
    <id>urn:uuid:2</id>
    <updated>2023-02-20T09:00:00Z</updated>
    <summary>Xinhua said the two sides discussed the international situation.</summary>
  </entry>
  <entry>
    <title>Empty entry</title>
    <link href="https://eurasia.example.org/empty"/>
    <id>urn:uuid:3</id>
    <updated>2023-02-20T08:00:00Z</updated>
  </entry>
</feed>
"""


def test_rss_gives_one_article_per_item_with_its_metadata(tmp_path):
    items = read(write(tmp_path / "world.rss", RSS))
    wang, lavrov = articles_of(items)
    assert (wang.title, wang.url, wang.date, wang.outlet, wang.locator, wang.format) == (
        "Wang Yi meets Putin in Moscow",
        "https://globalwire.example.com/world/wang-putin",
        datetime.date(2023, 2, 22),
        "Global Wire World News",
        "item 1",
        "feed",
    )
    assert (lavrov.title, lavrov.url, lavrov.date, lavrov.outlet, lavrov.locator) == (
        "Lavrov hosts Wang",
        "https://globalwire.example.com/world/lavrov-wang",
        datetime.date(2023, 2, 21),
        "Global Wire World News",
        "item 2",
    )


def test_rss_content_encoded_is_preferred_over_description(tmp_path):
    wang = articles_of(read(write(tmp_path / "world.rss", RSS)))[0]
    assert wang.text == (
        "China's top diplomat Wang Yi met Vladimir Putin in Moscow.\n\n"
        "Both said relations were developing steadily."
    )
    assert "Teaser" not in wang.text


def test_rss_description_is_used_when_there_is_no_content(tmp_path):
    lavrov = articles_of(read(write(tmp_path / "world.rss", RSS)))[1]
    assert lavrov.text == "Sergey Lavrov hosted Wang Yi for talks on Tuesday."


def test_rss_item_without_text_is_a_problem(tmp_path):
    path = write(tmp_path / "world.rss", RSS)
    (problem,) = problems_of(read(path))
    assert problem.kind == "no-text"
    assert "item 3" in problem.message
    assert problem.path == str(path)


def test_rss_saved_as_xml_is_read_as_a_feed(tmp_path):
    items = read(write(tmp_path / "world.xml", RSS))
    assert [a.title for a in articles_of(items)] == [
        "Wang Yi meets Putin in Moscow",
        "Lavrov hosts Wang",
    ]


def test_atom_entries_use_content_else_summary(tmp_path):
    items = read(write(tmp_path / "eurasia.atom", ATOM))
    patrushev, xinhua = articles_of(items)
    assert patrushev.text == (
        "Nikolai Patrushev met Wang Yi.\n\nHe described the ties as solid as a rock."
    )
    assert "Short summary" not in patrushev.text
    assert xinhua.text == "Xinhua said the two sides discussed the international situation."


def test_atom_entries_have_title_link_date_and_feed_title_as_outlet(tmp_path):
    items = read(write(tmp_path / "eurasia.atom", ATOM))
    patrushev, xinhua = articles_of(items)
    assert (patrushev.title, patrushev.url, patrushev.outlet) == (
        "Patrushev meets Wang",
        "https://eurasia.example.org/patrushev-wang",
        "Eurasia Monitor",
    )
    assert patrushev.date == datetime.date(2023, 2, 21)  # published, not updated
    assert (xinhua.title, xinhua.url, xinhua.outlet) == (
        "Xinhua on the talks",
        "https://eurasia.example.org/xinhua",
        "Eurasia Monitor",
    )
    assert xinhua.date == datetime.date(2023, 2, 20)  # updated, when nothing else
    (problem,) = problems_of(items)
    assert problem.kind == "no-text"
    assert "item 3" in problem.message


# --------------------------------------------------------------------------------------------
# paths: directories, glob patterns, missing files

ARTICLE_TXT = "Wang Yi met Vladimir Putin in Moscow on Wednesday, the Kremlin said.\n"


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "news"
    write(root / "a.txt", ARTICLE_TXT)
    write(root / "world" / "b.md", "# Lavrov hosts Wang\n\nSergey Lavrov hosted Wang Yi.\n")
    write(root / "world" / "deep" / "c.txt", "Patrushev met Wang Yi on Tuesday.\n")
    write(root / ".hidden.txt", "A hidden note that must not be read.\n")
    write(root / "world" / ".d.txt", "Another hidden note.\n")
    write(root / ".cache" / "e.txt", "A file in a hidden folder.\n")
    return root


def read_names(paths: list[str], root: Path) -> list[str]:
    items = list(read_paths(paths, ReadOptions()))
    assert problems_of(items) == []
    return [Path(article.source).relative_to(root).as_posix() for article in articles_of(items)]


def test_directory_is_read_recursively_skipping_hidden_files(tree):
    assert read_names([str(tree)], tree) == ["a.txt", "world/b.md", "world/deep/c.txt"]


def test_glob_pattern_expands_to_matching_files(tree):
    assert read_names([str(tree / "*.txt")], tree) == ["a.txt"]
    assert read_names([str(tree / "**" / "*.txt")], tree) == ["a.txt", "world/deep/c.txt"]
    assert read_names([str(tree / "world" / "*")], tree) == ["world/b.md", "world/deep/c.txt"]


def test_a_file_named_twice_is_read_once(tree):
    paths = [str(tree / "a.txt"), str(tree), str(tree / "*.txt")]
    assert read_names(paths, tree) == ["a.txt", "world/b.md", "world/deep/c.txt"]


def test_missing_path_is_a_missing_problem_and_reading_goes_on(tree):
    missing = str(tree / "nowhere.txt")
    items = list(read_paths([missing, str(tree / "a.txt")], ReadOptions()))
    assert [(p.kind, p.path) for p in problems_of(items)] == [("missing", missing)]
    assert [a.text for a in articles_of(items)] == [ARTICLE_TXT.strip()]


def test_glob_matching_nothing_is_a_missing_problem(tree):
    pattern = str(tree / "*.jsonl")
    items = list(read_paths([pattern], ReadOptions()))
    assert [(p.kind, p.path) for p in items] == [("missing", pattern)]


# --------------------------------------------------------------------------------------------
# end to end through the command line


def test_cli_stores_the_scrape_cleaned_with_its_title(cli, seeds, tmp_path):
    (row,) = ingest_and_export(cli, tmp_path, seeds["004"])
    assert set(row) == {"id", "title", "date", "outlet", "url", "text", "duplicate_of"}
    assert row["title"] == SCRAPE_TITLE
    assert row["duplicate_of"] is None
    for furniture in ("Advertisement", "Get more with myNEWS", "Learn more", VIDEO_CAPTION):
        assert furniture not in row["text"]
    assert "Photo: AFP" not in row["text"]
    assert row["text"].rstrip().endswith("Patrushev said.")
    assert row["id"] == only_article(read(seeds["004"])).id


def test_cli_stores_html_page_metadata(cli, tmp_path):
    page = tmp_path / "wang.html.gz"
    page.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (row,) = ingest_and_export(cli, tmp_path, page)
    assert row["title"] == "Wang Yi meets Putin in Moscow"
    assert row["date"] == "2023-02-22"
    assert row["outlet"] == "Global Wire"
    assert row["url"] == "https://globalwire.example.com/world/wang-yi-meets-putin"
    assert all(paragraph in row["text"] for paragraph in PARAGRAPHS)
    assert "Related stories" not in row["text"]


def test_cli_field_override_and_markdown_front_matter(cli, tmp_path):
    rows = [
        ["title", "summary", "story", "when"],
        ["Wang meets Putin", "Teaser.", "Wang Yi met Vladimir Putin in Moscow.", "2023-02-22"],
    ]
    table = write_table(tmp_path / "stories.csv", rows, ",")
    note = write(
        tmp_path / "note.md",
        "---\ntitle: Lavrov hosts Wang\noutlet: Eurasia Monitor\n---\n\n"
        "Sergey Lavrov hosted **Wang Yi** for talks on Tuesday.\n",
    )
    exported = ingest_and_export(
        cli, tmp_path, table, note, "--field", "text=story", "--field", "date=when"
    )
    by_title = {row["title"]: row for row in exported}
    assert set(by_title) == {"Wang meets Putin", "Lavrov hosts Wang"}
    assert by_title["Wang meets Putin"]["text"] == "Wang Yi met Vladimir Putin in Moscow."
    assert by_title["Wang meets Putin"]["date"] == "2023-02-22"
    assert by_title["Lavrov hosts Wang"]["outlet"] == "Eurasia Monitor"
    assert by_title["Lavrov hosts Wang"]["text"] == (
        "Sergey Lavrov hosted Wang Yi for talks on Tuesday."
    )


def test_cli_fails_when_nothing_can_be_read(cli, tmp_path):
    result = cli("ingest", tmp_path / "nowhere.txt", "--db", tmp_path / "s.duckdb", "--no-analyse")
    assert result.returncode == 1
    assert "nowhere.txt" in result.stderr


def test_text_given_as_a_list_of_paragraphs_keeps_them_all(tmp_path):
    record = {"title": "Talks", "text": ["First paragraph here.", "  ", "Second paragraph here."]}
    path = write(tmp_path / "a.jsonl", json.dumps(record) + "\n")
    article = only_article(read(path))
    assert article.text == "First paragraph here.\n\nSecond paragraph here."


def test_feed_content_wins_over_a_longer_summary(tmp_path):
    feed = RSS.replace(
        "<description>Teaser: the diplomats met.</description>",
        "<description>Teaser: " + "a long teaser that runs on and on " * 10 + "</description>",
    )
    wang = articles_of(read(write(tmp_path / "world.rss", feed)))[0]
    assert "Teaser" not in wang.text
    assert wang.text.startswith("China's top diplomat Wang Yi met Vladimir Putin")
