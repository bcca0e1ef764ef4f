// The one source of randomness for tests, benchmarks and world builders: a seeded PRNG
// (mulberry32), so a run that failed — or a figure that looked odd — can be repeated with the same
// numbers. The seed is TEST_SEED from the environment when set, else the caller's fixed default
// (the same data on every run); it is printed so the log says how to repeat the run.
// Runs in Node and in workerd (no process there without nodejs_compat: the default seed is used).

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

/** This run's seed: TEST_SEED when it is set to an integer, else `fallback`. */
export function runSeed(fallback: number): number {
  const fromEnv = env?.TEST_SEED;
  return fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : fallback;
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

/** An integer in [0, n). */
export const below = (rand: () => number, n: number): number => Math.floor(rand() * n);

/** One element of `xs`. */
export const pickWith = <T>(rand: () => number, xs: readonly T[]): T => xs[below(rand, xs.length)]!;
