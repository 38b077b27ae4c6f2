"""Events in the exchange formats event-data users know: PLOVER JSON and GDELT 2.0 rows.

Both are built from the rows of the ``events`` export, one event record per row; the counts
(mentions, articles, sources) are those of the merged event the record is a mention of.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from communique import __version__
from communique.ontology.plover import CROSSWALK_VERSION, root_code

CODER = f"communique {__version__}"
CODEBOOK = "PLOVER 2024"
# GDELT 2.0 event table columns that communique fills (the ones it cannot know are left out).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PLOVER_Event", "PLOVER_Mode", "Modality", "Negated", "Evidence",
)  # fmt: skip


def _day(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _entity(side: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": side.get("code"),
        "sector": side.get("sector"),
        "entity_text": side.get("text"),
        "identifier_id": side.get("actor_id"),
        "identifier_text": side.get("name"),
        "start": side.get("start"),
        "end": side.get("end"),
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER JSON record (field names from the PLOVER manual's data fields
    chapter), with communique's evidence, modality and reporting chain added."""
    location = None
    if row.get("place_text"):
        location = {
            "extracted_place": row["place_text"],
            "resolved_place": row.get("place_name"),
            "geonameid": row.get("geonameid"),
            "lat": row.get("latitude"),
            "lon": row.get("longitude"),
            "country_code3": row.get("place_country"),
        }
    return {
        "id": row["id"],
        "date": _day(row.get("date")),
        "enddate": _day(row.get("date_end")),
        "date_granularity": row.get("date_granularity"),
        "actor": [_entity(side) for side in row.get("actors") or []],
        "recipient": [_entity(side) for side in row.get("recipients") or []],
        "event": row["event"],
        "mode": row.get("mode"),
        "context": [],
        "quad_code": row.get("quad_code"),
        "event_scale": row.get("goldstein"),
        "event_text": row.get("trigger_text"),
        "event_loc": location,
        "size": {size["kind"]: size["value"] for size in row.get("sizes") or []},
        "text": row.get("evidence"),
        "text_info": {
            "sequence": row.get("sentence"),
            "start": row.get("sentence_start"),
            "end": row.get("sentence_end"),
        },
        "cite_info": {
            "url": row.get("url"),
            "publication": row.get("outlet"),
            "title": row.get("title"),
            "coder": CODER,
            "codebook": CODEBOOK,
            "version": CROSSWALK_VERSION,
        },
        "negated": row.get("negated"),
        "modality": row.get("modality"),
        "via": row.get("via") or [],
        # the merged event this record is a mention of, and every mention of it
        "merged_id": row.get("merged_id"),
        "num_mentions": row.get("num_mentions") or 1,
        "num_articles": row.get("num_articles") or 1,
        "num_sources": row.get("num_sources") or 1,
        "mentions": row.get("mentions") or [],
        "evidence": {
            "article_id": row.get("article_id"),
            "sentence": row.get("evidence"),
            "trigger": [row.get("trigger_start"), row.get("trigger_end")],
            "actors": [[s.get("start"), s.get("end")] for s in row.get("actors") or []],
            "recipients": [[s.get("start"), s.get("end")] for s in row.get("recipients") or []],
            "statement": row.get("statement"),
            "size": {
                size["kind"]: {
                    "text": size.get("text"),
                    "start": size.get("start"),
                    "end": size.get("end"),
                    "at_least": size.get("at_least"),
                }
                for size in row.get("sizes") or []
            },
        },
    }


def _geo_type(row: dict[str, Any], states: Collection[int]) -> int:
    """GDELT's ActionGeo_Type: 1 a country, 4 a town elsewhere, 0 none resolved."""
    if row.get("geonameid") is None:
        return 0
    return 1 if row["geonameid"] in states else 4


def _first(sides: list[dict[str, Any]] | None) -> dict[str, Any]:
    return (sides or [{}])[0]


def gdelt_row(row: dict[str, Any], number: int, states: Collection[int]) -> dict[str, Any]:
    """One event as a row of a GDELT 2.0-style event table (``number`` is its id; ``states``
    are the GeoNames ids of whole states)."""
    day = row.get("date")
    actor, recipient = _first(row.get("actors")), _first(row.get("recipients"))
    cameo = row.get("cameo") or ""
    return {
        "GLOBALEVENTID": number,
        "SQLDATE": day.strftime("%Y%m%d") if isinstance(day, date) else None,
        "MonthYear": day.strftime("%Y%m") if isinstance(day, date) else None,
        "Year": day.year if isinstance(day, date) else None,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4)
        if isinstance(day, date)
        else None,
        "Actor1Code": "".join(filter(None, (actor.get("code"), actor.get("sector")))) or None,
        "Actor1Name": actor.get("name") or actor.get("text"),
        "Actor1CountryCode": actor.get("code"),
        "Actor1Type1Code": actor.get("sector"),
        "Actor2Code": "".join(filter(None, (recipient.get("code"), recipient.get("sector"))))
        or None,
        "Actor2Name": recipient.get("name") or recipient.get("text"),
        "Actor2CountryCode": recipient.get("code"),
        "Actor2Type1Code": recipient.get("sector"),
        "IsRootEvent": 1 if row.get("sentence") == 0 else 0,
        "EventCode": cameo or None,
        "EventBaseCode": cameo[:3] or None,
        "EventRootCode": root_code(cameo) if cameo else None,
        "QuadClass": row.get("quad_code"),
        "GoldsteinScale": row.get("goldstein"),
        "NumMentions": row.get("num_mentions") or 1,  # of the merged event it belongs to
        "NumSources": row.get("num_sources") or 1,
        "NumArticles": row.get("num_articles") or 1,
        "ActionGeo_Type": _geo_type(row, states),
        "ActionGeo_FullName": row.get("place_name") or row.get("place_text"),
        "ActionGeo_CountryCode": row.get("place_country"),
        "ActionGeo_Lat": row.get("latitude"),
        "ActionGeo_Long": row.get("longitude"),
        "ActionGeo_FeatureID": row.get("geonameid"),
        "DATEADDED": _day(row.get("published")),
        "SOURCEURL": row.get("url"),
        "PLOVER_Event": row.get("event"),
        "PLOVER_Mode": row.get("mode"),
        "Modality": row.get("modality"),
        "Negated": row.get("negated"),
        "Evidence": row.get("evidence"),
    }
