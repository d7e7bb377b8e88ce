#!/usr/bin/env bash
# Sets up, builds (release) and serves Perheopas at http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
source scripts/env.sh
echo "==> building (release) and serving at http://127.0.0.1:8080 — stop with Ctrl+C"
exec trunk serve --release --offline
