// Parse a document and commit it: the path shared by `npm run import` and the seeding of npm start.
import { createHash } from 'node:crypto';
import { parsePlanDocument } from '../../shared/import';
import { commitPlan } from '../src/db/import';
import { ensurePlacedOrg } from '../src/lib/placement';
import { ApiError } from '../src/lib/errors';

export type ImportOutcome =
  | { skipped: false; planId: string; title: string; items: number; warnings: number }
  | { skipped: true; title: string; reason: string };

/** `all`: the deployment's databases (lib/databases.ts); a new organisation is placed on one. */
export async function importDocument(all: readonly D1Database[], text: string, fileName: string, now: Date): Promise<ImportOutcome> {
  const parsed = parsePlanDocument(text, { fileName });
  const { orgId, db } = await ensurePlacedOrg(all, parsed.plan.issuer, now);
  try {
    const r = await commitPlan(all[db]!, {
      orgId,
      parsed,
      userId: null,
      now,
      sourceName: fileName,
      sourceSha256: createHash('sha256').update(text).digest('hex'),
    });
    return { skipped: false, planId: r.planId, title: parsed.plan.title, items: r.items, warnings: parsed.warnings.length };
  } catch (e) {
    // The same document number twice (a second OCR of one plan) is not a second plan.
    if (e instanceof ApiError && e.status === 409) return { skipped: true, title: parsed.plan.title, reason: e.message };
    throw e;
  }
}
