// The local D1/R2 that `wrangler dev` uses, opened from Node through wrangler's platform proxy.
// `persistTo` has the meaning of wrangler's --persist-to (default .wrangler/state); the proxy
// itself wants the v3 folder inside it, so both always see the same database.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getPlatformProxy, unstable_splitSqlQuery } from 'wrangler';
import { databasesOf } from '../src/lib/databases';

export const DEFAULT_PERSIST_TO = '.wrangler/state';
const MIGRATIONS_DIR = 'worker/migrations';

export async function withLocalEnv<T>(persistTo: string | undefined, fn: (env: Env) => Promise<T>): Promise<T> {
  const path = join(resolve(persistTo ?? DEFAULT_PERSIST_TO), 'v3');
  const proxy = await getPlatformProxy<Env>({ configPath: 'wrangler.toml', persist: { path }, remoteBindings: false });
  try {
    return await fn(proxy.env);
  } finally {
    await proxy.dispose();
  }
}

/**
 * Applies the migrations not yet applied, bookkept in wrangler's own `d1_migrations` table, so
 * `wrangler d1 migrations apply --local` and this agree. Done in-process: starting wrangler's CLI
 * for it costs more than the migrations themselves.
 */
export async function migrateLocalD1(db: D1Database): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS d1_migrations(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);',
  );
  const { results } = await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>();
  const applied = new Set(results.map((r) => r.name));
  const pending = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql') && !applied.has(f)).sort();
  for (const name of pending) {
    const sql = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
    const statements = unstable_splitSqlQuery(sql).map((q) => db.prepare(q));
    // One batch per file: a migration applies whole or not at all.
    await db.batch([...statements, db.prepare('INSERT INTO d1_migrations (name) VALUES (?1)').bind(name)]);
  }
  return pending;
}

/** Every database of wrangler.toml's DATABASES gets every migration (docs/SCALE.md). */
export async function migrateAllLocalD1(env: Env): Promise<string[]> {
  const applied = await Promise.all(databasesOf(env).map((db) => migrateLocalD1(db)));
  return [...new Set(applied.flat())];
}

export function applyLocalMigrations(persistTo: string | undefined): Promise<string[]> {
  return withLocalEnv(persistTo, migrateAllLocalD1);
}
