// App start paints what the phone has cached first, and only then talks to the network.
// The session check, the sync pull, the outbox drain's start, the unread and carryover refreshes
// and the service worker's registration all wait for the first screen painted from IndexedDB:
// started earlier, their answers (JSON, IndexedDB transactions, re-renders) competed with that
// paint on the main thread and in IndexedDB, and online start-up was 15–30 % slower than offline
// (docs/SCALE.md, "Opening the app"). Offline and online thus do the same work before the paint.
//
// Who paints holds the gate while it waits for its data: the app while the session is read
// (one hold from the start), the lazy screen while its chunk loads, a screen while its cached
// rows load. Holds are taken during render and released in effects (which preact runs after the
// frame is painted), so the count cannot touch zero between a parent's release and a child's hold.
import { useEffect, useState } from 'preact/hooks';

/** The most app start waits for the first paint before starting the network work anyway. */
export const FIRST_PAINT_MAX_WAIT_MS = 3_000;

let holds = 1; // the app's own hold until the session is known (releaseStartHold)
let settled = false;
let painted = false;
const waiting: Array<() => void> = [];

/** The longest a visible page waits for its next frame before starting anyway. */
const FRAME_WAIT_MS = 1_000;

/**
 * Runs fn once the frame now being produced has been painted. Preact runs effects after at most
 * 100 ms even without a frame, and a loaded phone may take longer than that to produce one at
 * start: a visible page waits for the frame itself. A hidden tab gets no frames: it goes on now.
 */
function afterFrame(fn: () => void): void {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    setTimeout(fn, 0);
  };
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (visible && typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  setTimeout(run, visible ? FRAME_WAIT_MS : 0);
}

function settle(): void {
  if (settled) return;
  settled = true;
  afterFrame(() => {
    painted = true;
    for (const fn of waiting.splice(0)) fn();
  });
}

if (typeof window !== 'undefined') setTimeout(settle, FIRST_PAINT_MAX_WAIT_MS);

function oneRelease(): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) settle();
  };
}

const releaseStart = oneRelease();

/** Keeps the network work waiting until the returned function is called (once). */
export function holdFirstPaint(): () => void {
  if (settled) return () => undefined;
  holds++;
  return oneRelease();
}

/** The app knows who is signed in (or that nobody is) and has rendered accordingly. */
export function releaseStartHold(): void {
  releaseStart();
}

/** Resolves once the first screen has been painted (at once after that). */
export function firstPainted(): Promise<void> {
  if (painted) return Promise.resolve();
  return new Promise((resolve) => void waiting.push(resolve));
}

/** Runs fn after the first paint (at once after that). */
export function afterFirstPaint(fn: () => void): void {
  if (painted) fn();
  else waiting.push(fn);
}

/**
 * A screen that paints from cached data holds the gate from its first render until `ready`
 * (its data is on screen) — or until it goes away.
 */
export function usePaintHold(ready: boolean): void {
  const [release] = useState(holdFirstPaint);
  useEffect(() => {
    if (ready) release();
  }, [ready, release]);
  useEffect(() => release, [release]);
}
