// MHTML (.mht/.mhtml: a web page saved as one file by a browser, or Word's 单个文件网页, and some
// systems' “.doc” exports): the MIME envelope is opened and its HTML part returned as text.
import { decodeText } from './decode';

interface Decoder {
  decode(input: Uint8Array): string;
}
const TD = (globalThis as unknown as { TextDecoder: new (label?: string) => Decoder }).TextDecoder;
const atob = (globalThis as unknown as { atob: (s: string) => string }).atob;

/** True when the text is a MIME multipart/related document. */
export function isMhtml(text: string): boolean {
  const head = text.slice(0, 4000);
  return /^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head);
}

function bytesOf(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Uint8Array.from(atob(body.replace(/[^A-Za-z0-9+/=]/g, '')), (c) => c.charCodeAt(0));
  if (encoding === 'quoted-printable') {
    const s = body.replace(/=\r?\n/g, '');
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
        out.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(s.charCodeAt(i) & 0xff);
    }
    return Uint8Array.from(out);
  }
  return Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
}

/** The HTML part of an MHTML document, decoded; null when there is none. */
export function mhtmlHtml(text: string): string | null {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text.slice(0, 4000))?.[1];
  if (!boundary) return null;
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = (/Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1] ?? '8bit').toLowerCase();
    if (encoding !== 'base64' && encoding !== 'quoted-printable') return body;
    const bytes = bytesOf(body, encoding);
    const charset = /charset="?([\w-]+)"?/i.exec(headers)?.[1];
    if (!charset) return decodeText(bytes).text;
    try {
      return new TD(charset).decode(bytes);
    } catch {
      return decodeText(bytes).text;
    }
  }
  return null;
}
