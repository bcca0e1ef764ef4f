// A fresh local D1/R2 (migrations, seed plans, demo accounts) served by `wrangler dev` on
// loopback, and a small signed-in API client for any base URL. Used by the benchmarks and by
// test/e2e/faults.e2e.ts (which starts its own fault-injecting server).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodOf, periodsOfYear } from '../../shared/period';
import { applyLocalMigrations } from '../../worker/cli/local-d1';
import { seedLocal } from '../../worker/cli/seed';
import { startDevServer, type DevServer } from './wrangler-dev';

export const DEMO_PASSWORD = 'duban-demo';

export interface SeededAccount {
  username: string;
  role: string;
  orgName: string;
  unitName: string | null;
}

export interface SeededState {
  persistTo: string;
  accounts: SeededAccount[];
  remove(): void;
}

/**
 * Migrations + the five seed plans + demo accounts in a new folder (under `parent`, default tmp);
 * with `demo`, also the year of history `npm start` seeds.
 */
export async function freshSeededState(prefix = 'duban-bench-', parent = tmpdir(), opts: { demo?: boolean } = {}): Promise<SeededState> {
  const persistTo = mkdtempSync(join(parent, prefix));
  await applyLocalMigrations(persistTo);
  const seeded = await seedLocal({ persistTo, password: DEMO_PASSWORD, demo: opts.demo });
  return {
    persistTo,
    accounts: seeded.accounts.map((a) => ({ username: a.username, role: a.role, orgName: a.orgName, unitName: a.unitName })),
    remove: () => rmSync(persistTo, { recursive: true, force: true }),
  };
}

export async function startServer(persistTo: string, vars?: Record<string, string>): Promise<DevServer> {
  return startDevServer({ persistTo, ...(vars ? { vars } : {}) });
}

/** Builds the PWA into dist/pwa when it is not there (or always with force). */
export function ensurePwaBuilt(force = false): void {
  if (!force && existsSync('dist/pwa/index.html') && existsSync('dist/pwa/sw.js')) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'pwa/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface Api {
  url: string;
  cookie: string;
  get<T = any>(path: string): Promise<T>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  putPhoto(path: string, bytes: Uint8Array, headers?: Record<string, string>): Promise<Response>;
}

/** Signs in through the API (sign-in is never fault-injected) and returns a cookie-carrying client. */
export async function signInApi(url: string, username: string, password = DEMO_PASSWORD): Promise<Api> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    url,
    cookie,
    async get<T>(path: string): Promise<T> {
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    send(method, path, body, headers = {}) {
      return fetch(`${url}${path}`, {
        method,
        headers: { cookie, origin: url, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    putPhoto(path, bytes, headers = {}) {
      const body = new Uint8Array(bytes).buffer;
      return fetch(`${url}${path}`, {
        method: 'PUT',
        headers: { cookie, origin: url, 'content-type': 'image/jpeg', 'x-content-sha256': sha256(bytes), ...headers },
        body,
      });
    },
  };
}

export interface UnitTask {
  id: string;
  planId: string;
  number: string;
  text: string;
  year: number;
  cycle: 'monthly' | 'quarterly' | 'half_yearly';
}

/** Every task a unit user carries (from GET /api/sync), with its plan's year and cycle. */
export async function unitTasks(api: Api): Promise<{ me: { id: string; unitId: string; unitName: string }; tasks: UnitTask[] }> {
  type SyncItem = { id: string; planId: string; number: string; text: string; kind: string; access: string; seq: number; leadUnits: Array<{ id: string }>; coUnits: Array<{ id: string }>; areas: Array<{ id: string }> };
  const plans: Array<{ id: string; year: number; cycle: UnitTask['cycle'] }> = [];
  const items: SyncItem[] = [];
  let since: string | undefined;
  for (;;) {
    const page = await api.get<{ cursor: string; hasMore: boolean; plans: typeof plans; items: SyncItem[] }>(`/api/sync${since ? `?since=${encodeURIComponent(since)}` : ''}`);
    plans.push(...page.plans);
    items.push(...page.items);
    since = page.cursor;
    if (!page.hasMore) break;
  }
  const me = await api.get<{ id: string; unitId: string; unitName: string }>('/api/me');
  const tasks = items
    .filter((i) => i.access === 'full' && i.kind !== 'draft' && [...i.leadUnits, ...i.coUnits, ...i.areas].some((u) => u.id === me.unitId))
    .sort((a, b) => a.seq - b.seq)
    .map((i) => {
      const plan = plans.find((p) => p.id === i.planId)!;
      return { id: i.id, planId: i.planId, number: i.number, text: i.text, year: plan.year, cycle: plan.cycle };
    });
  return { me, tasks };
}

/** Periods of a plan year that are already open (never a future period). */
export function periodsOf(year: number, cycle: UnitTask['cycle'], now = new Date()): string[] {
  const current = periodOf(now, cycle);
  return periodsOfYear(year, cycle).filter((p) => p <= current);
}

/** (task, period) pairs a unit can report, spread over its tasks first: n of them, or fewer. */
export function reportSlots(tasks: UnitTask[], n: number, now = new Date()): Array<{ task: UnitTask; period: string }> {
  const perTask = tasks.map((task) => ({ task, periods: periodsOf(task.year, task.cycle, now).reverse() }));
  const out: Array<{ task: UnitTask; period: string }> = [];
  for (let round = 0; out.length < n; round++) {
    let added = false;
    for (const t of perTask) {
      const period = t.periods[round];
      if (!period) continue;
      out.push({ task: t.task, period });
      added = true;
      if (out.length === n) break;
    }
    if (!added) break;
  }
  return out;
}
