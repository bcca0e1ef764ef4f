// The one support file of the golden tests: load a document (test/golden/docs/ or seeds/), parse
// it once, look items up, compare texts and targets. Expectations live in each *.golden.test.ts
// (and wuzhong-2024.expected.ts), written by reading the document; nothing here produces one.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parsePlanDocument } from '../../shared/import';
import type { ImportWarning, ParsedItem, ParsedPlan, ParsedTarget } from '../../shared/schemas/import';

/** Real documents of other places live in test/golden/docs/; the seed plans in seeds/. */
export type DocFolder = 'docs' | 'seeds';

export function loadDoc(name: string, folder: DocFolder = 'docs'): string {
  const dir = folder === 'docs' ? './docs/' : '../../seeds/';
  return readFileSync(new URL(`${dir}${name}`, import.meta.url), 'utf8');
}

/** Parse lazily, once, so a throwing parser fails each test with its error. */
export function lazyParse(name: string, folder: DocFolder = 'docs'): () => ParsedPlan {
  let cached: ParsedPlan | undefined;
  return () => (cached ??= parsePlanDocument(loadDoc(name, folder), { fileName: name }));
}

/** The single item of this number, any kind (fails when it is missing or printed twice). */
export function itemNo(plan: ParsedPlan, number: string): ParsedItem {
  const found = plan.items.filter((i) => i.number === number);
  expect(found, `item ${number} should appear exactly once`).toHaveLength(1);
  return found[0]!;
}

/** Whitespace-free: texts copied from PDFs carry spaces where a line wrapped. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Whitespace-free, brackets full-width: texts are compared in this form on both sides. */
export const norm = (s: string) => squash(s).replace(/\(/g, '（').replace(/\)/g, '）');

/**
 * The single item of this kind and number — under `pathLast` when given (several = the document
 * is ambiguous, any is accepted). Fails when it is missing or printed twice.
 */
export function findItem(
  items: readonly ParsedItem[],
  kind: ParsedItem['kind'],
  number: string,
  pathLast?: string | readonly string[],
): ParsedItem {
  const lasts = pathLast === undefined ? undefined : typeof pathLast === 'string' ? [pathLast] : pathLast;
  const hits = items.filter(
    (i) => i.kind === kind && i.number === number && (lasts === undefined || lasts.includes(i.path.at(-1) ?? '')),
  );
  expect(hits, `exactly one ${kind} ${number}${lasts ? ` under ${lasts.join(' | ')}` : ''}`).toHaveLength(1);
  return hits[0]!;
}

/** Any of the accepted readings (used where the printed document is ambiguous). */
export const oneOf = (...alts: string[]) =>
  expect.toSatisfy((v: unknown) => alts.includes(v as string), `one of ${alts.join(' | ')}`);

/** How many items of each kind. */
export function kindCounts(items: readonly ParsedItem[]): Record<ParsedItem['kind'], number> {
  const count = (kind: ParsedItem['kind']) => items.filter((i) => i.kind === kind).length;
  return { indicator: count('indicator'), task: count('task'), draft: count('draft') };
}

/** from, from+1, …, to. */
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** Whether any warning points at one of these 1-based source lines. */
export const warnedAt = (warnings: readonly ImportWarning[], lines: readonly number[]): boolean =>
  warnings.some((w) => lines.includes(w.line));

export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** An expected target: [value, unit] as printed. */
export type Quantity = readonly [value: number, unit: string];

const WAN = '万';

/**
 * Matcher for one target by value + unit. For 万-quantities the conventions accept both forms:
 * 1.8万人次 = {1.8, '万人次'} or {18000, '人次'}. 亿元 is a unit of its own (not converted).
 */
export function target([value, unit]: Quantity): unknown {
  const base = unit.length > WAN.length && unit.startsWith(WAN) ? unit.slice(WAN.length) : undefined;
  return expect.toSatisfy(
    (t: ParsedTarget) =>
      (t.unit === unit && t.value === value) ||
      // value × 10 000 is inexact in binary (1.1 × 10 000 = 11000.000000000002)
      (base !== undefined && t.unit === base && Math.abs(t.value - value * 10_000) < 1e-6),
    base === undefined ? `${value}${unit}` : `${value}${unit} or ${value * 10_000}${base}`,
  );
}

/** One expected row: what a reader of the document sees for an item. */
export interface Row {
  n: string;
  kind: ParsedItem['kind'];
  starts: string;
  /** The text's end as printed (proves the item is whole); omitted when not checked. */
  ends?: string;
  lead: string[];
  co: string[];
  leaders?: string[];
  deadline?: string | null;
  /** [value, unit] pairs; omitted when not checked. */
  targets?: Array<[number, string]>;
  path?: string[];
}

export function expectRow(plan: ParsedPlan, row: Row): void {
  const item = itemNo(plan, row.n);
  expect(item.kind, `kind of ${row.n}`).toBe(row.kind);
  expect(squash(item.text).startsWith(squash(row.starts)), `text of ${row.n}: ${item.text}`).toBe(true);
  if (row.ends !== undefined) expect(squash(item.text).endsWith(squash(row.ends)), `end of ${row.n}: ${item.text}`).toBe(true);
  expect(item.leadUnits, `lead units of ${row.n}`).toEqual(row.lead);
  expect(item.coUnits, `co units of ${row.n}`).toEqual(row.co);
  if (row.leaders !== undefined) expect(item.leaders, `leaders of ${row.n}`).toEqual(row.leaders);
  if (row.deadline !== undefined) expect(item.deadline, `deadline of ${row.n}`).toBe(row.deadline);
  if (row.targets !== undefined) {
    expect(item.targets.map((t) => [t.value, t.unit]), `targets of ${row.n}`).toEqual(row.targets);
  }
  if (row.path !== undefined) expect(item.path, `path of ${row.n}`).toEqual(row.path);
}

/** What a document says about itself: title, issuer, 文号, year and (when stated) its reporting cycle. */
export interface PlanHead {
  title: string;
  issuer: string;
  docNumber: string | null;
  year: number;
  cycle?: ParsedPlan['plan']['cycle'];
}

export function expectPlanHead(plan: ParsedPlan['plan'], head: PlanHead): void {
  expect(plan.title).toBe(head.title);
  expect(plan.issuer).toBe(head.issuer);
  expect(plan.docNumber).toBe(head.docNumber);
  expect(plan.year).toBe(head.year);
  expect(plan.cycle).toBe(head.cycle);
}
