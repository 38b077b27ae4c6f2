"""Finding an article's fields in exported records, and reading publication dates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

# The usual names of each field in news exports, tried in order (case does not matter).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody", "article_body", "full_text", "fulltext",
             "maintext", "article", "story"),
    "title": ("title", "headline", "name"),
    "date": ("date", "published", "publication_date", "published_at", "publishedAt", "pubDate",
             "datePublished", "date_publish", "publish_date", "published_date", "story_date",
             "created_at", "timestamp"),
    "url": ("url", "link", "canonical_url", "uri", "href"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "source_name",
               "media_name", "media", "publication", "newspaper", "domain", "source_domain",
               "media_url"),
}  # fmt: skip
FIELDS = tuple(FIELD_NAMES)


class FieldError(ValueError):
    """A record lacks a field it must have."""


def parse_field_overrides(pairs: list[str]) -> dict[str, str]:
    """``["text=body", "date=pub"]`` to ``{"text": "body", "date": "pub"}``, checked."""
    overrides: dict[str, str] = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        field, name = field.strip(), name.strip()
        if not sep or not name or field not in FIELD_NAMES:
            raise ValueError(
                f"--field {pair!r}: expected FIELD=NAME with FIELD one of {', '.join(FIELDS)}"
            )
        overrides[field] = name
    return overrides


def _scalar(value: Any, paragraphs: bool = False) -> str | None:
    """A field value as text: the name of a nested source object, the first of a list.

    With ``paragraphs``, a list of strings is the text's paragraphs and is joined.
    """
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "text", "href", "url"):
            if key in value:
                return _scalar(value[key], paragraphs)
        return None
    if isinstance(value, list):
        if paragraphs and value and all(isinstance(item, str) for item in value):
            return "\n\n".join(item.strip() for item in value if item.strip()) or None
        return _scalar(value[0]) if value else None
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def pick(record: Mapping[str, Any], field: str, overrides: Mapping[str, str]) -> str | None:
    """The value of ``field`` in a record: the override's column, else the first usual name."""
    if field in overrides:
        name = overrides[field]
        if name not in record:
            if field == "text":
                raise FieldError(f"no {name!r} field (given by --field text={name})")
            return None
        return _scalar(record[name], field == "text")
    lowered = {str(key).lower(): key for key in record}
    for name in FIELD_NAMES[field]:
        key = lowered.get(name.lower())
        if key is not None and (value := _scalar(record[key], field == "text")) is not None:
            return value
    return None


_NUMBER = re.compile(r"^\d{9,13}(?:\.\d+)?$")
# A date written all in numbers with the day and month in an order the text does not say:
# 10/04/2024, 04.09.2023, 4-9-23, optionally followed by a time.
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,].*)?$")


@dataclass(frozen=True)
class ReadDate:
    """A date as read, and whether its day and month could have been the other way round
    (``ambiguous``), in which case ``order`` says how it was read."""

    day: date | None
    ambiguous: bool = False
    order: str | None = None
    telling: bool = False  # written so that only one order can read it (25/04/2024)


def _numeric(value: str, order: str | None) -> ReadDate | None:
    """A date written as three numbers, read in ``order`` when given; else the only way it
    can be read, or when both ways can, day first with dots (04.09.2023, as Europe writes)
    and month first with slashes and dashes (10/04/2024, as US exports do)."""
    match = _NUMERIC.match(value)
    if match is None:
        return None
    first, mark, second, year_text = match.groups()
    a, b, year = int(first), int(second), int(year_text)
    if len(year_text) == 2:
        year += 2000 if year <= datetime.now(UTC).year % 100 + 1 else 1900
    ambiguous = a <= 12 and b <= 12 and a != b and order is None
    if order is None:
        if a > 12:
            order = "dmy"
        elif b > 12:
            order = "mdy"
        else:
            order = "dmy" if mark == "." else "mdy"
    day, month = (a, b) if order == "dmy" else (b, a)
    try:
        return ReadDate(date(year, month, day), ambiguous, order, max(a, b) > 12)
    except ValueError:
        return ReadDate(None)


def read_date(value: str | None, order: str | None = None) -> ReadDate:
    """A publication date from the many ways exports and pages write one (``day`` None when
    unreadable). ``order`` ("dmy" or "mdy") reads dates written all in numbers; without it, a
    date that could be read both ways is read as ``_numeric`` says and marked ambiguous."""
    if not value:
        return ReadDate(None)
    value = value.strip()
    if _NUMBER.match(value):  # a Unix timestamp, in seconds or milliseconds
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 10 else 1)
        return ReadDate(datetime.fromtimestamp(seconds, UTC).date())
    try:
        return ReadDate(datetime.fromisoformat(value.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    numeric = _numeric(value, order)
    if numeric is not None:
        return numeric
    import dateparser  # slow to import; only needed for dates written in words

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]}
    if order is not None:
        settings["DATE_ORDER"] = order.upper()
    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    return ReadDate(parsed.date() if parsed else None)


def parse_date(value: str | None, order: str | None = None) -> date | None:
    """A publication date from the many ways exports and pages write one; None if unreadable."""
    return read_date(value, order).day
