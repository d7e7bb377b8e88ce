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

// --- What the frame may do, what it hands on, and the way out (issue 16, items 8) -------------

const APP_ORIGIN = 'http://127.0.0.1:8181';
const HOST_ORIGIN = 'http://127.0.0.1:8282';
const NEUTRAL_SITE = 'https://www.ilmatieteenlaitos.fi/';
const LIEKSA = 'Perheopas: Lieksan palvelut';

const frameOf = async (page, title) => (await page.getByTitle(title).elementHandle()).contentFrame();

test.describe('with the position shared', () => {
  // Lieksa's centre.
  test.use({ geolocation: { latitude: 63.3167, longitude: 30.0167 } });

  test('the frame may use the position, Web Share and the clipboard: "near me" finds the user', async ({ page, context }) => {
    // The browser asks in the host site's name: the user grants the position to the page they
    // are on, and the frame's `allow` list passes it on to the widget.
    await context.grantPermissions(['geolocation'], { origin: HOST_ORIGIN });
    await page.goto(HOST);
    await expect(page.getByTitle(LIEKSA)).toHaveAttribute('allow', 'geolocation; web-share; clipboard-write');
    const lieksa = await widget(page, LIEKSA);
    const frame = await frameOf(page, LIEKSA);
    // Inside, the frame's own policy allows each feature this browser knows (Chromium on Linux
    // has no Web Share; the stubbed share below stands in for it).
    const policy = await frame.evaluate(() => {
      const known = document.featurePolicy.features();
      return ['geolocation', 'web-share', 'clipboard-write'].filter((f) => known.includes(f)).map((f) => [f, document.featurePolicy.allowsFeature(f)]);
    });
    expect(policy).toContainEqual(['geolocation', true]);
    expect(policy).toContainEqual(['clipboard-write', true]);
    expect(policy.filter(([, allowed]) => !allowed)).toEqual([]);
    await lieksa.frame.getByRole('link', { name: 'Kartta' }).click();
    await expect(lieksa.frame.getByRole('group', { name: /^Kartta hakutuloksista/ })).toBeVisible();
    await lieksa.frame.getByRole('button', { name: 'Lähellä minua' }).click();
    await expect(lieksa.frame.getByText(/^Olet lähellä kuntaa Lieksa/)).toBeVisible();
    await expect(lieksa.frame.getByText(/^Sijaintia ei saatu/)).toHaveCount(0);
  });
});

