"""The PLOVER event ontology and communique's CAMEO/Goldstein crosswalk.

PLOVER (Open Event Data Alliance) has 16 event types in four quad classes; a type may carry
a ``mode`` (how) whose names repeat across types (CONSULT/visit, THREATEN/restrict and
COERCE/restrict ...), so modes are keyed by ``(type, mode)``. Each ``(type, mode)`` row of
``data/plover.csv`` has a short description, the type's quad class, a representative CAMEO
code with its Goldstein value and the manual's PLOVER score; a type's row with no mode is its
default, used when an event has no mode or one the table does not know.
``data/cameo_plover.csv`` maps every CAMEO code to a PLOVER ``(type, mode)`` (after
CAMEO2PLOVER-2021) with its CAMEO name and Goldstein value.

Older PLOVER names are accepted: the 2016 types DEMAND, DISAPPROVE, INVESTIGATE and FIGHT
(:data:`LEGACY_TYPES`), and older mode names still found in the 2021 conversion table and in
the PLOVER gold records (PROTEST/demo-org, CONSULT/host, ASSAULT/assassinate ...), which are
``legacy`` rows whose ``alias_of`` names the 2024 mode they correspond to.

Both tables are communique's own, written from the PLOVER manual and conversion table (CC BY-SA
4.0, Open Event Data Alliance), the CAMEO codebook and GDELT's CAMEO-to-Goldstein lookup; their
headers credit the sources, and :data:`CROSSWALK_VERSION` is the version they state.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = [
    "CROSSWALK_VERSION",
    "LEGACY_TYPES",
    "QUAD_NAMES",
    "TYPES",
    "Mode",
    "cameo_name",
    "cameo_to_plover",
    "goldstein",
    "mode",
    "modes",
    "normalize_type",
    "quad_code",
    "quad_name",
    "root_code",
]

CROSSWALK_VERSION = "communique-plover-cameo-1"
"""The version of the two data tables; both state it in their header (``# version: ...``)."""

TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 PLOVER 2024 event types, in the manual's order."""

LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}
"""2016 PLOVER type names -> (2024 type, the mode they imply or None)."""

QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
"""PLOVER quad classes by number."""

_PACKAGE = "communique.ontology"
_PLOVER_FILE = "plover.csv"
_CAMEO_FILE = "cameo_plover.csv"
# The CAMEO code of an appeal (CAMEO 02, which PLOVER folds into REQUEST with demands) by the
# REQUEST mode it asks for: to cooperate or help (021), for change (024), to yield (025), to
# meet or negotiate (026); anything else is a plain appeal (020).
APPEAL_CODES: Mapping[str | None, str] = MappingProxyType(
    {None: "020", "assist": "021", "change": "024", "yield": "025", "meet": "026"}
)
# CAMEO's root codes 01-05 are verbal cooperation: an appeal's quad class.
_APPEAL_QUAD = 1
_VERSION_LINE = re.compile(r"^#\s*version:\s*(\S+)\s*$")
_CAMEO_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class Mode:
    """One PLOVER ``(type, mode)`` row; ``mode`` is None on a type's default row.

    ``quad`` is the type's PLOVER quad class (1-4); ``cameo`` the CAMEO code that best
    represents the row and ``goldstein`` its Goldstein value (-10..10); ``plover_score`` the
    PLOVER manual's conflict-cooperation score, None where the manual gives none. A
    ``legacy`` row is an older PLOVER mode name; ``alias_of`` is the 2024 mode of the same
    type it corresponds to (None if there is none).
    """

    type: str
    mode: str | None
    description: str
    quad: int
    cameo: str
    goldstein: float
    plover_score: float | None = None
    legacy: bool = False
    alias_of: str | None = None

    @property
    def current_mode(self) -> str | None:
        """The PLOVER 2024 mode name: the alias of a legacy mode, else the mode itself."""
        return self.alias_of if self.legacy else self.mode


@dataclass(frozen=True, slots=True)
class _Cameo:
    code: str
    name: str
    goldstein: float
    plover: tuple[str, str | None] | None


