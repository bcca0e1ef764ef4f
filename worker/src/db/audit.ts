// The audit log. Every write leaves an audit row: callers add auditStatement() to the same batch
// as the write, so the change and its audit row commit together. listAudit() reads it back.
import type { AuditEntry } from '../../../shared/schemas/audit';
import { stmt, type Db } from '../lib/d1';

/** One audit row to write. */
export interface AuditWrite {
  orgId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary?: string;
}

export function auditStatement(db: Db, entry: AuditWrite, at: Date): D1PreparedStatement {
  return stmt(
    db,
    'INSERT INTO audit_log (org_id, user_id, at, action, entity_type, entity_id, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)',
    entry.orgId,
    entry.userId,
    at.toISOString(),
    entry.action,
    entry.entityType,
    entry.entityId,
    (entry.summary ?? '').slice(0, 2000),
  );
}

export interface AuditFilter {
  /** null: every organisation (super-admin only). */
  orgId: string | null;
  entityType?: string;
  entityId?: string;
  before?: number;
  limit: number;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  user_id: string | null;
  username: string | null;
  display_name: string | null;
}

/** Newest first. Only the filters given become conditions, so the entity index can serve them. */
export async function listAudit(db: Db, f: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `?${params.length}`));
  };
  if (f.orgId !== null) add('a.org_id = ?', f.orgId);
  if (f.entityType) add('a.entity_type = ?', f.entityType);
  if (f.entityId) add('a.entity_id = ?', f.entityId);
  if (f.before) add('a.id < ?', f.before);
  params.push(f.limit);
  const { results } = await stmt(
    db,
    `SELECT a.id, a.at, a.action, a.entity_type, a.entity_id, a.summary, a.user_id, u.username, u.display_name
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.id DESC LIMIT ?${params.length}`,
    ...params,
  ).all<AuditRow>();
  return results.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    summary: r.summary,
    userId: r.user_id,
    username: r.username,
    userDisplayName: r.display_name,
  }));
}
