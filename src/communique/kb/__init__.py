"""The knowledge base of actors: states, organisations, institutions, outlets and people.

Plain YAML files in ``data/`` (format: docs/knowledge-base.md), read once per process and
never written at run time; users add their own files with ``--actors``.
"""

from communique.kb.load import KBError, KnowledgeBase, load, load_outlets
from communique.kb.model import STATE_KINDS, Actor, Country, Office
from communique.kb.names import normal, slug

__all__ = [
    "STATE_KINDS",
    "Actor",
    "Country",
    "KBError",
    "KnowledgeBase",
    "Office",
    "load",
    "load_outlets",
    "normal",
    "slug",
]
