#!/usr/bin/env bash
# README command (a): sets up, builds (release) and serves Perheopas at http://127.0.0.1:8080
#   bash scripts/run.sh           set up, `trunk build --release --offline`, serve dist/ (Ctrl+C stops)
#   bash scripts/run.sh --check   the same, but serve in the background, fetch the page and every
#                                 file it references (HTTP 200, same bytes as dist/), stop, exit 0
#                                 (non-zero with the reason on any failure); CI runs this
#   bash scripts/run.sh --watch   development: `trunk serve --release --offline`, which rebuilds on
#                                 every change to the sources; reload the page by hand
# The built site is served by tests/serve.mjs, plain static files: Trunk's own server would inject
# a live-reload script, which the page's Content-Security-Policy refuses (a console error on every
# page), so Trunk.toml turns live reload off for --watch too. PORT=8081 bash scripts/run.sh picks
# another port.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=serve
case "${1:-}" in
  "") ;;
  --check) MODE=check ;;
  --watch) MODE=watch ;;
  -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "scripts/run.sh: unknown option '$1' (use --check, --watch or none; --help explains)" >&2; exit 2 ;;
esac
PORT="${PORT:-8080}"
URL="http://127.0.0.1:$PORT/"
say() { printf '==> %s\n' "$*"; }

say "setting up (installs only what is missing)"
bash scripts/setup.sh app
source scripts/env.sh

if [ "$MODE" = watch ]; then
  say "development server: trunk serve --release --offline at $URL — rebuilds on change, reload by hand; stop with Ctrl+C"
  exec trunk serve --release --offline --port "$PORT"
fi

say "release build: trunk build --release --offline (checks and compiles the catalogue first)"
trunk build --release --offline

if [ "$MODE" = serve ]; then
  say "serving dist/ at $URL (node tests/serve.mjs) — stop with Ctrl+C"
  exec node tests/serve.mjs dist "$PORT"
fi

# --check
say "serving dist/ in the background at $URL (node tests/serve.mjs)"
node tests/serve.mjs dist "$PORT" &
SERVER=$!
stop_server() {
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
}
trap stop_server EXIT

say "fetching the page and the files it references from $URL"
# Waits for the server, then checks: the page and a deep link (?service=…) answer 200 with
# dist/index.html byte for byte (so it is this build, not some other server on the port), with
# its CSP and without a live-reload script; every local file the page references, and sw.js and
# basemap.bin, answers 200 with the bytes of dist/; among them the Wasm (starting with the \0asm
# magic, application/wasm) and the catalogue's manifest and every part it names. Prints one line
# per file.
node --input-type=module - "$URL" "$SERVER" <<'JS'
import { readFile } from 'node:fs/promises';

const [base, pid] = process.argv.slice(2);
const fail = (why) => {
  console.error(`run.sh --check FAILED: ${why}`);
  process.exit(1);
};
const alive = () => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};
async function get(path) {
  const res = await fetch(new URL(path, base));
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

// Wait for the server (up to 15 s), failing at once if it exited (e.g. the port is taken).
for (let i = 0; ; i++) {
  if (!alive()) fail(`the server exited (is port ${new URL(base).port} already in use?)`);
  try {
    await fetch(base);
    break;
  } catch {
    if (i >= 150) fail(`no answer from ${base} within 15 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const index = await readFile('dist/index.html');
const html = index.toString('utf8');
for (const path of ['./', './?service=lieksa-aitiysneuvola']) {
  const page = await get(path);
  if (page.status !== 200) fail(`${path} answered HTTP ${page.status}`);
  if (!page.type.startsWith('text/html')) fail(`${path} is ${page.type}, not text/html`);
  if (!page.body.equals(index)) fail(`${path} is not dist/index.html (another server on the port?)`);
  console.log(`  200 ${path.padEnd(34)} ${String(page.body.length).padStart(9)} bytes  ${page.type}`);
}
if (!html.includes('<title>Perheopas')) fail('the page has no Perheopas title');
if (!/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'self'/.test(html)) fail('the page has no Content-Security-Policy');
if (html.includes('.well-known/trunk/ws')) fail("the page carries Trunk's live-reload script");

// Every local file the page references: href/src attributes and the module loader's imports.
const refs = new Set();
for (const m of html.matchAll(/(?:href|src)="([^"#]+)"|(?:from |import\(|module_or_path: )['"]([^'"]+)['"]/g)) {
  const ref = m[1] ?? m[2];
  if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) continue;
  refs.add(new URL(ref, base).pathname);
}
const wanted = { wasm: /_bg\.wasm$/, 'Wasm loader (.js)': /\/perheopas-[^/]*\.js$/ };
for (const [what, re] of Object.entries(wanted)) {
  if (![...refs].some((p) => re.test(p))) fail(`the page references no ${what}`);
}
// And two the page does not name: the service worker (pwa.js registers it) and the base map
// (the app fetches it).
refs.add(new URL('sw.js', base).pathname);
refs.add(new URL('basemap.bin', base).pathname);
// The catalogue: its manifest (the page's own script fetches it) and every part it names.
if (!html.includes("'parts/manifest.json'")) fail("the page's script does not fetch parts/manifest.json");
const manifest = JSON.parse(await readFile('dist/parts/manifest.json', 'utf8'));
for (const file of ['manifest.json', manifest.common.file, ...manifest.shards.map((s) => s.file)]) {
  refs.add(new URL('parts/' + file, base).pathname);
}
for (const path of [...refs].sort()) {
  const file = await get(path);
  if (file.status !== 200) fail(`${path} answered HTTP ${file.status}`);
  let local;
  try {
    local = await readFile('dist' + decodeURIComponent(path));
  } catch {
    fail(`${path} is served but not in dist/`);
  }
  if (!file.body.equals(local)) fail(`${path} differs from dist${path}`);
  if (path.endsWith('.wasm')) {
    if (!file.body.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) fail(`${path} is not WebAssembly`);
    if (file.type !== 'application/wasm') fail(`${path} is served as ${file.type}, not application/wasm`);
  }
  if (file.body.length === 0) fail(`${path} is empty`);
  console.log(`  200 ${path.padEnd(34)} ${String(file.body.length).padStart(9)} bytes  ${file.type}`);
}
if (!alive()) fail('the server exited during the check');
console.log(`  ${refs.size + 2} answers checked`);
JS

say "stopping the server"
stop_server
trap - EXIT
say "check passed: the app builds, and $URL serves the page and its files"
