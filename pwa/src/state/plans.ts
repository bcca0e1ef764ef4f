// Plans and items: shown from IndexedDB at once, refreshed from the network when it is there.
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import { api, unwrap } from '../api/client';
import { openDubanDB } from '../db/schema';

export async function cachedPlans(): Promise<PlanSummary[]> {
  const db = await openDubanDB();
  const plans = await db.getAll('plans');
  return plans.sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
}

export async function fetchPlans(): Promise<PlanSummary[]> {
  const { plans } = await unwrap<{ plans: PlanSummary[] }>(api.api.plans.$get());
  const db = await openDubanDB();
  const tx = db.transaction('plans', 'readwrite');
  await tx.store.clear();
  for (const p of plans) await tx.store.put(p);
  await tx.done;
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
  const data = await unwrap<{ plan: PlanSummary; items: Item[] }>(
    api.api.plans[':id'].tasks.$get({ param: { id: planId } }),
  );
  const db = await openDubanDB();
  const tx = db.transaction(['plans', 'items'], 'readwrite');
  await tx.objectStore('plans').put(data.plan);
  const items = tx.objectStore('items');
  for (const key of await items.index('byPlan').getAllKeys(planId)) await items.delete(key);
  for (const it of data.items) await items.put(it);
  await tx.done;
  return data;
}