test("a service shared from the widget, as a link or a QR code, opens in the full app with the search kept", async ({ page, context }) => {
  // What the share sheet would be handed, in every frame.
  await context.addInitScript(() => {
    navigator.share = async (data) => {
      window.__shared = data.url;
    };
  });
  await page.goto(HOST);
  const lieksa = await widget(page, LIEKSA);
  await lieksa.frame.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await lieksa.frame.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(lieksa.frame.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  await lieksa.frame.getByRole('button', { name: 'Jaa linkki' }).click();
  const frame = await frameOf(page, LIEKSA);
  await expect.poll(() => frame.evaluate(() => window.__shared ?? null)).not.toBeNull();
  const shared = new URL(await frame.evaluate(() => window.__shared));
  expect(shared.origin).toBe(APP_ORIGIN);
  expect(shared.searchParams.get('service')).toBe('lieksa-aitiysneuvola');
  expect(shared.searchParams.get('q')).toBe('neuvola');
  expect(shared.searchParams.get('municipality')).toBe('422');
  expect(shared.searchParams.get('lang')).toBe('fi');
  for (const widgetParam of ['mode', 'header', 'compact', 'accent', 'links']) expect(shared.searchParams.has(widgetParam)).toBe(false);
  const qrInWidget = await lieksa.frame.getByRole('img', { name: 'QR-koodi, joka avaa tämän sivun' }).innerHTML();

  // The link opens the full app: header, language switch, the way back to the same search.
  const phone = await context.newPage();
  await phone.goto(shared.href);
  await expect(phone.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  await expect(phone.locator('body')).toHaveClass(/mode-app/);
  await expect(phone.getByRole('link', { name: 'Perheopas', exact: true })).toBeVisible();
  // The widget's QR code is the very code of this address (the app's own code of its own page).
  expect(await phone.getByRole('img', { name: 'QR-koodi, joka avaa tämän sivun' }).innerHTML()).toBe(qrInWidget);
  await phone.getByRole('link', { name: /Takaisin hakutuloksiin/ }).click();
  await expect(phone.getByRole('searchbox', { name: 'Hae palvelua' })).toHaveValue('neuvola');
});

test.describe('quick exit on the host page', () => {
  test.beforeEach(async ({ page }) => {
    // The neutral site, served locally: no network in the tests.
    await page.route(`${NEUTRAL_SITE}**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="fi"><title>Sää</title><h1>Sää</h1></html>' }),
    );
  });

  test('stays in sight while the widget is scrolled on a phone, and leaves for the neutral site', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 915 });
    await page.goto(HOST);
    const history = await page.evaluate(() => history.length);
    const lieksa = await widget(page, LIEKSA);
    const exit = page.getByRole('button', { name: 'Poistu nopeasti' });
    await expect(exit).toHaveCount(1);
    // Deep in the widget: its own button has scrolled away with the frame.
    await page.evaluate(() => {
      const f = document.querySelector('iframe[title="Perheopas: Lieksan palvelut"]');
      window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + 1200);
    });
    await expect(lieksa.frame.getByRole('button', { name: 'Poistu nopeasti' })).not.toBeInViewport();
    await expect(exit).toBeInViewport({ ratio: 1 });
    const box = await exit.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    // …over the widget, not over the host's own content.
    const frameBox = await lieksa.el.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(frameBox.y);
    expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    await page.screenshot({ path: '/tmp/shots/widget-exit-scrolled.png' }).catch(() => {});
    await exit.click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    // The host page's entry was replaced: "back" does not return to it.
    expect(await page.evaluate(() => history.length)).toBe(history);
  });

  test('is reached by keyboard just before the widget, speaks its language, and goes with the widgets', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 915 });
    await page.goto(HOST);
    await widget(page, 'Perheopas: Norra Savolax');
    await page.evaluate(() => {
      const f = document.querySelector('iframe[title="Perheopas: Norra Savolax"]');
      window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + 400);
    });
    const sv = page.getByRole('button', { name: 'Lämna snabbt' });
    await expect(sv).toHaveAttribute('lang', 'sv');
    await expect(sv).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: '/tmp/shots/widget-exit-sv.png' }).catch(() => {});
    // Down in the host's footer, no widget on screen: nothing of ours over the host's page.
    await page.evaluate(() => document.querySelector('.host-footer').scrollIntoView({ block: 'start' }));
    await expect(page.getByText('Pielisentie 7, 81700 Lieksa.')).toBeInViewport();
    const fi = page.getByRole('button', { name: 'Poistu nopeasti' });
    for (const exit of [fi, sv]) await expect.poll(async () => (await exit.boundingBox())?.height ?? 0).toBeLessThan(2);
    // At the top the widget's own button is in sight: ours stays out of the way…
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.frameLocator(`iframe[title="${LIEKSA}"]`).getByRole('button', { name: 'Poistu nopeasti' })).toBeInViewport();
    await expect.poll(async () => (await fi.boundingBox())?.height ?? 0).toBeLessThan(2);
    await page.screenshot({ path: '/tmp/shots/widget-top.png' }).catch(() => {});
    // …until the keyboard comes to it: Tab from the host's own button, and the next stop is the
    // exit, just before the widget's frame.
    await page.locator('#host-button').focus();
    await page.keyboard.press('Tab');
    await expect(fi).toBeFocused();
    await expect(fi).toBeInViewport({ ratio: 1 });
    expect((await fi.boundingBox()).height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: '/tmp/shots/widget-exit-focused.png' }).catch(() => {});
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(NEUTRAL_SITE);
  });

  test('a host with an exit of its own turns it off with data-exit="0"', async ({ page }) => {
    await page.goto(`${HOST}tab.html`);
    await expect(page.frameLocator('iframe[title="Tab"]').getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
  });
});

test.describe('a widget on a phone, below the host page\'s own content', () => {
  test.use({ viewport: { width: 412, height: 915 } });
  const TITLE = 'Perheopas puhelimessa';

  test('opening a service brings its title into view; the first load does not move the host page', async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${HOST}phone.html`);
    const frame = page.frameLocator(`iframe[title="${TITLE}"]`);
    await expect(frame.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
    // Loading the widget did not scroll the page the family is reading.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // A service far down the results: the link is tapped where the reader scrolled to.
    const link = frame.getByRole('article').last().getByRole('link').first();
    const name = (await link.textContent()).trim();
    await link.click();
    const title = frame.getByRole('heading', { level: 1, name });
    await expect(title).toBeAttached();
    await expect(title).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: '/tmp/shots/widget-phone-service.png' }).catch(() => {});
    expect(errors).toEqual([]);
  });

  test('only the widget\'s own frame moves the host page, and only with a well-formed message', async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${HOST}phone.html`);
    const frame = page.frameLocator(`iframe[title="${TITLE}"]`);
    await expect(frame.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
    const widget = page.frames().find((f) => f.url().includes('mode=widget'));
    // Malformed messages from the widget's own frame: ignored, nothing thrown.
    await widget.evaluate(() => {
      for (const m of [null, 'perheopas-scroll', 42, { type: 'perheopas-scroll' }, { type: 'perheopas-scroll', top: '500' },
        { type: 'perheopas-scroll', top: -5 }, { type: 'perheopas-scroll', top: Infinity }, { type: 'perheopas-height', height: 'tall' }]) {
        parent.postMessage(m, '*');
      }
    });
    // A well-formed message from another frame of the widget's own origin: not ours, ignored.
    await page.evaluate(() => new Promise((resolve) => {
      const other = document.createElement('iframe');
      other.src = 'http://127.0.0.1:8181/manifest.webmanifest';
      other.title = 'Other';
      other.onload = resolve;
      document.body.append(other);
    }));
    const other = page.frames().find((f) => f.url().endsWith('manifest.webmanifest'));
    await other.evaluate(() => parent.postMessage({ type: 'perheopas-scroll', top: 400 }, '*'));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The same message from the widget's frame scrolls its title into view.
    await widget.evaluate(() => parent.postMessage({ type: 'perheopas-scroll', top: 400 }, '*'));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
    expect(errors).toEqual([]);
  });
});
