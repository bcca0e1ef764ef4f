// Sign-in, lockout, sessions and password change against the real app and local D1.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SessionListResponse } from '../../shared/schemas/auth';
import { commonPasswordCount } from '../../worker/src/lib/common-passwords';
import { sha256Hex } from '../../worker/src/lib/crypto';
import { generateOneTimePassword, hashPassword, ONE_TIME_ALPHABET, passwordProblem, verifyPassword } from '../../worker/src/lib/password';
import { seededRandom } from '../support/random';
import { call, createUser, json, makeFixture, PASSWORD } from './support';

const DAY = 24 * 3600 * 1000;

/** Signs in and returns the session cookie as a browser would send it back. */
async function signIn(username: string, password = PASSWORD, opts: { ip?: string; now?: Date } = {}) {
  const res = await call('POST', '/api/auth/login', {
    json: { username, password },
    // A fresh address unless the test counts failures from one: address budgets stay per test.
    headers: { 'cf-connecting-ip': opts.ip ?? uniqueIp() },
    now: opts.now,
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /^(duban_session=[0-9a-f]+)/.exec(setCookie)?.[1] ?? '';
  return { res, cookie, setCookie };
}

const rand = seededRandom('auth.test addresses', 20240325);
const tag = () => crypto.randomUUID().slice(0, 8);
const uniqueIp = () => `198.51.100.${Math.floor(rand() * 250) + 1}-${tag()}`;

describe('password hashing', () => {
  it('uses PBKDF2 with exactly 100000 iterations (more fails in production Workers)', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h.iterations).toBe(100_000);
    expect(h.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterz', h)).toBe(false);
  });

  it('salts per user: the same password hashes differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-1'), hashPassword('same-password-1')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('refuses common passwords (Chinese favourites included) and the username, nothing else', () => {
    expect(commonPasswordCount()).toBeGreaterThan(1000);
    for (const p of ['123456789', 'woaini1314', 'qq123456', 'a123456', '5201314', '88888888', '11111111', 'password', 'PassWord', '1qaz2wsx', 'zhang123456']) {
      expect(passwordProblem(p, 'someone'), p).toMatch(/常见/);
    }
    expect(passwordProblem('wuzhong-发改委', 'wuzhong-发改委')).toMatch(/用户名/);
    expect(passwordProblem('Wuzhong-Fgw', 'wuzhong-fgw')).toMatch(/用户名/);
    expect(passwordProblem('tai hu lake view', 'someone')).toBeNull();
    expect(passwordProblem('金庭镇报送2024', 'someone')).toBeNull();
  });

  it('makes one-time passwords of 12 unambiguous characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generateOneTimePassword();
      expect(p).toHaveLength(12);
      for (const ch of p) expect(ONE_TIME_ALPHABET).toContain(ch);
      expect(p).not.toMatch(/[01ilo]/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with a fresh token each time, stores only its hash, sets an HttpOnly Lax cookie', async () => {
    const f = await makeFixture();
    const first = await signIn(f.users.unitA.username);
    const second = await signIn(f.users.unitA.username);
    expect(first.res.status).toBe(200);
    expect(await json(first.res)).toEqual({ ok: true, mustChangePassword: false });
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Lax/);
    expect(first.setCookie).toMatch(/Path=\//);
    expect(first.cookie).not.toBe(second.cookie);
    const token = first.cookie.split('=')[1]!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const raw = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE token_hash = ?1').bind(token).first<{ n: number }>();
    expect(raw!.n).toBe(0);
    const hashed = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE token_hash = ?1').bind(await sha256Hex(token)).first<{ n: number }>();
    expect(hashed!.n).toBe(1);
    expect((await call('GET', '/api/me', { cookie: first.cookie })).status).toBe(200);
  });

  it('gives the same answer for an unknown user, a wrong password and a disabled account', async () => {
    const f = await makeFixture();
    await env.DB.prepare('UPDATE users SET disabled = 1 WHERE id = ?1').bind(f.users.unitB.id).run();
    const answers = await Promise.all([
      signIn(`nobody-${tag()}`),
      signIn(f.users.unitA.username, 'wrong-password-1'),
      signIn(f.users.unitB.username), // right password, disabled
    ]);
    for (const a of answers) {
      expect(a.res.status).toBe(401);
      expect(a.setCookie).toBe('');
      expect(await json(a.res)).toEqual({ error: { code: 'unauthorized', message: '用户名或密码错误' } });
    }
  });

  it('matches usernames regardless of case', async () => {
    const f = await makeFixture();
    const { res } = await signIn(f.users.admin.username.toUpperCase());
    expect(res.status).toBe(200);
  });

  it('slows one account at one address down progressively; the owner elsewhere still gets in', async () => {
    const f = await makeFixture();
    const name = f.users.unitA.username;
    const ip = uniqueIp();
    const t0 = new Date(Date.now() + 1000);
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(name, `wrong-${i}-password`, { ip, now: at(i) })).res.status);
    // Four typos are free; the fifth failure starts a 30 s delay for this account at this address.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const waiting = await signIn(name, PASSWORD, { ip, now: at(10) });
    expect(waiting.res.status).toBe(429);
    expect(waiting.cookie).toBe('');
    const body = await json(waiting.res);
    expect(body.error.code).toBe('locked');
    expect(body.error.message).toMatch(/请 2\d 秒后再试/);
    expect(Number(waiting.res.headers.get('retry-after'))).toBe(24);
    // A different case of the same name is the same account.
    expect((await signIn(name.toUpperCase(), PASSWORD, { ip, now: at(10) })).res.status).toBe(429);
    // The owner from another address is not locked out by a stranger's guesses.
    expect((await signIn(name, PASSWORD, { ip: uniqueIp(), now: at(10) })).res.status).toBe(200);
    // Each further failure doubles the delay: 1 min, 2 min, … up to 15 min.
    const sixth = await signIn(name, 'wrong-6-password', { ip, now: at(35) });
    expect(sixth.res.status).toBe(429);
    expect(Number(sixth.res.headers.get('retry-after'))).toBe(60);
    expect((await signIn(name, PASSWORD, { ip, now: at(80) })).res.status).toBe(429);
    expect((await signIn(name, PASSWORD, { ip, now: at(96) })).res.status).toBe(200);
  });

  it('delays unknown usernames exactly like real ones (a delay reveals nothing)', async () => {
    const ghost = `ghost-${tag()}`;
    const ip = uniqueIp();
    const t0 = new Date(Date.now() + 1000);
    for (let i = 0; i < 5; i++) await signIn(ghost, 'whatever-pass', { ip, now: t0 });
    const res = (await signIn(ghost, 'whatever-pass', { ip, now: t0 })).res;
    expect(res.status).toBe(429);
    expect((await json(res)).error.code).toBe('locked');
  });

  it('forgets failures after an hour without one, and clears them on success', async () => {
    const f = await makeFixture();
    const name = f.users.unitB.username;
    const ip = uniqueIp();
    const t0 = new Date(Date.now() + 1000);
    for (let i = 0; i < 4; i++) await signIn(name, 'bad-password-x', { ip, now: t0 });
    expect((await signIn(name, PASSWORD, { ip, now: t0 })).res.status).toBe(200);
    for (let i = 0; i < 4; i++) await signIn(name, 'bad-password-x', { ip, now: t0 });
    // The earlier four were cleared by the success: four more do not delay.
    expect((await signIn(name, PASSWORD, { ip, now: t0 })).res.status).toBe(200);
    for (let i = 0; i < 4; i++) await signIn(name, 'bad-password-x', { ip, now: t0 });
    expect((await signIn(name, 'bad-password-x', { ip, now: new Date(t0.getTime() + 61 * 60_000) })).res.status).toBe(401);
  });

  it('never refuses colleagues behind the same address (office NAT) who signed in there before', async () => {
    const f = await makeFixture();
    const office = uniqueIp();
    const t0 = new Date(Date.now() + 1000);
    // The leader and unit A have used the app from the office before; unit C never has.
    for (const u of [f.users.leader, f.users.unitA]) expect((await signIn(u.username, PASSWORD, { ip: office, now: t0 })).res.status).toBe(200);
    // Someone behind the NAT sprays 25 names (five typos of a colleague would never get here).
    for (let i = 0; i < 25; i++) await signIn(`probe-${i}-${tag()}`, 'guess-password', { ip: office, now: t0 });
    for (const u of [f.users.leader, f.users.unitA]) expect((await signIn(u.username, PASSWORD, { ip: office, now: t0 })).res.status, u.username).toBe(200);
    // An account new to this address waits for the address's delay (the sprayer is slowed down) …
    const fresh = await signIn(f.users.unitC.username, PASSWORD, { ip: office, now: t0 });
    expect(fresh.res.status).toBe(429);
    // … but gets in from anywhere else, and here once the delay is over.
    expect((await signIn(f.users.unitC.username, PASSWORD, { ip: uniqueIp(), now: t0 })).res.status).toBe(200);
    expect((await signIn(f.users.unitC.username, PASSWORD, { ip: office, now: new Date(t0.getTime() + 16 * 60_000) })).res.status).toBe(200);
  });

  it('counts IPv6 per /64: any address in it shares the budget', async () => {
    const f = await makeFixture();
    const name = f.users.unitA.username;
    const prefix = `2001:db8:${Math.floor(rand() * 0xffff).toString(16)}:42`;
    const t0 = new Date(Date.now() + 1000);
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await signIn(name, `wrong-${i}-password`, { ip: `${prefix}:${i}::${i}`, now: t0 })).res.status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await signIn(name, PASSWORD, { ip: `${prefix}:ffff:ffff:ffff:ffff`, now: t0 })).res.status).toBe(429);
    expect((await signIn(name, PASSWORD, { ip: `${prefix.replace(/:42$/, ':43')}::1`, now: t0 })).res.status).toBe(200);
  });

  it('forgets counters nobody touched for a day', async () => {
    const stale = `pair:stale-${tag()}|-`;
    const old = new Date(Date.now() - 2 * DAY).toISOString();
    await env.DB.prepare('INSERT INTO login_attempts (key, failures, last_at, blocked_until) VALUES (?1, 3, ?2, NULL)').bind(stale, old).run();
    await signIn(`someone-${tag()}`, 'wrong-password');
    const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM login_attempts WHERE key = ?1').bind(stale).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it('records failed sign-ins of real accounts in the audit log', async () => {
    const f = await makeFixture();
    await signIn(f.users.unitC.username, 'not-the-password');
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?1 AND action = 'login_failed'`).bind(f.users.unitC.id).first<{ n: number }>();
    expect(row!.n).toBe(1);
  });

  it('refuses a cross-origin sign-in', async () => {
    const f = await makeFixture();
    const res = await call('POST', '/api/auth/login', { json: { username: f.users.admin.username, password: PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('forbidden');
  });
});

describe('sessions', () => {
  it('expire after 30 days without use, and slide when used', async () => {
    const f = await makeFixture();
    const t0 = new Date();
    const cookie = f.users.unitA.cookie;
    expect((await call('GET', '/api/me', { cookie, now: new Date(t0.getTime() + 20 * DAY) })).status).toBe(200);
    // Used on day 20, so still alive on day 45 …
    expect((await call('GET', '/api/me', { cookie, now: new Date(t0.getTime() + 45 * DAY) })).status).toBe(200);
    // … but 31 days after that last use it is gone.
    expect((await call('GET', '/api/me', { cookie, now: new Date(t0.getTime() + 77 * DAY) })).status).toBe(401);
    const untouched = f.users.unitB.cookie;
    const res = await call('GET', '/api/plans', { cookie: untouched, now: new Date(t0.getTime() + 31 * DAY) });
    expect(res.status).toBe(401);
    expect((await json(res)).error.code).toBe('unauthorized');
  });

  it('end 90 days after sign-in however often they are used (absolute lifetime), announced in /api/me', async () => {
    const t0 = new Date(Date.now() + 1000);
    const f = await makeFixture();
    const { cookie, setCookie } = await signIn(f.users.unitA.username, PASSWORD, { now: t0 });
    // The browser keeps the cookie as long as the server may accept it.
    expect(setCookie).toMatch(/Max-Age=7776000/);
    const me = await json(await call('GET', '/api/me', { cookie, now: t0 }));
    expect(me.sessionEndsAt).toBe(new Date(t0.getTime() + 90 * DAY).toISOString());
    for (const day of [20, 40, 60, 80, 89]) {
      expect((await call('GET', '/api/me', { cookie, now: new Date(t0.getTime() + day * DAY) })).status, `day ${day}`).toBe(200);
    }
    expect((await call('GET', '/api/me', { cookie, now: new Date(t0.getTime() + 90 * DAY + 1000) })).status).toBe(401);
    // Signing in again starts a new one.
    const again = await signIn(f.users.unitA.username, PASSWORD, { now: new Date(t0.getTime() + 90 * DAY + 2000) });
    expect((await call('GET', '/api/me', { cookie: again.cookie, now: new Date(t0.getTime() + 91 * DAY) })).status).toBe(200);
  });

  it('end at sign-out: the cookie is cleared and the token no longer works', async () => {
    const f = await makeFixture();
    const { cookie } = await signIn(f.users.unitA.username);
    const out = await call('POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/duban_session=;.*Max-Age=0/);
    expect((await call('GET', '/api/me', { cookie })).status).toBe(401);
    expect((await call('GET', '/api/plans', { cookie })).status).toBe(401);
  });

  it('are listed for their owner, who can end one of them', async () => {
    const f = await makeFixture();
    const phone = await signIn(f.users.unitA.username);
    const laptop = await signIn(f.users.unitA.username);
    const res = await call('GET', '/api/me/sessions', { cookie: laptop.cookie });
    const { sessions } = SessionListResponse.parse(await json(res));
    expect(sessions.length).toBeGreaterThanOrEqual(3); // fixture session + two sign-ins
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const phoneRow = await env.DB.prepare('SELECT id FROM sessions WHERE token_hash = ?1').bind(await sha256Hex(phone.cookie.split('=')[1]!)).first<{ id: string }>();
    const del = await call('DELETE', `/api/me/sessions/${phoneRow!.id}`, { cookie: laptop.cookie });
    expect(del.status).toBe(200);
    expect(await json(del)).toEqual({ ok: true, current: false });
    expect((await call('GET', '/api/me', { cookie: phone.cookie })).status).toBe(401);
    expect((await call('GET', '/api/me', { cookie: laptop.cookie })).status).toBe(200);
    const again = await call('DELETE', `/api/me/sessions/${phoneRow!.id}`, { cookie: laptop.cookie });
    expect(again.status).toBe(404);
    const audit = await env.DB.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?1 AND action = 'session_revoke'`).bind(f.users.unitA.id).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it('of another user cannot be ended (404, not revealed)', async () => {
    const f = await makeFixture();
    const victim = await signIn(f.users.unitB.username);
    const row = await env.DB.prepare('SELECT id FROM sessions WHERE token_hash = ?1').bind(await sha256Hex(victim.cookie.split('=')[1]!)).first<{ id: string }>();
    const res = await call('DELETE', `/api/me/sessions/${row!.id}`, { cookie: f.users.admin.cookie });
    expect(res.status).toBe(404);
    expect((await call('GET', '/api/me', { cookie: victim.cookie })).status).toBe(200);
  });
});

