// Plans that print the units next to each task instead of in a table column:
//   1、新建改建学校5所。[牵头单位:区教育局;责任单位:区住建局、区财政局]
//   （一）深化医药卫生体制改革。推进……           ← a task numbered 一 when units follow it
//   责任单位:区卫健局
// Headings are `一、…` / `（一）…` lines that no unit annotation follows.
import { type DraftItem, type Heading, type Scope, type Warnings, newDraft } from './items';
import { splitLeaders } from './leaders';
import { splitNames, splitUnits, unitTokens } from './units';
import { CN_PAREN_RE, NUM_DOT_RE, NUM_PAREN_RE, PART_RE, cellText, squeeze } from './text';

const LEAD_KEYS = ['牵头单位', '牵头部门', '主办单位', '主责单位'];
const UNIT_KEYS = ['责任单位', '责任部门', '承办单位', '实施单位'];
const CO_KEYS = ['配合单位', '协办单位', '参与单位', '协同单位', '配合部门', '协作单位'];
const LEADER_KEYS = ['牵头领导', '责任领导', '分管领导', '分管区领导', '联系领导', '责任人'];
const AREA_KEYS = ['主要责任板块', '责任板块'];
const TIME_KEYS = ['完成时限', '时限要求', '完成时间', '时间节点', '时限'];
const ALL_KEYS = [...LEAD_KEYS, ...UNIT_KEYS, ...CO_KEYS, ...LEADER_KEYS, ...AREA_KEYS, ...TIME_KEYS].sort(
  (a, b) => b.length - a.length,
);
const KEY_RE = new RegExp(`(${ALL_KEYS.join('|')})\\s*[:：]`, 'g');
const ANNOTATION_LINE = new RegExp(`^(${ALL_KEYS.join('|')})\\s*[:：]`);
const OPENERS: Record<string, string> = { '[': ']', '【': '】', '（': '）', '(': ')' };

type Pairs = Array<[key: string, value: string]>;

/** `牵头单位:区卫健局;责任单位:区财政局` → [[牵头单位, 区卫健局], [责任单位, 区财政局]]. */
export function annotationPairs(body: string): Pairs {
  const marks = [...body.matchAll(KEY_RE)];
  return marks.map((m, i) => {
    const value = body.slice(m.index + m[0].length, marks[i + 1]?.index ?? body.length);
    return [m[1]!, value.replace(/[；;，,。\s]+$/, '').trim()];
  });
}

/** Bracketed annotations in a line, and the line without them. Brackets may nest (`区住建局（农房办）`). */
export function extractBracketAnnotations(line: string): { body: string; pairs: Pairs } {
  const pairs: Pairs = [];
  let body = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const close = OPENERS[ch];
    if (close && ANNOTATION_LINE.test(line.slice(i + 1).trimStart())) {
      let depth = 0;
      let j = i;
      for (; j < line.length; j++) {
        if (line[j] === ch || (close === '）' && line[j] === '(') || (close === ')' && line[j] === '（')) depth++;
        else if (line[j] === close || (close === '）' && line[j] === ')') || (close === ')' && line[j] === '）')) {
          depth--;
          if (depth === 0) break;
        }
      }
      pairs.push(...annotationPairs(line.slice(i + 1, j)));
      i = j + 1;
      continue;
    }
    body += ch;
    i++;
  }
  return { body: body.trim(), pairs };
}

/** Units, leaders, areas and time limit of an item from all its annotation pairs. */
function applyPairs(d: DraftItem, pairs: Pairs): void {
  const values = (keys: string[]) => pairs.filter(([k]) => keys.includes(k)).map(([, v]) => v);
  const leads = values(LEAD_KEYS);
  const units = values(UNIT_KEYS);
  const cos = values(CO_KEYS).flatMap((v) => unitTokens(v).map((t) => t.name));
  const lead: string[] = [];
  const co: string[] = [];
  if (leads.length) {
    for (const v of leads) lead.push(...unitTokens(v).map((t) => t.name));
    for (const v of units) co.push(...unitTokens(v).map((t) => t.name));
  } else {
    for (const v of units) {
      const split = splitUnits(v);
      lead.push(...split.leadUnits);
      co.push(...split.coUnits);
    }
  }
  co.push(...cos);
  const uniqueLead = lead.filter((n, i) => lead.indexOf(n) === i);
  d.leadUnits = uniqueLead;
  d.coUnits = co.filter((n, i) => co.indexOf(n) === i && !uniqueLead.includes(n));
  d.leaders = values(LEADER_KEYS).flatMap(splitLeaders);
  d.areas = values(AREA_KEYS).flatMap(splitNames);
  const time = values(TIME_KEYS).join('；');
  if (time) d.timeLimit = time;
}

export function parseInlineUnits(lines: string[], warnings: Warnings): DraftItem[] {
  const items: DraftItem[] = [];
  let part: Heading | null = null;
  let chapter: Heading | null = null;
  let scope: Scope | null = null;
  let started = false;
  let open: { draft: DraftItem; pairs: Pairs } | null = null;
  const currentScope = (): Scope => (scope ??= { part, chapter, group: null });

  const close = () => {
    if (!open) return;
    applyPairs(open.draft, open.pairs);
    if (!open.draft.leadUnits.length) {
      warnings.add(open.draft.line, open.pairs.length ? `任务${open.draft.number}没有牵头单位` : `任务${open.draft.number}没有标注责任单位`);
    }
    items.push(open.draft);
    open = null;
  };
  const nextContent = (from: number): string => {
    for (let j = from; j < lines.length; j++) {
      const t = cellText(lines[j]!);
      if (t) return t;
    }
    return '';
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const { body, pairs } = extractBracketAnnotations(cellText(raw));
    if (!body && !pairs.length) return;
    if (!body || ANNOTATION_LINE.test(body)) {
      const all = [...pairs, ...(body ? annotationPairs(body) : [])];
      if (open) open.pairs.push(...all);
      else if (started) warnings.add(lineNo, `责任单位标注「${squeeze(body).slice(0, 30)}」前面没有任务`);
      return;
    }
    const heading = PART_RE.exec(body) ?? CN_PAREN_RE.exec(body);
    if (heading) {
      const next = nextContent(index + 1);
      // A heading that units are printed for is a task; `一、` needs more evidence than `（一）`
      // (a sentence), since a stray unit line under a part heading is more likely a slip.
      const annotatedBelow = ANNOTATION_LINE.test(next) && (!PART_RE.test(body) || /。/.test(body) || squeeze(body).length > 20);
      const isTask = pairs.length > 0 || annotatedBelow || /。./.test(body) || squeeze(body).length > 40;
      if (!isTask) {
        close();
        started = true;
        if (PART_RE.test(body)) {
          part = { title: squeeze(heading[2]!) };
          chapter = null;
        } else chapter = { title: squeeze(heading[2]!) };
        scope = null;
        return;
      }
    }
    const task = heading ?? NUM_DOT_RE.exec(body) ?? NUM_PAREN_RE.exec(body);
    if (task) {
      close();
      started = true;
      open = { draft: newDraft('task', task[1]!, lineNo, task[2]!, currentScope()), pairs: [...pairs] };
      return;
    }
    if (open && !open.pairs.length) {
      open.draft.text += body; // the task text went on over another line
      open.pairs.push(...pairs);
    } else if (started) {
      warnings.add(lineNo, `无法归入任何任务的内容：「${squeeze(body).slice(0, 30)}」`);
    }
  });
  close();
  if (!items.length) warnings.add(1, '没有找到带编号的任务');
  return items;
}
