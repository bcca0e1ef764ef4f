// The synced copy's writes outside a sync page: plan lists the office screens fetch (so they open
// offline), and sign-out on a shared phone, which forgets what this user could read, never what
// they have not sent. With pull.ts, the only writer of plans and items (db/schema.ts).
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import { CACHE_STORES, openDubanDB, type MetaKey } from '../db/schema';

/** meta keys that describe the device, not the user: kept at sign-out. */
const DEVICE_KEYS = new Set<MetaKey>(['storagePersist']);

export async function clearCachedData(): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction(['meta', ...CACHE_STORES], 'readwrite');
  const meta = tx.objectStore('meta');
  for (const key of await meta.getAllKeys()) if (!DEVICE_KEYS.has(key)) await meta.delete(key);
  await Promise.all(CACHE_STORES.map((s) => tx.objectStore(s).clear()));
  await tx.done;
}

/** GET /api/plans answered: the stored plan list becomes exactly that list. */
export async function replaceCachedPlans(plans: PlanSummary[]): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction('plans', 'readwrite');
  await tx.store.clear();
  for (const p of plans) await tx.store.put(p);
  await tx.done;
}

/** GET /api/plans/:id/items answered: the plan and exactly these items. */
export async function replaceCachedPlan(plan: PlanSummary, items: Item[]): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction(['plans', 'items'], 'readwrite');
  await tx.objectStore('plans').put(plan);
  const stored = tx.objectStore('items');
  for (const key of await stored.index('byPlan').getAllKeys(plan.id)) await stored.delete(key);
  for (const it of items) await stored.put(it);
  await tx.done;
}
