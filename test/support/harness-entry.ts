// Browser side of the bench/fault harness: the field app's OWN modules (IndexedDB schema,
// drafts → outbox, photo pipeline, sync engine), bundled by harness.ts and served on the app's
// origin, so a test can fill the real outbox quickly or time the real photo pipeline without
// clicking through the form 100 times. Nothing here re-implements app logic.
import { openDubanDB } from '../../pwa/src/db/schema';
import { addPhoto, newDraft, queueDraft, saveDraft } from '../../pwa/src/outbox/drafts';
import { listOutbox } from '../../pwa/src/outbox/store';
import { sha256Hex } from '../../pwa/src/photo/hash';
import { fitWithin, orientedSize, readImageInfo } from '../../pwa/src/photo/image-info';
import { FULL_EDGE, processPhoto, THUMB_EDGE, type ProcessedPhoto } from '../../pwa/src/photo/process';
import { drawWatermark, type WatermarkInfo } from '../../pwa/src/photo/watermark';
import { verifyUrl } from '../../shared/verify-code';
import { HIDE_KEY, type PhotoFeature } from '../../pwa/src/photo/caps';
import type { PhotoMeta } from '../../pwa/src/db/schema';
import type { ReportStatus } from '../../shared/schemas/report';

/** A photo as the app's pipeline makes it. */
export type HarnessPhoto = ProcessedPhoto;

export interface QueueSpec {
  userId: string;
  unitId: string;
  unitName: string;
  taskId: string;
  taskNumber: string;
  taskText: string;
  period: string;
  progress: string;
  status?: ReportStatus;
  percent?: number;
}

/** A photo-like picture (sky, ground, blobs, a building, sensor noise), drawn at w × h. */
function drawScene(g: CanvasRenderingContext2D, w: number, h: number, seed: number, noise: number): void {
  let s = (seed * 9301 + 49297) % 233280;
  const rnd = () => (s = (s * 9301 + 49297) % 233280) / 233280;
  const sky = g.createLinearGradient(0, 0, 0, h);
  sky.addColorStop(0, '#7fb2e5');
  sky.addColorStop(0.55, '#dfe9f1');
  sky.addColorStop(0.56, '#6b8f4e');
  sky.addColorStop(1, '#3d5a2a');
  g.fillStyle = sky;
  g.fillRect(0, 0, w, h);
  const k = w / 4000;
  for (let i = 0; i < 500; i++) {
    g.fillStyle = `hsla(${Math.floor(rnd() * 360)},${30 + rnd() * 40}%,${30 + rnd() * 40}%,${0.3 + rnd() * 0.6})`;
    const x = rnd() * w;
    const y = h * 0.5 + rnd() * h * 0.5;
    const r = (20 + rnd() * 160) * k;
    g.beginPath();
    g.ellipse(x, y, r, r * (0.3 + rnd()), rnd() * 3, 0, Math.PI * 2);
    g.fill();
  }
  g.fillStyle = '#8a6d4b';
  g.fillRect((600 + (seed % 5) * 300) * k, 1100 * k, 1400 * k, 700 * k);
  g.fillStyle = '#5a4630';
  for (let i = 0; i < 12; i++) g.fillRect((700 + (seed % 5) * 300 + i * 110) * k, 1200 * k, 60 * k, 500 * k);
  g.fillStyle = '#333';
  g.font = `bold ${Math.round(160 * k)}px sans-serif`;
  g.fillText(`现场 ${seed + 1}`, (800 + (seed % 5) * 300) * k, 1500 * k);
  if (noise > 0) {
    // Sensor noise in tiles, so a 12 MP frame compresses like a camera photo, not a drawing.
    const tile = 512;
    const img = g.createImageData(tile, tile);
    for (let ty = 0; ty < h; ty += tile) {
      for (let tx = 0; tx < w; tx += tile) {
        const src = g.getImageData(tx, ty, tile, tile);
        for (let i = 0; i < src.data.length; i += 4) {
          const n = (rnd() - 0.5) * noise;
          img.data[i] = src.data[i]! + n;
          img.data[i + 1] = src.data[i + 1]! + n;
          img.data[i + 2] = src.data[i + 2]! + n;
          img.data[i + 3] = 255;
        }
        g.putImageData(img, tx, ty);
      }
    }
  }
}

/** A camera-like JPEG of w × h (default 12 MP) made by the browser's own encoder. */
async function makeSourceJpeg(opts: { width?: number; height?: number; seed?: number; noise?: number; quality?: number } = {}): Promise<Blob> {
  const w = opts.width ?? 4000;
  const h = opts.height ?? 3000;
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  drawScene(c.getContext('2d', { willReadFrequently: true })!, w, h, opts.seed ?? 0, opts.noise ?? 24);
  const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', opts.quality ?? 0.92));
  c.width = 0;
  c.height = 0;
  return blob;
}

