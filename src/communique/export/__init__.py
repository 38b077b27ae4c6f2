"""Writing stored records out as JSON Lines, CSV or Parquet."""

from communique.export.tables import FORMATS, TABLES, export

__all__ = ["FORMATS", "TABLES", "export"]
