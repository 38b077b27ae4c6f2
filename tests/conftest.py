"""Shared fixtures: the shared data beside the project, the real model, the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    """The seed articles by their number prefix ("000" … "004")."""
    folder = shared_path("seeds")
    return {path.name[:3]: path for path in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_model

    return load_model()


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run the real ``communique`` command line in a subprocess."""
    env = {**os.environ, "COLUMNS": "200", "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "communique", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory, seeds) -> Path:
    """A store holding the five seed articles, analysed, with "Seed desk" as their outlet."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = run_cli("ingest", seeds["000"].parent, "--db", db, "--outlet", "Seed desk")
    assert result.returncode == 0, result.stderr
    return db
