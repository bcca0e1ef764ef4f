// Sign-out on a shared phone: forget what this user could read, never what they have not sent.
import { CACHE_STORES, openDubanDB } from '../db/schema';

/** meta keys that describe the device, not the user: kept at sign-out. */
const DEVICE_KEYS = new Set(['storagePersist']);

export async function clearCachedData(): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction(['meta', ...CACHE_STORES], 'readwrite');
  const meta = tx.objectStore('meta');
  for (const key of await meta.getAllKeys()) if (!DEVICE_KEYS.has(String(key))) await meta.delete(key);
  await Promise.all(CACHE_STORES.map((s) => tx.objectStore(s).clear()));
  await tx.done;
}
