# Cable Viewer: every command a developer or CI runs.
#   make serve   build and serve the app on http://127.0.0.1:8080 (installs what is missing)
#   make test    every test layer, stopping at the first failure (installs what is missing)
#   make dist    the release build into dist/
#   make bench   benchmarks
#   make cli     the `cable` command, built for speed, into target/cli/cable
#   make wheel   the Python package's abi3 wheel into target/wheels/
# Set-up is idempotent: each step checks for what it would install and skips it if present.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

TRUNK_VERSION := 0.22.1
# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print}' Cargo.lock)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: help setup tools browser serve dist example test lint unit python-test wasm-test e2e bench cli wheel cables-csv fuzz screenshots icons clean

help:
	@sed -n '2,6p' Makefile | sed 's/^# *//'

## Set-up ##########################################################################

setup: tools node_modules

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@# trunk 0.22.1 declares rustc 1.96.1; it builds and works with 1.95.
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' \
	  || cargo install trunk --version $(TRUNK_VERSION) --locked --ignore-rust-version
	@# Not --locked: its lock file wants a crate version the registry mirror lacks.
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

# playwright-core for the end-to-end tests, and binaryen's wasm-opt (Debian's is too old).
node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

# Debian's Chromium and its driver: the only browser the tests use.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

## Build and serve #################################################################

# --no-autoreload: the reload script Trunk would inject inline is refused by our CSP.
serve: setup
	trunk serve --no-autoreload

dist: setup
	trunk build --release

# The embed example: dist/ (with CORS, as a CDN) on 127.0.0.1:8080 and this repository on
# 127.0.0.1:8081, two origins; open http://127.0.0.1:8081/examples/embed.html.
example: dist
	node examples/serve.mjs

## Tests ###########################################################################

test: setup browser lint unit python-test wasm-test e2e

lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --exclude cable-parser-python --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

# The parser, the CLI, snapshots, the corpus and property tests, natively. (The Python
# package has no Rust tests: python-test runs its wheel.)
unit:
	CI=true cargo test --workspace --exclude cable-parser-python

## The command line and the Python package ########################################

# Built for speed (the `cli` profile), not for the wasm's size.
cli:
	cargo build --profile cli --bin cable

# A virtual environment with maturin, pytest, DuckDB and pandas, from the registry; remade
# only when the requirements change.
VENV := target/venv
$(VENV)/bin/python: python/tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r python/tests/requirements.txt
	@touch $@

# One abi3 wheel (CPython 3.9 and later) into target/wheels/.
wheel: $(VENV)/bin/python
	rm -f target/wheels/cable_parser-*.whl
	$(VENV)/bin/maturin build --quiet --profile cli -m python/Cargo.toml --out target/wheels

# WikiLeaks' cables.csv layout, made from the corpus: `make cables-csv ROWS=251287`.
ROWS ?= 1000
cables-csv:
	cargo run --quiet --profile cli --example cables_csv -- $(ROWS) target/cables.csv

# The wheel installed in the virtual environment and tested with pytest against the command.
python-test: cli wheel
	cargo run --quiet --profile cli --example cables_csv -- 1000 target/cables-1000.csv
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/cable_parser-*.whl
	CABLE=target/cli/cable CABLES_CSV=target/cables-1000.csv $(VENV)/bin/python -m pytest -q python/tests

# Components and the JS API in headless Chromium (wasm-bindgen-test).
wasm-test: browser
	cargo test --target wasm32-unknown-unknown --test web

# The built app, served on 127.0.0.1, driven by playwright-core (the library tests read a
# generated 10,000-row cables.csv).
e2e: dist browser target/cables-10000.csv
	npm run --silent test:e2e

target/cables-10000.csv: examples/cables_csv.rs
	cargo run --quiet --profile cli --example cables_csv -- 10000 $@

# The library benchmark's input: the generated cables.csv at WikiLeaks' full size (1.8 GB).
target/cables-full.csv: examples/cables_csv.rs
	cargo run --quiet --profile cli --example cables_csv -- 251287 $@

## Benchmarks ######################################################################

bench: dist browser cli wheel target/cables-full.csv
	cargo bench --bench parse | tee target/bench-native.txt
	NATIVE_BENCH=target/bench-native.txt node tests/bench/browser.mjs
	CABLES_CSV=target/cables-full.csv node tests/bench/library.mjs
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/cable_parser-*.whl
	NATIVE_BENCH=target/bench-native.txt $(VENV)/bin/python tests/bench/bulk.py

## Fuzzing (not part of make test) ###############################################

# libFuzzer over the parser and the HTML extraction (target `parse`) and over text
# made of the cable alphabet (`alphabet`), FUZZ_SECONDS each, seeded with the corpus.
# No sanitizer: there is no unsafe code, and it runs on the stable toolchain.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p tests/fuzz/corpus/parse tests/fuzz/corpus/alphabet
	cp ../shared/corpus/cablegate-2010/*.html ../shared/corpus/outside-dev/*/*.txt src/assets/*.txt src/assets/samples/*.txt tests/fixtures/*/* tests/fuzz/corpus/parse/
	cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none -O parse tests/fuzz/corpus/parse -- -max_total_time=$(FUZZ_SECONDS)
	cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none -O alphabet tests/fuzz/corpus/alphabet -- -max_total_time=$(FUZZ_SECONDS)

# The README's screenshots of the sample, light and dark.
screenshots: dist browser target/cables-10000.csv
	node tests/e2e/screenshots.mjs

# The PWA's PNG icons and manifest screenshots, rendered from src/assets/icon.svg and the app.
icons: dist browser
	node src/pwa/icons.mjs

clean:
	rm -rf dist target/wasm-opt
