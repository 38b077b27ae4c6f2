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


HEAVY = ("spacy", "duckdb", "pyarrow", "datasketch", "trafilatura")


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
