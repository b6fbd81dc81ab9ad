# Two commands on a fresh machine:
#   make run    - the Streamlit chat over the bundled policies (ingests them on first run)
#   make test   - lint, types and the whole test suite
# Both create .venv if it is missing and are safe to run again.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
# torch is pinned to 2.13.0 (pyproject.toml). Installing it first, on its own, lets pip take
# the CPU build where one is provided (PIP_FIND_LINKS / a CPU index) instead of CUDA packages.
TORCH := torch==2.13.0

.PHONY: install run test lint index bench browser check-reliability clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

index: install
	$(BIN)/policy-assistant ingest

run: index
	@echo "Policy assistant: http://localhost:$(PORT)"
	$(BIN)/streamlit run app.py --server.headless true --server.port $(PORT) --browser.gatherUsageStats false

# Debian's Chromium (and an emoji font, for the feedback buttons in screenshots) for the
# browser tests, and axe-core from npm for their accessibility check, into a git-ignored
# folder. Each is skipped, with a reason, where it cannot be had.
AXE_DIR := tests/.axe
browser:
	@if command -v chromium >/dev/null 2>&1 && [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; \
	else echo "chromium not installed and apt-get not usable: the browser tests will be skipped"; fi
	@if [ -f $(AXE_DIR)/node_modules/axe-core/axe.min.js ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		echo "Installing axe-core for the accessibility check"; \
		npm install --silent --no-audit --no-fund --prefix $(AXE_DIR) axe-core@4 >/dev/null; \
	else echo "npm not installed: the accessibility check will be skipped"; fi

lint: install
	$(BIN)/ruff check core assistant ingest tests bench app.py
	$(BIN)/ruff format --check core assistant ingest tests bench app.py
	$(BIN)/mypy

test: install browser lint
	$(BIN)/python -m pytest

# The index's crash, concurrency and bad-input tests (pytest -m reliability), printing their
# figures: kill -9 of an ingest at random points, threads and a second process asking while
# ingest runs, damaged, full (tmpfs, as root) and read-only index folders. Also part of `test`.
TRIALS ?= 10
check-reliability: install
	RELIABILITY_TRIALS=$(TRIALS) $(BIN)/python -m pytest -m reliability -q

bench: index
	$(BIN)/python bench/benchmark.py

clean:
	rm -rf data/index data/*.lock .pytest_cache .ruff_cache .mypy_cache $(AXE_DIR) tests/artifacts
