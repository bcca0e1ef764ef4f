// Account management by the supervision office (督查室): list, create one or one per unit of a
// plan (with a list of one-time passwords to hand out), reset, sign out everywhere, disable.
import { Hono } from 'hono';
import {
  BulkCreateBody,
  BulkCreateQuery,
  CreateUserBody,
  UpdateUserBody,
  UserListQuery,
  UserParam,
  type IssuedAccount,
} from '../../../shared/schemas/users';
import { ROLE_LABEL } from '../../../shared/labels';
import { chinaDate } from '../../../shared/period';
import type { AppEnv, SessionUser } from '../env';
import { clearAccountStatement } from '../db/login-attempts';
import { getPlan } from '../db/plans';
import { revokeAllSessionsStatement } from '../db/sessions';
import {
  formOptions,
  getUserRef,
  getUserSummaries,
  getUserSummary,
  insertUsersStatements,
  leaderOfOrg,
  listUsers,
  orgExists,
  orgWithOrdinal,
  pendingUnitAccounts,
  planUnits,
  setPasswordStatement,
  takenUsernames,
  unitOfOrg,
  updateProfileStatement,
  usernamesStartingWith,
  type NewUser,
  type UserRef,
} from '../db/users';
import { orgSlug, uniqueUsername, unitUsername } from '../lib/account-names';
import { claimLogins } from '../lib/placement';
import { auditStatement } from '../db/audit';
import { toCsv, CSV_CONTENT_TYPE } from '../lib/csv';
import { fileResponse, type FileResponse } from '../lib/download';
import { ApiError, badRequest, conflict, notFound } from '../lib/errors';
import { generateOneTimePassword, hashPassword } from '../lib/password';
import { assertSameOrg } from '../lib/scope';
import { validate } from '../lib/validate';
import { buildXlsx, sheetColumns, XLSX_CONTENT_TYPE } from '../lib/xlsx';
import { orgFilterOf, orgOf, requireRole } from '../middleware/auth';
import type { Db } from '../lib/d1';

/** Responses carrying one-time passwords must not be kept by any cache. */
const NO_STORE = { 'cache-control': 'no-store' };

const usernameTaken = () => new ApiError(409, 'conflict', '该用户名已被使用', { username: '该用户名已被使用' });
const isUniqueViolation = (e: unknown) => /UNIQUE constraint failed/i.test(String((e as Error)?.message ?? e));

/** The account an admin acts on: of their own organisation, else reported as absent. */
async function manageableUser(db: Db, actor: SessionUser, id: string): Promise<UserRef> {
  const target = await getUserRef(db, id);
  if (!target) throw notFound('未找到该账号');
  assertSameOrg(actor, target.orgId ?? '');
  return target;
}

function notSelf(actor: SessionUser, target: UserRef, message: string): void {
  if (actor.id === target.id) throw badRequest(message);
}

interface IssuedRow {
  account: IssuedAccount;
  kind: '新建' | '重新生成';
}

/** The list to hand out, as a spreadsheet or CSV (header + one row per account). */
function credentialsTable(rows: IssuedRow[]) {
  const columns = sheetColumns(['序号', 6], ['单位', 28], ['姓名/名称', 20], ['用户名', 30], ['初始密码', 16], ['角色', 10], ['说明', 12]);
  const body = rows.map(({ account: a, kind }, i) => [
    i + 1,
    a.user.unitName ?? '',
    a.user.displayName,
    a.user.username,
    a.initialPassword,
    ROLE_LABEL[a.user.role],
    kind,
  ]);
  return { columns, body };
}

function credentialsDownload(format: 'xlsx' | 'csv', rows: IssuedRow[], counts: Record<string, number>, date: Date): FileResponse {
  const { columns, body } = credentialsTable(rows);
  const stamp = chinaDate(date);
  const headers = Object.fromEntries(Object.entries(counts).map(([k, v]) => [`x-${k}-count`, String(v)]));
  if (format === 'csv') {
    return fileResponse(toCsv(columns.map((col) => col.header), body), {
      fileName: `督办账号清单-${stamp}.csv`,
      asciiName: `duban-accounts-${stamp}.csv`,
      contentType: CSV_CONTENT_TYPE,
      headers,
    });
  }
  const xlsx = buildXlsx([
    { name: '账号清单', columns, rows: body },
    {
      name: '使用说明',
      columns: [{ header: '说明', width: 80, wrap: true }],
      rows: [
        ['请将用户名和初始密码分别交给各单位的报送人员，不要通过群聊公开发送。'],
        ['初始密码只能使用一次：首次登录后必须设置新密码（至少 8 位，不能是常见密码）。'],
        ['清单丢失时，可在“账号管理”中重置密码或重新生成未登录账号的初始密码。'],
        ['本清单含有密码，分发完成后请删除或妥善保管。'],
      ],
    },
  ]);
  return fileResponse(xlsx, {
    fileName: `督办账号清单-${stamp}.xlsx`,
    asciiName: `duban-accounts-${stamp}.xlsx`,
    contentType: XLSX_CONTENT_TYPE,
    headers,
  });
}

