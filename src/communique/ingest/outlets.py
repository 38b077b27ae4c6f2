"""Naming an article's outlet the one way: from what its record calls it, or from its URL.

Exports write the outlet as a page or account name ("SputnikInt", "@VOANews"), a domain
("voanews.com"), a site name, or not at all. Every such form of an outlet the knowledge base
knows becomes that outlet's name ("Sputnik", "Voice of America"), so that the store, the
cross-article pass (which counts an event's sources by outlet) and every report see one
outlet as one source. A record with no outlet takes the outlet of its URL's domain. An outlet
the knowledge base does not know is kept as it is written: none is ever made up.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from communique.kb import Actor, KnowledgeBase, load_outlets
from communique.kb.names import host_of

_T = TypeVar("_T")

# Sites whose first path segment is an account name: a post's or a page's URL names the
# account that published it ("https://x.com/XHNews/status/1" → XHNews).
SOCIAL_HOSTS = frozenset(
    {
        "twitter.com", "x.com", "facebook.com", "instagram.com", "t.me", "telegram.me",
        "youtube.com", "tiktok.com", "threads.net", "vk.com",
    }
)  # fmt: skip
_SOCIAL_PATHS = frozenset({"", "i", "intent", "share", "home", "watch", "channel", "c", "s"})

# Values remembered per outlet table: far more than the outlets and sites of any corpus, and
# a bound for one whose URLs are all on different hosts.
_MEMORY = 1 << 16


class OutletNames:
    """Outlets named from records, with what was found remembered: the knowledge base's
    indexes are built once and each distinct value is looked up once."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._values: dict[str, tuple[Actor | None, bool]] = {}
        self._hosts: dict[str, Actor | None] = {}

    def name(self, outlet: str | None, url: str | None, default: str | None = None) -> str | None:
        """The outlet to store for an article whose record gives ``outlet`` and ``url``.

        The outlet as written wins, under its knowledge-base name when it is one of the
        forms the knowledge base knows; else the outlet of the URL; else ``default`` (the
        ``--outlet`` option), in the same way. An outlet written as a name, alias or handle
        that disagrees with the URL's outlet is kept as written rather than swapped for
        another outlet: "CNA" on channelnewsasia.com stays "CNA" ("CNA" is Taiwan's agency
        in the knowledge base), "ABC" on abc.net.au stays "ABC" (the handle of the US
        network).
        """
        if outlet:
            found, short = self._written(outlet)
            if found is None:
                return outlet
            if short and url:  # a short name the URL contradicts: kept as written
                at = self.of_url(url)
                if at is not None and at.id != found.id:
                    return outlet
            return found.name
        if url and (at := self.of_url(url)) is not None:
            return at.name
        if default:
            found, _ = self._written(default)
            return default if found is None else found.name
        return None

    def of_url(self, url: str) -> Actor | None:
        """The outlet an article's URL is on: its host's domain, or the account of a
        social-media post or page."""
        host = host_of(url)
        if host is None:
            return None
        if host in SOCIAL_HOSTS or host.removeprefix("m.") in SOCIAL_HOSTS:
            return self._social(url)
        if host not in self._hosts:
            self._remember(self._hosts, host, self.kb.outlet_by_domain(host))
        return self._hosts[host]

    def _social(self, url: str) -> Actor | None:
        text = url.strip()
        path = urlsplit(text if "://" in text else "//" + text).path
        first = path.strip("/").split("/")[0].lstrip("@")
        if first.lower() in _SOCIAL_PATHS:
            return None
        return self.kb.outlet_by_handle(first)

    def _written(self, value: str) -> tuple[Actor | None, bool]:
        """The outlet a written value names, and whether by a name, alias or handle (which
        may be another outlet's short name) rather than by a domain or URL."""
        if value not in self._values:
            self._remember(self._values, value, self._look_up(value))
        return self._values[value]

    def _look_up(self, value: str) -> tuple[Actor | None, bool]:
        if "." in value and (found := self.of_url(value)) is not None:
            return found, False
        found = self.kb.outlet_by_handle(value)
        if found is not None:
            return found, True
        outlets = [actor for actor in self.kb.named(value) if actor.kind == "outlet"]
        return (outlets[0], True) if len(outlets) == 1 else (None, False)

    @staticmethod
    def _remember(memory: dict[str, _T], key: str, value: _T) -> None:
        if len(memory) >= _MEMORY:
            memory.clear()
        memory[key] = value


@functools.cache
def _outlet_names(extra: tuple[str, ...]) -> OutletNames:
    return OutletNames(load_outlets(extra))


def outlet_names(extra: Sequence[str] = ()) -> OutletNames:
    """The outlet namer for the shipped knowledge base and the user's files, made once per
    process for the same files."""
    return _outlet_names(tuple(extra))
