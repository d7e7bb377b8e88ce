// The result list keeps a service's card while the search changes around it (issue 21): a
// keystroke or a new order moves the cards that stay instead of rewriting every card in place,
// so typing on a slow phone does not rebuild thirty cards (scripts/bench-typing.mjs measures it).
import { test, expect } from '@playwright/test';
import { resultCount, countOf, resultLinks, returningFamily } from './helpers.mjs';

/** Marks each card's element with the service it shows now; returns how many were marked. */
async function markCards(page) {
  return page.locator('article.result').evaluateAll((cards) => cards.map((c) => {
    c.dataset.markedFor = c.querySelector('a[data-service]').dataset.service;
    return c.dataset.markedFor;
  }).length);
}

/** Cards whose element was marked for another service than the one it shows now. */
async function rewrittenCards(page) {
  return page.locator('article.result').evaluateAll((cards) => cards
    .filter((c) => c.dataset.markedFor && c.dataset.markedFor !== c.querySelector('a[data-service]').dataset.service)
    .map((c) => `${c.dataset.markedFor} → ${c.querySelector('a[data-service]').dataset.service}`));
}

test('sorting nearest first moves the same cards into the new order', async ({ page }) => {
  await returningFamily(page, '422');
  await page.goto('./?age=pregnancy');
  await expect(resultCount(page)).toBeVisible();
  await expect.poll(async () => resultLinks(page).count()).toBe(Math.min(await countOf(page), 30));
  const before = await resultLinks(page).allTextContents();
  expect(await markCards(page)).toBeGreaterThan(10);
  await page.getByRole('combobox', { name: 'Järjestys' }).selectOption({ label: 'Lähimmät ensin: Lieksa, keskusta' });
  await expect.poll(() => resultLinks(page).allTextContents()).not.toEqual(before);
  // Every card still shows the service it was built for: cards were moved, not rewritten.
  expect(await rewrittenCards(page)).toEqual([]);
});

test('a longer search keeps the cards of the services still found, with links to the new search', async ({ page }) => {
  await returningFamily(page);
  await page.goto('./?q=neuvo');
  await expect(resultCount(page)).toBeVisible();
  await markCards(page);
  const box = page.getByRole('searchbox', { name: 'Hae palvelua' });
  await box.press('End');
  await box.pressSequentially('la');
  await expect(page).toHaveURL(/q=neuvola/);
  await expect.poll(() => rewrittenCards(page)).toEqual([]);
  // A kept card's link follows the search it is now part of.
  const first = resultLinks(page).first();
  await expect(first).toHaveAttribute('href', /q=neuvola/);
});
