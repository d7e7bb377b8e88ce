// axe-core (WCAG 2.0 / 2.1 A and AA) on the start view, a result list and a service page.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, openFilters } from './helpers.mjs';

for (const [name, url] of [
  ['start view', './'],
  ['start view in Swedish', './?lang=sv'],
  ['results with filters open', './?age=pregnancy&municipality=422'],
  ['service page', './?service=lieksa-aitiysneuvola'],
  ['my list', './?view=mylist'],
]) {
  test(`no accessibility violations: ${name}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (url.includes('municipality')) await openFilters(page);
    await expectNoAxeViolations(page);
  });
}
