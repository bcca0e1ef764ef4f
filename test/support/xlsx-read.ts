// Reads a workbook back for tests: unzip with fflate and pick the cells out of the sheet XML.
// Handles what spreadsheets write (inline strings, shared strings, numbers); no dependency beyond
// fflate, and no DOM, so it runs in workerd and in Node alike.
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

export function readXlsx(bytes: Uint8Array): Sheets {
  const files = unzipSync(bytes);
  const read = (path: string) => (files[path] ? strFromU8(files[path]!) : '');
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
  const rels = new Map(
    [...read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const out: Sheets = {};
  for (const m of read('xl/workbook.xml').matchAll(/<sheet\s[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = rels.get(m[2]!)!.replace(/^\/?xl\//, '');
    const xml = read(`xl/${target}`);
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
    out[unescape(m[1]!)] = Array.from(rows, (r) => r ?? []);
  }
  return out;
}
