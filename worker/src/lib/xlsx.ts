// A small XLSX writer: SpreadsheetML parts zipped with fflate. Enough for lists that people open in
// Excel or WPS — several sheets, a bold frozen header row, column widths, text, numbers and
// clickable links. Text goes in as inline strings, which spreadsheets never evaluate as formulas;
// links are worksheet hyperlinks (relationships), not HYPERLINK() formulas, for the same reason.
import { strToU8, zipSync } from 'fflate';

/** A cell showing `text` that opens `url` (http or https only; anything else stays plain text). */
export interface XlsxLink {
  text: string;
  url: string;
}

export type XlsxCell = string | number | null | undefined | XlsxLink;

export interface XlsxColumn {
  header: string;
  /** Width in characters (a CJK character counts about 2). */
  width?: number;
  /** Wrap long text inside the cell instead of spilling over. */
  wrap?: boolean;
}

/** [header, width, 'wrap'?]: a sheet's columns written as a table, several to a line. */
export type ColumnSpec = readonly [header: string, width: number, wrap?: 'wrap'];

export function sheetColumns(...spec: ColumnSpec[]): XlsxColumn[] {
  return spec.map(([header, width, wrap]) => (wrap ? { header, width, wrap: true } : { header, width }));
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32_767;
/** Excel's limits: hyperlinks per worksheet, characters of a link target. */
const MAX_LINKS = 65_530;
const MAX_URL_CHARS = 2_079;

/** Style indexes in styles.xml (cellXfs). */
const STYLE_HEADER = 1;
const STYLE_WRAP = 2;
const STYLE_LINK = 3;

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/FFFF). */
const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet names: at most 31 characters, none of []:*?/\, not blank, unique ignoring case. */
function sheetNames(sheets: XlsxSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    let base = s.name.replace(XML_INVALID, '').replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
    if (!base || base.toLowerCase() === 'history') base = `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const isWebUrl = (url: string) => /^https?:\/\/[^\s]+$/i.test(url) && url.length <= MAX_URL_CHARS;

/** Hyperlinks of one sheet, each with its relationship id in the sheet's .rels part. */
type SheetLinks = Array<{ ref: string; url: string }>;

function cellXml(ref: string, value: XlsxCell, style: number, links: SheetLinks): string {
  if (typeof value === 'object' && value !== null) {
    if (isWebUrl(value.url) && links.length < MAX_LINKS) {
      links.push({ ref, url: value.url });
      return cellXml(ref, value.text, STYLE_LINK, links);
    }
    return cellXml(ref, value.text || value.url, style, links);
  }
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined) return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  const text = xmlEscape(value.slice(0, MAX_CELL_CHARS));
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetRelsXml(links: SheetLinks): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    links.map((l, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/hyperlink" Target="${xmlEscape(l.url)}" TargetMode="External"/>`).join('') +
    '</Relationships>'
  );
}

function sheetXml(sheet: XlsxSheet, links: SheetLinks): string {
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, c.width ?? 12))}" customWidth="1"/>`)
    .join('');
  const header = `<row r="1">${sheet.columns.map((c, i) => cellXml(`${columnLetter(i)}1`, c.header, STYLE_HEADER, links)).join('')}</row>`;
  const body = sheet.rows
    .map((row, r) => {
      const n = r + 2;
      const cells = row.map((v, i) => cellXml(`${columnLetter(i)}${n}`, v, sheet.columns[i]?.wrap ? STYLE_WRAP : 0, links)).join('');
      return `<row r="${n}">${cells}</row>`;
    })
    .join('');
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length), 1);
  const dimension = `A1:${columnLetter(width - 1)}${sheet.rows.length + 1}`;
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dimension}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${header}${body}</sheetData>` +
    (links.length ? `<hyperlinks>${links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}"/>`).join('')}</hyperlinks>` : '') +
    '</worksheet>'
  );
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="3">' +
  '<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Builds a workbook; the first sheet is the one shown on opening. */
export function buildXlsx(sheets: XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const names = sheetNames(sheets);
  const files: Record<string, Uint8Array> = {};
  const sheetOverrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheetOverrides +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  sheets.forEach((s, i) => {
    const links: SheetLinks = [];
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, links));
    if (links.length) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(sheetRelsXml(links));
  });
  return zipSync(files, { level: 6 });
}
