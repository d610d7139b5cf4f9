# Development commands. "make example" and "make test" each set up everything they
# need in .venv on first use (and again when pyproject.toml changes).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE_OUT := example/_build/impress

.PHONY: example test lint docs chromium clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test]"
	touch $@

## example: build the example presentation and print where to open it
example: $(VENV)/.installed
	$(BIN)/sphinx-build -W -b impress example $(EXAMPLE_OUT)
	@echo
	@echo "Open file://$(CURDIR)/$(EXAMPLE_OUT)/index.html in a browser to present it."

## test: run the whole test suite, browser tests included
test: $(VENV)/.installed chromium
	$(BIN)/python -m pytest

## lint: type-check the package and lint it (their configuration is in pyproject.toml)
lint: $(VENV)/.installed
	$(BIN)/mypy
	$(BIN)/ruff check sphinx_impress tests bench tools

## docs: build the documentation with warnings as errors
docs: $(VENV)/.installed
	$(BIN)/sphinx-build -W -n -b html docs docs/_build/html
	@echo "Open file://$(CURDIR)/docs/_build/html/index.html"

## chromium: install Debian's Chromium for the browser tests when it is missing
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "No Chromium found: the browser tests will skip (install Debian's chromium package)."; \
	fi

clean:
	rm -rf $(VENV) example/_build docs/_build