export const users = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', validate('query', UserListQuery), async (c) => {
    const { orgId } = c.req.valid('query');
    return c.json({ users: await listUsers(c.env.DB, orgFilterOf(c.var.user, orgId), c.var.now()) });
  })
  /** Units and leaders of the organisation, for the create form. */
  .get('/options', validate('query', UserListQuery), async (c) => {
    const { orgId } = c.req.valid('query');
    return c.json(await formOptions(c.env.DB, orgOf(c.var.user, orgId)));
  })
  .post('/', validate('json', CreateUserBody), async (c) => {
    const actor = c.var.user;
    const body = c.req.valid('json');
    const db = c.env.DB;
    const now = c.var.now();
    const orgId = orgOf(actor, body.orgId);
    if (actor.role === 'superadmin' && !(await orgExists(db, orgId))) throw badRequest('未找到该组织', { orgId: '未找到该组织' });
    if (body.unitId && !(await unitOfOrg(db, body.unitId, orgId))) throw badRequest('未找到该单位', { unitId: '未找到该单位' });
    if (body.leaderId && !(await leaderOfOrg(db, body.leaderId, orgId))) throw badRequest('未找到该领导', { leaderId: '未找到该领导' });
    if ((await takenUsernames(db, [body.username])).size > 0) throw usernameTaken();
    await claimLogins(c.var.databases, [body.username], usernameTaken);
    const initialPassword = generateOneTimePassword();
    const user: NewUser = {
      id: crypto.randomUUID(),
      orgId,
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      unitId: body.unitId ?? null,
      leaderId: body.leaderId ?? null,
      password: await hashPassword(initialPassword),
      mustChangePassword: true,
    };
    try {
      await db.batch([
        ...insertUsersStatements(db, [user], now),
        auditStatement(db, { orgId, userId: actor.id, action: 'create', entityType: 'user', entityId: user.id, summary: `新建${ROLE_LABEL[user.role]}账号 ${user.username}` }, now),
      ]);
    } catch (e) {
      if (isUniqueViolation(e)) throw usernameTaken();
      throw e;
    }
    const summary = await getUserSummary(db, user.id, now);
    return c.json({ user: summary!, initialPassword }, 201, NO_STORE);
  })
  /**
   * One unit account for every unit of a plan that has none yet; ?format=xlsx|csv answers with
   * the list to hand out instead of JSON. Optionally re-issues never-used accounts' passwords.
   */
  .post('/bulk', validate('query', BulkCreateQuery), validate('json', BulkCreateBody), async (c) => {
    const actor = c.var.user;
    const { planId, prefix, reissuePending } = c.req.valid('json');
    const format = c.req.valid('query').format ?? 'json';
    const db = c.env.DB;
    const now = c.var.now();
    const plan = await getPlan(db, planId);
    if (!plan) throw notFound('未找到该工作方案');
    assertSameOrg(actor, plan.orgId);
    const org = await orgWithOrdinal(db, plan.orgId);
    const namePrefix = prefix ?? orgSlug(org?.name ?? '', org?.ordinal ?? 0);

    const units = await planUnits(db, planId);
    const taken = await usernamesStartingWith(db, `${namePrefix}-`);
    const skipped = units.filter((u) => u.accounts > 0).map((u) => ({ unitId: u.id, unitName: u.name, reason: '已有账号' }));
    const created: Array<{ user: NewUser; initialPassword: string }> = [];
    for (const unit of units.filter((u) => u.accounts === 0)) {
      const initialPassword = generateOneTimePassword();
      created.push({
        initialPassword,
        user: {
          id: crypto.randomUUID(),
          orgId: plan.orgId,
          username: uniqueUsername(unitUsername(namePrefix, unit.name), taken),
          displayName: unit.name,
          role: 'unit',
          unitId: unit.id,
          leaderId: null,
          // PBKDF2 costs ~20-60 ms of CPU each: a few hundred units fit the paid plan's limit.
          password: await hashPassword(initialPassword),
          mustChangePassword: true,
        },
      });
    }
    const reissued: Array<{ id: string; initialPassword: string; statement: D1PreparedStatement; username: string }> = [];
    for (const p of reissuePending ? await pendingUnitAccounts(db, planId) : []) {
      const initialPassword = generateOneTimePassword();
      reissued.push({ id: p.id, username: p.username, initialPassword, statement: setPasswordStatement(db, p.id, await hashPassword(initialPassword), true, now) });
    }

    await claimLogins(c.var.databases, created.map((x) => x.user.username));
    if (created.length + reissued.length > 0) {
      const audit = (action: string, entityId: string, summary: string) =>
        auditStatement(db, { orgId: plan.orgId, userId: actor.id, action, entityType: 'user', entityId, summary }, now);
      try {
        await db.batch([
          ...insertUsersStatements(db, created.map((x) => x.user), now),
          ...created.map((x) => audit('create', x.user.id, `按工作方案批量新建责任单位账号 ${x.user.username}`)),
          ...reissued.flatMap((r) => [r.statement, audit('password_reset', r.id, `重新生成未使用账号的初始密码 ${r.username}`)]),
          auditStatement(
            db,
            { orgId: plan.orgId, userId: actor.id, action: 'accounts_bulk', entityType: 'plan', entityId: plan.id, summary: `批量新建 ${created.length} 个账号，重新生成 ${reissued.length} 个初始密码` },
            now,
          ),
        ]);
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('有用户名刚被占用，请重试');
        throw e;
      }
    }

    const summaries = await getUserSummaries(db, [...created.map((x) => x.user.id), ...reissued.map((r) => r.id)], now);
    const issued = (id: string, initialPassword: string): IssuedAccount => ({ user: summaries.get(id)!, initialPassword });
    const result = {
      created: created.map((x) => issued(x.user.id, x.initialPassword)),
      reissued: reissued.map((r) => issued(r.id, r.initialPassword)),
      skipped,
    };
    if (format === 'json') return c.json(result, 200, NO_STORE);
    const rows: IssuedRow[] = [
      ...result.created.map((account) => ({ account, kind: '新建' as const })),
      ...result.reissued.map((account) => ({ account, kind: '重新生成' as const })),
    ];
    return credentialsDownload(format, rows, { created: created.length, reissued: reissued.length, skipped: skipped.length }, now);
  })
  /** A new one-time password: must be changed at the next sign-in; every session ends; unlocks. */
  .post('/:id/reset-password', validate('param', UserParam), async (c) => {
    const actor = c.var.user;
    const db = c.env.DB;
    const now = c.var.now();
    const target = await manageableUser(db, actor, c.req.valid('param').id);
    notSelf(actor, target, '不能重置自己的密码，请在“我的”页面修改密码');
    const initialPassword = generateOneTimePassword();
    await db.batch([
      setPasswordStatement(db, target.id, await hashPassword(initialPassword), true, now),
      revokeAllSessionsStatement(db, target.id, now),
      clearAccountStatement(db, target.username),
      auditStatement(db, { orgId: target.orgId, userId: actor.id, action: 'password_reset', entityType: 'user', entityId: target.id, summary: `重置 ${target.username} 的密码` }, now),
    ]);
    return c.json({ initialPassword }, 200, NO_STORE);
  })
  /** Signs the account out on every device (e.g. a lost phone). */
  .post('/:id/revoke-sessions', validate('param', UserParam), async (c) => {
    const actor = c.var.user;
    const db = c.env.DB;
    const now = c.var.now();
    const target = await manageableUser(db, actor, c.req.valid('param').id);
    const [revoked] = await db.batch([
      revokeAllSessionsStatement(db, target.id, now),
      auditStatement(db, { orgId: target.orgId, userId: actor.id, action: 'sessions_revoke', entityType: 'user', entityId: target.id, summary: `注销 ${target.username} 的全部登录` }, now),
    ]);
    return c.json({ revoked: revoked?.meta.changes ?? 0 });
  })
  /** Rename, disable (ends every session) or enable an account. */
  .patch('/:id', validate('param', UserParam), validate('json', UpdateUserBody), async (c) => {
    const actor = c.var.user;
    const db = c.env.DB;
    const now = c.var.now();
    const target = await manageableUser(db, actor, c.req.valid('param').id);
    const change = c.req.valid('json');
    if (change.disabled === true) notSelf(actor, target, '不能停用自己的账号');
    const what = [
      change.displayName !== undefined ? `名称改为“${change.displayName}”` : null,
      change.disabled === true ? '停用账号' : change.disabled === false ? '启用账号' : null,
    ].filter(Boolean);
    await db.batch([
      updateProfileStatement(db, target.id, change, now),
      ...(change.disabled ? [revokeAllSessionsStatement(db, target.id, now)] : []),
      auditStatement(db, { orgId: target.orgId, userId: actor.id, action: change.disabled === true ? 'disable' : change.disabled === false ? 'enable' : 'update', entityType: 'user', entityId: target.id, summary: `${target.username}：${what.join('，')}` }, now),
    ]);
    return c.json({ user: (await getUserSummary(db, target.id, now))! });
  });

