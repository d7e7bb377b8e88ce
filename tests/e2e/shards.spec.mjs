// The whole country on a phone (issue 23): a generated national catalogue (services in every
// one of the 308 municipalities) cut into shards by area (nationwide, county, municipality),
// served as a static host would, with the app's own service worker. A family starts on the
// common part and its own county's and municipality's shards, the nationwide ones following; a
// search beyond them fetches the rest while the family keeps going; what was opened works
// offline; a damaged shard falls back to the copy this device kept.
import { test, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOf, openFilters, resultCount, resultLinks, returningFamily, showResults } from './helpers.mjs';

let PORT;
let BASE;
// North Karelia (Lieksa's county) and West Uusimaa (Espoo's), by wellbeing services county code.
const NORTH_KARELIA = '14';
const WEST_UUSIMAA = '03';
let dir;
let server;
let manifest;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(10 * 60_000);
  // A port of its own per repeat: a repeat's server may start before the last one has stopped.
  PORT = 8195 + testInfo.repeatEachIndex;
  BASE = `http://127.0.0.1:${PORT}`;
  dir = mkdtempSync(join(tmpdir(), 'perheopas-national-'));
  const site = join(dir, 'site');
  execFileSync('cargo', ['run', '--quiet', '--locked', '--profile', 'tool', '-p', 'perheopas-xtask', '--',
    'national', '--dist', 'dist', '--out', site, '--services', '5000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  manifest = JSON.parse(readFileSync(join(site, 'parts/manifest.json'), 'utf8'));
  server = spawn('node', ['tests/serve.mjs', site, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.once('data', resolve);
    server.once('exit', (code) => reject(new Error(`tests/serve.mjs exited (${code}): is port ${PORT} taken?`)));
  });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const gone = new Promise((resolve) => server.once('exit', resolve));
    server.kill();
    await gone;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shardOf = (key) => manifest.shards.find((s) => s.key === key).file;
const NK = `county-${NORTH_KARELIA}`;

/** The catalogue files the page asks for, by name, in order. */
function partsAskedFor(page) {
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/parts/')) asked.push(r.url().split('/').pop()); });
  return asked;
}

const livesInLieksa = (page) => returningFamily(page, '422');

/** The count once every shard the search asked for has arrived (no "Haetaan…" line left). */
async function settledCount(page) {
  await expect(resultCount(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Haetaan' })).toHaveCount(0);
  return countOf(page);
}

test('a Lieksa start fetches only the common part and North Karelia\'s shards; a nationwide search then finds Espoo', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await livesInLieksa(page);
  const asked = partsAskedFor(page);
  // The nationwide shard is held back: the first results must not wait for it.
  let releaseWide;
  const wideHeld = new Promise((resolve) => { releaseWide = resolve; });
  await page.route(`**/parts/${shardOf('wide')}`, async (route) => { await wideHeld; await route.continue(); });
  await page.goto(`${BASE}/?municipality=422`);
  await expect(resultCount(page)).toBeVisible();
  const local = await countOf(page);
  expect(local).toBeGreaterThan(0);
  await expect(resultLinks(page).first()).toBeVisible();
  expect([...new Set(asked)].sort()).toEqual(['manifest.json', manifest.common.file, shardOf(NK), shardOf('municipality-422'), shardOf('wide')].sort());
  // Lieksa's results grow by the nationwide services when they arrive, and the app says so meanwhile.
  const fetchingWide = page.getByRole('status').filter({ hasText: 'Haetaan palveluja: valtakunnalliset ja usean alueen palvelut…' });
  await expect(fetchingWide).toBeVisible();
  releaseWide();
  await expect(fetchingWide).toBeHidden();
  await expect.poll(() => countOf(page)).toBeGreaterThan(local);
  await page.waitForTimeout(300);
  // Nothing of any other county.
  expect([...new Set(asked)].sort()).toEqual(['manifest.json', manifest.common.file, shardOf(NK), shardOf('municipality-422'), shardOf('wide')].sort());

  // The whole country: West Uusimaa's shard is held back until the app has said it is fetching.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**/parts/${shardOf(`county-${WEST_UUSIMAA}`)}`, async (route) => { await held; await route.continue(); });
  const box = page.getByRole('searchbox', { name: 'Hae palvelua' });
  await box.fill('Espoo');
  const fields = await openFilters(page);
  await fields.getByLabel('Kunta tai hyvinvointialue').selectOption({ label: 'Koko Suomi' });
  await showResults(page);
  const status = page.getByRole('status').filter({ hasText: /Haetaan koko maan palveluja… \d+\/\d+ aluetta valmiina\./ });
  await expect(status).toBeVisible();
  // Typing is not blocked while the shards arrive.
  await box.fill('Espoo perhe');
  await expect(box).toHaveValue('Espoo perhe');
  await box.fill('Espoo');
  release();
  await expect(status).toBeHidden({ timeout: 30_000 });
  await expect(resultLinks(page).filter({ hasText: 'Espoo' }).first()).toBeVisible();
  expect(asked).toContain(shardOf(`county-${WEST_UUSIMAA}`));
  expect(asked).toContain(shardOf('municipality-049'));
  expect(asked.length).toBe(new Set(asked).size);
  await context.close();
});

test('offline, the shards opened before work and an unopened one is named as unavailable', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await livesInLieksa(page);
  await page.goto(`${BASE}/?municipality=422`);
  const online = await settledCount(page);
  // The app says which areas this device has kept for use without a network.
  await expect(page.getByText(/^Käytettävissä ilman verkkoyhteyttä: valtakunnalliset ja usean alueen palvelut, Pohjois-Karjalan hyvinvointialue, Lieksa\.$/)).toBeVisible();
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  }, null, { timeout: 20_000 });
  await expect(async () => {
    await page.reload();
    await expect(resultCount(page)).toBeVisible();
    expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart)).toBeGreaterThan(0);
  }).toPass({ timeout: 20_000 });

  await context.setOffline(true);
  await page.reload();
  expect(await settledCount(page)).toBe(online);
  // Espoo's county was never opened on this device.
  await page.goto(`${BASE}/?municipality=049`);
  const unavailable = page.getByText(/Näiden alueiden palveluja ei nyt saatu: Länsi-Uudenmaan hyvinvointialue, Espoo\./);
  await expect(unavailable).toBeVisible();
  await expect(page.locator('.parts-failed .detail')).toContainText(`parts/${shardOf(`county-${WEST_UUSIMAA}`)}`);
  await context.close();
});

