"""Exports with one article per record: JSON Lines, JSON and CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from communique.ingest.clean import clean_scraped
from communique.ingest.fields import FIELD_NAMES, FieldError, pick, read_date
from communique.ingest.html import fragment_to_text, looks_like_html
from communique.records import Article, Problem

_CONTAINERS = ("articles", "items", "data", "results", "records", "docs", "documents", "stories")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
_KNOWN = frozenset(name.lower() for names in FIELD_NAMES.values() for name in names)


@dataclass
class Fields:
    """How a file's records are read: the user's ``--field`` overrides and date order, and
    the columns met that no field reads (told once, when the file is done)."""

    overrides: Mapping[str, str] = field(default_factory=dict)
    order: str | None = None  # "dmy" or "mdy": how dates written in numbers are read
    unread: dict[str, None] = field(default_factory=dict)
    # Dates only one order reads, by order; the articles whose date could be read both
    # ways, held to the end of the file, which may tell the order.
    telling: dict[str, int] = field(default_factory=dict)
    held: list[tuple[Article, str, str, int]] = field(default_factory=list)

    def finish(self, path: str) -> Iterator[Article | Problem]:
        """The held articles, dated in the order the file's other dates are written in when
        they are all written in one; else as guessed, each with a warning."""
        orders = list(self.telling)
        for article, raw, unit, line in self.held:
            if len(orders) == 1:
                read = read_date(raw, orders[0])
                yield dataclasses.replace(article, date=read.day)
                continue
            read = read_date(raw)
            first = "day" if read.order == "dmy" else "month"
            message = f"ambiguous date {raw!r} read {first} first, as {article.date}"
            yield _problem(path, unit, line, message, "ambiguous-date")
            yield article
        self.held.clear()
        yield from self.columns_problem(path)

    def __post_init__(self) -> None:
        self._read = _KNOWN | {name.lower() for name in self.overrides.values()}

    def note_columns(self, record: Mapping[str, Any]) -> None:
        for key in record:
            name = str(key)
            if name.lower() not in self._read:
                self.unread.setdefault(name)

    def columns_problem(self, path: str) -> Iterator[Problem]:
        """One note for the file: the columns it has that communique did not read."""
        if not self.unread:
            return
        names = list(self.unread)
        listed = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
        yield Problem(path, f"columns not read: {listed}", "columns")


def _problem(path: str, unit: str, number: int, message: str, kind: str) -> Problem:
    """A problem in one record: located by line when records are lines, else by number."""
    if unit == "line":
        return Problem(path, message, kind, number)
    return Problem(path, f"{unit} {number}: {message}", kind)


def _why(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return " ".join(str(error).split())[:200]


def record_to_article(
    record: Mapping[str, Any],
    fields: Fields,
    path: str,
    line: int,
    unit: str,
    fmt: str,
) -> Iterator[Article | Problem]:
    """The article in one exported record, or the problem that stops it, plus any warning."""
    overrides = fields.overrides
    fields.note_columns(record)
    try:
        raw = pick(record, "text", overrides)
    except FieldError as error:
        yield _problem(path, unit, line, str(error), "missing-field")
        return
    text = clean_scraped(fragment_to_text(raw) if raw and looks_like_html(raw) else raw or "")
    if not text:
        looked = overrides.get("text") or ", ".join(FIELD_NAMES["text"][:4])
        yield _problem(path, unit, line, f"no article text (looked for {looked})", "no-text")
        return
    raw_date = pick(record, "date", overrides)
    read = read_date(raw_date, fields.order)
    published = read.day
    if raw_date and published is None:
        message = f"unreadable date {raw_date!r}; stored without a date"
        yield _problem(path, unit, line, message, "date")
    elif read.telling and read.order:
        fields.telling[read.order] = fields.telling.get(read.order, 0) + 1
    article = Article(
        text=text,
        title=pick(record, "title", overrides),
        date=published,
        outlet=pick(record, "outlet", overrides),
        url=pick(record, "url", overrides),
        locator=f"{unit} {line}",
        format=fmt,
    )
    if read.ambiguous and raw_date:
        fields.held.append((article, raw_date, unit, line))
    else:
        yield article


def read_jsonl(data: bytes, path: str, fields: Fields) -> Iterator[Article | Problem]:
    """One JSON object a line; a bad line is reported and the others are read."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as error:
            yield Problem(
                path,
                f"invalid UTF-8 at column {error.start + 1}",
                "encoding",
                number,
            )
            continue
        except json.JSONDecodeError as error:
            yield Problem(path, f"malformed JSON ({error.msg})", "malformed", number)
            continue
        except (ValueError, RecursionError) as error:  # an integer too long, nesting too deep
            yield Problem(path, f"unreadable JSON ({_why(error)})", "malformed", number)
            continue
        if not isinstance(record, dict):
            yield Problem(path, "expected a JSON object", "malformed", number)
            continue
        yield from record_to_article(record, fields, path, number, "line", "jsonl")
    yield from fields.finish(path)


def read_json(text: str, path: str, fields: Fields) -> Iterator[Article | Problem]:
    """A JSON document holding one record, a list of them, or a list under a usual key."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # JSON Lines saved as .json
            yield from read_jsonl(text.encode("utf-8"), path, fields)
            return
        yield Problem(path, f"malformed JSON ({error.msg})", "malformed", error.lineno)
        return
    except (ValueError, RecursionError) as error:
        yield Problem(path, f"unreadable JSON ({_why(error)})", "malformed")
        return
    if isinstance(document, dict):
        lists = [document[key] for key in _CONTAINERS if isinstance(document.get(key), list)]
        records = lists[0] if lists else [document]
    elif isinstance(document, list):
        records = document
    else:
        yield Problem(path, "expected a JSON object or a list of them", "malformed")
        return
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            yield Problem(path, f"record {number}: expected a JSON object", "malformed")
            continue
        yield from record_to_article(record, fields, path, number, "record", "json")
    yield from fields.finish(path)


def read_csv(
    text: str, path: str, fields: Fields, delimiter: str | None = None
) -> Iterator[Article | Problem]:
    """A CSV (or TSV) file with a header row; a row that does not fit is reported."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    # Strict: a quote left open is an error at its line, not rows silently merged into one.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    line = reader.line_num + 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield Problem(
                    path,
                    f"{len(row)} fields where the header has {len(header)}",
                    "malformed",
                    start,
                )
                continue
            record = dict(zip(header, row, strict=True))
            yield from record_to_article(record, fields, path, start, "line", "csv")
    except csv.Error as error:
        yield Problem(
            path,
            f"malformed CSV ({error}) in the row that starts here; the rest is not read",
            "malformed",
            line,
        )
    yield from fields.finish(path)
