// Trust and safety (issue 16): quick exit that Back cannot undo, closed services that never read
// "open", crisis help where it is needed, and the safe-browsing page.
import { test, expect } from '@playwright/test';
import { atFinnishTime, resultLinks, returningFamily } from './helpers.mjs';

const NEUTRAL = 'https://www.ilmatieteenlaitos.fi/';
// Another origin the family came from, e.g. a search engine's results.
const BEFORE = 'http://127.0.0.1:8282/';

async function stubNeutralSite(page) {
  await page.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Sää</title><h1>Sää</h1>' }));
}

/** Presses Back until there is nothing left, noting every address shown on the way. */
async function everyAddressBack(page) {
  const seen = [];
  for (let i = 0; i < 8; i += 1) {
    const response = await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    // A same-page step gives no response; the address still tells where Back went.
    await page.waitForTimeout(300);
    const url = page.url();
    if (seen.length && seen[seen.length - 1] === url && response === null) break;
    seen.push(url);
  }
  return seen;
}

function expectNoTrailOfTheVisit(addresses) {
  for (const url of addresses) {
    expect(url, `Back showed ${url}`).not.toContain('127.0.0.1:8181');
  }
}

async function visitViolenceAndAService(page) {
  await page.goto(BEFORE);
  await page.goto('./');
  await page.getByRole('link', { name: 'Väkivalta tai turvattomuus' }).click();
  await expect(page).toHaveURL(/category=violence/);
  await resultLinks(page).first().click();
  await expect(page).toHaveURL(/service=/);
}

test('quick exit: no number of Back presses shows the visit again', async ({ page }) => {
  await stubNeutralSite(page);
  await visitViolenceAndAService(page);
  await page.getByRole('button', { name: 'Poistu nopeasti' }).click();
  await expect(page).toHaveURL(NEUTRAL);
  const back = await everyAddressBack(page);
  expect(back[0]).toBe(BEFORE);
  expectNoTrailOfTheVisit(back);
});

test('quick exit by Esc Esc, after a reload in the middle of the visit, leaves no trail either', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto(BEFORE);
  await page.goto('./?q=ero');
  await resultLinks(page).first().click();
  await expect(page).toHaveURL(/service=/);
  // The visit's entries now span two loads of the page.
  await page.reload();
  await page.getByRole('link', { name: /Takaisin hakutuloksiin/ }).first().click();
  await expect(page).not.toHaveURL(/service=/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(NEUTRAL);
  const back = await everyAddressBack(page);
  expect(back[0]).toBe(BEFORE);
  expectNoTrailOfTheVisit(back);
});

test('a temporarily closed service never reads open, even inside its usual hours', async ({ page }) => {
  // A Tuesday at 10.00, inside the meeting place's hours (Tu,Th 09:30-12:00), during its
  // closure for renovation (until 31.1.2027).
  await atFinnishTime(page, '2026-12-08T10:00:00+02:00');
  await page.goto('./?q=kohtaamispaikka&municipality=681');
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Perhekeskuksen kohtaamispaikka Rantasalmi' }) });
  await expect(card.getByText('Tilapäisesti suljettu 31.1.2027 asti')).toBeVisible();
  await expect(card.getByText(/Avoinna nyt/)).toHaveCount(0);

  // Nor does the "open now" filter let it through.
  await page.goto('./?q=kohtaamispaikka&municipality=681&open=1');
  await expect(page.getByRole('link', { name: 'Perhekeskuksen kohtaamispaikka Rantasalmi' })).toHaveCount(0);

  await page.goto('./?service=rantasalmi-kohtaamispaikka');
  await expect(page.getByRole('heading', { level: 1, name: 'Perhekeskuksen kohtaamispaikka Rantasalmi' })).toBeVisible();
  await expect(page.getByText(/Avoinna nyt/)).toHaveCount(0);
  await expect(page.getByText('Tilapäisesti suljettu 31.1.2027 asti').first()).toBeVisible();
  await expect(page.getByRole('row', { name: /tiistai 8\.12\./ })).toContainText('suljettu (tilapäisesti)');
  // It points to the nearest meeting place that is open.
  const alternative = page.getByText('Lähin avoin vastaava palvelu:').getByRole('link');
  await expect(alternative).toHaveText(/kohtaamispaikka/i);
  await alternative.click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Perhekeskuksen kohtaamispaikka Rantasalmi');
});

test('once its closure is over, the service opens by its hours again', async ({ page }) => {
  await atFinnishTime(page, '2027-02-02T10:00:00+02:00');
  await page.goto('./?service=rantasalmi-kohtaamispaikka');
  await expect(page.getByText(/^Avoinna nyt/).first()).toBeVisible();
  await expect(page.getByText('Tilapäisesti suljettu 31.1.2027 asti')).toHaveCount(0);
});

