"""The PLOVER ontology and the CAMEO/Goldstein crosswalk, checked against the reference files.

Expectations come from the references in ../shared/eval (the PLOVER manual, CAMEO2PLOVER-2021,
the CAMEO codebook, GDELT's Goldstein table and the PLOVER gold records), parsed here
independently of the package; tests needing them are skipped when they are absent.
"""

from __future__ import annotations

import csv
import json
import re
from importlib import resources

import pytest

from communique.ontology import plover
from communique.ontology.plover import (
    CROSSWALK_VERSION,
    TYPES,
    Mode,
    cameo_name,
    cameo_to_plover,
    goldstein,
    mode,
    modes,
    normalize_type,
    quad_code,
    quad_name,
    root_code,
)
from tests.conftest import shared_path

QUAD_WORDS = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}

# Rows whose representative CAMEO code lies outside the type's CAMEO block in the 2021
# table, because CAMEO has no code for the mode (each is explained in the row's note).
CROSS_TYPE_CAMEO = {
    ("RETREAT", "resign"),  # 0831 Accede to demands for change in leadership
    ("SANCTION", "convict"),  # 116 Find guilty or liable
    ("COERCE", "destroy"),  # 1712 Destroy property (legacy)
    ("COERCE", "firearms"),  # 175 (legacy)
}

# The two places the crosswalk departs from CAMEO2PLOVER-2021 (see its header).
CROSSWALK_FIXES = {"1712": ("ASSAULT", "destroy"), "175": ("ASSAULT", None)}


# ---------------------------------------------------------------- reference parsers


