// Issue 18 on a phone (412×915): where you live asked once, the filters as a sheet, your language
// remembered, focus landing on the results, your family centre; and two wirings (service areas
// filter the results, "did you mean" shows on few results). By role and label, as a family would.
import { test, expect } from '@playwright/test';
import { resultCount, countOf, resultLinks, openFilters, returningFamily, expectNoAxeViolations } from './helpers.mjs';

const prompt = (page, name = 'Missä kunnassa asutte?') => page.getByRole('region', { name });
const sheetOf = (page, name = 'Rajaa hakua') => page.getByRole('dialog', { name });

test('first visit: asked where we live, Lieksa chosen, expecting a baby finds the maternity clinic', async ({ page }) => {
  await page.goto('./');
  await expect(prompt(page)).toBeVisible();
  const box = prompt(page).getByRole('combobox', { name: 'Kunta tai postinumero' });
  await box.fill('lieks');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('option', { name: 'Lieksa' }).click();
  // Answered: the question goes, one chip names the home and changes it; focus is on it.
  await expect(prompt(page)).toHaveCount(0);
  const chip = page.getByRole('button', { name: 'Kotikunta: Lieksa. Vaihda kuntaa' });
  await expect(chip).toBeFocused();

  await page.getByRole('link', { name: 'Odotamme vauvaa' }).click();
  await expect(page).toHaveURL(/age=pregnancy/);
  await expect(page).toHaveURL(/municipality=422/);
  // Focus lands on the results heading, not the top of the page.
  await expect(resultCount(page)).toBeFocused();
  const clinic = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }) });
  await expect(clinic).toBeVisible();

  // Your family centre: the service area, its family centre and the nearest meeting place,
  // then the county's perheneuvo.
  const yours = page.getByRole('complementary', { name: 'Perhekeskuksesi' });
  await expect(yours).toContainText('Palvelualue: Pielisen Karjala');
  await expect(yours.getByRole('link').first()).toBeVisible();
  await expect(yours).toContainText('Lähin avoin kohtaamispaikka');
  await expect(page.getByRole('heading', { name: 'Et tiedä, mistä aloittaa?' })).toBeVisible();

  // Actions first on the clinic's card (issue 18 item 3): call it, get directions.
  await expect(clinic.getByRole('link', { name: /^Soita/ }).first()).toHaveAttribute('href', /^tel:\+358\d+$/);
  await expect(clinic.getByRole('link', { name: /^Reittiohjeet/ }).first()).toHaveAttribute('href', /^geo:6\d\.\d+,\d+\.\d+/);

  // Remembered on this device: the next visit does not ask again, and a new search is local.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Löydä perheen palvelut' })).toBeVisible();
  await expect(prompt(page)).toHaveCount(0);
  await expect(chip).toBeVisible();
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await expect(page).toHaveURL(/municipality=422/);
});

