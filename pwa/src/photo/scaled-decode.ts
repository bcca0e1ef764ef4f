// Decoding a JPEG straight at a reduced size, where the engine lets us: WebCodecs' ImageDecoder
// (Chromium) passes the desired size to libjpeg-turbo, which scales by n/8 inside the IDCT, so a
// 12 MP photo comes out at 2000×1500 in about a third of a full decode's time (measured in
// test/bench/photo.bench.ts). createImageBitmap always decodes the whole frame first, even with
// resize options; the <img> the libraries use gets the same scaled decode only on the main thread.
// Anything unexpected (no ImageDecoder, an engine that ignores the size or the EXIF orientation)
// answers null and the caller decodes as before.
import { MAX_CANVAS_PIXELS, type Drawable } from './pipeline';
import type { ImageInfo } from './image-info';

type Size = { width: number; height: number };

/**
 * The size libjpeg's n/8 scaling gives for the smallest n whose result still covers `target`
 * (so the last step only ever scales down); null when only the full size covers it.
 */
export function jpegScaledSize(displayed: Size, target: Size): Size | null {
  const need = Math.max(target.width / displayed.width, target.height / displayed.height);
  const n = Math.ceil(8 * need - 1e-9);
  if (n >= 8) return null;
  return { width: Math.ceil((displayed.width * n) / 8), height: Math.ceil((displayed.height * n) / 8) };
}

/** The rotation a VideoFrame reports for an EXIF orientation; mirrored ones are left to createImageBitmap. */
const ROTATION: Partial<Record<number, number>> = { 1: 0, 3: 180, 6: 90, 8: 270 };

/**
 * `bytes` (a JPEG of `info`, displayed at `displayed`) decoded at the smallest n/8 scale that
 * covers `target`, EXIF orientation applied when drawn; null when this engine cannot.
 */
export async function decodeScaledJpeg(bytes: ArrayBuffer, info: ImageInfo, displayed: Size, target: Size): Promise<Drawable | null> {
  const rotation = ROTATION[info.orientation];
  const want = jpegScaledSize(displayed, target);
  if (typeof ImageDecoder !== 'function' || rotation === undefined || !want) return null;
  let frame: VideoFrame | null = null;
  try {
    const decoder = new ImageDecoder({ data: bytes, type: 'image/jpeg', desiredWidth: want.width, desiredHeight: want.height, preferAnimation: false });
    try {
      frame = (await decoder.decode()).image;
    } finally {
      decoder.close();
    }
  } catch {
    frame?.close();
    return null;
  }
  const f = frame;
  const turned = (f as VideoFrame & { rotation?: number }).rotation ?? 0;
  const fits =
    f.displayWidth >= target.width &&
    f.displayHeight >= target.height &&
    f.displayWidth > f.displayHeight === displayed.width > displayed.height &&
    turned === rotation &&
    !(f as VideoFrame & { flip?: boolean }).flip &&
    f.codedWidth * f.codedHeight <= MAX_CANVAS_PIXELS;
  if (!fits) {
    f.close();
    return null;
  }
  return { source: f, width: f.displayWidth, height: f.displayHeight, close: () => f.close(), decoder: 'scaled' };
}
