// One task as a leader drills into it: its lead units' lights for the period, then every counted
// report (all units, all periods, newest first) with photo thumbnails.
import type { ReportDigest } from '../../../shared/schemas/dashboard';
import { jsonList, stmt, type Db } from '../lib/d1';
import type { ListedPhoto } from './photos';
import { reportTextsOf, type ReportRow } from './reports';

const MAX_REPORTS = 60;

type DigestRow = Pick<
  ReportRow,
  'id' | 'unit_id' | 'period' | 'status' | 'state' | 'percent' | 'progress' | 'problems' | 'next_steps' | 'submitted_at' | 'target_values_json'
> & { unit_name: string; author_name: string };

/** A digest before the route links its photos (withPhotoLinks in lib/). */
export type StoredDigest = Omit<ReportDigest, 'photos'> & { photos: ListedPhoto[] };

interface PhotoRow {
  report_id: string;
  photo_id: string;
  taken_at: string | null;
  has_thumb: number;
}

export async function reportDigests(db: Db, itemId: string): Promise<StoredDigest[]> {
  const { results } = await stmt(
    db,
    `SELECT r.id, r.unit_id, u.name AS unit_name, r.period, r.status, r.state, r.percent, r.progress, r.problems,
            r.next_steps, r.submitted_at, COALESCE(a.display_name, '') AS author_name, r.target_values_json
       FROM reports r JOIN units u ON u.id = r.unit_id LEFT JOIN users a ON a.id = r.author_id
      WHERE r.item_id = ?1 AND r.state <> 'draft' AND r.submitted_at IS NOT NULL
      ORDER BY r.period DESC, r.submitted_at DESC
      LIMIT ${MAX_REPORTS}`,
    itemId,
  ).all<DigestRow>();
  if (results.length === 0) return [];
  const { results: photos } = await stmt(
    db,
    `SELECT report_id, photo_id, taken_at, (thumb_sha256 IS NOT NULL) AS has_thumb FROM report_photos
      WHERE report_id IN (SELECT value FROM json_each(?1)) AND declared = 1 AND sha256 IS NOT NULL
      ORDER BY report_id, seq`,
    jsonList(results.map((r) => r.id)),
  ).all<PhotoRow>();
  const byReport = new Map<string, ListedPhoto[]>();
  for (const p of photos) {
    const list = byReport.get(p.report_id) ?? [];
    list.push({ reportId: p.report_id, photoId: p.photo_id, hasThumb: !!p.has_thumb, takenAt: p.taken_at });
    byReport.set(p.report_id, list);
  }
  return results.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    period: r.period,
    status: r.status,
    state: r.state,
    percent: r.percent,
    ...reportTextsOf(r),
    submittedAt: r.submitted_at,
    authorName: r.author_name,
    photos: byReport.get(r.id) ?? [],
    targetValues: JSON.parse(r.target_values_json) as ReportDigest['targetValues'],
  }));
}
