// The installable offline app: works with no network after one visit, offers updates, passes
// Chromium's installability checks, and runs under a sub-path.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOf, resultLinks, openFilters, showResults } from './helpers.mjs';

/** A server of our own, so the test can stop it: offline must not depend on it. */
async function serve(dir, port, prefix = '/') {
  const child = spawn('node', ['tests/serve.mjs', dir, String(port), prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return child;
}

async function waitForWorker(page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  }, null, { timeout: 20_000 });
}

test('after one visit the app works offline: reload, search, filter, service page', async ({ browser }) => {
  const server = await serve('dist', 8191);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto('http://127.0.0.1:8191/?view=list');
    await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
    await waitForWorker(page);
    // Reload under the worker until the page itself is served by it. Now and then Chromium
    // loads a page of a just-activated worker from the network instead (see the next test);
    // going offline then would test Chromium's start-up, not whether the app works offline.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
      expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart)).toBeGreaterThan(0);
    }).toPass({ timeout: 20_000 });
  } finally {
    server.kill();
  }
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/^Ei verkkoyhteyttä/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  const everywhere = await countOf(page);
  expect(everywhere).toBeGreaterThan(10);
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'm:422' });
  await expect.poll(() => countOf(page)).toBeLessThan(everywhere);
  await showResults(page);
  await page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  // The booking page needs the network and says so; the phone number still works.
  await expect(page.getByRole('link', { name: 'Varaa aika' })).toBeVisible();
  await expect(page.getByText('(vaatii verkkoyhteyden)').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^Soita 0\d\d 000/ }).first()).toHaveAttribute('href', /^tel:/);
  // The map is drawn from bundled data: no tile server, no network.
  await page.goto('http://127.0.0.1:8191/?view=map&county=14');
  await expect(page.getByRole('group', { name: /^Kartta hakutuloksista/ })).toBeVisible();
  await context.close();
});

test('a returning visit takes the app files straight from the cache, the page through the worker', async ({ browser }) => {
  const server = await serve('dist', 8195);
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = 'http://127.0.0.1:8195/?q=neuvola';
  try {
    await page.goto(url);
    await waitForWorker(page);
    // The page itself, any query being the same shell, is answered by the worker. Now and then
    // Chromium loads a page of a just-activated worker from the network instead (seen in about
    // one load in four here, before this app's code runs); the visit is then made again.
    await expect(async () => {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
      expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart)).toBeGreaterThan(0);
    }).toPass({ timeout: 20_000 });
    // Chromium's static routes (sw.js): the Wasm, the catalogue's manifest and (the sample
    // being small) the whole catalogue without running the worker.
    const sources = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
      .filter((e) => /(_bg\.wasm|manifest\.json|whole\.[0-9a-f]+\.bin)$/.test(e.name))
      .map((e) => [e.name.split('/').pop().replace(/-[0-9a-f]+_bg/, '_bg').replace(/\.[0-9a-f]+\.bin$/, '.bin'), e.workerMatchedSourceType])));
    expect(sources).toEqual({ 'perheopas_bg.wasm': 'cache', 'manifest.json': 'cache', 'whole.bin': 'cache' });
  } finally {
    server.kill();
    await context.close();
  }
});

test('without the service worker the same offline reload fails (negative control)', async ({ browser }) => {
  const server = await serve('dist', 8192);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:8192/?view=list');
  await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
  server.kill();
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow();
  await context.close();
});

test('a new deployment is offered as an update, and updating keeps the search', async ({ browser }) => {
  const site = mkdtempSync(join(tmpdir(), 'perheopas-site-'));
  cpSync('dist', site, { recursive: true });
  const server = await serve(site, 8193);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto('http://127.0.0.1:8193/?q=neuvola&municipality=422');
    await waitForWorker(page);
    await expect(page.getByRole('button', { name: 'Päivitä' })).toHaveCount(0);
    // "Deploy" a new build: the worker's version changes, as the build's content hash would.
    const sw = readFileSync(join(site, 'sw.js'), 'utf8');
    writeFileSync(join(site, 'sw.js'), sw.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
    // What the app's hourly check does. Chromium can refuse an update while the page's own
    // registration job (pwa.js on load) is still settling (InvalidStateError, seen once in CI):
    // ask again until it is taken.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().then(() => 'asked', (e) => String(e))), { timeout: 10_000 })
      .toBe('asked');
    await expect(page.getByText('Perheoppaasta on uusi versio.')).toBeVisible({ timeout: 15_000 });
    // The reload can follow the click at once: listen before clicking.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Päivitä' }).click()]);
    await expect(page).toHaveURL(/q=neuvola&municipality=422/);
    await expect(page.getByRole('searchbox', { name: 'Hae palvelua' })).toHaveValue('neuvola');
    const version = await page.evaluate(async () => {
      const keys = await caches.keys();
      return keys.filter((k) => k.startsWith('perheopas-'));
    });
    expect(version.length).toBe(1);
    expect(version[0]).toMatch(/-next$/);
  } finally {
    server.kill();
    await context.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('the manifest passes Chromium installability checks', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await waitForWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const parsed = JSON.parse(manifest.data);
  expect(parsed.display).toBe('standalone');
  expect(parsed.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A Playwright context counts as incognito; every other criterion must pass.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  const icon = await page.request.get('icons/icon-maskable-512.png');
  expect(icon.ok()).toBe(true);
});

test('the same build works under a sub-path, offline too', async ({ browser }) => {
  const server = await serve('dist', 8194, '/perheopas/');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto('http://127.0.0.1:8194/perheopas/?q=perheneuvola');
    expect(await countOf(page)).toBeGreaterThan(0);
    await waitForWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    expect(scope).toBe('http://127.0.0.1:8194/perheopas/');
    await resultLinks(page).first().click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:8194\/perheopas\/\?/);
    // As in the test above: a reload under the worker while online, so the offline reload does
    // not race the worker's first start. In a busy CI run one reload once came back without the
    // worker in control, so it may take another; a worker that never takes over still fails.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe('http://127.0.0.1:8194/perheopas/sw.js');
    }).toPass({ timeout: 20_000 });
  } finally {
    server.kill();
  }
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});
