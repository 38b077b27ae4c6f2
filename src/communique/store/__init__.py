"""The DuckDB store: the only place communique writes, and the only one that speaks SQL."""

from communique.store.schema import StoreError
from communique.store.store import DEFAULT_DB, AlreadyAnalysed, SchemaError, Store, StoreLocked

__all__ = ["DEFAULT_DB", "AlreadyAnalysed", "SchemaError", "Store", "StoreError", "StoreLocked"]
