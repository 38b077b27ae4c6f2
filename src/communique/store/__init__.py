"""The DuckDB store: the only place communique writes."""

from communique.store.store import DEFAULT_DB, AlreadyAnalysed, SchemaError, Store, StoreLocked

__all__ = ["DEFAULT_DB", "AlreadyAnalysed", "SchemaError", "Store", "StoreLocked"]
