# Claimtrack — two commands: `make run` and `make test`. Both install what is missing first
# (.ci/provision.sh) and start a private PostgreSQL when DATABASE_URL is not set.

SHELL := /bin/bash
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Queries are checked against the committed .sqlx/ data: building needs no database.
export SQLX_OFFLINE ?= true
export LEPTOS_ENV ?= PROD
export LEPTOS_SITE_ADDR ?= 127.0.0.1:3000
# The same value cargo-leptos compiles in, so `cargo test` reuses its build instead of redoing it.
export LEPTOS_OUTPUT_NAME := claimtrack

.PHONY: run test build provision lint prepare-sqlx bench clean-db

## make run: install what is missing, build, migrate, load the demo data and serve on $(LEPTOS_SITE_ADDR)
run: provision build
	./target/release/server serve --demo

## make test: formatting, lints, unit + integration tests (real PostgreSQL), browser tests (headless Chromium)
test:
	WANT_BROWSER=1 WANT_SQLX=1 ./.ci/provision.sh
	./.ci/test.sh

provision:
	./.ci/provision.sh

build:
	cargo leptos build --release

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --lib --features hydrate --target wasm32-unknown-unknown --release -- -D warnings

## make prepare-sqlx: refresh .sqlx/ after changing a query (needs a migrated database)
prepare-sqlx:
	WANT_SQLX=1 ./.ci/provision.sh
	./.ci/prepare-sqlx.sh

## make bench: public page throughput and latency against the release build (prints figures)
bench: provision build
	url=$$(./target/release/server --pg-dir .pgdata-test pg start --database postgres); \
	trap './target/release/server --pg-dir .pgdata-test pg stop' EXIT; \
	DATABASE_URL=$$url cargo bench -p claimtrack-tests --bench public_pages

## make clean-db: delete the private development database
clean-db:
	./target/release/server pg start --fresh >/dev/null && ./target/release/server pg stop
