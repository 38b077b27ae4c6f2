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
