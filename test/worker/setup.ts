// Applies the real migrations to the test D1 before each test file, and hands TEST_SEED (a binding
// here: workerd has no process environment) to test/support/random.ts.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { setSeedFromEnvironment } from '../support/random';

setSeedFromEnvironment(env.TEST_SEED);

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
