# Set-up and everyday commands. Each target creates .venv on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser redis demo test bench clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: install
	$(BIN)/govnews demo

# Debian's Chromium for the browser test (driven by Playwright, not downloaded by it).
browser:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

# Debian's Redis for the distributed crawl and its tests (each test starts its own server on a free port).
redis:
	@test -x /usr/bin/redis-server || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q redis-server; }

test: install browser redis
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/crawl_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/incremental_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/distributed_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
