// The field scenario, written once for every engine (driver.ts): sign in; offline capture with
// 3 photos; reload offline; back online; exactly one report with 3 photos on the server; one
// amendment after 退回. And the photo pipeline with each fallback forced (caps.ts test switch).
import jpeg from 'jpeg-js';
import { expect } from 'vitest';
import { readImageInfo } from '../../../pwa/src/photo/image-info';
import type { Api } from '../../support/server';
import { waitIn, type FieldDriver } from './driver';

export interface Photo {
  bytes: number;
  width: number;
  height: number;
  /** The red accent bar of the watermark band, and a pixel of the darkened band. */
  bar: number[];
}

/** Reads size from the JPEG header and the watermark band's pixels by decoding it (Node, jpeg-js). */
export function inspectJpeg(buf: Uint8Array): Photo {
  const info = readImageInfo(buf)!;
  const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true });
  const fs = Math.max(12, Math.round(Math.min(img.width, img.height) / 34));
  const pad = Math.round(fs * 0.7);
  const at = (x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
  return { bytes: buf.length, width: info.width, height: info.height, bar: at(pad + 2, img.height - pad - 10) };
}

export function expectWatermarkedPhoto(p: Photo, size = { width: 1600, height: 1200 }): void {
  expect({ width: p.width, height: p.height }).toEqual(size);
  expect(p.bytes).toBeLessThanOrEqual(400 * 1024);
  expect(p.bar[0]).toBeGreaterThan(140);
  expect(p.bar[1]).toBeLessThan(90);
  expect(p.bar[2]).toBeLessThan(90);
}

export async function signIn(d: FieldDriver, username: string, password: string): Promise<void> {
  await d.goto('/');
  await waitIn(d, 'the sign-in form', (_a, H) => !!H.q('input[name="username"]'));
  await d.run(
    ({ username, password }, H) => {
      H.fill('input[name="username"]', username);
      H.fill('input[name="password"]', password);
    },
    { username, password },
  );
  await waitIn(d, 'the 登录 button', (_a, H) => !(H.q('button[type="submit"]') as HTMLButtonElement).disabled);
  await d.run((_a, H) => H.click('button[type="submit"]'));
  await waitIn(d, 'the task list', (_a, H) => H.count('[aria-label="任务列表"] a') > 0, undefined, 30_000);
  // The service worker must control the page before an offline reload can come from its cache.
  const controlled = await waitIn(d, 'the service worker', async () => {
    await navigator.serviceWorker.ready;
    return !!navigator.serviceWorker.controller || 'ready';
  });
  if (controlled === 'ready') {
    await d.reload();
    await waitIn(d, 'a controlled page', () => !!navigator.serviceWorker.controller);
  }
  await waitIn(d, 'the task list', (_a, H) => H.count('[aria-label="任务列表"] a') > 0);
}

/** Draws a photo-like JPEG of w × h in the page and attaches it through the 拍照 input. */
export async function attachPhoto(d: FieldDriver, seed: number, size = { w: 3000, h: 2250 }): Promise<void> {
  const before = await d.run((_a, H) => H.count('.photo-cell img'));
  await d.run(
    async ({ seed, w, h }) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d')!;
      // A field scene in broad strokes: sky above, ground below, coloured blocks for detail.
      g.fillStyle = '#9cc3e8';
      g.fillRect(0, 0, w, h / 2);
      g.fillStyle = '#587a3f';
      g.fillRect(0, h / 2, w, h / 2);
      let s = seed * 9301 + 49297;
      const rnd = () => (s = (s * 9301 + 49297) % 233280) / 233280;
      for (let k = 0; k < 300; k++) {
        g.fillStyle = `hsla(${Math.floor(rnd() * 360)},50%,45%,0.7)`;
        g.fillRect(rnd() * w, h / 2 + (rnd() * h) / 2, 20 + rnd() * 120, 20 + rnd() * 120);
      }
      g.fillStyle = '#333';
      g.font = `bold ${Math.round(h / 20)}px sans-serif`;
      g.fillText(`现场 ${seed + 1}`, w / 5, h / 2);
      const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.9));
      c.width = 0;
      const file = new File([blob], `IMG_${1000 + seed}.jpg`, { type: 'image/jpeg', lastModified: Date.now() });
      const input = document.querySelector('input[aria-label="拍照"]') as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(file);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { seed, ...size },
  );
  await waitIn(d, `photo ${before + 1} in the form`, (n, H) => H.count('.photo-cell img') === n, before + 1, 60_000);
}

