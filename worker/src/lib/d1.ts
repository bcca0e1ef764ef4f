// Helpers around D1's production limits, which the local runtime does not enforce:
// at most 100 bound parameters per statement (docs/PLATFORM.md).
export const D1_MAX_PARAMS = 100;

/**
 * What the worker asks of a database: a binding or, per request, a D1 session of one
 * (lib/databases.ts, read replication). A session has no `exec`, `dump` or `withSession`.
 */
export type Db = Pick<D1Database, 'prepare' | 'batch'>;

/** Prepares and binds, refusing more parameters than production D1 accepts. */
export function stmt(db: Db, sql: string, ...params: unknown[]): D1PreparedStatement {
  if (params.length > D1_MAX_PARAMS) {
    throw new Error(`D1 statement binds ${params.length} parameters; the limit is ${D1_MAX_PARAMS}`);
  }
  return db.prepare(sql).bind(...params.map((p) => (p === undefined ? null : p)));
}

/**
 * Multi-row INSERT statements, each with at most 100 parameters.
 * `head` is e.g. "INSERT INTO t (a, b)"; `tail` an optional "ON CONFLICT … DO NOTHING".
 */
export function insertRows(
  db: Db,
  head: string,
  columns: number,
  rows: unknown[][],
  tail = '',
): D1PreparedStatement[] {
  if (columns > D1_MAX_PARAMS) throw new Error('too many columns for one D1 statement');
  const perStatement = Math.floor(D1_MAX_PARAMS / columns);
  const tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    for (const r of chunk) if (r.length !== columns) throw new Error('row width does not match columns');
    const sql = `${head} VALUES ${chunk.map(() => tuple).join(', ')} ${tail}`;
    out.push(stmt(db, sql, ...chunk.flat()));
  }
  return out;
}

/** Runs statements in batches (D1 runs a batch as one transaction), keeping each batch modest. */
export async function runBatches(db: Db, statements: D1PreparedStatement[], size = 200): Promise<void> {
  for (let i = 0; i < statements.length; i += size) {
    await db.batch(statements.slice(i, i + size));
  }
}

/** A list of ids as one JSON parameter, for `WHERE id IN (SELECT value FROM json_each(?1))`. */
export function jsonList(ids: readonly string[]): string {
  return JSON.stringify(ids);
}
