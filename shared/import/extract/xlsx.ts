// .xlsx → one table: the 台账 sheet (chosen by its content), shared and inline strings, numbers and
// dates as printed, merged cells (`<mergeCell ref>`) spread by the contract (./index.ts). Header
// detection and column mapping belong to the TSV parser; here rows are emitted faithfully, only
// fully empty rows and columns are dropped.
import { child, childrenNamed, descendants, parseXml, type XmlElement } from './xml';

type Parts = Record<string, string>;

/** Words of a task table's header: the sheet that has most of them is the 台账. */
const HEADER_WORDS = /序号|工作任务|重点工作|目标任务|任务内容|牵头单位|责任单位|配合单位|责任部门|责任领导|牵头领导|完成时限|时间节点|完成时间/g;
const SHEET_NAME_WORDS = /台账|任务|分解|清单|责任/;

function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else if (c.name === 'rPh' || c.name === 'phoneticPr') continue; // phonetic guides, not printed
    else out += textOf(c);
  }
  return out;
}

/** Sheet path (xl/worksheets/sheet1.xml) of a relationship target. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

class Styles {
  private readonly kinds: Array<'date' | 'percent' | 'number'> = [];
  constructor(xml: string | undefined) {
    if (!xml) return;
    const root = parseXml(xml);
    const custom = new Map<number, string>();
    for (const f of descendants(root, 'numFmt')) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
    const cellXfs = descendants(root, 'cellXfs')[0];
    for (const xf of cellXfs ? childrenNamed(cellXfs, 'xf') : []) {
      const id = Number(xf.attrs.numFmtId ?? 0);
      const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
      if (BUILTIN_DATE_FORMATS.has(id) || (/[ymd]/i.test(code) && !/^[#0.,%]*$/.test(code))) this.kinds.push('date');
      else if (id === 9 || id === 10 || code.includes('%')) this.kinds.push('percent');
      else this.kinds.push('number');
    }
  }
  kind(index: string | undefined): 'date' | 'percent' | 'number' {
    return this.kinds[Number(index ?? 0)] ?? 'number';
  }
}

function formatDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** `B12` → [row 11, column 1] (0-based). */
function cellRef(ref: string): [number, number] | null {
  const m = /^([A-Z]+)(\d+)$/i.exec(ref.replace(/\$/g, ''));
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

interface Sheet {
  name: string;
  grid: string[][];
}

function readSheet(xml: string, name: string, shared: string[], styles: Styles, date1904: boolean): Sheet {
  const root = parseXml(xml);
  const grid: string[][] = [];
  let nextRow = 0;
  for (const row of descendants(root, 'row')) {
    const r = row.attrs.r ? Number(row.attrs.r) - 1 : nextRow;
    nextRow = r + 1;
    let nextCol = 0;
    for (const c of childrenNamed(row, 'c')) {
      const col = c.attrs.r ? cellRef(c.attrs.r)?.[1] : nextCol;
      if (col === undefined) continue;
      nextCol = col + 1;
      const v = textOf(child(c, 'v'));
      let text: string;
      switch (c.attrs.t) {
        case 's':
          text = shared[Number(v)] ?? '';
          break;
        case 'inlineStr':
          text = textOf(child(c, 'is'));
          break;
        case 'str':
        case 'e':
        case 'd':
          text = v;
          break;
        case 'b':
          text = v === '1' ? 'TRUE' : 'FALSE';
          break;
        default: {
          if (v === '') {
            text = '';
            break;
          }
          const n = Number(v);
          const kind = styles.kind(c.attrs.s);
          text = !Number.isFinite(n) ? v : kind === 'date' ? formatDate(n, date1904) : kind === 'percent' ? `${formatNumber(n * 100)}%` : formatNumber(n);
        }
      }
      (grid[r] ??= [])[col] = text.replace(/\r\n|\r/g, '\n');
    }
  }
  for (const m of descendants(root, 'mergeCell')) {
    const [a, b] = (m.attrs.ref ?? '').split(':');
    const from = a ? cellRef(a) : null;
    const to = b ? cellRef(b) : from;
    if (!from || !to) continue;
    const text = grid[from[0]]?.[from[1]] ?? '';
    for (let r = from[0]; r <= to[0]; r++) {
      const row = (grid[r] ??= []);
      row[from[1]] = text;
      for (let c = from[1] + 1; c <= to[1]; c++) row[c] = '';
    }
  }
  return { name, grid: Array.from(grid, (row) => Array.from(row ?? [], (c) => c ?? '')) };
}

function score(sheet: Sheet): number {
  let hits = 0;
  for (const row of sheet.grid.slice(0, 30)) hits += (row.join(' ').match(HEADER_WORDS) ?? []).length;
  return hits * 10 + (SHEET_NAME_WORDS.test(sheet.name) ? 5 : 0);
}

const filled = (s: Sheet) => s.grid.reduce((n, r) => n + r.filter((c) => c.trim()).length, 0);

/** Rows of the chosen sheet: cell text with its own line breaks kept (joined by the caller). */
export function xlsxRows(parts: Parts): { sheet: string; rows: string[][]; warnings: string[] } {
  const workbook = parseXml(parts['xl/workbook.xml'] ?? '');
  const date1904 = ['1', 'true'].includes(descendants(workbook, 'workbookPr')[0]?.attrs.date1904 ?? '');
  const rels = new Map<string, string>();
  for (const rel of descendants(parseXml(parts['xl/_rels/workbook.xml.rels'] ?? ''), 'Relationship')) rels.set(rel.attrs.Id ?? '', rel.attrs.Target ?? '');
  const sst = parts['xl/sharedStrings.xml'];
  const shared = sst ? descendants(parseXml(sst), 'si').map((si) => textOf(si)) : [];
  const styles = new Styles(parts['xl/styles.xml']);
  const sheets: Sheet[] = [];
  for (const s of descendants(workbook, 'sheet')) {
    if (s.attrs.state === 'hidden' || s.attrs.state === 'veryHidden') continue;
    const target = rels.get(s.attrs['r:id'] ?? '');
    const xml = target ? parts[resolveTarget(target)] : undefined;
    if (xml) sheets.push(readSheet(xml, s.attrs.name ?? '', shared, styles, date1904));
  }
  const withContent = sheets.filter((s) => filled(s) > 0);
  if (withContent.length === 0) return { sheet: '', rows: [], warnings: [] };
  const best = withContent.reduce((a, b) => (score(b) > score(a) || (score(b) === score(a) && filled(b) > filled(a)) ? b : a));
  const warnings =
    withContent.length > 1
      ? [`工作簿有 ${withContent.length} 个工作表，已读取“${best.name}”（${withContent.filter((s) => s !== best).map((s) => `“${s.name}”`).join('、')}未读取）`]
      : [];
  // Drop fully empty rows and columns.
  const width = Math.max(0, ...best.grid.map((r) => r.length));
  const keep = Array.from({ length: width }, (_, c) => best.grid.some((r) => (r[c] ?? '').trim() !== ''));
  const rows = best.grid
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => keep.flatMap((k, c) => (k ? [r[c] ?? ''] : [])));
  return { sheet: best.name, rows, warnings };
}
