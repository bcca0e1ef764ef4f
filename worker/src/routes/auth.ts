// Sign-in, sign-out and password change (POST /api/auth/*). The signed-in user and their devices
// are GET /api/me (routes/me.ts).
import { Hono, type Context } from 'hono';
import { LoginBody, PasswordChangeBody } from '../../../shared/schemas/auth';
import type { AppEnv } from '../env';
import { blockedUntil, forgetOldAttemptsStatements, newBlock, recordFailureStatements, signedInStatements } from '../db/login-attempts';
import { revokeOtherSessionsStatement, revokeSessionStatement } from '../db/sessions';
import { changeOwnPasswordStatement, findCredentials, findCredentialsById, passwordChangeAuditStatement } from '../db/users';
import { auditStatement } from '../db/audit';
import { addressNet } from '../lib/address';
import { ApiError, conflict, unauthorized } from '../lib/errors';
import { hashPassword, passwordProblem, verifyAgainstNothing, verifyPassword } from '../lib/password';
import { createSessionStatement } from '../lib/session';
import { validate } from '../lib/validate';
import { clearSessionCookie, clientIp, requireSession, setSessionCookie } from '../middleware/auth';
import { clearBookmarkCookie } from '../middleware/bookmark';

/** One answer for unknown user, wrong password and disabled account. */
const badCredentials = () => new ApiError(401, 'unauthorized', '用户名或密码错误');
/** The caller waits: the pair's (or, for an account new to this address, the address's) delay. */
function locked(c: Context, until: number, now: Date): ApiError {
  const secs = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  c.header('Retry-After', String(secs));
  const wait = secs < 60 ? `${secs} 秒` : `${Math.ceil(secs / 60)} 分钟`;
  return new ApiError(429, 'locked', `登录失败次数过多，请 ${wait}后再试`);
}

/** Throttles count an address per IPv4 address or IPv6 /64; '-' when none is known (local). */
const netOf = (c: Context) => {
  const ip = clientIp(c);
  return ip ? addressNet(ip) : '-';
};
const newPasswordRefused = (message: string) =>
  new ApiError(400, 'validation', message, { newPassword: message });

export const auth = new Hono<AppEnv>()
  .post('/login', validate('json', LoginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const db = c.env.DB;
    const now = c.var.now();
    const ip = clientIp(c);
    const net = netOf(c);
    // A delay answers before any hashing, for unknown usernames too: it says nothing about accounts.
    const until = await blockedUntil(db, username, net, now);
    if (until) throw locked(c, until, now);
    const creds = await findCredentials(db, username);
    // One full PBKDF2 derivation on every path, so timing does not tell which usernames exist.
    const ok = creds ? await verifyPassword(password, creds.password) : await verifyAgainstNothing(password);
    if (!creds || !ok || creds.disabled) {
      const statements = recordFailureStatements(db, username, net, now);
      const results = await db.batch([
        ...statements,
        ...forgetOldAttemptsStatements(db, now),
        ...(creds
          ? [auditStatement(db, { orgId: creds.orgId, userId: null, action: 'login_failed', entityType: 'user', entityId: creds.id, summary: ip ? `来自 ${ip}` : '' }, now)]
          : []),
      ]);
      // This failure started a delay for this account at this address: say so now.
      const block = newBlock(results.slice(0, 1));
      throw block ? locked(c, block, now) : badCredentials();
    }
    const { session, statement } = await createSessionStatement(db, creds.id, now, {
      userAgent: c.req.header('user-agent'),
      ip,
    });
    await db.batch([
      statement,
      ...signedInStatements(db, username, net, now),
      auditStatement(db, { orgId: creds.orgId, userId: creds.id, action: 'login', entityType: 'user', entityId: creds.id }, now),
    ]);
    setSessionCookie(c, session.token);
    return c.json({ ok: true, mustChangePassword: creds.mustChangePassword });
  })
  .post('/logout', requireSession, async (c) => {
    const user = c.var.user;
    const now = c.var.now();
    await c.env.DB.batch([
      revokeSessionStatement(c.env.DB, user.sessionId, user.id, now),
      auditStatement(c.env.DB, { orgId: user.orgId, userId: user.id, action: 'logout', entityType: 'user', entityId: user.id }, now),
    ]);
    clearSessionCookie(c);
    clearBookmarkCookie(c);
    return c.json({ ok: true });
  })
  /**
   * Change one's own password with the current one. Clears the forced change of a first sign-in;
   * this session stays, every other session of the user ends.
   */
  .post('/password', requireSession, validate('json', PasswordChangeBody), async (c) => {
    const user = c.var.user;
    const { currentPassword, newPassword } = c.req.valid('json');
    const db = c.env.DB;
    const now = c.var.now();
    // Wrong current passwords count like failed sign-ins: a stolen session cannot guess on.
    const net = netOf(c);
    const until = await blockedUntil(db, user.username, net, now);
    if (until) throw locked(c, until, now);
    const creds = await findCredentialsById(db, user.id);
    if (!creds) throw unauthorized();
    if (!(await verifyPassword(currentPassword, creds.password))) {
      const block = newBlock(await db.batch(recordFailureStatements(db, user.username, net, now, { pairOnly: true })));
      if (block) throw locked(c, block, now);
      throw new ApiError(400, 'validation', '当前密码不正确', { currentPassword: '当前密码不正确' });
    }
    if (newPassword === currentPassword) throw newPasswordRefused('新密码不能与当前密码相同');
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw newPasswordRefused(problem);
    const hash = await hashPassword(newPassword);
    const [changed] = await db.batch([
      changeOwnPasswordStatement(db, user.id, creds.password.hash, hash, now),
      revokeOtherSessionsStatement(db, user.id, user.sessionId, hash.hash, now),
      ...signedInStatements(db, user.username, net, now),
      passwordChangeAuditStatement(
        db,
        { orgId: user.orgId, userId: user.id, summary: creds.mustChangePassword ? '首次登录修改初始密码' : '修改密码' },
        hash.hash,
        now,
      ),
    ]);
    // Lost a race with another change from a different session: nothing took effect (the session
    // revocation and the audit row are guarded by the new hash).
    if (!changed?.meta.changes) throw conflict('密码刚刚已被修改，请重新登录后再试');
    return c.json({ ok: true });
  });
