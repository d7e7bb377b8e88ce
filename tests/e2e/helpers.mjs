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

/** The filter panel is folded on phones; open it if needed. */
export async function openFilters(page) {
  const summary = page.getByText(/^(Rajaa hakua|Avgränsa sökningen|Narrow the search) \(/);
  const details = page.locator('details', { has: summary });
  if ((await details.getAttribute('open')) === null) await summary.click();
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
