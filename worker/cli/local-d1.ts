// The local D1/R2 that `wrangler dev` uses, opened from Node through wrangler's platform proxy.
// `persistTo` has the meaning of wrangler's --persist-to (default .wrangler/state); the proxy
// itself wants the v3 folder inside it, so both always see the same database.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';

export const DEFAULT_PERSIST_TO = '.wrangler/state';

export async function withLocalEnv<T>(persistTo: string | undefined, fn: (env: Env) => Promise<T>): Promise<T> {
  const path = join(resolve(persistTo ?? DEFAULT_PERSIST_TO), 'v3');
  const proxy = await getPlatformProxy<Env>({ configPath: 'wrangler.toml', persist: { path }, remoteBindings: false });
  try {
    return await fn(proxy.env);
  } finally {
    await proxy.dispose();
  }
}

/** Applies the migrations of wrangler.toml to the local database (non-interactive). */
export function applyLocalMigrations(persistTo: string | undefined): void {
  const args = ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo ?? DEFAULT_PERSIST_TO];
  const r = spawnSync('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error('wrangler d1 migrations apply failed');
  }
}
