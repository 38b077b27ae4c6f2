"""Reading knowledge-base files: YAML sections and CSV tables of countries, bodies, outlets,
people with dated offices and role nouns, each record checked and merged into the knowledge
base (``KnowledgeBase`` reads its files through this mixin)."""

from __future__ import annotations

import calendar
import csv
import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from communique.kb.model import OFFICE_KINDS, Actor, Country, Office
from communique.kb.names import handle_key, host_of, normal

# The list each file holds, and the order files are read in (later ones win on merge).
SECTIONS = ("countries", "igos", "institutions", "outlets", "people", "agents")
SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence services",
    "LEG": "legislature", "JUD": "judiciary", "PTY": "political parties", "REB": "rebels",
    "OPP": "opposition", "BUS": "business", "CVL": "civilians", "JRN": "media",
    "MED": "health sector", "EDU": "education sector", "REL": "religious bodies",
    "LAB": "labour", "ELI": "former officials", "REF": "refugees", "CRM": "criminals",
    "PRM": "paramilitaries", "UAF": "armed men", "AGR": "farmers", "SOC": "civil society",
}  # fmt: skip


# libyaml's parser where PyYAML was built with it (it is in the wheels), else the pure one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Single-valued fields a later record of the same actor overrides.
_MERGED_FIELDS = (
    "name", "kind", "country", "sector", "wikidata", "surname", "gender", "state_run", "igo",
)  # fmt: skip


class KBError(ValueError):
    """A knowledge-base file that cannot be used, with the file and record named."""


def _day(value: Any, *, end: bool, where: str) -> date | None:
    """A date from ``2012-05-07``, ``2012-05`` or ``2012``; a partial end date is its last day."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    parts = str(value).split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        last = calendar.monthrange(year, month)[1]
        day = int(parts[2]) if len(parts) > 2 else (last if end else 1)
        return date(year, month, day)
    except (ValueError, IndexError):
        raise KBError(f"{where}: not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _strings(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value if item not in (None, ""))


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _domain(value: str, where: str) -> str:
    """An outlet's domain as written in its record, checked: ``voanews.com``, ``news.sky.com``."""
    text = value.strip()
    if host_of(text) != text or ":" in text or "/" in text:
        raise KBError(
            f"{where}: {value!r} is not a domain (write it as 'example.com': lower case, "
            "no 'www.', scheme or path)"
        )
    return text


def _handle(value: str, where: str) -> str:
    """A page or account name as written in its record, checked: ``VOANews``, ``@AJEnglish``."""
    text = " ".join(value.split())
    if not handle_key(text) or "/" in text or "@" in text.lstrip("@"):
        raise KBError(f"{where}: {value!r} is not a page or account name")
    return text


