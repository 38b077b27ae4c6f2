"""Ingest: news files in, ``Article`` records out. Knows formats, never linguistics."""

from communique.ingest.sources import ReadOptions, expand, parse_size, read_file, read_paths

__all__ = ["ReadOptions", "expand", "parse_size", "read_file", "read_paths"]
