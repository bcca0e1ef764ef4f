// The super-admin's views across organisations (no organisation chosen) when organisations live on
// several databases: the same request runs on every database in parallel and the answers merge
// here. Each list keeps the order its route gives within one database.
type Json = Record<string, unknown>;

interface FanOut {
  /** The request is a cross-organisation view (no organisation or plan chosen). */
  applies: (url: URL) => boolean;
  merge: (answers: Json[], url: URL) => Json;
}

const ROLE_RANK: Record<string, number> = { superadmin: 0, admin: 1, leader: 2, unit: 3 };
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
const all = <T>(answers: Json[], key: string) => answers.flatMap((a) => (a[key] as T[] | undefined) ?? []);
const limitOf = (url: URL, fallback: number) => Number(url.searchParams.get('limit') ?? fallback) || fallback;

/** GET paths (exact) whose super-admin answer spans every database. */
export const FAN_OUT: Record<string, FanOut> = {
  '/api/plans': {
    applies: () => true,
    merge: (answers) => ({
      plans: all<{ year: number; createdAt: string }>(answers, 'plans').sort((a, b) => b.year - a.year || newestFirst(a.createdAt, b.createdAt)),
    }),
  },
  '/api/users': {
    applies: (url) => !url.searchParams.has('orgId'),
    // Stable sort: within a role, each database's own order (unit name, username).
    merge: (answers) => ({ users: all<{ role: string }>(answers, 'users').sort((a, b) => (ROLE_RANK[a.role] ?? 9) - (ROLE_RANK[b.role] ?? 9)) }),
  },
  '/api/audit': {
    // Paging (`before`, an id) is per database: a super-admin pages one organisation at a time.
    applies: (url) => !url.searchParams.has('orgId'),
    merge: (answers, url) => ({
      entries: all<{ at: string }>(answers, 'entries').sort((a, b) => newestFirst(a.at, b.at)).slice(0, limitOf(url, 100)),
    }),
  },
  '/api/search': {
    applies: (url) => !url.searchParams.has('plan'),
    merge: (answers, url) => ({
      total: answers.reduce((n, a) => n + Number(a.total ?? 0), 0),
      hits: all(answers, 'hits').slice(0, limitOf(url, 50)),
      mode: answers[0]?.mode ?? 'filter',
    }),
  },
};

/** The fan-out for this request, if it is one. */
export function fanOutFor(method: string, url: URL): FanOut | null {
  if (method !== 'GET') return null;
  const f = FAN_OUT[url.pathname.replace(/\/$/, '')];
  return f && f.applies(url) ? f : null;
}

/** One answer from every database's: a refusal or failure of any is the answer. */
export async function mergeAnswers(fanOut: FanOut, url: URL, answers: Response[]): Promise<Response> {
  const bad = answers.find((r) => r.status !== 200);
  if (bad) return bad;
  const bodies = (await Promise.all(answers.map((r) => r.json()))) as Json[];
  const headers = new Headers(answers[0]!.headers);
  headers.delete('etag');
  headers.delete('content-length');
  // A merged answer has no one validator: the browser asks again each time (rare, not on a phone).
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(fanOut.merge(bodies, url)), { status: 200, headers });
}