test('crisis help comes first on a violence search, on an empty result and one tap from any page', async ({ page }) => {
  const help = page.getByRole('region', { name: 'Apua heti – soita' });
  await page.goto('./?category=violence&municipality=422');
  await expect(help.getByRole('link', { name: /^Soita 112/ })).toHaveAttribute('href', 'tel:112');
  await expect(help.getByRole('link', { name: /^Soita 080 005 005/ })).toHaveAttribute('href', 'tel:080005005');
  // Lieksa is in North Karelia: its social emergency service, marked as sample data.
  await expect(help.getByText('Sosiaalipäivystys, Pohjois-Karjala')).toBeVisible();
  await expect(help.getByText(/Esimerkkitieto: tämä numero ei ole oikea/)).toBeVisible();
  // The help is above the results.
  const helpBox = await help.boundingBox();
  const firstResult = await page.getByRole('article').first().boundingBox();
  expect(helpBox.y).toBeLessThan(firstResult.y);

  // Free text in the family's own words.
  await page.goto('./?q=puoliso%20ly%C3%B6');
  await expect(help.getByRole('link', { name: /^Soita 112/ })).toBeVisible();
  await page.goto('./?q=sj%C3%A4lvmordstankar&lang=sv');
  await expect(page.getByRole('region', { name: 'Hjälp genast – ring' }).getByRole('link', { name: /^Ring 112/ })).toBeVisible();

  // An ordinary search is not interrupted; an empty one never ends without a number.
  await page.goto('./?q=neuvola');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(help).toHaveCount(0);
  await page.goto('./?q=qqqzzzxxy');
  await expect(page.getByRole('heading', { name: 'Ei palveluja näillä rajauksilla' })).toBeVisible();
  await expect(help.getByRole('link', { name: /^Soita 112/ })).toBeVisible();

  // One tap from the results keeps the area, and with it the area's social emergency service.
  await page.goto('./?category=violence&municipality=422');
  await page.getByRole('link', { name: 'Apua heti', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Apua heti – soita' })).toBeVisible();
  await expect(page.getByText('Sosiaalipäivystys, Pohjois-Karjala')).toBeVisible();

  // From any page, one tap.
  await page.goto('./?service=rantasalmi-kohtaamispaikka');
  await page.getByRole('link', { name: 'Apua heti', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Apua heti – soita' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Soita 09 2525 0111/ })).toHaveAttribute('href', 'tel:0925250111');
});

test('crisis help stays when the catalogue cannot load at all', async ({ page }) => {
  await page.route('**/parts/manifest.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('Palvelutietoja ei voitu ladata');
  await expect(page.getByRole('region', { name: 'Apua heti – soita' }).getByRole('link', { name: /^Soita 112/ })).toBeVisible();
});

test('the safe-browsing page is linked from the violence situation and offers to empty My list', async ({ page }) => {
  await page.goto('./?service=rantasalmi-kohtaamispaikka');
  await page.getByRole('button', { name: 'Tallenna listalle' }).click();
  await page.goto('./');
  await page.getByRole('link', { name: 'Väkivalta tai turvattomuus' }).click();
  await page.getByRole('region', { name: 'Apua heti – soita' }).getByRole('link', { name: 'Selaa turvallisesti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Selaa turvallisesti' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mitä verkkosivu ei voi poistaa' })).toBeVisible();
  await page.getByRole('button', { name: 'Tyhjennä oma lista (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Oma lista on tyhjennetty tältä laitteelta.' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('perheopas.my-list'))).toBeNull();
  // In Swedish and English too.
  await page.goto('./?view=safety&lang=sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Surfa tryggt' })).toBeVisible();
  await page.goto('./?view=safety&lang=en');
  await expect(page.getByRole('heading', { level: 2, name: 'What a web page cannot erase' })).toBeVisible();
});

test('browse safely offers to forget the home municipality kept on this device', async ({ page }) => {
  await returningFamily(page, '422');
  await page.goto('./?view=safety');
  const forget = page.getByRole('button', { name: 'Unohda kotikunta (Lieksa)' });
  await expect(forget).toBeVisible();
  await forget.click();
  await expect(page.getByText('Kotikuntaa ei ole tallessa tällä laitteella.')).toBeVisible();
  // Kept as "not told", so the question is not asked again and nothing names the place.
  expect(await page.evaluate(() => localStorage.getItem('perheopas.home'))).toBe('"skip"');
});
