"""The knowledge base's records: actors, their offices, and the facts about states."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# What an office is, as far as descriptors are concerned ("the Russian leader").
OFFICE_KINDS = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "top_diplomat",
    "other",
)
ACTOR_KINDS = ("person", "state", "government", "igo", "institution", "outlet", "group")
# Kinds that stand for their state: "Russia" and "the Russian government" acting are one side,
# and a state covers everyone of its country.
STATE_KINDS = ("state", "government")


@dataclass(frozen=True, slots=True)
class Office:
    role: str
    kind: str = "other"
    country: str | None = None
    sector: str | None = None
    start: date | None = None
    end: date | None = None  # None: still held

    def held_on(self, day: date | None) -> bool:
        """Whether the office was held on ``day``; with no day, whether it is held now."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone or something that says and does things: a person, state, body or outlet."""

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166 alpha-3, or IGO
    sector: str | None = None  # PLOVER sector
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    surname: str | None = None
    gender: str | None = None  # m | f
    offices: tuple[Office, ...] = ()
    state_run: bool | None = None  # outlets
    igo: str | None = None  # CAMEO code of an IGO (UNO, NAT, ...)
    domains: tuple[str, ...] = ()  # outlets: their sites' domains ("voanews.com")
    handles: tuple[str, ...] = ()  # outlets: page and account names ("VOANews")

    def offices_on(self, day: date | None) -> tuple[Office, ...]:
        return tuple(office for office in self.offices if office.held_on(day))

    def sector_on(self, day: date | None) -> str | None:
        """The sector of the office held on ``day`` (its most senior one), else the actor's.

        With no day, the offices held now, else any office.
        """
        held = self.offices_on(day) or (self.offices if day is None else ())
        ranked = sorted(held, key=lambda office: OFFICE_KINDS.index(office.kind))
        return ranked[0].sector if ranked and ranked[0].sector else self.sector


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # provinces, territories, areas within it
    leader: str = "head_of_state"
    status: str = "member"
    extra: dict[str, str] = field(default_factory=dict)
