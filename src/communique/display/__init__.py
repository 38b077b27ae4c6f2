"""Everything communique prints for people: consoles that show article text literally
(``terminal``), progress bars (``progress``), run reports, summaries and scores
(``reports``), dyad timelines (``timeline``) and cross-article listings (``crossdoc``)."""
