// Load figures of the built site (dist/) on a phone-like budget: 4× CPU slowdown and DevTools'
// "Slow 4G" network, both set through the DevTools protocol. Prints, for gzip and brotli
// serving: bytes transferred per file on a cold visit, the app shell's total, the time to the
// first result list cold (no cache, no service worker) and warm (repeat visit through the
// service worker, three times as many runs), the app's own steps on the way (user timing
// marks, src/timing.rs), and the Wasm and JS heap at that moment.
// Usage: node scripts/bench-throttled.mjs [runs] [--save NAME] [--compare NAME]
import { launchChromium } from './chromium.mjs';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 3);
if (runs < 1) {
  console.error(`bench-throttled: runs must be 1 or more, not ${runs}`);
  process.exit(2);
}

// Chrome DevTools' "Slow 4G" preset (the figures DevTools itself uses: 1.6 Mbit/s down,
// 750 kbit/s up at 90 %, 150 ms round trip × 3.75), and Lighthouse's 4× mobile CPU.
const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const CPU_SLOWDOWN = 4;
const TARGETS = { shellKb: 250, coldMs: 1500, warmMs: 500 };
/** Files that are data, not the app shell: the catalogue's parts and the base map. */
const isData = (file) => file.startsWith('parts/') || file.includes('/parts/') || file.endsWith('basemap.bin');

