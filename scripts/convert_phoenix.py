"""Convert the Phoenix/PETRARCH2 and PLOVER dictionaries into communique knowledge-base YAML.

What it converts (see ``docs/knowledge-base.md`` for the target format):

1. ``phoenix_dictionaries/Phoenix.Countries.actors.txt`` -- the TABARI/PETRARCH actor
   dictionary (openeventdata/petrarch2 @ 676801c, generated from CountryInfo.140130.txt) -- into
   ``phoenix_people.csv`` and ``phoenix_offices.csv``: one row per person whose dated codes
   reach 1990 or later, with an office per dated code.
2. ``PLOVER_agents.txt`` (PLOVER sector codes) and, for nouns it lacks,
   ``phoenix_dictionaries/Phoenix.agents.txt`` (CAMEO agent codes, mapped to PLOVER sectors)
   into ``agents.yaml``: role nouns ("foreign minister", "troops") with their PLOVER sector.
3. The dictionaries' MIT licence into ``LICENSE-phoenix.txt``.

Source and licence: the dictionaries are (c) 2014 Open Event Data Alliance, MIT licence; the
notice is copied to the top of each generated file and to ``LICENSE-phoenix.txt``.

The actor dictionary syntax (PETRARCH2 ``PETRreader.read_actor_dictionary``): a primary phrase
at column 0 (``VLADIMIR_PUTIN_  # CountryInfo.txt``; a trailing ``_`` marks a whole-word match),
``+`` synonym phrases, then indented code lines ``[RUSGOV 991231-080507]``, ``[RUSGOV >080508]``,
``[RUSELI <970101]`` or an undated default ``[RUSELI]``. Dates are yymmdd (00-29 -> 20xx,
30-99 -> 19xx) or yyyymmdd; limits are inclusive. Consecutive primary phrases with no codes of
their own share the codes that follow them, as in PETRARCH. ``#`` starts a comment; a comment
on a code line sometimes names the office (``# Foreign Minister``).

The facts (names, codes, dates) are only what the dictionaries say: nothing is looked up. Names
are written as English news writes them (title case, "bin"/"de" lower-case, "al-Assad",
"Ban Ki-moon", honorifics such as SIR_ dropped) and the surname follows each country's
convention (see ``surname_of``). Offices get a role from their code-line comment when one
names an office, else a generic role from the sector; ``kind`` is other unless that comment
names a head of state or government, a foreign or a defence minister. Hand-written
``people.yaml`` wins over this file on merge.

Run it from the repository root (no network; deterministic output)::

    .venv/bin/python scripts/convert_phoenix.py [--reference DIR] [--out DIR] [--verbose]

``--reference`` defaults to ``<repo>/../shared/reference``, ``--out`` to
``<repo>/src/communique/kb/data``.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent


def _split(text: str) -> list[str]:
    """The words of a block of text: how the word lists below are written."""
    return text.split()


SOURCE_REF = "petrarch2 @ 676801c"
ACTORS_FILE = "phoenix_dictionaries/Phoenix.Countries.actors.txt"
PHOENIX_AGENTS_FILE = "phoenix_dictionaries/Phoenix.agents.txt"
PLOVER_AGENTS_FILE = "PLOVER_agents.txt"
LICENSE_FILE = "phoenix_dictionaries/LICENSE"

# People whose every dated code ended before this day are left out: too old to matter, and a
# source of false matches.
CUTOFF = date(1990, 1, 1)

# ---------------------------------------------------------------------------------------------
# Sectors

# PLOVER sector codes (PLOVER manual, "Sector Codes"). UNK (unidentified actor) and PRE (a tag
# added to other sectors for partially recognised entities) are PLOVER codes too, but name no
# sector a role noun or a person belongs to, so they are not used here.
PLOVER_SECTORS = frozenset(
    _split(
        """
        GOV MIL COP JUD LEG SPY OPP REB BUS CVL MED JRN EDU REL LAB AGR ELI REF CRM UAF PTY SOC
        PRM
        """
    )
)
# CAMEO agent codes that PLOVER renamed or merged. PLOVER renamed CAMEO's MED (media) to JRN
# and HLH (health) to MED; CAMEO's religion codes are PLOVER's REL (as in PLOVER_agents.txt);
# PLOVER dropped CAMEO's INS/SEP (insurgents, separatists) for REB.
CAMEO_RENAMED = {
    "MED": "JRN",
    "HLH": "MED",
    "MUS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "BUD": "REL",
    "HIN": "REL",
    "INS": "REB",
    "SEP": "REB",
}
# Codes in the dictionaries with no PLOVER sector counterpart (dropped, reported in agents.yaml).
NO_PLOVER_SECTOR = {
    "DEV": "development (CAMEO)",
    "ENV": "environment (CAMEO)",
    "HRI": "human rights (CAMEO)",
    "RAD": "radicals (CAMEO)",
    "PPL": "people in general (CAMEO)",
    "NGO": "non-governmental organisation (an actor code in PLOVER, not a sector)",
    "IGO": "intergovernmental organisation (an actor code in PLOVER, not a sector)",
    "IMG": "international militant group (CAMEO actor code)",
    "UNK": "unidentified actor (PLOVER; generic words such as 'man', 'group')",
    "PRE": "partially recognised entity (PLOVER tag, not a role)",
    "NON": "not an actor (days of the week, regions)",
    "JNK": "not an actor (natural disasters)",
}
# Generic office roles by PLOVER sector, for offices whose code line names none.
SECTOR_ROLES = {
    "GOV": "government official",
    "MIL": "military officer",
    "ELI": "former official",
    "OPP": "opposition figure",
    "LEG": "legislator",
    "JUD": "judge",
    "SPY": "intelligence official",
    "COP": "police official",
    "BUS": "business figure",
    "REB": "rebel leader",
    "PTY": "party official",
    "CVL": "civil society figure",
    "SOC": "civil society figure",
    "EDU": "academic",
    "REL": "religious figure",
    "LAB": "labour leader",
    "AGR": "farmers' leader",
    "MED": "health official",
    "JRN": "journalist",
    "REF": "refugee",
    "CRM": "criminal suspect",
    "UAF": "armed group member",
    "PRM": "paramilitary leader",
}
# ELI (elites) before any other office: "former official" would be wrong, so this instead.
ELI_BEFORE_OFFICE_ROLE = "political figure"

# ---------------------------------------------------------------------------------------------
# Countries

# First code elements that are not states. KNT is "Kinakuta", CAMEO's fictional test country;
# USR marks Soviet republics in country-level entries.
NOT_COUNTRIES = frozenset({"IGO", "IMG", "NGO", "NGM", "MNC", "UIS", "KNT", "USR"})
# CAMEO country codes that differ from the ISO 3166-1 alpha-3 codes the knowledge base uses.
# (SUN, YUG, CSK, DDR and SCG are the withdrawn ISO alpha-3 codes of those states: kept.)
CAMEO_TO_ISO = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "FRY": "YUG"}

# ---------------------------------------------------------------------------------------------
# Roles named in code-line comments of Phoenix.Countries.actors.txt: comment -> (role, kind).
# Comments not listed here (editorial notes such as "check start date") are not roles.
COMMENT_ROLES: dict[str, tuple[str, str]] = {
    "Foreign Minister": ("Foreign Minister", "foreign_minister"),
    "Prime Minister": ("Prime Minister", "head_of_government"),
    "PM": ("Prime Minister", "head_of_government"),
    "PM pt. 1": ("Prime Minister", "head_of_government"),
    "PM pt. 2": ("Prime Minister", "head_of_government"),
    "Acting PM": ("Acting Prime Minister", "head_of_government"),
    "Dep. PM": ("Deputy Prime Minister", "other"),
    "President of Germany": ("President of Germany", "head_of_state"),
    "Chancellor of Germany": ("Chancellor of Germany", "head_of_government"),
    "President of the Bundesrat": ("President of the Bundesrat", "other"),
    "Prime Minister of Lower Saxony": ("Prime Minister of Lower Saxony", "other"),
    "Supreme Leader": ("Supreme Leader", "head_of_state"),
    "Assembly of Experts": ("Member of the Assembly of Experts", "other"),
    "Secretary of State": ("Secretary of State", "foreign_minister"),
    "Sec State": ("Secretary of State", "foreign_minister"),
    "brief acting Sec State": ("Acting Secretary of State", "foreign_minister"),
    "Dep Sec State": ("Deputy Secretary of State", "other"),
    "Under Secretary of State for Political Affairs": (
        "Under Secretary of State for Political Affairs",
        "other",
    ),
    "Sec Def": ("Secretary of Defense", "defence_minister"),
    "Dep Sec Def": ("Deputy Secretary of Defense", "other"),
    "Sec of Army": ("Secretary of the Army", "other"),
    "National security advisor": ("National Security Advisor", "other"),
    "Dep NatSecAd": ("Deputy National Security Advisor", "other"),
    "then Chief of Staff": ("White House Chief of Staff", "other"),
    "DCI": ("Director of Central Intelligence", "other"),
    "Dep DCI": ("Deputy Director of Central Intelligence", "other"),
    "General council to DOD": ("General Counsel of the Department of Defense", "other"),
    "Senator from Nebraska": ("Senator from Nebraska", "other"),
    "Amb. to UN": ("Ambassador to the United Nations", "other"),
    "Amb to Philippines (need dates)": ("Ambassador to the Philippines", "other"),
    "Amb. to Japan (need dates)": ("Ambassador to Japan", "other"),
    "various Amb.ships (need start)": ("Ambassador", "other"),
    "CMDR Air Force": ("Commander of the Air Force", "other"),
    "Min of Civil Aviation": ("Minister of Civil Aviation", "other"),
    "Min. of Water Resources": ("Minister of Water Resources", "other"),
    "Min. of Fin.": ("Minister of Finance", "other"),
    "entered Foreign Service": ("Foreign Service officer", "other"),
}
# Offices whose kind holds only in the United States (the only country these comments occur
# for in the dictionary; "Secretary of State" elsewhere is a minister of any portfolio).
US_ONLY_KINDS = {"Secretary of State", "Acting Secretary of State", "Secretary of Defense"}

# ---------------------------------------------------------------------------------------------
# Names

# Words that make a phrase an institution, a role or a descriptor rather than a person's name.
INSTITUTION_WORDS = frozenset(
    _split(
        """
        ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD
        BRIGADE BUREAU CABINET CENTER CENTRE CHAMBER COALITION COMMAND COMMISSION COMMITTEE COMPANY
        CONGRESS CONVENTION CORPORATION CORPS COUNCIL COURT DEPARTMENT DIRECTORATE DIVISION EMBASSY
        FEDERATION FORCE FORCES FOUNDATION FRONT GOVERNMENT GROUP GUARD GUARDS INSTITUTE JUNTA
        KINGDOM LEAGUE MINISTRY MINISTRIES MOVEMENT NAVY OFFICE ORGANISATION ORGANIZATION PARLIAMENT
        PARTY POLICE REGIME REGIMENT REPUBLIC SENATE SERVICE SERVICES STATE STATES TRIBUNAL UNION
        UNIVERSITY SCHOOL COLLEGE NEWS TIMES RADIO TELEVISION AIRWAYS AIRLINES OCCUPATION MILITARY
        REBELS INSURGENTS MILITIA MILITANTS NATIONAL PEOPLE'S PEOPLES DEMOCRATIC REVOLUTIONARY
        LIBERATION ISLAMIC FAMILY DYNASTY CLAN TRIBE SUPPORTERS LOYALISTS FOLLOWERS
        """
    )
)
# Titles and words that never belong to a person's name: a phrase with one is a descriptor.
TITLE_WORDS = frozenset(
    _split(
        """
        PRESIDENT PRESIDENT-ELECT VICE VICE-PRESIDENT PRIME MINISTER MINISTERS PREMIER CHANCELLOR
        KANZLER BUNDESKANZLER SECRETARY SECRETARY-GENERAL SEC. MIN. FORMER EX EX-PRESIDENT LEADER
        LEADERS GENERAL GEN. LT. LIEUTENANT COLONEL COL. MAJOR-GENERAL ADMIRAL ADM. BRIGADIER
        CAPTAIN CAPT. COMMANDER CHAIRMAN CHAIRWOMAN DEPUTY SPEAKER SENATOR SEN. REP. REPRESENTATIVE
        CONGRESSMAN CONGRESSWOMAN GOVERNOR GOV. MAYOR AMBASSADOR ENVOY EMPEROR EMPRESS MONARCH
        DICTATOR STRONGMAN REFORMER ACTING INTERIM SPOKESMAN SPOKESWOMAN OFFICIAL OFFICIALS
        CANDIDATE PRESIDENTIAL FIRST THE OF AND FOR MR. MRS. MS.
        """
    )
)
# Honorifics a dictionary name may start with; they are dropped from the name ("SIR_JULIUS_
# CHAN" -> "Julius Chan", "QUEEN_ELIZABETH_II" -> "Elizabeth II") when two words remain.
HONORIFIC_PREFIXES: tuple[tuple[str, ...], ...] = tuple(
    tuple(prefix.split("_"))
    for prefix in _split(
        """
        HOJJAT_OL_ESLAM HOJJATOLESLAM HOJATOLISLAM GRAND_AYATOLLAH AYATOLLAH CROWN_PRINCE
        CROWN_PRINCESS TAN_SRI SIR DAME LORD LADY RATU SHEIKH SHAIKH CHEIKH SHEIKHA TUANKU
        PRINCE PRINCESS QUEEN KING EMIR BISHOP CARDINAL CHIEF HAJI HAJJI LYONPO DASHO DATUK DATO
        TUN MR. MRS. MS. DR. PROF. MR MRS MS DR GENERAL GEN. LT. LT._GEN. COLONEL COL. MARSHAL
        FIELD_MARSHAL ADMIRAL BRIGADIER CAPTAIN CAPT.
        """
    )
)
# Words that make a name variant a descriptor ("RUSSIAN_PRESIDENT_PUTIN", "KANZLER_MERKEL")
# when the canonical name does not have them; with the one-word agent nouns and demonyms.
DESCRIPTOR_WORDS = frozenset(
    _split(
        """
        CHIEF CHAIR JUSTICE JUDGE ATTORNEY PROSECUTOR OPPOSITION DEFENSE DEFENCE FOREIGN INTERIOR
        POPE ARCHBISHOP IN ON AT TO NORTH SOUTH EAST WEST NORTHERN SOUTHERN EASTERN WESTERN CENTRAL
        UNITED U.S. US USA UN U.N. EU NATO AMERICAN BRITISH RUSSIAN CHINESE SOVIET GERMAN FRENCH
        JAPANESE ISRAELI PALESTINIAN IRANIAN IRAQI SYRIAN EGYPTIAN TURKISH INDIAN PAKISTANI AFGHAN
        KOREAN MARSHAL FIELD MAJOR SULTAN VISCOUNT BARON EARL DUKE MR MRS MS DR
        """
    )
)
# Institution words and titles rule out a phrase as a person's name.
NOT_NAME_WORDS = INSTITUTION_WORDS | TITLE_WORDS
HONORIFIC_WORDS = frozenset(word for prefix in HONORIFIC_PREFIXES for word in prefix)
# Country-level variants that look like demonyms (RUSSIAN, AFGHANI, CHINESE, BRITISH) are
# descriptors in a variant of a person's name; place names are not (LIMA, LAWRENCE).
DEMONYM = re.compile(r"^[A-Z'\-]+(?:AN|ANS|ESE|ISH|I|IC|OT|ER|ERS|ENE|EAN)$")
# Lower-case name particles ("Osama bin Laden", "Charles de Gaulle") when inside a name.
PARTICLES = frozenset(
    _split("BIN IBN BINT AL EL DE DEL DELLA DA DAS DOS DO DU VAN VON DER DEN TER UL")
)
# Particles joined to the next word by a hyphen ("Hazem al-Beblawi"), as English news writes.
HYPHENATED_PARTICLES = frozenset({"AL", "EL"})
NAME_SUFFIXES = {"JR.": "Jr.", "JR": "Jr.", "SR.": "Sr.", "SR": "Sr."}
ROMAN_NUMERALS = frozenset(_split("II III IV V VI VII VIII IX X XI XII"))
# Countries where names do not take lower-case particles (Belgian "Van Rompuy", "De Croo";
# Vietnamese "Van" is a middle name).
NO_PARTICLE_COUNTRIES = frozenset({"BEL", "VNM", "CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"})
# Chinese names: family name first ("Hu Jintao" -> Hu), but the dictionary also writes some
# in Western order ("Chok Tong Goh", "Ambrose Lee", "Andrew Li Kwok Nang"); see surname_of.
CHINESE_NAME_COUNTRIES = frozenset({"CHN", "TWN", "HKG", "MAC", "SGP"})
# Korean names: family name first, always.
KOREAN_NAME_COUNTRIES = frozenset({"KOR", "PRK"})
# Hyphenated Chinese and Korean given names keep the second syllable lower-case: "Ki-moon".
SYLLABLE_HYPHEN_COUNTRIES = CHINESE_NAME_COUNTRIES | KOREAN_NAME_COUNTRIES
# Countries whose people English news calls by their first (given) name on second reference:
# Thai ("Yingluck"), Malaysian ("Najib", "Mahathir"; Chinese Malaysians family name first),
# Ethiopian and Eritrean (patronymics: "Meles", "Isaias").
GIVEN_NAME_FIRST_COUNTRIES = frozenset({"THA", "MYS", "BRN", "ETH", "ERI"})
# Vietnamese names are family name first too, but news uses the last (given) name on second
# reference ("Nguyen Tan Dung ... Dung said"), which is the default rule.
# Countries whose people news names in full on second reference (Myanmar has no family names:
# "Thein Sein"; Cambodian: "Hun Sen"): no surname is given.
NO_SURNAME_COUNTRIES = frozenset({"MMR", "KHM"})
# Romanised Chinese family names (pinyin, Wade-Giles, Cantonese, Hokkien, Teochew).
CHINESE_FAMILY_NAMES = frozenset(
    _split(
        """
        AN AO AU BAI BAN BAO BO CAI CAO CHAI CHAN CHANG CHAO CHEE CHEN CHENG CHEONG CHEUNG CHEW
        CHIANG CHIEN CHIN CHING CHIOU CHIU CHONG CHOU CHOW CHU CHUA CHUANG CHUNG CUI DAI DENG DING
        DONG DU FAN FANG FEI FENG FONG FOO FU GAN GAO GE GENG GOH GONG GU GUAN GUO HAN HAO HE HENG
        HO HOU HSIAO HSIEH HSU HSUEH HU HUA HUANG HUI HUNG IP JIA JIANG JIN KAO KHAW KHOO KOH KONG
        KU KUAN KUNG KUO KWAN KWOK LAI LAM LAU LAW LEE LEI LEUNG LI LIANG LIAO LIEN LIM LIN LING LIU
        LO LOH LOKE LONG LOW LU LUI LUO LYU MA MAH MAO MENG MO MU NG NI NIE ONG OU PAN PANG PENG
        PERNG PHUA POH QI QIAN QIN QIU QUEK REN SEAH SHAO SHEN SHI SHIH SIM SIU SONG SU SUN SUNG SZE
        TAN TANG TAO TAY TEH TENG TEO TIAN TIEN TING TOH TSAI TSANG TSAO TSE TSENG TUAN TUNG WAN
        WANG WEE WEI WEN WONG WU XI XIA XIANG XIAO XIE XING XIONG XU XUE YAN YANG YAO YE YEH YEN YEO
        YEOH YIN YIP YU YUAN YUE YUEN YUN ZENG ZHANG ZHAO ZHENG ZHONG ZHOU ZHU ZOU CHI SAM HWANG
        OUYANG SHIEH CHUI TAM HAU TU CHOI YAU SUEN TONG MAK LUK TSUI FUNG KWONG TSOI LEONG LOK WOO
        CHEUK SZETO YUNG YEUNG SOONG SIEW HWA
        """
    )
)
# One romanised Chinese syllable ("Boon", "Hsien", "Chok"); "Andrew", "Carrie" are not.
CHINESE_SYLLABLE = re.compile(
    r"^(?:ch|hs|sh|ts|tz|zh|kh|kw|gw|ng|[bcdfghjklmnpqrstvwxyz])?h?[aeiouy]{1,3}"
    r"(?:rng|ng|[nmhkptrw])?$",
    re.IGNORECASE,
)
# A word of a name: letters (any script), with inner apostrophes, hyphens or dots.
NAME_TOKEN = re.compile(r"^'?[^\W\d_](?:[^\W\d_]|['.\-])*$")
INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5

# ---------------------------------------------------------------------------------------------
# Agents

AGENT_LINE = re.compile(
    r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]"
)
MARKER_LINE = re.compile(r"^!(?P<name>[A-Z]+)!\s*=\s*(?P<items>.+)$")
AGENT_TOKEN = re.compile(r"^[a-z0-9](?:[a-z0-9'&./\-]*[a-z0-9.])?,?$")
# Words with no plural of their own ("police", "personnel"); phrases ending in them get none.
UNCOUNTABLE = frozenset(
    _split(
        """
        POLICE PERSONNEL MEDIA INTELLIGENCE CLERGY STAFF ARTILLERY INFANTRY CAVALRY PRESS PUBLIC
        LEADERSHIP SECURITY JUSTICE LABOR LABOUR COUNTERINTELLIGENCE ENFORCEMENT AVIATION PEOPLE
        MEN WOMEN CHILDREN POLICING COMMERCE AGRICULTURE OPPOSITION
        """
    )
)
# Stems left in the dictionaries ("a few stems remain"): the words they stand for.
STEMS = {
    "MINIST": ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"],
    "AUTHORIT": ["AUTHORITY", "AUTHORITIES"],
    "COMPAN": ["COMPANY", "COMPANIES"],
}
# American and British spellings: a noun with one gets the other too, if the dictionaries lack
# it ("defense ministry" -> "defence ministry"); the dictionaries' header lists this as a gap.
SPELLINGS = {
    "defense": "defence",
    "labor": "labour",
    "organization": "organisation",
    "organizations": "organisations",
    "center": "centre",
    "centers": "centres",
}
# Words ending in MAN that do not make their plural in MEN.
MAN_NOT_MEN = frozenset({"HUMAN", "GERMAN", "ROMAN", "SHAMAN", "OTTOMAN", "TALISMAN", "OMAN"})
PREPOSITIONS = frozenset({"OF", "FOR", "TO", "IN", "ON", "AT", "WITH", "FROM"})
SPELLING_SOURCE = "spelling variants"


# =============================================================================================
# Shared helpers


def read_lines(path: Path) -> list[str]:
    """The file's lines, decoded as UTF-8 line by line (a few lines are in other encodings)."""
    return [raw.decode("utf-8", errors="replace") for raw in path.read_bytes().splitlines()]


