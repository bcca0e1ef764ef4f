// Any plan file an office receives → the plan TEXT that parsePlanDocument (../index.ts) reads.
// Pure code for the browser (import screen) and Node (CLI, tests); pdf.js is passed in by the
// caller, loaded lazily, so it never weighs on the field app or on shared code.
//
// THE CONTRACT between extraction and the parser (keep it exactly):
// - one paragraph per line; an empty line between blocks may appear (runs of them become one);
// - a table becomes one line per row, its cells joined by a TAB character;
// - line breaks inside a cell are joined into one line: nothing is put between the two pieces
//   when the character on either side of the join is CJK (ideograph, CJK or full-width
//   punctuation), a single space otherwise (two Latin words or numbers); a TAB inside a cell
//   becomes a space;
// - a horizontally merged cell gives its text in its first cell and empty cells for the rest of
//   its span, so every row keeps the table's column count;
// - a vertically merged cell repeats its text in every row it spans;
// - a table used only for layout (one cell per row) is read as its contents; a table nested in a
//   cell of a real table is joined into that cell's one line;
// - Word's automatic numbering is written out as printed (`1.`, `一、`, `（一）`);
// - .mht/.mhtml (a saved web page in one file): its HTML part, read as HTML;
// - .csv: read as a table (RFC 4180 quotes; comma, semicolon or tab separated);
// - .xlsx: the sheet that looks like a 台账 (most task-table header words), fully empty rows and
//   columns dropped; dates as `2024年6月30日`;
// - PDF: visual lines in reading order, a line split into cells at gaps wider than a character,
//   a table row's wrapped continuation lines merged into the row's cells.
// Refusals (old binary formats, scanned PDF, unknown binary) throw ExtractError with a Chinese
// message for the user, and nothing is imported.
import { unzipSync, strFromU8 } from 'fflate';
import { linesToText, renderBlocks } from './blocks';
import { csvRows } from './csv';
import { decodeText, looksBinary } from './decode';
import { docxBlocks } from './docx';
import { htmlBlocks, looksLikeHtml } from './html';
import { isMhtml, mhtmlHtml } from './mht';
import { type PdfDocumentLike, pdfDocumentLines } from './pdf-layout';
import { xlsxRows } from './xlsx';

export type { PdfDocumentLike } from './pdf-layout';
export { htmlBlocks } from './html';

export type SourceFormat = 'text' | 'html' | 'docx' | 'xlsx' | 'csv' | 'pdf';

export interface Extracted {
  text: string;
  format: SourceFormat;
  /** What the extraction could not render faithfully (Chinese, for the clerk). */
  warnings: string[];
}

export class ExtractError extends Error {
  constructor(
    readonly code: 'old_binary_format' | 'scanned_pdf' | 'unknown_format' | 'empty_document' | 'damaged_file',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

export const SCANNED_PDF_MESSAGE = '该 PDF 没有文字层（可能是扫描件），请使用文字版 PDF 或 Word 文件；暂不支持识别图片文字';

export interface ExtractOptions {
  /** Opens a PDF with pdf.js (browser or Node build); without it a PDF is refused. */
  openPdf?: (bytes: Uint8Array) => Promise<PdfDocumentLike & { destroy?(): Promise<void> | void }>;
}

/** The file types the import accepts (for `<input accept>` and help texts). */
export const ACCEPTED_EXTENSIONS = ['.docx', '.xlsx', '.pdf', '.html', '.htm', '.mht', '.mhtml', '.txt', '.md', '.csv'];

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function oldBinaryMessage(ext: string): string {
  if (ext === 'xls' || ext === 'et') return `这是旧版表格文件（.${ext}），无法直接读取：请在 Excel 或 WPS 表格中打开，“另存为” .xlsx 格式后再导入`;
  const named = ext === 'doc' || ext === 'wps' ? `.${ext}` : '.doc / .wps / .xls / .et';
  return `这是旧版 Office / WPS 文件（${named}），无法直接读取：请在 Word 或 WPS 中打开，“另存为” .docx（表格另存为 .xlsx）后再导入`;
}

/** Spreadsheet rows (cells may hold line breaks) → plan text by the contract. */
function rowsText(rows: string[][]): string {
  return linesToText(renderBlocks([{ rows: rows.map((r) => r.map((c) => ({ blocks: [c], colspan: 1, rowspan: 1 }))) }]));
}

const PLAIN_TEXT = new Set(['txt', 'md', 'markdown', 'text']);

const MAX_UNZIPPED = 200 * 1024 * 1024;

function unzip(bytes: Uint8Array): Record<string, string> {
  let files: Record<string, Uint8Array>;
  // A zip bomb must not exhaust the admin's browser: the declared sizes of the parts we read are
  // summed before anything is inflated (a work plan's XML is a few MB at most).
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = /\.(xml|rels)$/i.test(f.name) || f.name === 'mimetype';
        if (wanted && (declared += f.originalSize) > MAX_UNZIPPED) throw new ExtractError('damaged_file', '文件解压后过大（超过 200 MB），无法读取');
        return wanted;
      },
    });
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError('damaged_file', '文件已损坏或不完整（无法解压），请重新下载或另存后再试');
  }
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = strFromU8(data);
  return out;
}