test('a postcode finds the municipality, by keyboard; the chip changes it later', async ({ page }) => {
  await page.goto('./');
  const box = prompt(page).getByRole('combobox', { name: 'Kunta tai postinumero' });
  await box.fill('81700');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'Lieksa' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const chip = page.getByRole('button', { name: 'Kotikunta: Lieksa. Vaihda kuntaa' });
  await expect(chip).toBeFocused();
  // Changing it from the results moves the search there and focus to the results.
  await page.goto('./?q=neuvola');
  await chip.click();
  await expect(prompt(page)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kunta tai postinumero' })).toBeFocused();
  await page.keyboard.type('Kuopio');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/municipality=297/);
  await expect(resultCount(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Kotikunta: Kuopio. Vaihda kuntaa' })).toBeVisible();
});

test('skip (or Escape) answers once; a widget and a kiosk never ask', async ({ page, browser, baseURL }) => {
  await page.goto('./');
  await prompt(page).getByRole('combobox', { name: 'Kunta tai postinumero' }).focus();
  await page.keyboard.press('Escape');
  await expect(prompt(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Valitse kotikunta' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(prompt(page)).toHaveCount(0);

  const fresh = await browser.newPage({ baseURL, viewport: { width: 412, height: 915 } });
  for (const mode of ['widget', 'kiosk']) {
    await fresh.goto(`./?mode=${mode}`);
    await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(prompt(fresh)).toHaveCount(0);
    await expect(fresh.getByRole('button', { name: /^(Kotikunta|Valitse kotikunta)/ })).toHaveCount(0);
  }
  await fresh.close();
});

test('"near me" answers the question from the device position', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 63.3135, longitude: 30.025 });
  await page.goto('./');
  await prompt(page).getByRole('button', { name: 'Käytä sijaintiani' }).click();
  await expect(page.getByRole('button', { name: 'Kotikunta: Lieksa. Vaihda kuntaa' })).toBeVisible();
});

test.describe('a Swedish browser', () => {
  test.use({ locale: 'sv-FI' });

  test('opens in Swedish, asks in Swedish, and sorts names the Swedish way', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'Hitta familjens tjänster' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    const box = prompt(page, 'I vilken kommun bor ni?').getByRole('combobox', { name: 'Kommun eller postnummer' });
    await box.fill('s');
    const names = await page.getByRole('option').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    const collator = new Intl.Collator('sv');
    expect(names).toEqual([...names].sort(collator.compare));

    // The area select of the filters: municipalities in Swedish order within each county.
    await page.goto('./?q=rådgivning');
    const fields = await openFilters(page);
    const area = fields.getByLabel('Kommun eller välfärdsområde');
    const groups = await area.evaluate((sel) =>
      [...sel.querySelectorAll('optgroup')].map((g) =>
        [...g.querySelectorAll('option')].filter((o) => o.value.startsWith('m:')).map((o) => o.textContent.replace(/ \(\d+\)$/, '')),
      ),
    );
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g).toEqual([...g].sort(collator.compare));
    // Nyslott (Savonlinna) and S:t Michel (Mikkeli) sort by their Swedish names.
    const southSavo = groups.find((g) => g.includes('Nyslott'));
    expect(southSavo.indexOf('Nyslott')).toBeLessThan(southSavo.indexOf('S:t Michel'));
  });
});