def mit_notice(lines: list[str]) -> list[str]:
    """The MIT notice in a dictionary's header comment, without the comment marks."""
    start = next(i for i, line in enumerate(lines) if "The MIT License" in line)
    end = next(i for i in range(start, len(lines)) if "THE SOFTWARE." in lines[i])
    return [line.lstrip("#").removeprefix(" ").rstrip() for line in lines[start : end + 1]]


def comment_block(lines: list[str]) -> str:
    """Lines as a YAML comment block."""
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def slug(name: str) -> str:
    """An ASCII id from a name, as ``communique.kb.names.slug`` makes it: "Ban Ki-moon" ->
    "ban-ki-moon"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().strip().replace(".", "").replace("’", "'")
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"[\s_]+", " ", text).strip()
    text = text.replace("'", "").replace(" ", "-")
    return text.encode("ascii", errors="ignore").decode("ascii")


class Log:
    """Counts of what was dropped or adjusted, with a few examples of each, for the report."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}

    def note(self, what: str, example: str) -> None:
        self.counts[what] += 1
        self.examples.setdefault(what, [])
        if len(self.examples[what]) < 6:
            self.examples[what].append(example)

    def report(self, verbose: bool) -> None:
        for what, count in sorted(self.counts.items()):
            print(f"  {count:6d}  {what}", file=sys.stderr)
            if verbose:
                for example in self.examples[what]:
                    print(f"            e.g. {example}", file=sys.stderr)


