// The plan a leader view is about: it must exist and belong to the caller's organisation
// (another organisation's plan answers 404, never 403).
import type { SessionUser } from '../env';
import { getPlanRecord, type PlanRecord } from '../db/plan-frame';
import { notFound } from './errors';
import { assertSameOrg } from './scope';
import type { Db } from './d1';

export function assertPlanVisible(user: SessionUser, plan: PlanRecord | null): asserts plan is PlanRecord {
  if (!plan) throw notFound('未找到该工作方案');
  assertSameOrg(user, plan.orgId);
}

export async function planFor(db: Db, user: SessionUser, planId: string): Promise<PlanRecord> {
  const plan = await getPlanRecord(db, planId);
  assertPlanVisible(user, plan);
  return plan;
}
