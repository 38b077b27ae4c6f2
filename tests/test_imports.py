"""Every entry point imports on its own, first in a fresh interpreter: no circular imports
hidden by the order the commands happen to import modules in."""

from __future__ import annotations

import subprocess
import sys

import pytest

ENTRY_POINTS = (
    "communique.runner",
    "communique.store",
    "communique.analysis",
    "communique.export.tables",
    "communique.crossdoc.build",
    "communique.display.reports",
    "communique.display.timeline",
    "communique.evaluate.plover",
)


@pytest.mark.parametrize("module", ENTRY_POINTS)
def test_each_entry_point_imports_first(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


HEAVY = ("spacy", "duckdb", "pyarrow", "datasketch", "trafilatura", "rich", "pandas")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["eval", "--help"]])
def test_the_version_and_the_help_load_no_heavy_library(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from communique.cli import app\n"
        f"try:\n    app({args!r})\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "events", "--format", "xml"],
         "invalid value for '--format': 'xml' is not one of 'jsonl'"),
        (["export", "events", "--limit", "3"], "no such option: --limit"),
        (["ingest", "x", "--near-duplicate", "3"], "invalid value for '--near-duplicate'"),
        (["export"], "missing argument 'table'. Choose from: articles"),
    ],
)  # fmt: skip
def test_a_bad_option_is_one_line_naming_it(args: list[str], expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "communique", *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert f"(see communique {args[0]} --help)" in lines[0]
    assert "Traceback" not in result.stderr and not result.stdout