# =============================================================================================
# Actor dictionary


@dataclass
class Code:
    """One code line of an actor entry."""

    code: str
    dated: bool
    start: date | None
    end: date | None
    comment: str
    line: int


@dataclass
class Entry:
    """An actor entry: its primary phrases, ``+`` synonyms and codes."""

    line: int
    primaries: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    closed: bool = False  # has a code line, even one that could not be read


@dataclass
class Office:
    role: str
    kind: str
    country: str
    sector: str
    start: date | None
    end: date | None

    def sort_key(self) -> tuple[date, date, str, str]:
        return (self.start or date.min, self.end or date.max, self.sector, self.role)

    def as_record(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "from": self.start,
            "to": self.end,
        }


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    surname: str | None
    country: str
    offices: list[Office]
    line: int


def parse_date(text: str) -> date | None:
    """yymmdd (00-29 -> 20xx, 30-99 -> 19xx) or yyyymmdd; None if it is neither."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 29 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        return None


CODE_LINE = re.compile(r"\[\s*(?P<code>[A-Za-z]+)\s*(?P<dates>[^\]]*)\](?:[^#]*#\s*(?P<note>.*))?")


def parse_code(text: str, line: int, log: Log) -> Code | None:
    """A code line such as ``[RUSGOV >20040309]  # Foreign Minister``; None if unreadable."""
    match = CODE_LINE.search(text)
    if not match:
        log.note("unreadable code lines skipped", f"line {line}: {text.strip()}")
        return None
    code = match["code"].upper()
    spec = match["dates"].strip()
    note = (match["note"] or "").strip()
    if not spec:
        return Code(code, False, None, None, note, line)
    if m := re.fullmatch(r">\s*(\d+)", spec):
        start, end, ok = parse_date(m[1]), None, parse_date(m[1]) is not None
    elif m := re.fullmatch(r"<\s*(\d+)", spec):
        start, end, ok = None, parse_date(m[1]), parse_date(m[1]) is not None
    elif m := re.fullmatch(r"(\d+)\s*-\s*(\d+)", spec):
        start, end = parse_date(m[1]), parse_date(m[2])
        ok = start is not None and end is not None
    else:
        ok, start, end = False, None, None
    if not ok:
        log.note("codes with an unreadable date skipped", f"line {line}: {text.strip()}")
        return None
    if start and end and end < start:
        log.note("codes ending before they start skipped", f"line {line}: {text.strip()}")
        return None
    return Code(code, True, start, end, note, line)


