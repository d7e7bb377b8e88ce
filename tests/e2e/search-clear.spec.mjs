// The search field's clear button on a phone: there only while the field has text, next after
// the field in Tab order, a full-size target; clearing empties the search and keeps the focus in
// the field, so the keyboard stays up for the next word.
import { test, expect } from '@playwright/test';
import { countOf, resultCount, returningFamily } from './helpers.mjs';

const MIN = 44;

test.beforeEach(async ({ page }) => {
  await returningFamily(page);
});

test('typing, then clearing with the button, brings back the list of every service', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Selaa kaikkia palveluja' }).click();
  await expect(resultCount(page)).toBeVisible();
  const all = await countOf(page);
  const field = page.getByRole('searchbox', { name: 'Hae palvelua' });
  const clear = page.getByRole('button', { name: 'Tyhjennä haku' });
  await expect(clear).toHaveCount(0);

  await field.tap();
  await field.fill('puheterapia');
  await expect(page).toHaveURL(/[?&]q=puheterapia/);
  await expect.poll(() => countOf(page)).toBeLessThan(all);
  const box = await clear.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(MIN);
  expect(box.height).toBeGreaterThanOrEqual(MIN);
  // Inside the field's right end.
  const f = await field.boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(f.x + f.width + 1);
  expect(box.y).toBeGreaterThanOrEqual(f.y - 1);

  await clear.tap();
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  await expect(clear).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();
  await expect.poll(() => countOf(page)).toBe(all);
});

test('the clear button follows the field in Tab order and works from the keyboard', async ({ page }) => {
  await page.goto('./?municipality=422');
  const field = page.getByRole('searchbox', { name: 'Hae palvelua' });
  await field.focus();
  await page.keyboard.type('neuvola');
  await expect(page).toHaveURL(/[?&]q=neuvola/);
  await page.keyboard.press('Tab');
  const clear = page.getByRole('button', { name: 'Tyhjennä haku' });
  await expect(clear).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
  // Only the text goes: the chosen municipality stays.
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBeNull();
  expect(url.searchParams.get('municipality')).toBe('422');
  await expect(page.getByRole('button', { name: /Poista rajaus: Lieksa/ })).toBeVisible();
});
