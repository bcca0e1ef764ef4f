// Helpers for the golden tests of real documents kept under test/golden/docs/ (plans of other
// places, as an office would paste them). Expectations live in each *.golden.test.ts, written by
// reading the document; these helpers only load, parse once and look items up.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parsePlanDocument } from '../../shared/import';
import type { ParsedItem, ParsedPlan } from '../../shared/schemas/import';

export function loadDoc(name: string): string {
  return readFileSync(new URL(`./docs/${name}`, import.meta.url), 'utf8');
}

/** Parse lazily, once, so a throwing parser fails each test with its error. */
export function lazyParse(name: string): () => ParsedPlan {
  let cached: ParsedPlan | undefined;
  return () => (cached ??= parsePlanDocument(loadDoc(name), { fileName: name }));
}

/** The single item of this number (fails when it is missing or printed twice). */
export function itemNo(plan: ParsedPlan, number: string): ParsedItem {
  const found = plan.items.filter((i) => i.number === number);
  expect(found, `item ${number} should appear exactly once`).toHaveLength(1);
  return found[0]!;
}

/** Whitespace-free: texts copied from PDFs carry spaces where a line wrapped. */
export const squash = (s: string) => s.replace(/\s+/g, '');

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
