"""How names are compared: one normal form for every way news writes a name."""

from __future__ import annotations

import functools
import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_LEADING_THE = re.compile(r"^the\s+")
_NOT_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s_]+")


_PLAIN = re.compile(r"[A-Za-z][A-Za-z -]*")


@functools.lru_cache(maxsize=1 << 17)
def normal(name: str) -> str:
    """The form names are matched in: no accents, case, dots, possessive or leading "the".

    ``"the U.S.'s"`` → ``"us"``; ``"Erdoğan"`` → ``"erdogan"``; ``"Wang Yi’s"`` → ``"wang yi"``.
    """
    if _PLAIN.fullmatch(name):  # the common case, made cheap: letters, spaces and hyphens
        text = " ".join(name.lower().split())
        return text[4:] if text.startswith("the ") else text
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().strip()
    text = _POSSESSIVE.sub("", text)
    text = text.replace(".", "").replace("’", "'")
    text = _NOT_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def slug(name: str) -> str:
    """An ASCII id from a name: ``"Wang Yi"`` → ``"wang-yi"``."""
    return normal(name).replace("'", "").replace(" ", "-")
