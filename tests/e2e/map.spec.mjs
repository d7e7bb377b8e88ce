// The offline map: zoom to a county, tap a marker, reach a service; near me; keyboard; axe.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openFilters } from './helpers.mjs';

const map = (page) => page.getByRole('group', { name: /^Kartta hakutuloksista/ });
const viewBox = (page) => map(page).getAttribute('viewBox');

test('open the map, zoom to Pohjois-Karjala, tap a marker and reach the service page', async ({ page }) => {
  await page.goto('./?view=list');
  await page.getByRole('link', { name: 'Kartta' }).click();
  await expect(map(page)).toBeVisible();
  const whole = await viewBox(page);
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'c:14' });
  await expect(page).toHaveURL(/view=map/);
  await expect.poll(() => viewBox(page)).not.toBe(whole);
  // The text alternative counts the places shown.
  await expect(map(page)).toHaveAttribute('aria-label', /\d+ paikkaa/);
  const marker = map(page).getByRole('button').first();
  await marker.click();
  const panel = page.getByRole('region', { name: 'Tässä paikassa' });
  await expect(panel).toBeVisible();
  const link = panel.getByRole('link').first();
  const name = await link.textContent();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // Services without an address are listed beside the map, not dropped.
  await page.goBack();
  await expect(page.getByText(/^Ilman käyntiosoitetta: puhelin, verkko ja kotikäynnit \(\d+\)$/)).toBeVisible();
});

test('the map pans and zooms by keyboard, and resets', async ({ page }) => {
  await page.goto('./?view=map&county=14');
  await expect(map(page)).toBeVisible();
  const start = await viewBox(page);
  await map(page).focus();
  await page.keyboard.press('+');
  const zoomed = await viewBox(page);
  expect(Number(zoomed.split(' ')[2])).toBeLessThan(Number(start.split(' ')[2]));
  await page.keyboard.press('ArrowRight');
  expect(Number((await viewBox(page)).split(' ')[0])).toBeGreaterThan(Number(zoomed.split(' ')[0]));
  await page.getByRole('button', { name: 'Koko kartta' }).click();
  expect(Number((await viewBox(page)).split(' ')[2])).toBeGreaterThan(Number(start.split(' ')[2]));
  // A marker is reachable and opened by keyboard.
  await map(page).getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Tässä paikassa' })).toBeVisible();
});

test('near me uses the device position only on request and sorts by distance', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  // Central Lieksa.
  await context.setGeolocation({ latitude: 63.3135, longitude: 30.025 });
  await page.goto('./?q=neuvola&county=14');
  await expect(page.getByText(/km täältä/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Lähellä minua' }).click();
  await expect(page.getByText(/^Olet lähellä kuntaa Lieksa \(\d+ km keskustasta\)\.$/)).toBeVisible();
  const distances = await page.getByText(/^\d+(,\d)? km täältä$/).allTextContents();
  expect(distances.length).toBeGreaterThan(3);
  const km = distances.map((d) => Number(d.split(' ')[0].replace(',', '.')));
  expect(km).toEqual([...km].sort((a, b) => a - b));
  expect(km[0]).toBeLessThan(5);
  await page.getByRole('button', { name: 'Rajaa kuntaan Lieksa' }).click();
  await expect(page).toHaveURL(/municipality=422/);
});

test('no accessibility violations on the map view', async ({ page }) => {
  await page.goto('./?view=map&county=14');
  await expect(map(page)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a service picked in the list is shown on the map, and a marker picks its card', async ({ page }) => {
  await page.goto('./?view=map&municipality=422&q=lastenneuvola');
  await expect(map(page)).toBeVisible();
  const before = await viewBox(page);
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Lastenneuvola Lieksa' }) });
  await card.getByRole('button', { name: 'Näytä kartalla' }).click();
  await expect(card.getByRole('button', { name: 'Näytä kartalla' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => viewBox(page)).not.toBe(before);
  const picked = map(page).locator('.marker.selected');
  await expect(picked).toHaveCount(1);
  await expect(picked).toHaveAttribute('aria-label', /Lastenneuvola Lieksa|palvelua tässä/);
});
