// What an uploaded photo really is: the type from its magic bytes (never from the client's
// label) and its pixel size from the header, so a pixel flood (a small file that decodes to a
// gigantic bitmap) is refused before anyone tries to display it.
import type { PHOTO_TYPES } from '../../../shared/labels';

export type PhotoType = (typeof PHOTO_TYPES)[number];

/** 40 megapixels: above any phone camera, far below a decompression bomb. */
export const MAX_PIXELS = 40_000_000;
/** No side longer than this (a 1 × 40 000 000 strip is as absurd as a huge square). */
export const MAX_SIDE = 20_000;

export interface ImageInfo {
  type: PhotoType;
  width: number;
  height: number;
}

/** The type the bytes say they are, or null when they are neither JPEG nor WebP. */
export function sniffPhotoType(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** Type and dimensions from the header; null when the header cannot be read. */
export function readImageInfo(b: Uint8Array): ImageInfo | null {
  const type = sniffPhotoType(b);
  if (type === 'image/jpeg') {
    const size = jpegSize(b);
    return size ? { type, ...size } : null;
  }
  if (type === 'image/webp') {
    const size = webpSize(b);
    return size ? { type, ...size } : null;
  }
  return null;
}

export function isPixelFlood(info: { width: number; height: number }): boolean {
  return info.width > MAX_SIDE || info.height > MAX_SIDE || info.width * info.height > MAX_PIXELS;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...b.subarray(at, at + n));
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** Start-of-frame markers carry the size: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Walks the marker segments after SOI up to the first frame header. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (pos < b.length && b[pos] === 0xff) pos++;
    const marker = b[pos++];
    if (marker === undefined) return null;
    // Markers without a length: TEM and RST0–7. SOI again, EOI or SOS before a frame: broken.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return null;
    if (pos + 2 > b.length) return null;
    const length = u16be(b, pos);
    if (length < 2) return null;
    if (isSof(marker)) {
      if (length < 7 || pos + 7 > b.length) return null;
      const height = u16be(b, pos + 3);
      const width = u16be(b, pos + 5);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    pos += length;
  }
  return null;
}

/** The first chunk after the RIFF header: VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes, bit 0 clear on a key frame), start code 9D 01 2A, then 14-bit sizes.
    if ((b[20]! & 1) !== 0 || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    const width = u16le(b, 26) & 0x3fff;
    const height = u16le(b, 28) & 0x3fff;
    return width > 0 && height > 0 ? { width, height } : null;
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}
