// The kiosk's own layout (issue 19 item 3): a 1080×1920 portrait and a 1920×1080 landscape touch
// screen in an open meeting place. Large targets, no My list and no coordinators' links, "today
// here" from the catalogue, a service's QR code within the first screen, chosen services handed
// over as one QR code, and a search field that an on-screen keyboard does not cover.
import { test, expect } from '@playwright/test';
import { atFinnishTime, expectNoAxeViolations, ordinaryWeekday } from './helpers.mjs';

const KIOSK = './?mode=kiosk&place=lieksa-kohtaamispaikka';
const SIZES = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
];
const MIN = 56;

test.use({ hasTouch: true, isMobile: false });

async function start(page) {
  await page.goto(KIOSK);
  await page.getByRole('button', { name: /Kosketa aloittaaksesi/ }).tap();
  await expect(page.getByRole('heading', { name: 'Mikä tilanteesi on?' })).toBeVisible();
}

/**
 * Every visible interactive element on the page and which are at least 56 px both ways (a text
 * field: 56 px tall). Off-screen ones (the skip link until focused) are not visible targets.
 */
function measureTargets(page) {
  return page.evaluate((min) => {
    const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, [role=button], summary')];
    const seen = all
      .filter((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      .map((e) => [e, e.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth);
    const text = (e) => e.tagName === 'INPUT' && ['text', 'search', 'email', 'tel', 'url', 'number'].includes(e.type);
    const small = seen.filter(([e, r]) => (text(e) ? r.height < min : r.width < min || r.height < min));
    return {
      total: seen.length,
      ok: seen.length - small.length,
      small: small.map(([e, r]) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
    };
  }, MIN);
}

async function expectLargeTargets(page, where) {
  const m = await measureTargets(page);
  const share = m.ok / m.total;
  console.log(`${where}: ${m.ok}/${m.total} targets ≥ ${MIN} px (${(share * 100).toFixed(1)} %)${m.small.length ? `; smaller: ${m.small.join('; ')}` : ''}`);
  expect(m.total).toBeGreaterThan(5);
  expect(share, `${where}: smaller targets ${m.small.join('; ')}`).toBeGreaterThanOrEqual(0.95);
}

async function expectNoCoordinatorLinksOrMyList(page) {
  await expect(page.locator('a[href*="view=coverage"], a[href*="view=embed"], a[href*="view=mylist"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /kattavuus|Upota Perheopas|Oma lista/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tallenna listalle' })).toHaveCount(0);
}

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('start, results and a service page: large targets, no My list, no coordinator links, the QR code on the first screen', async ({ page }) => {
      await start(page);
      await expectLargeTargets(page, `${size.name} start`);
      await expectNoCoordinatorLinksOrMyList(page);
      // Life situations as big tiles.
      const tile = await page.getByRole('link', { name: 'Vauva tai taapero' }).boundingBox();
      expect(tile.height).toBeGreaterThanOrEqual(120);
      expect(tile.width).toBeGreaterThanOrEqual(240);

      await page.getByRole('link', { name: 'Vauva tai taapero' }).tap();
      await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Lastenneuvola Lieksa' })).toBeVisible();
      await expectLargeTargets(page, `${size.name} results`);
      await expectNoCoordinatorLinksOrMyList(page);

      await page.getByRole('link', { name: 'Lastenneuvola Lieksa' }).tap();
      await expect(page.getByRole('heading', { level: 1, name: 'Lastenneuvola Lieksa' })).toBeVisible();
      await expectLargeTargets(page, `${size.name} service`);
      await expectNoCoordinatorLinksOrMyList(page);
      // The code to take the service along sits beside the title, on the first screen.
      await expect(page.getByText('Skannaa ja ota mukaan')).toBeVisible();
      const qr = page.getByRole('img', { name: /QR-koodi.*Lastenneuvola Lieksa/ });
      const box = await qr.boundingBox();
      const scrolled = await page.evaluate(() => scrollY);
      expect(box.y + scrolled + box.height).toBeLessThanOrEqual(size.height);
      expect(box.width).toBeGreaterThanOrEqual(200);
      await expectNoAxeViolations(page);
    });

    test('"Today here" on the attract and start screens, from the catalogue and the clock', async ({ page }) => {
      // A Thursday: the meeting place is open 9.30–12.00 (walk in) and the parish family club
      // meets 9.30–11.30 nearby (data/services/pohjois-karjala/lieksa.toml).
      const thursday = ordinaryWeekday(4);
      await atFinnishTime(page, `${thursday.date}T08:00:00+02:00`);
      await page.goto(KIOSK);
      const attract = page.getByRole('region', { name: /^Tänään täällä · Idag här · Today here$/ });
      await expect(attract).toBeVisible();
      await expect(attract).toContainText('Lieksan perhekeskus');
      await expect(attract).toContainText('9.30–12.00');
      await expect(attract).toContainText('Perhekerho');
      await expect(attract).toContainText('9.30–11.30');
      await page.getByRole('button', { name: /Kosketa aloittaaksesi/ }).tap();
      const today = page.getByRole('region', { name: 'Tänään täällä' });
      await expect(today).toBeVisible();
      await expect(today).toContainText(`to ${thursday.dayMonth}`);
      await expect(today.getByRole('link', { name: /Perhekerho/ })).toBeVisible();
      await expect(today).toContainText('ilman ajanvarausta');
      await expectNoAxeViolations(page);
    });

    test('"Today here" on a day with nothing on says so and shows the next day that has', async ({ page }) => {
      // A Sunday: nothing in Lieksa opens; on Monday the clinics open at 8.00.
      const sunday = ordinaryWeekday(0);
      const monday = new Date(`${sunday.date}T12:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() + 1);
      await atFinnishTime(page, `${sunday.date}T10:00:00+02:00`);
      await start(page);
      const today = page.getByRole('region', { name: 'Tänään täällä' });
      await expect(today).toContainText('Tänään täällä ei ole mitään avoinna');
      await expect(today).toContainText(`ma ${monday.getUTCDate()}.${monday.getUTCMonth() + 1}.`);
      // Monday has more than fits; the rest behind "show all".
      await today.getByRole('button', { name: /^Näytä kaikki \(\d+\)$/ }).tap();
      await expect(today.getByRole('link', { name: /Lastenneuvola Lieksa/ })).toBeVisible();
      await expect(today.getByRole('link', { name: /Lastenneuvola Lieksa/ })).toContainText('8.00–16.00');
    });

    test('chosen services become one QR code that opens them in the full app', async ({ page }) => {
      await start(page);
      await page.getByRole('link', { name: 'Vauva tai taapero' }).tap();
      const card = (name) => page.getByRole('article').filter({ has: page.getByRole('link', { name, exact: true }) });
      await card('Lastenneuvola Lieksa').getByRole('button', { name: 'Valitse' }).tap();
      await expect(card('Lastenneuvola Lieksa').getByRole('button', { name: 'Valitse' })).toHaveAttribute('aria-pressed', 'true');
      await page.getByRole('link', { name: 'Äitiysneuvola Lieksa' }).tap();
      await page.getByRole('button', { name: 'Valitse' }).tap();
      const chosen = page.getByRole('region', { name: /Valitsemasi palvelut \(2\)/ });
      await expect(chosen).toBeVisible();
      await expect(chosen.getByRole('img', { name: /QR-koodi/ })).toBeVisible();
      const url = (await chosen.getByText(/view=mylist/).textContent()).trim();
      expect(url).toContain('ids=lieksa-lastenneuvola,lieksa-aitiysneuvola');
      expect(url).not.toContain('mode=kiosk');
      await expectLargeTargets(page, `${size.name} service with choices`);
      await expectNoAxeViolations(page);
      // Cleared by the visitor, the code goes.
      await chosen.getByRole('button', { name: 'Tyhjennä valinnat' }).tap();
      await expect(page.getByRole('region', { name: /Valitsemasi palvelut/ })).toHaveCount(0);
      // On the visitor's phone the address opens the full app with both services.
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: 'Jaettu lista' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Lastenneuvola Lieksa' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Äitiysneuvola Lieksa' })).toBeVisible();
    });

    test('the search field sits high, clear of an on-screen keyboard, with a large clear button inside it', async ({ page }) => {
      await start(page);
      const field = page.getByRole('searchbox', { name: 'Hae palvelua' });
      const box = await field.boundingBox();
      // An on-screen keyboard rising from the bottom edge takes up to about 45 % of the height.
      const keyboardTop = size.height * 0.55;
      expect(box.y + box.height).toBeLessThan(keyboardTop);
      expect(box.height).toBeGreaterThanOrEqual(MIN);
      await field.tap();
      await field.fill('neuvola');
      await expect(page.getByRole('heading', { level: 2, name: /palvelua$/ })).toBeVisible();
      const clear = page.getByRole('button', { name: 'Tyhjennä haku' });
      const c = await clear.boundingBox();
      expect(c.height).toBeGreaterThanOrEqual(MIN);
      expect(c.width).toBeGreaterThanOrEqual(MIN);
      expect(c.y + c.height).toBeLessThan(keyboardTop);
      // Inside the field's right end, and next after it for a keyboard or a screen reader.
      expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(c.y).toBeGreaterThanOrEqual(box.y - 1);
      await field.focus();
      await page.keyboard.press('Tab');
      await expect(clear).toBeFocused();
      await clear.tap();
      await expect(field).toHaveValue('');
      await expect(field).toBeFocused();
      await expect(clear).toHaveCount(0);
      expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    });
  });
}
