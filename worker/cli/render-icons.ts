// Renders the PWA icons (192, 512, maskable 512, apple-touch 180) with Debian Chromium, so the
// app icon uses a real CJK face without shipping a font. Run: npx tsx worker/cli/render-icons.ts
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const OUT = 'pwa/public/icons';
const RED = '#b3261e';

function html(size: number, maskable: boolean): string {
  // Maskable icons keep the glyph inside the central 80% safe zone and bleed the background.
  const radius = maskable ? 0 : Math.round(size * 0.18);
  const glyph = Math.round(size * (maskable ? 0.5 : 0.62));
  return `<!doctype html><html><body style="margin:0;background:transparent">
  <div id="i" style="width:${size}px;height:${size}px;border-radius:${radius}px;background:${RED};
    display:flex;align-items:center;justify-content:center;color:#fff;
    font:700 ${glyph}px 'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;line-height:1">督</div></body></html>`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
mkdirSync(OUT, { recursive: true });
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(html(size, maskable));
  await page.locator('#i').screenshot({ path: `${OUT}/${name}`, omitBackground: true });
}
await browser.close();
console.log(`icons written to ${OUT}`);
