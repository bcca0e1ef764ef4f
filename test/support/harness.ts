// Node side of the browser harness: bundles harness-entry.ts (the field app's own modules) with
// Vite and serves it inside a Playwright context at <origin>/api/__harness/. Under /api/ on
// purpose: the service worker never answers /api navigations, so the route below sees them,
// and the page shares the app's origin — its IndexedDB outbox, its session cookie.
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Harness, QueueSpec } from './harness-entry';

export type { Harness, HarnessPhoto, QueueSpec } from './harness-entry';
export type HarnessWindow = Window & { harness: Harness };

/** What the harness queues for a unit: one report per (task, period) slot, with its text. */
export function queueSpecs(
  me: { id: string; unitId: string; unitName: string },
  slots: Array<{ task: { id: string; number: string; text: string }; period: string }>,
  progress: (index: number) => string,
): QueueSpec[] {
  return slots.map((s, i) => ({
    userId: me.id,
    unitId: me.unitId,
    unitName: me.unitName,
    taskId: s.task.id,
    taskNumber: s.task.number,
    taskText: s.task.text.slice(0, 60),
    period: s.period,
    progress: progress(i),
  }));
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./harness-entry.ts', import.meta.url));
export const HARNESS_PATH = '/api/__harness/';

/** The harness' files by name: harness.js (the entry), lazily loaded chunks, the photo Worker. */
type Bundle = Map<string, string | Uint8Array>;
let bundle: Promise<Bundle> | null = null;

/** The harness as ES modules (built once per process, ~1–3 s). */
export function harnessBundle(): Promise<Bundle> {
  bundle ??= (async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify('harness') },
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      worker: { format: 'es' },
      base: './',
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        emptyOutDir: false,
        copyPublicDir: false,
        lib: { entry: ENTRY, formats: ['es'], fileName: 'harness' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ type: string; code?: string; source?: string | Uint8Array; fileName: string }> }>;
    const files: Bundle = new Map(outputs.flatMap((o) => o.output).map((o) => [o.fileName, o.code ?? o.source ?? '']));
    if (!files.has('harness.js')) throw new Error(`harness bundle: no harness.js among ${[...files.keys()].join(', ')}`);
    return files;
  })();
  return bundle;
}

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>harness</title></head>
<body><script type="module" src="${HARNESS_PATH}harness.js"></script></body></html>`;

/** Serves the harness in this context at `${origin}${HARNESS_PATH}` (no request reaches the worker). */
export async function installHarness(context: BrowserContext, origin: string): Promise<void> {
  const files = await harnessBundle();
  await context.route(`${origin}${HARNESS_PATH}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(HARNESS_PATH.length);
    const file = files.get(name);
    if (file !== undefined) await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: typeof file === 'string' ? file : Buffer.from(file) });
    else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
  });
}

/** Opens a harness page on `origin` and waits until window.harness is there. */
export async function openHarness(context: BrowserContext, origin: string): Promise<Page> {
  await installHarness(context, origin);
  const page = await context.newPage();
  await page.goto(`${origin}${HARNESS_PATH}`);
  await page.waitForFunction(() => !!(window as unknown as HarnessWindow).harness, undefined, { timeout: 30_000 });
  return page;
}