function watermarkFor(verifyCode: string): WatermarkInfo {
  return { takenAt: new Date(), location: { lat: 31.2699, lng: 120.6287, accuracy: 12 }, taskNumber: '任务 12', unitName: '发改委', verifyCode, verifyUrl: verifyUrl(location.origin, verifyCode) };
}

/** The field app's pipeline (JPEG, as the app ships it), timed. */
async function pipelineJpeg(source: Blob): Promise<{ ms: number; bytes: number; thumbBytes: number; width: number; height: number }> {
  const t0 = performance.now();
  const out = await processPhoto(source, watermarkFor('BENCH2345678'));
  return { ms: performance.now() - t0, bytes: out.full.byteLength, thumbBytes: out.thumb.byteLength, width: out.width, height: out.height };
}

/**
 * The same steps with WebP output, for comparison: decode straight to 1600 px (EXIF applied),
 * watermark, encode WebP at the app's first quality, thumbnail. The app itself ships JPEG
 * (Safari cannot encode WebP).
 */
async function pipelineWebp(source: Blob, quality = 0.8): Promise<{ ms: number; bytes: number; thumbBytes: number; width: number; height: number; type: string }> {
  const t0 = performance.now();
  const head = new Uint8Array(await source.slice(0, 256 * 1024).arrayBuffer());
  const info = readImageInfo(head)!;
  const size = fitWithin(orientedSize(info).width, orientedSize(info).height, FULL_EDGE);
  const bmp = await createImageBitmap(source, { imageOrientation: 'from-image', resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  const c = document.createElement('canvas');
  c.width = size.width;
  c.height = size.height;
  const g = c.getContext('2d')!;
  g.drawImage(bmp, 0, 0);
  bmp.close();
  drawWatermark(g, size.width, size.height, watermarkFor('BENCH2345678'));
  const full: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/webp', quality));
  const ts = fitWithin(size.width, size.height, THUMB_EDGE);
  const t = document.createElement('canvas');
  t.width = ts.width;
  t.height = ts.height;
  t.getContext('2d')!.drawImage(c, 0, 0, ts.width, ts.height);
  const thumb: Blob = await new Promise((r) => t.toBlob((b) => r(b!), 'image/webp', 0.7));
  const fullBytes = await full.arrayBuffer();
  await sha256Hex(fullBytes);
  const ms = performance.now() - t0;
  c.width = c.height = t.width = t.height = 0;
  return { ms, bytes: full.size, thumbBytes: thumb.size, width: size.width, height: size.height, type: full.type };
}

/** The app's pipeline with features hidden by the test switch (caps.ts): which path, how long. */
async function pipelineHiding(source: Blob, hide: PhotoFeature[]) {
  localStorage.setItem(HIDE_KEY, hide.join(','));
  try {
    const t0 = performance.now();
    const out = await processPhoto(source, watermarkFor('BENCH234'));
    return { ms: performance.now() - t0, bytes: out.full.byteLength, thumbBytes: out.thumb.byteLength, width: out.width, height: out.height, path: out.path, encoder: out.encoder, decoder: out.decoder, stages: out.stages ?? {} };
  } finally {
    localStorage.removeItem(HIDE_KEY);
  }
}

/** Main-thread long tasks (> 50 ms) while `n` photos go through the app's pipeline one by one. */
async function longTasksWhile(source: Blob, n: number, hide: PhotoFeature[] = []) {
  const tasks: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  obs.observe({ type: 'longtask', buffered: false });
  localStorage.setItem(HIDE_KEY, hide.join(','));
  const t0 = performance.now();
  let path: string | undefined;
  try {
    for (let i = 0; i < n; i++) path = (await processPhoto(source, watermarkFor('BENCH234'))).path;
  } finally {
    localStorage.removeItem(HIDE_KEY);
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  obs.disconnect();
  return { ms, path, longTasks: tasks.length, longest: Math.max(0, ...tasks), blocked: tasks.reduce((a, b) => a + b, 0) };
}

/** browser-image-compression and compressorjs asked for the same 1600 px JPEG at quality 0.8. */
async function compareLibrary(source: Blob, lib: 'bic' | 'bic-worker' | 'compressorjs') {
  const file = new File([source], 'photo.jpg', { type: 'image/jpeg', lastModified: Date.now() });
  const t0 = performance.now();
  let out: Blob;
  if (lib === 'compressorjs') {
    const { default: Compressor } = await import('compressorjs');
    out = await new Promise<Blob>((resolve, reject) => {
      new Compressor(file, { maxWidth: FULL_EDGE, maxHeight: FULL_EDGE, quality: 0.8, mimeType: 'image/jpeg', convertSize: Infinity, success: resolve, error: reject });
    });
  } else {
    const { default: imageCompression } = await import('browser-image-compression');
    out = await imageCompression(file, { maxWidthOrHeight: FULL_EDGE, maxSizeMB: 0.39, initialQuality: 0.8, fileType: 'image/jpeg', useWebWorker: lib === 'bic-worker', preserveExif: false });
  }
  const ms = performance.now() - t0;
  const bmp = await createImageBitmap(out);
  const res = { ms, bytes: out.size, width: bmp.width, height: bmp.height };
  bmp.close();
  return res;
}

/** A JPEG tagged EXIF orientation 6 (stored sideways, shown upright): what phones write. */
async function rotatedSourceJpeg(opts: { width?: number; height?: number; noise?: number; seed?: number } = {}): Promise<Blob> {
  const stored = await makeSourceJpeg({ width: opts.height ?? 3000, height: opts.width ?? 4000, noise: opts.noise, seed: opts.seed });
  const body = new Uint8Array(await stored.arrayBuffer());
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const app1 = [0xff, 0xe1, 0, tiff.length + 8, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  return new Blob([new Uint8Array([0xff, 0xd8, ...app1]), body.subarray(2)], { type: 'image/jpeg' });
}

let photos: HarnessPhoto[] = [];

/** Makes n processed photos through the app's pipeline (kept in the page for queueReports). */
async function preparePhotos(n: number, source?: { width: number; height: number }): Promise<Array<{ bytes: number; thumbBytes: number }>> {
  photos = [];
  for (let i = 0; i < n; i++) {
    const src = await makeSourceJpeg({ seed: i, ...(source ?? { width: 2000, height: 1500 }) });
    const out = await processPhoto(src, watermarkFor('SEED23456789'));
    photos.push(out);
  }
  return photos.map((p) => ({ bytes: p.full.byteLength, thumbBytes: p.thumb.byteLength }));
}

/**
 * Puts reports in the outbox exactly as 提交 does (draft → addPhoto → queueDraft), with the
 * photos made by preparePhotos (photo ids are new each time; the bytes are reused).
 */
async function queueReports(specs: QueueSpec[], photosPerReport: number): Promise<string[]> {
  const ids: string[] = [];
  for (const spec of specs) {
    const now = new Date().toISOString();
    let draft = newDraft(spec.userId, spec.taskId, now);
    draft.period = spec.period;
    draft.fields = { ...draft.fields, status: spec.status ?? 'on_track', percent: spec.percent ?? 50, progress: spec.progress, problems: '', nextSteps: '下月继续推进' };
    await saveDraft(draft);
    for (let i = 0; i < photosPerReport; i++) {
      const p = photos[i % photos.length]!;
      const meta: PhotoMeta = {
        id: crypto.randomUUID(),
        takenAt: now,
        width: p.width,
        height: p.height,
        size: p.full.byteLength,
        thumbSize: p.thumb.byteLength,
        sha256: p.sha256,
        thumbSha256: p.thumbSha256,
      };
      // Copies: IndexedDB stores a structured clone anyway; this keeps the page's copy intact.
      draft = await addPhoto(draft, meta, p.full.slice(0), p.thumb.slice(0));
    }
    const item = await queueDraft(
      draft,
      { unitId: spec.unitId, period: spec.period, title: { number: spec.taskNumber, text: spec.taskText, unitName: spec.unitName, period: spec.period } },
      now,
    );
    ids.push(item.id);
  }
  return ids;
}

async function outboxStates(): Promise<Array<{ id: string; state: string; attempts: number; lastError: string | null }>> {
  return (await listOutbox()).map((i) => ({ id: i.id, state: i.state, attempts: i.attempts, lastError: i.lastError ? `${i.lastError.status} ${i.lastError.code} ${i.lastError.message}` : null }));
}

/**
 * The queued items as the sync engine would send them (report body, photo ids and hashes) and
 * the prepared photo bytes by SHA-256 (base64), so Node can send exactly the same requests.
 */
async function exportOutbox(): Promise<{ items: Array<{ id: string; body: unknown; photos: Array<{ id: string; sha256: string; thumbSha256: string }> }>; bytes: Record<string, string> }> {
  const b64 = (buf: ArrayBuffer) => {
    const u = new Uint8Array(buf);
    let s = '';
    for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const bytes: Record<string, string> = {};
  for (const p of photos) {
    bytes[p.sha256] = b64(p.full);
    bytes[p.thumbSha256] = b64(p.thumb);
  }
  const items = (await listOutbox()).map((i) => ({ id: i.id, body: i.body, photos: i.photos.map((p) => ({ id: p.id, sha256: p.sha256, thumbSha256: p.thumbSha256 })) }));
  return { items, bytes };
}

async function clearOutbox(): Promise<void> {
  const db = await openDubanDB();
  await db.clear('outbox');
  await db.clear('photoBlobs');
  await db.clear('drafts');
}

async function sourceBytes(opts: { width?: number; height?: number; noise?: number; seed?: number; quality?: number } = {}): Promise<Blob> {
  return makeSourceJpeg(opts);
}

const harness = { makeSourceJpeg: sourceBytes, rotatedSourceJpeg, pipelineHiding, longTasksWhile, compareLibrary, pipelineJpeg, pipelineWebp, preparePhotos, queueReports, outboxStates, exportOutbox, clearOutbox };
export type Harness = typeof harness;
(window as unknown as { harness: Harness }).harness = harness;
document.title = 'harness ready';