// Every file of dist/, compressed once both ways, as a static host or CDN would serve it.
const files = new Map();
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const raw = readFileSync(path);
      const compressible = !['.woff2', '.png'].includes(extname(path));
      files.set('/' + relative('dist', path), {
        raw,
        gzip: compressible ? gzipSync(raw, { level: 9 }) : null,
        br: compressible ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
      });
    }
  }
})('dist');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.bin': 'application/octet-stream',
};
let encoding = 'gzip';
const server = createServer((req, res) => {
  let path = new URL(req.url, 'http://x').pathname;
  if (path.endsWith('/')) path += 'index.html';
  const file = files.get(path);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  const body = file[encoding] && (req.headers['accept-encoding'] ?? '').includes(encoding) ? file[encoding] : file.raw;
  if (body !== file.raw) headers['content-encoding'] = encoding;
  res.writeHead(200, headers).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/?q=neuvola`;
const browser = await launchChromium();

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/**
 * Navigates and returns ms from navigation start until the result count was painted (Element
 * Timing on the count heading), the app's own marks (src/timing.rs), and the heaps then.
 * While the page loads, the harness only listens from inside the page: a Playwright locator
 * would inject its own script into the page as it starts, about 60 ms of the main thread at
 * 4× slowdown that no family's phone spends. The heading is checked by role afterwards.
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
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('perheopas:')).map((m) => [m.name.slice(10), m.startTime]));
    return {
      ms: painted,
      marks,
      // The first paint is index.html's own loading message, before any Wasm has arrived.
      paintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      wasmHeap: window.perheopasWasmMemory?.buffer.byteLength ?? null,
      jsHeap: performance.memory?.usedJSHeapSize ?? null,
    };
  });
  // What was painted is the result list of this search, not an error or an empty page.
  await page.getByRole('heading', { level: 2, name: /palvelua$/ }).waitFor({ timeout: 5_000 });
  return r;
}

/** "start 280 · mounted 300 · …": medians of the app's marks over runs, in order. */
function markMedians(results) {
  const names = Object.keys(results[0]?.marks ?? {}).sort((a, b) => results[0].marks[a] - results[0].marks[b]);
  return names.map((n) => `${n} ${median(results.map((r) => r.marks[n] ?? NaN)).toFixed(0)}`).join(' · ') + ` · painted ${median(results.map((r) => r.ms)).toFixed(0)}`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const report = {};

try {
  for (const enc of ['gzip', 'br']) {
    encoding = enc;
    const cold = [];
    const paint = [];
    const coldRuns = [];
    let transfers = null;
    let heaps = null;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 915 }, locale: 'fi-FI' });
      await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.perheopasWasmMemory = e.detail.wasm.memory; }));
      const page = await context.newPage();
      const cdp = await throttle(context, page);
      const byId = new Map();
      cdp.on('Network.responseReceived', (e) => byId.set(e.requestId, { url: e.response.url, bytes: 0 }));
      cdp.on('Network.loadingFinished', (e) => { if (byId.has(e.requestId)) byId.get(e.requestId).bytes = e.encodedDataLength; });
      const r = await firstResults(page);
      cold.push(r.ms);
      coldRuns.push(r);
      if (r.paintMs !== null) paint.push(r.paintMs);
      heaps = r;
      // Let late requests (icons, the map, the worker script) finish so the list is complete.
      await page.waitForTimeout(1500);
      transfers = [...byId.values()].map(({ url: u, bytes }) => ({ file: new URL(u).pathname.slice(1) || 'index.html', bytes }));
      await context.close();
    }

    // Warm: a returning visitor whose service worker answers from its cache.
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'fi-FI' });
    await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.perheopasWasmMemory = e.detail.wasm.memory; }));
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated', null, { timeout: 60_000 });
    await throttle(context, page);
    const warm = [];
    const warmRuns = [];
    // A warm load takes half a second, and a median of a few varies by 0.2 s on a busy
    // 2-core machine: three times as many warm runs as cold ones.
    for (let i = 0; i < runs * 3; i++) {
      const r = await firstResults(page);
      warm.push(r.ms);
      warmRuns.push(r);
    }
    await context.close();

    const shell = transfers.filter((t) => !isData(t.file) && !t.file.endsWith('sw.js'));
    const shellBytes = shell.reduce((s, t) => s + t.bytes, 0);
    const allBytes = transfers.reduce((s, t) => s + t.bytes, 0);
    console.log(`\n== served with ${enc}; Slow 4G (${SLOW_4G.latency} ms, ${kb(SLOW_4G.downloadThroughput)}/s down), CPU ${CPU_SLOWDOWN}× slower`);
    for (const t of [...transfers].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${t.file.padEnd(48)} ${kb(t.bytes).padStart(10)}`);
    console.log(`  app shell (everything but the catalogue and map data): ${kb(shellBytes)} (target ≤ ${TARGETS.shellKb} KB); all: ${kb(allBytes)}`);
    console.log(`  first paint (loading message), cold: median ${paint.length ? median(paint).toFixed(0) : 'n/a'} ms`);
    console.log(`  first results painted, cold: median ${median(cold).toFixed(0)} ms of ${runs} (target ≤ ${TARGETS.coldMs} ms)`);
    console.log(`    app steps, cold (ms from navigation, medians): ${markMedians(coldRuns)}`);
    const sorted = [...warm].sort((a, b) => a - b);
    console.log(`  first results painted, warm (service worker): median ${median(warm).toFixed(0)} ms of ${warm.length}, fastest ${sorted[0].toFixed(0)}, slowest ${sorted[sorted.length - 1].toFixed(0)} (target ≤ ${TARGETS.warmMs} ms)`);
    console.log(`    warm loads in the order made: ${warm.map((w) => w.toFixed(0)).join(', ')}`);
    console.log(`    app steps, warm (ms from navigation, medians): ${markMedians(warmRuns)}`);
    console.log(`  heap at first results: Wasm ${heaps.wasmHeap === null ? 'n/a' : kb(heaps.wasmHeap)}, JS ${heaps.jsHeap === null ? 'n/a' : kb(heaps.jsHeap)}`);
    report[enc] = { transfers, shellBytes, allBytes, paintMs: paint.length ? median(paint) : null, coldMs: median(cold), warmMs: median(warm), wasmHeap: heaps.wasmHeap, jsHeap: heaps.jsHeap };
  }
} finally {
  await browser.close();
  server.close();
}

mkdirSync('target/bench', { recursive: true });
if (flag('--save')) {
  writeFileSync(`target/bench/throttled-${flag('--save')}.json`, JSON.stringify(report, null, 2));
  console.log(`saved as target/bench/throttled-${flag('--save')}.json`);
}
if (flag('--compare')) {
  const before = JSON.parse(readFileSync(`target/bench/throttled-${flag('--compare')}.json`, 'utf8'));
  for (const enc of Object.keys(report)) {
    const [b, n] = [before[enc], report[enc]];
    if (!b) continue;
    console.log(`${enc} vs ${flag('--compare')}: shell ${kb(b.shellBytes)} → ${kb(n.shellBytes)}, first paint ${b.paintMs?.toFixed(0) ?? 'n/a'} → ${n.paintMs?.toFixed(0) ?? 'n/a'} ms, cold ${b.coldMs.toFixed(0)} → ${n.coldMs.toFixed(0)} ms, warm ${b.warmMs.toFixed(0)} → ${n.warmMs.toFixed(0)} ms`);
  }
}
