// The offline map: zoom to a county, tap a marker, reach a service; near me; keyboard; axe.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openFilters, showResults } from './helpers.mjs';

const map = (page) => page.getByRole('group', { name: /^Kartta hakutuloksista/ });
const viewBox = (page) => map(page).getAttribute('viewBox');

/** Taps the first marker until a place's list opens: each tap on a spread cluster zooms in. */
async function openAPlace(page, panel) {
  for (let i = 0; i < 8 && !(await panel.isVisible()); i++) {
    await (await inView(page)).click();
  }
  await expect(panel).toBeVisible();
}

/** The marker nearest the middle of the map (markers outside the view are drawn but hidden). */
async function inView(page) {
  const m = await map(page).boundingBox();
  const rects = await map(page).getByRole('button').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  }));
  const [mx, my] = [m.x + m.width / 2, m.y + m.height / 2];
  let best = 0;
  rects.forEach((r, i) => {
    if (Math.hypot(r[0] - mx, r[1] - my) < Math.hypot(rects[best][0] - mx, rects[best][1] - my)) best = i;
  });
  return map(page).getByRole('button').nth(best);
}

test('a tap on a cluster of places apart zooms into it; markers are 44 px targets', async ({ page }) => {
  await page.goto('./?view=map');
  await expect(map(page)).toBeVisible();
  const cluster = map(page).getByRole('button', { name: /palvelua tässä/ }).first();
  await expect(cluster).toBeVisible();
  const before = Number((await viewBox(page)).split(' ')[2]);
  await cluster.click();
  await expect.poll(async () => Number((await viewBox(page)).split(' ')[2])).toBeLessThan(before / 1.9);
  await expect(page.getByRole('region', { name: 'Tässä paikassa' })).toHaveCount(0);
  for (const box of await map(page).getByRole('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }
});

test('open the map, zoom to Pohjois-Karjala, tap a marker and reach the service page', async ({ page }) => {
  await page.goto('./?view=list');
  await page.getByRole('link', { name: 'Kartta' }).click();
  await expect(map(page)).toBeVisible();
  const whole = await viewBox(page);
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'c:14' });
  await showResults(page);
  await expect(page).toHaveURL(/view=map/);
  await expect.poll(() => viewBox(page)).not.toBe(whole);
  // The text alternative counts the places shown.
  await expect(map(page)).toHaveAttribute('aria-label', /\d+ paikkaa/);
  // A cluster of places apart from each other zooms in; tapping on reaches one place's list.
  const panel = page.getByRole('region', { name: 'Tässä paikassa' });
  await openAPlace(page, panel);
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
  // A marker is reachable and opened by keyboard (a spread cluster zooms in first).
  const panel = page.getByRole('region', { name: 'Tässä paikassa' });
  for (let i = 0; i < 8 && !(await panel.isVisible()); i++) {
    await (await inView(page)).focus();
    await page.keyboard.press('Enter');
  }
  await expect(panel).toBeVisible();
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

test('the map names the municipalities in view without overlap and shows a scale', async ({ page }) => {
  await page.goto('./?view=map&county=14');
  await expect(map(page)).toBeVisible();
  // Framed on North Karelia: its towns are named, by their text.
  for (const town of ['Joensuu', 'Lieksa', 'Nurmes']) {
    await expect(map(page).getByText(town, { exact: true })).toBeVisible();
  }
  const names = map(page).locator('.place-names text');
  const boxes = await names.evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  }));
  expect(boxes.length).toBeGreaterThan(3);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
      expect(overlap, `names ${i} and ${j} overlap`).toBe(false);
    }
  }
  await expect(page.locator('.map-scale')).toHaveText(/^\d+ k?m$/);
  // The whole country names its largest city.
  await page.getByRole('button', { name: 'Koko kartta' }).click();
  await expect(map(page).getByText('Helsinki', { exact: true })).toBeVisible();
});

