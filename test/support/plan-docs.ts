// Small plan documents written by the tests themselves, in every format the import reads: a .docx
// (WordprocessingML zipped with fflate, the 序号 column optionally numbered automatically), an
// .xlsx (shared and inline strings, numbers, merged cells, a second sheet), HTML (rowspan/colspan).
// One plan model, so a test can check that every format yields the same items.
import { strToU8, zipSync } from 'fflate';

export interface DocCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}
export type DocRow = Array<string | DocCell>;
export interface PlanDoc {
  /** Paragraphs before the table (notice, title). */
  header: string[];
  rows: DocRow[];
  /** Paragraphs after the table. */
  footer?: string[];
}

const cell = (c: string | DocCell): DocCell => (typeof c === 'string' ? { text: c } : c);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The small plan of the format tests: header, 5 tasks, task 3's 区住建局 merged across the
 * 牵头单位 and 责任单位 columns (a horizontal merge survives every format, a PDF included);
 * task 1 is long enough to wrap in a printed table.
 */
export const SAMPLE_PLAN: PlanDoc = {
  header: [
    '苏州市相城区人民政府文件',
    '相政发〔2025〕8号',
    '苏州市相城区人民政府关于印发相城区2025年重点工作任务分解方案的通知',
    '各镇人民政府、街道办事处，区各部门：',
    '现将《相城区2025年重点工作任务分解方案》印发给你们，请认真贯彻落实。',
    '苏州市相城区人民政府',
    '2025年2月10日',
    '相城区2025年重点工作任务分解方案',
  ],
  rows: [
    ['序号', '工作任务', '牵头单位', '责任单位', '完成时限'],
    ['1', '新开工重点产业项目50个，完成投资120亿元，其中制造业项目不少于30个，全年完成工业投资150亿元', '区发改委', '区住建局、区资规分局、区商务局、区科技局', '6月底前'],
    ['2', '推进城市更新项目10个', '区住建局', '各镇（街道）', '12月底前'],
    ['3', '完成老旧小区改造30个', { text: '区住建局', colspan: 2 }, '9月底前'],
    ['4', '新增城镇就业岗位1.5万个', '区人社局', '区财政局', '12月底前'],
    ['5', '建成口袋公园8个', '区城管局', '各镇（街道）、区住建局', '10月底前'],
  ],
};

/** The same plan with a vertical merge (区住建局 leads tasks 2 and 3), which a PDF cannot show. */
export const MERGED_PLAN: PlanDoc = {
  header: SAMPLE_PLAN.header,
  rows: [
    SAMPLE_PLAN.rows[0]!,
    SAMPLE_PLAN.rows[1]!,
    ['2', '推进城市更新项目10个', { text: '区住建局', rowspan: 2 }, '各镇（街道）', '12月底前'],
    ['3', '完成老旧小区改造30个', '区城管局', '9月底前'],
    ...SAMPLE_PLAN.rows.slice(4),
  ],
};

