// A plain plan table read column by column through its header (table-header.ts), from any of the
// shapes of table-rows.ts: one row = one item numbered by its 序号 cell; several units in the
// 牵头单位 column are parallel leads; 完成时限 is read as the deadline. A row with one filled cell is
// a heading: `一、…` a part (its rows are indicators under 主要预期目标), `（一）…` / `——…` / other
// text a chapter. A task row without a 序号 is numbered in sequence, with a warning.
import { type DocRules, isRuleLine } from './doc-rules';
import { type DraftItem, type Heading, type Scope, type Warnings, newDraft } from './items';
import { splitLeaders } from './leaders';
import { mapHeader } from './table-header';
import { readTable } from './table-rows';
import { CN_PAREN_RE, PART_RE, cellText, squeeze } from './text';
import { assignUnits } from './unit-roles';
import { splitNames } from './units';

const INDICATOR_PART = /预期目标|主要指标/;
/** `1`, `1.`, `（1）`, `1、`: the 序号 cell as a number. */
const NUMBER_CELL = /^[(（]?(\d{1,3})[)）.．、]?$/;

export function parseHeaderTable(lines: string[], warnings: Warnings, rules: DocRules): DraftItem[] {
  const table = readTable(lines);
  if (!table) {
    warnings.add(1, '未找到表头（序号、工作任务、牵头单位、责任单位…），没有读取任何任务');
    return [];
  }
  let { roles: r, width } = table;
  const items: DraftItem[] = [];
  let part: Heading | null = null;
  let chapter: Heading | null = null;
  let group = null as Heading | null; // assigned in the loop only; keep TypeScript from narrowing it
  let scope: Scope | null = null;
  let indicators = false;
  let last = 0;
  const currentScope = (): Scope => (scope ??= { part, chapter, group });
  const at = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '') : '');

  for (const { cells: raw, line } of table.rows) {
    // A second table (附件2) brings its own header.
    const header = r.number >= 0 && !NUMBER_CELL.test(squeeze(at(raw, r.number))) ? mapHeader(raw) : null;
    if (header) {
      [r, width] = [header, raw.length];
      continue;
    }
    // More cells than the header: a cell broken over lines went on into the next ones.
    const cells = raw.length > width && r.text >= 0 ? mergeOverflow(raw, width, r.text) : raw;
    if (raw.length > width) warnings.add(line, `这一行有${raw.length}格，表头只有${width}列，多出的内容已并入任务内容，请核对`);
    const filled = cells.filter((c) => c.trim());
    if (!filled.length || (filled.length === 1 && isRuleLine(filled[0]!))) continue;
    const numberCell = squeeze(at(cells, r.number));
    const num = NUMBER_CELL.exec(numberCell);
    // `一 ⇥ 产业发展 ⇥ ⇥`: a heading numbered in the 序号 column, no units beside it.
    const cnNumber = /^[(（]?[一二三四五六七八九十]{1,3}[)）、.．]?$/.test(numberCell);
    const unitsBeside = [...r.lead, ...r.units, ...r.co, ...r.leaders].some((i) => at(cells, i).trim());
    if (cnNumber && !unitsBeside && at(cells, r.text).trim()) {
      const title = squeeze(at(cells, r.text));
      if (/^[(（]/.test(numberCell)) chapter = { title };
      else {
        part = { title };
        indicators = INDICATOR_PART.test(title);
        chapter = null;
      }
      group = null;
      scope = null;
      continue;
    }
    if (filled.length === 1 && !num) {
      const t = squeeze(filled[0]!);
      const p = PART_RE.exec(t);
      if (p) {
        part = { title: p[2]! };
        indicators = INDICATOR_PART.test(p[2]!);
        chapter = null;
      } else chapter = { title: (CN_PAREN_RE.exec(t)?.[2] ?? t).replace(/^——/, '') };
      group = null;
      scope = null;
      continue;
    }
    const groupCell = squeeze(at(cells, r.group));
    if (groupCell && groupCell !== group?.title) {
      group = { title: groupCell };
      scope = null;
    }
    const text = cellText(at(cells, r.text));
    if (!text) {
      warnings.add(line, `第${numberCell || '?'}行没有任务内容：「${squeeze(filled.join(' ')).slice(0, 30)}」`);
      continue;
    }
    let number = num ? num[1]! : '';
    if (!number) {
      number = String(last + 1);
      warnings.add(line, `任务没有序号，已按顺序编为${number}：「${squeeze(text).slice(0, 20)}」`);
    }
    if (items.some((i) => i.number === number && i.kind === (indicators ? 'indicator' : 'task'))) {
      warnings.add(line, `序号${number}与前面的条目重复（可能是另一张表），导入后两项的标签相同，请改号或分开导入`);
    }
    last = Number(number);
    const item = newDraft(indicators ? 'indicator' : 'task', number, line, text, currentScope());
    const values = (cols: number[]) => cols.map((i) => at(cells, i)).filter((v) => v.trim());
    Object.assign(item, assignUnits({ lead: values(r.lead), units: values(r.units), co: values(r.co) }, rules));
    item.leaders = values(r.leaders).flatMap(splitLeaders);
    item.areas = values(r.areas).flatMap(splitNames);
    const limit = cellText(at(cells, r.deadline));
    if (limit) item.timeLimit = limit;
    if (!item.leadUnits.length) warnings.add(line, `第${number}项没有牵头或责任单位`);
    items.push(item);
  }
  if (table.after) warnings.add(table.after.line, `表格之后的${table.after.count}行（网页链接、页脚等）不是任务，已忽略`);
  if (!items.length) warnings.add(table.headerLine, '表头下没有找到任务行');
  return items;
}

/** Cells beyond the header width belong to the text cell (a one-cell-a-line copy split it). */
function mergeOverflow(cells: string[], width: number, textAt: number): string[] {
  const extra = cells.length - width;
  const merged = [...cells];
  const parts = merged.splice(textAt, extra + 1);
  merged.splice(textAt, 0, parts.join(''));
  return merged;
}
