// The photo pipeline's steps, shared by the Worker (OffscreenCanvas) and the main thread
// (<canvas>): draw the decoded photo into its 1600 px target, burn in the watermark, encode JPEG
// ≤ 400 KB (the canvas' encoder, or the JS encoder where the canvas only makes PNG), derive the
// 320 px thumbnail, hash both. No DOM at module level: this file also runs in the Worker.
import { sha256Hex } from './hash';
import { fitWithin } from './image-info';
import { drawWatermark, type WatermarkInfo } from './watermark';

export const FULL_EDGE = 1600;
export const THUMB_EDGE = 320;
export const FULL_QUALITY = 0.8;
export const THUMB_QUALITY = 0.7;
export const MAX_FULL_BYTES = 400 * 1024;
/** iOS refuses (draws black) canvases above this many pixels. */
export const MAX_CANVAS_PIXELS = 16_777_216;

/** Which way the photo went: for the capability table, the e2e and the benchmark. */
export type PhotoPath = 'worker' | 'bitmap' | 'img';
export type JpegEncoderKind = 'canvas' | 'js';
export type DecoderKind = 'scaled' | 'bitmap' | 'img';

export interface ProcessedPhoto {
  full: ArrayBuffer;
  thumb: ArrayBuffer;
  width: number;
  height: number;
  sha256: string;
  thumbSha256: string;
  path?: PhotoPath;
  encoder?: JpegEncoderKind;
  /** How the photo was decoded: at a reduced JPEG scale (ImageDecoder), createImageBitmap, <img>. */
  decoder?: DecoderKind;
  /** Milliseconds per step (decode, draw, watermark, …), for the benchmark and for profiling. */
  stages?: Record<string, number>;
}

/** Times the steps of one photo: `lap(name)` adds the time since the previous lap to `name`. */
export function stopwatch() {
  const stages: Record<string, number> = {};
  let last = performance.now();
  return {
    stages,
    lap(name: string) {
      const now = performance.now();
      stages[name] = (stages[name] ?? 0) + (now - last);
      last = now;
    },
  };
}
export type Stopwatch = ReturnType<typeof stopwatch>;

export class PhotoError extends Error {}

export type Surface = HTMLCanvasElement | OffscreenCanvas;
type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface Drawable {
  source: CanvasImageSource;
  decoder?: DecoderKind;
  width: number;
  height: number;
  close?: () => void;
}

/** Something drawn over the photo at (0, top): the watermark band, made ahead. */
export interface Overlay {
  source: CanvasImageSource;
  top: number;
  close(): void;
}

export interface CanvasEnv {
  canvas(width: number, height: number): Surface;
  /** Encodes with the canvas' own encoder; may resolve a PNG where JPEG is not supported. */
  encode(c: Surface, quality: number): Promise<Blob | null>;
  /** Use the canvas' JPEG encoder (false: the JS encoder from the start). */
  jpeg: boolean;
}

export const MEMORY_MESSAGE = '无法处理照片（内存不足），请关闭其他应用后重试';

export function context2d(c: Surface): Ctx2D {
  const ctx = c.getContext('2d') as Ctx2D | null;
  if (!ctx) throw new PhotoError(MEMORY_MESSAGE);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  return ctx;
}

/** Frees a canvas' backing store at once (Safari caps the total canvas memory of a page). */
export function release(c: Surface): void {
  c.width = 0;
  c.height = 0;
}

/** JPEG bytes of the canvas at `quality`; the JS encoder when the canvas cannot make JPEG. */
async function encodeJpeg(env: CanvasEnv, c: Surface, ctx: Ctx2D, quality: number): Promise<{ blob: Blob; encoder: JpegEncoderKind }> {
  if (env.jpeg) {
    const blob = await env.encode(c, quality);
    if (!blob) throw new PhotoError('照片编码失败，请重试');
    // Some engines silently return PNG for a type they cannot encode (old WebKit does).
    if (blob.type === 'image/jpeg') return { blob, encoder: 'canvas' };
    env.jpeg = false;
  }
  // Loaded only here: the engines of today never download it.
  const { encodeJpegJs } = await import('./jpeg-js');
  const pixels = ctx.getImageData(0, 0, c.width, c.height);
  return { blob: new Blob([encodeJpegJs(pixels, Math.round(quality * 100))], { type: 'image/jpeg' }), encoder: 'js' };
}

