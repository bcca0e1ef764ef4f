// The photo path inside a Worker: decode at (or near) the 1600 px target with EXIF orientation
// applied, draw on an OffscreenCanvas, encode with convertToBlob.
// The page's main thread only hands over the File and gets the bytes back (transferred).
import { fitWithin, orientedSize, readImageInfo, type ImageInfo } from './image-info';
import { context2d, finish, FULL_EDGE, MAX_CANVAS_PIXELS, PhotoError, stopwatch, type CanvasEnv, type Drawable, type Overlay, type ProcessedPhoto } from './pipeline';
import { decodeScaledJpeg } from './scaled-decode';
import { drawBand, watermarkHeight, type WatermarkInfo } from './watermark';

export const DECODE_MESSAGE = '无法读取这张照片，请换一张或重新拍摄';

export function offscreenEnv(jpeg: boolean): CanvasEnv {
  return {
    canvas: (w, h) => new OffscreenCanvas(w, h),
    encode: (c, quality) => (c as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality }),
    jpeg,
  };
}

export interface Header {
  info: ImageInfo;
  /** Size as displayed (EXIF orientation applied). */
  displayed: { width: number; height: number };
  /** The 1600 px target. */
  target: { width: number; height: number };
  jpeg: boolean;
}

/** What decodeAtTarget needs: the whole file for ImageDecoder, else the header's bytes only. */
export function readForDecode(file: Blob): Promise<ArrayBuffer> {
  return (typeof ImageDecoder === 'function' ? file : file.slice(0, 256 * 1024)).arrayBuffer();
}

/** The header (size, EXIF orientation) from the file's first bytes, when readable. */
export function readHeader(bytes: ArrayBuffer): Header | null {
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 256 * 1024));
  const info = readImageInfo(head);
  if (!info) return null;
  const displayed = orientedSize(info);
  return { info, displayed, target: fitWithin(displayed.width, displayed.height, FULL_EDGE), jpeg: head[0] === 0xff };
}

/**
 * Decodes for a draw at the 1600 px target, EXIF orientation applied. A JPEG goes through
 * ImageDecoder at a reduced n/8 scale where the engine can (scaled-decode.ts). Otherwise, up to
 * 16.7 MP (a 12 MP camera photo) the bitmap is made without resize options and scaled while
 * drawing, measured faster than decoding into the target size with resizeQuality; above that,
 * the resize options keep a 48 MP photo from ever being held at full size. An unreadable
 * header: decode, then fit.
 */
export async function decodeAtTarget(file: Blob, bytes: ArrayBuffer /* readForDecode */, head = readHeader(bytes)): Promise<{ image: Drawable; target: { width: number; height: number } }> {
  if (head?.jpeg && bytes.byteLength === file.size) {
    const image = await decodeScaledJpeg(bytes, head.info, head.displayed, head.target);
    if (image) return { image, target: head.target };
  }
  try {
    const bitmap =
      head && head.displayed.width * head.displayed.height > MAX_CANVAS_PIXELS
        ? await createImageBitmap(file, { imageOrientation: 'from-image', resizeWidth: head.target.width, resizeHeight: head.target.height, resizeQuality: 'high' })
        : await createImageBitmap(file, { imageOrientation: 'from-image' });
    const image: Drawable = { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close(), decoder: 'bitmap' };
    return { image, target: head?.target ?? fitWithin(bitmap.width, bitmap.height, FULL_EDGE) };
  } catch {
    throw new PhotoError(DECODE_MESSAGE);
  }
}

/** The watermark band on its own transparent canvas, rasterised now (while the photo decodes). */
function bandBitmap(target: { width: number; height: number }, wm: WatermarkInfo): Overlay {
  const h = watermarkHeight(target.width, target.height, wm);
  const c = new OffscreenCanvas(target.width, h);
  drawBand(context2d(c), target.width, target.height, 0, wm);
  const bitmap = c.transferToImageBitmap();
  return { source: bitmap, top: target.height - h, close: () => bitmap.close() };
}

export async function processOffscreen(file: Blob, wm: WatermarkInfo, jpeg: boolean): Promise<ProcessedPhoto> {
  const sw = stopwatch();
  const bytes = await readForDecode(file);
  const head = readHeader(bytes);
  // The decoder works on its own thread from here on; this thread draws the band meanwhile.
  const decoding = decodeAtTarget(file, bytes, head);
  const band = head ? bandBitmap(head.target, wm) : undefined;
  sw.lap('watermark');
  const { image, target } = await decoding.catch((e: unknown) => {
    band?.close();
    throw e;
  });
  sw.lap('decode');
  const out = await finish(offscreenEnv(jpeg), image, target, wm, sw, band);
  return { ...out, path: 'worker' };
}
