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

/** Lines of one page. */
export function layoutPage(items: PositionedText[]): string[] {
  const out: string[] = [];
  let row: { cells: Array<{ x: number; lines: string[] }>; left: number; y: number; size: number } | null = null;
  const flush = () => {
    if (row) out.push(row.cells.map((c) => joinCellLines(c.lines)).join('\t'));
    row = null;
  };
  for (const line of toLines(items)) {
    const r = row as typeof row;
    const continues = r && r.y - line.y < 1.8 * Math.max(r.size, line.size) && line.segments[0]!.x > r.left + 0.8 * line.size;
    if (r && continues) {
      for (const s of line.segments) {
        // The cell above this piece: the last one starting left of it (with a little tolerance).
        let target = r.cells[0]!;
        for (const c of r.cells) if (c.x <= s.x + 0.8 * line.size) target = c;
        target.lines.push(s.text);
      }
      r.y = line.y;
      continue;
    }
    flush();
    if (line.segments.length >= 2) row = { cells: line.segments.map((s) => ({ x: s.x, lines: [s.text] })), left: line.segments[0]!.x, y: line.y, size: line.size };
    else out.push(line.segments.map((s) => s.text).join(' '));
  }
  flush();
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
