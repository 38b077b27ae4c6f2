"""Hostile and careless input for communique: files that have stopped runs, jammed stores or
fooled terminals, and seeded random damage done to good files.

``generate(folder, full=False)`` writes one file (or more) of every kind and returns the
control articles that any run over them must still store and analyse. The sample (the
default) is small enough for the test suite; ``full=True`` gives the sizes that were seen to
break things (multi-megabyte pages and records) and about 300 damaged files.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

# Article text the controls carry; each control's text is unique, so its id is known.
PROSE = (
    "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in Moscow on "
    "Wednesday, and the two sides pledged to deepen their strategic partnership. "
    "\u201cOur relations are not directed against any third country,\u201d Wang said. "
    "Russian Foreign Minister Sergey Lavrov said Moscow would host further talks in March."
)
# Text that a terminal would take as markup or as control sequences.
MARKUP = (
    "\u201c[The sanctions] will fail, and [the minister] knows it,\u201d the envoy said [sic]. "
    "He closed with [/quote] and [/] and [bold red]this[/bold red] :thumbs_up: "
    "\x1b[2J\x1b[H\x1b]0;window title\x07 \x1b]8;;https://example.invalid/\x1b\\a link"
    "\x1b]8;;\x1b\\ \u202etxt.exe\u202c done."
)


@dataclass(frozen=True)
class Control:
    """A good article among the hostile ones: it must come out stored and analysed."""

    name: str
    text: str  # the words its stored text must contain


def _prose(words: int, seed: int) -> str:
    """Plain news-like prose of about ``words`` words, in paragraphs."""
    rng = random.Random(seed)
    sentences = [
        "Officials in Beijing said the talks with Moscow had gone well.",
        "The foreign ministry spokesperson declined to comment on the sanctions.",
        "Russian and Chinese troops held joint exercises near the border on Monday.",
        "Analysts said trade between the two countries rose by a fifth last year.",
        "The president told reporters that the partnership had no limits.",
        "Diplomats in Washington warned against closer military cooperation.",
    ]
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


_PEOPLE = (
    "Wang Yi",
    "Sergey Lavrov",
    "Vladimir Putin",
    "Xi Jinping",
    "Antony Blinken",
    "Mao Ning",
    "Maria Zakharova",
    "Dmitry Peskov",
    "Li Qiang",
    "Mikhail Mishustin",
)
_PLACES = ("Moscow", "Beijing", "Kazan", "Shanghai", "Vladivostok", "Harbin", "Astana", "Minsk")
_TOPICS = (
    "energy exports",
    "grain deliveries",
    "border security",
    "payment systems",
    "arms control",
    "Arctic shipping",
    "space cooperation",
    "oil prices",
    "student visas",
)
_QUOTES = ("\u201c", "\u201d", '"', "\u00ab", "\u00bb", "''", "\u2018", "'")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def story(seed: int, sentences: int = 6) -> str:
    """A short news story of its own: names, places, topics and days differ from one seed to
    the next, so no two stories are near-copies of each other."""
    rng = random.Random(seed)
    told = []
    for _ in range(sentences):
        a, b = rng.sample(_PEOPLE, 2)
        place, topic, day = rng.choice(_PLACES), rng.choice(_TOPICS), rng.choice(_DAYS)
        told.append(rng.choice((
            f"{a} met {b} in {place} on {day} to discuss {topic}.",
            f"\u201cWe will not bargain over {topic},\u201d {a} said in {place} on {day}.",
            f"{a} accused {b} of blocking talks on {topic}, officials in {place} said.",
            f"On {day}, {a} told reporters in {place} that {b} had agreed to talks on {topic}.",
        )))  # fmt: skip
    return " ".join(told)


def _controls(folder: Path) -> list[Control]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []

    def text(n: str) -> str:
        return f"{story(sum(map(ord, n)))} Control report {n}."

    (folder / "control.txt").write_text(f"Control headline\n\n{text('txt')}\n", encoding="utf-8")
    made.append(Control("control.txt", "Control report txt."))
    lines = [json.dumps({"title": f"Control {n}", "text": text(n)}) for n in ("jl1", "jl2")]
    (folder / "control.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    made += [Control("control.jsonl", f"Control report {n}.") for n in ("jl1", "jl2")]
    (folder / "control.html").write_text(
        "<html><head><title>Control page</title></head><body><article><h1>Control page</h1>"
        f"<p>{text('html')}</p><p>{PROSE}</p></article></body></html>",
        encoding="utf-8",
    )
    made.append(Control("control.html", "Control report html."))
    (folder / "control.csv").write_text(
        f'title,text,date\nControl csv,"{text("csv")}",2024-03-14\n', encoding="utf-8"
    )
    made.append(Control("control.csv", "Control report csv."))
    (folder / "control.md").write_text(f"# Control md\n\n{text('md')}\n", encoding="utf-8")
    made.append(Control("control.md", "Control report md."))
    (folder / "control.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Control feed</title>'
        f"<item><title>Control item</title><description>{text('rss')}</description>"
        "<pubDate>Wed, 13 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    made.append(Control("control.rss", "Control report rss."))
    return made


def _long_inputs(folder: Path, full: bool) -> None:
    """Articles over the model's 1,000,000 characters, in every format."""
    # A text with a data blob that extraction left in: over a million characters, few tokens.
    blob = "".join(random.Random(7).choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", k=1_150_000))
    (folder / "long-blob.txt").write_text(f"Blob headline\n\n{PROSE}\n\n{blob}\n", encoding="utf-8")
    if not full:
        return
    prose = _prose(190_000, 1)  # about 1.1 MB
    (folder / "long.txt").write_text(f"Long headline\n\n{prose}\n", encoding="utf-8")
    record = json.dumps({"title": "Long record", "text": _prose(850_000, 2)})  # about 5 MB
    (folder / "long.jsonl").write_text(record + "\n", encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in _prose(1_000_000, 3).split("\n\n"))
    (folder / "long.html").write_text(  # about 6 MB
        f"<html><head><title>Long page</title></head><body><article>{paragraphs}"
        "</article></body></html>",
        encoding="utf-8",
    )


def _record_inputs(folder: Path) -> None:
    """Records that stopped whole runs: each must cost only its own line."""
    good = json.dumps({"title": "Fine record", "text": f"{PROSE} Fine record."})
    lines = {
        "surrogate.jsonl": '{"title": "Lone \\ud800 surrogate", "text": "Text \\udfff '
        + PROSE
        + ' surrogate record."}',
        "bigint.jsonl": '{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}",
        "deep.jsonl": '{"text": ' + "[" * 1000 + "]" * 1000 + "}",
        "nul.jsonl": '{"title": "Raw nul", "text": "' + PROSE + ' with a \u0000 byte."}',
    }
    for name, line in lines.items():
        (folder / name).write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    escaped = json.dumps({"title": "Nul", "text": f"{PROSE} with an escaped \u0000 byte."})
    with (folder / "nul.jsonl").open("a", encoding="utf-8") as more:
        more.write(escaped + "\n")
    (folder / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (folder / "utf16.jsonl").write_bytes(
        (json.dumps({"title": "UTF-16", "text": f"{PROSE} Sixteen bits."}) + "\n").encode("utf-16")
    )
    (folder / "rss-zero-date.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Zero</title><item>'
        f"<title>Zero date</title><description>{PROSE} Zero date.</description>"
        "<pubDate>0000-00-00T00:00:00Z</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    (folder / "bracket-date.csv").write_text(
        f'title,text,date\nBracket,"{PROSE} Bracket date.",[/]\n', encoding="utf-8"
    )
    (folder / "unclosed-quote.csv").write_text(
        f'title,text\nOpen,"{PROSE} unclosed\nNext,"{PROSE}"\n', encoding="utf-8"
    )
    (folder / "formula.csv").write_text(
        f'title,text,outlet\n=HYPERLINK("https://example.invalid"),"{PROSE} Formula.",'
        '=HYPERLINK("https://example.invalid")\n',
        encoding="utf-8",
    )


def _text_inputs(folder: Path, full: bool) -> None:
    """Text that terminals, the parser or the Markdown reader once choked on."""
    (folder / "markup.txt").write_text(f"Markup [/] headline\n\n{MARKUP}\n", encoding="utf-8")
    size = 200_000 if full else 60_000
    words = " ".join(random.Random(5).choice(["talks", "moscow", "beijing", "trade"])
                     for _ in range(size // 6))  # fmt: skip
    (folder / "no-sentences.txt").write_text(f"Run-on\n\n{words}\n", encoding="utf-8")
    for name, unit in (("stars", "*a "), ("unders", "_a "), ("bold", "**a "), ("links", "[a ")):
        (folder / f"open-{name}.md").write_text("# Open\n\n" + unit * (size // len(unit)))
    # Quotation marks that never pair, and a roll call of names: the statement finder and the
    # actor linker meet thousands of each in one article.
    rng = random.Random(6)
    marks = " ".join(
        f"{rng.choice(_PEOPLE)} said{rng.choice(['', ',', ':'])} {rng.choice(_QUOTES)}{topic}"
        for topic in rng.choices(_TOPICS, k=size // 40)
    )
    (folder / "open-quotes.txt").write_text(f"Quotes\n\n{marks}\n", encoding="utf-8")
    names = ", ".join(rng.choice(_PEOPLE) for _ in range(size // 12))
    (folder / "roll-call.txt").write_text(f"Names\n\nPresent were {names}.\n", encoding="utf-8")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(f"Locked\n\n{PROSE}\n", encoding="utf-8")
    locked.chmod(0)  # unreadable, but for root
    if full:
        (folder / "prose-228k.txt").write_text(f"Prose\n\n{_prose(38_000, 4)}\n")
    with contextlib.suppress(OSError, UnicodeEncodeError):  # a file system refusing the name
        (folder / "caf\udce9-latin1-name.txt").write_text(f"Name\n\n{PROSE} Odd name.\n")


def _damaged(folder: Path, controls: Path, count: int, seed: int) -> None:
    """Seeded random damage to the good files: cut short, bytes flipped or inserted, parts
    repeated, NUL bytes, gzip of the damage."""
    rng = random.Random(seed)
    sources = sorted(controls.iterdir())
    out = folder / "damaged"
    out.mkdir()
    for number in range(count):
        source = rng.choice(sources)
        data = bytearray(source.read_bytes())
        for _ in range(rng.randint(1, 4)):
            action = rng.choice(("cut", "flip", "insert", "repeat", "nul"))
            at = rng.randrange(max(len(data), 1))
            if action == "cut":
                del data[at:]
            elif action == "flip" and data:
                data[at] = rng.randrange(256)
            elif action == "insert":
                data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
            elif action == "repeat":
                data[at:at] = data[at : at + rng.randint(1, 2000)] * rng.randint(2, 50)
            else:
                data[at:at] = b"\x00"
        name = f"{number:03d}-{source.name}"
        if rng.random() < 0.1:
            (out / f"{name}.gz").write_bytes(gzip.compress(bytes(data)))
        else:
            (out / name).write_bytes(bytes(data))


def generate(folder: Path, full: bool = False, seed: int = 13) -> list[Control]:
    """Write the hostile inputs under ``folder``; return the controls among them."""
    controls = _controls(folder / "controls")
    hostile = folder / "hostile"
    hostile.mkdir(parents=True, exist_ok=True)
    _long_inputs(hostile, full)
    _record_inputs(hostile)
    _text_inputs(hostile, full)
    _damaged(hostile, folder / "controls", 300 if full else 24, seed)
    return controls
