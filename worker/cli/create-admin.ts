// Creates an organisation's first administrator (or the super-admin) in the local or the
// deployed D1, with a random one-time password that must be changed at first sign-in.
//   npm run create-admin -- --username duchashi --org 苏州市吴中区人民政府 [--remote]
//   npm run create-admin -- --username root --superadmin [--remote]
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { hashPassword } from '../src/lib/password';
import { shortOrgName } from '../src/db/import';

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
const statements: string[] = [];
let orgExpr = 'NULL';
if (org) {
  statements.push(
    `INSERT INTO orgs (id, name, short_name, created_at) VALUES (${q(crypto.randomUUID())}, ${q(org)}, ${q(shortOrgName(org))}, ${q(now)}) ON CONFLICT(name) DO NOTHING;`,
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
const r = spawnSync('npx', ['wrangler', 'd1', 'execute', 'DB', flag('--remote') ? '--remote' : '--local', '--command', statements.join('\n')], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`\n已创建 ${username}，一次性密码：${password}（首次登录须修改）`);
