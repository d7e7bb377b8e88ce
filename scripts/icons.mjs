// Renders the app icons (public/icons/*.svg) to the PNG sizes the web app manifest and iOS need,
// with the Chromium the tests use. Run: node scripts/icons.mjs (the PNGs are committed).
import { launchChromium } from './chromium.mjs';
import { readFileSync } from 'node:fs';

const jobs = [
  ['public/icons/icon.svg', 'public/icons/icon-192.png', 192],
  ['public/icons/icon.svg', 'public/icons/icon-512.png', 512],
  ['public/icons/icon-maskable.svg', 'public/icons/icon-maskable-512.png', 512],
  ['public/icons/icon-maskable.svg', 'public/icons/apple-touch-icon-180.png', 180],
];
const browser = await launchChromium();
for (const [svg, png, size] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = readFileSync(svg, 'utf8');
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
  await page.screenshot({ path: png, omitBackground: true });
  await page.close();
  console.log(`wrote ${png}`);
}
await browser.close();
