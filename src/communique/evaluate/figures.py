"""The arithmetic every scorer shares."""

from __future__ import annotations


def ratio(part: float, whole: float) -> float:
    """``part / whole``, and 0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
