// Runs inside workerd for the demo seeding only (bundled by demo-client.ts, never deployed): it
// replays a list of API calls through the worker's own app, each at its own time and as its own
// user, next to the local D1/R2 — one HTTP round trip per list instead of one per SQL query.
import { createApp } from '../src/app';
import { databasesOf, sessionCookieValue } from '../src/lib/databases';
import { createSessionStatement, SESSION_COOKIE_HTTP } from '../src/lib/session';

export interface DemoOp {
  userId: string;
  /** The server's clock for this call. */
  at: string;
  method: string;
  path: string;
  json?: unknown;
  /** A binary body (photos), base64. */
  b64?: string;
  headers?: Record<string, string>;
}

let clock = new Date();
const app = createApp({ now: () => clock });
const cookies = new Map<string, string>();

function bytesOf(b64: string): ArrayBuffer {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

export default {
  async fetch(req: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { ops, sessionsAt } = (await req.json()) as { ops: DemoOp[]; sessionsAt: string };
    const results: unknown[] = [];
    for (const op of ops) {
      if (!cookies.has(op.userId)) {
        // Created at the end of the history, so one session serves the whole year of calls, on
        // the database that holds the user (the cookie names it, as sign-in's would).
        const all = databasesOf(env);
        const held = await Promise.all(all.map((db) => db.prepare('SELECT 1 AS one FROM users WHERE id = ?1').bind(op.userId).first()));
        const index = Math.max(0, held.findIndex((row) => row !== null));
        const made = await createSessionStatement(all[index]!, op.userId, new Date(sessionsAt), { userAgent: 'demo seeding' });
        await made.statement.run();
        cookies.set(op.userId, `${SESSION_COOKIE_HTTP}=${sessionCookieValue(index, made.session.token)}`);
      }
      clock = new Date(op.at);
      const headers: Record<string, string> = { cookie: cookies.get(op.userId)!, origin: 'http://localhost', ...(op.headers ?? {}) };
      if (op.json !== undefined) headers['content-type'] = 'application/json';
      const body = op.b64 !== undefined ? bytesOf(op.b64) : op.json !== undefined ? JSON.stringify(op.json) : undefined;
      const res = await app.fetch(new Request(`http://localhost${op.path}`, { method: op.method, headers, body }), env, ctx);
      const text = await res.text();
      if (!res.ok) return Response.json({ error: `${op.method} ${op.path} → ${res.status} ${text}` }, { status: 500 });
      results.push(text ? JSON.parse(text) : null);
    }
    return Response.json({ results });
  },
};
