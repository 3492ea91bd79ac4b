# tally: build, demo, test and benchmark.
#
#   make demo    build and extract the figures of the sample corpus (datasets/corpus)
#   make test    unit, command and end-to-end tests (what CI runs)
#   make bench   extraction throughput and memory against the tools a user would otherwise use
#
# Dependencies are checked first and installed with apt-get when running as root (as on CI);
# otherwise the Makefile says what to install.

SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
RELEASE_BIN := .build/release/tally
DEMO := .demo
BENCH := .bench
# Size of the generated benchmark corpus, in megabytes of article text.
BENCH_MB ?= 100

.PHONY: all deps build release demo test bench bench-deps clean help

all: build

help:
	@sed -n 's/^#   //p' Makefile

deps:
	@command -v $(SWIFT) >/dev/null || { \
	  echo "tally needs Swift 6.1 or later on PATH (https://www.swift.org/install/linux/)."; exit 1; }
	@command -v $(PYTHON) >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends python3; \
	  else echo "tally's tests and benchmarks need python3: sudo apt-get install python3"; exit 1; fi; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	@mkdir -p $(DEMO)
	$(RELEASE_BIN) extract --manifest datasets/corpus/manifest.csv -o $(DEMO)/figures.jsonl
	$(RELEASE_BIN) extract --manifest datasets/corpus/manifest.csv --format csv -o $(DEMO)/figures.csv
	@$(PYTHON) scripts/show_figures.py $(DEMO)/figures.jsonl
	@echo "Wrote $(DEMO)/figures.jsonl and $(DEMO)/figures.csv"

# The end-to-end tests run the optimised binary so that large inputs stay quick.
test: release
	$(SWIFT) build --build-tests
	TALLY_BIN=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test --skip-build

# quantulum3 (PyPI) is the comparison a researcher would reach for; it goes into .venv.
.venv/bin/python: | deps
	$(PYTHON) -m venv .venv || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv && $(PYTHON) -m venv .venv; \
	  else echo "the benchmark needs python3-venv: sudo apt-get install python3-venv"; exit 1; fi; }

bench-deps: .venv/bin/python
	@.venv/bin/python -c 'import quantulum3' 2>/dev/null || .venv/bin/pip install -q quantulum3 \
	  || echo "quantulum3 could not be installed; the benchmark leaves it out"

bench: release bench-deps
	@mkdir -p $(BENCH)
	$(PYTHON) scripts/bench.py --tally $(RELEASE_BIN) --corpus-mb $(BENCH_MB) --work $(BENCH)

clean:
	rm -rf .build $(DEMO) $(BENCH) .venv
