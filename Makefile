# communique — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test test-latest lint bench eval fuzz clean

# Create the virtual environment and install the pinned dependencies, then the package itself.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "communique needs Python 3.11 or newer" or 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/communique demo

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist worksteal

# The suite on the newest release of every dependency that pyproject.toml's bounds allow,
# not the pinned ones: the bounds say what is tested.
test-latest:
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev,eval]'
	.venv-latest/bin/ruff check src tests benchmarks
	.venv-latest/bin/python -m pytest -n auto --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest_benchmark.py
	$(BIN)/python benchmarks/length_benchmark.py
	$(BIN)/python benchmarks/stories_benchmark.py

# Hostile and damaged inputs, each into a fresh store and then all in one run (slow).
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.run --full

eval: $(STAMP)
	$(BIN)/communique eval extraction ../shared/eval/article_extraction
	$(BIN)/communique eval actors ../shared/eval/plover_gsr/plover_gsr_dev.jsonl
	$(BIN)/communique eval polnear ../shared/eval/polnear/dev --baseline textacy
	$(BIN)/communique eval plover ../shared/eval/plover_gsr/plover_gsr_dev.jsonl
	$(BIN)/communique eval plover ../shared/eval/plv/plv_train.jsonl
	$(BIN)/communique eval news ../shared/eval/news/voa_gold_dev.jsonl
	$(BIN)/communique eval places ../shared/eval/geo/GeoVirus_dev.xml
	$(BIN)/communique eval quad ../shared/eval/conflibert/cameo_class/train.tsv
	$(BIN)/communique eval stories ../shared/corpora/basil/basil_articles.jsonl
	$(BIN)/communique eval stories ../shared/corpora/allsides/allsides_articles_flat.jsonl

clean:
	rm -rf $(VENV) .venv-latest build src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
