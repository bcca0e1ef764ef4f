// Users: SQL and row mappers.
import type { Me, Role } from '../../../shared/schemas/auth';
import type { UserFormOptions, UserSummary } from '../../../shared/schemas/users';
import type { SessionUser } from '../env';
import { insertRows, jsonList, stmt, type Db } from '../lib/d1';
import type { PasswordHash } from '../lib/password';

export interface UserCredentials {
  id: string;
  username: string;
  orgId: string | null;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  password: PasswordHash;
}

/** The columns of `users` every account mapper reads. */
interface AccountRow {
  id: string;
  username: string;
  org_id: string | null;
  role: Role;
  disabled: number;
  must_change_password: number;
}

function accountOf(r: AccountRow) {
  return {
    id: r.id,
    username: r.username,
    orgId: r.org_id,
    role: r.role,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
  };
}

interface CredentialsRow extends AccountRow {
  password_hash: string;
  password_salt: string;
  password_iterations: number;
}

const CREDENTIALS_SELECT = `SELECT id, username, org_id, role, disabled, must_change_password,
                                   password_hash, password_salt, password_iterations FROM users`;

function mapCredentials(row: CredentialsRow | null): UserCredentials | null {
  if (!row) return null;
  return {
    ...accountOf(row),
    password: { hash: row.password_hash, salt: row.password_salt, iterations: row.password_iterations },
  };
}

/** By username, ignoring case (the column is COLLATE NOCASE). */
export async function findCredentials(db: Db, username: string): Promise<UserCredentials | null> {
  return mapCredentials(await stmt(db, `${CREDENTIALS_SELECT} WHERE username = ?1`, username).first<CredentialsRow>());
}

export async function findCredentialsById(db: Db, id: string): Promise<UserCredentials | null> {
  return mapCredentials(await stmt(db, `${CREDENTIALS_SELECT} WHERE id = ?1`, id).first<CredentialsRow>());
}

export async function getMe(db: Db, user: SessionUser): Promise<Me> {
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
    ...(user.sessionEndsAt ? { sessionEndsAt: user.sessionEndsAt } : {}),
  };
}

// ---- account lists for admins ----

interface SummaryRow extends AccountRow {
  display_name: string;
  unit_id: string | null;
  unit_name: string | null;
  leader_id: string | null;
  leader_name: string | null;
  created_at: string;
  last_sign_in_at: string | null;
  active_sessions: number;
}

/** ?1 is the current time (for counting live sessions). */
const SUMMARY_SELECT = `
  SELECT u.id, u.username, u.display_name, u.role, u.org_id, u.unit_id, un.name AS unit_name,
         u.leader_id, l.name AS leader_name, u.disabled, u.must_change_password, u.created_at,
         (SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id) AS last_sign_in_at,
         (SELECT COUNT(*) FROM sessions s
           WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > ?1) AS active_sessions
    FROM users u LEFT JOIN units un ON un.id = u.unit_id LEFT JOIN leaders l ON l.id = u.leader_id`;

const SUMMARY_ORDER = `ORDER BY CASE u.role WHEN 'superadmin' THEN 0 WHEN 'admin' THEN 1 WHEN 'leader' THEN 2 ELSE 3 END,
                                un.name, u.username`;

function mapSummary(r: SummaryRow): UserSummary {
  return {
    ...accountOf(r),
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    createdAt: r.created_at,
    lastSignInAt: r.last_sign_in_at,
    activeSessions: r.active_sessions,
  };
}

/** Accounts of one organisation, or of all when orgId is null (super-admin). */
export async function listUsers(db: Db, orgId: string | null, now: Date): Promise<UserSummary[]> {
  const q = orgId
    ? stmt(db, `${SUMMARY_SELECT} WHERE u.org_id = ?2 ${SUMMARY_ORDER}`, now.toISOString(), orgId)
    : stmt(db, `${SUMMARY_SELECT} ${SUMMARY_ORDER}`, now.toISOString());
  const { results } = await q.all<SummaryRow>();
  return results.map(mapSummary);
}

export async function getUserSummaries(db: Db, ids: readonly string[], now: Date): Promise<Map<string, UserSummary>> {
  const { results } = await stmt(
    db,
    `${SUMMARY_SELECT} WHERE u.id IN (SELECT value FROM json_each(?2))`,
    now.toISOString(),
    jsonList(ids),
  ).all<SummaryRow>();
  return new Map(results.map((r) => [r.id, mapSummary(r)]));
}

