// Peer benchmark: builds the benchmark page (benchpage/: our engine as Wasm, MiniSearch from
// npm, a generated catalogue), opens it in Chromium and prints median and p95 per query for
// both, with the ratio. Not part of the shipped site.
// Usage: node scripts/bench-peer.mjs [services] [--save NAME] [--compare NAME]
import { launchChromium } from './chromium.mjs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const services = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 50000);
const out = 'target/benchpage';

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status ?? r.error})`);
}

// Build: the data, the engine with the app's release profile, its JS bindings, and wasm-opt as
// Trunk runs it for the app, so the engine measured is the engine shipped.
run('cargo', ['run', '--quiet', '--locked', '--profile', 'tool', '-p', 'perheopas-xtask', '--', 'peer-data', '--services', String(services), '--out', out]);
run('cargo', ['build', '--quiet', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'perheopas-benchpage']);
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', join(out, 'pkg'), 'target/wasm32-unknown-unknown/release/perheopas_benchpage.wasm']);
const wasm = join(out, 'pkg', 'perheopas_benchpage_bg.wasm');
run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', wasm, '-o', wasm]);
for (const f of ['index.html', 'bench.js']) copyFileSync(join('benchpage', f), join(out, f));
copyFileSync('node_modules/minisearch/dist/es/index.js', join(out, 'minisearch.js'));

// Cross-origin isolation gives performance.now() its fine resolution; without it Chromium
// rounds to 0.1 ms, coarser than many of the timings.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = normalize(join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  const file = path.endsWith('/') || path === out ? join(path, 'index.html') : path;
  if (!file.startsWith(out) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launchChromium();

let result;
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error(`page: ${m.text()}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 15 * 60_000, polling: 1000 });
  result = await page.evaluate(() => window.benchResult);
} finally {
  await browser.close();
  server.close();
}
if (result.error) throw new Error(`benchmark page: ${result.error}`);

const ms = (x) => x.toFixed(2).padStart(7);
console.log(`peer benchmark: ${result.services} services in Chromium, timer ${result.timerResolution}`);
console.log(`index build: Perheopas ${result.index.ours.toFixed(0)} ms (decode + index), MiniSearch ${result.index.mini.toFixed(0)} ms (addAll)`);
console.log(`${'case'.padEnd(44)} ${'MS options'.padEnd(22)} ${'hits ours/MS'.padStart(13)}  ours med    p95 |   MS med    p95 | ratio`);
for (const r of result.rows) {
  console.log(`${r.name.padEnd(44)} ${r.msOptions.padEnd(22)} ${`${r.oursHits}/${r.miniHits}`.padStart(13)} ${ms(r.ours.median)} ${ms(r.ours.p95)} | ${ms(r.mini.median)} ${ms(r.mini.p95)} | ${r.comparable ? `${r.ratio.toFixed(1).padStart(5)}×` : '  n/a (different results)'}`);
}
console.log('MS options: the MiniSearch search options chosen per case (prefix always; fuzzy or any-word where they give our hits).');
console.log('n/a: MiniSearch finds other services (no matching inside compound words, no word forms, no vocabulary), so the times do not compare.');
console.log(`Perheopas vs MiniSearch over the ${result.compared} cases with the same results: ${result.geomeanRatio.toFixed(1)}× faster (geometric mean of medians), least ${result.minRatio.toFixed(1)}× (target ≥ 5×)`);
console.log(`per keystroke incl. facet counts: worst p95 ${result.worstKeystrokeP95.toFixed(2)} ms; worst p95 of any case ${result.worstP95.toFixed(2)} ms (target ≤ 4 ms)`);

mkdirSync('target/bench', { recursive: true });
const save = flag('--save');
if (save) {
  writeFileSync(`target/bench/peer-${save}.json`, JSON.stringify(result, null, 2));
  console.log(`saved as target/bench/peer-${save}.json`);
}
const compare = flag('--compare');
if (compare) {
  const before = JSON.parse(readFileSync(`target/bench/peer-${compare}.json`, 'utf8'));
  console.log(`compared with ${compare} (ours median, before → now):`);
  for (const r of result.rows) {
    const b = before.rows.find((x) => x.name === r.name);
    if (b) console.log(`  ${r.name.padEnd(44)} ${ms(b.ours.median)} → ${ms(r.ours.median)} ms (${((r.ours.median / b.ours.median - 1) * 100).toFixed(0)}%)`);
  }
}
