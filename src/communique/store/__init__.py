"""The DuckDB store: the only place communique writes."""

from communique.store.store import DEFAULT_DB, SchemaError, Store, StoreLocked

__all__ = ["DEFAULT_DB", "SchemaError", "Store", "StoreLocked"]
