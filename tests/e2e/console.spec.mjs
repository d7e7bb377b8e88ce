// The site as served — dist/ by tests/serve.mjs, exactly as scripts/run.sh serves it — logs no
// error to the console and breaks no rule of its own Content-Security-Policy: on the start page,
// a results page and a service page. (Trunk's live-reload script, which `trunk serve` injects
// inline, was one such error on every page.)
import { test, expect } from '@playwright/test';
import { resultCount } from './helpers.mjs';

// The policy in force, as in a real browser (the config bypasses it for axe-core).
test.use({ bypassCSP: false });

/** Records console errors, uncaught exceptions and CSP violations of `page` from its first script on. */
async function watch(page, context) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return errors;
}

/** Waits until the app has settled: network quiet and the service worker registered. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
}

for (const [name, url, ready] of [
  ['start page', './', (page) => page.getByRole('link', { name: 'Odotamme vauvaa' })],
  ['results page', './?q=neuvola', (page) => resultCount(page)],
  ['service page', './?service=lieksa-aitiysneuvola', (page) => page.getByRole('heading', { level: 1, name: /Äitiysneuvola/ })],
]) {
  test(`${name} (${url}): no console error, no CSP violation`, async ({ page, context }) => {
    const errors = await watch(page, context);
    const response = await page.goto(url);
    expect(response.status()).toBe(200);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    await expect(ready(page)).toBeVisible();
    await settle(page);
    expect(await page.evaluate(() => window.__csp), 'CSP violations').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });
}

test('the watch sees what it is there for: an injected inline script is refused and reported', async ({ page, context }) => {
  const errors = await watch(page, context);
  await page.goto('./');
  await expect(page.getByRole('link', { name: 'Odotamme vauvaa' })).toBeVisible();
  // What a dev server's live-reload script amounts to: inline code added to the page.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true;';
    document.head.append(s);
  });
  await expect.poll(() => page.evaluate(() => window.__csp.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  expect(await page.evaluate(() => window.__csp[0])).toMatch(/^script-src/);
  await expect.poll(() => errors.some((e) => /Content Security Policy/.test(e))).toBe(true);
});
