// What a verification code (核验码) leads to: the evidence of one report, read in one batch, and
// the organisation's choice whether anonymous callers may see it.
import { stmt, type Db } from '../lib/d1';

export interface EvidenceRow {
  id: string;
  org_id: string;
  org_name: string;
  public_verify: number;
  item_id: string;
  unit_id: string;
  unit_name: string;
  kind: 'indicator' | 'task' | 'draft';
  number: string;
  label: string | null;
  text: string;
  state: string;
  verify_code: string;
  captured_at: string | null;
  received_at: string;
  first_submitted_at: string | null;
  flags_json: string;
}

export interface EvidencePhotoRow {
  seq: number;
  taken_at: string | null;
  received_at: string | null;
  sha256: string;
  size: number;
  width: number | null;
  height: number | null;
  thumb_key: string | null;
  thumb_content_type: string | null;
  r2_key: string;
}

/** The report behind a code with its received, declared photos (seq order); null when none. */
export async function evidenceByCode(db: Db, code: string): Promise<{ report: EvidenceRow; photos: EvidencePhotoRow[] } | null> {
  const [report, photos] = await db.batch<unknown>([
    stmt(
      db,
      `SELECT r.id, r.org_id, o.name AS org_name, o.public_verify, r.item_id, r.unit_id, u.name AS unit_name,
              i.kind, i.number, i.label, i.text, r.state, r.verify_code, r.captured_at, r.received_at,
              r.first_submitted_at, r.flags_json
         FROM reports r JOIN orgs o ON o.id = r.org_id JOIN units u ON u.id = r.unit_id JOIN items i ON i.id = r.item_id
        WHERE r.verify_code = ?1`,
      code,
    ),
    stmt(
      db,
      `SELECT p.seq, p.taken_at, p.received_at, p.sha256, p.size, p.width, p.height, p.thumb_key, p.thumb_content_type, p.r2_key
         FROM report_photos p JOIN reports r ON r.id = p.report_id
        WHERE r.verify_code = ?1 AND p.declared = 1 AND p.sha256 IS NOT NULL
        ORDER BY p.seq`,
      code,
    ),
  ]);
  const row = (report!.results as EvidenceRow[])[0];
  return row ? { report: row, photos: photos!.results as EvidencePhotoRow[] } : null;
}

export async function getPublicVerify(db: Db, orgId: string): Promise<boolean | null> {
  const row = await stmt(db, 'SELECT public_verify FROM orgs WHERE id = ?1', orgId).first<{ public_verify: number }>();
  return row ? row.public_verify === 1 : null;
}

export function setPublicVerifyStatement(db: Db, orgId: string, on: boolean): D1PreparedStatement {
  return stmt(db, 'UPDATE orgs SET public_verify = ?2 WHERE id = ?1', orgId, on ? 1 : 0);
}

/** Whether a report carries this code (the reports_verify_code index): finds a code's database. */
export async function hasVerifyCode(db: Db, code: string): Promise<boolean> {
  return (await stmt(db, 'SELECT 1 AS one FROM reports WHERE verify_code = ?1', code).first()) !== null;
}
