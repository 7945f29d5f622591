#!/usr/bin/env bash
# Installs what `make run` / `make test` need and is missing. Every step is skipped when the right
# version is already there, so a second run costs a few seconds. Versions: see ../shared/TOOLCHAIN.md.
set -euo pipefail

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pinned in Cargo.toml
SQLX_CLI_VERSION=0.8.6
WANT_BROWSER=${WANT_BROWSER:-0}
WANT_SQLX=${WANT_SQLX:-0}

here=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null; then echo "provision: apt-get not found; install $* yourself" >&2; return 1; fi
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}
has_version() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }

# PostgreSQL server binaries: on PATH or under /usr/lib/postgresql/*/bin.
if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "provision: installing PostgreSQL server binaries"
  apt_install postgresql || echo "provision: could not install PostgreSQL; set DATABASE_URL instead" >&2
fi

rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

if ! has_version cargo-leptos "$CARGO_LEPTOS_VERSION"; then
  echo "provision: installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

# cargo-leptos would download wasm-bindgen when missing; the registry copy is built instead.
# Not --locked: one locked dependency of this version is missing from the registry mirror.
if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  echo "provision: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Node tools pinned in end2end/package-lock.json: Playwright, and binaryen 132 for wasm-opt
# (Debian's binaryen 108 silently breaks release wasm).
if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
if [ ! -x "$here/end2end/node_modules/.bin/wasm-opt" ] || [ "$here/end2end/package-lock.json" -nt "$here/end2end/node_modules/.package-lock.json" ]; then
  (cd "$here/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$WANT_BROWSER" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  echo "provision: installing Debian chromium"
  apt_install chromium chromium-driver
fi

if [ "$WANT_SQLX" = 1 ] && ! has_version sqlx "$SQLX_CLI_VERSION"; then
  echo "provision: installing sqlx-cli $SQLX_CLI_VERSION"
  cargo install sqlx-cli --version "$SQLX_CLI_VERSION" --no-default-features --features rustls,postgres --locked
fi
