// Issue 18 item 5 in Swedish: a service whose texts exist only in Finnish, shown in a Swedish UI,
// carries the visible, translated tag "endast på finska", and the Finnish text is marked lang="fi"
// (the English side is in journeys-actions.spec.mjs). Every service of the sample catalogue has
// Swedish texts, so the test builds a catalogue where one service's prose is Finnish only, as
// many real imported services are, and serves it in place of the built one.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { returningFamily, expectNoAxeViolations, serveParts } from './helpers.mjs';

// The catalogue is swapped in by routing; the service worker would serve the built one.
test.use({ serviceWorkers: 'block' });

const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--profile', 'tool', '-p', 'perheopas-xtask', '--', ...args]).toString();

/** The sample data with `id`'s summary, description and how-to-get left in Finnish only. */
function finnishOnly(dir, file, id) {
  const path = join(dir, 'data/services', file);
  const blocks = readFileSync(path, 'utf8').split('[[service]]');
  const i = blocks.findIndex((b) => b.includes(`id = "${id}"`));
  expect(i).toBeGreaterThan(0);
  const kept = blocks[i].split('\n').filter((l) => !/^(summary|description|how_to_get)\.(sv|en) =/.test(l));
  expect(kept.length).toBe(blocks[i].split('\n').length - 6);
  blocks[i] = kept.join('\n');
  writeFileSync(path, blocks.join('[[service]]'));
}

test('Swedish: text that exists only in Finnish is tagged "endast på finska" and marked lang="fi"', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'perheopas-fi-only-'));
  try {
    cpSync('data', join(dir, 'data'), { recursive: true });
    finnishOnly(dir, 'pohjois-karjala/lieksa.toml', 'lieksa-aitiysneuvola');
    tool('build', '--data', join(dir, 'data'), '--out', join(dir, 'catalogue.bin'), '--parts', join(dir, 'parts'));
    await serveParts(page, join(dir, 'parts'));
    await returningFamily(page);

    // The service page: the name is Swedish; the lead is the Finnish text, tagged in Swedish.
    await page.goto('./?service=lieksa-aitiysneuvola&lang=sv');
    await expect(page.getByRole('heading', { level: 1, name: 'Mödrarådgivning Lieksa' })).toBeVisible();
    const lead = page.locator('.lead');
    await expect(lead.locator('[lang="fi"]')).toHaveText('Neuvola seuraa raskautta ja sinun ja vauvan vointia. Käynnit ovat maksuttomia.');
    await expect(lead.getByText('endast på finska', { exact: true })).toBeVisible();
    // The tag itself is Swedish: it carries no lang="fi" of its own.
    await expect(lead.getByText('endast på finska', { exact: true })).not.toHaveAttribute('lang', 'fi');
    await expect(page.getByText('only in Finnish', { exact: true })).toHaveCount(0);
    await expect(page.getByText('vain suomeksi', { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // On a list in Swedish: the card's summary carries the tag; a service with Swedish text does not.
    await page.goto('./?age=pregnancy&municipality=422&lang=sv');
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Mödrarådgivning Lieksa' }) });
    await expect(card.locator('.summary [lang="fi"]')).toHaveText('Neuvola seuraa raskautta ja sinun ja vauvan vointia. Käynnit ovat maksuttomia.');
    await expect(card.locator('.summary').getByText('endast på finska', { exact: true })).toBeVisible();
    await expect(page.getByRole('article').getByText('endast på finska', { exact: true })).toHaveCount(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
