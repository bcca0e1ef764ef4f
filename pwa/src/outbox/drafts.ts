// Drafts of the report form, saved to IndexedDB as the user types, and the step that turns a
// finished draft into an outbox item (same client UUID, photo bytes stay in place).
import type { Location } from '../../../shared/schemas/common';
import type { ReportBody, TargetValue } from '../../../shared/schemas/report';
import { newVerifyCode } from '../../../shared/verify-code';
import { openDubanDB, type DraftRecord, type OutboxItem, type PhotoMeta } from '../db/schema';
import { EMPTY_FIELDS } from './draft-fields';
import { enqueue } from './store';

export function draftKey(userId: string, taskId: string): string {
  return `${userId}:${taskId}`;
}

export async function getDraft(userId: string, taskId: string): Promise<DraftRecord | undefined> {
  const db = await openDubanDB();
  return db.get('drafts', draftKey(userId, taskId));
}

export async function listDrafts(userId: string): Promise<DraftRecord[]> {
  const db = await openDubanDB();
  return db.getAllFromIndex('drafts', 'byUser', userId);
}

export function newDraft(userId: string, taskId: string, nowIso: string, reportId: string = crypto.randomUUID()): DraftRecord {
  return {
    key: draftKey(userId, taskId),
    userId,
    taskId,
    reportId,
    verifyCode: newVerifyCode(),
    fields: { ...EMPTY_FIELDS, targetValues: {} },
    photos: [],
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

/** Saves the text fields (and location); photos are changed only by addPhoto/removePhoto. */
export async function saveDraft(draft: DraftRecord): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction('drafts', 'readwrite');
  const stored = await tx.store.get(draft.key);
  await tx.store.put({ ...draft, photos: stored?.photos ?? draft.photos });
  await tx.done;
}

/**
 * Stores a processed photo and lists it on the draft, in one transaction: either both or
 * neither (a QuotaExceededError leaves the draft's text as it was).
 */
export async function addPhoto(draft: DraftRecord, meta: PhotoMeta, full: ArrayBuffer, thumb: ArrayBuffer): Promise<DraftRecord> {
  const db = await openDubanDB();
  const tx = db.transaction(['drafts', 'photoBlobs'], 'readwrite');
  const stored = (await tx.objectStore('drafts').get(draft.key)) ?? draft;
  const next: DraftRecord = { ...draft, photos: [...stored.photos.filter((p) => p.id !== meta.id), meta] };
  await tx.objectStore('photoBlobs').put({ id: meta.id, reportId: draft.reportId, full, thumb });
  await tx.objectStore('drafts').put(next);
  await tx.done;
  return next;
}

export async function removePhoto(draft: DraftRecord, photoId: string): Promise<DraftRecord> {
  const db = await openDubanDB();
  const tx = db.transaction(['drafts', 'photoBlobs'], 'readwrite');
  const stored = (await tx.objectStore('drafts').get(draft.key)) ?? draft;
  const next: DraftRecord = { ...draft, photos: stored.photos.filter((p) => p.id !== photoId) };
  await tx.objectStore('photoBlobs').delete(photoId);
  await tx.objectStore('drafts').put(next);
  await tx.done;
  return next;
}

export async function deleteDraft(draft: DraftRecord): Promise<void> {
  const db = await openDubanDB();
  const tx = db.transaction(['drafts', 'photoBlobs'], 'readwrite');
  await tx.objectStore('drafts').delete(draft.key);
  for (const p of draft.photos) if (!p.remote) await tx.objectStore('photoBlobs').delete(p.id);
  await tx.done;
}

export interface ReportContext {
  unitId?: string | null;
  period?: string;
  title: OutboxItem['title'];
}

export function bodyOf(draft: DraftRecord, ctx: ReportContext, capturedAt: string): ReportBody {
  const targetValues: TargetValue[] = [];
  for (const [targetId, raw] of Object.entries(draft.fields.targetValues)) {
    if (raw.trim() === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value)) targetValues.push({ targetId, value });
  }
  const f = draft.fields;
  return {
    taskId: draft.taskId,
    ...(ctx.unitId ? { unitId: ctx.unitId } : {}),
    ...(ctx.period ? { period: ctx.period } : {}),
    status: f.status,
    percent: f.percent,
    targetValues,
    progress: f.progress.trim(),
    problems: f.problems.trim(),
    nextSteps: f.nextSteps.trim(),
    capturedAt,
    ...(draft.location ? { location: cleanLocation(draft.location) } : {}),
    ...(draft.verifyCode ? { verifyCode: draft.verifyCode } : {}),
    photos: draft.photos.map((p) => ({
      id: p.id,
      takenAt: p.takenAt,
      ...(p.location ? { location: cleanLocation(p.location) } : {}),
    })),
  };
}

function cleanLocation(l: Location): Location {
  return { lat: l.lat, lng: l.lng, ...(l.accuracy !== undefined ? { accuracy: Math.min(100_000, Math.round(l.accuracy)) } : {}) };
}

/** 提交: the draft becomes an outbox item (the draft is removed in the same transaction). */
export async function queueDraft(draft: DraftRecord, ctx: ReportContext, nowIso: string): Promise<OutboxItem> {
  return enqueue(
    {
      id: draft.reportId,
      userId: draft.userId,
      taskId: draft.taskId,
      title: ctx.title,
      body: bodyOf(draft, ctx, nowIso),
      photos: draft.photos.map((p) => ({ ...p, sent: !!p.remote, thumbSent: !!p.remote })),
      reportSent: false,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      queuedAt: nowIso,
      submittedAt: null,
      verifyCode: draft.verifyCode ?? '',
    },
    draft.key,
  );
}