def parse_actors(lines: list[str], log: Log) -> list[Entry]:
    """The entries of a TABARI/PETRARCH actor dictionary, grouped as PETRARCH groups them."""
    entries: list[Entry] = []
    current: Entry | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "<!--")):
            continue
        if line[0] in " \t" or line[0] == "[":
            if current is not None and "[" in line:
                current.closed = True
                if (code := parse_code(line, number, log)) is not None:
                    current.codes.append(code)
            continue
        if line[0] == "+":
            if current is not None:
                current.synonyms.append(line[1:].split("#", 1)[0].strip())
            continue
        # A primary phrase: it starts a new entry unless the current one has no codes yet.
        text = line.split("#", 1)[0]
        if current is None or current.closed:
            current = Entry(number)
            entries.append(current)
        if "[" in text:
            phrase, _, rest = text.partition("[")
            default = rest.partition("]")[0].strip()
            current.closed = True
            if re.fullmatch(r"[A-Za-z]+", default):
                current.codes.append(Code(default.upper(), False, None, None, "", number))
            text = phrase
        current.primaries.append(text.strip())
    return entries


def code_parts(code: str) -> tuple[str | None, str | None]:
    """(country, PLOVER sector) of a CAMEO code: GBRVGBGOV -> (GBR, GOV), RUSGOVMIL -> (RUS,
    GOV). The sector is the first 3-letter element after the country that maps to a PLOVER
    sector (regions such as VGB are skipped); None when there is none."""
    if len(code) % 3 or len(code) < 3:
        return None, None
    country = code[:3]
    if country in NOT_COUNTRIES:
        return None, None
    country = CAMEO_TO_ISO.get(country, country)
    for i in range(3, len(code), 3):
        element = code[i : i + 3]
        sector = CAMEO_RENAMED.get(element, element)
        if sector in PLOVER_SECTORS:
            return country, sector
    return country, None


