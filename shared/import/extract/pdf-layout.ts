// PDF text items (pdf.js getTextContent: a string at a position) → plan-text lines in reading
// order. Items are placed as the page is shown (its /Rotate applied: landscape task tables),
// grouped into visual lines by their baseline, and a line is split into cells where the
// horizontal gap is wider than a character. A table row whose cells wrap onto further lines is
// kept together — top-aligned or vertically centred — and the rows of a table share columns.
// The text layer has no borders: a vertically merged cell shows its text in one row only.
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

/** One table row: the line with its first cell (the anchor) and the lines of its wrapped cells. */
interface Row {
  anchor: Line;
  /** Lines above the anchor (cells centred vertically) and below it, top to bottom. */
  above: Line[];
  below: Line[];
}

/** A cell text that never wraps: a task number (1, 12, 一、, (3)). */
const NUMBER_CELL = /^[(（]?[\d一二三四五六七八九十]+[)）.、．]?$/;

const left = (l: Line) => l.segments[0]!.x;

/** The x ranges covered by a set of spans (overlapping ones merged). */
function unionSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of [...spans].sort((p, q) => p[0] - q[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Whether `line` belongs to the row being read (a cell that wrapped): it starts right of the
 * row's first cell and follows closely — or, further down (a vertically centred cell's upper
 * lines, after the row's padding), no piece of it spans two columns seen so far (as a paragraph
 * after the table would) — or
 * (a wrapped header such as 序/号) every piece of it sits under one of the row's cells and
 * neither begins with a task number.
 */
function continues(row: Row, line: Line): boolean {
  const last = row.below[row.below.length - 1] ?? row.anchor;
  const size = Math.max(last.size, line.size);
  const gap = last.y - line.y;
  const cells = [row.anchor, ...row.below].flatMap((l) => l.segments);
  const tol = 0.8 * line.size;
  const first = line.segments[0]!;
  if (first.x > left(row.anchor) + tol) {
    if (gap < 1.8 * size) return true;
    const spans = unionSpans(cells.map((c) => [c.x, c.end]));
    return gap < 4 * size && line.segments.every((s) => spans.filter(([a, b]) => s.x < b && s.end > a).length <= 1);
  }
  if (gap > 1.8 * size) return false;
  const columns = new Set(cells.map((c) => Math.round(c.x / tol)));
  if (line.segments.length >= columns.size) return false;
  if (NUMBER_CELL.test(row.anchor.segments[0]!.text) || NUMBER_CELL.test(first.text)) return false;
  return line.segments.every((s) => cells.some((c) => Math.abs(c.x - s.x) < tol || (s.x >= c.x && s.x < c.end)));
}

/**
 * The lines between two anchors belong partly to the upper row (its cells' lower lines) and
 * partly to the lower one (upper lines of vertically centred cells): the rows part at the widest
 * vertical gap (cell padding and border), the lowest of equal gaps (top-aligned cells).
 */
function splitBetween(upper: Row, lower: Row): void {
  const ys = [upper.anchor.y, ...upper.below.map((l) => l.y), lower.anchor.y];
  let cut = ys.length - 2;
  let widest = -1;
  for (let i = 0; i < ys.length - 1; i++) {
    const gap = ys[i]! - ys[i + 1]!;
    if (gap >= widest - 0.1 * upper.anchor.size) {
      if (gap > widest) widest = gap;
      cut = i;
    }
  }
  lower.above = upper.below.splice(cut);
}

/**
 * The columns of a table: x ranges where more than `threshold` pieces of text lie (so the few
 * pieces of merged cells that straddle a gutter do not join two columns).
 */
function columnRanges(spans: Array<[number, number]>, threshold: number): Array<[number, number]> {
  const events = spans.flatMap(([a, b]) => [[a, 1], [b, -1]] as Array<[number, number]>).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (const [x, d] of events) {
    const before = depth;
    depth += d;
    if (before <= threshold && depth > threshold) start = x;
    else if (before > threshold && depth <= threshold && x > start) out.push([start, x]);
  }
  return out;
}

/**
 * Puts the rows of one table on common columns: the x ranges covered by the table's text (the
 * gaps between them are the gutters); each piece goes to the column it starts in, so a row with
 * an empty or merged cell keeps the others in place. When merged cells hide the gutters, the
 * cells of the fullest row give the column starts.
 */
function tableLines(rows: Row[]): string[] {
  const linesOf = (r: Row) => [...r.above, r.anchor, ...r.below];
  const most = Math.max(...rows.map((r) => r.anchor.segments.length));
  const spans = rows.flatMap((r) => linesOf(r).flatMap((l) => l.segments.map((s) => [s.x, s.end] as [number, number])));
  let columns = columnRanges(spans, rows.length >= 4 ? Math.floor(rows.length / 4) : 0);
  if (columns.length < most) {
    const fullest = rows.find((r) => r.anchor.segments.length === most)!.anchor.segments;
    columns = fullest.map((s, i) => [s.x - 0.8 * rows[0]!.anchor.size, fullest[i + 1]?.x ?? Infinity]);
  }
  return rows.map((r) => {
    const cells = columns.map(() => [] as string[]);
    for (const l of linesOf(r)) {
      for (const s of l.segments) {
        // The column it starts in; text starting in a gutter (centred across merged cells)
        // belongs to the column left of it, the first of its span.
        let col = 0;
        columns.forEach(([a], i) => {
          if (s.x >= a - 0.8 * l.size) col = i;
        });
        cells[col]!.push(s.text);
      }
    }
    return cells.map(joinCellLines).join('\t');
  });
}

/** Lines of one page. */
export function layoutPage(items: PositionedText[]): string[] {
  const out: Array<{ text: string; line: Line }> = [];
  let table: Row[] = [];
  let row: Row | null = null;
  const endTable = () => {
    if (row) table.push(row);
    row = null;
    if (table.length) for (const text of tableLines(table)) out.push({ text, line: table[0]!.anchor });
    table = [];
  };
  for (const line of toLines(items)) {
    const r = row as Row | null;
    if (r && continues(r, line)) {
      r.below.push(line);
      continue;
    }
    if (line.segments.length >= 2) {
      const next: Row = { anchor: line, above: [], below: [] };
      if (r) {
        splitBetween(r, next);
        table.push(r);
      } else {
        // A table's first row with vertically centred cells: its upper lines came out as text.
        const prev = out[out.length - 1];
        if (prev && prev.line.segments.length === 1 && prev.line.y - line.y < 1.0 * line.size && left(prev.line) > left(line) + 0.8 * line.size) {
          next.above.push(prev.line);
          out.pop();
        }
      }
      row = next;
    } else {
      endTable();
      out.push({ text: line.segments.map((s) => s.text).join(' '), line });
    }
  }
  endTable();
  return out.map((o) => o.text);
}

/** The minimal part of a pdf.js document this module reads (keeps pdf.js out of shared code). */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: object[] }>;
    /** Maps user space to the page as shown (rotation applied, y downwards). */
    getViewport?(opts: { scale: number }): { transform: number[] };
    cleanup?(): unknown;
  }>;
}

