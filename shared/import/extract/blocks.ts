// The structure every extractor produces (paragraphs and tables) and its rendering into plan text
// by the contract written at the top of ./index.ts: one line per paragraph, one line per table
// row with TAB between cells, a cell's own lines joined into one, merged cells spread over the grid.

import { normaliseRadicals } from './radicals';

/** A paragraph (one line of text) or a table. */
export type Block = string | TableBlock;

export interface TableBlock {
  rows: Cell[][];
}

export interface Cell {
  blocks: Block[];
  /** Grid columns this cell covers (≥ 1). */
  colspan: number;
  /** Rows this cell covers (≥ 1), as HTML's rowspan. */
  rowspan: number;
  /** Word's `<w:vMerge/>` without "restart": this cell continues the cell above it. */
  continues?: boolean;
}

/** Ideographs, CJK punctuation, kana and full-width forms: no space is written between these. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u2014]/;

/**
 * Joins the lines of one cell into one line. Rule: nothing is put between two pieces when the
 * character on either side of the join is CJK (ideograph, CJK or full-width punctuation) —
 * Chinese wraps mid-word, a space would split 工作 into 工 作; a single space otherwise
 * (between two Latin words or numbers). Tabs inside a cell become spaces (TAB separates cells).
 */
export function joinCellLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\t/g, ' ').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (out && !CJK.test(out[out.length - 1]!) && !CJK.test(line[0]!)) out += ' ';
    out += line;
  }
  return out;
}

/** A table used for page layout only (a single cell per row) is read as its contents. */
function isLayoutTable(t: TableBlock): boolean {
  return t.rows.every((r) => r.length <= 1);
}

/**
 * Lays a table's cells on its grid: a horizontally merged cell gives its text in its first column
 * and empty cells for the rest of its span (the column count stays); a vertically merged cell
 * repeats its text in every row it spans. Rows are padded to the widest; empty rows are dropped.
 */
export function tableGrid(t: TableBlock): string[][] {
  const grid: string[][] = [];
  // Columns still covered by a rowspan from a row above: column → text and rows left.
  const pending = new Map<number, { text: string; left: number; colspan: number }>();
  for (const row of t.rows) {
    const out: string[] = [];
    const r = grid.length;
    const fillPending = () => {
      for (let p = pending.get(out.length); p && p.left > 0; p = pending.get(out.length)) {
        p.left--;
        out.push(p.text, ...Array<string>(p.colspan - 1).fill(''));
      }
    };
    for (const cell of row) {
      fillPending();
      const col = out.length;
      const span = Math.max(1, cell.colspan);
      const text = cell.continues ? (grid[r - 1]?.[col] ?? '') : joinCellLines(renderBlocks(cell.blocks));
      out.push(text, ...Array<string>(span - 1).fill(''));
      if (cell.rowspan > 1) pending.set(col, { text, left: cell.rowspan - 1, colspan: span });
    }
    fillPending();
    grid.push(out);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.filter((r) => r.some((c) => c !== '')).map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** Renders blocks into plan-text lines (no line contains a newline). */
export function renderBlocks(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (typeof b === 'string') {
      for (const l of b.split('\n')) lines.push(l.replace(/\t/g, ' ').trimEnd());
    } else if (isLayoutTable(b)) {
      for (const row of b.rows) for (const cell of row) lines.push(...renderBlocks(cell.blocks));
    } else {
      for (const row of tableGrid(b)) lines.push(row.join('\t'));
    }
  }
  return lines;
}

/** The plan text: lines joined, runs of empty lines collapsed to one. */
export function linesToText(lines: string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const line = normaliseRadicals(l.replace(/[\u00a0]/g, ' '));
    if (line.trim() === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line.trim() === '' ? '' : line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