def name_tokens(phrase: str) -> list[str] | None:
    """The words of a dictionary phrase, or None if one of them is not a plausible name word.

    Quoted nicknames (``TZIPORA_"TZIPI"_LIVNI``) and parenthetical notes (``(ACTING_``) are
    left out, backticks (an ayn: ``QABUS_IBN_SA`ID``) dropped, and ``,_JR.`` kept as ``JR.``;
    anything else after a comma (``MORRISON,_VISCOUNT_DUNROSSIL``) is a title.
    """
    text = re.sub(r'"[^"]*"', " ", phrase)
    text = re.sub(r"\(.*$", " ", text).replace("`", "")
    head, comma, tail = text.partition(",")
    if comma:
        suffix = tail.strip(" _")
        text = head + ("_" + suffix if suffix in NAME_SUFFIXES or suffix in ROMAN_NUMERALS else "")
    tokens = [token for token in re.split(r"[_\s]+", text.strip().strip("_")) if token]
    if not tokens or not all(NAME_TOKEN.match(token) and "\ufffd" not in token for token in tokens):
        return None
    return tokens


def strip_honorifics(tokens: list[str]) -> list[str]:
    """The name without leading honorifics ("SIR", "QUEEN", "HOJJAT OL ESLAM"), as long as
    two words remain; otherwise the words unchanged."""
    words = list(tokens)
    changed = True
    while changed:
        changed = False
        for prefix in HONORIFIC_PREFIXES:
            n = len(prefix)
            if tuple(words[:n]) == prefix and len(words) - n >= MIN_NAME_WORDS:
                words = words[n:]
                changed = True
                break
    return words


def title_word(token: str, country: str, last: bool = False) -> str:
    """One word of a name as news writes it: VLADIMIR -> Vladimir, MCDONOUGH -> McDonough;
    a Roman numeral stays upper-case as the last word ("Elizabeth II", not "XI Jinping")."""
    if INITIALS.match(token):
        return token
    if token in ROMAN_NUMERALS and last:
        return token
    if token in NAME_SUFFIXES:
        return NAME_SUFFIXES[token]
    if "-" in token:
        parts = token.split("-")
        if parts[0] in HYPHENATED_PARTICLES:
            return parts[0].lower() + "-" + "-".join(title_word(p, country) for p in parts[1:])
        if country in SYLLABLE_HYPHEN_COUNTRIES and len(parts) == 2:
            return title_word(parts[0], country) + "-" + parts[1].lower()
        return "-".join(title_word(part, country) for part in parts)
    if token.startswith("'"):
        return "'" + title_word(token[1:], country)
    if "'" in token:
        head, _, tail = token.partition("'")
        if len(head) == 1:
            return head.upper() + "'" + title_word(tail, country)
        return token.capitalize()
    if token.startswith("MC") and len(token) > 3:
        return "Mc" + token[2:].capitalize()
    return token.capitalize()


def display_name(tokens: list[str], country: str) -> list[str]:
    """The words of a name as news writes it, particles lower-case and "al-" joined."""
    words: list[str] = []
    i = 0
    particles = country not in NO_PARTICLE_COUNTRIES
    while i < len(tokens):
        token = tokens[i]
        inner = 0 < i < len(tokens) - 1
        if particles and inner and token in HYPHENATED_PARTICLES:
            words.append(token.lower() + "-" + title_word(tokens[i + 1], country))
            i += 2
            continue
        if particles and inner and token in PARTICLES:
            words.append(token.lower())
        else:
            words.append(title_word(token, country, last=i == len(tokens) - 1))
        i += 1
    return words


def korean_name(words: list[str], country: str) -> list[str]:
    """South Korean names as English news writes them: "Ban Ki Moon" -> "Ban Ki-moon"."""
    if (
        country == "KOR"
        and len(words) == 3
        and words[0].isalpha()
        and all(word.isalpha() and len(word) <= 5 for word in words[1:])
    ):
        return [words[0], f"{words[1]}-{words[2].lower()}"]
    return words


def surname_of(words: list[str], country: str) -> str | None:
    """The name used on second reference; None when it cannot be told."""
    core = list(words)
    while core and (core[-1] in NAME_SUFFIXES.values() or core[-1] in ROMAN_NUMERALS):
        core.pop()
    if len(core) < 2 or country in NO_SURNAME_COUNTRIES:
        return None
    if country in KOREAN_NAME_COUNTRIES:
        return core[0]
    named = [word for word in core if not INITIALS.match(word)] or core
    if country in CHINESE_NAME_COUNTRIES:
        first = core[0].split("-")[0]
        if first.upper() in CHINESE_FAMILY_NAMES:
            return core[0]  # "Hu Jintao" -> Hu
        if not CHINESE_SYLLABLE.match(first):
            # A Western given name first: "Andrew Li Kwok Nang" -> Li, "Ambrose Lee" -> Lee.
            for word in core[1:]:
                if word.split("-")[0].upper() in CHINESE_FAMILY_NAMES:
                    return word
        # A Chinese name in Western order: "Chok Tong Goh" -> Goh.
        return named[-1]
    if country in GIVEN_NAME_FIRST_COUNTRIES:
        return named[0]
    # The last word with the lower-case particles before it: "bin Laden", "von der Leyen".
    if len(named) < 2:
        return None
    start = len(named) - 1
    while start > 1 and named[start - 1].islower():
        start -= 1
    return " ".join(named[start:])


