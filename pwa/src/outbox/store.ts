// The outbox in IndexedDB: every function is one short transaction, so no fetch ever runs
// while a transaction is open (a transaction auto-commits at the first await on anything else).
import type { Report } from '../../../shared/schemas/report';
import { openDubanDB, type DraftRecord, type OutboxItem, type PhotoBlobRecord } from '../db/schema';
import { draftFieldsOf } from './draft-fields';
import { notifyOutboxChanged } from './signal';

/** Submitted records are kept this long for the 已提交 list, and at most this many. */
const KEEP_SUBMITTED_MS = 3 * 24 * 3600 * 1000;
const KEEP_SUBMITTED_MAX = 30;

export async function listOutbox(): Promise<OutboxItem[]> {
  const db = await openDubanDB();
  return db.getAllFromIndex('outbox', 'bySeq');
}

/**
 * The first item of this user still to send (queued, or left sending by a closed tab), in queue
 * order, after `afterSeq` (a drain passes the seq of the item it just handled: everything before
 * it was handled in this pass). Walks the queue with a cursor and stops at the first match:
 * reading the whole queue (every report body) before each item made a long drain quadratic, and
 * starting each walk at the head re-read every 已提交 record kept for the list.
 */
export async function nextToSend(userId: string, afterSeq?: number): Promise<OutboxItem | undefined> {
  const db = await openDubanDB();
  const range = afterSeq === undefined ? null : IDBKeyRange.lowerBound(afterSeq, true);
  for (let cursor = await db.transaction('outbox').store.index('bySeq').openCursor(range); cursor; cursor = await cursor.continue()) {
    const i = cursor.value;
    if (i.userId === userId && (i.state === 'queued' || i.state === 'sending')) return i;
  }
  return undefined;
}

export async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  const db = await openDubanDB();
  return db.get('outbox', id);
}

export function isUnsent(item: OutboxItem): boolean {
  return item.state !== 'submitted';
}

/** Read-modify-write of one item in one transaction; returns the new value (undefined if gone). */
export async function patchOutboxItem(id: string, change: (item: OutboxItem) => void): Promise<OutboxItem | undefined> {
  const db = await openDubanDB();
  const tx = db.transaction('outbox', 'readwrite');
  const item = await tx.store.get(id);
  if (item) {
    change(item);
    await tx.store.put(item);
  }
  await tx.done;
  notifyOutboxChanged();
  return item;
}

/**
 * The bytes (full and thumbnail) of several photos, read in one transaction; each promise settles
 * on its own, so the first upload starts while the other records are still being read.
 */
export function getPhotoRecords(photoIds: string[]): Map<string, Promise<PhotoBlobRecord | undefined>> {
  const reads = openDubanDB().then((db) => {
    const store = db.transaction('photoBlobs').store;
    return photoIds.map((id) => store.get(id));
  });
  return new Map(photoIds.map((id, n) => [id, reads.then((all) => all[n]!)]));
}

/**
 * Moves a finished draft into the outbox (same client UUID, photo bytes stay where they are) in
 * one transaction, after the end of the queue.
 */
export async function enqueue(item: Omit<OutboxItem, 'seq'>, draftKey?: string): Promise<OutboxItem> {
  const db = await openDubanDB();
  const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const last = await outbox.index('bySeq').openCursor(null, 'prev');
  const existing = await outbox.get(item.id);
  // Re-queuing an item (after a fix) keeps its place; a new one goes last.
  const seq = existing ? existing.seq : (last?.value.seq ?? 0) + 1;
  const full: OutboxItem = { ...item, seq };
  await outbox.put(full);
  if (draftKey) await tx.objectStore('drafts').delete(draftKey);
  await tx.done;
  notifyOutboxChanged();
  return full;
}

/**
 * The server accepted the final submit: keep a short 已提交 record, drop the photo bytes, and
 * cache the server's report so the task screen shows it at once.
 */
export async function markSubmitted(id: string, report: Report | null, at: string): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction(['outbox', 'photoBlobs', 'reports'], 'readwrite');
  const item = await tx.objectStore('outbox').get(id);
  if (item) {
    item.state = 'submitted';
    item.submittedAt = at;
    item.lastError = null;
    for (const p of item.photos) {
      p.sent = true;
      p.thumbSent = true;
    }
    await tx.objectStore('outbox').put(item);
  }
  // Only this item's photos: a draft amending the same report may hold new ones.
  const blobs = tx.objectStore('photoBlobs');
  for (const p of item?.photos ?? []) await blobs.delete(p.id);
  if (report) await tx.objectStore('reports').put(report);
  await tx.done;
  notifyOutboxChanged();
}

/** Forgets old 已提交 records (never an unsent one). */
export async function pruneSubmitted(nowMs: number): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction('outbox', 'readwrite');
  const submitted = (await tx.store.getAll())
    .filter((i) => i.state === 'submitted')
    .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
  let changed = false;
  for (const [n, item] of submitted.entries()) {
    const age = nowMs - Date.parse(item.submittedAt ?? item.queuedAt);
    if (n >= KEEP_SUBMITTED_MAX || age > KEEP_SUBMITTED_MS) {
      await tx.store.delete(item.id);
      changed = true;
    }
  }
  await tx.done;
  if (changed) notifyOutboxChanged();
}

/** Takes an item the server refused (需处理) back into the form, photos included. */
export async function returnToDraft(id: string, nowIso: string): Promise<DraftRecord | null> {
  const db = await openDubanDB();
  const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
  const item = await tx.objectStore('outbox').get(id);
  if (!item || item.state === 'submitted') {
    await tx.done;
    return null;
  }
  const b = item.body;
  const draft: DraftRecord = {
    key: `${item.userId}:${item.taskId}`,
    userId: item.userId,
    taskId: item.taskId,
    reportId: item.id,
    ...(b.period ? { period: b.period } : {}),
    fields: draftFieldsOf(b),
    ...(b.location ? { location: b.location } : {}),
    photos: item.photos.map(({ sent: _s, thumbSent: _t, ...meta }) => meta),
    createdAt: item.queuedAt,
    updatedAt: nowIso,
    ...(item.lastError ? { serverMessage: item.lastError.message } : {}),
  };
  await tx.objectStore('drafts').put(draft);
  await tx.objectStore('outbox').delete(id);
  await tx.done;
  notifyOutboxChanged();
  return draft;
}

/** Deletes an unsent item and its photos for good (the user confirmed). */
export async function discardOutboxItem(id: string): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction(['outbox', 'photoBlobs'], 'readwrite');
  const item = await tx.objectStore('outbox').get(id);
  await tx.objectStore('outbox').delete(id);
  const blobs = tx.objectStore('photoBlobs');
  for (const p of item?.photos ?? []) await blobs.delete(p.id);
  await tx.done;
  notifyOutboxChanged();
}
