"""How names are compared: one normal form for every way news writes a name."""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import urlsplit

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


# A host name: labels of letters, digits and hyphens, and a top-level domain of letters (or
# an IDNA one). IP addresses and single labels ("localhost") are not outlets' domains.
_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})"
)


def host_of(url_or_host: str) -> str | None:
    """The host a URL or a bare host names, in lower case without "www.": None when there is
    none. ``"https://www.voanews.com/a/x.html"`` → ``"voanews.com"``; ``"edition.cnn.com"``
    stays; ``"Voice of America"`` → None."""
    text = url_or_host.strip()
    if not text or any(char.isspace() for char in text):
        return None
    if "://" not in text:
        text = "//" + text.removeprefix("//")
    try:
        host = urlsplit(text).hostname
    except ValueError:  # a malformed IPv6 address and the like
        return None
    if not host:
        return None
    host = host.rstrip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    host = host.lower().removeprefix("www.")
    return host if _HOST.fullmatch(host) else None


def parent_domains(host: str) -> list[str]:
    """A host and each domain above it, down to two labels: ``"edition.cnn.com"`` →
    ``["edition.cnn.com", "cnn.com"]``; a top-level domain alone is never one."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def handle_key(name: str) -> str:
    """The form page and account names are matched in: no case, spaces or leading "@".

    ``"@SputnikInt"`` → ``"sputnikint"``; ``"Global Times News"`` → ``"globaltimesnews"``.
    """
    return "".join(name.split()).lstrip("@").casefold()
