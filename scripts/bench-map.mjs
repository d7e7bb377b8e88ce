// Map drawing figures in Chromium: time from opening the map to the markers on screen, and to
// redraw after zooming, with a generated catalogue of about 5 000 located places standing in
// for the sample one. Usage: node scripts/bench-map.mjs [services] [runs]
import { launchChromium } from './chromium.mjs';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const services = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 5);
const asset = '/tmp/perheopas-bench-catalogue.bin';
console.log(execFileSync('cargo', ['run', '--quiet', '--profile', 'tool', '-p', 'perheopas-xtask', '--', 'synth', '--services', String(services), '--out', asset]).toString().trim());
const body = readFileSync(asset);
const port = 8198;
const server = spawn('node', ['tests/serve.mjs', 'dist', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const open = [];
  const zoom = [];
  let markers = 0;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'block', locale: 'fi-FI' });
    const page = await context.newPage();
    // The generated catalogue whole, as the common part of a manifest with no shards.
    await page.route('**/parts/manifest.json', (route) => route.fulfill({ json: { built: 'synth', common: { file: 'synth.bin' }, shards: [] } }));
    await page.route('**/parts/synth.bin', (route) => route.fulfill({ body, contentType: 'application/octet-stream' }));
    await page.goto(`http://127.0.0.1:${port}/?view=list`);
    await page.getByRole('heading', { level: 2, name: /palvelua$/ }).waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Kartta' }).click();
    await page.locator('svg.map .marker').first().waitFor();
    open.push((await page.evaluate(() => performance.now())) - t0);
    markers = await page.locator('svg.map .marker').count();
    const t1 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Lähennä' }).click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    zoom.push((await page.evaluate(() => performance.now())) - t1);
    await context.close();
  }
  console.log(`map open → markers drawn: median ${median(open).toFixed(0)} ms (${markers} clusters on screen, ${runs} runs)`);
  console.log(`zoom in → redrawn: median ${median(zoom).toFixed(0)} ms`);
} finally {
  await browser.close();
  server.kill();
}