function fromZip(bytes: Uint8Array, ext: string): Extracted {
  const parts = unzip(bytes);
  if (parts['word/document.xml']) {
    const { blocks, warnings } = docxBlocks({ document: parts['word/document.xml'], numbering: parts['word/numbering.xml'], styles: parts['word/styles.xml'] });
    return { text: linesToText(renderBlocks(blocks)), format: 'docx', warnings };
  }
  if (parts['xl/workbook.xml']) {
    const { rows, warnings } = xlsxRows(parts);
    return { text: rowsText(rows), format: 'xlsx', warnings };
  }
  if (parts.mimetype?.startsWith('application/vnd.oasis.opendocument')) {
    throw new ExtractError('unknown_format', 'OpenDocument 文件（.odt/.ods）暂不支持：请“另存为” .docx 或 .xlsx 后再导入');
  }
  throw new ExtractError('unknown_format', `无法识别的压缩文件${ext ? `（.${ext}）` : ''}：请上传 .docx、.xlsx、.pdf、网页或文本文件`);
}

async function fromPdf(bytes: Uint8Array, opts: ExtractOptions): Promise<Extracted> {
  if (!opts.openPdf) throw new ExtractError('unknown_format', '此处不能读取 PDF，请在导入页面上传');
  let doc: Awaited<ReturnType<NonNullable<ExtractOptions['openPdf']>>>;
  try {
    doc = await opts.openPdf(bytes);
  } catch (e) {
    const encrypted = /password/i.test(String((e as Error)?.name ?? '') + String((e as Error)?.message ?? ''));
    throw new ExtractError('damaged_file', encrypted ? '该 PDF 设有打开密码，请先取消密码后再导入' : '无法打开该 PDF（文件可能已损坏），请重新下载或另存后再试');
  }
  try {
    const { lines, chars } = await pdfDocumentLines(doc);
    if (chars < 10) throw new ExtractError('scanned_pdf', SCANNED_PDF_MESSAGE);
    return { text: linesToText(lines), format: 'pdf', warnings: [] };
  } finally {
    await doc.destroy?.();
  }
}

/** Reads a plan file of any accepted format into plan text (see the contract above). */
export async function extractPlanText(bytes: Uint8Array, fileName: string, opts: ExtractOptions = {}): Promise<Extracted> {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) throw new ExtractError('empty_document', '文件是空的');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new ExtractError('old_binary_format', oldBinaryMessage(ext));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fromZip(bytes, ext);
  const head = strFromU8(bytes.subarray(0, 1024), true);
  if (head.includes('%PDF-')) return fromPdf(bytes, opts);
  if (head.startsWith('{\\rtf')) throw new ExtractError('old_binary_format', 'RTF 文件暂不支持：请在 Word 或 WPS 中“另存为” .docx 后再导入');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || head.startsWith('GIF8')) {
    throw new ExtractError('unknown_format', '这是图片文件：暂不支持识别图片文字，请使用文字版 PDF、Word 文件或复制文字粘贴');
  }
  const { text } = decodeText(bytes);
  if (looksBinary(text)) throw new ExtractError('unknown_format', `无法识别的文件格式${ext ? `（.${ext}）` : ''}：请上传 .docx、.xlsx、.pdf、网页（.html）或文本文件`);
  if (isMhtml(text)) {
    const html = mhtmlHtml(text);
    if (html === null) throw new ExtractError('unknown_format', '这个网页存档（.mht）里没有网页内容，请另存为 .html 或 .docx 后再导入');
    return extractFromText(html, 'html');
  }
  if (ext === 'csv') return { text: rowsText(csvRows(text.replace(/^\ufeff/, ''))), format: 'csv', warnings: [] };
  // A .txt/.md stays text even when it starts with a tag (OCR output); other names go by content.
  const html = ext === 'html' || ext === 'htm' || (!PLAIN_TEXT.has(ext) && looksLikeHtml(text));
  return extractFromText(text, html ? 'html' : 'text');
}

/** Text already decoded (a paste, a text file): HTML is read for its structure, text as is. */
export function extractFromText(text: string, kind: 'html' | 'text'): Extracted {
  if (kind === 'html') return { text: linesToText(renderBlocks(htmlBlocks(text))), format: 'html', warnings: [] };
  return { text: text.replace(/^\ufeff/, ''), format: 'text', warnings: [] };
}