test('a damaged shard falls back to the copy this device kept, with a notice naming the file', async ({ browser }) => {
  // Without the worker, so the damaged file reaches the app as a network answer would.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await livesInLieksa(page);
  await page.goto(`${BASE}/?municipality=422`);
  const before = await settledCount(page);
  await page.waitForFunction(async () => (await (await caches.open('catalogue-last-good')).match('parts/county-14')) !== undefined);

  const file = shardOf(NK);
  const good = readFileSync(join(dir, 'site/parts', file));
  const damaged = Buffer.from(good);
  damaged[Math.floor(good.length / 2)] ^= 0xff;
  await page.route(`**/parts/${file}`, (route) => route.fulfill({ body: damaged, contentType: 'application/octet-stream' }));
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Uusimpia palvelutietoja ei voitu lukea' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`parts/${file}`);
  await expect(notice).toContainText('checksum does not match');
  expect(await settledCount(page)).toBe(before);
  await context.close();
});

test('a filter sheet open on a phone stays open, at the same field, while the country\'s shards are merged', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await livesInLieksa(page);
  await page.goto(`${BASE}/?municipality=422`);
  await settledCount(page);
  // The rest of the country arrives only once the family is busy in the sheet.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**/parts/${shardOf(`county-${WEST_UUSIMAA}`)}`, async (route) => { await held; await route.continue(); });
  // A search of its own, so that leaving the home area keeps the results (not the start page).
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  const sheet = await openFilters(page);
  const area = sheet.getByLabel('Kunta tai hyvinvointialue');
  await area.selectOption({ label: 'Koko Suomi' });
  await area.focus();
  const fetching = page.getByRole('status').filter({ hasText: /Haetaan koko maan palveluja/ });
  await expect(fetching).toHaveCount(1);
  release();
  await expect(fetching).toHaveCount(0, { timeout: 30_000 });
  // Merged: the results were drawn again behind the sheet, which is still open where it was.
  await expect(sheet).toBeVisible();
  await expect(area).toBeFocused();
  expect(await area.evaluate((s) => s.selectedOptions[0].textContent)).toMatch(/^Koko Suomi/);
  // And it still works: a box ticked in it filters the whole country's results.
  const before = await countOf(page);
  await sheet.getByRole('checkbox', { name: /^Maksuton/ }).check();
  await expect.poll(() => countOf(page)).toBeLessThan(before);
  await showResults(page);
  await expect(sheet).toBeHidden();
  await context.close();
});
