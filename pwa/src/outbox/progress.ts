// An item's progress (上传中, each acknowledged photo, the report acknowledged) written to
// IndexedDB behind the uploads instead of in front of them: the next request starts at once, and
// while one write commits the changes that arrive meanwhile gather into the next one. Writes land
// in order; flush() waits for all of them (before the submit and before a failure is recorded, so
// what finished is on disk). A change lost to a crash before its write only means one idempotent
// PUT is sent again after the reload.
import type { OutboxItem } from '../db/schema';
import { patchOutboxItem } from './store';

export type ItemChange = (item: OutboxItem) => void;

export interface ProgressWriter {
  /** Queues a change of the stored item. */
  push(change: ItemChange): void;
  /** Resolves when every queued change is written; rejects if a write failed. */
  flush(): Promise<void>;
}

export function progressWriter(id: string): ProgressWriter {
  let pending: ItemChange[] = [];
  let chain: Promise<void> = Promise.resolve();
  let queued = false;

  const write = async () => {
    queued = false;
    const batch = pending;
    pending = [];
    await patchOutboxItem(id, (item) => {
      for (const change of batch) change(item);
    });
  };

  return {
    push(change) {
      pending.push(change);
      if (queued) return;
      queued = true;
      chain = chain.then(write);
      // A failed write surfaces at flush(); keep it from being reported as unhandled meanwhile.
      chain.catch(() => undefined);
    },
    flush: () => chain,
  };
}
