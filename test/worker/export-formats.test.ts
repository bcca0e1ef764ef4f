// The XLSX writer and the CSV writer (used for account lists; reused by the circular export).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../worker/src/lib/csv';
import { contentDisposition } from '../../worker/src/lib/download';
import { buildXlsx, columnLetter } from '../../worker/src/lib/xlsx';

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

describe('buildXlsx', () => {
  const wb = parts(
    buildXlsx([
      {
        name: '通报',
        columns: [{ header: '序号', width: 6 }, { header: '单位', width: 24 }, { header: '进展', width: 60, wrap: true }],
        rows: [
          [1, '发改委 & <财政局>', '完成"十件实事"\n第二行'],
          [2.5, null, '=HYPERLINK("http://x")'],
          [-3, 'a\u0000b\ud800c\u202e', undefined],
        ],
      },
      { name: 'bad/name:*?[]', columns: [{ header: 'A' }], rows: [[1]] },
      { name: '通报', columns: [], rows: [] },
    ]),
  );

  it('has every part Excel and WPS need, each declared in [Content_Types].xml', () => {
    expect(Object.keys(wb).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    const types = wb['[Content_Types].xml']!;
    for (const p of ['/xl/workbook.xml', '/xl/styles.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet3.xml']) {
      expect(types).toContain(`PartName="${p}"`);
    }
    expect(wb['_rels/.rels']).toContain('Target="xl/workbook.xml"');
    const rels = wb['xl/_rels/workbook.xml.rels']!;
    expect(rels).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"');
    expect(rels).toContain('Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"');
    for (const xml of Object.values(wb)) expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  });

  it('names sheets as Excel allows: no []:*?/\\, unique', () => {
    expect(wb['xl/workbook.xml']).toContain('<sheet name="通报" sheetId="1" r:id="rId1"/>');
    expect(wb['xl/workbook.xml']).toContain('<sheet name="bad name" sheetId="2" r:id="rId2"/>');
    expect(wb['xl/workbook.xml']).toContain('<sheet name="通报-2" sheetId="3" r:id="rId3"/>');
  });

  it('writes a bold, frozen header row, column widths, numbers and escaped inline strings', () => {
    const s = wb['xl/worksheets/sheet1.xml']!;
    expect(s).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(s).toContain('<col min="2" max="2" width="24" customWidth="1"/>');
    expect(s).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">序号</t></is></c>');
    expect(s).toContain('<c r="A2"><v>1</v></c>');
    expect(s).toContain('<c r="A3"><v>2.5</v></c>');
    expect(s).toContain('<c r="A4"><v>-3</v></c>');
    expect(s).toContain('发改委 &amp; &lt;财政局&gt;');
    expect(s).toContain('<c r="C2" s="2" t="inlineStr"><is><t xml:space="preserve">完成&quot;十件实事&quot;\n第二行</t></is></c>');
    // A formula-looking text stays text (inline strings are never evaluated).
    expect(s).toContain('<c r="C3" s="2" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;)</t></is></c>');
    expect(s).not.toContain('<f>');
    // Characters XML cannot carry are dropped; a visible RTL override is kept as text.
    expect(s).toContain('<t xml:space="preserve">abc\u202e</t>');
    expect(wb['xl/styles.xml']).toContain('<font><b/>');
    expect(wb['xl/worksheets/sheet3.xml']).not.toContain('<cols>');
  });

  it('makes links clickable through sheet relationships, only for web addresses', () => {
    const book = parts(
      buildXlsx([
        { name: '无链接', columns: [{ header: 'A' }], rows: [['x']] },
        {
          name: '照片',
          columns: [{ header: '任务' }, { header: '照片1' }, { header: '照片2' }],
          rows: [
            ['一', { text: '照片1', url: 'https://duban.example.cn/api/reports/r1/photos/p1?a=1&b=2' }, { text: '照片2', url: 'http://localhost:8787/api/reports/r1/photos/p2' }],
            ['二', { text: '点我', url: 'javascript:alert(1)' }, { text: '', url: 'file:///etc/passwd' }],
          ],
        },
      ]),
    );
    // A sheet without links gets no relationships part.
    expect(book['xl/worksheets/_rels/sheet1.xml.rels']).toBeUndefined();
    expect(book['xl/worksheets/sheet1.xml']).not.toContain('<hyperlinks>');
    const sheet = book['xl/worksheets/sheet2.xml']!;
    expect(sheet).toContain('<c r="B2" s="3" t="inlineStr"><is><t xml:space="preserve">照片1</t></is></c>');
    // Hyperlinks come right after the cells, as the schema orders them.
    expect(sheet).toContain('</sheetData><hyperlinks><hyperlink ref="B2" r:id="rId1"/><hyperlink ref="C2" r:id="rId2"/></hyperlinks></worksheet>');
    const rels = book['xl/worksheets/_rels/sheet2.xml.rels']!;
    expect(rels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://duban.example.cn/api/reports/r1/photos/p1?a=1&amp;b=2" TargetMode="External"',
    );
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://localhost:8787/api/reports/r1/photos/p2"');
    // Anything but http(s) stays plain text: no link, nothing to run.
    expect(sheet).toContain('<c r="B3" t="inlineStr"><is><t xml:space="preserve">点我</t></is></c>');
    expect(sheet).toContain('<c r="C3" t="inlineStr"><is><t xml:space="preserve">file:///etc/passwd</t></is></c>');
    expect(rels).not.toContain('javascript:');
    expect(rels).not.toContain('file:');
    expect(book['xl/styles.xml']).toContain('<cellXfs count="4">');
    expect(book['xl/styles.xml']).toContain('<font><u/>');
  });

  it('letters columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes as RFC 4180 says', () => {
    const csv = toCsv(['单位', '说明'], [['发改委', 'a,b'], ['教育局', 'say "hi"'], ['x', 'two\nlines'], [null, 3]]);
    expect(csv.startsWith('\uFEFF单位,说明\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['单位,说明', '发改委,"a,b"', '教育局,"say ""hi"""', 'x,"two\nlines"', ',3', '']);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+86 512')).toBe("'+86 512");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('contentDisposition', () => {
  it('keeps a Chinese file name with an ASCII fallback', () => {
    expect(contentDisposition('督办账号清单.xlsx', 'accounts.xlsx')).toBe(
      `attachment; filename="accounts.xlsx"; filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E8%B4%A6%E5%8F%B7%E6%B8%85%E5%8D%95.xlsx`,
    );
    expect(contentDisposition('x', 'a"b\\c\u00e9.csv')).toContain('filename="a_b_c_.csv"');
  });
});
