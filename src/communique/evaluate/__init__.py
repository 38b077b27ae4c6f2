"""Scorers that measure communique against gold data."""
