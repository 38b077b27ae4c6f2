"""Exports with one article per record: JSON Lines, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from communique.ingest.clean import clean_scraped
from communique.ingest.fields import FIELD_NAMES, FieldError, parse_date, pick
from communique.ingest.html import fragment_to_text, looks_like_html
from communique.records import Article, Problem

_CONTAINERS = ("articles", "items", "data", "results", "records", "docs", "documents", "stories")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


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
    overrides: Mapping[str, str],
    path: str,
    line: int,
    unit: str,
    fmt: str,
) -> Iterator[Article | Problem]:
    """The article in one exported record, or the problem that stops it, plus any warning."""
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
    published = parse_date(raw_date)
    if raw_date and published is None:
        message = f"unreadable date {raw_date!r}; stored without a date"
        yield _problem(path, unit, line, message, "date")
    yield Article(
        text=text,
        title=pick(record, "title", overrides),
        date=published,
        outlet=pick(record, "outlet", overrides),
        url=pick(record, "url", overrides),
        locator=f"{unit} {line}",
        format=fmt,
    )


def read_jsonl(data: bytes, path: str, overrides: Mapping[str, str]) -> Iterator[Article | Problem]:
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
        yield from record_to_article(record, overrides, path, number, "line", "jsonl")


def read_json(text: str, path: str, overrides: Mapping[str, str]) -> Iterator[Article | Problem]:
    """A JSON document holding one record, a list of them, or a list under a usual key."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # JSON Lines saved as .json
            yield from read_jsonl(text.encode("utf-8"), path, overrides)
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
        yield from record_to_article(record, overrides, path, number, "record", "json")


def read_csv(
    text: str, path: str, overrides: Mapping[str, str], delimiter: str | None = None
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
            yield from record_to_article(record, overrides, path, start, "line", "csv")
    except csv.Error as error:
        yield Problem(
            path,
            f"malformed CSV ({error}) in the row that starts here; the rest is not read",
            "malformed",
            line,
        )