class FileReading:
    """What a knowledge base does with its files: each record checked, merged by id (a later
    file's facts win), offices kept for their holders."""

    actors: dict[str, Actor]
    countries: dict[str, Country]
    agents: dict[str, str]
    versions: dict[str, str]
    _offices: dict[str, list[Office]]
    # ("domain" | "handle", key) → (outlet id, the record that gave it): none is shared.
    _outlet_keys: dict[tuple[str, str], tuple[str, str]]

    # -- building --------------------------------------------------------------------------

    def add_csv(self, path: Path | str, text: str) -> None:
        """Read a CSV file of people or of their offices (``#`` lines are comments).

        People: ``id, name, aliases (separated by " | "), surname, gender, country, wikidata``;
        offices: ``person, role, kind, country, sector, from, to``.
        """
        lines = [line for line in text.splitlines() if not line.startswith("#")]
        rows = csv.DictReader(lines)
        columns = set(rows.fieldnames or ())
        self.versions[Path(str(path)).name] = hashlib.sha256(text.encode()).hexdigest()[:8]
        if {"person", "role"} <= columns:
            for number, row in enumerate(rows, start=2):
                where = f"{path}: line {number}"
                person = self._require(row, "person", where)
                self._offices.setdefault(person, []).append(self._office(row, where))
        elif {"id", "name"} <= columns:
            for number, row in enumerate(rows, start=2):
                record = dict(
                    row, aliases=[a.strip() for a in (row.get("aliases") or "").split("|")]
                )
                self._add_people(record, f"{path}: line {number}")
        else:
            raise KBError(f"{path}: a CSV of people (id, name, ...) or offices (person, role, ...)")

    def add_file(self, path: Path | str, text: str) -> None:
        """Read one knowledge-base file's records into this knowledge base."""
        if str(path).endswith(".csv"):
            self.add_csv(path, text)
            return
        name = Path(str(path)).name
        try:
            document = yaml.load(text, Loader=_LOADER)
        except yaml.YAMLError as error:
            raise KBError(f"{path}: not valid YAML ({error})") from None
        except ValueError as error:  # a date such as 2020-13-01
            raise KBError(f"{path}: not a date YAML can read ({error})") from None
        if not isinstance(document, Mapping):
            raise KBError(f"{path}: expected a mapping with 'version' and a list of records")
        sections = [key for key in SECTIONS if key in document]
        if not sections:
            raise KBError(f"{path}: no list of records (one of {', '.join(SECTIONS)})")
        self.versions[name] = str(document.get("version", "?"))
        for section in sections:
            records = document[section] or []
            if not isinstance(records, list):
                raise KBError(f"{path}: '{section}' must be a list")
            for number, record in enumerate(records, start=1):
                where = f"{path}: {section} record {number}"
                if not isinstance(record, Mapping):
                    raise KBError(f"{where}: expected a mapping")
                getattr(self, f"_add_{section}")(record, where)

    def _require(self, record: Mapping[str, Any], key: str, where: str) -> str:
        value = record.get(key)
        if value in (None, ""):
            raise KBError(f"{where}: missing '{key}'")
        return str(value)

    def _merge(self, actor: Actor) -> None:
        """Add an actor, merging with one of the same id: names united, later values win."""
        old = self.actors.get(actor.id)
        if old is None:
            self.actors[actor.id] = actor
            return
        offices = {(o.role, o.kind, o.start): o for o in (*old.offices, *actor.offices)}
        aliases = dict.fromkeys((*old.aliases, *actor.aliases, old.name))
        aliases.pop(actor.name, None)
        merged = replace(
            old,
            **{key: value for key in _MERGED_FIELDS if (value := getattr(actor, key)) is not None},
        )
        self.actors[actor.id] = replace(
            merged,
            aliases=tuple(aliases),
            offices=tuple(offices.values()),
            domains=tuple(dict.fromkeys((*old.domains, *actor.domains))),
            handles=tuple(dict.fromkeys((*old.handles, *actor.handles))),
        )

    def _add_countries(self, record: Mapping[str, Any], where: str) -> None:
        code = self._require(record, "code", where).upper()
        leader = record.get("leader") or "head_of_state"
        if leader not in ("head_of_state", "head_of_government"):
            raise KBError(f"{where} ({code}): leader must be head_of_state or head_of_government")
        country = Country(
            code=code,
            name=self._require(record, "name", where),
            aliases=_strings(record.get("aliases")),
            demonyms=_strings(record.get("demonyms")),
            prefixes=_strings(record.get("prefixes")),
            capital=_text(record.get("capital")),
            metonyms=_strings(record.get("metonyms")),
            regions=_strings(record.get("regions")),
            leader=leader,
            status=str(record.get("status") or "member"),
        )
        self.countries[code] = country
        self._merge(
            Actor(id=code, name=country.name, kind="state", country=code, aliases=country.aliases)
        )

    def _add_igos(self, record: Mapping[str, Any], where: str) -> None:
        self._merge(
            Actor(
                id=self._require(record, "id", where),
                name=self._require(record, "name", where),
                kind="igo",
                country=str(record.get("code") or "IGO"),
                sector=_text(record.get("sector")),
                wikidata=_text(record.get("wikidata")),
                aliases=_strings(record.get("aliases")),
                igo=_text(record.get("cameo")),
            )
        )

    def _add_institutions(self, record: Mapping[str, Any], where: str) -> None:
        self._merge(
            Actor(
                id=self._require(record, "id", where),
                name=self._require(record, "name", where),
                kind="institution",
                country=self._require(record, "country", where),
                sector=self._require(record, "sector", where),
                wikidata=_text(record.get("wikidata")),
                aliases=_strings(record.get("aliases")),
            )
        )

    def _add_outlets(self, record: Mapping[str, Any], where: str) -> None:
        key = self._require(record, "id", where)
        where = f"{where} ({key})"
        state_run = record.get("state_run")
        domains = tuple(_domain(value, where) for value in _strings(record.get("domains")))
        handles = tuple(_handle(value, where) for value in _strings(record.get("handles")))
        for field, values in (("domain", domains), ("handle", [handle_key(h) for h in handles])):
            for value in values:
                owner, given = self._outlet_keys.setdefault((field, value), (key, where))
                if owner != key:
                    raise KBError(
                        f"{where}: {field} {value!r} is already outlet {owner!r}'s ({given}); "
                        f"a {field} names one outlet"
                    )
        self._merge(
            Actor(
                id=key,
                name=self._require(record, "name", where),
                kind="outlet",
                country=_text(record.get("country")),
                sector="JRN",
                wikidata=_text(record.get("wikidata")),
                aliases=_strings(record.get("aliases")),
                state_run=None if state_run is None else bool(state_run),
                domains=domains,
                handles=handles,
            )
        )

    def _add_people(self, record: Mapping[str, Any], where: str) -> None:
        key = self._require(record, "id", where)
        where = f"{where} ({key})"
        offices = [
            self._office(office, f"{where}: office {number}", _text(record.get("country")))
            for number, office in enumerate(record.get("offices") or [], start=1)
        ]
        gender = _text(record.get("gender"))
        if gender not in (None, "m", "f"):
            raise KBError(f"{where}: gender must be m or f")
        self._merge(
            Actor(
                id=key,
                name=self._require(record, "name", where),
                kind="person",
                country=_text(record.get("country")),
                sector=_text(record.get("sector")),
                wikidata=_text(record.get("wikidata")),
                aliases=_strings(record.get("aliases")),
                surname=_text(record.get("surname")),
                gender=gender,
                offices=tuple(offices),
            )
        )

    def _office(self, office: Mapping[str, Any], where: str, country: str | None = None) -> Office:
        kind = office.get("kind") or "other"
        if kind not in OFFICE_KINDS:
            raise KBError(f"{where}: kind must be one of {', '.join(OFFICE_KINDS)}")
        start = _day(office.get("from"), end=False, where=where)
        end = _day(office.get("to"), end=True, where=where)
        if start and end and end < start:
            raise KBError(f"{where}: ends before it starts")
        return Office(
            role=self._require(office, "role", where),
            kind=kind,
            country=_text(office.get("country")) or country,
            sector=_text(office.get("sector")),
            start=start,
            end=end,
        )

    def _add_agents(self, record: Mapping[str, Any], where: str) -> None:
        noun = normal(self._require(record, "noun", where))
        self.agents.setdefault(noun, self._require(record, "sector", where))