/**
 * A table row broken by a page break: the next page starts with the rest of its cells, a row
 * without a number in its first cell. It is joined to the last row of the previous page (when
 * both have the same columns), looking past a few lines of page header or footer.
 */
function joinSplitRow(before: string[], page: string[]): void {
  const first = page.slice(0, 3).findIndex((l) => l.includes('\t'));
  if (first < 0 || !page[first]!.startsWith('\t')) return;
  let last = -1;
  for (let i = before.length - 1; i >= Math.max(0, before.length - 4); i--) {
    if (before[i]!.includes('\t')) {
      last = i;
      break;
    }
  }
  if (last < 0) return;
  const upper = before[last]!.split('\t');
  const lower = page[first]!.split('\t');
  if (upper.length !== lower.length) return;
  before[last] = upper.map((c, i) => joinCellLines([c, lower[i]!])).join('\t');
  page.splice(first, 1);
}

/** Every page's lines, and how many non-blank characters the text layer holds. */
export async function pdfDocumentLines(doc: PdfDocumentLike): Promise<{ lines: string[]; chars: number }> {
  const lines: string[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const [va = 1, vb = 0, vc = 0, vd = -1, ve = 0, vf = 0] = page.getViewport?.({ scale: 1 }).transform ?? [];
    const items: PositionedText[] = [];
    for (const item of content.items) {
      const it = item as { str?: unknown; transform?: number[]; width?: number; height?: number };
      if (typeof it.str !== 'string' || !it.transform) continue;
      chars += it.str.replace(/\s/g, '').length;
      const [ta = 0, tb = 0, tc = 0, td = 0, te = 0, tf = 0] = it.transform;
      // The text matrix on the shown page (viewport × text), y flipped back to grow upwards.
      const a = va * ta + vc * tb;
      const b = vb * ta + vd * tb;
      const x = va * te + vc * tf + ve;
      const y = -(vb * te + vd * tf + vf);
      if (Math.abs(b) > Math.abs(a) || a < 0) continue; // text running sideways or upside down (stamps, margin notes)
      items.push({ str: it.str, x, y, width: it.width ?? 0, size: it.height || Math.hypot(tc, td) || 10 });
    }
    const pageLines = layoutPage(items);
    joinSplitRow(lines, pageLines);
    lines.push(...pageLines, '');
    page.cleanup?.();
  }
  return { lines, chars };
}