describe('POST /api/auth/password', () => {
  async function freshUser(mustChangePassword = false) {
    const f = await makeFixture();
    const u = await createUser({ orgId: f.orgId, role: 'unit', unitId: f.units.a, username: `pw-${tag()}`, mustChangePassword });
    return { f, u };
  }

  it('needs the current password, and changes nothing when it is wrong', async () => {
    const { u } = await freshUser();
    const before = await env.DB.prepare('SELECT password_hash FROM users WHERE id = ?1').bind(u.id).first<{ password_hash: string }>();
    const res = await call('POST', '/api/auth/password', { cookie: u.cookie, json: { currentPassword: 'not-my-password', newPassword: 'a-brand-new-pass' } });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.fields.currentPassword).toBe('当前密码不正确');
    const after = await env.DB.prepare('SELECT password_hash FROM users WHERE id = ?1').bind(u.id).first<{ password_hash: string }>();
    expect(after!.password_hash).toBe(before!.password_hash);
    expect((await signIn(u.username, 'a-brand-new-pass')).res.status).toBe(401);
  });

  it('refuses common passwords, the username, short ones and the current one', async () => {
    const { u } = await freshUser();
    const cases: Array<[string, RegExp]> = [
      ['woaini1314', /常见/],
      ['88888888', /常见/],
      ['Password', /常见/],
      [u.username, /用户名/],
      ['short7c', /至少 8 位/],
      [PASSWORD, /不能与当前密码相同/],
    ];
    for (const [newPassword, message] of cases) {
      const res = await call('POST', '/api/auth/password', { cookie: u.cookie, json: { currentPassword: PASSWORD, newPassword } });
      expect(res.status, newPassword).toBe(400);
      expect((await json(res)).error.fields.newPassword, newPassword).toMatch(message);
    }
    expect((await signIn(u.username)).res.status).toBe(200);
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const { u } = await freshUser();
    const other = await signIn(u.username);
    const res = await call('POST', '/api/auth/password', { cookie: u.cookie, json: { currentPassword: PASSWORD, newPassword: '太湖边的新密码2024' } });
    expect(res.status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: u.cookie })).status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: other.cookie })).status).toBe(401);
    expect((await signIn(u.username)).res.status).toBe(401);
    expect((await signIn(u.username, '太湖边的新密码2024')).res.status).toBe(200);
    const audit = await env.DB.prepare(`SELECT summary FROM audit_log WHERE entity_id = ?1 AND action = 'password_change'`).bind(u.id).all<{ summary: string }>();
    expect(audit.results.map((r) => r.summary)).toEqual(['修改密码']);
  });

  it('is forced at first sign-in: everything else answers 403 until it is done', async () => {
    const { f, u } = await freshUser(true);
    const login = await signIn(u.username);
    expect(await json(login.res)).toEqual({ ok: true, mustChangePassword: true });
    const me = await json(await call('GET', '/api/me', { cookie: login.cookie }));
    expect(me.mustChangePassword).toBe(true);
    const blocked = await call('GET', `/api/plans/${f.planId}/tasks`, { cookie: login.cookie });
    expect(blocked.status).toBe(403);
    expect((await json(blocked)).error.code).toBe('password_change_required');
    const changed = await call('POST', '/api/auth/password', { cookie: login.cookie, json: { currentPassword: PASSWORD, newPassword: 'jinting-town-2024' } });
    expect(changed.status).toBe(200);
    expect((await json(await call('GET', '/api/me', { cookie: login.cookie }))).mustChangePassword).toBe(false);
    expect((await call('GET', `/api/plans/${f.planId}/tasks`, { cookie: login.cookie })).status).toBe(200);
    // The fixture's earlier session was revoked by the change.
    expect((await call('GET', '/api/me', { cookie: u.cookie })).status).toBe(401);
    const audit = await env.DB.prepare(`SELECT summary FROM audit_log WHERE entity_id = ?1 AND action = 'password_change'`).bind(u.id).first<{ summary: string }>();
    expect(audit!.summary).toBe('首次登录修改初始密码');
  });

  it('counts wrong current passwords towards the lock', async () => {
    const { u } = await freshUser();
    const t0 = new Date(Date.now() + 1000);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await call('POST', '/api/auth/password', { cookie: u.cookie, now: t0, json: { currentPassword: `guess-${i}-pass`, newPassword: 'another-new-pass' } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
  });

  it('needs a session', async () => {
    const res = await call('POST', '/api/auth/password', { json: { currentPassword: PASSWORD, newPassword: 'some-new-password' } });
    expect(res.status).toBe(401);
  });
});
