"""The communique command line with one kind of article made to fail in analysis.

Run as ``python -m tests.poison ingest ...``: any article whose text holds ``POISON`` makes the
analysis raise, as a bug met on one odd article would. The rest is the real command line.
"""

from __future__ import annotations

import sys

import communique.analysis.pipeline as pipeline

POISON = "POISON-PILL-7f3a"
_analyse_doc = pipeline.analyse_doc


def _poisoned(article, doc, resources=None):
    if POISON in article.text:
        raise RuntimeError("this article is poisoned")
    return _analyse_doc(article, doc, resources)


pipeline.analyse_doc = _poisoned

if __name__ == "__main__":
    from communique.cli import main

    sys.argv[0] = "communique"
    main()