test('a chosen English survives a reload and a start from the installed app', async ({ page }) => {
  await returningFamily(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Löydä perheen palvelut' })).toBeVisible();
  await page.getByRole('link', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find services for your family' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Find services for your family' })).toBeVisible();
  // The installed app opens at the manifest's start URL, which carries no language.
  const manifestUrl = new URL('manifest.webmanifest', page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  const start = new URL(manifest.start_url, manifestUrl).href;
  expect(start).not.toMatch(/lang=/);
  await page.goto(start);
  await expect(page.getByRole('heading', { level: 1, name: 'Find services for your family' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // And back to Finnish is remembered too.
  await page.getByRole('link', { name: 'Suomeksi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Löydä perheen palvelut' })).toBeVisible();
  await page.goto(start);
  await expect(page.getByRole('heading', { level: 1, name: 'Löydä perheen palvelut' })).toBeVisible();
});

test('on a phone the filters open as a sheet with live counts; "Näytä N palvelua" lands on the results', async ({ page }) => {
  await returningFamily(page);
  await page.goto('./?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  await page.getByRole('button', { name: /^Rajaa hakua \(0 valittu\)$/ }).click();
  const sheet = sheetOf(page);
  await expect(sheet).toBeVisible();
  await expect(sheet).toBeInViewport({ ratio: 0.9 });
  const area = sheet.getByLabel('Kunta tai hyvinvointialue');
  const lieksa = await area.locator('option[value="m:422"]').textContent();
  const expected = Number(lieksa.match(/\((\d+)\)$/)[1]);
  await area.selectOption({ value: 'm:422' });
  await expect(page).toHaveURL(/municipality=422/);
  // Still open, and the button counts what will be shown.
  await expect(sheet).toBeVisible();
  const show = sheet.getByRole('button', { name: `Näytä ${expected} palvelua` });
  await expect(show).toBeInViewport();
  await show.click();
  await expect(sheet).toBeHidden();
  await expect(resultCount(page)).toBeFocused();
  await expect(resultCount(page)).toHaveText(`${expected} palvelua`);
  // Escape closes the sheet too, back to the button that opened it.
  const open = page.getByRole('button', { name: /^Rajaa hakua \(1 valittu\)$/ });
  await open.click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
});

/** The distances the cards show, in list order, as numbers of km. */
async function cardDistances(page, label) {
  const texts = await page.getByRole('article').getByText(label).allTextContents();
  return texts.map((d) => Number(d.split(' ')[0].replace(',', '.')));
}

test('the home municipality sets distances: km from its centre on every card; nearest first is a separate sort; near me comes first', async ({ page, context }) => {
  await returningFamily(page, '422');
  // A search across every area, so distances range from a few km to a few hundred.
  await page.goto('./?age=pregnancy');
  await expect(resultCount(page)).toBeVisible();
  // The whole first page drawn (the first paint carries fewer cards).
  await expect.poll(async () => resultLinks(page).count()).toBe(Math.min(await countOf(page), 30));
  const fromHome = /^\d+(,\d)? km kotikuntasi keskustasta \(Lieksa\)$/;
  // No position shared: the cards say how far each is from Lieksa's centre, in words that say so.
  const before = await resultLinks(page).allTextContents();
  const km = await cardDistances(page, fromHome);
  expect(km.length).toBeGreaterThan(5);
  // Showing distances does not re-sort: the list keeps its relevance order until asked.
  const sort = page.getByRole('combobox', { name: 'Järjestys' });
  await expect(sort).toHaveValue('relevance');
  expect(km).not.toEqual([...km].sort((a, b) => a - b));
  // The sort control beside the count sorts nearest first from the same centre.
  await sort.selectOption({ label: 'Lähimmät ensin: Lieksa, keskusta' });
  const ascending = (d) => d.length > 5 && d.every((x, i) => i === 0 || d[i - 1] <= x);
  await expect.poll(async () => ascending(await cardDistances(page, fromHome))).toBe(true);
  expect((await cardDistances(page, fromHome))[0]).toBeLessThan(5);
  // Back to relevance: the same order as before.
  await sort.selectOption({ label: 'Osuvimmat ensin' });
  await expect.poll(() => resultLinks(page).allTextContents()).toEqual(before);

  // Near me, once used, is where distances are measured from (Kuopio here), and sorts by it.
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 62.8924, longitude: 27.6782 });
  await page.getByRole('button', { name: 'Lähellä minua' }).click();
  await expect(page.getByText(/^Olet lähellä kuntaa Kuopio \(\d+ km keskustasta\)\.$/)).toBeVisible();
  await expect(page.getByRole('article').getByText(fromHome)).toHaveCount(0);
  const fromMe = /^\d+(,\d)? km täältä$/;
  await expect.poll(async () => ascending(await cardDistances(page, fromMe))).toBe(true);
  expect((await cardDistances(page, fromMe))[0]).toBeLessThan(5);
  await expect(sort).toHaveValue('nearest');

  // In Swedish, the same honest label.
  await page.goto('./?age=pregnancy&lang=sv');
  await expect(page.getByRole('article').getByText(/^\d+(,\d)? km från centrum i Lieksa$/).first()).toBeVisible();
});

test.describe('on a wide screen (1280×800)', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('a situation and the area choice move focus to the results heading', async ({ page }) => {
    await returningFamily(page, '422');
    await page.goto('./');
    await page.getByRole('link', { name: 'Odotamme vauvaa' }).click();
    await expect(page).toHaveURL(/age=pregnancy/);
    await expect(resultCount(page)).toBeFocused();
    await expect(resultCount(page)).toBeInViewport();
    // The area: the home chip reopens the question; a municipality chosen lands on the results.
    await page.getByRole('button', { name: 'Kotikunta: Lieksa. Vaihda kuntaa' }).click();
    await expect(page.getByRole('combobox', { name: 'Kunta tai postinumero' })).toBeFocused();
    await page.keyboard.type('Kuopio');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/municipality=297/);
    await expect(resultCount(page)).toBeFocused();
    await expect(resultCount(page)).toBeInViewport();
  });

  test('a ticked box keeps focus and its count is announced; the panel ends with "Näytä N palvelua", which lands on the results', async ({ page }) => {
    await returningFamily(page);
    await page.goto('./?q=neuvola');
    await expect(resultCount(page)).toBeVisible();
    const panel = await openFilters(page);
    const universal = panel.getByRole('checkbox', { name: /^Kaikille perheille \(\d+\)$/ });
    const expected = Number((await universal.evaluate((el) => el.labels[0].textContent)).match(/\((\d+)\)/)[1]);
    // Ticking a box (WCAG 3.2.2 On Input): focus stays on it, the new count is said politely.
    await universal.focus();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/level=universal/);
    await expect(universal).toBeFocused();
    await expect(resultCount(page)).toHaveAttribute('aria-live', 'polite');
    await expect(resultCount(page)).toHaveText(`${expected} palvelua`);
    // The panel's last control shows the results, counting them.
    const show = panel.getByRole('button', { name: `Näytä ${expected} palvelua` });
    await expect(show).toBeVisible();
    const last = await panel.evaluate((el) => {
      const all = [...el.querySelectorAll('a[href], button, input, select, textarea, summary')];
      return all[all.length - 1].textContent.trim();
    });
    expect(last).toBe(`Näytä ${expected} palvelua`);
    // By keyboard: Enter on it.
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(resultCount(page)).toBeFocused();
    await expect(resultCount(page)).toBeInViewport();
    // The skip link after the panel does the same.
    await page.getByRole('link', { name: 'Siirry hakutuloksiin' }).click();
    await expect(resultCount(page)).toBeFocused();
    await expectNoAxeViolations(page);
  });
});