export async function getUserSummary(db: Db, id: string, now: Date): Promise<UserSummary | null> {
  return (await getUserSummaries(db, [id], now)).get(id) ?? null;
}

/** What a guard needs to know about the target of an admin action. */
export interface UserRef {
  id: string;
  orgId: string | null;
  username: string;
  role: Role;
  disabled: boolean;
}

export async function getUserRef(db: Db, id: string): Promise<UserRef | null> {
  const r = await stmt(db, 'SELECT id, org_id, username, role, disabled FROM users WHERE id = ?1', id).first<{
    id: string;
    org_id: string | null;
    username: string;
    role: Role;
    disabled: number;
  }>();
  return r ? { id: r.id, orgId: r.org_id, username: r.username, role: r.role, disabled: r.disabled === 1 } : null;
}

// ---- writes ----

export interface NewUser {
  id: string;
  orgId: string | null;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  leaderId: string | null;
  password: PasswordHash;
  mustChangePassword: boolean;
}

const USER_INSERT_HEAD = `INSERT INTO users (id, org_id, username, display_name, role, unit_id, leader_id, password_hash,
                          password_salt, password_iterations, must_change_password, created_at, updated_at)`;

function userValues(u: NewUser, now: Date): unknown[] {
  const at = now.toISOString();
  return [
    u.id, u.orgId, u.username, u.displayName, u.role, u.unitId, u.leaderId,
    u.password.hash, u.password.salt, u.password.iterations, u.mustChangePassword ? 1 : 0, at, at,
  ];
}

/**
 * Multi-row inserts within D1's 100-parameter limit. With `skipTaken`, a username that exists
 * already is left alone (idempotent seeding); without, it fails the whole batch.
 */
export function insertUsersStatements(db: Db, users: readonly NewUser[], now: Date, opts: { skipTaken?: boolean } = {}): D1PreparedStatement[] {
  return insertRows(db, USER_INSERT_HEAD, 13, users.map((u) => userValues(u, now)), opts.skipTaken ? 'ON CONFLICT(username) DO NOTHING' : '');
}

/** A new password (and whether it must be changed at the next sign-in). */
export function setPasswordStatement(db: Db, userId: string, password: PasswordHash, mustChange: boolean, now: Date): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE users SET password_hash = ?2, password_salt = ?3, password_iterations = ?4,
                      must_change_password = ?5, updated_at = ?6 WHERE id = ?1`,
    userId, password.hash, password.salt, password.iterations, mustChange ? 1 : 0, now.toISOString(),
  );
}

/**
 * The user's own change: applies only if the password is still the one just verified, so two
 * changes racing each other cannot both win.
 */
export function changeOwnPasswordStatement(db: Db, userId: string, previousHash: string, password: PasswordHash, now: Date): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE users SET password_hash = ?2, password_salt = ?3, password_iterations = ?4,
                      must_change_password = 0, updated_at = ?5 WHERE id = ?1 AND password_hash = ?6`,
    userId, password.hash, password.salt, password.iterations, now.toISOString(), previousHash,
  );
}

export function updateProfileStatement(db: Db, userId: string, change: { displayName?: string; disabled?: boolean }, now: Date): D1PreparedStatement {
  return stmt(
    db,
    `UPDATE users SET display_name = COALESCE(?2, display_name), disabled = COALESCE(?3, disabled), updated_at = ?4
      WHERE id = ?1`,
    userId, change.displayName ?? null, change.disabled === undefined ? null : change.disabled ? 1 : 0, now.toISOString(),
  );
}

// ---- what accounts refer to ----

export async function unitOfOrg(db: Db, unitId: string, orgId: string): Promise<{ id: string; name: string } | null> {
  return stmt(db, `SELECT id, name FROM units WHERE id = ?1 AND org_id = ?2 AND kind = 'unit'`, unitId, orgId).first();
}

export async function leaderOfOrg(db: Db, leaderId: string, orgId: string): Promise<{ id: string; name: string } | null> {
  return stmt(db, 'SELECT id, name FROM leaders WHERE id = ?1 AND org_id = ?2', leaderId, orgId).first();
}

