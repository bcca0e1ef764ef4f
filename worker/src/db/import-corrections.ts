// The clerk's corrections per organisation and document (migration 0005_import_corrections).
import { Corrections, type Correction } from '../../../shared/schemas/import-corrections';
import type { ParsedPlan } from '../../../shared/schemas/import';
import { auditStatement } from './audit';
import { sha256Hex } from '../lib/crypto';
import { stmt, type Db } from '../lib/d1';

/** The document as the parser read it, before any correction: its 文号, else its text's hash. */
export async function documentKey(raw: ParsedPlan, text: string): Promise<string> {
  return raw.plan.docNumber ? `文号:${raw.plan.docNumber}` : `sha256:${await sha256Hex(text.replace(/^\ufeff/, '').trim())}`;
}

export async function loadCorrections(db: Db, orgId: string, docKey: string): Promise<Correction[]> {
  const row = await stmt(db, 'SELECT corrections_json FROM import_corrections WHERE org_id = ?1 AND doc_key = ?2', orgId, docKey).first<{ corrections_json: string }>();
  if (!row) return [];
  // Stored rows were validated on the way in; a row from an older schema is dropped, not trusted.
  const parsed = Corrections.safeParse(JSON.parse(row.corrections_json));
  return parsed.success ? parsed.data : [];
}

/** Replaces the document's corrections (the list the clerk committed with), with an audit row. */
export function saveCorrectionsStatements(
  db: Db,
  o: { orgId: string; docKey: string; corrections: Correction[]; userId: string; now: Date; planId: string },
): D1PreparedStatement[] {
  return [
    stmt(
      db,
      `INSERT INTO import_corrections (org_id, doc_key, corrections_json, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (org_id, doc_key) DO UPDATE SET corrections_json = excluded.corrections_json, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      o.orgId, o.docKey, JSON.stringify(o.corrections), o.userId, o.now.toISOString(),
    ),
    auditStatement(db, { orgId: o.orgId, userId: o.userId, action: 'import.corrections', entityType: 'plan', entityId: o.planId, summary: `导入时修改 ${o.corrections.length} 处` }, o.now),
  ];
}

/** Forgets the document's corrections (the clerk committed with none). */
export function forgetCorrectionsStatement(db: Db, orgId: string, docKey: string): D1PreparedStatement {
  return stmt(db, 'DELETE FROM import_corrections WHERE org_id = ?1 AND doc_key = ?2', orgId, docKey);
}

/**
 * Aliases for the near-duplicates the clerk confirmed, once the plan's units exist: each other
 * spelling points at its unit, so the next document that uses it lands there without asking.
 */
export function confirmedAliasStatements(
  db: Db,
  o: { orgId: string; corrections: Correction[]; userId: string; now: Date; planId: string },
): D1PreparedStatement[] {
  const { orgId, userId, now } = o;
  return o.corrections.flatMap((c) =>
    c.op !== 'same-unit'
      ? []
      : [
          stmt(
            db,
            `INSERT INTO unit_aliases (org_id, alias, unit_id)
             SELECT ?1, ?2, u.id FROM units u WHERE u.org_id = ?1 AND u.name = ?3
                AND NOT EXISTS (SELECT 1 FROM units WHERE org_id = ?1 AND name = ?2)
             ON CONFLICT DO NOTHING`,
            orgId, c.name, c.as,
          ),
          auditStatement(db, { orgId, userId, action: 'alias.add', entityType: 'plan', entityId: o.planId, summary: `别名：${c.name} → ${c.as}` }, now),
        ],
  );
}
