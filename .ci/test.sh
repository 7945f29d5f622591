#!/usr/bin/env bash
# The whole test suite, in the order that fails fastest: formatting and lints, the build, unit and
# integration tests against a private PostgreSQL, then browser tests against the release build.
# Called by `make test` (which provisions first); expects the Makefile's environment.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "formatting and lints"
make --no-print-directory lint

step "release build (server + wasm)"
cargo leptos build --release

step "private PostgreSQL for the tests"
pg_dir=${CLAIMTRACK_TEST_PG_DIR:-.pgdata-test}
if [ -n "${DATABASE_URL:-}" ]; then
  base_url=$DATABASE_URL
  stop_pg() { :; }
else
  base_url=$(./target/release/server --pg-dir "$pg_dir" pg start --fresh --database claimtrack_test)
  stop_pg() { ./target/release/server --pg-dir "$pg_dir" pg stop || true; }
fi
trap stop_pg EXIT
# Same server, other database names: swap the path component of the URL.
database_url() { sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$1#" <<<"$base_url"; }

step "committed query data (.sqlx/) matches the code"
DATABASE_URL=$(database_url claimtrack_sqlx) ./target/release/server migrate
DATABASE_URL=$(database_url claimtrack_sqlx) SQLX_OFFLINE=false cargo sqlx prepare --workspace --check

step "unit and integration tests"
# #[sqlx::test] makes a fresh database per test from this server; any existing database serves as the entry.
DATABASE_URL=$(database_url postgres) cargo test --workspace --release

step "browser tests (headless Chromium)"
# An admin for the desk journeys, made through the real CLI (password on standard input).
export E2E_ADMIN_PASSWORD="e2e admin password $RANDOM$RANDOM"
DATABASE_URL=$(database_url claimtrack_e2e) ./target/release/server create-user \
  --username e2e.admin --role admin --display-name "E2E Admin" <<<"$E2E_ADMIN_PASSWORD"
# A fact-checker and an editor for the editorial journey (two browser contexts).
export E2E_DESK_PASSWORD="e2e desk password $RANDOM$RANDOM"
DATABASE_URL=$(database_url claimtrack_e2e) ./target/release/server create-user \
  --username e2e.checker --role fact_checker --display-name "E2E Checker" <<<"$E2E_DESK_PASSWORD"
DATABASE_URL=$(database_url claimtrack_e2e) ./target/release/server create-user \
  --username e2e.editor --role editor --display-name "E2E Editor" <<<"$E2E_DESK_PASSWORD"
DATABASE_URL=$(database_url claimtrack_e2e) CLAIMTRACK_DEMO=true cargo leptos end-to-end --release
echo "Screenshots: end2end/test-results/"
