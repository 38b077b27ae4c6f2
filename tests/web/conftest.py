"""A live server over a store, for tests that drive a real browser or a real HTTP client."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from communique.web import create_app
from tests.conftest import run_in_process

# Articles written to attack the page that shows them: script in the title, an event
# handler in the outlet, a javascript: URL, markup in the text, rich markup and a terminal
# escape. Every one must show as written and run nothing.
HOSTILE_TEXT = (
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Moscow "
    "on Monday. The notes read <script>window.__pwned = 5</script> and "
    '<img src=x onerror="window.__pwned = 2"> in full. [red]rich markup[/red] and \x1b[2J '
    'an escape. "We reject <b>sanctions</b>," Lavrov said.'
)
HOSTILE = {
    "title": "<script>window.__pwned = 1</script>Lavrov in Moscow",
    "url": "javascript:window.__pwned = 3",
    "outlet": '<b onmouseover="window.__pwned = 4">Evil</b> [bold]Desk[/bold]',
    "date": "2024-03-05",
}


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.jsonl").write_text(json.dumps({**HOSTILE, "text": HOSTILE_TEXT}) + "\n")
    # a text file keeps markup in its body as written
    (folder / "notes.txt").write_text("Notes on the Moscow talks\n\n" + HOSTILE_TEXT + "\n")
    db = folder / "hostile.duckdb"
    result = run_in_process("ingest", folder, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    def __init__(self, db: Path) -> None:
        self.port = _free_port()
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                log_level="warning")  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def served(seeds_store) -> Iterator[Served]:
    with Served(seeds_store) as server:
        yield server


@pytest.fixture(scope="module")
def served_hostile(hostile_store) -> Iterator[Served]:
    with Served(hostile_store) as server:
        yield server


@pytest.fixture(scope="session")
def dated_store(tmp_path_factory) -> Path:
    """The bundled Voice of America stories that name both Russia and Ukraine: dated, so a
    dyad has periods."""
    from communique.cli import demo_corpus

    folder = tmp_path_factory.mktemp("dated")
    lines = [
        line
        for line in demo_corpus().read_text(encoding="utf-8").splitlines()
        if "Russia" in json.loads(line)["text"] and "Ukraine" in json.loads(line)["text"]
    ]
    (folder / "voa.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "dated.duckdb"
    result = run_in_process("ingest", folder / "voa.jsonl", "--db", db,
                            "--outlet", "Voice of America")  # fmt: skip
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def served_dated(dated_store) -> Iterator[Served]:
    with Served(dated_store) as server:
        yield server
