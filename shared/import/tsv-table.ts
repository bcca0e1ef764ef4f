// Tab-separated task tables (吴中 2023/2024 and their OCR copies):
//   序号 ⇥ 名称 ⇥ 工作任务 ⇥ 主要责任单位 [⇥ 主要责任板块 ⇥ 分管区领导]
// Part rows `一、…`, chapter rows `(一) …` (in any of the first cells, or glued in front of a group
// name by OCR), unnumbered chapter rows (打好三场硬仗, 全面建设人民满意政府), group rows `1 ⇥ 名称`
// that repeat after every page break, and rows whose group label is printed further down.
import { groupsPerTask, hasTaskNumbers, leadersPerTask, splitTaskCell } from './cells';
import { type DraftItem, type Heading, type Scope, type Warnings, newDraft } from './items';
import { splitLeaders } from './leaders';
import { splitNames, splitUnits } from './units';
import { CN_PAREN_RE, PART_RE, cellText, isNoneMark, squeeze } from './text';

interface Columns {
  number: number;
  name: number;
  task: number;
  units: number;
  areas: number;
  leaders: number;
}

const DEFAULT_COLUMNS: Columns = { number: 0, name: 1, task: 2, units: 3, areas: -1, leaders: -1 };

const INDICATOR_PART = /预期目标|主要指标/;

/** An empty unit cell (data may be lost) — unlike `——` / `_____`, which the document prints for “none”. */
const blank = (cell: string) => cellText(cell) === '';

function columnsOf(header: string[]): Columns {
  const find = (re: RegExp, not?: RegExp) =>
    header.findIndex((h) => re.test(squeeze(h)) && !(not && not.test(squeeze(h))));
  const cols: Columns = {
    number: find(/序号/),
    name: find(/名称|项目|类别|事项/, /任务/),
    task: find(/任务|工作内容|重点工作/),
    units: find(/单位|部门/, /板块/),
    areas: find(/板块/),
    leaders: find(/领导/),
  };
  return {
    number: cols.number >= 0 ? cols.number : DEFAULT_COLUMNS.number,
    name: cols.name >= 0 ? cols.name : DEFAULT_COLUMNS.name,
    task: cols.task >= 0 ? cols.task : DEFAULT_COLUMNS.task,
    units: cols.units >= 0 ? cols.units : DEFAULT_COLUMNS.units,
    areas: cols.areas,
    leaders: cols.leaders,
  };
}

