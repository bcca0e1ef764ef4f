// Types of the Hono app: bindings from wrangler.toml and per-request variables.
import type { Role } from '../../shared/schemas/auth';
import type { Databases } from './lib/databases';
import type { Db } from './lib/d1';

/** The signed-in caller, resolved from the session cookie once per request. */
export interface SessionUser {
  id: string;
  sessionId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  unitId: string | null;
  leaderId: string | null;
  mustChangePassword: boolean;
  /** The session's absolute end (lib/session.ts): the app asks to sign in again before it. */
  sessionEndsAt?: string;
}

/** What a request needs from outside: injectable so tests can move the clock. */
export interface AppDeps {
  now: () => Date;
}

export type AppEnv = {
  /** `DB` is the request's D1 session of its database (lib/databases.ts `useDatabase`). */
  Bindings: Omit<Env, 'DB'> & { DB: Db };
  Variables: {
    user: SessionUser | null;
    now: () => Date;
    /** The deployment's D1 databases and the one this request runs on (middleware/database.ts). */
    databases: Databases;
  };
};
