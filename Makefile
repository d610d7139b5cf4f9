# Development commands. "make example" and "make test" each set up everything they
# need in .venv on first use (and again when pyproject.toml changes).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE_OUT := example/_build/impress

.PHONY: example test lint test-oldest test-newest test-bounds docs chromium clean

#: the test tools of the bound checks (the browser tests run in .venv only; the pdf
#: command's own checks need Playwright installed, not a browser)
BOUND_TOOLS := pytest beautifulsoup4 hypothesis furo pypdf playwright

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

## test-oldest: the non-browser suite with the oldest releases pyproject.toml allows
## (.ci/oldest.txt: Sphinx, docutils, myst-parser and the rest), in .venv-oldest
test-oldest: .ci/oldest.txt pyproject.toml
	$(PYTHON) -m venv .venv-oldest
	.venv-oldest/bin/python -m pip install --quiet --upgrade pip
	.venv-oldest/bin/python -m pip install --quiet -r .ci/oldest.txt $(BOUND_TOOLS)
	.venv-oldest/bin/python -m pip install --quiet --no-deps --editable .
	.venv-oldest/bin/python -m pip check
	.venv-oldest/bin/python -m pytest -m "not browser and not slow" -p no:cacheprovider

## test-newest: the non-browser suite with the newest releases of every dependency,
## in .venv-newest (upgraded on every run)
test-newest: pyproject.toml
	$(PYTHON) -m venv .venv-newest
	.venv-newest/bin/python -m pip install --quiet --upgrade pip
	.venv-newest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager --editable . $(BOUND_TOOLS)
	.venv-newest/bin/python -m pytest -m "not browser and not slow" -p no:cacheprovider

## test-bounds: both of the above (CI runs them after make test)
test-bounds: test-oldest test-newest

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
	rm -rf $(VENV) .venv-oldest .venv-newest example/_build docs/_build
