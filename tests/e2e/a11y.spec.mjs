// axe-core (WCAG 2.0 / 2.1 A and AA) on the start view, a result list and a service page.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openFilters } from './helpers.mjs';

for (const [name, url] of [
  ['start view', './'],
  ['start view in Swedish', './?lang=sv'],
  ['results with filters open', './?age=pregnancy&municipality=422'],
  ['service page', './?service=lieksa-aitiysneuvola'],
  ['my list', './?view=mylist'],
  ['accessibility statement', './?view=accessibility'],
  ['embed builder', './?view=embed'],
  ['service page in English', './?service=lieksa-aitiysneuvola&lang=en'],
]) {
  test(`no accessibility violations: ${name}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (url.includes('municipality')) await openFilters(page);
    await expectNoAxeViolations(page);
  });
}

test('the accessibility statement names a feedback channel and the supervisory authority', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Saavutettavuusseloste' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'saavutettavuus@perheopas.example' })).toHaveAttribute('href', 'mailto:saavutettavuus@perheopas.example');
  await expect(page.getByText(/Traficom/)).toBeVisible();
});

// WCAG 1.4.10 reflow: 320 CSS px wide (a 1280 px screen at 400 %, a 640 px one at 200 %).
test('at 320 px and at 200 % zoom nothing is cut off sideways', async ({ page }) => {
  for (const [width, url] of [
    [320, './?age=pregnancy&municipality=422'],
    [320, './?service=lieksa-aitiysneuvola'],
    [320, './?view=map&county=14'],
    [640, './?view=list'],
  ]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
  }
});
