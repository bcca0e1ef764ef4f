// npm run deploy (after the build): the migrations on every D1 database of wrangler.toml's
// DATABASES, in index order, then the Worker. A database that refuses a migration stops the deploy,
// so no Worker runs against a database behind its code (docs/SCALE.md "Past one database").
// `--dry-run` prints the commands only.
import { spawnSync } from 'node:child_process';
import { unstable_readConfig } from 'wrangler';
import { databaseNames } from '../src/lib/databases';

const dryRun = process.argv.includes('--dry-run');
const names = databaseNames((unstable_readConfig({ config: 'wrangler.toml' }).vars ?? {}) as { DATABASES?: string });

function run(args: string[]): void {
  console.log(`$ npx ${args.join(' ')}`);
  if (dryRun) return;
  const r = spawnSync('npx', args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n失败：${args.join(' ')}，已停止部署`);
    process.exit(r.status ?? 1);
  }
}

for (const name of names) run(['wrangler', 'd1', 'migrations', 'apply', name, '--remote']);
run(['wrangler', 'deploy']);
