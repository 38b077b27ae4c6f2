"""The per-article analysis: one article in, its records out.

Everything here is a pure function of an article and the read-only spaCy model: no database,
no files, no state kept between articles. That is what lets a local loop, a process pool or a
cluster engine run it unchanged; the store alone writes what it returns.
"""

from communique.analysis.pipeline import (
    ANALYSIS_VERSION,
    AnalysisFailed,
    analyse,
    analyse_doc,
    analyse_each,
    analyse_stream,
)

__all__ = [
    "ANALYSIS_VERSION",
    "AnalysisFailed",
    "analyse",
    "analyse_doc",
    "analyse_each",
    "analyse_stream",
]
