// Keystroke-to-paint of the built site (dist/) on a slow phone: Chromium at 4× CPU slowdown
// (Lighthouse's mobile figure, set through the DevTools protocol), a 412×915 screen, Finnish.
// Types "lastenneuvola" letter by letter into the search box and toggles a filter, each step
// measured from the key's (or tap's) event time to the next frame that shows a change it made
// (as Interaction to Next Paint counts) and to the frame after the last change it made
// ("settled"), and prints median / p95 / worst of both per case. With --services N the catalogue is a
// generated one of N services (xtask synth) served in place of the built catalogue, as a manifest
// whose common part is the whole generated catalogue (no shards: every search has it all).
// Targets (issue 21): p95 ≤ 50 ms on the sample, ≤ 100 ms at 50 000 services.
// Usage: node scripts/bench-typing.mjs [runs] [--services N] [--dist DIR] [--save NAME] [--compare NAME]
// (--dist: another build to measure, e.g. one made with `trunk build --dist /tmp/other`)
import { launchChromium } from './chromium.mjs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 3);
const services = flag('--services') === undefined ? null : Number(flag('--services'));
if (!(runs >= 1) || (services !== null && !(services >= 1))) {
  console.error('usage: node scripts/bench-typing.mjs [runs ≥ 1] [--services N ≥ 1] [--dist DIR] [--save NAME] [--compare NAME]');
  process.exit(2);
}
const DIST = flag('--dist') ?? 'dist';
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench-typing: no ${DIST}/index.html; build first (trunk build --release --offline)`);
  process.exit(2);
}
const CPU_SLOWDOWN = 4;
const WORD = 'lastenneuvola';
const TOGGLES = 6;
const TARGET_MS = services === null || services < 10_000 ? 50 : 100;
/** A step is over when the page has not changed for this long. */
const QUIET_MS = 250;

/** Files served in place of the built ones, by path. */
const replaced = {};
if (services !== null) {
  mkdirSync('target/bench', { recursive: true });
  const out = `target/bench/synth-${services}.bin`;
  const r = spawnSync('cargo', ['run', '--quiet', '--locked', '--profile', 'tool', '-p', 'perheopas-xtask', '--', 'synth', '--services', String(services), '--out', out], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`xtask synth failed (${r.status ?? r.error})`);
  replaced['/parts/manifest.json'] = JSON.stringify({ built: 'synth', common: { file: 'synth.bin' }, shards: [] });
  replaced['/parts/synth.bin'] = readFileSync(out);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.bin': 'application/octet-stream',
};
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(DIST, path));
  if (replaced[path]) {
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(replaced[path]);
    return;
  }
  if (!file.startsWith(normalize(DIST)) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// In the page before the app: the time of every key and tap, and of the first frame after each
// change to the document.
function probe() {
  window.__typing = { inputs: [], frames: [], lastChange: performance.now() };
  for (const type of ['keydown', 'pointerdown']) {
    addEventListener(type, (e) => window.__typing.inputs.push(e.timeStamp), true);
  }
  let pending = false;
  new MutationObserver(() => {
    window.__typing.lastChange = performance.now();
    if (pending) return;
    pending = true;
    requestAnimationFrame((t) => {
      pending = false;
      window.__typing.frames.push(t);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

async function settled(page) {
  await page.waitForFunction((quiet) => performance.now() - window.__typing.lastChange > quiet, QUIET_MS, { polling: 50 });
}

/** For the step just made: the first frame after its input that shows a change it made (what the
 * family sees first, as Interaction to Next Paint counts it) and the last one (when all of its
 * work is on screen, e.g. a long list drawn in two frames). */
async function lastStep(page) {
  return page.evaluate(() => {
    const { inputs, frames } = window.__typing;
    const at = inputs[inputs.length - 1];
    const after = frames.filter((f) => f >= at);
    return after.length ? { first: Math.min(...after) - at, settled: Math.max(...after) - at } : { first: 0, settled: 0 };
  });
}

const cases = { typing: [], filter: [] };
const browser = await launchChromium();
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({
      viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, locale: 'fi-FI',
      timezoneId: 'Europe/Helsinki', serviceWorkers: 'block',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page: ${e.message}`));
    await page.addInitScript(probe);
    await page.goto(`${origin}/?view=list`);
    const box = page.getByRole('searchbox', { name: 'Hae palvelua' });
    await box.waitFor({ timeout: 120_000 });
    await page.getByRole('heading', { level: 2, name: /palvelua$/ }).waitFor({ timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await box.focus();
    await settled(page);
    for (const ch of WORD) {
      await page.keyboard.press(ch);
      await settled(page);
      cases.typing.push(await lastStep(page));
    }
    // A filter toggled on and off over the search's results, in the filter sheet.
    await page.getByRole('button', { name: /^Rajaa hakua/ }).click();
    await settled(page);
    const box2 = page.getByRole('dialog').getByRole('checkbox').first();
    for (let i = 0; i < TOGGLES; i++) {
      await box2.tap();
      await settled(page);
      cases.filter.push(await lastStep(page));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const stats = (xs) => ({ n: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), worst: Math.max(...xs) });
const summary = Object.fromEntries(Object.entries(cases).flatMap(([k, steps]) => [
  [`${k}, next paint`, stats(steps.map((s) => s.first))],
  [`${k}, settled`, stats(steps.map((s) => s.settled))],
]));
const what = services === null ? 'the sample catalogue' : `${services} generated services`;
console.log(`keystroke-to-paint, ${what}, ${CPU_SLOWDOWN}× CPU, 412×915, ${runs} run(s):`);
for (const [k, s] of Object.entries(summary)) {
  const label = k.replace('typing', `typing "${WORD}"`).replace('filter', 'a filter on / off');
  console.log(`  ${label.padEnd(38)} n=${String(s.n).padStart(3)}  median ${s.median.toFixed(0).padStart(4)} ms  p95 ${s.p95.toFixed(0).padStart(4)} ms  worst ${s.worst.toFixed(0).padStart(4)} ms  (target p95 ≤ ${TARGET_MS} ms: ${s.p95 <= TARGET_MS ? 'met' : 'NOT met'})`);
}

mkdirSync('target/bench', { recursive: true });
const name = (n) => `target/bench/typing-${services ?? 'sample'}-${n}.json`;
const save = flag('--save');
if (save) {
  writeFileSync(name(save), JSON.stringify({ summary, cases }, null, 2));
  console.log(`saved as ${name(save)}`);
}
const compare = flag('--compare');
if (compare) {
  if (!existsSync(name(compare))) {
    console.error(`bench-typing: no saved run ${name(compare)}`);
    process.exit(2);
  }
  const before = JSON.parse(readFileSync(name(compare), 'utf8')).summary;
  console.log(`compared with ${name(compare)}:`);
  for (const [k, s] of Object.entries(summary)) {
    const b = before[k];
    if (!b) continue;
    console.log(`  ${k.padEnd(24)} p95 ${b.p95.toFixed(0)} → ${s.p95.toFixed(0)} ms, median ${b.median.toFixed(0)} → ${s.median.toFixed(0)} ms`);
  }
}
