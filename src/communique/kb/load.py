"""Loading the knowledge base: the shipped YAML files, then the user's, merged and indexed."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path

from communique.kb.files import SECTOR_LABELS, FileReading, KBError
from communique.kb.model import Actor, Country, Office
from communique.kb.names import handle_key, host_of, normal, parent_domains


class KnowledgeBase(FileReading):
    """Actors and country facts, with the indexes the linker looks names up in."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.countries: dict[str, Country] = {}
        self.agents: dict[str, str] = {}  # normal role noun → sector
        self.versions: dict[str, str] = {}  # file → version
        self.by_name: dict[str, tuple[str, ...]] = {}
        self.by_surname: dict[str, tuple[str, ...]] = {}
        self.by_demonym: dict[str, str] = {}
        self.by_metonym: dict[str, str] = {}
        self.by_prefix: dict[str, str] = {}
        self.by_region: dict[str, str] = {}
        self.by_domain: dict[str, str] = {}  # outlet's domain → outlet id
        self.by_handle: dict[str, str] = {}  # page or account name (handle_key) → outlet id
        self._offices: dict[str, list[Office]] = {}  # from office files, by person id
        self._outlet_keys: dict[tuple[str, str], tuple[str, str]] = {}
        self.generated: set[str] = set()  # ids first read from generated (phoenix_) files

    # -- looking things up -----------------------------------------------------------------

    @property
    def version(self) -> str:
        """One string naming the files and versions this knowledge base was built from."""
        return " ".join(f"{name}:{version}" for name, version in sorted(self.versions.items()))

    def named(self, name: str) -> list[Actor]:
        """Actors whose name or alias is ``name`` (in normal form)."""
        return [self.actors[key] for key in self.by_name.get(normal(name), ())]

    def outlet_by_domain(self, url_or_host: str) -> Actor | None:
        """The outlet whose site a URL or host is on: the host's own domain or any domain
        above it (``edition.cnn.com`` → CNN, ``news.cn`` → Xinhua); None when unknown."""
        host = host_of(url_or_host)
        if host is None:
            return None
        for domain in parent_domains(host):
            key = self.by_domain.get(domain)
            if key is not None:
                return self.actors[key]
        return None

    def outlet_by_handle(self, name: str) -> Actor | None:
        """The outlet with a page or account of this name, in any case, with or without its
        "@" (``"@SputnikInt"``, ``"xhnews"``); None when unknown."""
        key = self.by_handle.get(handle_key(name))
        return None if key is None else self.actors[key]

    def surnamed(self, name: str) -> list[Actor]:
        return [self.actors[key] for key in self.by_surname.get(normal(name), ())]

    def state(self, code: str) -> Actor:
        return self.actors[code]

    def body(self, code: str, sector: str) -> Actor:
        """The collective actor for a state's sector: "the Chinese military" → CHN:MIL."""
        key = f"{code}:{sector}"
        actor = self.actors.get(key)
        if actor is None:
            country = self.countries.get(code)
            label = SECTOR_LABELS.get(sector, sector)
            adjective = country.demonyms[0] if country and country.demonyms else None
            name = f"{adjective or (country.name if country else code)} {label}"
            kind = "government" if sector == "GOV" else "group"
            actor = Actor(id=key, name=name, kind=kind, country=code, sector=sector)
            self.actors[key] = actor
        return actor

    def holders(self, country: str, kinds: Iterable[str], day: date | None) -> list[Actor]:
        """People holding an office of one of ``kinds`` for ``country`` on ``day``."""
        wanted = set(kinds)
        return [
            actor
            for actor in self._people_of(country)
            if any(o.kind in wanted and o.country == country for o in actor.offices_on(day))
        ]

    @functools.cached_property
    def _offices_by_country(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, set[str]] = defaultdict(set)
        for actor in self.actors.values():
            for office in actor.offices:
                if office.country:
                    index[office.country].add(actor.id)
        return {country: tuple(sorted(ids)) for country, ids in index.items()}

    def _people_of(self, country: str) -> list[Actor]:
        return [self.actors[key] for key in self._offices_by_country.get(country, ())]

    def _settle(self) -> None:
        """Attach offices read on their own, and fold generated people into hand-kept ones.

        A person of the generated files who has a name of a hand-kept person of the same
        country is that person ("Nikolay Patrushev" and "Nikolai Patrushev"): their names and
        offices join the hand-kept record, whose facts win.
        """
        for key, offices in self._offices.items():
            actor = self.actors.get(key)
            if actor is not None:
                self.actors[key] = replace(actor, offices=(*actor.offices, *offices))
        self._offices = {}
        kept: dict[tuple[str, str | None], str] = {}
        for actor in self.actors.values():
            if actor.kind == "person" and actor.id not in self.generated:
                for name in (actor.name, *actor.aliases):
                    kept.setdefault((normal(name), actor.country), actor.id)
        for key in sorted(self.generated):
            actor = self.actors.get(key)
            if actor is None or actor.kind != "person":
                continue
            target = next(
                (kept[(normal(n), actor.country)] for n in (actor.name, *actor.aliases)
                 if (normal(n), actor.country) in kept),
                None,
            )  # fmt: skip
            if target is None or target == key:
                continue
            hand = self.actors[target]
            names = dict.fromkeys((*hand.aliases, actor.name, *actor.aliases))
            names.pop(hand.name, None)
            known = {office.start for office in hand.offices}
            offices = [office for office in actor.offices if office.start not in known]
            self.actors[target] = replace(
                hand, aliases=tuple(names), offices=(*hand.offices, *offices)
            )
            del self.actors[key]

    def index(self) -> KnowledgeBase:
        """Build the look-up indexes once every file is in."""
        self._settle()
        names: dict[str, list[str]] = defaultdict(list)
        surnames: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                key = normal(name)
                if key and actor.id not in names[key]:
                    names[key].append(actor.id)
            if actor.kind == "person":
                surname = actor.surname or actor.name.split()[-1]
                if actor.id not in surnames[normal(surname)]:
                    surnames[normal(surname)].append(actor.id)
        self.by_name = {key: tuple(ids) for key, ids in names.items()}
        for actor in self.actors.values():
            for domain in actor.domains:
                self.by_domain[domain] = actor.id
            for handle in actor.handles:
                self.by_handle[handle_key(handle)] = actor.id
        self.by_surname = {key: tuple(ids) for key, ids in surnames.items()}
        for country in self.countries.values():
            for demonym in country.demonyms:
                self.by_demonym.setdefault(normal(demonym), country.code)
            for metonym in (*country.metonyms, *([country.capital] if country.capital else [])):
                self.by_metonym.setdefault(normal(metonym), country.code)
            for prefix in country.prefixes:
                self.by_prefix.setdefault(normal(prefix.rstrip("-")), country.code)
            for region in country.regions:
                self.by_region.setdefault(normal(region), country.code)
        return self


