// Applies the real migrations to every test D1 database (wrangler.toml DATABASES) before each test
// file, and hands TEST_SEED (a binding here: workerd has no process environment) to
// test/support/random.ts.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { databasesOf } from '../../worker/src/lib/databases';
import { setSeedFromEnvironment } from '../support/random';

setSeedFromEnvironment(env.TEST_SEED);

await Promise.all(databasesOf(env).map((db) => applyD1Migrations(db, env.TEST_MIGRATIONS)));
