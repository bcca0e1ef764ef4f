// The photo paths on the main thread, for engines without OffscreenCanvas: createImageBitmap's
// resize options where they work ('bitmap'), else the oldest path that still works on a phone
// that can show a JPEG ('img'): decode via <img> (EXIF orientation applied by the engine),
// halve in steps on canvases within iOS's canvas limit, then the shared finish (watermark,
// JPEG — the JS encoder if the canvas only makes PNG).
import type { PhotoCaps } from './caps';
import { fitWithin } from './image-info';
import { decodeAtTarget, DECODE_MESSAGE, readForDecode } from './offscreen';
import { finish, FULL_EDGE, PhotoError, release, stepDown, stopwatch, type CanvasEnv, type ProcessedPhoto } from './pipeline';
import type { WatermarkInfo } from './watermark';

function domEnv(jpeg: boolean): CanvasEnv {
  return {
    canvas(width, height) {
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      return c;
    },
    encode: (c, quality) => new Promise((resolve) => (c as HTMLCanvasElement).toBlob(resolve, 'image/jpeg', quality)),
    jpeg,
  };
}

async function decodeImg(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    // decode() is missing or flaky in old WebKit: the load event is the fallback.
    await (typeof img.decode === 'function'
      ? img.decode().catch(() => loaded(img))
      : loaded(img));
    if (!img.naturalWidth) throw new Error('empty');
    return img;
  } catch {
    throw new PhotoError(DECODE_MESSAGE);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function loaded(img: HTMLImageElement): Promise<void> {
  if (img.complete && img.naturalWidth) return Promise.resolve();
  return new Promise((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('decode'));
  });
}

export async function processOnMainThread(file: Blob, wm: WatermarkInfo, caps: PhotoCaps): Promise<ProcessedPhoto> {
  const env = domEnv(caps.jpeg);
  if (caps.resize) {
    try {
      const sw = stopwatch();
      const { image, target } = await decodeAtTarget(file, await readForDecode(file));
      sw.lap('decode');
      const out = await finish(env, image, target, wm, sw);
      return { ...out, path: 'bitmap' };
    } catch (e) {
      // Engines that claim createImageBitmap but reject its options or the file: the <img> path.
      if (e instanceof PhotoError && e.message !== DECODE_MESSAGE) throw e;
    }
  }
  const img = await decodeImg(file);
  // naturalWidth/Height are the displayed size: the engine applied the EXIF orientation.
  const target = fitWithin(img.naturalWidth, img.naturalHeight, FULL_EDGE);
  const stepped = { ...stepDown(env, { source: img, width: img.naturalWidth, height: img.naturalHeight }, target), decoder: 'img' as const };
  try {
    const out = await finish(env, stepped, target, wm);
    return { ...out, path: 'img' };
  } finally {
    if (stepped.source instanceof HTMLCanvasElement) release(stepped.source);
  }
}