/** Grid positions of every cell, rowspans resolved (what Word needs: one w:tc per grid slot). */
function gridOf(rows: DocRow[]): Array<Array<{ cell: DocCell; continues: boolean }>> {
  const covered = new Map<string, DocCell>();
  return rows.map((row, r) => {
    const out: Array<{ cell: DocCell; continues: boolean }> = [];
    let col = 0;
    const skipCovered = () => {
      for (let c = covered.get(`${r}:${col}`); c; c = covered.get(`${r}:${col}`)) {
        out.push({ cell: c, continues: true });
        col += c.colspan ?? 1;
      }
    };
    for (const raw of row) {
      skipCovered();
      const c = cell(raw);
      for (let k = 1; k < (c.rowspan ?? 1); k++) covered.set(`${r + k}:${col}`, c);
      out.push({ cell: c, continues: false });
      col += c.colspan ?? 1;
    }
    skipCovered();
    return out;
  });
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function wPara(text: string, numbered = false): string {
  const numPr = numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '';
  // Line breaks inside a cell's text become <w:br/>.
  const runs = text.split('\n').map((t, i) => `${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t>`).join('');
  return `<w:p>${numPr}<w:r>${runs}</w:r></w:p>`;
}

/**
 * A .docx of the plan. `autoNumber`: the 序号 cells of task rows are empty paragraphs numbered by
 * Word's automatic numbering (decimal, as offices often do), not typed digits.
 */
export function writeDocx(doc: PlanDoc, opts: { autoNumber?: boolean } = {}): Uint8Array {
  const rows = gridOf(doc.rows)
    .map((row, r) => {
      const tcs = row.map(({ cell: c, continues }, i) => {
        const span = (c.colspan ?? 1) > 1 ? `<w:gridSpan w:val="${c.colspan}"/>` : '';
        const vMerge = continues ? '<w:vMerge/>' : (c.rowspan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : '';
        const auto = opts.autoNumber && r > 0 && i === 0 && /^\d+$/.test(c.text);
        const body = continues ? '<w:p/>' : auto ? wPara('', true) : wPara(c.text);
        return `<w:tc><w:tcPr>${span}${vMerge}</w:tcPr>${body}</w:tc>`;
      });
      return `<w:tr>${tcs.join('')}</w:tr>`;
    })
    .join('');
  const width = Math.max(...doc.rows.map((r) => r.reduce<number>((n, c) => n + (cell(c).colspan ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1800"/>'.repeat(width)}</w:tblGrid>`;
  const body = [...doc.header.map((p) => wPara(p)), `<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>${grid}${rows}</w:tbl>`, ...(doc.footer ?? []).map((p) => wPara(p))].join('');
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'word/numbering.xml': strToU8(numbering),
  });
}

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * An .xlsx of the plan: a 说明 sheet first (so the 台账 must be chosen by content), then the 台账
 * with the header paragraphs as rows merged across the table, shared strings for text, inline
 * strings for the units, numbers for 序号, `<mergeCell>` for row and column spans, an empty column A.
 */
export function writeXlsx(doc: PlanDoc): Uint8Array {
  const width = Math.max(...doc.rows.map((r) => r.reduce<number>((n, c) => n + (cell(c).colspan ?? 1), 0)));
  const shared: string[] = [];
  const sharedIndex = (s: string) => (shared.includes(s) ? shared.indexOf(s) : shared.push(s) - 1);
  const merges: string[] = [];
  const rowsXml: string[] = [];
  const firstCol = 1; // column A stays empty
  let r = 0;
  const cellXml = (ref: string, text: string, inline: boolean) => {
    if (/^\d+$/.test(text)) return `<c r="${ref}"><v>${text}</v></c>`;
    if (inline) return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
    return `<c r="${ref}" t="s"><v>${sharedIndex(text)}</v></c>`;
  };
  for (const p of doc.header) {
    rowsXml.push(`<row r="${r + 1}">${cellXml(`${colName(firstCol)}${r + 1}`, p, false)}</row>`);
    merges.push(`${colName(firstCol)}${r + 1}:${colName(firstCol + width - 1)}${r + 1}`);
    r++;
  }
  gridOf(doc.rows).forEach((row, i) => {
    const cells: string[] = [];
    let col = firstCol;
    for (const { cell: c, continues } of row) {
      const ref = `${colName(col)}${r + 1}`;
      if (!continues) {
        cells.push(cellXml(ref, c.text, /单位|局|委|镇/.test(c.text) && i > 0));
        if ((c.colspan ?? 1) > 1 || (c.rowspan ?? 1) > 1) merges.push(`${ref}:${colName(col + (c.colspan ?? 1) - 1)}${r + (c.rowspan ?? 1)}`);
      }
      col += c.colspan ?? 1;
    }
    rowsXml.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    r++;
  });
  const sheet = (data: string, mergeXml = '') =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${data}</sheetData>${mergeXml}</worksheet>`;
  const mergeXml = `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  const note = `<row r="1"><c r="A1" t="inlineStr"><is><t>填表说明：请按季度更新进展</t></is></c></row>`;
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="任务台账" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet(note)),
    'xl/worksheets/sheet2.xml': strToU8(sheet(rowsXml.join(''), mergeXml)),
    'xl/sharedStrings.xml': strToU8(sst),
  });
}

/** HTML of the plan, as a government web page shows it (rowspan/colspan, <br> in cells). */
export function writeHtml(doc: PlanDoc, opts: { page?: boolean; valign?: 'top' | 'middle' } = {}): string {
  const rows = doc.rows
    .map((row, r) => `<tr>${row.map((raw) => {
      const c = cell(raw);
      const tag = r === 0 ? 'th' : 'td';
      const attrs = `${(c.colspan ?? 1) > 1 ? ` colspan="${c.colspan}"` : ''}${(c.rowspan ?? 1) > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
      return `<${tag}${attrs}>${esc(c.text).replace(/\n/g, '<br>')}</${tag}>`;
    }).join('')}</tr>`)
    .join('\n');
  const body = `${doc.header.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n<table border="1" cellpadding="6">\n${rows}\n</table>\n${(doc.footer ?? []).map((p) => `<p>${esc(p)}</p>`).join('\n')}`;
  if (!opts.page) return body;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>方案</title><style>body{font:14px "Noto Sans CJK SC",sans-serif}table{border-collapse:collapse}td,th{vertical-align:${opts.valign ?? 'top'};padding:6px 10px}</style></head><body>${body}</body></html>`;
}

/** A PDF of the plan printed by Chromium from its HTML page (the way offices export one). */
export async function printPdf(page: { setContent(html: string): Promise<unknown>; pdf(opts: object): Promise<Uint8Array> }, doc: PlanDoc, valign: 'top' | 'middle' = 'top'): Promise<Uint8Array> {
  await page.setContent(writeHtml(doc, { page: true, valign }));
  return new Uint8Array(await page.pdf({ format: 'A4', printBackground: false, margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' } }));
}

/** A plan of `n` tasks (the sample's rows repeated, numbered on), for timing the extractors. */
export function largePlan(n: number): PlanDoc {
  const tasks = SAMPLE_PLAN.rows.slice(1).map((r) => r.map((c) => cell(c)));
  const rows: DocRow[] = [SAMPLE_PLAN.rows[0]!];
  for (let i = 0; i < n; i++) {
    const [num, text, ...rest] = tasks[i % tasks.length]!;
    rows.push([{ ...num!, text: String(i + 1) }, { ...text!, text: `${text!.text}（第${i + 1}批）` }, ...rest]);
  }
  return { header: SAMPLE_PLAN.header, rows };
}
