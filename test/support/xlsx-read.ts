// Reads a workbook back for tests: unzip with fflate and pick the cells out of the sheet XML.
// Handles what spreadsheets write (inline strings, shared strings, numbers, hyperlinks); no
// dependency beyond fflate, and no DOM, so it runs in workerd and in Node alike.
import { strFromU8, unzipSync } from 'fflate';

export type Sheets = Record<string, string[][]>;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** "AB" → 27 (0-based column index). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1]!)).join('');
}

/** Relationship id → target of a .rels part. */
function relationships(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<Relationship\s[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

/** Each sheet's part path, by sheet name in workbook order. */
function sheetParts(read: (path: string) => string): Array<[name: string, path: string]> {
  const rels = relationships(read('xl/_rels/workbook.xml.rels'));
  return [...read('xl/workbook.xml').matchAll(/<sheet\s[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [
    unescape(m[1]!),
    `xl/${rels.get(m[2]!)!.replace(/^\/?xl\//, '')}`,
  ]);
}

/** The hyperlinks of every sheet: cell reference ("P2") → URL. */
export function readXlsxLinks(bytes: Uint8Array): Record<string, Record<string, string>> {
  const files = unzipSync(bytes);
  const read = (path: string) => (files[path] ? strFromU8(files[path]!) : '');
  const out: Record<string, Record<string, string>> = {};
  for (const [name, path] of sheetParts(read)) {
    const rels = relationships(read(path.replace(/([^/]+)$/, '_rels/$1.rels')));
    out[name] = Object.fromEntries(
      [...read(path).matchAll(/<hyperlink\s[^>]*ref="([A-Z]+\d+)"[^>]*r:id="([^"]+)"/g)].map((m) => [m[1]!, rels.get(m[2]!) ?? '']),
    );
  }
  return out;
}

export function readXlsx(bytes: Uint8Array): Sheets {
  const files = unzipSync(bytes);
  const read = (path: string) => (files[path] ? strFromU8(files[path]!) : '');
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
  const out: Sheets = {};
  for (const [name, path] of sheetParts(read)) {
    const xml = read(path);
    const rows: string[][] = [];
    for (const row of xml.matchAll(/<row\s[^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const c of row[2]!.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = c[1]!;
        const ref = /r="([A-Z]+\d+)"/.exec(attrs)![1]!;
        const type = /t="([^"]+)"/.exec(attrs)?.[1];
        const body = c[2] ?? '';
        let value = '';
        if (type === 'inlineStr') value = texts(body);
        else if (type === 's') value = shared[Number(/<v>([^<]*)<\/v>/.exec(body)?.[1])] ?? '';
        else value = unescape(/<v>([^<]*)<\/v>/.exec(body)?.[1] ?? '');
        cells[columnIndex(ref)] = value;
      }
      rows[Number(row[1]) - 1] = Array.from(cells, (v) => v ?? '');
    }
    out[name] = Array.from(rows, (r) => r ?? []);
  }
  return out;
}
