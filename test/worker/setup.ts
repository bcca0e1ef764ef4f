// Applies the real migrations to every test D1 database (wrangler.toml DATABASES) before each test file.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { databasesOf } from '../../worker/src/lib/databases';

await Promise.all(databasesOf(env).map((db) => applyD1Migrations(db, env.TEST_MIGRATIONS)));
