"""communique: a sourced, queryable record of who said and did what to whom in the news.

From Python (see ``communique.api`` and docs/python.md)::

    import communique as cq

    store = cq.open("demo.duckdb")
    store.events(actor="Russia", since="2024")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from communique.api import Records, analyse_text, open

__all__ = ["Records", "__version__", "analyse_text", "open"]


def __getattr__(name: str) -> Any:
    # The API loads on first use: `communique --version` and the help never import it.
    if name in ("Records", "analyse_text", "open"):
        from communique import api

        return getattr(api, name)
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
