// The plan the local demo brings to life. The seed documents are real plans of 2023–2025, so on
// any later day every one of them is a closed past year: a dashboard of the past only shows
// 逾期未报 everywhere. Instead of faking the clock (the app would then lie about today), the demo
// imports the Wuzhong 2024 document once more as the organisation's plan for the CURRENT year —
// same tasks, units and leaders, title marked （演示） — and gives that plan a year of history up
// to today (demo-history.ts). The real 2023/2024 plans stay as they are: last year's open items
// and the year switch can be seen too.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanDocument } from '../../shared/import';
import { commitPlan } from '../src/db/import';
import { ensurePlacedOrg } from '../src/lib/placement';

export const DEMO_SOURCE = 'wuzhong-2024-tasks.txt';

/** The year of `now` in China. */
export function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

export interface DemoPlan {
  planId: string;
  orgId: string;
  year: number;
  /** The database index the organisation lives on. */
  db: number;
}

/** Imports the demo plan for the current year, or null when the seed is already that recent. */
export async function importDemoPlan(all: readonly D1Database[], seedsDir: string, now: Date): Promise<DemoPlan | null> {
  const text = readFileSync(join(seedsDir, DEMO_SOURCE), 'utf8');
  const parsed = parsePlanDocument(text, { fileName: DEMO_SOURCE });
  const from = parsed.plan.year;
  const year = chinaYear(now);
  if (from >= year) return null;
  const shift = (s: string) => s.replaceAll(String(from), String(year));
  parsed.plan = {
    ...parsed.plan,
    year,
    title: `${shift(parsed.plan.title)}（演示）`,
    docNumber: parsed.plan.docNumber ? `${shift(parsed.plan.docNumber)}（演示）` : null,
  };
  // Deadlines (九月底前 → 2024-09-30) move to the same day of the demo year.
  parsed.items = parsed.items.map((it) => ({ ...it, deadline: it.deadline ? `${year}${it.deadline.slice(4)}` : null }));
  const { orgId, db: index } = await ensurePlacedOrg(all, parsed.plan.issuer, now);
  const db = all[index]!;
  // Issued in January, as the real one was.
  const issued = new Date(Date.UTC(year, 0, 8, 2));
  const r = await commitPlan(db, {
    orgId,
    parsed,
    userId: null,
    now: issued,
    sourceName: `${DEMO_SOURCE}（演示：${year}年）`,
    sourceSha256: createHash('sha256').update(`${year}\n${text}`).digest('hex'),
  });
  return { planId: r.planId, orgId, year, db: index };
}
