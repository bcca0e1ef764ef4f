// The meta store's small named values, typed by MetaKeys (schema.ts): getMeta('syncCursor') is a
// string, setMeta('me', 42) and getMeta('syncCursr') do not compile.
import type { IDBPObjectStore, StoreNames } from 'idb';
import { openDubanDB, type DubanDB, type MetaKey, type MetaKeys } from './schema';

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaKeys[K] | undefined> {
  const db = await openDubanDB();
  return (await db.get('meta', key)) as MetaKeys[K] | undefined;
}

export async function setMeta<K extends MetaKey>(key: K, value: MetaKeys[K]): Promise<void> {
  const db = await openDubanDB();
  await db.put('meta', value, key);
}

export async function deleteMeta(key: MetaKey): Promise<void> {
  const db = await openDubanDB();
  await db.delete('meta', key);
}

/** setMeta inside a transaction that writes other stores too (a sync page and its cursor). */
export async function setMetaIn<K extends MetaKey, TxStores extends ArrayLike<StoreNames<DubanDB>>>(
  store: IDBPObjectStore<DubanDB, TxStores, 'meta', 'readwrite'>,
  key: K,
  value: MetaKeys[K],
): Promise<void> {
  await store.put(value, key);
}
