// Storage on the phone: ask for persistent storage (so the browser does not evict the outbox
// under pressure), remember the answer for Settings, and warn before photos fill the disk.
import { getMeta, setMeta } from '../db/meta';

export const PERSIST_KEY = 'storagePersist';

export interface PersistRecord {
  /** true/false: the browser's answer; null: the API does not exist here. */
  granted: boolean | null;
  askedAt: string;
}

export async function requestPersistence(): Promise<PersistRecord> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  let granted: boolean | null = null;
  if (storage?.persisted) {
    try {
      granted = (await storage.persisted()) || (storage.persist ? await storage.persist() : false);
    } catch {
      granted = false;
    }
  }
  const rec: PersistRecord = { granted, askedAt: new Date().toISOString() };
  await setMeta(PERSIST_KEY, rec);
  return rec;
}

export async function persistRecord(): Promise<PersistRecord | null> {
  return (await getMeta(PERSIST_KEY)) ?? null;
}

export interface StorageEstimate {
  usage: number;
  quota: number;
}

export async function estimateStorage(): Promise<StorageEstimate | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    if (!e || e.quota === undefined || e.usage === undefined) return null;
    return { usage: e.usage, quota: e.quota };
  } catch {
    return null;
  }
}

/** Room for this many photos (about 0.5 MB each with the thumbnail) is "nearly full". */
const LOW_SPACE_BYTES = 30 * 1024 * 1024;

/** A Chinese warning when storage is nearly full, null when there is room. */
export function lowSpaceWarning(e: StorageEstimate | null): string | null {
  if (!e) return null;
  const free = e.quota - e.usage;
  if (free > LOW_SPACE_BYTES && e.usage / e.quota < 0.95) return null;
  return `手机上可供本应用使用的存储空间即将用完（剩余约 ${formatBytes(Math.max(0, free))}），照片可能无法保存。请先上传待发送的报告或清理手机空间。`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export const QUOTA_MESSAGE = '手机存储空间不足，这张照片没有保存；已填写的文字都已保留。请清理手机空间或先上传待发送的报告后再添加照片。';
