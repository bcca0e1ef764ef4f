// The photo pipeline, loaded lazily: decode straight into a 1600 px long edge honouring EXIF
// orientation, burn in the watermark, encode JPEG (checking the browser really made a JPEG),
// and derive a 320 px thumbnail. Never a full-size canvas: iOS gives a black image above
// 16.7 MP. The canvas re-encode drops the original EXIF (GPS included) on purpose.
import { sha256Hex } from './hash';
import { fitWithin, orientedSize, readImageInfo } from './image-info';
import { drawWatermark, type WatermarkInfo } from './watermark';

export const FULL_EDGE = 1600;
export const THUMB_EDGE = 320;
export const FULL_QUALITY = 0.8;
export const MAX_FULL_BYTES = 400 * 1024;

export interface ProcessedPhoto {
  full: ArrayBuffer;
  thumb: ArrayBuffer;
  width: number;
  height: number;
  sha256: string;
  thumbSha256: string;
}

export class PhotoError extends Error {}

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

/** Frees a canvas' backing store at once (Safari caps the total canvas memory of a page). */
function release(c: HTMLCanvasElement): void {
  c.width = 0;
  c.height = 0;
}

function encodeJpeg(c: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    c.toBlob(
      (blob) => {
        if (!blob) reject(new PhotoError('照片编码失败，请重试'));
        // Some browsers silently return PNG for a type they cannot encode.
        else if (blob.type !== 'image/jpeg') reject(new PhotoError('此浏览器无法生成 JPEG 照片，请换用系统浏览器'));
        else resolve(blob);
      },
      'image/jpeg',
      quality,
    );
  });
}

async function headerInfo(file: Blob) {
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  return readImageInfo(head);
}

/** Decodes into exactly (w, h) when the size is known; otherwise decodes and reports the size. */
async function decode(file: Blob, target: { width: number; height: number } | null): Promise<CanvasImageSource & { width: number; height: number; close?: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      return target
        ? await createImageBitmap(file, {
            imageOrientation: 'from-image',
            resizeWidth: target.width,
            resizeHeight: target.height,
            resizeQuality: 'high',
          })
        : await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Older engines reject the options or the format: fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return Object.assign(img, { width: img.naturalWidth, height: img.naturalHeight });
  } catch {
    throw new PhotoError('无法读取这张照片，请换一张或重新拍摄');
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function processPhoto(file: Blob, wm: WatermarkInfo): Promise<ProcessedPhoto> {
  const started = performance.now();
  const result = await processInner(file, wm);
  // Visible to the e2e budget check (and to anyone profiling on a real phone).
  performance.measure('duban:photo', { start: started, detail: { bytes: result.full.byteLength, width: result.width, height: result.height } });
  return result;
}

async function processInner(file: Blob, wm: WatermarkInfo): Promise<ProcessedPhoto> {
  const info = await headerInfo(file);
  let target = info ? fitWithin(orientedSize(info).width, orientedSize(info).height, FULL_EDGE) : null;
  const source = await decode(file, target);
  target ??= fitWithin(source.width, source.height, FULL_EDGE);

  const canvas = canvasOf(target.width, target.height);
  const thumbSize = fitWithin(target.width, target.height, THUMB_EDGE);
  const thumbCanvas = canvasOf(thumbSize.width, thumbSize.height);
  try {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new PhotoError('无法处理照片（内存不足），请关闭其他应用后重试');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, target.width, target.height);
    source.close?.();
    drawWatermark(ctx, target.width, target.height, wm);

    let full = await encodeJpeg(canvas, FULL_QUALITY);
    for (const q of [0.7, 0.6]) {
      if (full.size <= MAX_FULL_BYTES) break;
      full = await encodeJpeg(canvas, q);
    }

    const tctx = thumbCanvas.getContext('2d')!;
    tctx.imageSmoothingQuality = 'high';
    tctx.drawImage(canvas, 0, 0, thumbSize.width, thumbSize.height);
    const thumb = await encodeJpeg(thumbCanvas, 0.7);

    const [fullBytes, thumbBytes] = await Promise.all([full.arrayBuffer(), thumb.arrayBuffer()]);
    const [sha256, thumbSha256] = await Promise.all([sha256Hex(fullBytes), sha256Hex(thumbBytes)]);
    return { full: fullBytes, thumb: thumbBytes, width: target.width, height: target.height, sha256, thumbSha256 };
  } finally {
    release(canvas);
    release(thumbCanvas);
  }
}