/** Draws the decoded photo at `target`, watermarks, encodes full and thumbnail, hashes. */
export async function finish(env: CanvasEnv, src: Drawable, target: { width: number; height: number }, wm: WatermarkInfo, sw: Stopwatch = stopwatch(), band?: Overlay): Promise<ProcessedPhoto> {
  const canvas = env.canvas(target.width, target.height);
  const thumbSize = fitWithin(target.width, target.height, THUMB_EDGE);
  const thumbCanvas = env.canvas(thumbSize.width, thumbSize.height);
  try {
    const ctx = context2d(canvas);
    ctx.drawImage(src.source, 0, 0, target.width, target.height);
    src.close?.();
    sw.lap('draw');
    // The band, made ahead or drawn now (the same way on either kind of canvas).
    if (band) ctx.drawImage(band.source, 0, band.top);
    else drawWatermark(ctx, target.width, target.height, wm);
    sw.lap('watermark');

    // The thumbnail is drawn before encoding so both encodes can run at once (engines encode
    // off the calling thread).
    const tctx = context2d(thumbCanvas);
    tctx.drawImage(canvas, 0, 0, thumbSize.width, thumbSize.height);
    sw.lap('thumb');
    const encodeFull = async () => {
      let out = await encodeJpeg(env, canvas, ctx, FULL_QUALITY);
      for (const q of [0.7, 0.6]) {
        if (out.blob.size <= MAX_FULL_BYTES) break;
        out = await encodeJpeg(env, canvas, ctx, q);
      }
      return out;
    };
    // Each output is read and hashed as soon as it is encoded, the other one meanwhile.
    const bytesAndHash = async (encoded: Promise<{ blob: Blob; encoder: JpegEncoderKind }>) => {
      const { blob, encoder } = await encoded;
      const bytes = await blob.arrayBuffer();
      return { bytes, encoder, sha256: await sha256Hex(bytes) };
    };
    const [full, thumb] = await Promise.all([bytesAndHash(encodeFull()), bytesAndHash(encodeJpeg(env, thumbCanvas, tctx, THUMB_QUALITY))]);
    sw.lap('encode+hash');
    return { full: full.bytes, thumb: thumb.bytes, width: target.width, height: target.height, sha256: full.sha256, thumbSha256: thumb.sha256, encoder: full.encoder, decoder: src.decoder, stages: sw.stages };
  } finally {
    band?.close();
    release(canvas);
    release(thumbCanvas);
  }
}

/**
 * Halves `src` on canvases until one more step would pass `target`, so the last draw scales by
 * less than 2× and stays sharp without resize options; no step canvas exceeds iOS's area limit.
 */
export function stepDown(env: CanvasEnv, src: Drawable, target: { width: number; height: number }): Drawable {
  let cur = src;
  while (cur.width >= target.width * 2 && cur.height >= target.height * 2) {
    let w = Math.ceil(cur.width / 2);
    let h = Math.ceil(cur.height / 2);
    if (w * h > MAX_CANVAS_PIXELS) {
      const k = Math.sqrt(MAX_CANVAS_PIXELS / (w * h));
      w = Math.floor(w * k);
      h = Math.floor(h * k);
    }
    const c = env.canvas(w, h);
    context2d(c).drawImage(cur.source, 0, 0, w, h);
    cur.close?.();
    cur = { source: c, width: w, height: h, close: () => release(c) };
  }
  return cur;
}
