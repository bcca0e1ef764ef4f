// The one source of randomness for tests, benchmarks and world builders: a seeded PRNG
// (mulberry32), so a run that failed — or a figure that looked odd — can be repeated with the same
// numbers. The seed is TEST_SEED from the environment when set, else the caller's fixed default
// (the same data on every run); it is printed so the log says how to repeat the run.
// Runs in Node and in workerd (where test/worker/setup.ts passes TEST_SEED in from a binding).
import { pick, seeded } from '../../worker/cli/demo-texts';

/** mulberry32, the same generator the demo history uses (worker/cli/demo-texts.ts). */
export const mulberry32 = seeded;
export { pick };

let fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.TEST_SEED;

/** Where there is no process environment (workerd), its setup file passes TEST_SEED in. */
export function setSeedFromEnvironment(value: string | undefined): void {
  if (value) fromEnvironment = value;
}

/** This run's seed: TEST_SEED when it is set to an integer, else `fallback`. */
export function runSeed(fallback: number): number {
  return fromEnvironment !== undefined && /^\d+$/.test(fromEnvironment) ? Number(fromEnvironment) : fallback;
}

/** Says in the log which seed `label` uses and how to repeat the run. */
export function printSeed(label: string, seed: number): void {
  console.log(`[seed] ${label}: ${seed} (repeat with TEST_SEED=${seed})`);
}

/** A seeded random source for `label`; prints its seed. */
export function seededRandom(label: string, fallback: number): () => number {
  const seed = runSeed(fallback);
  printSeed(label, seed);
  return mulberry32(seed);
}
