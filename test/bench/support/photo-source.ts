// The photo a phone uploads, for load benchmarks: made once by Chromium through the harness.
import { launchChromium } from '../../support/browser';
import { openHarness, type HarnessWindow } from '../../support/harness';

/** A camera-like 1600×1200 JPEG (what the phone uploads), made by Chromium. */
export async function makePhoto(): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await openHarness(context, 'http://bench.localhost');
    const b64 = await page.evaluate(async () => {
      const blob = await (window as unknown as HarnessWindow).harness.makeSourceJpeg({ width: 1600, height: 1200, noise: 12, quality: 0.8 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(bin);
    });
    return Buffer.from(b64, 'base64');
  } finally {
    await browser.close();
  }
}
