// Every write leaves an audit row. Callers add the statement to the same batch as the write,
// so the change and its audit row commit together.
export interface AuditEntry {
  orgId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary?: string;
}

export function auditStatement(db: D1Database, entry: AuditEntry, at: Date): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO audit_log (org_id, user_id, at, action, entity_type, entity_id, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)',
    )
    .bind(
      entry.orgId,
      entry.userId,
      at.toISOString(),
      entry.action,
      entry.entityType,
      entry.entityId,
      (entry.summary ?? '').slice(0, 2000),
    );
}
