// Figures of the catalogue cut into parts at national scale (issue 23): builds a copy of the app
// with a generated national catalogue (xtask `national`), serves it with gzip, and for a family
// in Lieksa (home municipality 422, county 12) on a phone budget (DevTools "Slow 4G", 4× CPU
// slowdown) prints the catalogue bytes fetched before the first results, the time to those
// results cold and warm (service worker), the Wasm heap then, and what a country-wide search
// afterwards costs: time until every part arrived, all catalogue bytes, the heap after.
// Figures only, no pass/fail; targets are printed beside them.
// Any request under /parts/ counts as catalogue, whatever the cut: the manifest's shape may
// change (nationwide, county and municipality parts), so its files are collected generically.
// Usage: node scripts/bench-shards.mjs [runs] [--services N] [--wide-cpu N] [--save NAME] [--compare NAME]
//   [--dist DIR] [--profile FILE] [--xtask BIN]
//   [--wide-cpu N] CPU slowdown during the country-wide search (default 1: not slowed, to keep
//                  scripts/test.sh short; 4 gives the phone figure). Its network is never slowed.
//   [--xtask BIN]  cut with this perheopas-xtask binary instead of `cargo run` (e.g. one built
//                  from the commit dist/ was built from, while the cut is being changed)
//   [--dist DIR]   the app build to serve (default dist/)
//   [--profile FILE] write a CPU profile of the country-wide search (.cpuprofile JSON)
import { launchChromium } from './chromium.mjs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 3);
const services = Number(flag('--services') ?? 50000);
const wideCpu = Number(flag('--wide-cpu') ?? 1);
if (!(wideCpu >= 1)) {
  console.error(`bench-shards: --wide-cpu must be 1 or more, not ${flag('--wide-cpu')}`);
  process.exit(2);
}
if (!(runs >= 1) || !Number.isInteger(runs)) {
  console.error(`bench-shards: runs must be a whole number 1 or more, not ${runs}`);
  process.exit(2);
}
if (!(services >= 1) || !Number.isInteger(services)) {
  console.error(`bench-shards: --services must be a whole number 1 or more, not ${flag('--services')}`);
  process.exit(2);
}

// The same budget as scripts/bench-throttled.mjs: DevTools' "Slow 4G" preset and a 4× CPU.
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const NO_THROTTLE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const CPU_SLOWDOWN = 4;
const TARGETS = { cutS: 10, startKb: 100, heapMb: 40 };
const HOME = '422'; // Lieksa, Pohjois-Karjala (county 12)
const SITE = 'target/bench/national-site';

