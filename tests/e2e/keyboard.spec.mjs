// Keyboard only (WCAG 2.1.1): no mouse, no touch, just Tab, Shift+Tab, Enter, Space, arrows and
// typing. Search and open a service, filter and undo a filter, save to my list, change the
// language, use the map, and Tab through whole pages without a trap or an invisible focus.
import { test, expect } from '@playwright/test';
import { resultLinks, resultCount, countOf } from './helpers.mjs';

/** Presses `key` until `target` has focus (at most `max` times), then expects it to have it. */
async function pressUntilFocused(page, target, { key = 'Tab', max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 500 }).catch(() => false)) break;
  }
  await expect(target, `${key} reaches ${target}`).toBeFocused();
}

const skipLink = (page) => page.getByRole('link', { name: 'Siirry sisältöön' });
const searchBox = (page) => page.getByRole('searchbox', { name: 'Hae palvelua' });
const filtersSummary = (page) => page.getByText(/^Rajaa hakua \(\d+ valittu\)$/);

test('Tab from a fresh load: skip link first, then the search; typing finds services; Enter opens one with focus on its name', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Löydä perheen palvelut' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skipLink(page)).toBeFocused();
  await expect(skipLink(page)).toBeInViewport();
  // The header comes before the search: help now, quick exit, home, three languages, my list
  // and safe browsing.
  await pressUntilFocused(page, searchBox(page), { max: 9 });

  await page.keyboard.type('neuvola');
  await expect(searchBox(page)).toBeFocused();
  await expect(page).toHaveURL(/[?&]q=neuvola/);
  await expect(resultCount(page)).toHaveText(/^\d+ palvelua$/);
  const found = await countOf(page);
  expect(found).toBeGreaterThan(10);
  expect(found).toBeLessThan(600); // a search, not the whole catalogue

  // On past the chips, the filter panel and the view switch to the first result.
  const first = resultLinks(page).first();
  const name = (await first.textContent()).trim();
  await pressUntilFocused(page, first, { max: 15 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/service=/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();

  // The way back is one Shift+Tab away and keeps the search.
  const back = page.getByRole('link', { name: '← Takaisin hakutuloksiin' });
  await page.keyboard.press('Shift+Tab');
  await expect(back).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/service=/);
  await expect(searchBox(page)).toHaveValue('neuvola');
  await expect.poll(() => countOf(page)).toBe(found);
});

test('the skip link moves focus into the main content', async ({ page }) => {
  // The router would swallow this same-page link (it only scrolled); the link now moves focus
  // to <main> itself (WCAG 2.4.1).
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skipLink(page)).toBeFocused();
  await page.keyboard.press('Enter');
  // The first control in <main> on the start view is the search box.
  await page.keyboard.press('Tab');
  await expect(searchBox(page)).toBeFocused({ timeout: 2_000 });
});

