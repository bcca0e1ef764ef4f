// Local demo data for `npm start` and the e2e suite: migrations, then every plan in seeds/ through
// the importer and the demo accounts, only when the database has no plan yet. Never used by
// `npm run deploy`.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createDemoAccounts, type DemoAccount } from '../src/db/demo-accounts';
import { importDocument, type ImportOutcome } from './seed-plans';
import { withDemoWorker } from './demo-client';
import { loadDemoWorld, seedDemoHistory, type DemoHistorySummary, type DemoWorld } from './demo-history';
import { DEMO_SOURCE, importDemoPlan } from './demo-plan';
import { DEFAULT_PERSIST_TO, migrateAllLocalD1, withLocalEnv } from './local-d1';
import { databasesOf } from '../src/lib/databases';
import { claimUsernames } from '../src/db/placements';

export const DEFAULT_DEMO_PASSWORD = 'duban-demo';
const SEEDS_DIR = 'seeds';

/** Clean text copies first, so a noisier OCR of the same document is the one skipped. */
export function seedFiles(dir = SEEDS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => ['.txt', '.md'].includes(extname(f)))
    .sort((a, b) => Number(extname(a) !== '.txt') - Number(extname(b) !== '.txt') || a.localeCompare(b));
}

export interface SeedResult {
  seeded: boolean;
  plans: Array<ImportOutcome & { file: string }>;
  accounts: DemoAccount[];
  /** The living demo (npm start): the current year's plan and its history. */
  demo?: (DemoHistorySummary & { year: number; ms: number }) | null;
}

/**
 * `demo`: also import the current year's demo plan and give it a year of history (npm start);
 * the e2e suite seeds without it, so its tests start from plans nobody reported on.
 */
export async function seedLocal(opts: { persistTo?: string; password?: string; now?: Date; demo?: boolean } = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  let world: DemoWorld | null = null;
  const result = await withLocalEnv(opts.persistTo, async (env): Promise<SeedResult> => {
    await migrateAllLocalD1(env);
    // Organisations are placed on the databases as they are created (lib/placement.ts): with two
    // fresh databases the first seed organisation lands on database 0 and the next on database 1,
    // so the local demo runs on several databases like a province's deployment.
    const all = databasesOf(env);
    const counts = await Promise.all(all.map((db) => db.prepare('SELECT COUNT(*) AS n FROM plans').first<{ n: number }>()));
    if (counts.some((row) => (row?.n ?? 0) > 0)) return { seeded: false, plans: [], accounts: [] };
    const plans: SeedResult['plans'] = [];
    for (const file of seedFiles()) {
      const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
      plans.push({ file, ...(await importDocument(all, text, file, now)) });
    }
    const demoPlan = opts.demo ? await importDemoPlan(all, SEEDS_DIR, now) : null;
    const accounts = await createPlacedDemoAccounts(all, { password: opts.password ?? DEFAULT_DEMO_PASSWORD, now });
    if (demoPlan) world = await loadDemoWorld(all[demoPlan.db]!, demoPlan);
    return { seeded: true, plans, accounts };
  });
  // The history is written by the worker itself in workerd, once the proxy above let go of the
  // local state (two runtimes must not hold one SQLite file).
  const w = world as DemoWorld | null;
  if (w) {
    const t0 = Date.now();
    const summary = await withDemoWorker(opts.persistTo ?? DEFAULT_PERSIST_TO, now, (run) => seedDemoHistory(run, w, now));
    result.demo = { year: w.plan.year, ...summary, ms: Date.now() - t0 };
  }
  return result;
}

/**
 * The demo accounts of each database's organisations, on that database (the super-admin on
 * database 0), with their usernames recorded in the directory for sign-in.
 */
async function createPlacedDemoAccounts(all: readonly D1Database[], opts: { password: string; now: Date }): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const [index, db] of all.entries()) {
    const made = await createDemoAccounts(db, { ...opts, superadmin: index === 0, ordinalFrom: accounts.filter((a) => a.role === 'admin').length });
    const taken = await claimUsernames(all[0]!, made.map((a) => a.username), index);
    if (taken.length) throw new Error(`demo usernames on two databases: ${taken.join(', ')}`);
    accounts.push(...made);
  }
  return accounts;
}

export function printSeedResult(r: SeedResult, password: string): void {
  if (!r.seeded) {
    console.log('· 本地数据库已有数据，保留现有数据（删除 .wrangler/state 可重新载入示例数据）');
    return;
  }
  for (const p of r.plans) {
    console.log(p.skipped ? `· ${p.file}: 跳过 — ${p.reason}` : `· ${p.file}: 导入 ${p.items} 项（${p.warnings} 条提示）`);
  }
  if (r.demo) {
    console.log(
      `· 演示：以 ${DEMO_SOURCE} 为样本导入 ${r.demo.year} 年方案（演示），生成 ${r.demo.reports} 份报告、${r.demo.photos} 张照片、${r.demo.instructions} 条批示与落实情况（${(r.demo.ms / 1000).toFixed(1)} 秒）`,
    );
    if (r.demo.photoNote) console.log(`  ${r.demo.photoNote}：演示报告不带照片（安装 chromium 后删除 .wrangler/state 重新启动即可带照片）`);
  }
  const main = r.accounts.filter((a) => a.role !== 'unit');
  console.log(`· 演示账号 ${r.accounts.length} 个，密码均为 ${password}：`);
  for (const a of main) console.log(`    ${a.username.padEnd(18)} ${a.displayName}（${a.orgName || '全部单位'}）`);
  const units = r.accounts.filter((a) => a.role === 'unit');
  if (units.length) console.log(`    以及每个责任单位一个账号，例如 ${units.slice(0, 3).map((a) => a.username).join('、')} …`);
}