/** One finger dragged from `from` to `to` as the phone's touch screen sends it. */
async function fingerDrag(page, from, to) {
  const cdp = await page.context().newCDPSession(page);
  const at = (i) => [{ x: from[0] + ((to[0] - from[0]) * i) / 12, y: from[1] + ((to[1] - from[1]) * i) / 12 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= 12; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('one finger over the map scrolls the page; on the full-screen map it pans the map', async ({ page }) => {
  await page.goto('./?view=map&county=14');
  await expect(map(page)).toBeVisible();
  await map(page).scrollIntoViewIfNeeded();
  const start = await viewBox(page);
  const y0 = await page.evaluate(() => window.scrollY);
  const b = await map(page).boundingBox();
  const [cx, cy] = [b.x + b.width / 2, Math.min(b.y + b.height / 2, 800)];
  await fingerDrag(page, [cx, cy], [cx, cy - 250]);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y0 + 50);
  expect(await viewBox(page)).toBe(start);

  await page.getByRole('button', { name: 'Kartta koko näytölle' }).click();
  const close = page.getByRole('button', { name: 'Sulje koko näytön kartta' });
  await expect(close).toBeVisible();
  const full = await map(page).boundingBox();
  expect(full.height).toBeGreaterThan(850);
  const before = await viewBox(page);
  await fingerDrag(page, [200, 500], [120, 380]);
  await expect.poll(() => viewBox(page)).not.toBe(before);
  // Escape leaves full screen, and focus returns to the button that opened it.
  await expect(close).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(close).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kartta koko näytölle' })).toBeFocused();
});

test('"you are here" is marked after near me, below the markers and not a service to tap', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  // Central Lieksa.
  await context.setGeolocation({ latitude: 63.3135, longitude: 30.025 });
  await page.goto('./?q=neuvola&county=14');
  await page.getByRole('link', { name: 'Kartta' }).click();
  await expect(map(page)).toBeVisible();
  const here = map(page).getByRole('img', { name: 'Olet tässä' });
  // Not before the family asks: the position is used only on request.
  await expect(here).toHaveCount(0);
  await page.getByRole('button', { name: 'Lähellä minua' }).click();
  await expect(here).toBeVisible();
  await expect(map(page).getByRole('button', { name: 'Olet tässä' })).toHaveCount(0);
  // Drawn before (under) the markers, so a cluster it stands on keeps its count readable, and a
  // tap on it goes through to the map.
  expect(await here.evaluate((g) => g.nextElementSibling?.classList.contains('markers'))).toBe(true);
  await expect(here).toHaveAttribute('pointer-events', 'none');
  await map(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/map-near-me.png' });
});

test('a kiosk marks its meeting place as "you are here" on the map', async ({ page }) => {
  await page.goto('./?mode=kiosk&place=lieksa-kohtaamispaikka&view=map');
  const start = page.getByRole('button', { name: /Kosketa aloittaaksesi/ });
  if (await start.isVisible()) await start.tap();
  await expect(map(page)).toBeVisible();
  await expect(map(page).getByRole('img', { name: 'Olet tässä' })).toBeVisible();
});

test('the chosen municipality\'s centre is marked and its name stands out', async ({ page }) => {
  await page.goto('./?view=map&county=14');
  await expect(map(page)).toBeVisible();
  await expect(map(page).getByRole('img', { name: /^Valittu kunta/ })).toHaveCount(0);
  await page.goto('./?view=map&municipality=422');
  await expect(map(page)).toBeVisible();
  const centre = map(page).getByRole('img', { name: 'Valittu kunta: Lieksa, keskusta' });
  await expect(centre).toBeVisible();
  const name = map(page).getByText('Lieksa', { exact: true });
  await expect(name).toBeVisible();
  // Larger than the other names, and the view is framed on it: the centre in the map's middle third.
  const size = async (l) => Number(await l.evaluate((t) => getComputedStyle(t).fontSize.replace('px', '')));
  const others = map(page).locator('.place-names text').filter({ hasNotText: /^Lieksa$/ });
  if (await others.count()) expect(await size(name)).toBeGreaterThan(await size(others.first()));
  const m = await map(page).boundingBox();
  const c = await centre.boundingBox();
  expect(Math.abs(c.x + c.width / 2 - (m.x + m.width / 2))).toBeLessThan(m.width / 3);
  expect(Math.abs(c.y + c.height / 2 - (m.y + m.height / 2))).toBeLessThan(m.height / 3);
  await map(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/map-municipality.png' });
  await expectNoAxeViolations(page);
});
