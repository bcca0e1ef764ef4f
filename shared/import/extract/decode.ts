// Bytes of a text file → string. Offices save plans from Windows Notepad (GBK/GB18030 by default
// on a Chinese Windows), from WPS (UTF-8, often with a BOM) or as UTF-16 ("Unicode"). Detect, and
// never show mojibake: bytes that are not valid UTF-8 are read as GB18030, a superset of GBK.

interface Decoder {
  decode(input: Uint8Array): string;
}
// TextDecoder exists in browsers, Node and workerd; the shared lib is ES2022 without DOM types.
const TD = (globalThis as unknown as { TextDecoder: new (label?: string, opts?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder }).TextDecoder;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** UTF-16 without a BOM: plain text in it has a zero byte in every other position for ASCII. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > n / 8 && evenZero === 0) return 'utf-16le';
  if (evenZero > n / 8 && oddZero === 0) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TD('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TD('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TD('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TD(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TD('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TD('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Control characters other than tab, newlines and form feed: a text file has (almost) none. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > 0 && control / sample.length > 0.01;
}
