# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test quality install install-dev browser catalogue train-cues bench clean vendor-js

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

# The browser tests drive Debian's chromium (Playwright never downloads a browser here).
# Installed only when missing, and only where apt-get exists and we are root; otherwise
# those tests skip and say why.
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

test: $(DEV_STAMP) browser
	$(BIN)/python -m pytest

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

catalogue: $(STAMP)
	$(BIN)/python scripts/build_catalogue.py

# Rebuilds src/newsgraph/data/cue_model.json from the PolNeAR train split (about 3 minutes).
train-cues: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_cues.py

bench: $(STAMP)
	$(BIN)/python benchmarks/overhead.py

# Re-vendors the front end's JS libraries from the npm registry (versions pinned in the script).
vendor-js:
	bash scripts/vendor_js.sh

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
