"""Events as PLOVER JSON records, field for field as the PLOVER manual's data-fields chapter
names and types them (PLOVER manual, Open Event Data Alliance, CC BY-SA 4.0).

Built from the rows of the ``events`` export, one event record per row. Lists are lists
(``event``, ``mode``, ``event_text``, ``actor``, ``recipient``); codes are codes
(``country_code``, ``sector``); ``context`` is null, as the manual asks when none is coded.
An event whose doer the text does not name has the manual's generic unidentified actor
(sector ``UNK``) and says so in ``comment``. communique's evidence, modality, reporting chain
and the merged event it belongs to follow as extra fields, which the manual welcomes.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any

from communique import __version__
from communique.ontology.plover import CROSSWALK_VERSION

CODER = f"communique {__version__}"
CODEBOOK = "PLOVER 2024"
# The fields of a PLOVER record (the manual's "PLOVER JSON" table), in its order; ``id``,
# ``date``, ``actor`` and ``event`` are required.
FIELDS = (
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
)  # fmt: skip
ENTITY_FIELDS = ("code", "sector", "entity_text", "identifier_id", "identifier_text")
LOCATION_FIELDS = (
    "extracted_place", "resolved_place", "geonameid", "lat", "lon", "country_code",
    "resolution",
)  # fmt: skip
UNIDENTIFIED = {"code": None, "sector": "UNK", "entity_text": None, "identifier_id": None,
                "identifier_text": None}  # fmt: skip


def _day(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _entity(side: dict[str, Any]) -> dict[str, Any]:
    """An actor or recipient as the manual's entity object: its identifier is the Wikidata
    id where the knowledge base has one, else communique's own actor id."""
    return {
        "code": side.get("code"),
        "sector": side.get("sector"),
        "entity_text": side.get("text"),
        "identifier_id": side.get("wikidata") or side.get("actor_id"),
        "identifier_text": side.get("name"),
        "actor_id": side.get("actor_id"),
        "start": side.get("start"),
        "end": side.get("end"),
    }


@functools.cache
def _states() -> frozenset[int]:
    from communique.kb.places import state_ids

    return frozenset(state_ids().values())


def _resolution(row: dict[str, Any]) -> int | None:
    """The manual's location resolution: 1 a state, 2 a province, 4 a town."""
    if row.get("latitude") is None or not row.get("place_country"):  # none, or a continent
        return None
    if row.get("geonameid") in _states():
        return 1
    return 4 if row.get("geonameid") else 2


def _comment(row: dict[str, Any], actors: list[dict[str, Any]]) -> str | None:
    """Why a required field is empty or generic: no date known, or no doer named."""
    notes = []
    if row.get("date") is None:
        notes.append("no date: the article gives none and has no publication date")
    if not actors:
        notes.append("the text names no one who did it")
    return "; ".join(notes) or None


def _coded(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, datetime):
        return value.date().isoformat(), value.time().replace(microsecond=0).isoformat()
    return None, None


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
            "country_code": row.get("place_country"),
            "resolution": _resolution(row),
        }
    actors = [_entity(side) for side in row.get("actors") or []]
    coded_date, coded_time = _coded(row.get("coded_at"))
    return {
        "id": row["id"],
        "has_event": True,
        "date": _day(row.get("date")),
        "enddate": _day(row.get("date_end")),
        "date_granularity": row.get("date_granularity"),
        "actor": actors or [dict(UNIDENTIFIED)],
        "recipient": [_entity(side) for side in row.get("recipients") or []],
        "event": [row["event"]],
        "mode": [row["mode"]] if row.get("mode") else None,
        "context": None,
        "quad_code": row.get("quad_code"),
        "event_scale": row.get("goldstein"),
        "event_text": [row["trigger_text"]] if row.get("trigger_text") else [],
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
        "coder": CODER,
        "coded_date": coded_date,
        "coded_time": coded_time,
        "comment": _comment(row, actors),
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
