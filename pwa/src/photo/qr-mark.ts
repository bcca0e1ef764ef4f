// The QR code in the watermark band: the verification URL (…/v/<核验码>), so anyone who receives
// the photo can open the page that says what it proves. uqr encodes (pure JS, no DOM): this
// module runs on a page canvas and inside a Web Worker on an OffscreenCanvas alike.
import { encode } from 'uqr';

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Quiet zone in modules around the code: the band behind it is dark and busy. */
const QUIET = 2;

/**
 * Draws `text` as a QR code inside a `box` × `box` square at (x, y): white quiet zone, black
 * modules on whole pixels (a blurred module edge after JPEG costs readability). Level M error
 * correction (15 %) survives the JPEG encode and a phone camera pointed at a screen.
 * Returns the side actually drawn (≤ box).
 */
export function drawQr(ctx: Context2D, text: string, x: number, y: number, box: number): number {
  const qr = encode(text, { ecc: 'M', border: 0 });
  const modules = qr.size + QUIET * 2;
  const px = Math.max(1, Math.floor(box / modules));
  const side = px * modules;
  ctx.save();
  ctx.shadowColor = 'transparent';
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y, side, side);
  ctx.fillStyle = '#000';
  for (let r = 0; r < qr.size; r++) {
    const row = qr.data[r]!;
    for (let c = 0; c < qr.size; c++) {
      if (row[c]) ctx.fillRect(x + (c + QUIET) * px, y + (r + QUIET) * px, px, px);
    }
  }
  ctx.restore();
  return side;
}
