// The photo pipeline, loaded lazily: decode straight into a 1600 px long edge honouring EXIF
// orientation, burn in the watermark, encode JPEG ≤ 400 KB (checking the browser really made a
// JPEG), and derive a 320 px thumbnail. Three paths, best first (caps.ts decides; docs/PLATFORM.md has the
// table per engine):
//   worker — OffscreenCanvas in a Worker: the main thread stays free while photos are processed;
//   bitmap — createImageBitmap's resize options on the main thread;
//   img    — old engines (iOS 15–16.3, WPE 2.38): decode via <img>, halve in steps on canvases
//            within iOS's 16.7 MP canvas limit (fallback.ts);
// and where the canvas cannot encode JPEG, a JS encoder loaded only then. Never a full-size
// canvas: iOS gives a black image above 16.7 MP. The re-encode drops the original EXIF (GPS
// included) on purpose.
import { detectCaps, type PhotoCaps } from './caps';
import { processOnMainThread } from './fallback';
import { PhotoError, type ProcessedPhoto } from './pipeline';
import type { PhotoJob, PhotoReply } from './photo.worker';
import type { WatermarkInfo } from './watermark';

export { FULL_EDGE, FULL_QUALITY, MAX_FULL_BYTES, PhotoError, THUMB_EDGE, type ProcessedPhoto } from './pipeline';

/** The Worker is kept between photos of one report and let go when idle (it holds fonts, codecs). */
const WORKER_IDLE_MS = 30_000;
let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: PhotoReply) => void>();

function photoWorker(): Worker {
  if (idleTimer) clearTimeout(idleTimer);
  if (!worker) {
    const w = new Worker(new URL('./photo.worker.ts', import.meta.url), { type: 'module', name: 'duban-photo' });
    w.onmessage = (ev: MessageEvent<PhotoReply>) => {
      waiting.get(ev.data.id)?.(ev.data);
      waiting.delete(ev.data.id);
    };
    // A Worker that cannot start (old engine without module workers, CSP): every caller falls back.
    w.onerror = () => {
      for (const [id, done] of waiting) done({ id, ok: false, message: 'worker failed', photoError: false });
      waiting.clear();
      w.terminate();
      if (worker === w) worker = null;
    };
    worker = w;
  }
  return worker;
}

function letWorkerGo(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (waiting.size === 0) {
      worker?.terminate();
      worker = null;
    }
  }, WORKER_IDLE_MS);
}

async function inWorker(file: Blob, wm: WatermarkInfo, caps: PhotoCaps): Promise<ProcessedPhoto | null> {
  const w = photoWorker();
  const id = nextId++;
  const reply = await new Promise<PhotoReply>((resolve) => {
    waiting.set(id, resolve);
    const job: PhotoJob = { id, file, wm, jpeg: caps.jpeg };
    w.postMessage(job);
  });
  letWorkerGo();
  if (reply.ok) return reply.photo;
  if (reply.photoError) throw new PhotoError(reply.message);
  return null; // the Worker could not do it (no fonts, no codec there): the main thread can
}

export async function processPhoto(file: Blob, wm: WatermarkInfo): Promise<ProcessedPhoto> {
  const started = performance.now();
  const caps = detectCaps();
  // A Worker that cannot even be constructed (no module workers, a bundle without a module URL,
  // as in the demo seeding's page) falls back like one that fails to start.
  const viaWorker =
    caps.offscreen && caps.resize
      ? await inWorker(file, wm, caps).catch((e: unknown) => {
          if (e instanceof PhotoError) throw e;
          return null;
        })
      : null;
  const result = viaWorker ?? (await processOnMainThread(file, wm, caps));
  // Visible to the e2e budget check (and to anyone profiling on a real phone).
  performance.measure('duban:photo', {
    start: started,
    detail: { bytes: result.full.byteLength, width: result.width, height: result.height, path: result.path, encoder: result.encoder, decoder: result.decoder, stages: result.stages },
  });
  return result;
}
