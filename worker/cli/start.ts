// npm start: build the PWA, migrate the local D1, load the seed plans and demo accounts when the
// database is empty, then serve everything with `wrangler dev` on http://localhost:8787.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { DEFAULT_PERSIST_TO } from './local-d1';
import { DEFAULT_DEMO_PASSWORD, printSeedResult, seedLocal } from './seed';

const port = process.env.PORT ?? '8787';
const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
const t0 = Date.now();
const step = (s: string) => console.log(`\n[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

step('构建前端 (vite build)…');
const build = spawnSync('npx', ['vite', 'build', '--config', 'pwa/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

step('数据库迁移，载入示例工作方案与演示账号…');
printSeedResult(await seedLocal({ password }), password);

step(`启动 wrangler dev → http://localhost:${port}`);
// wrangler dev exits when one proxied request loses a keep-alive race between its ProxyWorker and
// the worker (cloudflare/workers-sdk#14641, #15317) — nothing to do with this app, but it would
// take the demo down. Start it again unless it keeps failing; Ctrl+C still stops everything.
let stopping = false;
let dev: ChildProcess;
const recentCrashes: number[] = [];
function serve(): void {
  dev = spawn('npx', ['wrangler', 'dev', '--port', port, '--persist-to', DEFAULT_PERSIST_TO, '--show-interactive-dev-session=false'], {
    stdio: 'inherit',
  });
  dev.on('exit', (code, signal) => {
    // Not stopped by us means it died: wrangler's launcher reports even a killed CLI as code 0.
    if (stopping) process.exit(code ?? 0);
    const now = Date.now();
    while (recentCrashes.length && now - recentCrashes[0]! > 60_000) recentCrashes.shift();
    if (recentCrashes.length >= 3) {
      console.error('\nwrangler dev 在一分钟内多次退出，已停止重启。');
      process.exit(code || 1);
    }
    recentCrashes.push(now);
    console.error(`\nwrangler dev 意外退出（${signal ?? `code ${code}`}），数据保留，正在重新启动…`);
    serve();
  });
}
serve();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    stopping = true;
    dev.kill(sig);
  });
}