export function parseTsvTable(lines: string[], warnings: Warnings): DraftItem[] {
  const items: DraftItem[] = [];
  let cols: Columns | null = null;
  let part: Heading | null = null;
  let chapter: Heading | null = null;
  let group: Heading | null = null;
  let groupNumber = '';
  let indicatorMode = false;
  let scope: Scope | null = null;
  // Rows printed before their group label (a merged cell whose text sits lower down).
  let pending: { scope: Scope; line: number } | null = null;
  let lastNumber = 0;

  const currentScope = (): Scope => (scope ??= { part, chapter, group });
  const closePending = () => {
    if (pending) warnings.add(pending.line, '这几行任务之前没有分组名称，之后也未出现，已直接归入上一级标题');
    pending = null;
  };
  const setChapter = (title: string) => {
    closePending();
    chapter = { title };
    group = null;
    groupNumber = '';
    scope = null;
  };
  const setGroup = (number: string, title: string, line: number) => {
    if (!title) warnings.add(line, `第${number}组没有名称（可能被识别进了上一级标题），该组任务的路径缺少这一级`);
    group = { title };
    groupNumber = number;
    scope = null;
    if (pending) pending.scope.group = group;
    pending = null;
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.includes('\t')) {
      if (cols && line.trim() && !/^[-—*_=\s]+$/.test(line)) warnings.add(lineNo, `表格中无法识别的行：「${cellText(line).slice(0, 30)}」`);
      return;
    }
    const cells = line.split('\t');
    const clean = cells.map(cellText);
    if (squeeze(clean[0] ?? '') === '序号') {
      cols = columnsOf(clean);
      return;
    }
    if (!cols || clean.every((c) => !c)) return;
    const c = cols;
    const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const numCell = squeeze(cellText(at(c.number)));
    const nameCell = cellText(at(c.name));
    const taskRaw = at(c.task);
    const withTasks = hasTaskNumbers(taskRaw);
    const filled = clean.map((t, i) => ({ t, i })).filter((x) => x.t);

    // 一、经济社会发展主要预期目标
    const partMatch = filled.length === 1 ? PART_RE.exec(squeeze(filled[0]!.t)) : null;
    if (partMatch) {
      closePending();
      part = { title: partMatch[2]! };
      indicatorMode = INDICATOR_PART.test(partMatch[2]!);
      chapter = null;
      group = null;
      groupNumber = '';
      scope = null;
      return;
    }

    // (一) 实施…  — alone, split over two cells, or glued in front of a group name.
    const chapterCell = [c.number, c.name, ...(withTasks ? [] : [c.task])]
      .map((i) => ({ i, m: CN_PAREN_RE.exec(clean[i] ?? '') }))
      .find((x) => x.m);
    if (chapterCell?.m) {
      const rest = (chapterCell.m[2] ?? '').trim();
      if (!withTasks) {
        const title = rest || (clean[chapterCell.i + 1] ?? '');
        setChapter(squeeze(title));
        return;
      }
      const [chapterTitle = '', ...groupWords] = rest.split(/\s+/);
      setChapter(chapterTitle);
      setGroup(/^\d+$/.test(numCell) ? numCell : '', squeeze(groupWords.join('')), lineNo);
    } else if (filled.length === 1 && filled[0]!.i === c.number && !/^\d+$/.test(numCell)) {
      // 打好三场硬仗 / 全面建设人民满意政府: an unnumbered chapter row (it starts in the first column).
      setChapter(squeeze(filled[0]!.t));
      return;
    } else if (indicatorMode) {
      if (/^\d+$/.test(numCell) && (cellText(taskRaw) || nameCell)) {
        const item = newDraft('indicator', numCell, lineNo, cellText(taskRaw) || nameCell, currentScope());
        Object.assign(item, splitUnits(at(c.units)));
        item.areas = splitNames(at(c.areas));
        item.leaders = splitLeaders(at(c.leaders));
        if (!item.leadUnits.length && blank(at(c.units))) warnings.add(lineNo, `指标${numCell}的责任单位为空`);
        items.push(item);
      } else warnings.add(lineNo, `无法识别的指标行：「${squeeze(clean.join(' ')).slice(0, 30)}」`);
      return;
    } else if (numCell || nameCell) {
      const title = squeeze(nameCell);
      const same = group !== null && (numCell ? numCell === groupNumber : true) && (!title || title === group.title);
      if (!same) setGroup(numCell, title, lineNo);
    }

    const { tasks, orphan } = splitTaskCell(taskRaw);
    if (orphan && !isNoneMark(orphan)) {
      lastNumber += 1;
      tasks.unshift({ number: String(lastNumber), text: orphan });
      warnings.add(lineNo, `任务没有编号，已按顺序编为(${lastNumber})：「${squeeze(orphan).slice(0, 20)}」`);
    }
    if (!tasks.length) {
      const units = cellText(at(c.units));
      if (units && !isNoneMark(units)) warnings.add(lineNo, `责任单位「${units.slice(0, 30)}」没有对应的任务`);
      return;
    }
    if (!group && !pending) pending = { scope: { part, chapter, group: null }, line: lineNo };
    const rowScope = group ? currentScope() : pending!.scope;
    const numbers = tasks.map((t) => t.number);
    const units = groupsPerTask(at(c.units), numbers, '责任单位', lineNo, warnings);
    const areas = groupsPerTask(at(c.areas), numbers, '责任板块', lineNo, warnings);
    const leaders = leadersPerTask(at(c.leaders), numbers, lineNo, warnings);
    tasks.forEach((t, i) => {
      const item = newDraft('task', t.number, lineNo, t.text, rowScope);
      Object.assign(item, splitUnits(units.groups[i] ?? ''));
      item.areas = splitNames(areas.groups[i] ?? '');
      item.leaders = leaders[i] ?? [];
      if (!item.leadUnits.length && !units.reported.has(i) && blank(units.groups[i] ?? '')) {
        warnings.add(lineNo, `任务(${t.number})的责任单位为空`);
      }
      lastNumber = Number(t.number);
      items.push(item);
    });
  });
  closePending();
  if (!cols) warnings.add(1, '未找到表头（序号 ⇥ 名称 ⇥ 工作任务 ⇥ 责任单位），没有读取任何任务');
  return items;
}
