// Local demo accounts for trying the app, made from whatever the plan import put in D1: a
// super-admin, and per organisation an admin, a leader and one account per unit. Only the local
// seeding CLI (worker/cli/seed.ts) calls this — never a deployed route.
import type { Role } from '../../../shared/schemas/auth';
import { auditStatement } from './audit';
import { orgSlug, uniqueUsername, unitUsername } from '../lib/account-names';
import { stmt, type Db } from '../lib/d1';
import { hashPassword } from '../lib/password';
import { insertUsersStatements, takenUsernames, type NewUser } from './users';

export interface DemoAccount {
  username: string;
  role: Role;
  /** '' for the super-admin, who belongs to no organisation. */
  orgName: string;
  unitName: string | null;
  displayName: string;
  /** False when the account existed already (its password is then whatever it was). */
  created: boolean;
}

interface OrgRow {
  id: string;
  name: string;
  leader_id: string | null;
}

interface UnitRow {
  id: string;
  org_id: string;
  name: string;
}

type Planned = Omit<DemoAccount, 'created'> & { orgId: string | null; unitId: string | null; leaderId: string | null };

/**
 * Idempotent: existing usernames are left alone (ON CONFLICT DO NOTHING) and only new users
 * cost a password hash. All demo accounts share `password` and need no change at first sign-in.
 */
export async function createDemoAccounts(
  db: Db,
  // superadmin: only on database 0 (default true); ordinalFrom: organisations named on earlier
  // databases, so generated usernames (org1-admin …) stay unique across databases.
  opts: { password: string; now: Date; superadmin?: boolean; ordinalFrom?: number },
): Promise<DemoAccount[]> {
  const [orgsResult, unitsResult] = await db.batch<unknown>([
    stmt(
      db,
      `SELECT o.id, o.name,
              (SELECT l.id FROM leaders l WHERE l.org_id = o.id ORDER BY l.created_at, l.rowid LIMIT 1) AS leader_id
         FROM orgs o ORDER BY o.created_at, o.id`,
    ),
    stmt(db, `SELECT id, org_id, name FROM units WHERE kind = 'unit' ORDER BY org_id, created_at, rowid`),
  ]);
  const orgs = orgsResult!.results as OrgRow[];
  const units = unitsResult!.results as UnitRow[];

  const superadmin = opts.superadmin ?? true;
  const planned: Planned[] = superadmin
    ? [{ username: 'admin', role: 'superadmin', orgName: '', unitName: null, displayName: '系统管理员', orgId: null, unitId: null, leaderId: null }]
    : [];
  // Names are made unique among themselves; existing users with the same name are kept as they are.
  const names = new Set<string>(['admin']);
  orgs.forEach((org, i) => {
    const slug = orgSlug(org.name, (opts.ordinalFrom ?? 0) + i + 1);
    const base = { orgName: org.name, orgId: org.id, unitName: null, unitId: null, leaderId: null };
    planned.push({ ...base, username: uniqueUsername(`${slug}-admin`, names), role: 'admin', displayName: '督查室' });
    planned.push({ ...base, username: uniqueUsername(`${slug}-leader`, names), role: 'leader', displayName: '区领导', leaderId: org.leader_id });
    for (const unit of units.filter((u) => u.org_id === org.id)) {
      planned.push({
        ...base,
        username: uniqueUsername(unitUsername(slug, unit.name), names),
        role: 'unit',
        displayName: unit.name,
        unitName: unit.name,
        unitId: unit.id,
      });
    }
  });

  const taken = await takenUsernames(db, planned.map((p) => p.username));
  const fresh = planned.filter((p) => !taken.has(p.username.toLowerCase()));
  // Each account gets its own salt; hashing a few at a time keeps both cores busy (WebCrypto's
  // PBKDF2 runs off the main thread in Node).
  const users: NewUser[] = [];
  for (let i = 0; i < fresh.length; i += 8) {
    const chunk = fresh.slice(i, i + 8);
    const hashes = await Promise.all(chunk.map(() => hashPassword(opts.password)));
    chunk.forEach((p, j) =>
      users.push({
        id: crypto.randomUUID(),
        orgId: p.orgId,
        username: p.username,
        displayName: p.displayName,
        role: p.role,
        unitId: p.unitId,
        leaderId: p.leaderId,
        password: hashes[j]!,
        mustChangePassword: false,
      }),
    );
  }
  const statements = [
    ...insertUsersStatements(db, users, opts.now, { skipTaken: true }),
    ...users.map((u) =>
      auditStatement(db, { orgId: u.orgId, userId: null, action: 'create', entityType: 'user', entityId: u.id, summary: `本地演示账号 ${u.username}` }, opts.now),
    ),
  ];
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50));

  return planned.map(({ orgId: _o, unitId: _u, leaderId: _l, ...account }) => ({
    ...account,
    created: !taken.has(account.username.toLowerCase()),
  }));
}
