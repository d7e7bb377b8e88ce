#!/usr/bin/env bash
# Installs what Perheopas needs, skipping whatever is already installed in the right version.
#   scripts/setup.sh app    toolchain to build and serve the app
#   scripts/setup.sh test   the above plus Chromium and the browser-test packages
# Nothing is downloaded outside crates.io, npm, Debian apt and rustup's own server.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-app}"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen crate version in Cargo.lock

say() { printf '==> %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "apt packages present: $*"
  else
    say "installing apt packages: ${missing[*]}"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first (https://rustup.rs)"; exit 1; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt_install nodejs npm; fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION present"
else
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen $WASM_BINDGEN_VERSION present"
else
  # Not --locked: its lockfile pins a webpki-roots version the registry no longer serves.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt comes from npm's binaryen 132: Debian's binaryen 108 silently breaks the module.
if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/@playwright/test ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages present"
else
  say "installing npm packages (binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

if [ "$MODE" = "test" ]; then
  apt_install chromium chromium-driver
fi

say "fetching crates"
cargo fetch --locked
