// Which photo path this browser can take (docs/PLATFORM.md: capability table). Detected once per photo,
// cheaply. A test switch hides features so every engine can run every fallback: localStorage
// `duban.photo.hide` = a comma list of `offscreen`, `resize`, `jpeg` (the e2e and the benchmark
// set it; nothing in the app does).
export type PhotoFeature = 'offscreen' | 'resize' | 'jpeg';

export const HIDE_KEY = 'duban.photo.hide';

export interface PhotoCaps {
  /** OffscreenCanvas with a 2D context and convertToBlob, in a module Worker: off the main thread. */
  offscreen: boolean;
  /** createImageBitmap honours resizeWidth/resizeHeight (decode straight into 1600 px). */
  resize: boolean;
  /** The canvas can encode JPEG (toBlob/convertToBlob do not fall back to PNG). */
  jpeg: boolean;
}

export function hiddenFeatures(): Set<PhotoFeature> {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(HIDE_KEY);
    return new Set((raw ?? '').split(',').map((s) => s.trim()).filter(Boolean) as PhotoFeature[]);
  } catch {
    return new Set();
  }
}

/**
 * What the main thread may use. `resize` and `jpeg` are what the engine claims; a wrong claim
 * still ends on a working path (a failed resize decode falls back to <img>, a PNG from the
 * encoder to the JS encoder).
 */
export function detectCaps(hidden = hiddenFeatures()): PhotoCaps {
  const g = globalThis as typeof globalThis & { OffscreenCanvas?: unknown; Worker?: unknown };
  const offscreen =
    typeof g.OffscreenCanvas === 'function' &&
    typeof g.Worker === 'function' &&
    typeof createImageBitmap === 'function' &&
    'convertToBlob' in (g.OffscreenCanvas as { prototype: object }).prototype;
  return {
    offscreen: offscreen && !hidden.has('offscreen'),
    resize: typeof createImageBitmap === 'function' && !hidden.has('resize'),
    jpeg: !hidden.has('jpeg'),
  };
}
