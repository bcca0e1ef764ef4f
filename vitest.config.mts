// Three projects: shared (Node), pwa (Node + fake-indexeddb), worker (workerd with real local
// D1 and R2 through the Cloudflare vitest integration). E2E has its own config.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations(fileURLToPath(new URL('./worker/migrations', import.meta.url)));

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'shared', include: ['test/shared/**/*.test.ts', 'test/golden/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'pwa',
          include: ['test/pwa/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/pwa/setup.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // TEST_SEED reaches workerd as a binding (test/support/random.ts, test/worker/setup.ts).
            miniflare: { bindings: { TEST_MIGRATIONS: migrations, TEST_SEED: process.env.TEST_SEED ?? '' } },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['test/worker/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
