// Screenshot of a page for looking at the UI: node scripts/screenshot.mjs URL OUT.png WIDTH HEIGHT
import { launchChromium } from './chromium.mjs';
const [url, out, w, h, full] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, deviceScaleFactor: 1 });
const logs = [];
page.on('console', m => logs.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', e => logs.push(`pageerror: ${e}`));
await page.goto(url);
await page.waitForTimeout(2500);
await page.screenshot({ path: out, fullPage: full === 'full' });
console.log(logs.join('\n'));
await browser.close();
