// Plans and items: shown from IndexedDB at once, refreshed from the network when it is there.
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import { api, unwrap } from '../api/client';
import { openDubanDB } from '../db/schema';
import { replaceCachedPlan, replaceCachedPlans } from '../sync/cache';

export async function cachedPlans(): Promise<PlanSummary[]> {
  const db = await openDubanDB();
  const plans = await db.getAll('plans');
  return plans.sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
}

export async function fetchPlans(): Promise<PlanSummary[]> {
  const { plans } = await unwrap(api.api.plans.$get());
  await replaceCachedPlans(plans);
  return plans;
}

export async function cachedPlan(planId: string): Promise<{ plan: PlanSummary; items: Item[] } | null> {
  const db = await openDubanDB();
  const plan = await db.get('plans', planId);
  if (!plan) return null;
  const items = await db.getAllFromIndex('items', 'byPlan', planId);
  return { plan, items: items.sort((a, b) => a.seq - b.seq) };
}

export async function fetchPlan(planId: string): Promise<{ plan: PlanSummary; items: Item[] }> {
  const data = await unwrap(
    api.api.plans[':id'].tasks.$get({ param: { id: planId } }),
  );
  await replaceCachedPlan(data.plan, data.items);
  return data;
}
