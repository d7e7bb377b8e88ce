// Privacy and security: a strict Content-Security-Policy, no request to any origin but our own,
// no cookies, and the position asked for only on request.
import { test, expect } from '@playwright/test';
import { openFilters } from './helpers.mjs';

test.use({ bypassCSP: false });

test('a journey through every view makes no request off our origin, sets no cookie, breaks no CSP rule', async ({ page, context }) => {
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).click();
  await openFilters(page);
  await page.getByLabel('Kunta tai hyvinvointialue').selectOption({ value: 'm:422' });
  await page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).click();
  await expect(page.getByRole('img', { name: 'QR-koodi, joka avaa tämän sivun' })).toBeVisible();
  await page.getByRole('button', { name: 'Tallenna listalle' }).click();
  await page.goto('./?view=map&county=14');
  await expect(page.getByRole('group', { name: /^Kartta hakutuloksista/ })).toBeVisible();
  await page.goto('./?view=embed');
  await expect(page.getByRole('heading', { level: 1, name: 'Upota Perheopas verkkosivulle' })).toBeVisible();
  await page.goto('./?view=mylist&lang=sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Min lista' })).toBeVisible();

  expect([...origins]).toEqual(['http://127.0.0.1:8181']);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
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
