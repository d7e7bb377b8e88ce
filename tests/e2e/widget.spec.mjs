// The widget on a municipal page of another origin: two presets, auto-height, search inside,
// the host left alone, no accessibility violations inside.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const HOST = 'http://127.0.0.1:8282/';

async function widget(page, title) {
  const el = page.getByTitle(title);
  await el.scrollIntoViewIfNeeded();
  const frame = page.frameLocator(`iframe[title="${title}"]`);
  await expect(frame.getByRole('heading', { level: 2, name: /palvelua$|tjänster$/ })).toBeVisible();
  return { el, frame };
}

test('two widgets with different presets, each searchable, heights following content', async ({ page }) => {
  await page.goto(HOST);
  const lieksa = await widget(page, 'Perheopas: Lieksan palvelut');
  await expect(lieksa.frame.getByRole('button', { name: 'Poista rajaus: Lieksa' })).toBeVisible();
  const savo = await widget(page, 'Perheopas: Norra Savolax');
  await expect(savo.frame.getByRole('button', { name: 'Ta bort avgränsningen: Stöd vid behov' })).toBeVisible();
  await expect(savo.frame.getByRole('button', { name: /Ta bort avgränsningen: Norra Savolax/ })).toBeVisible();

  // Auto-height: a search with no results makes the widget shorter, clearing it taller again.
  await lieksa.el.scrollIntoViewIfNeeded();
  const before = (await lieksa.el.boundingBox()).height;
  await lieksa.frame.getByRole('searchbox', { name: 'Hae palvelua' }).fill('zzzzqqq');
  await expect(lieksa.frame.getByRole('heading', { level: 2, name: 'Ei palveluja näillä rajauksilla' })).toBeVisible();
  await expect.poll(async () => (await lieksa.el.boundingBox()).height).toBeLessThan(before - 200);
  const frameHeight = await lieksa.el.evaluate((f) => f.contentDocument?.documentElement.scrollHeight ?? -1);
  expect(frameHeight).toBe(-1); // cross-origin: the host cannot read it, the widget tells it
  const empty = (await lieksa.el.boundingBox()).height;
  await lieksa.frame.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await expect.poll(async () => (await lieksa.el.boundingBox()).height).toBeGreaterThan(empty + 200);
  await expect(lieksa.frame.getByRole('link', { name: 'Äitiysneuvola Lieksa' })).toBeVisible();
});

test('the host page keeps its styles, scripts and history', async ({ page }) => {
  await page.goto(HOST);
  const start = await page.evaluate(() => history.length);
  const lieksa = await widget(page, 'Perheopas: Lieksan palvelut');
  await lieksa.frame.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await lieksa.frame.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(lieksa.frame.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  // Focus moves to the service's name inside the widget.
  await expect(lieksa.frame.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeFocused();
  await lieksa.frame.getByRole('link', { name: /Takaisin hakutuloksiin/ }).click();
  await expect(lieksa.frame.getByRole('searchbox', { name: 'Hae palvelua' })).toHaveValue('neuvola');

  expect(await page.evaluate(() => history.length)).toBe(start);
  expect(page.url()).toBe(HOST);
  expect(await page.evaluate(() => window.hostValue)).toBe(42);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(128, 0, 0)');
  await expect(page.locator('#host-button')).toHaveCSS('background-color', 'rgb(255, 0, 0)');
  // …and the host's red buttons do not leak into the widget.
  await expect(lieksa.frame.getByRole('button', { name: 'Tallenna listalle' }).first()).not.toHaveCSS('background-color', 'rgb(255, 0, 0)');
});

test('the accent colour is applied with readable text, bad attributes are reported', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${HOST}bad.html`);
  const frame = page.frameLocator('iframe[title="Bad"]');
  await expect(frame.getByText('Osaa linkin rajauksista ei tunnistettu')).toBeVisible();
  await expect(frame.getByText('area=99999')).toBeVisible();
  await expect(frame.getByText('accent=#ffff66')).toBeVisible();
  expect(warnings.some((w) => w.includes('data-colour'))).toBe(true);

  await page.goto(HOST);
  const savo = await widget(page, 'Perheopas: Norra Savolax');
  await expect(savo.frame.locator('body')).toHaveClass(/compact/);
  await expect(savo.frame.locator('.site-header')).toHaveCSS('background-color', 'rgb(0, 102, 68)');
});

test('services can open in a new tab as the full app', async ({ page, context }) => {
  await page.goto(`${HOST}tab.html`);
  const frame = page.frameLocator('iframe[title="Tab"]');
  const link = frame.getByRole('link').filter({ hasText: 'Äitiysneuvola Lieksa' });
  await expect(link).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(tab).toHaveURL(/service=lieksa-aitiysneuvola/);
  await expect(tab).not.toHaveURL(/mode=widget/);
});

test('no accessibility violations inside the widgets', async ({ page }) => {
  await page.goto(HOST);
  for (const title of ['Perheopas: Lieksan palvelut', 'Perheopas: Norra Savolax']) {
    await widget(page, title);
    const frame = page.frames().find((f) => f.url().includes('mode=widget') && f.url().includes(title.includes('Lieksa') ? '422' : 'lang=sv'));
    await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await frame.evaluate(async () =>
      // eslint-disable-next-line no-undef
      (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`),
    );
    expect(violations).toEqual([]);
  }
});

test('the embed page builds a snippet that works pasted into a plain page', async ({ page }) => {
  await page.goto('./?view=embed');
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: '422' });
  await page.getByLabel('Elämäntilanne').selectOption({ value: 'expecting' });
  const snippet = await page.locator('pre').textContent();
  expect(snippet).toContain('data-area="422"');
  expect(snippet).toContain('data-situation="expecting"');
  expect(snippet).toContain('embed.js');
  // A plain page on the host's own server with nothing but the pasted snippet.
  writeFileSync('tests/host/pasted.html', `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Pasted</title></head><body>${snippet}</body></html>`);
  await page.goto(`${HOST}pasted.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('button', { name: 'Poista rajaus: Raskausaika' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Poista rajaus: Lieksa' })).toBeVisible();
});
