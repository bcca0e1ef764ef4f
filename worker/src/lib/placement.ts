// Where a new organisation goes: the database with the most room. Room is D1's own limit, bytes
// (10 GB per database), read from `meta.size_after` of a trivial query; organisations differ 35×
// in size (docs/SCALE.md), so counting them alone would fill one database long before another.
// Sizes within the same 100 MB step count as equal, and then the database with fewer
// organisations wins: a province onboarding many empty districts at once spreads them evenly
// instead of stacking them on whichever database happened to be a few pages smaller.
import { ensureOrg, orgIdByName } from '../db/import';
import { claimUsernames, databaseSize, orgCounts, orgPlacementByName, placeOrg } from '../db/placements';
import type { Databases } from './databases';
import { ApiError, conflict } from './errors';

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

export async function roomOf(all: readonly D1Database[]): Promise<Room[]> {
  const [counts, sizes] = await Promise.all([orgCounts(all[0]!), Promise.all(all.map(databaseSize))]);
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

/**
 * Thrown by a route that finds the super-admin's request belongs on another database: the request
 * runs again there (middleware/database.ts). Anyone else only ever sees a 404.
 */
export class Elsewhere extends ApiError {
  constructor(readonly database: number) {
    super(404, 'not_found', '未找到相应记录');
  }
}

/**
 * The organisation of a super-admin's import, named by the document's issuer: placed like any new
 * organisation when `create`; on another database, the import runs there. Null: not there yet.
 */
export async function importOrgOf(dbs: Databases, issuer: string, now: Date, create: boolean): Promise<string | null> {
  let placed = await orgPlacementByName(dbs.directory, issuer);
  if (!placed && create) placed = await placeNewOrg(dbs.all, { orgId: crypto.randomUUID(), name: issuer, now });
  if (placed && placed.db !== dbs.index) throw new Elsewhere(placed.db);
  const db = dbs.all[dbs.index]!;
  if (create) return ensureOrg(db, issuer, now, placed!.orgId);
  return orgIdByName(db, issuer);
}

/** Usernames are unique across databases: claims them for this one, or refuses (409, nothing kept). */
export async function claimLogins(dbs: Databases, usernames: readonly string[], refusal: () => ApiError = () => conflict('有用户名刚被占用，请重试')): Promise<void> {
  if ((await claimUsernames(dbs.directory, usernames, dbs.index)).length) throw refusal();
}
