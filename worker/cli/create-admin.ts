// Creates an organisation's first administrator (or the super-admin) in the local or the
// deployed D1, with a random one-time password that must be changed at first sign-in.
//   npm run create-admin -- --username duchashi --org 苏州市吴中区人民政府 [--remote]
//   npm run create-admin -- --username root --superadmin [--remote]
// Locally `--persist-to DIR` names the state folder (as for wrangler; default .wrangler/state).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { unstable_readConfig } from 'wrangler';
import { hashPassword } from '../src/lib/password';
import { shortOrgName } from '../src/db/import';
import { databaseNames } from '../src/lib/databases';
import { emptiest } from '../src/lib/placement';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const username = value('--username');
const org = value('--org');
const superadmin = flag('--superadmin');
if (!username || !/^[A-Za-z0-9._-]{3,40}$/.test(username) || (!org && !superadmin)) {
  console.error('usage: npm run create-admin -- --username NAME (--org 机关全称 | --superadmin) [--remote]');
  process.exit(2);
}

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const password = Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const hash = await hashPassword(password);
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const now = new Date().toISOString();
const userId = crypto.randomUUID();
const persistTo = value('--persist-to');
const where = flag('--remote') ? ['--remote'] : ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])];

/** Runs SQL on one D1 binding through wrangler; the results of each statement. */
function d1(binding: string, sql: string): Array<{ results: Array<Record<string, unknown>>; meta?: { size_after?: number } }> {
  const r = spawnSync('npx', ['wrangler', 'd1', 'execute', binding, ...where, '--json', '--command', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) {
    console.error(r.stdout);
    process.exit(r.status ?? 1);
  }
  return JSON.parse(r.stdout);
}

// Organisations live on several databases (docs/SCALE.md): an existing one where the directory in
// database 0 has it, a new one on the database with the most room (lib/placement.ts); the
// super-admin on database 0.
const names = databaseNames((unstable_readConfig({ config: 'wrangler.toml' }).vars ?? {}) as { DATABASES?: string });
let index = 0;
let orgId: string = crypto.randomUUID();
if (org) {
  const placed = d1('DB', `SELECT org_id, db FROM org_placements WHERE org_name = ${q(org)}`)[0]!.results[0];
  if (placed) {
    index = Number(placed.db);
    orgId = String(placed.org_id);
  } else if (names.length > 1) {
    const counts = new Map(d1('DB', 'SELECT db, COUNT(*) AS n FROM org_placements GROUP BY db')[0]!.results.map((r) => [Number(r.db), Number(r.n)]));
    const rooms = names.map((name, i) => ({ index: i, size: d1(name, 'SELECT 1')[0]!.meta?.size_after ?? null, orgs: counts.get(i) ?? 0 }));
    index = emptiest(rooms);
  }
}
const binding = names[index]!;
const claim = d1('DB', [
  ...(org ? [`INSERT INTO org_placements (org_id, org_name, db, placed_at) VALUES (${q(orgId)}, ${q(org)}, ${index}, ${q(now)}) ON CONFLICT DO NOTHING;`] : []),
  `INSERT INTO login_placements (username, db) VALUES (${q(username)}, ${index}) ON CONFLICT DO NOTHING;`,
  `SELECT db FROM login_placements WHERE username = ${q(username)};`,
].join('\n'));
if (Number(claim.at(-1)!.results[0]?.db) !== index) {
  console.error(`用户名 ${username} 已在另一数据库使用`);
  process.exit(1);
}

const statements: string[] = [];
let orgExpr = 'NULL';
if (org) {
  statements.push(
    `INSERT INTO orgs (id, name, short_name, created_at) VALUES (${q(orgId)}, ${q(org)}, ${q(shortOrgName(org))}, ${q(now)}) ON CONFLICT(name) DO NOTHING;`,
  );
  orgExpr = `(SELECT id FROM orgs WHERE name = ${q(org)})`;
}
statements.push(
  `INSERT INTO users (id, org_id, username, display_name, role, password_hash, password_salt, password_iterations, must_change_password, created_at, updated_at)
   VALUES (${q(userId)}, ${orgExpr}, ${q(username)}, ${q(superadmin ? '系统管理员' : '督查室管理员')}, ${q(superadmin ? 'superadmin' : 'admin')},
           ${q(hash.hash)}, ${q(hash.salt)}, ${hash.iterations}, 1, ${q(now)}, ${q(now)});`,
  `INSERT INTO audit_log (org_id, user_id, at, action, entity_type, entity_id, summary)
   VALUES (${orgExpr}, NULL, ${q(now)}, 'user.create', 'user', ${q(userId)}, ${q(`命令行创建管理员 ${username}`)});`,
);
d1(binding, statements.join('\n'));
console.log(`\n已创建 ${username}（数据库 ${index}: ${binding}），一次性密码：${password}（首次登录须修改）`);
