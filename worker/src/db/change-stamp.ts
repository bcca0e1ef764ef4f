// What a cacheable read is made of, in one cheap query (middleware/revalidate.ts): the position
// of the organisation's change log (every write to plans, items, their units, leaders and
// targets, reports, photos, reviews and instructions bumps it — migration 0003's triggers) and
// the last change to its accounts (names and roles shown in answers, not in the change log).
import { stmt, type Db } from '../lib/d1';

const ORG = `SELECT (SELECT MAX(seq) FROM sync_changes WHERE org_id = ?1) AS seq,
                    (SELECT MAX(updated_at) FROM users WHERE org_id = ?1) AS users`;
// The super-admin sees every organisation: the global counter and every account.
const ALL = `SELECT (SELECT value FROM sync_counter WHERE id = 1) AS seq, (SELECT MAX(updated_at) FROM users) AS users`;

export async function changeStamp(db: Db, orgId: string | null): Promise<string> {
  const row = await (orgId === null ? stmt(db, ALL) : stmt(db, ORG, orgId)).first<{ seq: number | null; users: string | null }>();
  return `${row?.seq ?? 0}.${row?.users ?? ''}`;
}
