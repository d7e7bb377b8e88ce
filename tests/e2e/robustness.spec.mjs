// A broken catalogue download: the family sees the copy saved on this device with a notice, or,
// on a first visit with nothing saved, a clear message naming the problem.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { countOf, resultCount } from './helpers.mjs';

const good = readFileSync('dist/catalogue.bin');
// The service worker would answer from its own cache and hide the routed file.
test.use({ serviceWorkers: 'block' });

async function serveCatalogue(page, body) {
  await page.route('**/catalogue.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body }));
}

async function savedCopyKept(page) {
  await page.waitForFunction(async () => (await (await caches.open('catalogue-last-good')).match('catalogue.bin')) !== undefined);
}

const damaged = Buffer.from(good);
damaged[Math.floor(good.length / 2)] ^= 0xff;

for (const [what, body, problem] of [
  ['cut short', good.subarray(0, Math.floor(good.length / 3)), /cut short/],
  ['damaged', damaged, /checksum does not match/],
  ['replaced by an error page', Buffer.from('<!doctype html><h1>502 Bad Gateway</h1>'), /not a Perheopas catalogue/],
]) {
  test(`a catalogue ${what} falls back to the copy saved on this device`, async ({ page }) => {
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
  });
}

test('with nothing saved, a broken catalogue gives a clear message naming the problem', async ({ page }) => {
  await serveCatalogue(page, good.subarray(0, 1000));
  await page.goto('/?q=neuvola');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Palvelutietoja ei voitu ladata' })).toBeVisible();
  await expect(alert).toContainText(`catalogue.bin: the catalogue file is cut short or padded: 1000 bytes where the header promises ${good.length}`);
  await expect(resultCount(page)).toHaveCount(0);
});

test('a good catalogue replaces an older saved copy', async ({ page }) => {
  await page.goto('/?q=perhe');
  await expect(resultCount(page)).toBeVisible();
  await savedCopyKept(page);
  const built = () => page.evaluate(async () => (await (await caches.open('catalogue-last-good')).match('catalogue.bin')).headers.get('x-catalogue-built'));
  expect(await built()).toMatch(/^\d{4}-\d\d-\d\dT/);
  // Pretend the saved copy is from an older build; the next good load must overwrite it.
  await page.evaluate(async () => {
    const cache = await caches.open('catalogue-last-good');
    const old = await cache.match('catalogue.bin');
    await cache.put('catalogue.bin', new Response(await old.arrayBuffer(), { headers: { 'x-catalogue-built': 'old' } }));
  });
  await page.reload();
  await expect(resultCount(page)).toBeVisible();
  await expect.poll(built).toMatch(/^\d{4}-\d\d-\d\dT/);
});