def is_person_name(tokens: list[str] | None) -> bool:
    """2-5 words (particles such as "bin", "al" not counted), none of them an institution word
    or a title, and no honorific left at the start."""
    if tokens is None:
        return False
    last = len(tokens) - 1
    counted = [t for i, t in enumerate(tokens) if t not in PARTICLES or i in (0, last)]
    return (
        MIN_NAME_WORDS <= len(counted) <= MAX_NAME_WORDS
        and not any(token in NOT_NAME_WORDS for token in tokens)
        and strip_honorifics([*tokens, "X", "X"]) == [*tokens, "X", "X"]
    )


def make_offices(entry: Entry, log: Log) -> list[Office]:
    """One office per dated code (and for undated codes, see below) of an entry."""
    dated: list[tuple[Code, str, str]] = []
    undated: list[tuple[Code, str, str]] = []
    for code in entry.codes:
        country, sector = code_parts(code.code)
        if country is None or sector is None:
            if code.dated:
                log.note("dated codes with no country or sector skipped", f"{code.code}")
            continue
        (dated if code.dated else undated).append((code, country, sector))
    offices: list[Office] = []
    for code, country, sector in dated:
        role, kind = SECTOR_ROLES[sector], "other"
        if code.comment in COMMENT_ROLES:
            role, kind = COMMENT_ROLES[code.comment]
            if role in US_ONLY_KINDS and country != "USA":
                kind = "other"
        elif code.comment:
            log.note("code-line comments not used as roles", f"line {code.line}: {code.comment}")
        offices.append(Office(role, kind, country, sector, code.start, code.end))
    # An undated code is the default: it applies after the last dated range. It is left out
    # while a dated code is still open (nothing has come "after" it yet).
    if undated and dated:
        ends = [code.end for code, _, _ in dated]
        if any(end is None for end in ends):
            for code, _, _ in undated:
                log.note("undated codes left out (a dated code is still open)", code.code)
        else:
            last_end = max(end for end in ends if end is not None)
            for _, country, sector in undated:
                offices.append(
                    Office(SECTOR_ROLES[sector], "other", country, sector, last_end, None)
                )
    # ELI before any other office is not "former official".
    firsts = [o.start or date.min for o in offices if o.sector != "ELI"]
    first_office = min(firsts) if firsts else None
    for office in offices:
        if office.sector == "ELI" and (
            first_office is None or (office.start or date.min) < first_office
        ):
            office.role = ELI_BEFORE_OFFICE_ROLE
    unique = {(o.role, o.kind, o.country, o.sector, o.start, o.end): o for o in offices}
    return sorted(unique.values(), key=Office.sort_key)


def recent_country(offices: list[Office]) -> str:
    """The country of the most recent office: latest end (open = latest), then latest start,
    then the country with the most offices, then the code."""
    per_country = Counter(office.country for office in offices)
    latest = max(
        offices,
        key=lambda o: (o.end or date.max, o.start or date.min, per_country[o.country], o.country),
    )
    return latest.country


def descriptor_words(agent_nouns: set[str], entries: list[Entry]) -> frozenset[str]:
    """Words that make a synonym a descriptor ("RUSSIAN_PRESIDENT_PUTIN") rather than a name:
    titles, honorifics, institution words, nationalities, one-word agent nouns and the
    demonyms among the one-word ``+`` variants of the country-level entries."""
    words = set(NOT_NAME_WORDS | HONORIFIC_WORDS | DESCRIPTOR_WORDS)
    words.update(noun.upper() for noun in agent_nouns if " " not in noun)
    for entry in entries:
        country_level = entry.codes and all(
            not code.dated and len(code.code) == 3 for code in entry.codes
        )
        if country_level:
            for phrase in entry.primaries + entry.synonyms:
                tokens = name_tokens(phrase)
                if tokens and len(tokens) == 1 and DEMONYM.match(tokens[0]):
                    words.add(tokens[0])
    return frozenset(words)


def build_people(entries: list[Entry], descriptors: frozenset[str], log: Log) -> list[Person]:
    people: list[Person] = []
    for entry in entries:
        if not any(code.dated and code_parts(code.code)[1] for code in entry.codes):
            continue  # country-level entries, institutions and undated actors
        candidates = [(p, name_tokens(p)) for p in entry.primaries + entry.synonyms]
        candidates = [(p, strip_honorifics(t) if t else t) for p, t in candidates]
        primary = next(((p, t) for p, t in candidates if is_person_name(t)), None)
        if primary is None:
            log.note(
                "dated entries whose names are not a person's name skipped",
                f"line {entry.line}: {entry.primaries[0] if entry.primaries else '?'}",
            )
            continue
        offices = make_offices(entry, log)
        if not offices:
            log.note("entries with no usable office skipped", f"line {entry.line}")
            continue
        if not any(
            code.dated and (code.end is None or code.end >= CUTOFF) and code_parts(code.code)[1]
            for code in entry.codes
        ):
            log.note("people whose every dated code ended before 1990 dropped", primary[0])
            continue
        country = recent_country(offices)
        tokens = primary[1]
        assert tokens is not None
        plain = display_name(tokens, country)
        words = korean_name(plain, country)
        name = " ".join(words)
        surname = surname_of(words, country)
        own = set(tokens)
        # "Ban Ki Moon", as the dictionary writes it, is a variant of "Ban Ki-moon".
        aliases: list[str] = [] if plain == words else [" ".join(plain)]
        seen = {name.casefold(), *(alias.casefold() for alias in aliases)}
        for phrase, alias_tokens in candidates:
            if alias_tokens is None:
                if phrase:
                    log.note("name variants with unreadable words dropped", phrase)
                continue
            if any(t in descriptors and t not in own for t in alias_tokens):
                log.note("name variants with a title or descriptor dropped", phrase)
                continue
            alias = " ".join(korean_name(display_name(alias_tokens, country), country))
            if len(alias_tokens) == 1 and (surname is None or slug(alias) == slug(surname)):
                log.note("one-word variants dropped (the surname itself)", phrase)
                continue
            if alias.casefold() in seen:
                continue
            seen.add(alias.casefold())
            aliases.append(alias)
        person_id = slug(name)
        people.append(Person(person_id, name, aliases, surname, country, offices, entry.line))
    return merge_people(people, log)


def merge_people(people: list[Person], log: Log) -> list[Person]:
    """One record per id. The dictionary has some people twice, under one country or under
    several (Elizabeth II for each realm, colonial governors of two colonies): their names,
    variants and offices are united, and the country is that of the most recent office."""
    by_id: dict[str, Person] = {}
    for person in people:
        kept = by_id.get(person.id)
        if kept is None:
            by_id[person.id] = person
            continue
        log.note("duplicate entries merged", f"{person.name} (lines {kept.line}, {person.line})")
        for alias in person.aliases:
            if alias not in kept.aliases and slug(alias) != kept.id:
                kept.aliases.append(alias)
        offices = {
            (o.role, o.kind, o.country, o.sector, o.start, o.end): o
            for o in kept.offices + person.offices
        }
        kept.offices = sorted(offices.values(), key=Office.sort_key)
        kept.country = recent_country(kept.offices)
        kept.surname = kept.surname or person.surname
    return sorted(by_id.values(), key=lambda p: p.id)


