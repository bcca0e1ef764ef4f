// The photo wall: the newest site photos of a plan's submitted reports, a page at a time.
// Newest report first (index reports_plan_submitted), photos of one report in their order.
import type { WallPhoto } from '../../../shared/schemas/dashboard';
import { jsonList, stmt, type Db } from '../lib/d1';
import type { ListedPhoto } from './photos';
import { taskWordsOf, type PlanFrame } from './plan-frame';

/** A wall photo before the route links it (withPhotoLink in lib/). */
export type StoredWallPhoto = Omit<WallPhoto, 'reportId' | 'photoId' | 'url' | 'thumbUrl' | 'takenAt'> & { photo: ListedPhoto };

interface WallRow {
  report_id: string;
  photo_id: string;
  seq: number;
  taken_at: string | null;
  has_thumb: number;
  item_id: string;
  unit_id: string;
  unit_name: string;
  period: string;
  status: WallPhoto['status'];
  submitted_at: string;
}

interface Cursor {
  submittedAt: string;
  reportId: string;
  seq: number;
}

export function encodeCursor(c: Cursor): string {
  return `${c.submittedAt}|${c.reportId}|${c.seq}`;
}

export function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  const [submittedAt, reportId, seq] = s.split('|');
  if (!submittedAt || !reportId || !/^\d+$/.test(seq ?? '')) return null;
  return { submittedAt, reportId, seq: Number(seq) };
}

export interface WallFilter {
  unitId?: string;
  /** Items of one chapter. */
  itemIds?: string[];
  before?: Cursor | null;
  limit: number;
}

export async function listWallPhotos(db: Db, frame: PlanFrame, f: WallFilter): Promise<{ photos: StoredWallPhoto[]; next: string | null }> {
  const c = f.before ?? null;
  const { results } = await stmt(
    db,
    `SELECT ph.report_id, ph.photo_id, ph.seq, ph.taken_at, (ph.thumb_sha256 IS NOT NULL) AS has_thumb,
            r.item_id, r.unit_id, u.name AS unit_name, r.period, r.status, r.submitted_at
       FROM reports r
       JOIN report_photos ph ON ph.report_id = r.id AND ph.declared = 1 AND ph.sha256 IS NOT NULL
       JOIN units u ON u.id = r.unit_id
      WHERE r.plan_id = ?1 AND r.state <> 'draft' AND r.submitted_at IS NOT NULL
        AND (?2 IS NULL OR r.unit_id = ?2)
        AND (?3 IS NULL OR r.item_id IN (SELECT value FROM json_each(?3)))
        AND (?4 IS NULL OR r.submitted_at < ?4 OR (r.submitted_at = ?4 AND (r.id < ?5 OR (r.id = ?5 AND ph.seq > ?6))))
      ORDER BY r.submitted_at DESC, r.id DESC, ph.seq
      LIMIT ?7`,
    frame.plan.id,
    f.unitId ?? null,
    f.itemIds ? jsonList(f.itemIds) : null,
    c?.submittedAt ?? null,
    c?.reportId ?? null,
    c?.seq ?? null,
    f.limit + 1,
  ).all<WallRow>();
  const wordsOf = taskWordsOf(frame);
  const page = results.slice(0, f.limit);
  const photos = page.map((r): StoredWallPhoto => ({
    photo: { reportId: r.report_id, photoId: r.photo_id, hasThumb: !!r.has_thumb, takenAt: r.taken_at },
    itemId: r.item_id,
    ...wordsOf(r.item_id),
    unitId: r.unit_id,
    unitName: r.unit_name,
    period: r.period,
    status: r.status,
    submittedAt: r.submitted_at,
  }));
  const last = page[page.length - 1];
  const next = results.length > f.limit && last ? encodeCursor({ submittedAt: last.submitted_at, reportId: last.report_id, seq: last.seq }) : null;
  return { photos, next };
}

/** Units that have photos in the plan, for the wall's filter. */
export async function wallUnits(db: Db, planId: string): Promise<Array<{ id: string; name: string }>> {
  const { results } = await stmt(
    db,
    `SELECT DISTINCT u.id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
      WHERE iu.plan_id = ?1 AND iu.role IN ('lead', 'co') AND u.kind = 'unit'`,
    planId,
  ).all<{ id: string; name: string }>();
  return results.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
