// Issue 15: the photo paths' pure parts. Step scaling on the <img> path never makes a canvas
// above iOS's 16,777,216-pixel limit and ends less than 2× above the target; the capability
// switch hides what the tests ask; the last-resort JS encoder makes a real JPEG without Node's
// Buffer (as in a browser) and leaves no global behind. The pipeline itself runs in real
// engines: test/e2e/engines.e2e.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { detectCaps } from '../../pwa/src/photo/caps';
import { fitWithin, readImageInfo } from '../../pwa/src/photo/image-info';
import { encodeJpegJs } from '../../pwa/src/photo/jpeg-js';
import { FULL_EDGE, MAX_CANVAS_PIXELS, stepDown, type CanvasEnv, type Surface } from '../../pwa/src/photo/pipeline';
import { jpegScaledSize } from '../../pwa/src/photo/scaled-decode';

function fakeEnv() {
  const made: Array<{ width: number; height: number }> = [];
  const env: CanvasEnv = {
    canvas(width, height) {
      made.push({ width, height });
      const c = { width, height, getContext: () => ({ drawImage() {}, imageSmoothingEnabled: true, imageSmoothingQuality: 'high' }) };
      return c as unknown as Surface;
    },
    encode: async () => null,
    jpeg: true,
  };
  return { env, made };
}

describe('step scaling on the <img> path', () => {
  for (const [w, h] of [[4000, 3000], [3000, 4000], [8000, 6000], [16000, 12000], [9000, 1000]] as const) {
    it(`${w}×${h}: every step canvas within iOS's limit, the last draw < 2× the target`, () => {
      const { env, made } = fakeEnv();
      const target = fitWithin(w, h, FULL_EDGE);
      const out = stepDown(env, { source: {} as CanvasImageSource, width: w, height: h }, target);
      for (const c of made) expect(c.width * c.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
      expect(out.width).toBeGreaterThanOrEqual(target.width);
      expect(out.height).toBeGreaterThanOrEqual(target.height);
      expect(out.width < target.width * 2 || out.height < target.height * 2).toBe(true);
      // Each step at least halves (no step upscales or stalls).
      let prev: { width: number; height: number } = { width: w, height: h };
      for (const c of made) {
        expect(c.width).toBeLessThanOrEqual(Math.ceil(prev.width / 2));
        prev = c;
      }
    });
  }

  it('draws nothing extra when the photo is already small', () => {
    const { env, made } = fakeEnv();
    const out = stepDown(env, { source: {} as CanvasImageSource, width: 1600, height: 1200 }, { width: 1600, height: 1200 });
    expect(made).toHaveLength(0);
    expect(out.width).toBe(1600);
  });
});

describe('capabilities and the test switch', () => {
  const g = globalThis as Record<string, unknown>;
  const saved = { OffscreenCanvas: g.OffscreenCanvas, Worker: g.Worker, createImageBitmap: g.createImageBitmap };
  afterEach(() => Object.assign(g, saved));

  it('takes the Worker only with OffscreenCanvas + convertToBlob + Worker + createImageBitmap', () => {
    Object.assign(g, { OffscreenCanvas: undefined, Worker: undefined, createImageBitmap: undefined });
    expect(detectCaps(new Set())).toEqual({ offscreen: false, resize: false, jpeg: true });
    class Oc {
      convertToBlob() {}
    }
    Object.assign(g, { OffscreenCanvas: Oc, Worker: class {}, createImageBitmap: () => {} });
    expect(detectCaps(new Set())).toEqual({ offscreen: true, resize: true, jpeg: true });
    // An OffscreenCanvas that cannot encode is no use to the Worker.
    Object.assign(g, { OffscreenCanvas: class {} });
    expect(detectCaps(new Set()).offscreen).toBe(false);
  });

  it('hides what the switch lists', () => {
    Object.assign(g, { OffscreenCanvas: class { convertToBlob() {} }, Worker: class {}, createImageBitmap: () => {} });
    expect(detectCaps(new Set(['offscreen']))).toEqual({ offscreen: false, resize: true, jpeg: true });
    expect(detectCaps(new Set(['offscreen', 'resize', 'jpeg']))).toEqual({ offscreen: false, resize: false, jpeg: false });
  });
});

describe('the last-resort JS JPEG encoder', () => {
  it('encodes a real JPEG where there is no Buffer (a browser) and leaves no global behind', () => {
    const width = 64;
    const height = 48;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < data.length; i += 4) Object.assign(data, { [i]: (i / 4) % 256, [i + 1]: 80, [i + 2]: 160, [i + 3]: 255 });
    const g = globalThis as { Buffer?: unknown };
    const nodeBuffer = g.Buffer;
    delete g.Buffer;
    try {
      const out = encodeJpegJs({ data, width, height, colorSpace: 'srgb' } as ImageData, 80);
      expect(out).toBeInstanceOf(Uint8Array);
      expect([out[0], out[1]]).toEqual([0xff, 0xd8]);
      expect(readImageInfo(out)).toMatchObject({ width, height });
      expect('Buffer' in globalThis).toBe(false);
    } finally {
      g.Buffer = nodeBuffer;
    }
  });
});

describe('the scaled JPEG decode size (scaled-decode.ts)', () => {
  it('asks libjpeg for the smallest n/8 scale that still covers the 1600 px target', () => {
    const fit = (w: number, h: number) => jpegScaledSize({ width: w, height: h }, fitWithin(w, h, FULL_EDGE));
    // 12 MP: 3/8 would give 1500 px (an upscale); 4/8 gives 2000×1500.
    expect(fit(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fit(3000, 4000)).toEqual({ width: 1500, height: 2000 });
    // 48 MP: 2/8.
    expect(fit(8000, 6000)).toEqual({ width: 2000, height: 1500 });
    // 3000×2250: 5/8 = 1875 px.
    expect(fit(3000, 2250)).toEqual({ width: 1875, height: 1407 });
    // Already at or below the target (or needing 8/8): the full decode, no scaling.
    expect(fit(1600, 1200)).toBeNull();
    expect(fit(1700, 1275)).toBeNull();
    expect(fit(800, 600)).toBeNull();
  });

  it('never gives less than the target on either edge', () => {
    for (let w = 1601; w < 9000; w += 97) {
      for (const ratio of [0.75, 1, 4 / 3, 0.5625, 16 / 9]) {
        const h = Math.round(w * ratio);
        const target = fitWithin(w, h, FULL_EDGE);
        const got = jpegScaledSize({ width: w, height: h }, target);
        if (!got) continue;
        expect(got.width).toBeGreaterThanOrEqual(target.width);
        expect(got.height).toBeGreaterThanOrEqual(target.height);
        expect(got.width).toBeLessThan(w);
      }
    }
  });
});
