"""Run communique over the hostile inputs and say what broke: ``make fuzz``.

Every input is read into a fresh store on its own, then all of them together in one run, with
a FIFO and ``/dev/zero`` named on the command line. A run passes when it prints no traceback,
ends within its time, exits as the README promises (0 when any article was read, 1 when none
could be) and, in the run over everything, stores and analyses every control article.

    python -m tests.fuzz.run [--full] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.fuzz.hostile import Control, generate

PER_INPUT_SECONDS = 60


@dataclass
class Outcome:
    what: str
    code: int | None  # None: killed after the time allowed
    seconds: float
    stderr: str

    @property
    def faults(self) -> list[str]:
        found = []
        if self.code is None:
            found.append("hung")
        elif self.code not in (0, 1):
            found.append(f"exit {self.code}")
        if "Traceback" in self.stderr:
            found.append("traceback")
        return found


def ingest(paths: list[Path | str], db: Path, timeout: float, *extra: str) -> Outcome:
    """``communique ingest`` over ``paths`` into ``db``, killed after ``timeout`` seconds."""
    env = {**os.environ, "PYTHONUTF8": "1", "COLUMNS": "200"}
    command = [sys.executable, "-m", "communique", "ingest", *map(str, paths), "--db", str(db)]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [*command, *extra], capture_output=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired as expired:
        stderr = (expired.stderr or b"").decode("utf-8", "replace")
        return Outcome(str(paths[0]), None, time.perf_counter() - started, stderr)
    stderr = done.stderr.decode("utf-8", "replace")
    return Outcome(str(paths[0]), done.returncode, time.perf_counter() - started, stderr)


def missing_controls(db: Path, controls: list[Control]) -> list[str]:
    """The controls not stored, or stored but not analysed, in ``db``."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        missing = []
        for control in controls:
            row = conn.execute(
                "SELECT bool_or(analysed_at IS NOT NULL) FROM articles WHERE contains(text, ?)",
                [control.text],
            ).fetchall()[0][0]
            if not row:
                missing.append(f"{control.name}: {'not analysed' if row is False else 'missing'}")
        return missing
    finally:
        conn.close()


def hostile_files(folder: Path) -> list[Path]:
    """Every hostile input: the files, and the folder that cannot be read."""
    found = [path for path in (folder / "hostile").rglob("*") if path.is_file()]
    return sorted([*found, folder / "hostile" / "locked"])


def run_together(folder: Path, controls: list[Control], timeout: float) -> tuple[Outcome, list]:
    """Everything in one run, with special files named directly; returns the outcome and the
    controls that did not come out stored and analysed."""
    fifo = folder / "named-pipe"
    if not fifo.exists():
        os.mkfifo(fifo)
    specials = [fifo, "/dev/zero"] if Path("/dev/zero").exists() else [fifo]
    db = folder / "together.duckdb"
    outcome = ingest([folder / "controls", folder / "hostile", *specials], db, timeout)
    return outcome, missing_controls(db, controls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="the full-size set (slow)")
    parser.add_argument("--keep", type=Path, help="write the inputs and stores here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        controls = generate(folder, full=args.full)
        files = hostile_files(folder)
        print(f"{len(files)} hostile inputs, {len(controls)} control articles in {folder}")
        failures: list[str] = []
        slowest: list[Outcome] = []
        for number, path in enumerate(files, start=1):
            outcome = ingest([path], folder / f"one-{number}.duckdb", PER_INPUT_SECONDS)
            (folder / f"one-{number}.duckdb").unlink(missing_ok=True)
            slowest.append(outcome)
            if outcome.faults:
                failures.append(f"{path.relative_to(folder)}: {', '.join(outcome.faults)}")
            print(f"\r{number}/{len(files)} read on their own", end="", file=sys.stderr)
        print(file=sys.stderr)
        together, missing = run_together(folder, controls, PER_INPUT_SECONDS * len(files))
        failures += [f"all together: {fault}" for fault in together.faults]
        failures += [f"all together: control {name}" for name in missing]
        slowest.sort(key=lambda outcome: -outcome.seconds)
        print("slowest inputs read on their own:")
        for outcome in slowest[:5]:
            print(f"  {outcome.seconds:6.1f} s  {Path(outcome.what).name}")
        print(f"all together: {together.seconds:.1f} s, exit {together.code}")
        tracebacks = sum("traceback" in f for f in failures)
        hangs = sum("hung" in f for f in failures)
        print(f"{tracebacks} tracebacks, {hangs} hangs past {PER_INPUT_SECONDS} s, "
              f"{len(missing)} controls lost; {len(failures)} failures")  # fmt: skip
        for failure in failures:
            print(f"  - {failure}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
