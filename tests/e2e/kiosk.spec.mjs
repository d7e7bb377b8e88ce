// Kiosk mode in an open meeting place: portrait 1080×1920, touch only.
import { test, expect } from '@playwright/test';
import { countOf, expectNoAxeViolations } from './helpers.mjs';

test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false });

const KIOSK = './?mode=kiosk&place=lieksa-kohtaamispaikka';

async function start(page, url = KIOSK, heading = 'Mikä tilanteesi on?') {
  await page.goto(url);
  await page.getByRole('button', { name: /Kosketa aloittaaksesi/ }).tap();
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

test('a visitor taps through to a service, with distances from the meeting place', async ({ page }) => {
  await start(page);
  await expect(page.getByText('Olet tässä: Lieksan perhekeskus')).toBeVisible();
  await page.getByRole('link', { name: 'Vauva tai taapero' }).tap();
  // The area is the meeting place's own municipality.
  await expect(page.getByRole('button', { name: 'Poista rajaus: Lieksa' })).toBeVisible();
  expect(await countOf(page)).toBeGreaterThan(3);
  await expect(page.getByText(/^\d+,\d km täältä$/).first()).toBeVisible();
  await page.getByRole('link', { name: 'Lastenneuvola Lieksa' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Lastenneuvola Lieksa' })).toBeVisible();
  // Touch targets are at least 48 px tall.
  for (const button of await page.getByRole('button').all()) {
    const box = await button.boundingBox();
    if (box) expect(box.height).toBeGreaterThanOrEqual(48);
  }
});

test('phone numbers and web links become QR codes and never navigate away', async ({ page }) => {
  await start(page, `${KIOSK}&service=lieksa-aitiysneuvola`, 'Äitiysneuvola Lieksa');
  await expect(page.getByRole('heading', { level: 1, name: 'Äitiysneuvola Lieksa' })).toBeVisible();
  await expect(page.locator('a[href^="tel:"], a[href^="mailto:"], a[href^="https:"]')).toHaveCount(0);
  const booking = page.getByText('Varaa aika', { exact: true }).locator('..').getByRole('button', { name: 'Avaa puhelimella' });
  await booking.tap();
  await expect(page.getByText('Avaa puhelimellasi: skannaa koodi')).toBeVisible();
  await expect(page.getByText('https://siunsote.perheopas.example/ajanvaraus')).toBeVisible();
  // The phone number is printed as well as coded.
  await expect(page.getByText('013 000 1090')).toBeVisible();
  expect(new URL(page.url()).host).toBe('127.0.0.1:8181');
});

test('after the idle time a countdown resets everything and leaves no trace', async ({ page }) => {
  await start(page, `${KIOSK}&idle=5`);
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).tap();
  // A kiosk keeps no list; what a visitor chooses is held for the QR code only.
  await page.getByRole('button', { name: 'Valitse' }).first().tap();
  await expect(page.getByRole('region', { name: 'Valitsemasi palvelut (1)' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('neuvola');
  // The countdown appears and, untouched, runs out.
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('button', { name: /Kosketa aloittaaksesi/ })).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  // Every step replaced the kiosk's one history entry; nothing to go "back" to.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(page.url()).not.toContain('neuvola');
  expect(page.url()).not.toContain('age=');
  await page.getByRole('button', { name: /Kosketa aloittaaksesi/ }).tap();
  await expect(page.getByRole('heading', { name: 'Mikä tilanteesi on?' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Oma lista \(0\)/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /Valitsemasi palvelut/ })).toHaveCount(0);
});

test('touching during the countdown keeps the visitor where they are', async ({ page }) => {
  await start(page, `${KIOSK}&idle=5`);
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).tap();
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Jatka' }).tap();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page).toHaveURL(/age=pregnancy/);
});

test('no accessibility violations in kiosk mode, portrait and landscape', async ({ page }) => {
  await start(page);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('link', { name: 'Odotamme vauvaa' }).tap();
  await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
