# tally: build, demo, test and benchmark.
#
#   make demo      build and run the chain on the sample corpus: extract, review, normalize
#   make test      unit, command and end-to-end tests, and the datasets loaded in pandas,
#                  DuckDB, R (readr) and checked by frictionless (what CI runs)
#   make datasets  rebuild the datasets the project ships (datasets/sample, datasets/handcoded)
#   make notebooks-data  rebuild the series and comparison the R and Python notebooks read
#   make bundle    archive the shipped datasets as citable BagIt bags (into dist/; VERSION=x.y.z)
#   make install   the binary, its man page and bash, zsh and fish completions (PREFIX, DESTDIR)
#   make fuzz      run each parser's fuzz target for FUZZ_SECONDS (default 600) with libFuzzer
#   make bench     extraction and normalize throughput and memory against the tools a user
#                  would otherwise use (make bench-normalize: the normalize rows alone)
#   make large     extract and normalize over a generated 2 GB corpus (LARGE_MB) and its first
#                  eighth: peak memory of each
#   make static    the binary with the Swift runtime linked in, for machines without Swift
#                  (Spark executors): .build-static/release/tally
#   make spark-demo  the Spark job (spark/tally_spark.py) with local[2] on the sample corpus
#                  repeated to SPARK_DEMO_MB (default 100), then normalize on one machine
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
# Number of generated figures the normalize benchmark runs on.
BENCH_FIGURES ?= 10000000
# Number of generated observations the series and stats benchmark runs on.
BENCH_OBSERVATIONS ?= 10000000
# Size of the generated corpus for make large, in megabytes.
LARGE_MB ?= 2048
STATIC_BIN := .build-static/release/tally
SPARK_DEMO_MB ?= 100
SPARK := .spark

.PHONY: all deps build release demo test bench bench-normalize bench-deps clean help datasets test-deps check-datasets check-plots notebooks-data check-notebooks bundle check-bundle install check-install fuzz large static spark-deps check-spark spark-demo

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

# libarchive (for dataset archives) and pkg-config, from Debian's packages.
	@pkg-config --exists libarchive 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends libarchive-dev pkg-config; \
	  else echo "tally needs libarchive: sudo apt-get install --no-install-recommends libarchive-dev pkg-config"; exit 1; fi; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	@mkdir -p $(DEMO)
	$(RELEASE_BIN) extract --manifest datasets/corpus/manifest.csv --documents $(DEMO)/documents.jsonl -o $(DEMO)/figures.jsonl
	$(RELEASE_BIN) review $(DEMO)/figures.jsonl -o $(DEMO)/curation.csv
	$(RELEASE_BIN) normalize $(DEMO)/figures.jsonl --documents $(DEMO)/documents.jsonl --curation $(DEMO)/curation.csv -o $(DEMO)/dataset
	@$(PYTHON) scripts/show_figures.py $(DEMO)/figures.jsonl
	@echo "Wrote $(DEMO)/figures.jsonl, $(DEMO)/curation.csv (figures to check by hand) and the dataset $(DEMO)/dataset/"

# The datasets the project ships; a test checks that the committed files are what this writes.
datasets: release
	scripts/make_datasets.sh $(RELEASE_BIN) datasets

PREFIX ?= /usr/local
MANUAL := .build/plugins/GenerateManual/outputs/tally/tally.1
install: release
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual >/dev/null
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/tally
	install -m 0644 $(MANUAL) $(DESTDIR)$(PREFIX)/share/man/man1/tally.1
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tally
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tally
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/tally.fish

# make install into a scratch folder: every file there and not empty, the man page names every
# subcommand, the installed binary runs.
check-install:
	@rm -rf $(DEMO)/install
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(DEMO)/install PREFIX=/usr
	test -s $(DEMO)/install/usr/share/bash-completion/completions/tally
	test -s $(DEMO)/install/usr/share/zsh/site-functions/_tally
	test -s $(DEMO)/install/usr/share/fish/vendor_completions.d/tally.fish
	for c in extract normalize import review series stats compare plot bundle verify diff loaders; do \
	  grep -q "$$c" $(DEMO)/install/usr/share/man/man1/tally.1 || { echo "the man page lacks $$c"; exit 1; }; done
	$(DEMO)/install/usr/bin/tally --version

# Fuzz targets (Fuzz/, a package of its own: they only link with libFuzzer) for the article
# text, JSON Lines, figure files, CSV, curation files and archives, with AddressSanitizer (the
# normalize fast lane writes rows through raw pointers).
FUZZ_SECONDS ?= 600
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The end-to-end tests run the optimised binary so that large inputs stay quick.
test: release test-deps
	$(SWIFT) build --build-tests
	TALLY_BIN=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory check-datasets
	$(MAKE) --no-print-directory check-plots
	$(MAKE) --no-print-directory check-notebooks
	$(MAKE) --no-print-directory check-bundle
	$(MAKE) --no-print-directory check-install
	$(MAKE) --no-print-directory check-spark

