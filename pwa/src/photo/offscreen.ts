// The photo path inside a Worker: decode straight into 1600 px with createImageBitmap's resize
// options (EXIF orientation applied), draw on an OffscreenCanvas, encode with convertToBlob.
// The page's main thread only hands over the File and gets the bytes back (transferred).
import { fitWithin, orientedSize, readImageInfo } from './image-info';
import { finish, FULL_EDGE, MAX_CANVAS_PIXELS, PhotoError, type CanvasEnv, type ProcessedPhoto } from './pipeline';
import type { WatermarkInfo } from './watermark';

export const DECODE_MESSAGE = '无法读取这张照片，请换一张或重新拍摄';

export function offscreenEnv(jpeg: boolean): CanvasEnv {
  return {
    canvas: (w, h) => new OffscreenCanvas(w, h),
    encode: (c, quality) => (c as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality }),
    jpeg,
  };
}

/** The displayed size (after EXIF orientation) read from the file's header, when readable. */
export async function headerSize(file: Blob): Promise<{ width: number; height: number } | null> {
  const info = readImageInfo(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
  return info ? orientedSize(info) : null;
}

/**
 * Decodes for a draw at the 1600 px target. Up to 16.7 MP (a 12 MP camera photo) the bitmap is
 * made without resize options: engines decode it lazily and scale while drawing (Chromium even
 * decodes the JPEG at a reduced scale), measured 1.3–2× faster than decoding into the target
 * size with resizeQuality (test/bench/photo.bench.ts). Above that, the resize options keep a
 * 48 MP photo from ever being held at full size. An unreadable header: decode, then fit.
 */
export async function decodeBitmapAtTarget(file: Blob): Promise<{ bitmap: ImageBitmap; target: { width: number; height: number } }> {
  const size = await headerSize(file);
  try {
    if (size && size.width * size.height > MAX_CANVAS_PIXELS) {
      const target = fitWithin(size.width, size.height, FULL_EDGE);
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image', resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
      return { bitmap, target };
    }
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { bitmap, target: fitWithin(bitmap.width, bitmap.height, FULL_EDGE) };
  } catch {
    throw new PhotoError(DECODE_MESSAGE);
  }
}

export async function processOffscreen(file: Blob, wm: WatermarkInfo, jpeg: boolean): Promise<ProcessedPhoto> {
  const { bitmap, target } = await decodeBitmapAtTarget(file);
  const out = await finish(offscreenEnv(jpeg), { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }, target, wm);
  return { ...out, path: 'worker' };
}