/** The last photo's pipeline record (path, encoder) and its stored bytes from IndexedDB. */
export async function lastStoredPhoto(d: FieldDriver): Promise<{ path: string; encoder: string; ms: number; photo: Photo }> {
  const r = await d.run(async () => {
    const entries = performance.getEntriesByName('duban:photo') as PerformanceMeasure[];
    const last = entries[entries.length - 1]!;
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('duban');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = (store: string): Promise<any[]> =>
      new Promise((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    const drafts = await all('drafts');
    const draft = drafts.find((x) => location.pathname.includes(x.taskId))!;
    const id = draft.photos[draft.photos.length - 1].id;
    const rec = (await all('photoBlobs')).find((x) => x.id === id);
    db.close();
    // Bytes, not a Blob: WebKit cannot keep Blobs in IndexedDB in some builds (docs/PLATFORM.md).
    const isBytes = rec.full instanceof ArrayBuffer || ArrayBuffer.isView(rec.full);
    const u = new Uint8Array(rec.full instanceof ArrayBuffer ? rec.full : rec.full.buffer);
    let bin = '';
    for (let i = 0; i < u.length; i += 0x8000) bin += String.fromCharCode(...u.subarray(i, i + 0x8000));
    return { detail: last.detail, ms: Math.round(last.duration), isBytes, b64: btoa(bin) };
  });
  expect(r.isBytes).toBe(true);
  return { path: r.detail.path, encoder: r.detail.encoder, ms: r.ms, photo: inspectJpeg(Buffer.from(r.b64, 'base64')) };
}

export function outboxState(d: FieldDriver, id: string): Promise<string | null> {
  return d.run((rid, H) => H.text(`.outbox-item[data-report-id="${rid}"] .state`), id);
}

/** Records uncaught errors and unhandled rejections of the current document (read with pageErrors). */
export function watchErrors(d: FieldDriver): Promise<void> {
  return d.run(() => {
    const w = window as unknown as { e2eErrors: string[] };
    w.e2eErrors = [];
    addEventListener('error', (e) => w.e2eErrors.push(String(e.message)));
    addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => w.e2eErrors.push(`${e.reason?.name}: ${e.reason?.message ?? e.reason}`));
  });
}

export function pageErrors(d: FieldDriver): Promise<string[]> {
  return d.run(() => (window as unknown as { e2eErrors?: string[] }).e2eErrors ?? []);
}

/** 提交 on the open form: lands on 待上传; returns the report id. */
export async function submit(d: FieldDriver, taskId: string): Promise<string> {
  await watchErrors(d);
  await d.run((_a, H) => H.click('button', '提交'));
  await waitIn(d, '待上传', () => location.pathname === '/outbox');
  const id: string = await waitIn(d, 'the outbox item', (tid, H) => H.q(`.outbox-item a[href="/tasks/${tid}"]`)?.closest('.outbox-item')?.getAttribute('data-report-id') ?? '', taskId);
  // Leaving the form for 待上传 used to render the form once more with no task id (DataError).
  await new Promise((r) => setTimeout(r, 500));
  expect(await pageErrors(d)).toEqual([]);
  return id;
}

export async function serverReport(api: Api, id: string): Promise<any> {
  return api.get(`/api/reports/${id}`);
}

export async function waitServerState(api: Api, id: string, expected: string, timeout = 30_000): Promise<any> {
  const until = Date.now() + timeout;
  for (;;) {
    const r = await serverReport(api, id).catch(() => null);
    const got = r ? `${r.state}:${r.photos.filter((p: any) => p.received && p.thumbReceived).length}` : 'absent';
    if (got === expected) return r;
    if (Date.now() > until) throw new Error(`report ${id}: ${got}, expected ${expected}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}
