// A broken catalogue download: the family sees the copy saved on this device with a notice, or,
// on a first visit with nothing saved, a clear message naming the problem.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOf, expectNoAxeViolations, resultCount } from './helpers.mjs';

// The file the app starts from (src/parts.rs): the sample is small enough to come whole.
const MANIFEST = JSON.parse(readFileSync('dist/parts/manifest.json', 'utf8'));
const COMMON = (MANIFEST.whole ?? MANIFEST.common).file;
const good = readFileSync(`dist/parts/${COMMON}`);
// The service worker would answer from its own cache and hide the routed file.
test.use({ serviceWorkers: 'block' });

async function serveCatalogue(page, body) {
  await page.route(`**/parts/${COMMON}`, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body }));
}

async function savedCopyKept(page) {
  await page.waitForFunction(async () => (await (await caches.open('catalogue-last-good')).match('parts/common')) !== undefined);
}

const damaged = Buffer.from(good);
damaged[Math.floor(good.length / 2)] ^= 0xff;

/** Visits once so the good catalogue is saved, then reloads with `body` served in its place. */
async function fallsBackToSavedCopy(page, body, problem) {
  await page.goto('/?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  const before = await countOf(page);
  await savedCopyKept(page);

  await serveCatalogue(page, body);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Uusimpia palvelutietoja ei voitu lukea' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/päivitetty \d+\.\d+\.\d{4}/);
  await expect(notice).toContainText(problem);
  // The saved copy is the same catalogue: the same search gives the same results.
  expect(await countOf(page)).toBe(before);
}

for (const [what, body, problem] of [
  ['cut short', good.subarray(0, Math.floor(good.length / 3)), /cut short/],
  ['damaged', damaged, /checksum does not match/],
  ['replaced by an error page', Buffer.from('<!doctype html><h1>502 Bad Gateway</h1>'), /not a Perheopas catalogue/],
]) {
  test(`a catalogue ${what} falls back to the copy saved on this device`, async ({ page }) => {
    await fallsBackToSavedCopy(page, body, problem);
  });
}

// What a buggy writer makes: every byte as written, header and checksum right, but a service
// names an organisation past the end of the list. Followed, that number aborts the app (it stays
// on its loading message and the saved copy is never tried); the decoder refuses the file by
// name instead.
test('a decoded-but-broken catalogue falling back to the copy saved on this device', async ({ page }) => {
  // The catalogue tool writes the file; if the tree changed since the build, cargo rebuilds it.
  test.setTimeout(10 * 60_000);
  const dir = mkdtempSync(join(tmpdir(), 'perheopas-'));
  const cargo = ['run', '--quiet', '--locked', '--profile', 'tool', '-p', 'perheopas-xtask', '--'];
  execFileSync('cargo', [...cargo, 'broken-catalogue', `dist/parts/${COMMON}`, join(dir, 'broken.bin')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const broken = readFileSync(join(dir, 'broken.bin'));
  rmSync(dir, { recursive: true });
  expect(broken.subarray(0, 4).toString()).toBe('PHOP');
  await fallsBackToSavedCopy(
    page,
    broken,
    /(?:whole|common)\.[0-9a-f]{8}\.bin: the catalogue file is damaged \(records: service "[^"]+" \(number 0\): organisation (\d+) beyond the \1 organisations\)/,
  );
});

test('with nothing saved, a broken catalogue gives a clear message naming the problem', async ({ page }) => {
  await serveCatalogue(page, good.subarray(0, 1000));
  await page.goto('/?q=neuvola');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Palvelutietoja ei voitu ladata' })).toBeVisible();
  await expect(alert).toContainText(`parts/${COMMON}: the catalogue file is cut short or padded: 1000 bytes where the header promises ${good.length}`);
  await expect(resultCount(page)).toHaveCount(0);
});

for (const [what, fail, problem] of [
  ['a network error', (route) => route.abort('failed'), 'parts/manifest.json: TypeError: Failed to fetch'],
  ['an HTTP error', (route) => route.fulfill({ status: 404, body: 'not found' }), 'parts/manifest.json: HTTP 404'],
]) {
  test(`with nothing saved, ${what} instead of the catalogue is named`, async ({ page }) => {
    await page.route('**/parts/manifest.json', fail);
    await page.goto('/?q=neuvola');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Palvelutietoja ei voitu ladata' })).toBeVisible();
    await expect(alert).toContainText(problem);
  });
}

test('each part of the catalogue is downloaded once per visit, the first ones started by the page before the app runs', async ({ page }) => {
  const downloads = [];
  page.on('request', (r) => { if (r.url().includes('/parts/')) downloads.push(r.url().split('/').pop()); });
  await page.goto('/?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  await page.waitForTimeout(500);
  expect(new Set(downloads).size).toBe(downloads.length);
  // The sample is small: the manifest and the whole catalogue, nothing else.
  expect(downloads.sort()).toEqual(['manifest.json', COMMON].sort());
  // The app took every download the page began, so a later load would ask the network afresh.
  expect(await page.evaluate(() => Object.keys(window.perheopasBegun))).toEqual([]);
  const begun = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/parts/') && e.initiatorType === 'fetch').map((e) => e.name.split('/').pop()));
  expect(begun).toEqual(expect.arrayContaining(['manifest.json', COMMON]));
});

test('a good catalogue replaces an older saved copy', async ({ page }) => {
  await page.goto('/?q=perhe');
  await expect(resultCount(page)).toBeVisible();
  await savedCopyKept(page);
  const built = () => page.evaluate(async () => (await (await caches.open('catalogue-last-good')).match('parts/common')).headers.get('x-catalogue-built'));
  expect(await built()).toMatch(/^\d{4}-\d\d-\d\dT/);
  // Pretend the saved copy is from an older build; the next good load must overwrite it.
  await page.evaluate(async () => {
    const cache = await caches.open('catalogue-last-good');
    const old = await cache.match('parts/common');
    await cache.put('parts/common', new Response(await old.arrayBuffer(), { headers: { 'x-catalogue-built': 'old' } }));
  });
  await page.reload();
  await expect(resultCount(page)).toBeVisible();
  await expect.poll(built).toMatch(/^\d{4}-\d\d-\d\dT/);
});

// Before the app runs: the page speaks from its first bytes, and says why if the app cannot start.
test('while the app is on its way, the page says it is loading, then the app takes over', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/?q=neuvola', { waitUntil: 'domcontentloaded' });
  const loading = page.getByRole('status').filter({ hasText: 'Ladataan palveluja' });
  await expect(loading).toBeVisible();
  await expect(loading.getByText('Loading services…')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  release();
  await expect(resultCount(page)).toBeVisible();
  await expect(page.getByText('Ladataan palveluja')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const [lang, title, reload] of [['fi', 'Perheopas ei käynnistynyt.', 'Lataa uudelleen'], ['sv', 'Perheopas startade inte.', 'Ladda om']]) {
  test(`an app file that cannot be fetched gives a clear message (${lang})`, async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await page.goto(`/?lang=${lang}&q=neuvola`);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: title })).toBeVisible();
    // The browser's own words, so whoever helps the family sees what failed.
    await expect(alert).toContainText(/failed to fetch Wasm: 404 Not Found fetching '.+_bg\.wasm'/);
    await expect(page.getByText('Ladataan palveluja')).toHaveCount(0);
    await expectNoAxeViolations(page);
    // Reloading keeps the address (and so the search).
    await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: reload }).click()]);
    await expect(page).toHaveURL(/q=neuvola/);
  });
}

test('a script that does not load gives the same message', async ({ page }) => {
  await page.route(/perheopas-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 500, body: '' }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Perheopas ei käynnistynyt.' })).toBeVisible();
  await expect(alert).toContainText('a script did not load');
});

test('a helper script failing (the install prompt) does not claim the app failed', async ({ page }) => {
  await page.route('**/pwa.js', (route) => route.fulfill({ status: 500, body: '' }));
  await page.goto('/?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test.describe('with JavaScript switched off', () => {
  test.use({ javaScriptEnabled: false });
  test('the page says what it needs instead of loading forever', async ({ page }) => {
    await page.goto('/');
    // Playwright's text locators skip <noscript>; what the browser renders is in innerText.
    const shown = await page.innerText('body');
    expect(shown).toContain('Perheopas tarvitsee JavaScriptin ja WebAssemblyn.');
    expect(shown).toContain('Perheopas needs JavaScript and WebAssembly.');
    expect(shown).not.toContain('Ladataan palveluja');
  });
});
