// Importer speed: parses each seed document and each real document of test/golden/docs 50 times and prints median / p95 milliseconds and the
// item counts; then imports each once into a fresh local D1 (parse + write) and prints the time.
// A standalone script, not a vitest test:  npx tsx test/bench/import.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePlanDocument } from '../../shared/import';

const RUNS = 50;
const seedsDir = new URL('../../seeds/', import.meta.url);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// The seeds, then the real documents of other places kept for the golden tests.
const goldenDocsDir = new URL('../golden/docs/', import.meta.url);
const documents = [
  ...readdirSync(seedsDir).sort().map((f) => new URL(f, seedsDir)),
  ...readdirSync(goldenDocsDir).filter((f) => f.endsWith('.txt') && !f.endsWith('.source.txt')).sort().map((f) => new URL(f, goldenDocsDir)),
];

const rows: string[][] = [['document', 'median ms', 'p95 ms', 'indicators', 'tasks', 'drafts', 'warnings']];
for (const url of documents) {
  const file = decodeURIComponent(url.pathname.split('/').pop()!);
  const text = readFileSync(url, 'utf8');
  parsePlanDocument(text, { fileName: file }); // warm-up (JIT, regex compilation)
  const times: number[] = [];
  let result = parsePlanDocument(text, { fileName: file });
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = parsePlanDocument(text, { fileName: file });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const count = (kind: string) => String(result.items.filter((item) => item.kind === kind).length);
  rows.push([
    file,
    percentile(times, 50).toFixed(2),
    percentile(times, 95).toFixed(2),
    count('indicator'),
    count('task'),
    count('draft'),
    String(result.warnings.length),
  ]);
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));

// The whole import into a fresh local D1 (parse + every row written, as `npm start` seeds it):
// one run per document, in the seeding order (a noisier OCR copy of a plan already imported is
// skipped, as seeding does).
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { applyLocalMigrations, withLocalEnv } = await import('../../worker/cli/local-d1');
const { importDocument } = await import('../../worker/cli/seed-plans');
const { seedFiles } = await import('../../worker/cli/seed');
const persistTo = mkdtempSync(join(tmpdir(), 'duban-bench-import-'));
try {
  await applyLocalMigrations(persistTo);
  const written: string[][] = [['document → local D1', 'ms', 'items', 'outcome']];
  await withLocalEnv(persistTo, async (env) => {
    for (const file of seedFiles(seedsDir.pathname)) {
      const text = readFileSync(new URL(file, seedsDir), 'utf8');
      const start = performance.now();
      const outcome = await importDocument(env.DB, text, file, new Date());
      const took = performance.now() - start;
      written.push([file, took.toFixed(0), 'items' in outcome ? String(outcome.items) : '–', outcome.skipped ? `skipped: ${outcome.reason}` : 'imported']);
    }
  });
  console.log('');
  const w = written[0]!.map((_, c) => Math.max(...written.map((r) => r[c]!.length)));
  for (const row of written) console.log(row.map((cell, c) => (c === 0 || c === 3 ? cell.padEnd(w[c]!) : cell.padStart(w[c]!))).join('  '));
} finally {
  rmSync(persistTo, { recursive: true, force: true });
}
