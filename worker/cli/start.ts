// npm start: build the PWA, migrate the local D1, load the seed plans and demo accounts when the
// database is empty, then serve everything with `wrangler dev` on http://localhost:8787.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { watchHealth, type HealthWatch } from './health-watch';
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
printSeedResult(await seedLocal({ password, demo: true }), password);

step(`启动 wrangler dev → http://localhost:${port}`);
// wrangler dev exits when one proxied request loses a keep-alive race between its ProxyWorker and
// the worker (cloudflare/workers-sdk#14641, #15317) — nothing to do with this app, but it would
// take the demo down. Start it again unless it keeps failing; Ctrl+C still stops everything.
// wrangler runs in a process group of its own (its launcher, the CLI, esbuild, workerd), so that
// stopping or restarting it never leaves a workerd behind holding the port. Its proxy can also
// stop answering while the process lives on (cli/health-watch.ts): then it is killed, and so
// restarted like any exit.
const wranglerBin = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
let stopping = false;
let stoppingSince = 0;
let dev: ChildProcess;
let watch: HealthWatch | undefined;
const recentCrashes: number[] = [];

function killGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    /* already gone */
  }
}

function serve(): void {
  dev = spawn(process.execPath, [wranglerBin, 'dev', '--port', port, '--persist-to', DEFAULT_PERSIST_TO, '--show-interactive-dev-session=false'], {
    stdio: 'inherit',
    detached: true,
  });
  const child = dev;
  watch = watchHealth({
    url: `http://localhost:${port}/api/health`,
    onDead: (why) => {
      if (stopping) return;
      console.error(`\nwrangler dev 不再响应健康检查（${why}），正在重新启动…`);
      killGroup(child, 'SIGKILL');
    },
  });
  dev.on('exit', (code, signal) => {
    watch?.stop();
    // Not stopped by us means it died: wrangler's launcher reports even a killed CLI as code 0.
    if (stopping) process.exit(code ?? 0);
    killGroup(dev, 'SIGKILL'); // whatever of it is left
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
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // First in line: a listener wrangler's API registered when seeding ended the process on the
  // signal before this one ran, leaving wrangler dev and its workerd running.
  process.prependListener(sig, () => {
    // A second Ctrl+C forces it; the copy tsx relays of the first one arrives at once and does not.
    if (stopping) return Date.now() - stoppingSince > 2000 ? killGroup(dev, 'SIGKILL') : undefined;
    stopping = true;
    stoppingSince = Date.now();
    killGroup(dev, sig === 'SIGHUP' ? 'SIGTERM' : sig);
    // wrangler normally stops its workerd in a moment; never leave one behind.
    setTimeout(() => {
      killGroup(dev, 'SIGKILL');
      process.exit(130);
    }, 10_000).unref();
  });
}