// 1. The national site, and how long the cut took (the command's own "shards: … in X s").
console.log(`==> national site: ${services} generated services → ${SITE}`);
const [tool, ...toolArgs] = flag('--xtask') ? [flag('--xtask')] : ['cargo', 'run', '--quiet', '--locked', '--profile', 'tool', '-p', 'perheopas-xtask', '--'];
const built = execFileSync(tool, [...toolArgs, 'national', '--dist', flag('--dist') ?? 'dist', '--out', SITE, '--services', String(services)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const cutLine = built.split('\n').find((l) => l.startsWith('shards:'));
const cutS = Number(cutLine?.match(/ in ([\d.]+) s/)?.[1]);
if (!cutLine || Number.isNaN(cutS)) {
  console.error(`bench-shards: the national command printed no "shards: … in X s" line:\n${built}`);
  process.exit(1);
}
console.log(`  ${cutLine}`);

/** Every `file` named anywhere in the manifest: the parts a country-wide search ends up with. */
function manifestFiles(node, out = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => manifestFiles(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.file === 'string') out.add(node.file);
    Object.values(node).forEach((n) => manifestFiles(n, out));
  }
  return out;
}
const allParts = [...manifestFiles(JSON.parse(readFileSync(join(SITE, 'parts/manifest.json'), 'utf8')))];

// 2. Every file compressed once, served with content-encoding gzip as a static host would.
const files = new Map();
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const raw = readFileSync(path);
      files.set('/' + relative(SITE, path), { raw, gzip: ['.woff2', '.png'].includes(extname(path)) ? null : gzipSync(raw, { level: 9 }) });
    }
  }
})(SITE);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.bin': 'application/octet-stream',
};
const server = createServer((req, res) => {
  let path = new URL(req.url, 'http://x').pathname;
  if (path.endsWith('/')) path += 'index.html';
  const file = files.get(path);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  const gzip = file.gzip && (req.headers['accept-encoding'] ?? '').includes('gzip');
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers).end(gzip ? file.gzip : file.raw);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/?municipality=${HOME}`;
const browser = await launchChromium();

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** A phone in Finnish for a family whose remembered home is Lieksa; the Wasm memory kept. */
async function familyContext(serviceWorkers) {
  const context = await browser.newContext({ serviceWorkers, viewport: { width: 412, height: 915 }, locale: 'fi-FI' });
  await context.addInitScript((home) => {
    localStorage.setItem('perheopas.home', JSON.stringify(`m:${home}`));
    // Every part fetched stays listed, however many the cut makes (the default keeps 250).
    performance.setResourceTimingBufferSize(5000);
    addEventListener('TrunkApplicationStarted', (e) => { window.perheopasWasmMemory = e.detail.wasm.memory; });
  }, HOME);
  return context;
}

/** Console errors and uncaught exceptions of a page, for the report. */
function collectErrors(page, into) {
  page.on('console', (m) => { if (m.type() === 'error') into.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => into.push(`page error: ${e.message}`));
}

/**
 * Navigates and returns ms from navigation start until the result count was painted (Element
 * Timing on the count heading), the /parts/ requests with their gzip body size and end time,
 * the Wasm heap then, and whether the worker served the page. Listens from inside the page
 * while it loads, as bench-throttled.mjs does (a locator's injected script would cost the
 * throttled main thread); the heading is checked by role afterwards.
 */
async function firstResults(page) {
  await page.goto(url, { waitUntil: 'commit' });
  const r = await page.evaluate(async () => {
    const painted = await new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('no first-results paint within 60 s')), 60_000);
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntries().find((e) => e.identifier === 'first-results');
        if (entry) {
          observer.disconnect();
          resolve(entry.renderTime || entry.startTime);
        }
      }).observe({ type: 'element', buffered: true });
    });
    return {
      ms: painted,
      parts: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/parts/'))
        .map((e) => ({ file: new URL(e.name).pathname.slice(7), bytes: e.encodedBodySize, end: e.responseEnd })),
      wasmHeap: window.perheopasWasmMemory?.buffer.byteLength ?? null,
      workerStart: performance.getEntriesByType('navigation')[0]?.workerStart ?? 0,
    };
  }).catch(async (e) => {
    // Say what the family saw instead (e.g. the app's "could not load" notice naming the file).
    const seen = (await page.locator('main').innerText().catch(() => '')).slice(0, 400);
    throw new Error(`bench-shards: ${url}: ${e.message}; the page shows:\n${seen}\nerrors so far: ${errors.join(' | ') || 'none'}`);
  });
  await page.getByRole('heading', { level: 2, name: /palvelua$/ }).waitFor({ timeout: 10_000 });
  return r;
}

/**
 * 4. The same page widens its search to the whole country as a family would: types "neuvola",
 * opens the filters (a dialog on a phone) and picks "Koko Suomi". Returns ms from the pick
 * until the last part arrived and until no status says "Haetaan…" any more, the bytes of every
 * /parts/ request so far, the heap then, and the status lines seen on the way.
 */
async function nationwide(page) {
  // The start's own background fetch (the nationwide part) redraws the results when it is
  // merged, which closes a filter sheet opened meanwhile: the family's search starts after it.
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((e) => e.textContent.includes('Haetaan')), null, { timeout: 120_000 });
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await page.getByRole('button', { name: /^Rajaa hakua \(/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Rajaa hakua' });
  await sheet.waitFor();
  // Status lines as they change, from before the pick on.
  await page.evaluate(() => {
    window.benchStatuses = [];
    const note = () => {
      for (const el of document.querySelectorAll('[role=status], output')) {
        const text = el.textContent.trim();
        if (text && window.benchStatuses.at(-1)?.text !== text) window.benchStatuses.push({ text, at: performance.now() });
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    // Every task that held the main thread over 50 ms from the pick on: a keystroke waits for
    // the one it lands in, so the longest is how long typing can freeze while parts merge.
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
    window.benchPickedAt = performance.now();
  });
  await sheet.getByRole('combobox', { name: 'Kunta tai hyvinvointialue' }).selectOption({ label: 'Koko Suomi' });
  // The click lands once the page's main thread takes input again: how long that took after
  // the pick says how long the family waits on a frozen screen.
  const clickFrom = Date.now();
  await sheet.getByRole('button', { name: /^Näytä \d+ / }).click({ timeout: 180_000 });
  await sheet.waitFor({ state: 'hidden', timeout: 180_000 });
  const closeMs = Date.now() - clickFrom;
  await page.waitForFunction((expected) => {
    const got = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(7)));
    const fetching = [...document.querySelectorAll('[role=status], output')].some((el) => el.textContent.includes('Haetaan'));
    return !fetching && expected.every((f) => got.has(f));
  }, allParts, { timeout: 180_000, polling: 250 });
  const doneAt = await page.evaluate(() => performance.now());
  const r = await page.evaluate(() => ({
    picked: window.benchPickedAt,
    parts: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/parts/'))
      .map((e) => ({ file: new URL(e.name).pathname.slice(7), bytes: e.encodedBodySize, end: e.responseEnd })),
    wasmHeap: window.perheopasWasmMemory?.buffer.byteLength ?? null,
    statuses: window.benchStatuses,
    longTasks: window.benchLongTasks,
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('perheopas:') && m.startTime >= window.benchPickedAt)
      .map((m) => ({ name: m.name.slice(10), at: m.startTime })),
  }));
  const count = await page.getByRole('heading', { level: 2, name: /palvelua$/ }).textContent();
  const lastEnd = Math.max(...r.parts.map((p) => p.end));
  return {
    partsMs: lastEnd - r.picked,
    // Polled every 250 ms: up to that much late.
    clearedMs: doneAt - r.picked,
    bytes: r.parts.reduce((s, p) => s + p.bytes, 0),
    requests: r.parts.length,
    distinct: new Set(r.parts.map((p) => p.file)).size,
    wasmHeap: r.wasmHeap,
    count,
    statuses: r.statuses.map((s) => `${(s.at - r.picked).toFixed(0)} ms: ${s.text}`),
    closeMs,
    longestTaskMs: Math.max(0, ...r.longTasks.map((t) => t.ms)),
    // Each long task after the pick with the app's last step mark before it: where typing froze.
    longTaskSteps: r.longTasks.map((t) => {
      const before = r.marks.filter((m) => m.at <= t.at).at(-1);
      return `${(t.at - r.picked).toFixed(0)} ms: ${t.ms.toFixed(0)} ms, after ${before ? `${before.name} (${(before.at - r.picked).toFixed(0)} ms)` : 'the pick'}`;
    }),
    longTasks: r.longTasks.length,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => (n === null ? 'n/a' : `${(n / 1024 / 1024).toFixed(1)} MB`);
const errors = [];
const cold = [];
const wide = [];
let warm = [];
let warmNotByWorker = 0;

try {
  // 3. Cold: no cache, no service worker; then the country-wide search on the same page.
  for (let i = 0; i < runs; i++) {
    const context = await familyContext('block');
    const page = await context.newPage();
    collectErrors(page, errors);
    const cdp = await throttle(context, page);
    const r = await firstResults(page);
    const before = r.parts.filter((p) => p.end <= r.ms);
    cold.push({ ms: r.ms, wasmHeap: r.wasmHeap, startParts: before, startBytes: before.reduce((s, p) => s + p.bytes, 0), pending: r.parts.length - before.length });
    // Once, on the first run's page: at national scale it is the slow part of the benchmark.
    if (i === 0) {
      await cdp.send('Network.emulateNetworkConditions', NO_THROTTLE);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: wideCpu });
      // A CPU profile of the country-wide search, for finding what holds the main thread (a
      // build without wasm-opt, `data-wasm-opt="0"`, keeps the Wasm's function names).
      if (flag('--profile')) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      wide.push(await nationwide(page));
      if (flag('--profile')) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(flag('--profile'), JSON.stringify(profile));
        console.log(`  CPU profile of the country-wide search: ${flag('--profile')}`);
      }
    }
    await context.close();
  }

  // Warm: a returning family whose service worker answers; the page itself served by it.
  const context = await familyContext('allow');
  const page = await context.newPage();
  collectErrors(page, errors);
  await page.goto(url);
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated', null, { timeout: 120_000 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /palvelua$/ }).waitFor();
    if (await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart > 0)) break;
    if (Date.now() > deadline) throw new Error('bench-shards: the page was never served by the service worker within 30 s');
  }
  await throttle(context, page);
  // A warm load is short and noisy on a busy 2-core machine: three times as many as cold.
  for (let i = 0; i < runs * 3; i++) {
    const r = await firstResults(page);
    if (r.workerStart > 0) warm.push(r.ms);
    else warmNotByWorker++;
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}

const last = cold.at(-1);
const report = {
  services,
  cutS,
  startBytes: median(cold.map((c) => c.startBytes)),
  coldMs: median(cold.map((c) => c.ms)),
  warmMs: warm.length ? median(warm) : null,
  startHeap: median(cold.map((c) => c.wasmHeap ?? NaN)),
  nationwidePartsMs: median(wide.map((w) => w.partsMs)),
  nationwideClearedMs: median(wide.map((w) => w.clearedMs)),
  nationwideBytes: median(wide.map((w) => w.bytes)),
  nationwideHeap: median(wide.map((w) => w.wasmHeap ?? NaN)),
  nationwideCloseMs: median(wide.map((w) => w.closeMs)),
  nationwideLongestTaskMs: median(wide.map((w) => w.longestTaskMs)),
  wideCpu,
  errors: errors.length,
};

console.log(`\n== Lieksa family (home ${HOME}), phone 412×915, fi-FI, gzip; Slow 4G (${SLOW_4G.latency} ms, ${kb(SLOW_4G.downloadThroughput)}/s down), CPU ${CPU_SLOWDOWN}× slower`);
console.log(`  catalogue parts fetched before the first results (last cold run; ${allParts.length} parts in the manifest's files):`);
for (const p of last.startParts) console.log(`    ${p.file.padEnd(40)} ${kb(p.bytes).padStart(10)}  done at ${p.end.toFixed(0)} ms`);
if (last.pending) console.log(`    (${last.pending} more /parts/ requests had begun but not finished by then)`);
console.log(`  first results painted, cold, per run: ${cold.map((c) => c.ms.toFixed(0)).join(', ')} ms`);
console.log(`  first results painted, warm (service worker), per run: ${warm.map((w) => w.toFixed(0)).join(', ')} ms${warmNotByWorker ? ` (${warmNotByWorker} loads not served by the worker left out)` : ''}`);
console.log(`\n== country-wide search on the same page: "neuvola", Koko Suomi — network NOT throttled here, CPU ${wideCpu === 1 ? 'NOT slowed either (--wide-cpu 4 for the phone figure)' : `${wideCpu}× slower`}`);
for (const [i, w] of wide.entries()) {
  console.log(`  run ${i + 1}: every part in ${w.partsMs.toFixed(0)} ms, status cleared by ${w.clearedMs.toFixed(0)} ms; ${w.requests} /parts/ requests (${w.distinct} files), ${kb(w.bytes)}; Wasm heap ${mb(w.wasmHeap)}; "${w.count}"; the "Näytä" button took ${w.closeMs} ms to close the filters; longest main-thread task ${w.longestTaskMs.toFixed(0)} ms (${w.longTasks} over 50 ms)`);
}
console.log(`  status lines seen (last run, ms after picking Koko Suomi):`);
for (const s of wide.at(-1).statuses) console.log(`    ${s}`);
console.log(`  main-thread tasks over 50 ms (last run, ms after the pick, with the app's step before):`);
for (const s of wide.at(-1).longTaskSteps) console.log(`    ${s}`);
if (errors.length) {
  console.log(`\n== console errors and page errors (${errors.length}):`);
  for (const e of [...new Set(errors)]) console.log(`  ${e}`);
}

const row = (name, value, target) => console.log(`  ${name.padEnd(62)} ${value.padStart(10)}${target ? `   (target ${target})` : ''}`);
console.log(`\n== summary (medians of ${runs} cold runs, ${warm.length} warm, one country-wide search; ${services} services)`);
row('cut into parts (xtask "shards: … in X s")', `${cutS.toFixed(2)} s`, `≤ ${TARGETS.cutS} s`);
row('catalogue bytes before first results, gzip', kb(report.startBytes), `≤ ${TARGETS.startKb} KB`);
row('first results painted, Slow 4G cold', `${report.coldMs.toFixed(0)} ms`);
row('first results painted, warm (service worker)', report.warmMs === null ? 'n/a' : `${report.warmMs.toFixed(0)} ms`);
row('Wasm heap at first results', mb(report.startHeap), `≤ ${TARGETS.heapMb} MB`);
row(`country-wide (net unthrottled, CPU ${wideCpu}×): every part arrived`, `${report.nationwidePartsMs.toFixed(0)} ms`);
row('country-wide: "Haetaan…" status cleared', `${report.nationwideClearedMs.toFixed(0)} ms`);
row('country-wide: all catalogue bytes, gzip', kb(report.nationwideBytes));
row('country-wide: Wasm heap after', mb(report.nationwideHeap));
row('country-wide: "Näytä N palvelua" click to sheet closed', `${report.nationwideCloseMs} ms`);
row('country-wide: longest main-thread task (a keystroke waits up to this)', `${report.nationwideLongestTaskMs.toFixed(0)} ms`);
row('console errors / page errors', String(errors.length));

mkdirSync('target/bench', { recursive: true });
if (flag('--save')) {
  writeFileSync(`target/bench/shards-${flag('--save')}.json`, JSON.stringify(report, null, 2));
  console.log(`saved as target/bench/shards-${flag('--save')}.json`);
}
if (flag('--compare')) {
  const b = JSON.parse(readFileSync(`target/bench/shards-${flag('--compare')}.json`, 'utf8'));
  const n = report;
  console.log(`vs ${flag('--compare')}: cut ${b.cutS.toFixed(2)} → ${n.cutS.toFixed(2)} s, start bytes ${kb(b.startBytes)} → ${kb(n.startBytes)}, cold ${b.coldMs.toFixed(0)} → ${n.coldMs.toFixed(0)} ms, warm ${b.warmMs?.toFixed(0) ?? 'n/a'} → ${n.warmMs?.toFixed(0) ?? 'n/a'} ms, heap ${mb(b.startHeap)} → ${mb(n.startHeap)}; country-wide ${b.nationwidePartsMs.toFixed(0)} → ${n.nationwidePartsMs.toFixed(0)} ms, ${kb(b.nationwideBytes)} → ${kb(n.nationwideBytes)}, heap ${mb(b.nationwideHeap)} → ${mb(n.nationwideHeap)}`);
}
