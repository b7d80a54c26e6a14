# Set-up and everyday commands. Each target creates .venv on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: install demo test bench clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: install
	$(BIN)/govnews demo

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/crawl_bench.py
	$(BIN)/python bench/extract_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
