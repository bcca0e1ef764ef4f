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
import { DEFAULT_PERSIST_TO, migrateLocalD1, withLocalEnv } from './local-d1';

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
    await migrateLocalD1(env.DB);
    const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM plans').first<{ n: number }>();
    if ((row?.n ?? 0) > 0) return { seeded: false, plans: [], accounts: [] };
    const plans: SeedResult['plans'] = [];
    for (const file of seedFiles()) {
      const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
      plans.push({ file, ...(await importDocument(env.DB, text, file, now)) });
    }
    const demoPlan = opts.demo ? await importDemoPlan(env.DB, SEEDS_DIR, now) : null;
    const accounts = await createDemoAccounts(env.DB, { password: opts.password ?? DEFAULT_DEMO_PASSWORD, now });
    if (demoPlan) world = await loadDemoWorld(env.DB, demoPlan);
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
