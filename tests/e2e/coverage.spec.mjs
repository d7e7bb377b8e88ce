// The coordinators' coverage view: a county's municipalities × service types, gaps marked, CSV.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.mjs';

test('the coverage view shows the sample catalogue\'s gaps and exports CSV', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Palveluverkon kattavuus (koordinaattoreille)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Palveluverkon kattavuus' })).toBeVisible();
  await page.getByLabel('Hyvinvointialue', { exact: true }).selectOption({ label: 'Pohjois-Karjalan hyvinvointialue' });
  const table = page.getByRole('table', { name: 'Pohjois-Karjalan hyvinvointialue' });
  // 13 municipalities of Pohjois-Karjala, one row each.
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(13);
  const lieksa = table.getByRole('row', { name: /^Lieksa/ });
  await expect(lieksa).toBeVisible();
  const gaps = Number((await page.getByText(/^\d+ aukkoa$/).textContent()).split(' ')[0]);
  expect(gaps).toBeGreaterThan(0);
  await expect(table.getByText('ei palvelua').first()).toBeAttached();
  // Only the specialist level: fewer columns, still 13 rows.
  const allColumns = await table.locator('thead th').count();
  await page.getByRole('checkbox', { name: 'Erityistason apu' }).check();
  await expect.poll(() => table.locator('thead th').count()).toBeLessThan(allColumns);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lataa CSV' }).click()]);
  const path = await download.path();
  const csv = (await import('node:fs')).readFileSync(path, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^municipality/i);
  expect(csv).toContain('Lieksa');
  await expectNoAxeViolations(page);
});