test('back from a service by keyboard, Tab goes on to the results, not to the footer', async ({ page }) => {
  // "← Takaisin hakutuloksiin" replaces the page it sits on; focus must not drop to <body> and
  // send the next Tab to the footer (WCAG 2.4.3). It returns to the service the user came from.
  await page.goto('./?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  const first = resultLinks(page).first();
  await pressUntilFocused(page, first, { max: 25 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: '← Takaisin hakutuloksiin' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(resultCount(page)).toBeVisible();

  const isFocused = (target) => target.evaluate((el) => el === document.activeElement, undefined, { timeout: 500 }).catch(() => false);
  const wrongTurns = [skipLink(page), page.getByRole('link', { name: 'Upota Perheopas omalle sivullesi' })];
  for (let i = 0; i < 15 && !(await isFocused(first)); i++) {
    await page.keyboard.press('Tab');
    for (const wrong of wrongTurns) expect(await isFocused(wrong), `Tab ${i + 1} went to ${wrong}`).toBe(false);
  }
  await expect(first).toBeFocused();
});

test('filters by keyboard: open the folded panel, pick an area by typing, tick a box with Space, remove its chip', async ({ page }) => {
  await page.goto('./?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  const all = await countOf(page);

  // On a phone a button opens the filters as a sheet; Enter on it opens it.
  const area = page.getByLabel('Kunta tai hyvinvointialue');
  await expect(area).toBeHidden();
  await pressUntilFocused(page, filtersSummary(page), { max: 15 });
  await page.keyboard.press('Enter');
  await expect(area).toBeVisible();

  // A select picks by typing the option's name.
  await page.keyboard.press('Tab');
  await expect(area).toBeFocused();
  await page.keyboard.type('Lieksa');
  await expect(page).toHaveURL(/municipality=422/);
  await expect(area).toBeFocused();
  await expect(page.getByRole('button', { name: 'Poista rajaus: Lieksa' })).toBeVisible();
  await expect.poll(() => countOf(page)).toBeLessThan(all);
  const inLieksa = await countOf(page);
  expect(inLieksa).toBeGreaterThan(2);

  // Space ticks a checkbox; the count follows the number shown beside it.
  const universal = page.getByRole('checkbox', { name: /^Kaikille perheille \(\d+\)$/ });
  await pressUntilFocused(page, universal, { max: 6 });
  const expected = Number((await universal.evaluate((el) => el.labels[0].textContent)).match(/\((\d+)\)/)[1]);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(inLieksa);
  await page.keyboard.press('Space');
  await expect(universal).toBeChecked();
  await expect(universal).toBeFocused();
  await expect(page).toHaveURL(/level=universal/);
  await expect.poll(() => countOf(page)).toBe(expected);
  await expect(filtersSummary(page)).toHaveText('Rajaa hakua (2 valittu)');

  // Escape closes the sheet and focus returns to its button. The chip sits above it: back up to
  // it with Shift+Tab and remove it with Enter.
  await page.keyboard.press('Escape');
  await expect(filtersSummary(page)).toBeFocused();
  const chip = page.getByRole('button', { name: 'Poista rajaus: Kaikille perheille' });
  await expect(chip).toBeVisible();
  await pressUntilFocused(page, chip, { key: 'Shift+Tab', max: 12 });
  await page.keyboard.press('Enter');
  await expect(chip).toHaveCount(0);
  await expect(page).not.toHaveURL(/level=/);
  await expect.poll(() => countOf(page)).toBe(inLieksa);
  // Unticked in the (now closed) sheet too.
  await expect(page.getByRole('checkbox', { name: /^Kaikille perheille \(\d+\)$/, includeHidden: true })).not.toBeChecked();
  // The Lieksa chip is removed with Space the same way, and the whole search comes back.
  const lieksa = page.getByRole('button', { name: 'Poista rajaus: Lieksa' });
  await pressUntilFocused(page, lieksa, { key: 'Shift+Tab', max: 4 });
  await page.keyboard.press('Space');
  await expect(lieksa).toHaveCount(0);
  await expect.poll(() => countOf(page)).toBe(all);
});

test('save a service to my list by keyboard and open the list from the header', async ({ page }) => {
  await page.goto('./?service=lieksa-aitiysneuvola');
  const heading = page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' });
  await expect(heading).toBeFocused();
  const save = page.getByRole('button', { name: 'Tallenna listalle' });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  // Past the phone numbers, e-mail and booking links to the save button.
  await pressUntilFocused(page, save, { max: 15 });
  await page.keyboard.press('Enter');
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(save).toBeFocused();

  const myList = page.getByRole('link', { name: 'Oma lista (1)' });
  await expect(myList).toBeVisible();
  await pressUntilFocused(page, myList, { key: 'Shift+Tab', max: 20 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=mylist/);
  await expect(page.getByRole('heading', { level: 1, name: 'Oma lista' })).toBeVisible();
  const card = page.getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('link', { name: 'Äitiysneuvola Lieksa' })).toBeVisible();

  // The same toggle on the list takes it off again.
  const unsave = card.getByRole('button', { name: 'Tallenna listalle' });
  await expect(unsave).toHaveAttribute('aria-pressed', 'true');
  await pressUntilFocused(page, unsave, { max: 10 });
  await page.keyboard.press('Space');
  await expect(page.getByRole('link', { name: 'Oma lista (0)' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('switch the language to English by keyboard', async ({ page }) => {
  await page.goto('./?q=neuvola');
  await expect(resultCount(page)).toHaveText(/palvelua$/);
  const english = page.getByRole('link', { name: 'In English' });
  await pressUntilFocused(page, english, { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.getByRole('heading', { level: 1, name: 'Find services for your family' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search for a service' })).toHaveValue('neuvola');
  await expect(resultCount(page)).toHaveText(/^\d+ services$/);
  await expect(page.getByRole('link', { name: 'My list (0)' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Focus stays on the switch, now marked as the current language.
  await expect(english).toBeFocused();
  await expect(english).toHaveAttribute('aria-current', 'true');
  // Back up the header to the skip link, now in English.
  await pressUntilFocused(page, page.getByRole('link', { name: 'Skip to content' }), { key: 'Shift+Tab', max: 7 });
});

test('the map by keyboard: pan with arrows, reset, pick a marker with Enter and open a service', async ({ page }) => {
  await page.goto('./?view=map&municipality=422');
  const map = page.getByRole('group', { name: /^Kartta hakutuloksista/ });
  await expect(map).toBeVisible();
  const start = await map.getAttribute('viewBox');
  // Past the header, the search, the chips, your family centre, the filters and the sort.
  await pressUntilFocused(page, map, { max: 35 });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(map).not.toHaveAttribute('viewBox', start);
  const [x0, y0] = start.split(' ').map(Number);
  const [x1, y1] = (await map.getAttribute('viewBox')).split(' ').map(Number);
  expect(x1).toBeGreaterThan(x0);
  expect(y1).toBeGreaterThan(y0);
  // Back to the chosen area with the button just before the map.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Valittu alue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(map).toHaveAttribute('viewBox', start);

  await page.keyboard.press('Tab');
  await expect(map).toBeFocused();
  const marker = map.getByRole('button').first();
  await page.keyboard.press('Tab');
  await expect(marker).toBeFocused();
  await page.keyboard.press('Enter');
  // A cluster of places apart zooms in; from the map, the first marker again until one opens.
  const panel = page.getByRole('region', { name: 'Tässä paikassa' });
  for (let i = 0; i < 6 && !(await panel.isVisible()); i++) {
    await map.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  }
  await expect(panel).toBeVisible();
  const link = panel.getByRole('link').first();
  const name = (await link.textContent()).trim();
  await pressUntilFocused(page, link, { max: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
});

/**
 * Tabs on from the focused element until focus comes back round to the skip link at the top,
 * checking on the way that focus moves every time and every focused element is on screen.
 * Returns the names of the elements passed.
 */
async function tabRound(page, max = 300) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      const same = el === window.__kbdLast;
      window.__kbdLast = el;
      const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '';
      const name = label.trim().replace(/\s+/g, ' ').slice(0, 60);
      const what = `${el.tagName.toLowerCase()} "${name}"`;
      if (el === document.body || el === document.documentElement) return { top: true, same, what };
      // On screen: a real box, inside the window, and inside its map for a marker.
      const r = el.getBoundingClientRect();
      const boxes = [{ left: 0, top: 0, right: innerWidth, bottom: innerHeight }];
      if (el.ownerSVGElement) boxes.push(el.ownerSVGElement.getBoundingClientRect());
      const shown = r.width > 0 && r.height > 0 && boxes.every((b) => r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom);
      return { top: false, same, what, shown, skip: el.matches('a[href="#main"]') };
    });
    expect(at.same, `focus stuck on ${at.what} after ${i + 1} Tabs`).toBe(false);
    if (at.top) continue; // between the last element and the top, focus passes the document itself
    expect(at.shown, `focused ${at.what} is not visible`).toBe(true);
    if (at.skip) break;
    passed.push(at.what);
  }
  await expect(skipLink(page), `focus never came back to the top within ${max} Tabs`).toBeFocused();
  return passed;
}

test('no keyboard trap on a phone: Tab from the search box goes through the results and back to the top', async ({ page }) => {
  await page.goto('./?q=neuvola');
  await expect(resultCount(page)).toBeVisible();
  await pressUntilFocused(page, searchBox(page), { max: 10 });
  const passed = await tabRound(page);
  // The whole page was passed: 30 cards, "show more" and the footer.
  expect(passed.length).toBeGreaterThan(60);
  expect(passed).toContain(`button "Näytä lisää (${(await countOf(page)) - 30} jäljellä)"`);
  expect(passed.at(-1)).toBe('a "Saavutettavuusseloste"');
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test('no keyboard trap on the map view with the filter panel open', async ({ page }) => {
    await page.goto('./?view=map&county=14');
    const map = page.getByRole('group', { name: /^Kartta hakutuloksista/ });
    await expect(map).toBeVisible();
    // Open on a wide screen: every filter is in the tab order.
    await expect(page.getByLabel('Kunta tai hyvinvointialue')).toBeVisible();
    await pressUntilFocused(page, searchBox(page), { max: 10 });
    const passed = await tabRound(page);
    expect(passed).toContain('select "Kunta tai hyvinvointialue"');
    expect(passed).toContain('select "Lapsen ikä"');
    expect(passed.filter((p) => p.startsWith('input')).length).toBeGreaterThan(20);
    expect(passed.some((p) => p.startsWith('svg "Kartta hakutuloksista'))).toBe(true);
    expect(passed.filter((p) => p.startsWith('g ')).length).toBeGreaterThan(3);
    expect(passed.at(-1)).toBe('a "Saavutettavuusseloste"');
  });
});
