// Runs before each e2e test file: a private copy of the seeded template state, served by its own
// worker (local-worker.ts) on a free port for the duration of the file.
import { randomUUID } from 'node:crypto';
import { cpSync } from 'node:fs';
import { afterAll, afterEach, inject } from 'vitest';
import { startLocalWorker } from './local-worker';
import { setServer } from './support';

// A unique name, not test data: it needs no seed.
const persistTo = `${inject('templateDir')}-${process.pid}-${randomUUID().slice(0, 8)}`;
cpSync(inject('templateDir'), persistTo, { recursive: true });
const server = await startLocalWorker({ bundleDir: inject('workerBundle'), persistTo });
setServer(server.url, persistTo);

afterEach(({ task }) => {
  // A failed test shows what the worker printed, so a server-side cause is not lost.
  const out = server.output().trim();
  if (task.result?.state === 'fail' && out) console.error(`worker output (last 4000 characters):\n${out.slice(-4000)}`);
});

afterAll(async () => {
  await server.stop();
});