def shipped_files() -> list[tuple[str, str]]:
    """The knowledge-base files shipped with communique, as (name, text), in merge order."""
    folder = resources.files("communique") / "kb" / "data"
    found = {e.name: e for e in folder.iterdir() if e.name.endswith((".yaml", ".csv"))}
    # Generated facts first, so that the hand-kept files correct them on merge.
    order = sorted(found, key=lambda name: (not name.startswith("phoenix_"), name))
    return [(name, found[name].read_text(encoding="utf-8")) for name in order]


def _load(extra: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for name, text in shipped_files():
        before = set(kb.actors)
        kb.add_file(name, text)
        if name.startswith("phoenix_"):
            kb.generated |= set(kb.actors) - before
    for path in extra:
        text = _user_file(path)
        kb.add_file(path, text)
        kb.versions[Path(path).name] = hashlib.sha256(text.encode()).hexdigest()[:8]
    return kb.index()


def _user_file(path: str) -> str:
    """The text of a user's knowledge-base file; KBError naming it when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise KBError(f"{path}: cannot read ({error.strerror or error})") from None


def load(extra: Sequence[Path | str] = ()) -> KnowledgeBase:
    """The knowledge base: shipped files, then the user's ``--actors`` files (which win)."""
    return _load(tuple(str(path) for path in extra))


_OUTLETS_SECTION = re.compile(r"^outlets:", re.MULTILINE)


@functools.cache
def _load_outlets(extra: tuple[str, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for name, text in shipped_files():
        if name.endswith(".yaml") and _OUTLETS_SECTION.search(text):
            kb.add_file(name, text)
    for path in extra:
        kb.add_file(path, _user_file(path))
    return kb.index()


def load_outlets(extra: Sequence[Path | str] = ()) -> KnowledgeBase:
    """A knowledge base of the outlets only (the shipped files that hold outlets, then the
    user's files), for looking outlets up by name, domain or handle without loading every
    person. Read once per process for the same files; treat it as read-only."""
    return _load_outlets(tuple(str(path) for path in extra))
