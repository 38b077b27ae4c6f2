"""Shared fixtures: the shared data beside the project, the real model, the real CLI."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
# Terminal output as a wide terminal shows it, in this process and in the ones it starts.
os.environ["COLUMNS"] = "200"


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


def run_in_process(
    *args: object, cwd: Path | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess:
    """Run the real ``communique`` command line in this process, as its console script does
    (``communique.cli.main``), with standard output and error captured.

    The spaCy model is loaded once for the whole test run. Tests that need a process of its
    own (a kill, a resource limit, a lock held by another process) use ``run_cli``.
    """
    from communique import cli as command_line

    argv = ["communique", *map(str, args)]
    streams = io.BytesIO(), io.BytesIO()
    out, err = (io.TextIOWrapper(s, encoding="utf-8", write_through=True) for s in streams)
    saved = sys.stdout, sys.stderr, sys.argv, Path.cwd()
    sys.stdout, sys.stderr, sys.argv = out, err, argv
    code: int | str | None = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        command_line.main()
    except SystemExit as done:
        code = done.code
    finally:
        sys.stdout, sys.stderr, sys.argv = saved[0], saved[1], saved[2]
        os.chdir(saved[3])
    code = code if isinstance(code, int) else 0 if code is None else 1
    stdout, stderr = (s.getvalue().decode("utf-8", "replace") for s in streams)
    return subprocess.CompletedProcess(argv, code, stdout, stderr)


@pytest.fixture
def cli():
    return run_in_process


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory, seeds) -> Path:
    """A store holding the five seed articles, analysed, with "Seed desk" as their outlet."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = run_in_process("ingest", seeds["000"].parent, "--db", db, "--outlet", "Seed desk")
    assert result.returncode == 0, result.stderr
    return db


def _hold_store(path: str, read_only: bool, ready, done) -> None:
    from communique.store import Store

    with Store(path, read_only=read_only):
        ready.set()
        done.wait(60)


@contextlib.contextmanager
def held_elsewhere(path: Path, *, read_only: bool):
    """The store at ``path`` held open by another process (for reading, or for writing) for
    as long as the block runs; yields that process."""
    context = multiprocessing.get_context("spawn")
    ready, done = context.Event(), context.Event()
    holder = context.Process(target=_hold_store, args=(str(path), read_only, ready, done))
    holder.start()
    try:
        assert ready.wait(60), "the other process did not open the store"
        yield holder
    finally:
        done.set()
        holder.join(30)
