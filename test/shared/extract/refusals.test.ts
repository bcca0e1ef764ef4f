import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { ExtractError, extractPlanText } from '../../../shared/import/extract';

const OLE2 = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

async function refusal(bytes: Uint8Array, name: string): Promise<ExtractError> {
  const e = await extractPlanText(bytes, name).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExtractError);
  return e as ExtractError;
}

describe('files the import cannot read are refused with a clear message, nothing imported', () => {
  it('old Word/WPS documents (OLE2) ask to save as .docx', async () => {
    for (const name of ['方案.doc', '方案.wps']) {
      const e = await refusal(OLE2, name);
      expect(e.code).toBe('old_binary_format');
      expect(e.message).toContain('另存为');
      expect(e.message).toContain('.docx');
    }
  });

  it('old spreadsheets (.xls/.et) ask to save as .xlsx', async () => {
    for (const name of ['台账.xls', '台账.et']) {
      const e = await refusal(OLE2, name);
      expect(e.message).toContain('.xlsx');
      expect(e.message).toContain('另存为');
    }
  });

  it('an OLE2 file with another name still gets the old-format message', async () => {
    expect((await refusal(OLE2, 'attachment.bin')).code).toBe('old_binary_format');
  });

  it('images, unknown binaries, empty files, damaged or foreign zips and RTF are refused', async () => {
    expect((await refusal(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'scan.png')).message).toContain('图片');
    const binary = Uint8Array.from({ length: 2000 }, (_, i) => (i * 37) % 256);
    expect((await refusal(binary, 'data.bin')).code).toBe('unknown_format');
    expect((await refusal(new Uint8Array(), 'empty.txt')).code).toBe('empty_document');
    expect((await refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.docx')).code).toBe('damaged_file');
    expect((await refusal(zipSync({ 'a.txt': strToU8('x') }), 'other.zip')).code).toBe('unknown_format');
    expect((await refusal(strToU8('{\\rtf1\\ansi hello}'), 'plan.rtf')).message).toContain('.docx');
  });

  it('refuses a zip whose parts claim to inflate beyond 200 MB (a zip bomb) before inflating them', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const view = new DataView(zip.buffer);
    for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    const e = await refusal(zip, 'bomb.docx');
    expect(e.message).toContain('过大');
  });

  it('a PDF without a PDF reader (worker side) is refused rather than read as text', async () => {
    expect((await refusal(strToU8('%PDF-1.4\n%%EOF'), 'plan.pdf')).code).toBe('unknown_format');
  });
});
