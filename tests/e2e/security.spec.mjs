// Privacy and security: a strict Content-Security-Policy, no request to any origin but our own,
// no cookies, and the position asked for only on request.
import { test, expect } from '@playwright/test';
import { openFilters, showResults } from './helpers.mjs';

test.use({ bypassCSP: false });

const APP = 'http://127.0.0.1:8181';
const HOST = 'http://127.0.0.1:8282/';

/**
 * Hears every Content-Security-Policy violation of every document the page shows, in every frame
 * (the widget's frame on a host page, the embed builder's preview), from the first view to the
 * last. A listener put in each document before its own scripts run hands each violation to the
 * test at once, so one on a page left behind is not lost with that page, and one in a frame is
 * not missed by a listener on the top page. `step(name)` labels what follows.
 */
async function cspViolations(page) {
  const found = [];
  let step = 'start';
  await page.exposeBinding('__perheopasCspViolation', (_source, v) => found.push(`[${step}] ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const sample = e.sample ? ` "${e.sample}"` : '';
      const where = e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '';
      window.__perheopasCspViolation(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}${sample} in ${document.location.href}${where}`);
    });
  });
  return {
    found,
    /** Lets every frame finish what it was doing, so its violations are reported, then names the next step. */
    async step(name) {
      await settle(page);
      step = name;
    },
  };
}

/** A violation event is queued as a task: let every frame run its tasks before moving on. */
async function settle(page) {
  await Promise.all(page.frames().map((f) => f.evaluate(() => new Promise((r) => setTimeout(r, 50))).catch(() => {})));
}

// Views reached by a plain address, each with its main heading. Views added later belong here.
const MORE_VIEWS = [
  { name: 'safe browsing', url: './?view=safety', heading: 'Selaa turvallisesti' },
  { name: 'crisis help', url: './?view=help', heading: 'Apua heti – soita' },
];

test('a walk through every view and mode makes no request off our origin, sets no cookie, breaks no CSP rule', async ({ page, context }) => {
  test.setTimeout(120_000);
  const csp = await cspViolations(page);
  const offOrigin = [];
  let onHost = false;
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (origin === APP) return;
    // The host page itself comes from its own origin; everything else, its widget included, from ours.
    if (onHost && origin === new URL(HOST).origin && r.isNavigationRequest() && r.frame() === page.mainFrame()) return;
    offOrigin.push(r.url());
  });

  await csp.step('start');
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.getByRole('link', { name: 'Odotamme vauvaa' })).toBeVisible();

  await csp.step('results');
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).click();
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'm:422' });
  await showResults(page);
  await expect(page.getByRole('link', { name: 'Äitiysneuvola Lieksa' })).toBeVisible();

  await csp.step('service page with QR code');
  await page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(page.getByRole('img', { name: 'QR-koodi, joka avaa tämän sivun' })).toBeVisible();
  await page.getByRole('button', { name: 'Tallenna listalle' }).click();

  await csp.step('map');
  await page.goto('./?view=map&county=14');
  await expect(page.getByRole('group', { name: /^Kartta hakutuloksista/ })).toBeVisible();

  await csp.step('my list');
  await page.goto('./?view=mylist&lang=sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Min lista' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^QR-kod/ })).toBeVisible();

  await csp.step('embed builder with its preview');
  await page.goto('./?view=embed');
  await expect(page.getByRole('heading', { level: 1, name: 'Upota Perheopas verkkosivulle' })).toBeVisible();
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: '422' });
  await expect(page.frameLocator('iframe[title="Esikatselu"]').getByRole('button', { name: 'Poista rajaus: Lieksa' })).toBeVisible();

  await csp.step('coverage');
  await page.goto('./?view=coverage');
  await expect(page.getByRole('heading', { level: 1, name: 'Palveluverkon kattavuus' })).toBeVisible();

  await csp.step('accessibility statement');
  await page.goto('./?view=accessibility');
  await expect(page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeVisible();

  for (const view of MORE_VIEWS) {
    await csp.step(view.name);
    await page.goto(view.url);
    await expect(page.getByRole('heading', { level: 1, name: view.heading })).toBeVisible();
  }

  await csp.step('widget in a host page');
  onHost = true;
  await page.goto(HOST);
  const frame = page.frameLocator('iframe[title="Perheopas: Lieksan palvelut"]');
  await page.getByTitle('Perheopas: Lieksan palvelut').scrollIntoViewIfNeeded();
  await frame.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  await frame.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(frame.getByRole('img', { name: 'QR-koodi, joka avaa tämän sivun' })).toBeVisible();
  await page.getByTitle('Perheopas: Norra Savolax').scrollIntoViewIfNeeded();
  await expect(page.frameLocator('iframe[title="Perheopas: Norra Savolax"]').getByRole('button', { name: 'Ta bort avgränsningen: Stöd vid behov' })).toBeVisible();

  await csp.step('kiosk');
  onHost = false;
  await page.goto('./?mode=kiosk&place=lieksa-kohtaamispaikka&idle=6');
  await page.getByRole('button', { name: /Kosketa aloittaaksesi/ }).tap();
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).tap();
  await page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  await page.getByText('Varaa aika', { exact: true }).locator('..').getByRole('button', { name: 'Avaa puhelimella' }).tap();
  await expect(page.getByText('Avaa puhelimellasi: skannaa koodi')).toBeVisible();
  await csp.step('kiosk countdown and reset');
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('button', { name: /Kosketa aloittaaksesi/ })).toBeVisible({ timeout: 15_000 });
  await csp.step('end');

  expect(offOrigin).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(csp.found).toEqual([]);
});

test('the violation collector hears pages left behind and frames, which a list on the last page did not', async ({ page }) => {
  const csp = await cspViolations(page);
  // The old way: a list in each document, read on the last one.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective));
  });
  const inlineScript = () => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true;';
    document.head.append(s);
  };
  await page.goto('./?view=coverage');
  await expect(page.getByRole('heading', { level: 1, name: 'Palveluverkon kattavuus' })).toBeVisible();
  await page.evaluate(inlineScript);
  await csp.step('in the widget');
  await page.goto(HOST);
  await expect(page.frameLocator('iframe[title="Perheopas: Lieksan palvelut"]').getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
  const frame = await (await page.getByTitle('Perheopas: Lieksan palvelut').elementHandle()).contentFrame();
  await frame.evaluate(inlineScript);
  await csp.step('last page');
  await page.goto('./?view=accessibility');
  await expect(page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeVisible();
  await csp.step('end');

  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(csp.found).toEqual([
    expect.stringMatching(/^\[start\] script-src-elem refused inline in http:\/\/127\.0\.0\.1:8181\/\?view=coverage/),
    expect.stringMatching(/^\[in the widget\] script-src-elem refused inline in http:\/\/127\.0\.0\.1:8181\/\?.*mode=widget/),
  ]);
});

test('the position is not asked for until the user taps "near me"', async ({ page, context }) => {
  await context.addInitScript(() => {
    window.__asked = 0;
    const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...args) => {
      window.__asked += 1;
      return original(...args);
    };
  });
  await page.goto('./?view=map&county=14');
  await expect(page.getByRole('group', { name: /^Kartta hakutuloksista/ })).toBeVisible();
  expect(await page.evaluate(() => window.__asked)).toBe(0);
  await page.getByRole('button', { name: 'Lähellä minua' }).click();
  expect(await page.evaluate(() => window.__asked)).toBe(1);
});
