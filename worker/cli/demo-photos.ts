// Photos for the demo history, made by the PWA's own photo pipeline (pwa/src/photo) in headless
// Chromium through playwright-core, so their watermark band is the real one. Without a Chromium
// (a fresh machine with no /usr/bin/chromium and no CHROMIUM_PATH) there are no demo photos:
// the reports are seeded without them and npm start says so — nothing else needs a browser.
import { existsSync } from 'node:fs';
import type { DemoPhotoJob, DemoPhotoResult } from '../../pwa/src/photo/demo-scene';

export type { DemoPhotoJob };
export interface DemoPhoto {
  full: Uint8Array;
  thumb: Uint8Array;
  sha256: string;
  thumbSha256: string;
}

/** CHROMIUM_PATH=none seeds as a machine without a browser would (to try the fallback). */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH === 'none') return null;
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Renders the jobs, or returns null (with the reason) when no browser can be used. */
export async function renderDemoPhotos(jobs: DemoPhotoJob[]): Promise<{ photos: DemoPhoto[] } | { photos: null; reason: string }> {
  if (jobs.length === 0) return { photos: [] };
  const executablePath = chromiumPath();
  if (!executablePath) return { photos: null, reason: '未找到 Chromium（/usr/bin/chromium 或 CHROMIUM_PATH）' };
  let browser: import('playwright-core').Browser | null = null;
  try {
    const [{ chromium }, { build }] = await Promise.all([import('playwright-core'), import('esbuild')]);
    const bundle = await build({ entryPoints: ['pwa/src/photo/demo-scene.ts'], bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'silent' });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless=new'] });
    const page = await browser.newPage();
    // A localhost page (served by the route below, no server) is a secure context: the
    // pipeline's SHA-256 needs crypto.subtle, which about:blank lacks.
    await page.route('http://localhost/demo-photos', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>demo photos</title>' }));
    await page.goto('http://localhost/demo-photos');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const results = await page.evaluate(
      (js) => (globalThis as unknown as { renderDemoPhotos: (j: DemoPhotoJob[]) => Promise<DemoPhotoResult[]> }).renderDemoPhotos(js),
      jobs,
    );
    return {
      photos: results.map((r) => ({
        full: new Uint8Array(Buffer.from(r.full, 'base64')),
        thumb: new Uint8Array(Buffer.from(r.thumb, 'base64')),
        sha256: r.sha256,
        thumbSha256: r.thumbSha256,
      })),
    };
  } catch (e) {
    return { photos: null, reason: `Chromium 无法生成照片：${String((e as Error)?.message ?? e).split('\n')[0]}` };
  } finally {
    await browser?.close();
  }
}