def _rows(filename: str) -> list[dict[str, str]]:
    """The CSV rows of a data file ('#' lines skipped), once its stated version is checked."""
    text = (resources.files(_PACKAGE) / "data" / filename).read_text(encoding="utf-8")
    lines = text.splitlines()
    version = next((m.group(1) for m in map(_VERSION_LINE.match, lines) if m), None)
    if version != CROSSWALK_VERSION:
        raise RuntimeError(f"{filename} states version {version!r}, expected {CROSSWALK_VERSION!r}")
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(body))


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _read_modes() -> dict[tuple[str, str | None], Mode]:
    """Every row of plover.csv by ``(type, mode)``, in file order."""
    rows = _rows(_PLOVER_FILE)
    table: dict[tuple[str, str | None], Mode] = {}
    for row in rows:
        key = (row["type"], row["mode"] or None)
        if key[0] not in TYPES or key in table:
            raise RuntimeError(f"{_PLOVER_FILE}: bad or repeated row {key}")
        table[key] = Mode(
            type=key[0],
            mode=key[1],
            description=row["description"],
            quad=int(row["quad"]),
            cameo=row["cameo"],
            goldstein=float(row["goldstein"]),
            plover_score=_float(row["plover_score"]),
            legacy=row["status"] == "legacy",
            alias_of=row["alias_of"] or None,
        )
    missing = [t for t in TYPES if (t, None) not in table]
    if missing:
        raise RuntimeError(f"{_PLOVER_FILE}: no default row for {missing}")
    return table