# The shipped datasets as a user loads them: frictionless validates each package (tables,
# schemas, keys), pandas and DuckDB and R's readr load every table with the declared types.
check-datasets: test-deps
	.venv/bin/frictionless validate datasets/sample/datapackage.json
	.venv/bin/frictionless validate datasets/handcoded/dataset/datapackage.json
	.venv/bin/python scripts/check_dataset_load.py datasets/sample datasets/handcoded/dataset
	Rscript scripts/check_dataset_load.R datasets/sample datasets/handcoded/dataset
	.venv/bin/python scripts/check_loaders.py datasets/sample datasets/handcoded/dataset
	Rscript scripts/check_loaders.R datasets/sample datasets/handcoded/dataset

# The archives of the datasets make datasets builds (SOURCE_DATE_EPOCH: the last commit's time,
# so the same commit gives the same bytes).
DIST := dist
EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
bundle: release
	@mkdir -p $(DIST)
	SOURCE_DATE_EPOCH=$(EPOCH) $(RELEASE_BIN) bundle datasets/sample --version $(or $(VERSION),0.1.0) -o $(DIST) --force
	SOURCE_DATE_EPOCH=$(EPOCH) $(RELEASE_BIN) bundle datasets/handcoded/dataset --name handcoded --version $(or $(VERSION),0.1.0) -o $(DIST) --force

# The archive as others check it: BagIt (bagit.py), Frictionless, CITATION.cff (cffconvert).
check-bundle: release test-deps
	@rm -rf $(DEMO)/bundle && mkdir -p $(DEMO)/bundle
	SOURCE_DATE_EPOCH=$(EPOCH) $(RELEASE_BIN) bundle datasets/sample --version 0.1.0 -o $(DEMO)/bundle
	$(RELEASE_BIN) verify $(DEMO)/bundle/sample-0.1.0.tar.gz
	cd $(DEMO)/bundle && tar xzf sample-0.1.0.tar.gz
	.venv/bin/bagit.py --validate --quiet $(DEMO)/bundle/sample-0.1.0
	.venv/bin/frictionless validate $(DEMO)/bundle/sample-0.1.0/data/datapackage.json
	cd $(DEMO)/bundle/sample-0.1.0/data && $(CURDIR)/.venv/bin/cffconvert --validate

notebooks-data: release
	scripts/make_notebooks_data.sh $(RELEASE_BIN) notebooks-data

# The notebook scripts, in real R and Python, on the committed series; their charts checked.
check-notebooks: test-deps
	Rscript notebooks-data/charts.R $(DEMO)/notebooks
	.venv/bin/python notebooks-data/charts.py $(DEMO)/notebooks
	.venv/bin/python scripts/check_png.py $(DEMO)/notebooks/casualties_r.png $(DEMO)/notebooks/evacuations_r.png \
	  $(DEMO)/notebooks/casualties_py.png $(DEMO)/notebooks/evacuations_py.png

# A chart a researcher would put in a paper, rendered to PNG and checked not to be blank.
check-plots: release test-deps
	@mkdir -p $(DEMO)
	$(RELEASE_BIN) plot datasets/sample --preset casualties -o $(DEMO)/casualties.svg
	$(RELEASE_BIN) plot datasets/sample --preset evacuations --freq week -o $(DEMO)/evacuations.svg
	rsvg-convert -o $(DEMO)/casualties.png $(DEMO)/casualties.svg
	rsvg-convert -o $(DEMO)/evacuations.png $(DEMO)/evacuations.svg
	.venv/bin/python scripts/check_png.py $(DEMO)/casualties.png $(DEMO)/evacuations.png

# R with readr (Debian's packages) and pandas, DuckDB, polars and frictionless (PyPI, in .venv).
test-deps: .venv/bin/python
	@command -v Rscript >/dev/null && Rscript -e 'library(readr); library(jsonlite)' >/dev/null 2>&1 \
	  && command -v rsvg-convert >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends r-base-core r-cran-readr r-cran-jsonlite librsvg2-bin; \
	  else echo "the tests need R with readr and rsvg-convert: sudo apt-get install --no-install-recommends r-base-core r-cran-readr r-cran-jsonlite librsvg2-bin"; exit 1; fi; }
	@.venv/bin/python -c 'import pandas, duckdb, polars, frictionless, PIL, matplotlib, bagit' 2>/dev/null || \
	  .venv/bin/pip install -q pandas duckdb polars frictionless pillow matplotlib bagit
	@# cffconvert 2.0.0 pins dependencies that do not build on this Python: its own, then it alone.
	@test -x .venv/bin/cffconvert || { .venv/bin/pip install -q "ruamel.yaml>=0.17" pykwalify click requests jsonschema \
	  && .venv/bin/pip install -q --no-deps cffconvert; }

