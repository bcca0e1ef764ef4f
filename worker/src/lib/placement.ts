// Where a new organisation goes: the database with the most room. Room is D1's own limit, bytes
// (10 GB per database), read from `meta.size_after` of a trivial query; organisations differ 35×
// in size (docs/SCALE.md), so counting them alone would fill one database long before another.
// Sizes within the same 100 MB step count as equal, and then the database with fewer
// organisations wins: a province onboarding many empty districts at once spreads them evenly
// instead of stacking them on whichever database happened to be a few pages smaller.
import { ensureOrg } from '../db/import';
import { orgCounts, orgPlacementByName, placeOrg } from '../db/placements';

export const SIZE_STEP = 100 * 1024 * 1024;

export interface Room {
  index: number;
  /** Bytes, when D1 reports them. */
  size: number | null;
  orgs: number;
}

/** The index with the most room: smallest size step, then fewest organisations, then lowest index. */
export function emptiest(rooms: readonly Room[]): number {
  const step = (r: Room) => Math.floor((r.size ?? 0) / SIZE_STEP);
  const sorted = [...rooms].sort((a, b) => step(a) - step(b) || a.orgs - b.orgs || a.index - b.index);
  return sorted[0]!.index;
}

async function sizeOf(db: D1Database): Promise<number | null> {
  const r = await db.prepare('SELECT 1 AS one').run();
  const size = (r.meta as { size_after?: number }).size_after;
  return typeof size === 'number' ? size : null;
}

export async function roomOf(all: readonly D1Database[]): Promise<Room[]> {
  const [counts, sizes] = await Promise.all([orgCounts(all[0]!), Promise.all(all.map(sizeOf))]);
  return sizes.map((size, index) => ({ index, size, orgs: counts.get(index) ?? 0 }));
}

/**
 * The database of an organisation named `name`: where the directory has it, else a new placement on
 * the emptiest database (`orgId` is the id the caller will create it with).
 */
export async function placeNewOrg(all: readonly D1Database[], p: { orgId: string; name: string; now: Date }): Promise<{ orgId: string; db: number }> {
  const db = all.length === 1 ? 0 : emptiest(await roomOf(all));
  return placeOrg(all[0]!, { ...p, db });
}

/**
 * The organisation named `name`, created where the directory places it (a new name is placed on
 * the emptiest database first): for the seeding and the import CLI, which hold every binding.
 */
export async function ensurePlacedOrg(all: readonly D1Database[], name: string, now: Date): Promise<{ orgId: string; db: number }> {
  const placed = (await orgPlacementByName(all[0]!, name)) ?? (await placeNewOrg(all, { orgId: crypto.randomUUID(), name, now }));
  return { orgId: await ensureOrg(all[placed.db]!, name, now, placed.orgId), db: placed.db };
}
