// Plans that print the units next to each task instead of in a table column:
//   1、新建改建学校5所。[牵头单位:区教育局;责任单位:区住建局、区财政局]
//   （一）深化医药卫生体制改革。推进……           ← a task numbered 一 when units follow it
//   责任单位:区卫健局
// Headings are `一、…` / `（一）…` lines that no unit annotation follows.
import { type DocRules, NO_RULES, isRuleLine } from './doc-rules';
import { type DraftItem, type Heading, type Scope, type Warnings, newDraft } from './items';
import { splitLeaders } from './leaders';
import { splitNames } from './units';
import { CN_PAREN_RE, NUM_DOT_RE, NUM_PAREN_RE, PART_RE, cellText, nextNumberedTask, squeeze } from './text';
import { assignUnits, leadPhrase } from './unit-roles';

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
const INDICATOR_PART = /预期目标|主要指标/;
/** A trailing `（甲、乙牵头，丙配合）` that names the units in words instead of with a key. */
const LEAD_BRACKET = /[(（]([^()（）]{2,120}?牵头[^()（）]*)[)）][。；;]?$/;

/**
 * A trailing `（甲、乙、丙等负责）` (国务院 style): the units that carry the task, the first listed
 * leading; the first such bracket may add the rule `。列第一位者为牵头单位，下同`.
 */
export const DUTY_BRACKET = /[(（]([^()（）:：]{2,160}?)(?:等(?:有关|相关)?(?:部门|单位)?(?:和单位)?)?(?:按职责分工)?负责(?:[。；;，,][^()（）]*)?[)）][。；;]?$/;

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
function applyPairs(d: DraftItem, pairs: Pairs, rules: DocRules): void {
  const values = (keys: string[]) => pairs.filter(([k]) => keys.includes(k)).map(([, v]) => v);
  Object.assign(d, assignUnits({ lead: values(LEAD_KEYS), units: values(UNIT_KEYS), co: values(CO_KEYS) }, rules));
  d.leaders = values(LEADER_KEYS).flatMap(splitLeaders);
  d.areas = values(AREA_KEYS).flatMap(splitNames);
  const time = values(TIME_KEYS).join('；');
  if (time) d.timeLimit = time;
}

/** A line's `（甲、乙牵头，丙配合）` or `（甲、乙等负责）` tail as a 责任单位 pair, and the line without it. */
function leadBracket(body: string): { body: string; pairs: Pairs } {
  const m = LEAD_BRACKET.exec(body);
  if (m && leadPhrase(m[1]!)) return { body: body.slice(0, m.index).trim(), pairs: [['责任单位', m[1]!]] };
  const duty = DUTY_BRACKET.exec(body);
  // `国家发展改革委会同有关部门负责`: the unit named first leads, those it works with (会同) assist;
  // `甲、乙等和各省级人民政府负责`: the list closed by 等, then the provinces.
  if (duty && duty.index > 0) {
    return { body: body.slice(0, duty.index).trim(), pairs: [['责任单位', duty[1]!.replace(/会同|等和/g, '、')]] };
  }
  return { body, pairs: [] };
}

/** A heading that is no numbered task: `——加快…` sub-headings and sentences ending in `：`. */
function isPlainHeading(body: string): boolean {
  const t = squeeze(body);
  return (/^——/.test(t) && !/。./.test(t)) || /[:：]$/.test(t);
}

/**
 * A heading's name: `产业提升人才行动计划。围绕…，实施如下重点项目：` is named by its first sentence;
 * the rest introduces the tasks below it.
 */
function headingTitle(raw: string): string {
  const title = squeeze(raw).replace(/[:：]$/, '');
  const stop = title.indexOf('。');
  return stop > 0 ? title.slice(0, stop) : title;
}

export function parseInlineUnits(lines: string[], warnings: Warnings, rules: DocRules = NO_RULES): DraftItem[] {
  const items: DraftItem[] = [];
  let part: Heading | null = null;
  let chapter: Heading | null = null;
  let group: Heading | null = null;
  let scope: Scope | null = null;
  let indicators = false;
  let lastNumber = 0;
  let started = false;
  let open: { draft: DraftItem; pairs: Pairs } | null = null;
  const currentScope = (): Scope => (scope ??= { part, chapter, group });

  const close = () => {
    if (!open) return;
    applyPairs(open.draft, open.pairs, rules);
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
    if (isRuleLine(raw)) return; // `注：列第一位的为牵头单位` — read by readDocRules
    const extracted = extractBracketAnnotations(cellText(raw));
    const { body, pairs } = extracted.pairs.length ? extracted : leadBracket(extracted.body);
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
      // A long chapter sentence ending in `：` introduces the tasks below it.
      const introduces = /[:：]$/.test(squeeze(body));
      // `（二）发展目标。` (a name closed by `。`) opens an item whose text is on the lines below.
      // (`（一）统筹两个市场，打造加工制造中心。` followed by `1.…` is a chapter heading.)
      const namedItem = CN_PAREN_RE.test(body) && /。$/.test(squeeze(body)) && !NUM_DOT_RE.test(next);
      const isTask = pairs.length > 0 || annotatedBelow || namedItem || (!introduces && (/。./.test(body) || squeeze(body).length > 40));
      if (!isTask) {
        close();
        started = true;
        if (PART_RE.test(body)) {
          part = { title: headingTitle(heading[2]!) };
          indicators = INDICATOR_PART.test(part.title);
          chapter = null;
        } else chapter = { title: headingTitle(heading[2]!) };
        group = null;
        scope = null;
        return;
      }
    }
    const task = heading ?? NUM_DOT_RE.exec(body) ?? NUM_PAREN_RE.exec(body) ?? nextNumberedTask(body, lastNumber);
    if (task) {
      close();
      started = true;
      if (/^\d+$/.test(task[1]!)) lastNumber = Number(task[1]);
      open = { draft: newDraft(indicators ? 'indicator' : 'task', task[1]!, lineNo, task[2]!, currentScope()), pairs: [...pairs] };
      return;
    }
    if (started && !pairs.length && isPlainHeading(body)) {
      close();
      group = { title: squeeze(body).replace(/^——/, '').replace(/[:：]$/, '') };
      scope = null;
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
