// npm run dev: the worker (wrangler dev on :8787, local D1/R2) plus Vite with hot reload on :5173,
// which proxies /api to the worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_PERSIST_TO } from './local-d1';
import { DEFAULT_DEMO_PASSWORD, printSeedResult, seedLocal } from './seed';

const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
printSeedResult(await seedLocal({ password }), password);

const children: ChildProcess[] = [
  spawn('npx', ['wrangler', 'dev', '--port', '8787', '--persist-to', DEFAULT_PERSIST_TO, '--show-interactive-dev-session=false'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'pwa/vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', () => stop());
