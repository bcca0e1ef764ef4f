// One fresh local state per e2e run: migrations, seed plans + demo accounts (seedLocal), then
// wrangler dev.
import { mkdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { seedLocal } from '../../worker/cli/seed';
import { startDevServer } from './server';

export const E2E_PASSWORD = 'duban-demo';

export default async function setup(project: TestProject) {
  const persistTo = `.e2e-state/run-${process.pid}-${Date.now()}`;
  mkdirSync(persistTo, { recursive: true });
  const seeded = await seedLocal({ persistTo, password: E2E_PASSWORD });
  const server = await startDevServer({ persistTo });
  project.provide('baseURL', server.url);
  project.provide('persistTo', persistTo);
  project.provide('demoPassword', E2E_PASSWORD);
  project.provide('demoAccounts', seeded.accounts.map((a) => ({ username: a.username, role: a.role, orgName: a.orgName, unitName: a.unitName })));
  return async () => {
    await server.stop();
    if (!process.env.KEEP_E2E_STATE) rmSync(persistTo, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    persistTo: string;
    demoPassword: string;
    demoAccounts: Array<{ username: string; role: string; orgName: string; unitName: string | null }>;
  }
}
