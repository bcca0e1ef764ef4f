// The one file that owns the IndexedDB schema (idb's typed DBSchema). Bump DB_VERSION and add
// an `if (oldVersion < N)` step for every change; never edit an earlier step.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '../../../shared/schemas/auth';
import type { Item, PlanSummary } from '../../../shared/schemas/plan';

export interface DubanDB extends DBSchema {
  /** Small named values: the signed-in user, sync cursor, settings. */
  meta: { key: string; value: unknown };
  plans: { key: string; value: PlanSummary };
  items: { key: string; value: Item; indexes: { byPlan: string } };
}

export const DB_NAME = 'duban';
export const DB_VERSION = 1;

let dbPromise: Promise<IDBPDatabase<DubanDB>> | null = null;

export function openDubanDB(): Promise<IDBPDatabase<DubanDB>> {
  dbPromise ??= openDB<DubanDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('plans', { keyPath: 'id' });
        db.createObjectStore('items', { keyPath: 'id' }).createIndex('byPlan', 'planId');
      }
    },
    blocking() {
      // A newer version of the app wants to upgrade: let it, this tab reloads on next use.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

/** For tests and sign-out: forget the open connection. */
export async function closeDubanDB(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  if (p) (await p).close();
}

export type MeRecord = Me;
