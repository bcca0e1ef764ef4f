// D1 read replication (docs/SCALE.md "Past one database", item 9). Every request runs its D1 work
// through one session of its database (lib/databases.ts). Where that session starts decides which
// copy of the database may answer:
//  - a write (any method but GET/HEAD/OPTIONS) starts on the primary: conditional writes read
//    first (versions, permissions, throttles) and must see the latest state;
//  - a read carrying the bookmark of the caller's last write on that database starts from it, so
//    a phone that has just submitted reads its own report from whichever replica answers;
//  - any other read starts unconstrained (the nearest replica).
// The bookmarks travel in one cookie, `<db>.<bookmark>` per database joined by `~`. The value is
// not a secret: it names a point in a database's history, grants nothing, and a forged one can
// only make its own bearer's reads wait for (or fail to find) a replica that recent — which is why
// the format is checked strictly and anything else is ignored.

/** What D1 returns from `getBookmark()`: the same shape as a Time Travel bookmark. */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;
const ENTRY = /^(0|[1-9][0-9]{0,2})\.([^~]+)$/;
/** One entry: up to 3 digits, the dot, the bookmark, the separator. */
const ENTRY_MAX = 3 + 1 + 59 + 1;

/** Bookmarks of the caller's last writes, by database index. */
export type Bookmarks = ReadonlyMap<number, string>;

export const NO_BOOKMARKS: Bookmarks = new Map();

export function isBookmark(value: string): boolean {
  return BOOKMARK.test(value);
}

/** Reads that may start anywhere; everything else writes. */
export function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/**
 * The cookie's bookmarks, for a deployment of `databases` databases. Anything malformed — a
 * bookmark of another shape, an index this deployment does not have, a repeated index, an
 * over-long value — voids the whole cookie: the request then starts as if it had none.
 */
export function parseBookmarks(value: string | undefined, databases: number): Bookmarks {
  if (!value || value.length > databases * ENTRY_MAX) return NO_BOOKMARKS;
  const out = new Map<number, string>();
  for (const part of value.split('~')) {
    const m = ENTRY.exec(part);
    const index = m ? Number(m[1]) : -1;
    if (!m || index >= databases || out.has(index) || !isBookmark(m[2]!)) return NO_BOOKMARKS;
    out.set(index, m[2]!);
  }
  return out;
}

export function formatBookmarks(bookmarks: Bookmarks): string {
  return [...bookmarks].sort(([a], [b]) => a - b).map(([i, b]) => `${i}.${b}`).join('~');
}

/** Where a request's session on database `index` starts (`withSession`'s argument). */
export function sessionStart(method: string, bookmarks: Bookmarks, index: number): string {
  if (!isRead(method)) return 'first-primary';
  return bookmarks.get(index) ?? 'first-unconstrained';
}
