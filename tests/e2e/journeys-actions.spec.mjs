// Issue 18 on a phone: actions first (call, book, directions), group sessions with an .ics made
// on the device, text in another language tagged, dates in the UI language, freshness in words.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { atFinnishTime, ordinaryWeekday, expectNoAxeViolations } from './helpers.mjs';

// A returning family that already answered "where do you live?" (skipped it): these tests bring
// their area in the address.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('perheopas.home') === null) localStorage.setItem('perheopas.home', JSON.stringify('skip'));
  });
});

/** Should the first-visit question still come up, skip it. */
async function skipAreaPrompt(page) {
  const skip = page.getByRole('button', { name: /^(Ohita|Hoppa över|Skip)$/ });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (await skip.isVisible()) await skip.click();
}

/** `yyyy-mm-dd` plus `days`, with its Finnish "d.m." */
function plusDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  return { iso, compact: iso.replaceAll('-', ''), dayMonth: `${d.getUTCDate()}.${d.getUTCMonth() + 1}.` };
}

/**
 * Reads an iCalendar file as RFC 5545 asks: CRLF line ends only, lines of at most 75 octets,
 * folded lines joined, components nested. Returns [name with parameters, value] pairs.
 */
function parseIcs(text) {
  expect(text.endsWith('\r\n'), 'ends with CRLF').toBe(true);
  expect(text.replaceAll('\r\n', ''), 'no bare CR or LF').not.toMatch(/[\r\n]/);
  const logical = [];
  for (const line of text.split('\r\n').filter((l) => l !== '')) {
    expect(Buffer.byteLength(line), `line over 75 octets: ${line}`).toBeLessThanOrEqual(75);
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const props = logical.map((l) => {
    const i = l.indexOf(':');
    expect(i, `name:value in ${l}`).toBeGreaterThan(0);
    return [l.slice(0, i), l.slice(i + 1)];
  });
  const stack = [];
  for (const [name, value] of props) {
    if (name === 'BEGIN') stack.push(value);
    else if (name === 'END') expect(stack.pop()).toBe(value);
    else expect(stack.length, `${name} outside a component`).toBeGreaterThan(0);
  }
  expect(stack).toEqual([]);
  return props;
}

test('from Lieksa\'s results a parent calls the maternity clinic and gets directions, nothing sent before a tap', async ({ page }) => {
  const tuesday = ordinaryWeekday(2);
  await atFinnishTime(page, `${tuesday.date}T10:00:00+02:00`);
  const elsewhere = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:8181/')) elsewhere.push(r.url());
  });
  await page.goto('./?age=pregnancy&municipality=422');
  await skipAreaPrompt(page);

  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }) });
  const actions = card.getByRole('list', { name: 'Ota yhteyttä' });
  const call = actions.getByRole('link', { name: /^Soita 013 000 1090/ });
  await expect(call).toHaveAttribute('href', 'tel:+358130001090');
  const directions = actions.getByRole('link', { name: 'Reittiohjeet' });
  await expect(directions).toHaveAttribute('href', /^geo:63\.30439,30\.03011\?q=63\.30439,30\.03011\(/);
  await expect(actions.getByRole('link', { name: 'OpenStreetMap' })).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/\?mlat=63\.30439&mlon=30\.03011/);
  // Actions first: above the summary, right under the name.
  const summary = card.locator('.summary');
  expect((await call.boundingBox()).y).toBeLessThan((await summary.boundingBox()).y);
  // Every action is a touch target of at least 44 × 44 px.
  for (const link of await actions.getByRole('link').all()) {
    const box = await link.boundingBox();
    expect(box.height, await link.textContent()).toBeGreaterThanOrEqual(44);
    expect(box.width, await link.textContent()).toBeGreaterThanOrEqual(44);
  }

  await card.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  const bar = page.getByRole('list', { name: 'Ota yhteyttä' });
  // The page lists every way: both numbers with what they are for, booking, e-mail, directions.
  await expect(bar.getByRole('link', { name: 'Soita 013 000 1090 · Ajanvaraus' })).toHaveAttribute('href', 'tel:+358130001090');
  await expect(bar.getByRole('link', { name: 'Soita 013 000 1091 · Neuvonta' })).toHaveAttribute('href', 'tel:+358130001091');
  await expect(bar.getByRole('link', { name: 'Varaa aika' })).toHaveAttribute('href', 'https://siunsote.perheopas.example/ajanvaraus');
  await expect(bar.getByRole('link', { name: /^Sähköposti/ })).toHaveAttribute('href', 'mailto:lieksa.aitiysneuvola@perheopas.example');
  await expect(bar.getByRole('link', { name: 'Reittiohjeet' })).toHaveAttribute('href', /^geo:63\.30439,30\.03011\?q=63\.30439,30\.03011\(Lieksan%20terveysasema\)$/);
  // The bar comes before what the service is about.
  expect((await bar.boundingBox()).y).toBeLessThan((await page.locator('.lead').boundingBox()).y);
  // "Last checked" as Finnish writes a date, and no ISO date anywhere in the page's text.
  await expect(page.getByText('Tiedot tarkistettu 4.10.2026.', { exact: false })).toBeVisible();
  expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  // No map site, no one else was asked anything: the links wait for a tap.
  expect(elsewhere).toEqual([]);
});