test('"skip to results" after the filters moves focus to the results heading', async ({ page }) => {
  await returningFamily(page);
  await page.goto('./?q=neuvola');
  await page.getByRole('link', { name: 'Siirry hakutuloksiin' }).click();
  await expect(resultCount(page)).toBeFocused();
});

test('a service area is chosen like a county and filters the results to its municipalities', async ({ page }) => {
  await returningFamily(page);
  await page.goto('./?q=neuvola&municipality=422,541');
  await expect(resultCount(page)).toBeVisible();
  const both = await countOf(page);
  await page.goto('./?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  const all = await countOf(page);
  expect(both).toBeLessThan(all);
  const sheet = await openFilters(page);
  const option = sheet.getByRole('option', { name: /^Pielisen Karjala \(palvelualue\) \(\d+\)$/ });
  await expect(option).toHaveCount(1);
  await sheet.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'a:pielisen-karjala' });
  await expect(page).toHaveURL(/service_area=pielisen-karjala/);
  await expect.poll(() => countOf(page)).toBe(both);
  await expect(page.getByRole('button', { name: /^Poista rajaus: Pielisen Karjala/ })).toBeVisible();
  // The same from a link.
  await page.goto('./?q=neuvola&service_area=pielisen-karjala');
  await expect.poll(() => countOf(page)).toBe(both);
});

test('"did you mean" offers the word meant and the life situations on few results', async ({ page }) => {
  await returningFamily(page);
  await page.goto('./?q=nauvla');
  const help = page.getByRole('region', { name: 'Hakuehdotukset' });
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'neuvola' }).click();
  await expect(page).toHaveURL(/q=neuvola/);
  expect(await countOf(page)).toBeGreaterThan(3);
  // Nonsense: the life situations of the start view are the way on.
  await page.goto('./?q=qwzxv');
  await expect(help.getByRole('button', { name: 'Odotamme vauvaa' })).toBeVisible();
});

test('no accessibility violations: the area prompt, the family centre and the filter sheet', async ({ page }) => {
  await page.goto('./');
  await expect(prompt(page)).toBeVisible();
  await prompt(page).getByRole('combobox', { name: 'Kunta tai postinumero' }).fill('kuo');
  await expectNoAxeViolations(page);
  await page.getByRole('option', { name: 'Kuopio' }).click();
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).click();
  await expect(page.getByRole('complementary', { name: 'Perhekeskuksesi' })).toBeVisible();
  await expectNoAxeViolations(page);
  await openFilters(page);
  await expectNoAxeViolations(page);
});