@pytest.fixture(scope="module")
def manual() -> str:
    return shared_path("eval", "plover_gsr", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")


def _categories(manual: str) -> str:
    start = manual.index(r"\chapter{Event Categories}")
    return manual[start : manual.index(r"\chapter", start + 1)]


def _manual_sections(manual: str) -> dict[str, str]:
    """Each event category section of the manual by name."""
    parts = re.split(r"\\section\{([A-Z]+)\}", _categories(manual))
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _manual_modes(manual: str) -> dict[str, set[str]]:
    """The mode names of each type's mode table (commented-out rows left out)."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(
        r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes.*?\}(.*?)\\end\{tabular\}",
        _categories(manual),
        re.S,
    ):
        names = set()
        for line in match.group(2).splitlines():
            line = line.strip()
            if "&" not in line or line.startswith("%"):
                continue
            name = line.split("&")[0].strip()
            if name and name != "Name":
                names.add(name)
        found[match.group(1)] = names
    return found


def _manual_scores(manual: str) -> dict[tuple[str, str | None], float]:
    """The PLOVER scores table: (type, mode or None) -> score."""
    start = re.search(r"^\\caption\{PLOVER conflict--cooperation scores\}", manual, re.M).start()
    table = manual[start : manual.index(r"\end{tabular}", start)]
    cells = [
        re.sub(r"\\cellcolor\{[^}]*\}", "", cell).strip()
        for line in table.splitlines()
        if "&" in line and not line.lstrip().startswith("%")
        for cell in line.replace(r"\\", "").split("&")
    ]
    scores = {}
    for label, value in zip(cells[::2], cells[1::2], strict=True):
        if not label or "textbf" in label:
            continue
        kind, _, name = label.partition(":")
        scores[(kind.strip(), name.strip().lower() or None)] = float(value)
    return scores


@pytest.fixture(scope="module")
def conversion() -> dict[str, tuple[str, str | None]]:
    """CAMEO2PLOVER-2021: every 3-4 digit CAMEO code -> (type, mode)."""
    path = shared_path("eval", "plover_gsr", "CAMEO2PLOVER-2021.txt")
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):([^#]*)", line)
        if match:
            fields = [f.strip() for f in match.group(2).split(",")]
            table[match.group(1)] = (fields[0], fields[1] or None)
    return table


@pytest.fixture(scope="module")
def gdelt_goldstein() -> dict[str, float]:
    path = shared_path("eval", "cameo", "CAMEO.goldsteinscale.txt")
    rows = csv.reader(path.read_text(encoding="utf-8").splitlines()[1:], delimiter="\t")
    return {code: float(value) for code, value in rows}


@pytest.fixture(scope="module")
def codebook() -> dict[str, dict[str, str]]:
    path = shared_path("eval", "cameo", "cameo-codes.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    path = shared_path("eval", "plover_gsr", "plover_gsr_dev.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _all_rows() -> list[Mode]:
    return [row for t in TYPES for row in modes(t, include_legacy=True)]


# ---------------------------------------------------------------- types and quads


def test_types_are_the_manuals_sixteen_in_order(manual):
    assert tuple(_manual_sections(manual)) == TYPES
    assert len(TYPES) == 16
    assert TYPES[0] == "AGREE" and TYPES[-1] == "ASSAULT"


def test_quad_of_each_type_is_the_one_its_manual_section_states(manual):
    for name, text in _manual_sections(manual).items():
        stated = re.search(r"Quad category: ([A-Z ]+?)\}", text).group(1)
        assert quad_code(name) == QUAD_WORDS[stated], name


def test_quads_known_from_the_manual():
    assert quad_code("CONSULT") == 1
    assert quad_code("AID") == 2
    assert quad_code("REQUEST") == 3
    assert quad_code("ASSAULT") == 4
    # The manual's section and category summary say material conflict; one table says verbal.
    assert quad_code("SANCTION") == 4
    assert [quad_code(t) for t in TYPES] == [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]


def test_every_mode_shares_its_types_quad():
    for row in _all_rows():
        assert row.quad == quad_code(row.type), row


def test_quad_names():
    assert [quad_name(q) for q in (1, 2, 3, 4)] == [
        "verbal cooperation",
        "material cooperation",
        "verbal conflict",
        "material conflict",
    ]
    for bad in (0, 5):
        with pytest.raises(ValueError):
            quad_name(bad)


# ---------------------------------------------------------------- modes


def test_the_2024_modes_are_exactly_the_manuals_mode_tables(manual):
    expected = _manual_modes(manual)
    assert set(expected) == {
        "CONSULT",
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
    }
    for name in TYPES:
        current = {row.mode for row in modes(name)} - {None}
        assert current == expected.get(name, set()), name
        assert modes(name)[0].mode is None  # the default row comes first


def test_types_without_modes_have_only_their_default_row():
    for name in ("AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"):
        assert [row.mode for row in modes(name, include_legacy=True)] == [None]


def test_every_gold_event_and_mode_pair_is_a_row(gold):
    pairs = {(record["event"], record["mode"]) for record in gold}
    assert len(pairs) > 30
    for event, gold_mode in pairs:
        row = mode(event, gold_mode)
        assert (row.type, row.mode) == (event, gold_mode)


def test_gold_2016_event_names_normalize_to_the_gold_2024_type(gold):
    for record in gold:
        assert normalize_type(record["event_gsr"]) == record["event"]
    assert mode("DISAPPROVE").mode == "disapprove"
    assert mode("INVESTIGATE").mode == "investigate"
    assert mode("FIGHT").type == "ASSAULT"
    assert mode("DEMAND", "meet") == mode("REQUEST", "meet")
    assert quad_code("fight") == 4


def test_legacy_modes_point_to_a_2024_mode_of_the_same_type():
    legacy = [row for row in _all_rows() if row.legacy]
    assert {(row.type, row.mode) for row in legacy} >= {
        ("PROTEST", "demo-org"),
        ("PROTEST", "strike-hun"),
        ("CONSULT", "host"),
        ("COERCE", "confiscate"),
        ("THREATEN", "martial-law"),
        ("ASSAULT", "assassinate"),
    }
    for row in legacy:
        if row.alias_of is not None:
            target = mode(row.type, row.alias_of)
            assert (target.mode, target.legacy) == (row.alias_of, False), row
        assert row.current_mode == row.alias_of
    assert mode("PROTEST", "demo-org").current_mode == "demo"
    assert mode("PROTEST", "demo").current_mode == "demo"


def test_unknown_or_missing_mode_falls_back_to_the_type_default():
    default = mode("CONSULT", None)
    assert default.mode is None and default.type == "CONSULT"
    assert mode("CONSULT", "teleport") == default
    assert mode("CONSULT", "") == default
    assert mode("consult", " Visit ") == mode("CONSULT", "visit")
    # Mode names repeat across types; each type has its own row.
    assert mode("THREATEN", "restrict") != mode("COERCE", "restrict")
    assert mode("THREATEN", "restrict").quad == 3
    assert mode("COERCE", "restrict").quad == 4


def test_unknown_type_raises_key_error():
    for bad in ("CRIME", "", "VISIT"):
        with pytest.raises(KeyError):
            mode(bad)
        with pytest.raises(KeyError):
            quad_code(bad)
        with pytest.raises(KeyError):
            modes(bad)


def test_plover_scores_are_the_manuals(manual):
    scores = _manual_scores(manual)
    assert len(scores) == 82  # 16 types and 66 modes
    for (name, mode_name), score in scores.items():
        row = mode(name, mode_name)
        assert row.mode == mode_name, (name, mode_name)
        if (name, mode_name) == ("ACCUSE", None):
            # The manual prints +3 for ACCUSE, against its modes (-2 to -3.5): left blank.
            assert score == 3 and row.plover_score is None
        else:
            assert row.plover_score == score, (name, mode_name)


# ---------------------------------------------------------------- CAMEO codes per row


def test_each_rows_goldstein_is_gdelts_value_for_its_cameo_code(gdelt_goldstein):
    for row in _all_rows():
        assert row.goldstein == gdelt_goldstein[row.cameo], row
        assert goldstein(row.cameo) == row.goldstein


def test_each_rows_cameo_code_is_in_its_types_block(conversion):
    for row in _all_rows():
        mapped = cameo_to_plover(row.cameo)
        if (row.type, row.mode) in CROSS_TYPE_CAMEO:
            assert mapped is None or mapped[0] != row.type
        else:
            assert mapped is not None and mapped[0] == row.type, row
            assert conversion[row.cameo][0] == row.type or row.cameo in CROSSWALK_FIXES


def test_a_row_whose_cameo_code_maps_elsewhere_says_why():
    text = (resources.files("communique.ontology") / "data" / "plover.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    for row in rows:
        own = {(row["type"], row["mode"] or None)}
        if row["alias_of"]:
            own.add((row["type"], row["alias_of"]))
        if cameo_to_plover(row["cameo"]) not in own:
            assert row["note"].strip(), row


def test_representative_codes():
    assert mode("CONSULT", "visit").cameo == "042"
    assert mode("CONSULT", "phone").cameo == "041"
    assert mode("ASSAULT").cameo == "190"
    assert mode("ASSAULT").goldstein == -10.0
    assert mode("PROTEST", "riot").goldstein == -7.5


# ---------------------------------------------------------------- the CAMEO crosswalk


def test_crosswalk_follows_cameo2plover_2021(conversion):
    assert len(conversion) > 250
    for code, expected in conversion.items():
        if code in CROSSWALK_FIXES:
            assert cameo_to_plover(code) == CROSSWALK_FIXES[code]
        else:
            assert cameo_to_plover(code) == expected, code


def test_crosswalk_examples():
    assert cameo_to_plover("042") == ("CONSULT", "visit")
    assert cameo_to_plover("043") == ("CONSULT", "visit")
    assert cameo_to_plover("041") == ("CONSULT", "phone")
    assert cameo_to_plover("1823") == ("ASSAULT", None)
    assert cameo_to_plover("084") == ("RETREAT", None)
    assert cameo_to_plover("082") == ("CONCEDE", None)
    assert cameo_to_plover("19") == ("ASSAULT", None)
    assert cameo_to_plover("10") == ("REQUEST", None)


def test_statements_and_appeals_are_dropped_and_unknown_codes_give_none(codebook):
    for code in codebook:
        if code[:2] in ("01", "02"):
            assert cameo_to_plover(code) is None, code
    for bad in ("", "999", "42", "x"):
        assert cameo_to_plover(bad) is None
        assert goldstein(bad) is None
        assert cameo_name(bad) is None


def test_every_crosswalk_pair_is_a_row_of_the_ontology(codebook):
    for code in codebook:
        pair = cameo_to_plover(code)
        if pair is not None:
            row = mode(*pair)
            assert (row.type, row.mode) == pair, code


def test_goldstein_is_gdelts(gdelt_goldstein, codebook):
    assert goldstein("190") == -10.0
    assert goldstein("042") == 1.9
    assert goldstein("0874") == 10.0
    assert goldstein("016") == -2.0  # GDELT; the CAMEO codebook gives -5
    for code, value in gdelt_goldstein.items():
        assert goldstein(code) == value, code
    # Not in GDELT's table: the codebook's value.
    assert "1213" not in gdelt_goldstein
    assert goldstein("1213") == float(codebook["1213"]["goldstein"])


def test_names_and_roots_are_the_codebooks(codebook):
    for code, row in codebook.items():
        assert cameo_name(code) == row["name"]
        assert root_code(code) == row["root_code"]
    assert cameo_name("042") == "Make a visit"


def test_root_code():
    assert root_code("0421") == "04"
    assert root_code("190") == "19"
    assert root_code("14") == "14"
    for bad in ("", "1", "12345", "04a", "x"):
        with pytest.raises(ValueError):
            root_code(bad)


# ---------------------------------------------------------------- the data files


@pytest.mark.parametrize("filename", ["plover.csv", "cameo_plover.csv"])
def test_data_files_state_version_and_credit_sources(filename):
    text = (resources.files("communique.ontology") / "data" / filename).read_text("utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert f"# version: {CROSSWALK_VERSION}" in header
    for credit in ("CC BY-SA 4.0", "Open Event Data Alliance", "CAMEO", "GDELT", "communique"):
        assert credit in header, credit


def test_version():
    assert CROSSWALK_VERSION == "communique-plover-cameo-1"
    assert plover.CROSSWALK_VERSION is CROSSWALK_VERSION
