// Applies the clerk's corrections (shared/schemas/import-corrections.ts) to a parsed plan. Pure:
// the PWA, the worker's preview and its commit all call it, so what the clerk saw is what lands.
// Operations apply in order on the evolving list; one that no longer finds what it was made for
// (the document changed) is skipped and reported with a reason, never half-applied.
import type { Correction, ItemRef } from '../schemas/import-corrections';
import type { ParsedItem, ParsedPlan } from '../schemas/import';
import type { Cycle } from '../schemas/common';
import { extractTargets } from './targets';
import { splitLines } from './text';

export interface CorrectedPlan {
  parsed: ParsedPlan;
  /** Reporting cycle and due day the clerk chose (undefined: keep the parser's or the default). */
  cycle?: Cycle;
  dueDay?: number;
  /** One entry per correction: null when it applied, else why not. */
  outcomes: Array<string | null>;
}

/** The reference a correction keeps to an item. */
export function refOf(item: ParsedItem): ItemRef {
  return { line: item.line ?? null, number: item.number };
}

function find(items: ParsedItem[], at: ItemRef, was: string): number | string {
  const i = items.findIndex((it) => (it.line ?? null) === at.line && it.number === at.number);
  if (i < 0) return `找不到第 ${at.number} 项（第 ${at.line ?? '?'} 行）`;
  if (items[i]!.text !== was) return `第 ${at.number} 项的原文已改变`;
  return i;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

function merge(a: ParsedItem, b: ParsedItem): ParsedItem {
  const leadUnits = union(a.leadUnits, b.leadUnits);
  return {
    ...a,
    text: a.text + b.text,
    leadUnits,
    coUnits: union(a.coUnits, b.coUnits).filter((n) => !leadUnits.includes(n)),
    leaders: union(a.leaders, b.leaders),
    areas: union(a.areas, b.areas),
    targets: [...a.targets, ...b.targets],
    deadline: a.deadline ?? b.deadline,
  };
}

/** A number for the second half of a split that no other item of the plan carries. */
function freshNumber(items: ParsedItem[], base: string, wanted?: string): string {
  const taken = new Set(items.map((it) => it.number));
  if (wanted && !taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const NUMBERED = /^\s*(?:[（(]\s*([0-9一二三四五六七八九十]+)\s*[)）]|([0-9]+)\s*[、.．]|([一二三四五六七八九十]+)\s*、)\s*/;

/** A heading or loose line turned into a task: its printed number, or the line number. */
function lineAsItem(raw: string, line: number): { number: string; text: string } {
  const m = NUMBERED.exec(raw);
  const text = raw.replace(NUMBERED, '').replace(/<\/?[a-zA-Z][^<>]*>/g, '').replace(/[\t|]+/g, ' ').trim();
  return { number: m ? (m[1] ?? m[2] ?? m[3])! : `第${line}行`, text };
}

const norm = (s: string) => s.replace(/[\s：:。；;]+$|\s+/g, '');
const sameTitle = (a: string, b: string) => norm(a) === norm(b);

/** Whether a source line is the heading `title` alone (so it can be offered as a task). */
export function isHeadingLine(raw: string, title: string): boolean {
  return sameTitle(lineAsItem(raw, 0).text, title);
}

function applyOne(items: ParsedItem[], plan: CorrectedPlan, op: Correction, lines: string[]): ParsedItem[] | string {
  switch (op.op) {
    case 'plan': {
      const { op: _op, cycle, dueDay, ...fields } = op;
      Object.assign(plan.parsed.plan, fields);
      if (cycle) plan.cycle = cycle;
      if (dueDay) plan.dueDay = dueDay;
      return items;
    }
    case 'edit': {
      const i = find(items, op.at, op.was);
      if (typeof i === 'string') return i;
      const { op: _op, at: _at, was: _was, ...fields } = op;
      // A new text without targets of its own brings the targets its numbers state.
      const next = { ...items[i]!, ...(fields.text !== undefined ? { targets: extractTargets(fields.text) } : {}), ...fields };
      next.coUnits = next.coUnits.filter((n) => !next.leadUnits.includes(n));
      return [...items.slice(0, i), next, ...items.slice(i + 1)];
    }
    case 'merge': {
      const i = find(items, op.at, op.was);
      if (typeof i === 'string') return i;
      const j = find(items, op.next, op.nextWas);
      if (typeof j === 'string') return j;
      if (j !== i + 1) return `第 ${op.at.number} 项与第 ${op.next.number} 项已不相邻`;
      return [...items.slice(0, i), merge(items[i]!, items[j]!), ...items.slice(j + 1)];
    }
    case 'split': {
      const i = find(items, op.at, op.was);
      if (typeof i === 'string') return i;
      const it = items[i]!;
      const first = it.text.slice(0, op.offset).trim();
      const second = it.text.slice(op.offset).trim();
      if (!first || !second) return `第 ${it.number} 项无法在该处拆分`;
      const a = { ...it, text: first, targets: extractTargets(first) };
      const b = { ...it, text: second, targets: extractTargets(second), number: freshNumber(items, it.number, op.number) };
      return [...items.slice(0, i), a, b, ...items.slice(i + 1)];
    }
    case 'heading': {
      const i = find(items, op.at, op.was);
      if (typeof i === 'string') return i;
      const it = items[i]!;
      const same = (p: string[]) => p.length === it.path.length && p.every((s, k) => s === it.path[k]);
      const out = items.slice(0, i);
      let k = i + 1;
      // The items that followed it in its section now sit under it.
      for (; k < items.length && same(items[k]!.path); k++) out.push({ ...items[k]!, path: [...it.path, it.text] });
      return [...out, ...items.slice(k)];
    }
    case 'task': {
      const raw = lines[op.line - 1];
      if (raw === undefined || raw.trim() !== op.was.trim()) return `第 ${op.line} 行的原文已改变`;
      if (items.some((it) => it.line === op.line)) return `第 ${op.line} 行已是一项`;
      const { number, text } = lineAsItem(raw, op.line);
      if (!text) return `第 ${op.line} 行没有内容`;
      // If the line was read as a heading, it leaves the paths of the items under it.
      const asHeading = (s: string) => sameTitle(s, text);
      const under = (it: ParsedItem) => (it.line ?? 0) > op.line && it.path.some(asHeading);
      const stripped = items.map((it) => (under(it) ? { ...it, path: it.path.filter((s) => !asHeading(s)) } : it));
      let at = stripped.findIndex((it) => (it.line ?? 0) > op.line);
      if (at < 0) at = stripped.length;
      const neighbour = stripped[at] ?? stripped[at - 1];
      const item: ParsedItem = {
        kind: 'task', number: freshNumber(stripped, number, number), path: neighbour?.path ?? [], text,
        leadUnits: [], coUnits: [], leaders: [], areas: [], targets: extractTargets(text), deadline: null, line: op.line,
      };
      return [...stripped.slice(0, at), item, ...stripped.slice(at)];
    }
    case 'same-unit': {
      if (!items.some((it) => [...it.leadUnits, ...it.coUnits, ...it.areas].includes(op.name))) return `文档中已没有“${op.name}”`;
      const rename = (names: string[]) => [...new Set(names.map((n) => (n === op.name ? op.as : n)))];
      return items.map((it) => {
        const leadUnits = rename(it.leadUnits);
        return { ...it, leadUnits, coUnits: rename(it.coUnits).filter((n) => !leadUnits.includes(n)), areas: rename(it.areas) };
      });
    }
    case 'distinct-units':
      return items;
  }
}

/** The parse with the corrections applied, and what became of each correction. */
export function applyCorrections(parsed: ParsedPlan, corrections: Correction[], text: string): CorrectedPlan {
  const lines = splitLines(text);
  const out: CorrectedPlan = { parsed: { ...parsed, plan: { ...parsed.plan } }, outcomes: [] };
  let items = parsed.items;
  for (const op of corrections) {
    const next = applyOne(items, out, op, lines);
    if (typeof next === 'string') out.outcomes.push(next);
    else {
      items = next;
      out.outcomes.push(null);
    }
  }
  out.parsed.items = items;
  return out;
}

const FIELD_WORD: Record<string, string> = {
  text: '内容', leadUnits: '牵头单位', coUnits: '责任单位', leaders: '牵头领导', targets: '目标', deadline: '时限',
  title: '标题', issuer: '发文机关', docNumber: '文号', year: '年度', cycle: '报送周期', dueDay: '截止日',
};
const fieldsOf = (op: object) => Object.keys(op).filter((k) => FIELD_WORD[k]).map((k) => FIELD_WORD[k]).join('、');

/** A correction in the clerk's words, for the list of fixes kept or reapplied. */
export function describeCorrection(op: Correction): string {
  switch (op.op) {
    case 'plan': return `方案信息：${fieldsOf(op)}`;
    case 'edit': return `第 ${op.at.number} 项：改${fieldsOf(op)}`;
    case 'merge': return `第 ${op.at.number} 项与第 ${op.next.number} 项合并`;
    case 'split': return `第 ${op.at.number} 项拆为两项`;
    case 'heading': return `第 ${op.at.number} 项改为标题`;
    case 'task': return `第 ${op.line} 行设为任务`;
    case 'same-unit': return `“${op.name}”即“${op.as}”`;
    case 'distinct-units': return `“${op.names[0]}”与“${op.names[1]}”不是同一单位`;
  }
}
