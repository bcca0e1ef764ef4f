// The one file that owns the IndexedDB schema (idb's typed DBSchema). Bump DB_VERSION and add
// an `if (oldVersion < N)` step for every change; never edit an earlier step.
//
// One writer per store — every put/add/delete/clear goes through that module's functions:
//   plans, items       sync/ (pull.ts: sync pages; cache.ts: plan lists fetched by the office
//                      screens, and clearing at sign-out)
//   reports,           sync/ (pull.ts, cache.ts); outbox/store.ts markSubmitted also puts the
//   instructions       report the server acknowledged, in the transaction that marks it sent
//   outbox             outbox/store.ts
//   drafts             outbox/drafts.ts (outbox/store.ts moves a draft in and out of the queue
//                      in the same transaction as the outbox record)
//   photoBlobs         outbox/drafts.ts (adds), outbox/store.ts (drops them once sent or discarded)
//   meta               db/meta.ts (getMeta/setMeta, typed by MetaKeys below); sync/cache.ts
//                      clears it at sign-out, sync/pull.ts moves the cursor with each page
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '../../../shared/schemas/auth';
import type { CarryoverEntry } from '../../../shared/schemas/carryover';
import type { Location } from '../../../shared/schemas/common';
import type { DashboardResponse } from '../../../shared/schemas/dashboard';
import type { Item, PlanSummary } from '../../../shared/schemas/plan';
import type { Instruction, Report, ReportBody, ReportStatus, UnreadThreadsResponse } from '../../../shared/schemas/report';
import type { PersistRecord } from '../outbox/storage';

/**
 * Every key of the meta store with the type of its value (and the module that writes it), so a
 * typo or a value of the wrong type is a compile error.
 */
export interface MetaKeys {
  /** The last signed-in user, so the app opens offline (state/session.ts). */
  me: Me;
  /** Where the next sync page starts, and when the last one landed (sync/pull.ts). */
  syncCursor: string;
  syncedAt: string;
  /** The browser's answer to navigator.storage.persist() (outbox/storage.ts). Kept at sign-out. */
  storagePersist: PersistRecord;
  /** Unread 批示 / 落实情况 per task (state/threads.ts). */
  unreadThreads: UnreadThreadsResponse['tasks'];
  /** 上年度未结 (components/carryover.tsx). */
  carryover: CarryoverEntry[];
  /** The last dashboard of each plan, for 总览 without signal (state/leader.ts). */
  [planDashboard: `dashboard:${string}`]: DashboardResponse;
}

export type MetaKey = keyof MetaKeys & string;

/** A photo as the phone processed it: resized, watermarked JPEG plus a 320 px thumbnail. */
export interface PhotoMeta {
  id: string;
  /** Phone time of capture (ISO). */
  takenAt: string;
  location?: Location;
  width: number;
  height: number;
  size: number;
  thumbSize: number;
  /** Hex SHA-256 of the JPEG bodies, sent as x-content-sha256. */
  sha256: string;
  thumbSha256: string;
  /** Already on the server (a returned report being amended): declared, never uploaded again. */
  remote?: boolean;
  /** For a remote photo: where the server serves its thumbnail. */
  thumbUrl?: string | null;
}

/** The bytes of one photo (draft or queued). ArrayBuffers, not Blobs: every engine stores them. */
export interface PhotoBlobRecord {
  id: string;
  reportId: string;
  full: ArrayBuffer;
  thumb: ArrayBuffer;
}

/** What the report form holds, saved as the user types (one draft per user and task). */
export interface DraftFields {
  status: ReportStatus;
  percent: number;
  /** targetId → the value as typed (kept as text so "12." survives a save). */
  targetValues: Record<string, string>;
  progress: string;
  problems: string;
  nextSteps: string;
}

export interface DraftRecord {
  /** `${userId}:${taskId}` */
  key: string;
  userId: string;
  taskId: string;
  /** The client UUID the report will carry. */
  reportId: string;
  /**
   * The 核验码 burnt into this draft's photos: random, drawn when the draft is created (offline),
   * sent with the report (shared/verify-code.ts). Absent on drafts saved by an older app.
   */
  verifyCode?: string;
  /** The period the report is for (the server's word when it was reachable). */
  period?: string;
  fields: DraftFields;
  location?: Location;
  photos: PhotoMeta[];
  createdAt: string;
  updatedAt: string;
  /** Set when the draft came back from the outbox to be fixed: what the server said. */
  serverMessage?: string;
}

export type OutboxState = 'queued' | 'sending' | 'needs_action' | 'submitted';

export interface OutboxPhoto extends PhotoMeta {
  sent: boolean;
  thumbSent: boolean;
}

export interface OutboxError {
  status: number;
  code: string;
  message: string;
  at: string;
}

/** A report waiting to reach the server, keyed by its client UUID. */
export interface OutboxItem {
  id: string;
  /** Queue order: drained lowest first. */
  seq: number;
  userId: string;
  taskId: string;
  /** For the list: task number and text, unit, period. */
  /** label: 指标 N / 任务 N (shared itemLabel); items queued before it existed have only the number. */
  title: { number: string; label?: string; text: string; unitName: string; period?: string };
  body: ReportBody;
  photos: OutboxPhoto[];
  /** PUT /api/reports/:id acknowledged for the current body. */
  reportSent: boolean;
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which automatic retries wait (backoff). */
  nextAttemptAt: number;
  lastError: OutboxError | null;
  queuedAt: string;
  submittedAt: string | null;
  verifyCode: string;
}

export interface DubanDB extends DBSchema {
  /** Small named values: the signed-in user, sync cursor, settings (MetaKeys). */
  meta: { key: MetaKey; value: MetaKeys[MetaKey] };
  plans: { key: string; value: PlanSummary };
  items: { key: string; value: Item; indexes: { byPlan: string } };
  // v2: the field app.
  outbox: { key: string; value: OutboxItem; indexes: { bySeq: number } };
  photoBlobs: { key: string; value: PhotoBlobRecord; indexes: { byReport: string } };
  drafts: { key: string; value: DraftRecord; indexes: { byUser: string } };
  reports: { key: string; value: Report; indexes: { byTask: string } };
  instructions: { key: string; value: Instruction; indexes: { byItem: string } };
}

export const DB_NAME = 'duban';
export const DB_VERSION = 2;

/** Stores that only mirror the server: cleared at sign-out (never outbox, photoBlobs, drafts). */
export const CACHE_STORES = ['plans', 'items', 'reports', 'instructions'] as const;

let dbPromise: Promise<IDBPDatabase<DubanDB>> | null = null;

export function openDubanDB(): Promise<IDBPDatabase<DubanDB>> {
  dbPromise ??= openDB<DubanDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('plans', { keyPath: 'id' });
        db.createObjectStore('items', { keyPath: 'id' }).createIndex('byPlan', 'planId');
      }
      if (oldVersion < 2) {
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('bySeq', 'seq');
        db.createObjectStore('photoBlobs', { keyPath: 'id' }).createIndex('byReport', 'reportId');
        db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('byUser', 'userId');
        db.createObjectStore('reports', { keyPath: 'id' }).createIndex('byTask', 'taskId');
        db.createObjectStore('instructions', { keyPath: 'id' }).createIndex('byItem', 'itemId');
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
