// PDF text items (pdf.js getTextContent: a string at a position) → plan-text lines in reading
// order. Items are grouped into visual lines by their baseline, a line is split into cells where
// the horizontal gap is wider than a character, and a table row whose cells wrap onto further
// lines is kept together: a line that follows a row closely and starts right of the row's first
// cell is that row's continuation, its pieces appended to the cells above them. This relies on
// top-aligned cells (Word's default); a row laid out otherwise may come out split.
import { joinCellLines } from './blocks';

export interface PositionedText {
  str: string;
  /** Left edge and baseline, PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (height of the text). */
  size: number;
}

interface Segment {
  x: number;
  end: number;
  text: string;
}
interface Line {
  y: number;
  size: number;
  segments: Segment[];
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Gap (in font sizes) that separates two cells rather than two words. */
const CELL_GAP = 0.8;

function toLines(items: PositionedText[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Array<{ y: number; size: number; items: PositionedText[] }> = [];
  for (const it of sorted) {
    const size = it.size > 0 ? it.size : 10;
    const g = groups.find((l) => Math.abs(l.y - it.y) < 0.5 * Math.max(size, l.size));
    if (g) {
      g.items.push(it);
      g.size = Math.max(g.size, size);
    } else groups.push({ y: it.y, size, items: [it] });
  }
  groups.sort((a, b) => b.y - a.y);
  return groups.map((g) => {
    const segments: Segment[] = [];
    for (const it of g.items.sort((a, b) => a.x - b.x)) {
      const last = segments[segments.length - 1];
      const gap = last ? it.x - last.end : Infinity;
      const text = it.str.replace(/\s+/g, ' ');
      if (last && gap < CELL_GAP * g.size) {
        const spaced = gap > 0.2 * g.size && !CJK.test(last.text[last.text.length - 1] ?? '') && !CJK.test(text.trimStart()[0] ?? '');
        last.text += (spaced && !last.text.endsWith(' ') && !text.startsWith(' ') ? ' ' : '') + text;
        last.end = Math.max(last.end, it.x + it.width);
      } else segments.push({ x: it.x, end: it.x + it.width, text });
    }
    for (const s of segments) s.text = s.text.trim();
    return { y: g.y, size: g.size, segments };
  });
}

interface Row {
  cells: Array<{ x: number; end: number; lines: string[] }>;
  left: number;
  y: number;
  size: number;
}

/** A cell text that never wraps: a task number (1, 12, 一、, (3)). */
const NUMBER_CELL = /^[(（]?[\d一二三四五六七八九十]+[)）.、．]?$/;

/**
 * Whether `line` continues `row` (a cell that wrapped): it follows closely and either starts
 * right of the row's first cell, or (a wrapped header such as 序/号) every piece of it sits under
 * one of the row's cells and neither begins with a task number.
 */
function continues(row: Row, line: Line): boolean {
  const size = Math.max(row.size, line.size);
  if (row.y - line.y > 1.8 * size) return false;
  const first = line.segments[0]!;
  if (first.x > row.left + 0.8 * line.size) return true;
  if (line.segments.length >= row.cells.length) return false;
  if (NUMBER_CELL.test(row.cells[0]!.lines[0] ?? '') || NUMBER_CELL.test(first.text)) return false;
  return line.segments.every((s) => row.cells.some((c) => Math.abs(c.x - s.x) < 0.8 * line.size || (s.x >= c.x && s.x < c.end)));
}

/**
 * Puts the rows of one table on common columns: the columns are the x ranges covered by the
 * cells of the rows that have the most cells (gaps between them are the gutters); each cell goes
 * to the column it starts in, so a row with an empty or merged cell keeps the others in place.
 */
function alignColumns(rows: Row[]): string[][] {
  const texts = (r: Row) => r.cells.map((c) => joinCellLines(c.lines));
  const most = Math.max(...rows.map((r) => r.cells.length));
  const spans = rows.filter((r) => r.cells.length === most).flatMap((r) => r.cells.map((c) => [c.x, c.end] as [number, number]));
  spans.sort((a, b) => a[0] - b[0]);
  const columns: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const last = columns[columns.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else columns.push([a, b]);
  }
  if (columns.length !== most) return rows.map(texts);
  return rows.map((r) => {
    const out = Array<string>(most).fill('');
    r.cells.forEach((c, i) => {
      let col = columns.findIndex(([a, b]) => c.x < b && c.end > a);
      if (col < 0) col = Math.max(0, columns.findIndex(([a]) => a > c.x) - 1);
      if (r.cells.length === most) col = i;
      out[col] = out[col] ? `${out[col]} ${texts(r)[i]}` : texts(r)[i]!;
    });
    return out;
  });
}

/** Lines of one page. */
export function layoutPage(items: PositionedText[]): string[] {
  const out: string[] = [];
  let table: Row[] = [];
  let row: Row | null = null;
  const endRow = () => {
    if (row) table.push(row);
    row = null;
  };
  const endTable = () => {
    endRow();
    if (table.length) for (const cells of alignColumns(table)) out.push(cells.join('\t'));
    table = [];
  };
  for (const line of toLines(items)) {
    const r = row as Row | null;
    if (r && continues(r, line)) {
      for (const s of line.segments) {
        // The cell above this piece: the last one starting left of it (with a little tolerance).
        let target = r.cells[0]!;
        for (const c of r.cells) if (c.x <= s.x + 0.8 * line.size) target = c;
        target.lines.push(s.text);
        target.end = Math.max(target.end, s.end);
      }
      r.y = line.y;
      continue;
    }
    if (line.segments.length >= 2) {
      endRow();
      row = { cells: line.segments.map((s) => ({ x: s.x, end: s.end, lines: [s.text] })), left: line.segments[0]!.x, y: line.y, size: line.size };
    } else {
      endTable();
      out.push(line.segments.map((s) => s.text).join(' '));
    }
  }
  endTable();
  return out;
}

/** The minimal part of a pdf.js document this module reads (keeps pdf.js out of shared code). */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: object[] }>;
    cleanup?(): unknown;
  }>;
}

/** Every page's lines, and how many non-blank characters the text layer holds. */
export async function pdfDocumentLines(doc: PdfDocumentLike): Promise<{ lines: string[]; chars: number }> {
  const lines: string[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items: PositionedText[] = [];
    for (const item of content.items) {
      const it = item as { str?: unknown; transform?: number[]; width?: number; height?: number };
      if (typeof it.str !== 'string' || !it.transform) continue;
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
      if (Math.abs(b) > Math.abs(a) && Math.abs(c) > 0) continue; // rotated text (stamps, margins notes)
      chars += it.str.replace(/\s/g, '').length;
      items.push({ str: it.str, x: e, y: f, width: it.width ?? 0, size: it.height || Math.hypot(c, d) || 10 });
    }
    lines.push(...layoutPage(items), '');
    page.cleanup?.();
  }
  return { lines, chars };
}
