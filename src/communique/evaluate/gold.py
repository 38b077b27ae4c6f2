"""What every gold reader shares: the one error it raises and the JSON Lines reader.

Every scorer refuses gold data it cannot score faithfully rather than scoring it quietly: a
malformed line, a record of an unexpected shape, a label outside the scorer's label set, and a
file (or directory) with nothing to score. The error is a :class:`GoldFormatError`, a
``ValueError`` whose message starts with the file and, where there is one, the line at fault
(``gold.jsonl:12: ...``), so that the command line prints it as one line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class GoldFormatError(ValueError):
    """Gold data that cannot be scored; the message names the file and line at fault."""


def json_lines(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every record of a JSON Lines gold file with where it is (``FILE:LINE``), in order.

    Blank lines are skipped and a byte-order mark is allowed. Raises ``GoldFormatError`` for a
    line that is not a JSON object and for a file with no record at all.
    """
    path = Path(path)
    records: list[tuple[str, dict[str, Any]]] = []
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldFormatError(
                    f"{where}: malformed JSON: {error.msg} (column {error.colno})"
                ) from None
            if not isinstance(record, dict):
                raise GoldFormatError(f"{where}: not a JSON object")
            records.append((where, record))
    if not records:
        raise GoldFormatError(f"{path}: no gold records (the file is empty)")
    return records


def line_of(where: str) -> int:
    """The line number of a ``FILE:LINE`` place given by :func:`json_lines`."""
    return int(where.rsplit(":", 1)[1])


def shorten(value: Any, width: int = 40) -> str:
    """``repr(value)`` cut to ``width`` characters, for quoting gold values in messages."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"
