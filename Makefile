# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test quality install install-dev postgres-server browser catalogue train-cues train-event-class train-extent train-factuality bench bench-corpus bench-throughput bench-web clean vendor-js

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

install-dev: $(DEV_STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph demo

# The PostgreSQL tests start a throwaway server from Debian's package; install it when
# we can (root with apt-get), else those tests skip and say why.
postgres-server:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; \
		else echo "postgresql not installed and cannot apt-get it: PostgreSQL tests will skip"; fi; \
	fi

# The browser tests drive Debian's chromium (Playwright never downloads a browser here).
# Installed only when missing, and only where apt-get exists and we are root; otherwise
# those tests skip and say why.
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# The architecture contract (layers, nlp a leaf), lint and types first: they take seconds.
test: $(DEV_STAMP) postgres-server browser
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The ConfliBERT score fits the event-class model per fold: it needs the train extra.
quality: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python benchmarks/quality.py

catalogue: $(STAMP)
	$(BIN)/python scripts/build_catalogue.py

# Rebuilds src/newsgraph/data/cue_model.json from the PolNeAR train split (about 8 minutes on
# 2 cores; `scripts/train_cues.py --cache FILE` keeps the parse for reruns).
train-cues: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_cues.py

# Rebuilds src/newsgraph/data/event_class_model.json from ConfliBERT's sentences (under a minute).
train-event-class: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_event_class.py

# Rebuilds src/newsgraph/data/extent_model.json from ConfliBERT's argument sentences (about a minute).
train-extent: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_extent.py

train-factuality: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_factuality_judge.py

bench: $(STAMP)
	$(BIN)/python benchmarks/overhead.py

# Corpus ingest throughput vs bare nlp.pipe, peak RSS as the corpus grows, query latency
# (SIZE articles, default 10000; e.g. `make bench-corpus SIZE=2000`).
SIZE ?= 10000
bench-corpus: $(STAMP)
	$(BIN)/python benchmarks/ingest.py --size $(SIZE)

# newsgraph vs bare nlp.pipe and textacy's quotation extractor, and scaling over 1..WORKERS
# processes with peak RSS per worker (TEXTS=synthetic|polnear; ARTICLES, default 400).
WORKERS ?= 2
TEXTS ?= synthetic
ARTICLES ?= 400
bench-throughput: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/throughput.py --size $(ARTICLES) --max-workers $(WORKERS) --texts $(TEXTS)

# The web viewer on a generated store of EVENTS events (default 10000): page and graph
# latency, then 50 concurrent API clients against 1 and 2 server processes (needs the web extra).
EVENTS ?= 10000
# server processes loaded in turn (newsgraph serve --workers N)
SERVE_WORKERS ?= 1,2
bench-web: $(STAMP)
	$(BIN)/python benchmarks/web.py --events $(EVENTS) --workers $(SERVE_WORKERS)

# Re-vendors the front end's JS libraries from the npm registry (versions pinned in the script).
vendor-js:
	bash scripts/vendor_js.sh

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
