// Reads pixel dimensions and the EXIF orientation from the first bytes of a JPEG (or PNG), so
// the photo can be decoded straight into its target size without decoding it at full size first.

export interface ImageInfo {
  /** Stored pixel size, before orientation. */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when absent). 5–8 swap width and height. */
  orientation: number;
}

/** Size as displayed (after EXIF orientation). */
export function orientedSize(info: ImageInfo): { width: number; height: number } {
  return info.orientation >= 5 && info.orientation <= 8
    ? { width: info.height, height: info.width }
    : { width: info.width, height: info.height };
}

/** Scales (w, h) so the long edge is at most maxEdge (never up). */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpeg(bytes);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes.length >= 24) {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: v.getUint32(16), height: v.getUint32(20), orientation: 1 };
  }
  return null;
}

function readJpeg(b: Uint8Array): ImageInfo | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let orientation = 1;
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return null;
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    const len = v.getUint16(pos + 2);
    if (len < 2) return null;
    const seg = pos + 4;
    if (marker === 0xe1 && seg + 6 <= b.length && v.getUint32(seg) === 0x45786966 && v.getUint16(seg + 4) === 0) {
      orientation = exifOrientation(v, seg + 6, Math.min(b.length, pos + 2 + len)) ?? orientation;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (seg + 5 > b.length) return null;
      return { height: v.getUint16(seg + 1), width: v.getUint16(seg + 3), orientation };
    }
    if (marker === 0xda) return null; // start of scan before any frame header
    pos += 2 + len;
  }
  return null;
}

function exifOrientation(v: DataView, tiff: number, end: number): number | null {
  if (tiff + 8 > end) return null;
  const little = v.getUint16(tiff) === 0x4949;
  const u16 = (o: number) => v.getUint16(o, little);
  const u32 = (o: number) => v.getUint32(o, little);
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) === 0x0112) {
      const o = u16(entry + 8);
      return o >= 1 && o <= 8 ? o : null;
    }
  }
  return null;
}
