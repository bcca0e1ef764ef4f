// Photo pipeline in headless Chromium: a camera-like 12 MP (4000×3000) JPEG in, the field app's
// pipeline (pwa/src/photo/process.ts: decode straight to 1600 px, watermark, JPEG ≤ 400 KB,
// 320 px thumbnail, SHA-256) out — and the same steps encoding WebP for comparison. Each at full
// speed and with Chromium's 4× CPU slowdown (what Lighthouse uses for a mid-range phone).
// Budgets: ≤ 400 KB and < 1.5 s per photo. Prints figures, never fails on time.
//   npx tsx test/bench/photo.bench.ts        (PHOTO_RUNS=5 by default)
import type { CDPSession, Page } from 'playwright-core';
import { chromiumVersion, launchChromium, PHONE } from './support/browser';
import { openHarness, type HarnessWindow } from './support/harness';
import { kb, machineLine, median, ms, printTable } from './support/stats';

const RUNS = Number(process.env.PHOTO_RUNS ?? 5);
const ORIGIN = 'http://bench.localhost';
const BUDGET_BYTES = 400 * 1024;
const BUDGET_MS = 1500;

console.log(`photo pipeline — ${chromiumVersion()}; ${machineLine()}`);
const browser = await launchChromium();
try {
  const context = await browser.newContext(PHONE);
  const page = await openHarness(context, ORIGIN);
  const cdp = await context.newCDPSession(page);

  const sources = [
    { name: 'photo-like (sensor noise)', noise: 24 },
    { name: 'smooth (little detail)', noise: 0 },
  ];
  const rows: string[][] = [['source → output', 'CPU', 'runs', 'median', 'max', 'bytes (median)', 'thumb', 'size', '≤ 400 KB', '< 1.5 s']];
  for (const src of sources) {
    // The source stays in the page (window.src) so each run starts from the same Blob.
    const srcBytes = await page.evaluate(async (noise) => {
      const w = window as unknown as HarnessWindow & { src: Blob };
      w.src = await w.harness.makeSourceJpeg({ width: 4000, height: 3000, noise, seed: 3 });
      return w.src.size;
    }, src.noise);
    console.log(`source: ${src.name}, 4000×3000 JPEG, ${kb(srcBytes, 0)}`);
    for (const slowdown of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      for (const output of ['jpeg', 'webp'] as const) {
        const results = await runs(page, output, RUNS);
        const times = results.map((r) => r.ms);
        const bytes = median(results.map((r) => r.bytes));
        rows.push([
          `${src.name} → ${output === 'jpeg' ? 'JPEG (app)' : 'WebP (compare)'}`,
          `${slowdown}×`,
          String(RUNS),
          ms(median(times)),
          ms(Math.max(...times)),
          kb(bytes),
          kb(median(results.map((r) => r.thumbBytes))),
          `${results[0]!.width}×${results[0]!.height}`,
          bytes <= BUDGET_BYTES ? 'yes' : 'NO',
          Math.max(...times) < BUDGET_MS ? 'yes' : 'NO',
        ]);
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  console.log('');
  printTable(rows);
  console.log('\n(CPU 4× = Chromium CPU throttling; image decode and encode partly run off the main thread, so it slows them less than a real cheap phone would.)');
  await detach(cdp);
} finally {
  await browser.close();
}

async function runs(page: Page, output: 'jpeg' | 'webp', n: number) {
  const fn = async (kind: 'jpeg' | 'webp') => {
    const w = window as unknown as HarnessWindow & { src: Blob };
    return kind === 'jpeg' ? w.harness.pipelineJpeg(w.src) : w.harness.pipelineWebp(w.src);
  };
  await page.evaluate(fn, output); // warm-up (code, decoder, encoder)
  const out = [];
  for (let i = 0; i < n; i++) out.push(await page.evaluate(fn, output));
  return out;
}

async function detach(cdp: CDPSession) {
  await cdp.detach().catch(() => {});
}
