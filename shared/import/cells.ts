// Table cells that hold several tasks (`<p>(1)…</p> <p>(2)…</p>`) and the cells beside them that
// hold one group of units / areas / leaders per task, in the same order.
import { splitLeaders } from './leaders';
import type { Warnings } from './items';
import { splitCellGroups } from './units';
import { cellText, isNoneMark, stripMarkdown, stripTags } from './text';

export interface CellTask {
  number: string;
  text: string;
}

/** A task number `(12)` where a task starts: cell start, after a tag, a space or a sentence end. */
const TASK_MARK_SOURCE = /(^|[\s。；;”"])[(（]\s*(\d{1,3})\s*[)）]/.source;
const TASK_MARK = new RegExp(TASK_MARK_SOURCE, 'g');
const HAS_TASK_MARK = new RegExp(TASK_MARK_SOURCE);

/** True when the cell contains at least one numbered task. */
export function hasTaskNumbers(raw: string): boolean {
  return HAS_TASK_MARK.test(stripTags(raw));
}

/**
 * The numbered tasks of a cell, plus any text before the first number (`orphan`, a task the
 * document did not number).
 */
export function splitTaskCell(raw: string): { tasks: CellTask[]; orphan: string } {
  const s = stripTags(stripMarkdown(raw).replace(/<\/?p[^>]*>/gi, '\n'));
  const marks = [...s.matchAll(TASK_MARK)].map((m) => ({
    number: m[2]!,
    at: m.index + m[1]!.length,
    textAt: m.index + m[0].length,
  }));
  const tasks = marks.map((m, i) => ({ number: m.number, text: s.slice(m.textAt, marks[i + 1]?.at ?? s.length).trim() }));
  const orphan = s.slice(0, marks[0]?.at ?? s.length).trim();
  return { tasks, orphan };
}

function numbersLabel(numbers: string[]): string {
  return numbers.map((n) => `(${n})`).join('');
}

/**
 * One group per task from a cell beside a multi-task cell. A single group is used for every task;
 * missing or surplus groups are reported (OCR shifts a group into the next row now and then).
 */
export function groupsPerTask(
  cell: string,
  numbers: string[],
  what: string,
  line: number,
  warnings: Warnings,
): { groups: string[]; reported: Set<number> } {
  const n = numbers.length;
  const reported = new Set<number>();
  if (n <= 1) return { groups: [cell], reported };
  const groups = splitCellGroups(cell);
  if (groups.length === n) return { groups, reported };
  if (groups.length === 0 || groups.every((g) => isNoneMark(cellText(g)))) {
    return { groups: numbers.map(() => ''), reported };
  }
  if (groups.length === 1) {
    warnings.add(
      line,
      `任务${numbersLabel(numbers)}共${n}项，但只有1组${what}「${cellText(groups[0]!)}」，已用于全部任务，请核对`,
    );
    return { groups: numbers.map(() => groups[0]!), reported };
  }
  if (groups.length < n) {
    const missing = numbers.slice(groups.length);
    missing.forEach((_, i) => reported.add(groups.length + i));
    warnings.add(
      line,
      `任务${numbersLabel(numbers)}共${n}项，只有${groups.length}组${what}，按顺序对应后任务${numbersLabel(missing)}没有${what}，请核对`,
    );
    return { groups: [...groups, ...missing.map(() => '')], reported };
  }
  const extra = groups.slice(n).map((g) => `「${cellText(g)}」`).join('');
  warnings.add(line, `任务${numbersLabel(numbers)}共${n}项，却有${groups.length}组${what}，多出的${extra}无法对应到任务，请核对`);
  return { groups: groups.slice(0, n), reported };
}

/**
 * Leaders per task: one name per task when the counts match, else every task gets all names
 * (reported when several tasks share several names, since the pairing is then unknown).
 */
export function leadersPerTask(cell: string, numbers: string[], line: number, warnings: Warnings): string[][] {
  const n = numbers.length;
  if (/<p[\s>]/i.test(cell)) {
    const groups = splitCellGroups(cell);
    if (groups.length === n) return groups.map((g) => splitLeaders(g));
  }
  const names = splitLeaders(cell);
  if (n > 1 && names.length === n) return names.map((name) => [name]);
  if (n > 1 && names.length > 1) {
    warnings.add(line, `任务${numbersLabel(numbers)}的分管领导「${names.join('、')}」无法逐项对应，已全部列入每项任务，请核对`);
  }
  return Array.from({ length: n }, () => [...names]);
}
