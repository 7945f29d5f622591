#!/usr/bin/env bash
# Regenerates .sqlx/ (the query metadata that lets the build run without a database).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo leptos build --release
url=$(./target/release/server --pg-dir .pgdata-test pg start --database claimtrack_sqlx)
trap './target/release/server --pg-dir .pgdata-test pg stop' EXIT
DATABASE_URL=$url ./target/release/server migrate
DATABASE_URL=$url SQLX_OFFLINE=false cargo sqlx prepare --workspace
