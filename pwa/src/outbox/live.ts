// The whole outbox as last read, shared by the tab badge's summary (runtime.ts) and the 待上传
// screen: one read per outbox change instead of one per reader. While a long queue drains, the
// engine writes progress many times a second; reading and rendering all items for each reader
// on every write cost more than the uploads' own IndexedDB work.
import type { OutboxItem } from '../db/schema';
import { createStore } from '../lib/store';
import { onOutboxChanged } from './signal';
import { listOutbox } from './store';

/** null until the first read lands. */
export const outboxItemsStore = createStore<OutboxItem[] | null>(null);

let reading = false;
let again = false;

/** Reads the outbox and publishes it; a call during a read gets one more read after it. */
export async function refreshOutboxItems(): Promise<void> {
  if (reading) {
    again = true;
    return;
  }
  reading = true;
  try {
    do {
      again = false;
      try {
        outboxItemsStore.set(await listOutbox());
      } catch {
        // IndexedDB refused this read (storage pressure, closing tab): keep the last list shown.
      }
    } while (again);
  } finally {
    reading = false;
  }
}

let watching = false;

/** Keeps outboxItemsStore current from now on (idempotent). */
export function watchOutboxItems(): void {
  if (watching) return;
  watching = true;
  onOutboxChanged(() => void refreshOutboxItems());
  void refreshOutboxItems();
}
