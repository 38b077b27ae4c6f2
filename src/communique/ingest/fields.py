"""Finding an article's fields in exported records, and reading publication dates."""

from __future__ import annotations

import re
from collections.abc import Mapping
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
               "media", "domain"),
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


def parse_date(value: str | None) -> date | None:
    """A publication date from the many ways exports and pages write one; None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if _NUMBER.match(value):  # a Unix timestamp, in seconds or milliseconds
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 10 else 1)
        return datetime.fromtimestamp(seconds, UTC).date()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for dates written in words

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]},
    )
    return parsed.date() if parsed else None
