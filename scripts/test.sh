#!/usr/bin/env bash
# Sets up and runs every test: formatting and lints (rustfmt, clippy), native unit and integration
# tests, the release build, the size report and search benchmark (figures printed), the browser
# tests in Chromium, and the browser benchmarks (peer comparison with MiniSearch, load under CPU and network throttling).
#   --reuse-build  skip the release build: dist/ was just made by the same command (`.ci/run`
#                  runs `scripts/run.sh --check` first, which builds exactly this way)
set -euo pipefail
cd "$(dirname "$0")/.."
REUSE_BUILD=0
case "${1:-}" in
  "") ;;
  --reuse-build) REUSE_BUILD=1 ;;
  *) echo "scripts/test.sh: unknown option '$1' (only --reuse-build)" >&2; exit 2 ;;
esac
bash scripts/setup.sh test
source scripts/env.sh

echo "==> generated style assets are up to date"
node scripts/style-assets.mjs --check

echo "==> formatting and lints: cargo fmt --check, clippy -D warnings (native workspace and the Wasm app)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p perheopas --target wasm32-unknown-unknown --locked -- -D warnings

echo "==> native tests (core, catalogue tool, UI crate)"
cargo test --workspace --locked

if [ "$REUSE_BUILD" = 1 ] && [ -f dist/index.html ]; then
  echo "==> release build of the site: reusing dist/ from scripts/run.sh --check (same trunk build --release --offline)"
else
  echo "==> release build of the site (checks and compiles the catalogue first)"
  trunk build --release --offline
fi

echo "==> size report of dist/, what the Wasm is made of, and the first-screen budget"
# The budget is a ratchet at today's size plus a little, so growth is seen and argued for; the
# target of issue 21 is 250 KB. The breakdown reads the unoptimised module trunk just built.
cargo run --quiet --locked --profile tool -p perheopas-xtask -- size dist \
  --wasm target/wasm32-unknown-unknown/release/perheopas.wasm --budget-kb 690

echo "==> search benchmark over a generated 50 000-service catalogue"
cargo run --quiet --locked --profile tool -p perheopas-xtask -- bench --services 50000

echo "==> browser tests (Playwright, Debian Chromium)"
npx playwright test

echo "==> load figures of the built site (precache bytes, time to first results)"
node scripts/bench-load.mjs 5

echo "==> map drawing figures (about 5 000 located places)"
node scripts/bench-map.mjs 12500 3

echo "==> peer benchmark: our Wasm search vs MiniSearch over 50 000 services, one Chromium page"
node scripts/bench-peer.mjs 50000

echo "==> load on a phone budget: 4x CPU slowdown, DevTools Slow 4G (gzip and brotli serving)"
node scripts/bench-throttled.mjs 3

echo "==> catalogue parts at national scale: 50 000 services, Lieksa family on Slow 4G + 4x CPU (start bytes, first results, heap, country-wide search)"
node scripts/bench-shards.mjs 2
