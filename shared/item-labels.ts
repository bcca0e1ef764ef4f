// The one label of each plan item (指标 3 / 任务 12), decided once on the server when a plan is
// imported or updated and stored in items.label. Plans often restart their numbering (吴中 2023:
// 任务 1–8 under 打好三场硬仗, then 1, 2, … again), so the printed number alone is not unique.
// Rule (docs/IMPORT.md; migration 0009_item_labels applies the same rule in SQL):
//   - walk the items of one kind in document order; each time the number does not go up, a new
//     numbering run (段) starts; runs are counted 一, 二, 三 …
//   - a (kind, number) that occurs once in the plan keeps the plain label: 任务 12;
//   - one that repeats gets its run in front: 任务 一.3 and 任务 二.3;
//   - should two items still share a label (items printed without a number),
//     every one of them gets a suffix in document order: 任务-1, 任务-2.
import { ITEM_KIND_LABEL, type ItemKind } from './labels';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (runs past 99 keep Arabic digits). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** The printed number as an integer, read like SQLite's CAST(number AS INTEGER): leading digits, else 0. */
function numeric(number: string): number {
  const m = /^\s*(\d+)/.exec(number);
  return m ? Number(m[1]) : 0;
}

function plain(kind: ItemKind | string, number: string): string {
  const word = ITEM_KIND_LABEL[kind as ItemKind] ?? '任务';
  return number ? `${word} ${number}` : word;
}

/** Labels for the items of one plan, given in document order (seq); same order out. */
export function planItemLabels(items: ReadonlyArray<{ kind: ItemKind | string; number: string }>): string[] {
  const runOf: number[] = [];
  const last = new Map<string, { value: number; run: number }>();
  const count = new Map<string, number>();
  for (const it of items) {
    const prev = last.get(it.kind);
    const value = numeric(it.number);
    const run = !prev ? 1 : value > prev.value ? prev.run : prev.run + 1;
    last.set(it.kind, { value, run });
    runOf.push(run);
    const key = `${it.kind}\u0000${it.number}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const wanted = items.map((it, i) => {
    if (!it.number || count.get(`${it.kind}\u0000${it.number}`)! < 2) return plain(it.kind, it.number);
    const word = ITEM_KIND_LABEL[it.kind as ItemKind] ?? '任务';
    return `${word} ${chineseNumeral(runOf[i]!)}.${it.number}`;
  });
  return unique(wanted);
}

/** Suffixes -1, -2 … in document order for labels that still collide (and again if a suffix does). */
function unique(wanted: string[]): string[] {
  const total = new Map<string, number>();
  for (const w of wanted) total.set(w, (total.get(w) ?? 0) + 1);
  const taken = new Set(wanted.filter((w) => total.get(w) === 1));
  const seen = new Map<string, number>();
  return wanted.map((w) => {
    if (total.get(w) === 1) return w;
    let n = seen.get(w) ?? 0;
    let candidate: string;
    do candidate = `${w}-${++n}`;
    while (taken.has(candidate));
    seen.set(w, n);
    taken.add(candidate);
    return candidate;
  });
}
