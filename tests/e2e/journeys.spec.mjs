// The journeys of issue 3, as families would take them on a phone.
import { test, expect } from '@playwright/test';
import { resultLinks, openFilters, countOf, atFinnishTime, ordinaryWeekday, comingIndependenceDay, showResults } from './helpers.mjs';

test('a parent expecting a baby in Lieksa finds the maternity clinic and sees it is open now', async ({ page }) => {
  // An ordinary Tuesday at 10:00 in Finland.
  const tuesday = ordinaryWeekday(2);
  await atFinnishTime(page, `${tuesday.date}T10:00:00+02:00`);
  await page.goto('./');
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).click();
  await expect(page.getByRole('button', { name: 'Poista rajaus: Raskausaika' })).toBeVisible();
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'm:422' });
  await expect(page).toHaveURL(/age=pregnancy/);
  await expect(page).toHaveURL(/municipality=422/);
  // On a phone the filters are a sheet over the results: "show N services" closes it.
  await showResults(page);

  // The county's single contact point is offered for the chosen area.
  await expect(page.getByRole('heading', { name: 'Et tiedä, mistä aloittaa?' })).toBeVisible();

  const clinic = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }) });
  await expect(clinic.getByText('Avoinna nyt, sulkeutuu klo 16.00')).toBeVisible();
  await clinic.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  await expect(page.getByText('Voit ottaa yhteyttä itse', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Soita 013 000 1090/ })).toHaveAttribute('href', 'tel:+358130001090');
  const table = page.getByRole('table', { name: 'Aukioloajat' }).first();
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: `tiistai ${tuesday.dayMonth} (tänään)` })).toContainText('8.00–16.00');
  await expect(table.getByRole('row', { name: /lauantai/ })).toContainText('Suljettu');
});

test('opening hours follow holidays: closed on Independence Day, opens the next weekday', async ({ page }) => {
  // The evening before Independence Day, after closing time: the next opening skips the holiday
  // (and a weekend), whatever weekday the 6th falls on this year.
  const day = comingIndependenceDay();
  await atFinnishTime(page, `${day.eve}T17:00:00+02:00`);
  await page.goto('./?service=lieksa-aitiysneuvola');
  await expect(page.getByText(`Suljettu, avautuu ${day.opensEssive} klo 8.00`).first()).toBeVisible();
  const table = page.getByRole('table', { name: 'Aukioloajat' }).first();
  await expect(table.getByRole('row', { name: `${day.holidayWeekdayFi} 6.12.` })).toContainText('Suljettu');
});

test('a Swedish-speaking user gets the interface and the texts in Swedish, Finnish fallback marked', async ({ page }) => {
  await page.goto('./?lang=sv');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Hitta familjens tjänster' })).toBeVisible();
  await page.getByRole('link', { name: 'Vi väntar barn' }).click();
  await expect(page).toHaveURL(/lang=sv/);
  await openFilters(page);
  await page.getByLabel('Kommun eller välfärdsområde').selectOption({ value: 'm:422' });
  await showResults(page);
  await expect(resultLinks(page).filter({ hasText: 'Mödrarådgivning Lieksa' })).toHaveCount(1);
  await resultLinks(page).filter({ hasText: 'Mödrarådgivning Lieksa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mödrarådgivning Lieksa' })).toBeVisible();
  await expect(page.getByText('Du kan kontakta själv', { exact: true })).toBeVisible();
  // The post office has no Swedish name: shown in Finnish and tagged so for screen readers.
  await expect(page.locator('.address [lang="fi"]').first()).toHaveText('Lieksa');
  // Back in Finnish with one tap, on the same page.
  await page.getByRole('link', { name: 'Suomeksi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
});

test('a teenager finds help without a referral', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Nuori, 13–17 v' }).click();
  await openFilters(page);
  const self = page.getByRole('checkbox', { name: /Voin ottaa yhteyttä itse/ });
  const expected = Number((await page.locator('label', { has: self }).textContent()).match(/\((\d+)\)/)[1]);
  await self.check();
  await expect(page).toHaveURL(/self=1/);
  await expect.poll(() => countOf(page)).toBe(expected);
  const cards = page.getByRole('article');
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(5);
  await expect(cards.getByText('Voit ottaa yhteyttä itse', { exact: true })).toHaveCount(shown);
});

test('a search with no results suggests which filter to drop', async ({ page }) => {
  await page.goto('./?q=puheterapia&level=universal&municipality=422');
  await expect(page.getByRole('heading', { level: 2, name: 'Ei palveluja näillä rajauksilla' })).toBeVisible();
  const fix = page.getByRole('button', { name: /Ilman rajausta Kaikille perheille: \d+ palvelua/ });
  await fix.click();
  await expect(page).not.toHaveURL(/level=/);
  expect(await countOf(page)).toBeGreaterThan(0);
});

test('chips remove one filter at a time and back undoes it', async ({ page }) => {
  await page.goto('./?age=pregnancy&municipality=422&free=1');
  const before = await countOf(page);
  await page.getByRole('button', { name: 'Poista rajaus: Raskausaika' }).click();
  await expect(page).not.toHaveURL(/age=/);
  await expect.poll(() => countOf(page)).toBeGreaterThan(before);
  await page.goBack();
  await expect(page).toHaveURL(/age=pregnancy/);
  await expect.poll(() => countOf(page)).toBe(before);
  await page.getByRole('button', { name: 'Tyhjennä kaikki' }).click();
  await expect(page.getByRole('heading', { name: 'Mikä tilanteesi on?' })).toBeVisible();
});

test('my list keeps services on the device, prints and offers a QR code', async ({ page }) => {
  await page.goto('./?q=kohtaamispaikka&municipality=422');
  const save = page.getByRole('article').first().getByRole('button', { name: 'Tallenna listalle' });
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('link', { name: 'Oma lista (1)' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Oma lista (1)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oma lista' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('perheopas.my-list')).length)).toBe(1);
  await expect(page.getByRole('img', { name: 'QR-koodi, joka avaa tämän sivun' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tulosta' })).toBeVisible();
  // The shared link opens the same list elsewhere.
  await page.evaluate(() => { delete navigator.share; });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Jaa linkki' }).click();
  await expect(page.getByText('Linkki kopioitu.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/view=mylist&ids=/);
  const other = await page.context().browser().newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'Jaettu lista' })).toBeVisible();
  await expect(other.getByRole('article')).toHaveCount(1);
  await other.close();
});

test('quick exit leaves for a neutral site and replaces the history entry', async ({ page }) => {
  await page.route('https://www.ilmatieteenlaitos.fi/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Sää</title>' }));
  await page.goto('./?age=pregnancy');
  const length = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'Poistu nopeasti' }).click();
  await expect(page).toHaveURL('https://www.ilmatieteenlaitos.fi/');
  expect(await page.evaluate(() => history.length)).toBe(length);

  await page.goto('http://127.0.0.1:8181/?q=ero');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL('https://www.ilmatieteenlaitos.fi/');
});
