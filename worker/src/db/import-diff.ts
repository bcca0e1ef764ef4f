// What differs between a plan already in the database and a new parse of a document with the
// same number (a corrected copy, a second OCR). Items are matched by kind and number as printed,
// counting repeats (wuzhong-2023 numbers (1)–(8) twice) so the nth "(3)" meets the nth "(3)".
import type { ParsedItem } from '../../../shared/schemas/import';
import type { Item } from '../../../shared/schemas/plan';

export type DiffField = 'text' | 'path' | 'leadUnits' | 'coUnits' | 'areas' | 'leaders' | 'targets' | 'deadline';

export interface ItemChange {
  key: string;
  itemId: string;
  kind: Item['kind'];
  number: string;
  fields: DiffField[];
  before: Partial<Record<DiffField, unknown>>;
  after: Partial<Record<DiffField, unknown>>;
}

export interface PlanDiff {
  added: Array<{ key: string; item: ParsedItem }>;
  removed: Array<{ key: string; itemId: string; kind: Item['kind']; number: string; text: string }>;
  changed: ItemChange[];
  unchanged: number;
  /** Every existing item that the new document still has, by match key. */
  matched: Array<{ key: string; itemId: string }>;
}

export function keyed<T extends { kind: string; number: string }>(items: T[]): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const it of items) {
    const base = `${it.kind}:${it.number}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(`${base}#${n}`, it);
  }
  return out;
}

const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const targetSig = (ts: Array<{ value: number; unit: string }>) => ts.map((t) => `${t.value}${t.unit}`);

/**
 * `resolve` maps a parsed unit name to the name stored for it (through aliases), so that
 * 交运局 in the document and 交通运输局 in the database are not reported as a change.
 */
export function diffPlan(existing: Item[], parsed: ParsedItem[], resolve: (name: string) => string = (n) => n): PlanDiff {
  const before = keyed(existing);
  const after = keyed(parsed);
  const diff: PlanDiff = { added: [], removed: [], changed: [], unchanged: 0, matched: [] };
  for (const [key, item] of after) {
    const old = before.get(key);
    if (!old) {
      diff.added.push({ key, item });
      continue;
    }
    diff.matched.push({ key, itemId: old.id });
    const pairs: Array<[DiffField, unknown, unknown, boolean]> = [
      ['text', old.text, item.text, old.text === item.text],
      ['path', old.path, item.path, sameList(old.path, item.path)],
      ['leadUnits', names(old.leadUnits), item.leadUnits.map(resolve), sameList(names(old.leadUnits), item.leadUnits.map(resolve))],
      ['coUnits', names(old.coUnits), item.coUnits.map(resolve), sameList(names(old.coUnits), item.coUnits.map(resolve))],
      ['areas', names(old.areas), item.areas.map(resolve), sameList(names(old.areas), item.areas.map(resolve))],
      ['leaders', names(old.leaders), item.leaders, sameList(names(old.leaders), item.leaders)],
      ['targets', old.targets.map(({ text, value, unit }) => ({ text, value, unit })), item.targets, sameList(targetSig(old.targets), targetSig(item.targets))],
      ['deadline', old.deadline, item.deadline, old.deadline === item.deadline],
    ];
    const changedPairs = pairs.filter(([, , , same]) => !same);
    if (!changedPairs.length) {
      diff.unchanged++;
      continue;
    }
    diff.changed.push({
      key,
      itemId: old.id,
      kind: old.kind,
      number: old.number,
      fields: changedPairs.map(([f]) => f),
      before: Object.fromEntries(changedPairs.map(([f, b]) => [f, b])),
      after: Object.fromEntries(changedPairs.map(([f, , a]) => [f, a])),
    });
  }
  for (const [key, old] of before) {
    if (!after.has(key)) diff.removed.push({ key, itemId: old.id, kind: old.kind, number: old.number, text: old.text });
  }
  return diff;
}
