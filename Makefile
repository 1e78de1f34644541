# Cable Viewer: every command a developer or CI runs.
#   make serve   build and serve the app on http://127.0.0.1:8080 (installs what is missing)
#   make test    every test layer, stopping at the first failure (installs what is missing)
#   make dist    the release build into dist/
#   make bench   benchmarks
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

.PHONY: help setup tools browser serve dist example test lint unit wasm-test e2e bench fuzz screenshots icons clean

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

test: setup browser lint unit wasm-test e2e

lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

# The parser, the CLI, snapshots, the corpus and property tests, natively.
unit:
	CI=true cargo test --workspace

# Components and the JS API in headless Chromium (wasm-bindgen-test).
wasm-test: browser
	cargo test --target wasm32-unknown-unknown --test web

# The built app, served on 127.0.0.1, driven by playwright-core.
e2e: dist browser
	npm run --silent test:e2e

## Benchmarks ######################################################################

bench: dist browser
	cargo bench --bench parse | tee target/bench-native.txt
	NATIVE_BENCH=target/bench-native.txt node tests/bench/browser.mjs

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
screenshots: dist browser
	node tests/e2e/screenshots.mjs

# The PWA's PNG icons and manifest screenshots, rendered from src/assets/icon.svg and the app.
icons: dist browser
	node src/pwa/icons.mjs

clean:
	rm -rf dist target/wasm-opt
