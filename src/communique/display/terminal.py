"""Text for terminals: what articles say is shown literally, never run as markup or control codes.

Article text, titles, outlets, names and file names can hold anything: rich markup
(``[sic]``, ``[/quote]``), emoji codes (``:flag:``), escape sequences that clear a screen or
set a window title, bidirectional overrides that reorder a line. Everything communique prints
for people goes through a console made by :func:`console` (no markup, no emoji codes, no
highlighting) and every piece of data through :func:`printable` or :func:`literal`.
"""

from __future__ import annotations

import re
import sys

from rich.console import Console
from rich.text import Text

# C0 and C1 controls but tab and newline, DEL, bidirectional overrides and isolates, and lone
# surrogates (from file names that are not UTF-8).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` as a string that shows itself on a terminal: controls written as ``\\x1b``."""
    return _UNSAFE.sub(_escaped, str(text))


def literal(text: object, style: str = "") -> Text:
    """A rich ``Text`` that prints ``text`` as it is, in ``style``."""
    return Text(printable(text), style=style)


def console(*, stderr: bool = False, width: int | None = None, record: bool = False) -> Console:
    """A console that never reads what it prints as markup, emoji codes or highlights; into a
    pipe or a file, lines are written whole, not wrapped to the width of a terminal."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(
        stderr=stderr,
        width=width,
        record=record,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=not stream.isatty(),
    )


def labelled(out: Console, label: str, style: str, message: object) -> None:
    """One line of a run's report, ``label`` in ``style`` and the message as it is: ``error
    …``, ``problem …``."""
    out.print(Text.assemble((label, style), " ", printable(message)), soft_wrap=True)
