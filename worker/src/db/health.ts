// The health check's probe: one trivial query, so the health route can say whether D1 answers.
import { stmt, type Db } from '../lib/d1';

export async function pingDb(db: Db): Promise<void> {
  await stmt(db, 'SELECT 1').first();
}
