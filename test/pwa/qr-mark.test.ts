// The watermark's QR code is drawn without any DOM (it must also run in a Web Worker on an
// OffscreenCanvas): draw it onto a minimal 2D context backed by a plain RGBA buffer, then let a
// real decoder (jsQR) read it back. The end-to-end check on the 1600 px JPEG is test/e2e/verify.e2e.ts.
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { drawQr, type Context2D } from '../../pwa/src/photo/qr-mark';
import { newVerifyCode, verifyUrl } from '../../shared/verify-code';

/** Just what drawQr uses of a 2D context: fillRect with a solid fillStyle, save/restore. */
function rgbaContext(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4).fill(90); // a dark grey "photo"
  const ctx = {
    fillStyle: '#000',
    shadowColor: '',
    save() {},
    restore() {},
    fillRect(x: number, y: number, w: number, h: number) {
      const v = this.fillStyle === '#fff' ? 255 : 0;
      for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) data.fill(v, (r * width + c) * 4, (r * width + c) * 4 + 3);
    },
  };
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { ctx: ctx as unknown as Context2D, data };
}

describe('watermark QR code', () => {
  it('is drawn without a DOM and decodes back to the verification URL', () => {
    const url = verifyUrl('https://duban.example.gov.cn', newVerifyCode());
    const { ctx, data } = rgbaContext(400, 300);
    const side = drawQr(ctx, url, 150, 60, 200);
    expect(side).toBeLessThanOrEqual(200);
    expect(side).toBeGreaterThan(100);
    expect(jsQR(data, 400, 300)?.data).toBe(url);
  });

  it('keeps whole-pixel modules inside the box it is given', () => {
    const { ctx } = rgbaContext(300, 300);
    const modules = encode('https://duban.example/v/ABCDEFGHJKMN', { ecc: 'M', border: 0 }).size + 4; // 2-module quiet zone
    for (const box of [60, 97, 150, 213]) {
      const side = drawQr(ctx, 'https://duban.example/v/ABCDEFGHJKMN', 0, 0, box);
      expect(side % modules).toBe(0);
      expect(side).toBeLessThanOrEqual(box);
      expect(box - side).toBeLessThan(modules);
    }
  });
});
