// Load figures for the built site (dist/): precached bytes and time to first results on a cold
// visit and on repeat visits served by the service worker (median of several runs).
// Usage: node scripts/bench-load.mjs [runs]
import { launchChromium } from './chromium.mjs';
import { spawn } from 'node:child_process';

const runs = Number(process.argv[2] ?? 7);
const port = 8199;
const url = `http://127.0.0.1:${port}/?q=neuvola`;
const server = spawn('node', ['tests/serve.mjs', 'dist', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await launchChromium();

/** Milliseconds from navigation start until the result count is on screen. */
async function timeToResults(page) {
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: /palvelua$/ }).waitFor();
  return page.evaluate(() => performance.now());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fi-FI' });
    cold.push(await timeToResults(await context.newPage()));
    await context.close();
  }
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  await timeToResults(page);
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated');
  // Count only once the worker's cache is visible to the page; on a busy machine that can lag
  // the "activated" state, and a run once reported an empty precache.
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('perheopas-')), null, { timeout: 30_000 });
  const precache = await page.evaluate(async () => {
    let bytes = 0;
    let files = 0;
    // The service worker's caches only; the app's saved catalogue copy is not precache.
    for (const key of (await caches.keys()).filter((k) => k.startsWith('perheopas-'))) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
        files += 1;
      }
    }
    return { bytes, files };
  });
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await timeToResults(page));
  console.log(`precache: ${precache.files} files, ${precache.bytes} bytes (uncompressed)`);
  console.log(`first results, cold (no worker, loopback): median ${median(cold).toFixed(0)} ms over ${runs} runs`);
  console.log(`first results, repeat visit (service worker): median ${median(warm).toFixed(0)} ms over ${runs} runs`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
