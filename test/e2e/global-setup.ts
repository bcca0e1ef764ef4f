// Once per e2e run: the worker bundle, and one seeded local state (migrations, seed plans, demo
// accounts) as the template that every test file copies and serves with its own worker (see
// per-file.ts), so files never see each other's reports.
import { mkdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { seedLocal } from '../../worker/cli/seed';
import { bundleWorker } from './local-worker';

export const E2E_PASSWORD = 'duban-demo';

export default async function setup(project: TestProject) {
  const root = `.e2e-state/run-${process.pid}-${Date.now()}`;
  const template = `${root}/template`;
  mkdirSync(template, { recursive: true });
  project.provide('workerBundle', bundleWorker(`${root}/bundle`));
  const seeded = await seedLocal({ persistTo: template, password: E2E_PASSWORD });
  project.provide('templateDir', template);
  project.provide('demoPassword', E2E_PASSWORD);
  project.provide('demoAccounts', seeded.accounts.map((a) => ({ username: a.username, role: a.role, orgName: a.orgName, unitName: a.unitName })));
  return () => {
    if (!process.env.KEEP_E2E_STATE) rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
    workerBundle: string;
    demoPassword: string;
    demoAccounts: Array<{ username: string; role: string; orgName: string; unitName: string | null }>;
  }
}