def person_record(person: Person) -> dict[str, Any]:
    record: dict[str, Any] = {"id": person.id, "name": person.name}
    if person.aliases:
        record["aliases"] = person.aliases
    if person.surname:
        record["surname"] = person.surname
    record["country"] = person.country
    record["offices"] = [office.as_record() for office in person.offices]
    return record


# =============================================================================================
# Agent dictionaries


def plural_of(words: list[str]) -> list[str] | None:
    """The regular plural of an agent phrase (upper-case words): the head noun before a
    preposition ("MINISTERS OF DEFENSE") or the last word; None for uncountables and words
    that look plural already."""
    head = len(words) - 1
    for i, word in enumerate(words[1:], start=1):
        if word in PREPOSITIONS:
            head = i - 1
            break
    word = words[head]
    if word in UNCOUNTABLE or not word.isalpha():
        return None
    if word.endswith("SS"):
        plural = word + "ES"
    elif word.endswith(("S", "IA")) and not word.endswith("US"):
        return None
    elif word.endswith(("US", "CH", "SH", "X", "Z")):
        plural = word + "ES"
    elif word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        plural = word[:-1] + "IES"
    elif word.endswith("MAN") and word not in MAN_NOT_MEN:
        plural = word[:-3] + "MEN"
    else:
        plural = word + "S"
    return [*words[:head], plural, *words[head + 1 :]]


def phrase_words(phrase: str) -> list[str]:
    return [word for word in re.split(r"[_\s]+", phrase.strip().strip("_")) if word]


@dataclass
class Agent:
    noun: str
    sector: str
    source: str
    line: int


def parse_agents(lines: list[str], source: str, cameo: bool, log: Log) -> list[Agent]:
    """The role nouns of a PETRARCH agents dictionary with their PLOVER sectors."""
    markers: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := MARKER_LINE.match(line):
            markers[m["name"]] = [item.strip() for item in m["items"].split(",") if item.strip()]
            continue
        m = AGENT_LINE.match(line)
        if not m:
            log.note(f"{source}: lines without a code skipped", f"line {number}: {line}")
            continue
        code = m["code"].strip().replace("~", "").upper()
        sector = agent_sector(code, cameo)
        if sector is None:
            log.note(f"{source}: nouns dropped, code {code[:3]}", m["phrase"].strip())
            continue
        phrase = m["phrase"].strip()
        forms: list[list[str]] = []
        if marker := re.search(r"!([A-Z]+)!", phrase):
            if marker[1] not in markers:
                log.note(f"{source}: undefined substitution markers", phrase)
                continue
            for item in markers[marker[1]]:
                forms.append(phrase_words(phrase.replace(marker[0], item)))
        elif (words := phrase_words(phrase)) and words[-1].upper() in STEMS:
            # A stem ("DEFENCE_MINIST") matches the word's singular and plural forms.
            for full in STEMS[words[-1].upper()]:
                forms.append([*words[:-1], full])
        else:
            forms.append(words)
            if m["plural"] is not None:
                if m["plural"].strip():
                    forms.append(phrase_words(m["plural"].upper()))
            elif (plural := plural_of([w.upper() for w in words])) is not None:
                forms.append(plural)
        for words in forms:
            noun = " ".join(words).lower()
            if not words or not all(AGENT_TOKEN.match(token) for token in noun.split()):
                log.note(f"{source}: nouns with unreadable words dropped", phrase)
                continue
            agents.append(Agent(noun, sector, source, number))
    return agents


def agent_sector(code: str, cameo: bool) -> str | None:
    """The PLOVER sector of an agent code: its first 3-letter element that has one."""
    for i in range(0, len(code) - 2, 3):
        element = code[i : i + 3]
        if cameo:
            element = CAMEO_RENAMED.get(element, element)
        if element in PLOVER_SECTORS:
            return element
    return None


def merge_agents(
    groups: list[list[Agent]],
) -> tuple[list[Agent], list[tuple[Agent, list[Agent]]]]:
    """One record per noun, the first seen kept; and the nouns seen with other sectors."""
    kept: dict[str, Agent] = {}
    others: dict[str, list[Agent]] = {}
    for agents in groups:
        for agent in agents:
            if agent.noun not in kept:
                kept[agent.noun] = agent
            elif agent.sector != kept[agent.noun].sector:
                known = others.setdefault(agent.noun, [])
                if all(a.sector != agent.sector for a in known):
                    known.append(agent)
    for agent in list(kept.values()):
        words = agent.noun.split()
        for us, uk in SPELLINGS.items():
            for old, new in ((us, uk), (uk, us)):
                if old in words:
                    variant = " ".join(new if word == old else word for word in words)
                    if variant not in kept:
                        kept[variant] = Agent(variant, agent.sector, SPELLING_SOURCE, agent.line)
    conflicts = [(kept[noun], others[noun]) for noun in sorted(others)]
    return sorted(kept.values(), key=lambda a: a.noun), conflicts


# =============================================================================================
# Output


def _null_as_empty(dumper: yaml.SafeDumper, _value: None) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:null", "")


def dump(header: str, data: dict[str, Any]) -> str:
    # Empty values as nothing ("to:"), as docs/knowledge-base.md writes them, and no YAML
    # anchors for dates that two offices share.
    yaml.SafeDumper.add_representer(type(None), _null_as_empty)
    yaml.SafeDumper.ignore_aliases = lambda self, data: True  # type: ignore[method-assign]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return header + "\n" + body


PEOPLE_COLUMNS = ("id", "name", "aliases", "surname", "gender", "country", "wikidata")
OFFICE_COLUMNS = ("person", "role", "kind", "country", "sector", "from", "to")


