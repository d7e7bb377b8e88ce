// A parent's first steps in Perheopas: browse, search, filter, open a service, come back.
import { test, expect } from '@playwright/test';
import { resultCount, countOf, resultLinks, openFilters } from './helpers.mjs';

test('browsing all services shows sample data and says so', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText('Esimerkkiaineisto.')).toBeVisible();
  await page.getByRole('link', { name: 'Selaa kaikkia palveluja' }).click();
  await expect(resultCount(page)).toBeVisible();
  expect(await countOf(page)).toBeGreaterThan(600);
  await expect(resultLinks(page)).toHaveCount(30);
  await page.getByRole('button', { name: /Näytä lisää/ }).click();
  await expect(resultLinks(page)).toHaveCount(60);
  await expect(page.getByText(/Palvelutiedot päivitetty \d{1,2}\.\d{1,2}\.\d{4}/)).toBeVisible();
});

test('searching "neuvola" finds clinics whose names only contain it as a compound part', async ({ page }) => {
  await page.goto('./?municipality=422');
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await expect(page).toHaveURL(/[?&]q=neuvola/);
  const names = await resultLinks(page).allTextContents();
  expect(names.length).toBeGreaterThan(2);
  // Name matches rank first; "Lastenneuvola" and "Äitiysneuvola" are found by their part "neuvola".
  expect(names.slice(0, 2).every((n) => /neuvola/i.test(n))).toBe(true);
  expect(names.some((n) => /^Lastenneuvola/.test(n))).toBe(true);
  expect(names.some((n) => /^Äitiysneuvola/.test(n))).toBe(true);
});

test('filters narrow the results, show live counts and can be combined', async ({ page }) => {
  await page.goto('./?view=list');
  const all = await countOf(page);
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'm:422' });
  await expect(page).toHaveURL(/municipality=422/);
  const inLieksa = await countOf(page);
  expect(inLieksa).toBeLessThan(all);
  expect(inLieksa).toBeGreaterThan(5);

  const specialist = page.getByRole('checkbox', { name: /Erityistason apu/ });
  const label = await page.locator('label', { has: specialist }).textContent();
  const expected = Number(label.match(/\((\d+)\)/)[1]);
  await specialist.check();
  await expect(page).toHaveURL(/level=specialist/);
  await expect.poll(() => countOf(page)).toBe(expected);
  // Every specialist result carries the specialist badge.
  const badges = await page.getByRole('article').getByText('Erityistason apu', { exact: true }).count();
  expect(badges).toBe(Math.min(expected, 30));
});

test('a result opens its service page and the way back keeps the search', async ({ page }) => {
  await page.goto('./?q=lastenneuvola&municipality=422');
  const first = resultLinks(page).first();
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/service=/);
  await expect(page.getByRole('link', { name: /^Soita 0\d\d 000/ }).first()).toHaveAttribute('href', /^tel:\+358\d+/);
  await expect(page.getByText(/Tiedot tarkistettu \d{1,2}\.\d{1,2}\.\d{4}/)).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Hae palvelua' })).toHaveValue('lastenneuvola');
  await resultLinks(page).first().click();
  await page.getByRole('link', { name: /Takaisin hakutuloksiin/ }).click();
  await expect(page).toHaveURL(/q=lastenneuvola/);
  await expect(page).not.toHaveURL(/service=/);
});

test('a copied link reopens the same results', async ({ page, context }) => {
  await page.goto('./?view=list');
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('perhe');
  await openFilters(page);
  await page.getByRole('checkbox', { name: /Tukea tarvittaessa/ }).check();
  await expect(page).toHaveURL(/level=basic/);
  const url = page.url();
  const names = await resultLinks(page).allTextContents();
  const again = await context.newPage();
  await again.goto(url);
  await expect(resultLinks(again)).toHaveText(names);
  await openFilters(again);
  await expect(again.getByRole('checkbox', { name: /Tukea tarvittaessa/ })).toBeChecked();
});

test('unknown link parameters are named in a note and the rest still works', async ({ page }) => {
  await page.goto('./?level=basic,bogus&municipality=999');
  await expect(page.getByText('Osaa linkin rajauksista ei tunnistettu')).toBeVisible();
  await expect(page.getByText('level=bogus')).toBeVisible();
  await expect(page.getByText('municipality=999')).toBeVisible();
  await openFilters(page);
  await expect(page.getByRole('checkbox', { name: /Tukea tarvittaessa/ })).toBeChecked();
  expect(await countOf(page)).toBeGreaterThan(0);
});

test('an unknown view is named in the same note, and the start view is shown', async ({ page }) => {
  await page.goto('./?view=nonsense');
  await expect(page.getByText('Osaa linkin rajauksista ei tunnistettu')).toBeVisible();
  await expect(page.getByText('view=nonsense')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Selaa kaikkia palveluja' })).toBeVisible();
});

test('a list opened by a link fills to 30 services, and the show-more count agrees', async ({ page }) => {
  await page.goto('./?view=list');
  await expect(resultLinks(page)).toHaveCount(30);
  const total = await countOf(page);
  await expect(page.getByRole('button', { name: `Näytä lisää (${total - 30} jäljellä)` })).toBeVisible();
});

test('back from a service opened by a link, focus lands on that service deep in the list', async ({ page }) => {
  await page.goto('./?level=basic');
  await expect(resultLinks(page)).toHaveCount(30);
  const twentieth = resultLinks(page).nth(19);
  const name = await twentieth.textContent();
  const href = await twentieth.getAttribute('href');
  // As if the link had been shared: the app starts on the service page.
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: '← Takaisin hakutuloksiin' }).click();
  await expect(page.getByRole('link', { name, exact: true })).toBeFocused();
});
