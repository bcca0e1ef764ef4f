import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/import/extract/decode';
import { extractPlanText } from '../../../shared/import/extract';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
// "序号⇥工作任务\n1⇥推进" in GB18030/GBK, as Windows Notepad saves it on a Chinese Windows.
const GBK = hex('d0f2bac509b9a4d7f7c8cecef10a3109cdc6bdf8');
const PLAIN = '序号\t工作任务\n1\t推进';

describe('text files', () => {
  it('reads GBK/GB18030 bytes (invalid as UTF-8) without mojibake', () => {
    expect(decodeText(GBK)).toEqual({ text: PLAIN, encoding: 'gb18030' });
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM (either byte order) or without', () => {
    const utf8 = new TextEncoder().encode(PLAIN);
    expect(decodeText(utf8)).toEqual({ text: PLAIN, encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: PLAIN, encoding: 'utf-8' });
    const le = Uint8Array.from([...PLAIN].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]));
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...le]))).toEqual({ text: PLAIN, encoding: 'utf-16le' });
    const be = Uint8Array.from([...PLAIN].flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff]));
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]))).toEqual({ text: PLAIN, encoding: 'utf-16be' });
    const ascii = 'No.\tTask\n1\tRoads 2025\n';
    const le2 = Uint8Array.from([...ascii].flatMap((ch) => [ch.charCodeAt(0), 0]));
    expect(decodeText(le2)).toEqual({ text: ascii, encoding: 'utf-16le' });
  });

  it('hands a GBK .txt to the parser as the same text a UTF-8 file gives', async () => {
    const r = await extractPlanText(GBK, '方案.txt');
    expect(r).toEqual({ text: PLAIN, format: 'text', warnings: [] });
  });
});

describe('CSV', () => {
  it('reads a CSV export (UTF-8 with BOM, as Excel saves it) as TAB rows: quoted fields with commas, quotes and line breaks', async () => {
    const csv = '序号,工作任务,牵头单位\r\n1,"推进城市更新，""十四五""收官",区住建局\r\n2,"完成老旧小区\n改造",区城管局\r\n,,\r\n';
    const r = await extractPlanText(new TextEncoder().encode(`\ufeff${csv}`), '台账.csv');
    expect(r).toEqual({ format: 'csv', warnings: [], text: '序号\t工作任务\t牵头单位\n1\t推进城市更新，"十四五"收官\t区住建局\n2\t完成老旧小区改造\t区城管局' });
  });
});

describe('plain text stays plain', () => {
  it('hands every seed document (OCR text with stray <p>/<td> tags) to the parser byte for byte', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../seeds/', import.meta.url);
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(new URL(f, dir));
      const r = await extractPlanText(new Uint8Array(bytes), f);
      expect(r.format, f).toBe('text');
      expect(r.text, f).toBe(bytes.toString('utf8').replace(/^\ufeff/, ''));
    }
  });
});
