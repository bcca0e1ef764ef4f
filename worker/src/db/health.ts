// The health check's probe: one trivial query, so the health route can say whether D1 answers.
import { stmt } from '../lib/d1';

export async function pingDb(db: D1Database): Promise<void> {
  await stmt(db, 'SELECT 1').first();
}
