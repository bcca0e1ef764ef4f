// npm start: build the PWA, migrate the local D1, load the seed plans and demo accounts when the
// database is empty, then serve everything with `wrangler dev` on http://localhost:8787.
import { spawn, spawnSync } from 'node:child_process';
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
const dev = spawn('npx', ['wrangler', 'dev', '--port', port, '--persist-to', DEFAULT_PERSIST_TO, '--show-interactive-dev-session=false'], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => dev.kill(sig));
dev.on('exit', (code) => process.exit(code ?? 0));
