// Users: SQL and row mappers.
import type { Me } from '../../../shared/schemas/auth';
import type { SessionUser } from '../env';
import { stmt } from '../lib/d1';
import type { PasswordHash } from '../lib/password';

export interface UserCredentials {
  id: string;
  orgId: string | null;
  disabled: boolean;
  password: PasswordHash;
}

export async function findCredentials(db: D1Database, username: string): Promise<UserCredentials | null> {
  const row = await stmt(
    db,
    `SELECT id, org_id, disabled, password_hash, password_salt, password_iterations
       FROM users WHERE username = ?1`,
    username,
  ).first<{
    id: string;
    org_id: string | null;
    disabled: number;
    password_hash: string;
    password_salt: string;
    password_iterations: number;
  }>();
  if (!row) return null;
  return {
    id: row.id,
    orgId: row.org_id,
    disabled: row.disabled === 1,
    password: { hash: row.password_hash, salt: row.password_salt, iterations: row.password_iterations },
  };
}

export async function getMe(db: D1Database, user: SessionUser): Promise<Me> {
  const row = await stmt(
    db,
    `SELECT o.name AS org_name, un.name AS unit_name
       FROM users u LEFT JOIN orgs o ON o.id = u.org_id LEFT JOIN units un ON un.id = u.unit_id
      WHERE u.id = ?1`,
    user.id,
  ).first<{ org_name: string | null; unit_name: string | null }>();
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: user.orgId,
    orgName: row?.org_name ?? null,
    unitId: user.unitId,
    unitName: row?.unit_name ?? null,
    leaderId: user.leaderId,
    mustChangePassword: user.mustChangePassword,
  };
}
