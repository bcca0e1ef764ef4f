// End-to-end tests: real Debian Chromium (playwright-core) against the worker bundle in workerd
// (local-worker.ts) with a fresh local D1/R2 state seeded with the seed plans and demo accounts:
// global-setup.ts bundles and seeds a template once, per-file.ts gives every test file its own
// copy and server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    setupFiles: ['test/e2e/per-file.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
