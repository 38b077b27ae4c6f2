"""Across articles: what takes more than one article to see, such as which articles tell the
same news story (``crossdoc.stories``)."""
