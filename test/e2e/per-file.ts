// Runs before each e2e test file: a private copy of the seeded template state, served by its own
// `wrangler dev` on a free port for the duration of the file.
import { cpSync } from 'node:fs';
import { afterAll, inject } from 'vitest';
import { startDevServer } from './server';
import { setServer } from './support';

const persistTo = `${inject('templateDir')}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
cpSync(inject('templateDir'), persistTo, { recursive: true });
const server = await startDevServer({ persistTo });
setServer(server.url, persistTo);

afterAll(async () => {
  await server.stop();
});