export async function orgExists(db: Db, orgId: string): Promise<boolean> {
  return (await stmt(db, 'SELECT 1 AS one FROM orgs WHERE id = ?1', orgId).first()) !== null;
}

/** The organisation's name and its 1-based place in creation order (for org<N> prefixes). */
export async function orgWithOrdinal(db: Db, orgId: string): Promise<{ id: string; name: string; ordinal: number } | null> {
  return stmt(
    db,
    `SELECT o.id, o.name,
            (SELECT COUNT(*) FROM orgs o2 WHERE o2.created_at < o.created_at OR (o2.created_at = o.created_at AND o2.id <= o.id)) AS ordinal
       FROM orgs o WHERE o.id = ?1`,
    orgId,
  ).first();
}

export async function formOptions(db: Db, orgId: string): Promise<UserFormOptions> {
  const [units, leaders] = await db.batch<unknown>([
    stmt(
      db,
      `SELECT un.id, un.name, (SELECT COUNT(*) FROM users u WHERE u.unit_id = un.id) AS accounts
         FROM units un WHERE un.org_id = ?1 AND un.kind = 'unit' ORDER BY un.name`,
      orgId,
    ),
    stmt(db, 'SELECT id, name FROM leaders WHERE org_id = ?1 ORDER BY rowid', orgId),
  ]);
  return {
    units: units!.results as UserFormOptions['units'],
    leaders: leaders!.results as UserFormOptions['leaders'],
  };
}

/** Units carrying items of a plan (not placeholder groups), in order of first appearance. */
export async function planUnits(db: Db, planId: string): Promise<Array<{ id: string; name: string; accounts: number }>> {
  const { results } = await stmt(
    db,
    `SELECT un.id, un.name, (SELECT COUNT(*) FROM users u WHERE u.unit_id = un.id) AS accounts
       FROM item_units iu JOIN units un ON un.id = iu.unit_id JOIN items i ON i.id = iu.item_id
      WHERE iu.plan_id = ?1 AND un.kind = 'unit'
      GROUP BY un.id ORDER BY MIN(i.seq), MIN(iu.seq), un.name`,
    planId,
  ).all<{ id: string; name: string; accounts: number }>();
  return results;
}

/**
 * Unit accounts of a plan's units that were never used: still on the initial password, never
 * signed in, not disabled. Their one-time password may be issued again.
 */
export async function pendingUnitAccounts(db: Db, planId: string): Promise<Array<{ id: string; username: string }>> {
  const { results } = await stmt(
    db,
    `SELECT u.id, u.username FROM users u
      WHERE u.role = 'unit' AND u.must_change_password = 1 AND u.disabled = 0
        AND u.unit_id IN (SELECT unit_id FROM item_units WHERE plan_id = ?1)
        AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id)
      ORDER BY u.username`,
    planId,
  ).all<{ id: string; username: string }>();
  return results;
}

/** Which of these usernames exist already, lower-cased. */
export async function takenUsernames(db: Db, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const { results } = await stmt(
    db,
    'SELECT username FROM users WHERE username IN (SELECT value FROM json_each(?1))',
    jsonList(names),
  ).all<{ username: string }>();
  return new Set(results.map((r) => r.username.toLowerCase()));
}

/**
 * The audit row of a password change, written only if the change took effect (the stored hash is
 * the new one): the same columns as auditStatement() in db/audit.ts, with a guard it cannot express.
 */
export function passwordChangeAuditStatement(
  db: Db,
  entry: { orgId: string | null; userId: string; summary: string },
  newHash: string,
  now: Date,
): D1PreparedStatement {
  return stmt(
    db,
    `INSERT INTO audit_log (org_id, user_id, at, action, entity_type, entity_id, summary)
     SELECT ?1, ?2, ?3, 'password_change', 'user', ?2, ?4
      WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2 AND password_hash = ?5)`,
    entry.orgId,
    entry.userId,
    now.toISOString(),
    entry.summary,
    newHash,
  );
}

/** Usernames beginning with `start` (ASCII case ignored), lower-cased: to pick free generated names. */
export async function usernamesStartingWith(db: Db, start: string): Promise<Set<string>> {
  const pattern = `${start.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const { results } = await stmt(db, `SELECT username FROM users WHERE username LIKE ?1 ESCAPE '\\'`, pattern).all<{ username: string }>();
  return new Set(results.map((r) => r.username.toLowerCase()));
}