test('a family coaching group shows its next session and adds it to the calendar as a valid .ics', async ({ page }) => {
  // A Monday morning; Perhevalmennus Lieksa meets on Wednesdays 17–19.
  const monday = ordinaryWeekday(1);
  const wednesday = plusDays(monday.date, 2);
  const following = plusDays(monday.date, 9);
  await atFinnishTime(page, `${monday.date}T10:00:00+02:00`);
  await page.goto('./?q=perhevalmennus&municipality=422');
  await skipAreaPrompt(page);

  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Perhevalmennus Lieksa' }) });
  await expect(card.getByText(`Seuraava kerta: ke ${wednesday.dayMonth} klo 17.00–19.00`)).toBeVisible();
  // Sessions, not opening hours.
  await expect(card.getByText(/Avoinna|Suljettu/)).toHaveCount(0);
  await card.getByRole('link', { name: 'Perhevalmennus Lieksa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Perhevalmennus Lieksa' })).toBeVisible();

  await expect(page.getByText(`Seuraava kerta: ke ${wednesday.dayMonth} klo 17.00–19.00`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tulevat kerrat' })).toBeVisible();
  await expect(page.getByText(`ke ${following.dayMonth} klo 17.00–19.00`, { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aukioloajat' })).toHaveCount(0);
  // Checked on 14.3.2026: over six months before the test's date, said in words.
  await expect(page.getByRole('note').filter({ hasText: /^Tietoja ei ole tarkistettu yli \d+ kuukauteen \(viimeksi 14\.3\.2026\)\./ })).toBeVisible();

  const add = page.getByRole('button', { name: `Lisää kalenteriin ke ${wednesday.dayMonth} klo 17.00–19.00` });
  const box = await add.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
  const [download] = await Promise.all([page.waitForEvent('download'), add.click()]);
  expect(download.suggestedFilename()).toBe(`lieksa-perhevalmennus-${wednesday.iso}.ics`);
  const props = parseIcs(readFileSync(await download.path(), 'utf8'));
  const get = (name) => props.filter(([n]) => n === name).map(([, v]) => v);
  expect(props[0]).toEqual(['BEGIN', 'VCALENDAR']);
  expect(props.at(-1)).toEqual(['END', 'VCALENDAR']);
  expect(get('VERSION')).toEqual(['2.0']);
  expect(get('PRODID')).toHaveLength(1);
  expect(get('BEGIN').filter((v) => v === 'VEVENT')).toHaveLength(1);
  // Local times with a zone the file defines, or UTC.
  const start = props.find(([n]) => n.startsWith('DTSTART') && n !== 'DTSTART');
  expect(start).toEqual(['DTSTART;TZID=Europe/Helsinki', `${wednesday.compact}T170000`]);
  expect(get('DTEND;TZID=Europe/Helsinki')).toEqual([`${wednesday.compact}T190000`]);
  expect(get('TZID')).toEqual(['Europe/Helsinki']);
  expect(get('SUMMARY')).toEqual(['Perhevalmennus Lieksa']);
  expect(get('UID')).toEqual([`lieksa-perhevalmennus-${wednesday.compact}T1700@perheopas.fi`]);
  // Made on the device at the (test's) present moment: 10.00 Finnish winter time is 08.00 UTC.
  expect(get('DTSTAMP')).toEqual([`${monday.date.replaceAll('-', '')}T080000Z`]);
  expect(get('LOCATION')[0]).toContain('Esimerkkitie 20\\, 81700 Lieksa');
  expect(get('URL')[0]).toMatch(/service=lieksa-perhevalmennus/);
});

test('in Swedish and English: dates as the language writes them, Finnish-only text tagged, machine translation said once', async ({ page }) => {
  const monday = ordinaryWeekday(1);
  const thursday = plusDays(monday.date, 3);
  await atFinnishTime(page, `${monday.date}T10:00:00+02:00`);
  // A family club whose Swedish texts are machine translated; it meets on Thursdays.
  await page.goto('./?service=lieksa-perhekerho&lang=sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjeklubb Lieksa' })).toBeVisible();
  await expect(page.getByText(`Nästa gång: tors ${thursday.dayMonth} kl. 9.30–11.30`)).toBeVisible();
  await expect(page.getByText('En del av texterna på sidan är maskinöversatta.')).toHaveCount(1);
  await expect(page.getByText(/\(maskinöversatt\)/)).toHaveCount(0);
  await expect(page.getByText(/^Uppgifterna kontrollerade 2\.8\.2026\./)).toBeVisible();
  expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  // Swedish everywhere here: nothing carries a Finnish-only tag.
  await expect(page.getByText('endast på finska', { exact: true })).toHaveCount(0);

  // The county's child psychiatry has no English description: shown in Finnish, tagged so.
  await page.goto('./?service=etela-savo-lastenpsykiatria&lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const lead = page.locator('.lead');
  await expect(lead.locator('[lang="fi"]')).toHaveText('Tutkimusta ja hoitoa alle 13-vuotiaiden mielenterveyden ongelmiin. Tarvitset lähetteen.');
  await expect(lead.getByText('only in Finnish', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Details checked on \d{1,2} [A-Z][a-z]{2} 20\d\d\./)).toBeVisible();
  // Checked 2.3.2026, over six months before any date the tests run on.
  await expect(page.getByRole('note').filter({ hasText: /^This information has not been checked for over \d+ months \(last on 2 Mar 2026\)\./ })).toBeVisible();

  // And on a list in English: the tag on the card's summary.
  await page.goto('./?q=lastenpsykiatria&county=12&lang=en');
  await skipAreaPrompt(page);
  const card = page.getByRole('article').filter({ has: page.locator('h3 [lang="fi"]', { hasText: 'Lastenpsykiatrian poliklinikka Etelä-Savo' }) });
  await expect(card.locator('.summary').getByText('only in Finnish', { exact: true })).toBeVisible();
});

test('on a kiosk the actions become QR codes for the visitor\'s phone, directions included', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('./?mode=kiosk&place=lieksa-kohtaamispaikka&service=lieksa-aitiysneuvola');
  await page.getByRole('button', { name: /Kosketa aloittaaksesi/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  await expect(page.locator('a[href^="tel:"], a[href^="geo:"], a[href^="mailto:"], a[href^="https:"]')).toHaveCount(0);
  const directions = page.getByText('Reittiohjeet', { exact: true }).locator('..').getByRole('button', { name: 'Avaa puhelimella' });
  await directions.click();
  await expect(page.getByText(/^https:\/\/www\.openstreetmap\.org\/\?mlat=63\.30439/)).toBeVisible();
});

for (const [name, url] of [
  ['results with action buttons', './?age=pregnancy&municipality=422'],
  ['a group\'s sessions', './?service=lieksa-perhevalmennus'],
  ['Finnish-only text in English', './?service=etela-savo-lastenpsykiatria&lang=en'],
  ['machine translation notice in Swedish', './?service=lieksa-perhekerho&lang=sv'],
]) {
  test(`no accessibility violations: ${name}`, async ({ page }) => {
    await page.goto(url);
    await skipAreaPrompt(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
