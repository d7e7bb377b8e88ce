// Real data in: a PTV fixture and an HSDS 3.0 example import into catalogue files beside the
// sample, the catalogue builds, and the imported services show in the app.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { serveParts } from './helpers.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The imported catalogue is swapped in by routing; the service worker would serve the built one.
test.use({ serviceWorkers: 'block' });

const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--profile', 'tool', '-p', 'perheopas-xtask', '--', ...args]).toString();

test('PTV and HSDS imports build into a catalogue the app shows', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'perheopas-import-'));
  try {
    cpSync('data', join(dir, 'data'), { recursive: true });
    const ptv = tool('import-ptv', 'xtask/tests/fixtures/ptv_sample.json', '--out', join(dir, 'data/ptv'));
    expect(ptv).toMatch(/skipped \(2\)/); // the unmapped class and the bad field, each with why
    tool('import-hsds', 'xtask/tests/fixtures/hsds_sample.json', '--out', join(dir, 'data/hsds'));
    const built = tool('build', '--data', join(dir, 'data'), '--out', join(dir, 'catalogue.bin'), '--parts', join(dir, 'parts'));
    expect(built).toMatch(/services\s+(\d+) read,\s+\1 written/);
    await serveParts(page, join(dir, 'parts'));

    await page.goto('./?q=esimerkkikadun');
    await page.getByRole('link', { name: 'Lastenneuvola Kuopio, Esimerkkikadun neuvola' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lastenneuvola Kuopio, Esimerkkikadun neuvola' })).toBeVisible();
    await page.goto('./?service=hsds-e0a1f4a2-b1a3-4ef5-8c13-c4d5e6f7a8b9');
    await expect(page.getByRole('heading', { level: 1, name: 'Eroauttaminen verkossa' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
