// A plan table as rows of cells, from the three shapes a table arrives in as text:
//   TAB rows      序号⇥重点工作⇥责任领导⇥责任单位⇥完成时限   (the text contract of .docx/.xlsx/HTML)
//   ` |` cells    `序号 |` `重点工作 |` … every cell on its own line (a browser copy of a web table)
//   cell lines    `序号` `重点工作` … one cell per line, no separators (another browser copy)
// The header row names the columns (table-header.ts). Rows of ` |` and cell-line tables are cut
// at their 序号 cells; a heading (`一、…`) between rows is a row of one cell.
import { type ColumnRoles, mapHeader } from './table-header';
import { CN_PAREN_RE, PART_RE, cellText, squeeze } from './text';

export interface TableRow {
  cells: string[];
  /** 1-based line of the row's first cell. */
  line: number;
}

export interface Table {
  roles: ColumnRoles;
  width: number;
  rows: TableRow[];
  /** 1-based line of the header row. */
  headerLine: number;
  /** Lines after the last full row (page footer, links): not part of the table. */
  after?: { line: number; count: number };
}

interface Cell {
  text: string;
  line: number;
}

const PIPE_CELL = /^(.*?)\s*\|\s*$/;
const ROW_NUMBER = /^\d{1,3}$/;

function isHeading(t: string): boolean {
  const s = squeeze(t);
  return PART_RE.test(s) || CN_PAREN_RE.test(s) || /^——/.test(s);
}

function tabTable(lines: string[]): Table | null {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('\t')) continue;
    const header = lines[i]!.split('\t').map(cellText);
    const roles = mapHeader(header);
    if (!roles) continue;
    const rows: TableRow[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const raw = lines[j]!;
      if (!raw.trim()) continue;
      rows.push({ cells: raw.split('\t').map(cellText), line: j + 1 });
    }
    return { roles, width: header.length, rows, headerLine: i + 1 };
  }
  return null;
}

/** Cells of a one-cell-a-line table: ` |`-terminated lines, or bare lines (`pipes` false). */
function cellsOf(lines: string[], pipes: boolean): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((raw, i) => {
    const m = pipes ? PIPE_CELL.exec(raw) : null;
    if (pipes && !m) {
      if (raw.trim()) cells.push({ text: cellText(raw), line: i + 1 });
      return;
    }
    const t = cellText(m ? m[1]! : raw);
    if (t || pipes) cells.push({ text: t, line: i + 1 });
  });
  return cells;
}

/** Header = the run of cells from `序号` that map to columns; rows are cut at 序号 numbers. */
function cellTable(cells: Cell[]): Table | null {
  // `|` lines between cells are the flattened layout of pipe-table.ts (merged cells left out).
  if (cells.some((c) => /^\|+$/.test(c.text))) return null;
  for (let i = 0; i < cells.length; i++) {
    if (squeeze(cells[i]!.text) !== '序号') continue;
    let end = i + 1;
    while (end < cells.length && !ROW_NUMBER.test(squeeze(cells[end]!.text)) && !isHeading(cells[end]!.text) && end - i < 12) end++;
    const header = cells.slice(i, end).map((c) => c.text);
    const roles = mapHeader(header);
    if (!roles || header.length < 3) continue;
    const rows: TableRow[] = [];
    let row: TableRow | null = null;
    for (const c of cells.slice(end)) {
      const t = squeeze(c.text);
      if (ROW_NUMBER.test(t) || (isHeading(c.text) && (!row || row.cells.length >= header.length))) {
        row = { cells: [c.text], line: c.line };
        rows.push(row);
      } else if (row) row.cells.push(c.text);
    }
    // Cells beyond the last row's width are what follows the table on the page (links, footer).
    const lastRow = rows[rows.length - 1];
    let after: Table['after'];
    if (lastRow && lastRow.cells.length > header.length) {
      const rest = lastRow.cells.splice(header.length);
      const first = cells.slice(end).find((c) => c.line > lastRow.line && c.text === rest[0]);
      after = { line: first?.line ?? lastRow.line, count: rest.length };
    }
    // A web copy gives a vertically merged group cell once: the rows below it are one cell short.
    let group = '';
    for (const r of rows) {
      if (roles.group < 0 || r.cells.length < 2) continue;
      if (r.cells.length === header.length - 1) r.cells.splice(roles.group, 0, group);
      group = r.cells[roles.group] ?? group;
    }
    return { roles, width: header.length, rows, headerLine: cells[i]!.line, after };
  }
  return null;
}

/** The table of a document, from whichever shape it arrived in; null when it has none. */
export function readTable(lines: string[]): Table | null {
  const tab = tabTable(lines);
  if (tab) return tab;
  // ` |` cells: lines ending in their only `|` (a `a | b |` line is a row of a metadata table).
  const pipeLines = lines.filter((l) => /\S\s*\|\s*$/.test(l) && (l.match(/\|/g) ?? []).length === 1).length;
  if (pipeLines >= 5) {
    const t = cellTable(cellsOf(lines, true));
    if (t) return t;
  }
  return cellTable(cellsOf(lines, false));
}