def _read_cameo() -> dict[str, _Cameo]:
    """Every row of cameo_plover.csv by CAMEO code."""
    rows = _rows(_CAMEO_FILE)
    table: dict[str, _Cameo] = {}
    for row in rows:
        plover_type = row["plover_type"] or None
        table[row["cameo"]] = _Cameo(
            code=row["cameo"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            plover=(plover_type, row["plover_mode"] or None) if plover_type else None,
        )
    return table


def _resolve(type: str) -> tuple[str, str | None]:
    """A type name, 2024 or 2016, as (2024 type, implied mode); KeyError when unknown."""
    name = type.strip().upper() if isinstance(type, str) else None
    if name in TYPES:
        return name, None
    if name in LEGACY_TYPES:
        return LEGACY_TYPES[name]
    raise KeyError(f"unknown PLOVER event type: {type!r}")


def normalize_type(type: str) -> str:
    """The PLOVER 2024 type for a type name (any case; 2016 names such as FIGHT accepted).

    Raises KeyError for a name that is neither.
    """
    return _resolve(type)[0]


@dataclass(frozen=True)
class Ontology:
    """The PLOVER types and modes with their quad class, CAMEO code and Goldstein value, and
    the CAMEO codebook crosswalk: read once (``read_ontology``) and passed to who needs it."""

    rows: Mapping[tuple[str, str | None], Mode]
    codebook: Mapping[str, _Cameo]

    def mode(self, type: str, mode: str | None = None) -> Mode:
        """The row for ``(type, mode)``; the type's default row when ``mode`` is None or
        unknown.

        Type names are matched in any case and 2016 names are accepted (DISAPPROVE gives
        ACCUSE/disapprove when no other mode is known); mode names are matched in lower case.
        Raises KeyError for an unknown type.
        """
        plover_type, implied = _resolve(type)
        for candidate in (mode, implied):
            if candidate and candidate.strip():
                found = self.rows.get((plover_type, candidate.strip().lower()))
                if found is not None:
                    return found
        return self.rows[(plover_type, None)]

    def recoded(self, row: Mode, cameo_code: str) -> Mode:
        """A row with another CAMEO code and that code's Goldstein value, where the wording
        decides the code (a denial: CAMEO 016). KeyError for an unknown code."""
        found = self._lookup(cameo_code)
        if found is None:
            raise KeyError(f"unknown CAMEO code: {cameo_code!r}")
        return dataclasses.replace(row, cameo=found.code, goldstein=found.goldstein)

    def appeal(self, mode: str | None = None) -> Mode:
        """A REQUEST worded as an appeal ("urged", "called on") rather than a demand: the
        REQUEST row of ``mode`` with CAMEO's appeal code for it (``APPEAL_CODES``), its
        Goldstein value and CAMEO's quad class for appeals (verbal cooperation)."""
        row = self.mode("REQUEST", mode)
        code = APPEAL_CODES.get(row.current_mode, APPEAL_CODES[None])
        found = self._lookup(code)
        if found is None:
            raise RuntimeError(f"{_CAMEO_FILE} has no appeal code {code}")
        return dataclasses.replace(row, cameo=code, goldstein=found.goldstein, quad=_APPEAL_QUAD)

    def modes(self, type: str, *, include_legacy: bool = False) -> list[Mode]:
        """The rows of a type in table order, its default row (mode None) first; legacy mode
        names are left out unless ``include_legacy``. KeyError for an unknown type."""
        plover_type = normalize_type(type)
        return [
            row
            for (row_type, _), row in self.rows.items()
            if row_type == plover_type and (include_legacy or not row.legacy)
        ]

    def quad_code(self, type: str) -> int:
        """The PLOVER quad class (1-4) of an event type; KeyError for an unknown type."""
        return self.rows[(normalize_type(type), None)].quad

    def _lookup(self, cameo_code: str) -> _Cameo | None:
        return self.codebook.get(str(cameo_code).strip())

    def cameo_to_plover(self, code: str) -> tuple[str, str | None] | None:
        """The PLOVER ``(type, mode)`` of a CAMEO code, as in CAMEO2PLOVER-2021.

        None for codes PLOVER drops (01 statements, 02 appeals) and for unknown codes. Codes
        are strings as written by CAMEO and GDELT, leading zero included ("042", not "42").
        """
        found = self._lookup(code)
        return found.plover if found else None

    def goldstein(self, cameo_code: str) -> float | None:
        """The Goldstein value of a CAMEO code (GDELT's table), None for an unknown code."""
        found = self._lookup(cameo_code)
        return found.goldstein if found else None

    def cameo_name(self, cameo_code: str) -> str | None:
        """The CAMEO codebook name of a code ("042" -> "Make a visit"), None if unknown."""
        found = self._lookup(cameo_code)
        return found.name if found else None


def read_ontology() -> Ontology:
    """The ontology from the shipped data files (plover.csv, cameo_plover.csv), checked."""
    return Ontology(_read_modes(), _read_cameo())


@lru_cache(maxsize=1)
def shipped() -> Ontology:
    """The shipped ontology, read on first use and shared: the analysis gets it in
    ``Resources``; exports, scorers and the module functions below ask here."""
    return read_ontology()


def mode(type: str, mode: str | None = None) -> Mode:
    """``Ontology.mode`` of the shipped ontology."""
    return shipped().mode(type, mode)


def modes(type: str, *, include_legacy: bool = False) -> list[Mode]:
    """``Ontology.modes`` of the shipped ontology."""
    return shipped().modes(type, include_legacy=include_legacy)


def quad_code(type: str) -> int:
    """``Ontology.quad_code`` of the shipped ontology."""
    return shipped().quad_code(type)


def quad_name(quad: int) -> str:
    """The name of a quad class: 1 "verbal cooperation" ... 4 "material conflict"."""
    try:
        return QUAD_NAMES[quad]
    except KeyError:
        raise ValueError(f"quad class must be 1-4, not {quad!r}") from None


def root_code(cameo_code: str) -> str:
    """The two-digit CAMEO root (GDELT EventRootCode) of a 2-4 digit code: "0421" -> "04".

    Raises ValueError when the code is not 2-4 digits.
    """
    code = str(cameo_code).strip()
    if not _CAMEO_CODE.match(code):
        raise ValueError(f"not a CAMEO event code: {cameo_code!r}")
    return code[:2]


def cameo_to_plover(code: str) -> tuple[str, str | None] | None:
    """``Ontology.cameo_to_plover`` of the shipped ontology."""
    return shipped().cameo_to_plover(code)


def goldstein(cameo_code: str) -> float | None:
    """``Ontology.goldstein`` of the shipped ontology."""
    return shipped().goldstein(cameo_code)


def cameo_name(cameo_code: str) -> str | None:
    """``Ontology.cameo_name`` of the shipped ontology."""
    return shipped().cameo_name(cameo_code)