def people_csv(people: list[Person], notice: list[str]) -> tuple[str, str]:
    """The people and their offices as two CSV files (fast to load, easy to review).

    Each starts with ``#`` comment lines: what it is, where it comes from, the MIT notice.
    """
    header = comment_block(
        [
            "Leaders and officials up to about 2015, from the Phoenix/PETRARCH2 actor dictionary.",
            "",
            "Generated by scripts/convert_phoenix.py from Phoenix.Countries.actors.txt "
            f"({SOURCE_REF});",
            "do not edit by hand — correct facts in people.yaml, which wins on merge.",
            "phoenix_people.csv holds the people (aliases separated by ' | '), phoenix_offices.csv",
            "one office per date-ranged CAMEO code. Roles come from the dictionary's comments",
            "where they name one, else from the sector; 'political figure' is the CAMEO ELI",
            "(elites) code before any office, 'former official' after one. An empty 'to' means",
            "the dictionary's range was still open when it was last updated (about 2015), not",
            "that the office is held now.",
            "",
            "Source notice (Phoenix.Countries.actors.txt):",
            "",
            *notice,
        ]
    )
    people_out, offices_out = io.StringIO(), io.StringIO()
    people_writer = csv.writer(people_out, lineterminator="\n")
    offices_writer = csv.writer(offices_out, lineterminator="\n")
    people_writer.writerow(PEOPLE_COLUMNS)
    offices_writer.writerow(OFFICE_COLUMNS)
    for person in people:
        record = person_record(person)
        people_writer.writerow(
            [record["id"], record["name"], " | ".join(record.get("aliases", [])),
             record.get("surname", ""), "", record["country"], ""]
        )  # fmt: skip
        for office in record["offices"]:
            offices_writer.writerow(
                [record["id"]] + ["" if office.get(key) is None else office[key]
                                  for key in OFFICE_COLUMNS[1:]]
            )  # fmt: skip
    return header + people_out.getvalue(), header + offices_out.getvalue()


def agents_yaml(
    agents: list[Agent],
    conflicts: list[tuple[Agent, list[Agent]]],
    dropped: Counter[str],
    notice: list[str],
) -> str:
    sectors = Counter(agent.sector for agent in agents)
    sources = Counter(agent.source for agent in agents)
    dropped_lines = [
        f"  {code}: {NO_PLOVER_SECTOR.get(code, 'no PLOVER sector')} — {count} dictionary line(s)"
        for code, count in sorted(dropped.items())
    ]
    header = comment_block(
        [
            "Role nouns and their PLOVER sectors, for composing '<country> <noun>' actors.",
            "",
            "Generated by scripts/convert_phoenix.py from PLOVER_agents.txt (PLOVER codes) and,",
            "for nouns it lacks, Phoenix.agents.txt (CAMEO codes; "
            f"{SOURCE_REF}); do not edit by hand.",
            "Plurals are the dictionary's {...} forms or regular English plurals; phrases with a",
            "!PERSON! or !MINIST! marker or a stem (MINIST, AUTHORIT, COMPAN) are expanded, and",
            "nouns with defense/defence, labor/labour, organization/organisation or center/centre",
            "get the other spelling ('spelling variants'). A compound code (GOVMIL) gives its",
            "first element that has a PLOVER sector. CAMEO codes are mapped to PLOVER: HLH -> MED",
            "(health), MED -> JRN (media), MUS/CHR/JEW/BUD/HIN -> REL, INS/SEP -> REB.",
            "Codes with no PLOVER sector counterpart, whose nouns are left out:",
            *dropped_lines,
            "Nouns by source: "
            + ", ".join(f"{source} {count}" for source, count in sorted(sources.items())),
            "Nouns by sector: "
            + ", ".join(f"{sector} {count}" for sector, count in sorted(sectors.items())),
            "",
            "Source notice (PLOVER_agents.txt and Phoenix.agents.txt):",
            "",
            *notice,
        ]
    )
    data = {
        "version": 1,
        "source": (
            "PLOVER_agents.txt (NGEC project) and Phoenix.agents.txt (Phoenix/PETRARCH2 "
            f"dictionaries, {SOURCE_REF}), Open Event Data Alliance, MIT licence"
        ),
        "agents": [{"noun": agent.noun, "sector": agent.sector} for agent in agents],
    }
    text = dump(header, data)
    if conflicts:
        lines = ["", "Nouns given more than one sector (the first is kept):"]
        for agent, others in conflicts:
            also = ", ".join(f"{o.sector} ({o.source}:{o.line})" for o in others)
            lines.append(
                f"  {agent.noun}: {agent.sector} ({agent.source}:{agent.line}); also {also}"
            )
        text += comment_block(lines)
    return text


def license_text(license_lines: list[str]) -> str:
    preamble = [
        "phoenix_people.csv, phoenix_offices.csv and agents.yaml here are derived from the",
        "Phoenix/PETRARCH2 dictionaries (Phoenix.Countries.actors.txt, Phoenix.agents.txt;",
        f"openeventdata/{SOURCE_REF}) and the PLOVER agents dictionary",
        "(PLOVER_agents.txt, NGEC project) of the Open Event Data Alliance. They are used under",
        "the following licence (the dictionaries' own headers carry the same notice, with",
        '"Copyright (c) 2014 Open Event Data Alliance").',
        "",
        "-" * 72,
        "",
    ]
    return "\n".join(preamble + [line.rstrip() for line in license_lines]).rstrip() + "\n"


# =============================================================================================


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reference", type=Path, default=REPO.parent / "shared" / "reference")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "communique" / "kb" / "data")
    parser.add_argument("--verbose", action="store_true", help="show examples of what is dropped")
    args = parser.parse_args(argv)
    reference: Path = args.reference
    out: Path = args.out
    log = Log()

    plover_lines = read_lines(reference / PLOVER_AGENTS_FILE)
    phoenix_agent_lines = read_lines(reference / PHOENIX_AGENTS_FILE)
    plover_agents = parse_agents(plover_lines, PLOVER_AGENTS_FILE, cameo=False, log=log)
    phoenix_agents = parse_agents(
        phoenix_agent_lines, PHOENIX_AGENTS_FILE.rsplit("/", 1)[-1], cameo=True, log=log
    )
    agents, conflicts = merge_agents([plover_agents, phoenix_agents])
    dropped = Counter(
        what.rsplit(" ", 1)[-1]
        for what in log.counts.elements()
        if ": nouns dropped, code " in what
    )

    actor_lines = read_lines(reference / ACTORS_FILE)
    entries = parse_actors(actor_lines, log)
    descriptors = descriptor_words({agent.noun for agent in agents}, entries)
    people = build_people(entries, descriptors, log)

    out.mkdir(parents=True, exist_ok=True)
    people_text, offices_text = people_csv(people, mit_notice(actor_lines))
    (out / "phoenix_people.csv").write_text(people_text, encoding="utf-8")
    (out / "phoenix_offices.csv").write_text(offices_text, encoding="utf-8")
    (out / "agents.yaml").write_text(
        agents_yaml(agents, conflicts, dropped, mit_notice(plover_lines)), encoding="utf-8"
    )
    (out / "LICENSE-phoenix.txt").write_text(
        license_text(read_lines(reference / LICENSE_FILE)), encoding="utf-8"
    )

    print(f"{len(entries)} actor entries -> {len(people)} people", file=sys.stderr)
    print(
        f"{len(plover_agents)} + {len(phoenix_agents)} agent nouns -> {len(agents)} "
        f"({len(conflicts)} with conflicting sectors)",
        file=sys.stderr,
    )
    log.report(args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
