// Which layout a document uses. Checked from the most to the least structured.
import { hasTaskNumbers } from './cells';
import { DUTY_BRACKET } from './inline-units';
import { type Table, readTable } from './table-rows';

export type PlanFormat =
  /** A plain table whose header names every column (TAB rows, ` |` cells or one cell a line). */
  | 'table'
  /** Tab-separated table copied from a PDF (wuzhong): 序号 ⇥ 名称 ⇥ 工作任务 ⇥ 主要责任单位 … */
  | 'tsv'
  /** A table flattened to one cell per line with `|` lines between cells (wujiang). */
  | 'pipe'
  /** Numbered tasks with their units in brackets or on a following line (`责任单位：…`). */
  | 'inline'
  /** A narrative work report (政府工作报告): paragraphs, no units. */
  | 'narrative';

const UNIT_LABEL = /(牵头单位|责任单位|主办单位|承办单位|配合单位|协办单位|责任部门|牵头部门)\s*[:：]/;

export function detectFormat(lines: string[]): PlanFormat {
  const table = readTable(lines);
  if (table && !groupsOfNumberedTasks(table)) return 'table';
  let tabRows = 0;
  let tabHeader = false;
  let pipeLines = 0;
  let unitLabels = 0;
  let dutyBrackets = 0;
  for (const line of lines) {
    if (line.includes('\t')) {
      tabRows++;
      if (/^\s*(<[^>]+>)?\s*序号\s*\t/.test(line)) tabHeader = true;
    }
    if (/^\s*\|+\s*$/.test(line)) pipeLines++;
    if (UNIT_LABEL.test(line)) unitLabels++;
    if (DUTY_BRACKET.test(line.trim())) dutyBrackets++;
  }
  if (tabHeader && tabRows >= 3) return 'tsv';
  if (pipeLines >= 10) return 'pipe';
  if (unitLabels >= 1 || dutyBrackets >= 3) return 'inline';
  return 'narrative';
}

/**
 * A table whose text cells hold numbered tasks `(1)…(2)…` under a 序号 that numbers groups (吴中):
 * the grouped layout of tsv-table.ts.
 */
function groupsOfNumberedTasks(t: Table): boolean {
  const texts = t.rows.map((r) => r.cells[t.roles.text] ?? '').filter((c) => c.trim());
  const numbered = texts.filter(hasTaskNumbers).length;
  return numbered >= 3 || (texts.length > 0 && numbered / texts.length >= 0.3);
}
