// Shared steps for the browser tests, written the way a user finds things: by role and label.
import { expect } from '@playwright/test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const resultCount = (page) => page.getByRole('heading', { level: 2, name: /palvelua?$|Ei palveluja|tjänst(er)?$|Inga tjänster|services?$|No services/ });

export async function countOf(page) {
  const text = await resultCount(page).textContent();
  const n = text.match(/\d+/);
  return n ? Number(n[0]) : 0;
}

export const resultLinks = (page) =>
  page.getByRole('list').filter({ has: page.getByRole('article') }).getByRole('heading', { level: 3 }).getByRole('link');

/**
 * The filters: on a phone a button opens them as a sheet over the results (a modal dialog); on a
 * wide screen they sit open beside the results. Returns the part that holds the fields.
 */
export async function openFilters(page) {
  const sheet = page.getByRole('dialog', { name: /^(Rajaa hakua|Avgränsa sökningen|Narrow the search)$/ });
  const button = page.getByRole('button', { name: /^(Rajaa hakua|Avgränsa sökningen|Narrow the search) \(/ });
  const summary = page.getByText(/^(Rajaa hakua|Avgränsa sökningen|Narrow the search) \(/);
  // Whichever the screen has, once the results are drawn.
  await expect(button.or(summary).first()).toBeVisible();
  if (await button.isVisible()) {
    if (!(await sheet.isVisible())) await button.click();
    await expect(sheet).toBeVisible();
    return sheet;
  }
  const details = page.locator('details', { has: summary });
  if ((await details.getAttribute('open')) === null) await summary.click();
  return details;
}

/** Closes the phone's filter sheet with its "show N services" button, if it is open. */
export async function showResults(page) {
  const sheet = page.getByRole('dialog', { name: /^(Rajaa hakua|Avgränsa sökningen|Narrow the search)$/ });
  if (await sheet.isVisible()) {
    await sheet.getByRole('button', { name: /^(Näytä|Visa|Show) \d+ / }).click();
    await expect(sheet).toBeHidden();
  }
}

/**
 * A returning family: "where do you live?" was answered on an earlier visit. `home` is a
 * municipality code, or 'skip' for a family that chose not to say. Call before `page.goto`.
 */
export async function returningFamily(page, home = 'skip') {
  const value = home === 'skip' ? 'skip' : `m:${home}`;
  await page.addInitScript((v) => {
    if (localStorage.getItem('perheopas.home') === null) localStorage.setItem('perheopas.home', JSON.stringify(v));
  }, value);
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and expects no violations. */
export async function expectNoAxeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary).toEqual([]);
}

/** Fixes the browser clock at a Finnish local time, e.g. '2026-11-24T10:00:00+02:00'. */
export async function atFinnishTime(page, iso) {
  await page.clock.setFixedTime(new Date(iso));
}

const WEEKDAYS_FI = ['sunnuntai', 'maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai'];
export const ESSIVE_FI = ['sunnuntaina', 'maanantaina', 'tiistaina', 'keskiviikkona', 'torstaina', 'perjantaina', 'lauantaina'];
const iso = (d) => d.toISOString().slice(0, 10);

/**
 * The next date, from tomorrow on, falling on `weekday` (0 = Sunday) in February or November:
 * months with no weekday holidays and winter time (+02:00), so an ordinary week applies. The
 * catalogue's opening hours are compiled for the months around its build date, so the tests
 * pick dates relative to today rather than fixed ones that would one day fall outside.
 */
export function ordinaryWeekday(weekday) {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + 1);
  while (![1, 10].includes(d.getUTCMonth()) || d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  return { date: iso(d), weekdayFi: WEEKDAYS_FI[d.getUTCDay()], dayMonth: `${d.getUTCDate()}.${d.getUTCMonth() + 1}.` };
}

/** The coming Independence Day (6 December) and facts about the days around it. */
export function comingIndependenceDay() {
  const today = new Date();
  const year = today.getUTCMonth() === 11 && today.getUTCDate() >= 5 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
  const eve = new Date(Date.UTC(year, 11, 5, 12));
  // An office (Mo-Fr, closed on public holidays) next opens on the first weekday after the 6th.
  const opens = new Date(Date.UTC(year, 11, 7, 12));
  while ([0, 6].includes(opens.getUTCDay())) opens.setUTCDate(opens.getUTCDate() + 1);
  return { eve: iso(eve), holidayWeekdayFi: WEEKDAYS_FI[new Date(Date.UTC(year, 11, 6)).getUTCDay()], opensEssive: ESSIVE_FI[opens.getUTCDay()] };
}

/**
 * Serves the catalogue parts written by `xtask build --parts DIR` (or `shards --out DIR`) in
 * place of the built ones: the manifest and every part, by file name; a name not there is a 404.
 * `change(name, body)` may alter a part's bytes on the way.
 */
export async function serveParts(page, dir, change = (name, body) => body) {
  const { existsSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  await page.route('**/parts/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const file = join(dir, name);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const json = name.endsWith('.json');
    return route.fulfill({ body: change(name, readFileSync(file)), contentType: json ? 'application/json' : 'application/octet-stream' });
  });
}
