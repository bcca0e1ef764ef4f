// The last-resort JPEG encoder (jpeg-js, pure JS baseline JPEG) for engines whose canvas cannot
// encode JPEG (toBlob gives PNG: WPE 2.38, some WebViews). Loaded by dynamic import only there.
/// <reference path="./jpeg-js-encoder.d.ts" />
import encode from 'jpeg-js/lib/encoder.js';

/** Only the one method jpeg-js calls (under Node's types the global Buffer is Node's own). */
type WithBuffer = { Buffer?: { from(a: ArrayLike<number>): Uint8Array } };

export function encodeJpegJs(pixels: ImageData, quality: number): Uint8Array<ArrayBuffer> {
  // Bundled as CommonJS, jpeg-js believes it runs under Node and ends with Buffer.from(bytes):
  // lend it the one method it calls for the duration of the call.
  const g = globalThis as unknown as WithBuffer;
  const lent = !g.Buffer;
  if (lent) g.Buffer = { from: (a) => Uint8Array.from(a) };
  try {
    const out = encode({ data: pixels.data, width: pixels.width, height: pixels.height }, quality).data;
    return out instanceof Uint8Array ? (out as Uint8Array<ArrayBuffer>) : Uint8Array.from(out);
  } finally {
    if (lent) delete g.Buffer;
  }
}