# Python tools (quantulum3 and pandas for the benchmarks, pandas, DuckDB and frictionless for the
# dataset tests) go into .venv.
.venv/bin/python: | deps
	$(PYTHON) -m venv .venv || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv && $(PYTHON) -m venv .venv; \
	  else echo "the benchmark needs python3-venv: sudo apt-get install python3-venv"; exit 1; fi; }

bench-deps: .venv/bin/python
	@.venv/bin/python -c 'import quantulum3' 2>/dev/null || .venv/bin/pip install -q quantulum3 \
	  || echo "quantulum3 could not be installed; the benchmark leaves it out"

BENCH_NORMALIZE = $(PYTHON) scripts/bench_normalize.py --tally $(RELEASE_BIN) --work $(BENCH) --figures $(BENCH_FIGURES)

# The normalize rows alone (appended to .bench/results.md).
bench-normalize: release bench-deps
	@mkdir -p $(BENCH)
	$(BENCH_NORMALIZE)

bench: release bench-deps test-deps static spark-deps
	@mkdir -p $(BENCH)
	$(PYTHON) scripts/bench.py --tally $(RELEASE_BIN) --corpus-mb $(BENCH_MB) --work $(BENCH)
	$(BENCH_NORMALIZE)
	$(PYTHON) scripts/bench_statistics.py --tally $(RELEASE_BIN) --work $(BENCH) --observations $(BENCH_OBSERVATIONS)
	$(PYTHON) scripts/bench_bundle.py --tally $(RELEASE_BIN) --work $(BENCH)
	.venv/bin/python scripts/bench_spark.py --tally $(STATIC_BIN) --spark-submit .venv/bin/spark-submit --work $(BENCH)

# The Swift standard library and Foundation linked statically: the binary then needs only the
# C libraries below (checked), so it runs on Spark executors that have no Swift.
static: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --product tally
	@if ldd $(STATIC_BIN) | grep -q 'libswift\|libFoundation\|libdispatch'; then \
	  echo "$(STATIC_BIN) still links Swift libraries:"; ldd $(STATIC_BIN); exit 1; fi
	@echo "$(STATIC_BIN) needs only:"; ldd $(STATIC_BIN) | awk '/=>/ {print "  " $$1}'

# PySpark (PyPI) and a Java runtime, which Spark 4 needs at version 17 or later.
spark-deps: .venv/bin/python
	@java -version 2>&1 | grep -q 'version "\(1[7-9]\|2[0-9]\)' || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; \
	  else echo "Spark needs Java 17 or later: sudo apt-get install openjdk-17-jre-headless"; exit 1; fi; }
	@.venv/bin/python -c 'import pyspark' 2>/dev/null || .venv/bin/pip install -q pyspark==4.3.0

# The Spark job with local[2], on the sample corpus and a generated one in several partitions:
# its figures, and the observations normalize makes of them, byte-identical to a single
# process's; bad documents skipped and listed, or failing the job.
check-spark: static spark-deps
	.venv/bin/python spark/check_spark.py --tally $(STATIC_BIN) --spark-submit .venv/bin/spark-submit --work $(SPARK)/check

spark-demo: static spark-deps
	@mkdir -p $(SPARK)
	@test -s $(SPARK)/corpus-$(SPARK_DEMO_MB).jsonl || $(PYTHON) scripts/make_bench_corpus.py \
	  datasets/corpus/manifest.csv $(SPARK)/corpus-$(SPARK_DEMO_MB).jsonl $(SPARK_DEMO_MB)
	rm -rf $(SPARK)/demo
	PATH=$(CURDIR)/.venv/bin:$$PATH PYSPARK_PYTHON=$(CURDIR)/.venv/bin/python .venv/bin/spark-submit \
	  --master 'local[2]' --conf spark.ui.enabled=false spark/tally_spark.py --tally $(STATIC_BIN) \
	  --on-error skip --parquet $(SPARK)/corpus-$(SPARK_DEMO_MB).jsonl $(SPARK)/demo
	cat $(SPARK)/demo/documents/part-* > $(SPARK)/demo/documents.jsonl
	cat $(SPARK)/demo/figures/part-* | $(STATIC_BIN) normalize - --documents $(SPARK)/demo/documents.jsonl -o $(SPARK)/demo/dataset
	@echo "Wrote $(SPARK)/demo/figures/ and documents/ (JSON Lines parts), figures.parquet/, skipped/ and the dataset $(SPARK)/demo/dataset/"

large: release
	@mkdir -p $(BENCH)
	$(PYTHON) scripts/large_run.py --tally $(RELEASE_BIN) --megabytes $(LARGE_MB) --work $(BENCH)

clean:
	rm -rf .build .build-static $(DEMO) $(BENCH) $(SPARK) .venv $(DIST) Fuzz/.build .fuzz
