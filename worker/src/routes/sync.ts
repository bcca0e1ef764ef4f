// GET /api/sync?since=<cursor>: what changed for this user since the cursor, so the PWA can
// keep an offline copy (plans, scoped items, reports, instructions). See shared/schemas/sync.ts
// for the client's rules and migration 0003 for why the cursor never misses a change.
import { Hono } from 'hono';
import type { Item } from '../../../shared/schemas/plan';
import { SyncQuery, type SyncResponse } from '../../../shared/schemas/sync';
import type { AppEnv, SessionUser } from '../env';
import { existingInstructionIds, visibleInstructionsByIds } from '../db/instructions';
import { listItems, listPlans } from '../db/plans';
import { readableReportsJson } from '../db/report-json';
import { carriedItems, changePage, itemPlans, type SyncEntity } from '../db/sync';
import { sha256Hex } from '../lib/crypto';
import { onPrimary } from '../lib/databases';
import { jsonWithParts } from '../lib/json-parts';
import { PHOTO_URL_PARTS } from '../lib/photo-links';
import { scopeItems } from '../lib/scope';
import { validate } from '../lib/validate';
import { orgOf, requireUser } from '../middleware/auth';

/**
 * Changes per page; a full first load of a big organisation takes a few calls. 2 000 (~2 MB of
 * JSON for a unit's reports): each page pays a session check, a few round trips and a sort of
 * what is left, so a unit's first sync at 100 000 reports (10 000 it may read) takes 6 pages,
 * not 23 (issue 16).
 */
export const SYNC_PAGE = 2000;

/** A cursor belongs to one user in one scope; another one (or a reset database) starts over. */
async function scopeTag(user: SessionUser, orgId: string): Promise<string> {
  return (await sha256Hex(`${user.id}|${user.role}|${orgId}|${user.unitId ?? ''}`)).slice(0, 12);
}

function parseCursor(since: string | undefined, tag: string): number | null {
  const m = since ? /^s1\.(\d{1,15})\.([0-9a-f]{12})$/.exec(since) : null;
  return m && m[2] === tag ? Number(m[1]) : null;
}

export const sync = new Hono<AppEnv>().use(requireUser).get('/', validate('query', SyncQuery), async (c) => {
  const user = c.var.user;
  let db = c.env.DB;
  const query = c.req.valid('query');
  const orgId = orgOf(user, query.orgId);
  const unitId = user.role === 'unit' ? user.unitId : null;
  const tag = await scopeTag(user, orgId);
  let since = parseCursor(query.since, tag);
  const pageFrom = (from: number) => changePage(db, orgId, user.role === 'unit' ? (unitId ?? '') : null, from, SYNC_PAGE);
  let page = await pageFrom(since ?? 0);
  if (since !== null && since > page.counter) {
    // A cursor ahead of this copy: a read replica behind the one that answered last time (read
    // replication, lib/bookmark.ts), or a database restored from a backup. The primary tells
    // which; only the second starts over.
    db = onPrimary(c.var.databases);
    page = await pageFrom(since);
    if (since > page.counter) {
      since = null;
      page = await pageFrom(0);
    }
  }

  const changed: Record<SyncEntity, string[]> = { plan: [], item: [], report: [], instruction: [] };
  const shared = new Set<string>();
  const removable = new Set<string>();
  const listed = new Set<string>();
  for (const r of page.rows) {
    if (r.removable) removable.add(r.entity_id);
    // A report may come twice in a unit's page: lost and readable again.
    if (listed.has(`${r.entity}:${r.entity_id}`)) continue;
    listed.add(`${r.entity}:${r.entity_id}`);
    changed[r.entity].push(r.entity_id);
    if (r.shared) shared.add(r.entity_id);
  }

  const plans = changed.plan.length ? (await listPlans(db, orgId)).filter((p) => changed.plan.includes(p.id)) : [];

  const planOf = await itemPlans(db, changed.item);
  const byPlan = new Map<string, string[]>();
  for (const [itemId, planId] of planOf) byPlan.set(planId, [...(byPlan.get(planId) ?? []), itemId]);
  const own = unitId ? await carriedItems(db, unitId, [...planOf.keys()]) : null;
  const items: Item[] = [];
  for (const [planId, ids] of byPlan) items.push(...scopeItems(user, await listItems(db, planId, ids), own));

  // Independent reads, overlapped (a page is a few D1 round trips, not seven in a row): the
  // reports the caller may read, as JSON text written by SQLite (an unreadable one is left out
  // there, never sent), and the instructions.
  const [readable, instructions] = await Promise.all([
    readableReportsJson(db, user, orgId, changed.report, PHOTO_URL_PARTS),
    visibleInstructionsByIds(db, user, orgId, changed.instruction),
  ]);
  const reports = changed.report.flatMap((id) => readable.get(id) ?? []); // change-log order
  const seenInstructions = new Set(instructions.map((n) => n.id));
  // A unit's page holds only reports it may read, or could and lost (db/sync.ts): of those it
  // cannot read now, its own and the lost ones are removals. Leaders read a report once
  // submitted and never lose it unless it is deleted: a report they cannot read is a removal
  // only if it was submitted (a deleted draft was never theirs to know about). Admins read
  // everything, so theirs are deletions.
  const hidden = changed.report.filter((id) => !readable.has(id));
  const removedReports = hidden.filter((id) => (user.role === 'unit' ? removable.has(id) : user.role === 'leader' ? shared.has(id) : true));
  // An instruction the caller cannot read now is a removal only once it no longer exists: a
  // co-unit's answer it never could read must not reach it even as an id (docs/SYNC.md). A unit
  // that loses a whole task drops its thread with the task (the item comes back title-only).
  const unseenInstructions = changed.instruction.filter((id) => !seenInstructions.has(id));
  const stillThere = await existingInstructionIds(db, unseenInstructions);
  const removed = {
    plans: changed.plan.filter((id) => !plans.some((p) => p.id === id)),
    items: changed.item.filter((id) => !planOf.has(id)),
    reports: removedReports,
    instructions: unseenInstructions.filter((id) => !stillThere.has(id)),
  };
  const reset = since === null;
  const res: Omit<SyncResponse, 'reports'> = {
    cursor: `s1.${page.upto}.${tag}`,
    hasMore: page.hasMore,
    reset,
    serverTime: c.var.now().toISOString(),
    plans,
    items,
    instructions,
    // After a reset the client holds nothing older to remove.
    removed: reset ? { plans: [], items: [], reports: [], instructions: [] } : removed,
  };
  return jsonWithParts<SyncResponse>(res, { reports });
});
