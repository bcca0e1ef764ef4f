// Importer speed: parses each seed document 50 times and prints median / p95 milliseconds and the
// item counts. A standalone script, not a vitest test:  npx tsx test/bench/import.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePlanDocument } from '../../shared/import';

const RUNS = 50;
const seedsDir = new URL('../../seeds/', import.meta.url);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const rows: string[][] = [['document', 'median ms', 'p95 ms', 'indicators', 'tasks', 'drafts', 'warnings']];
for (const file of readdirSync(seedsDir).sort()) {
  const text = readFileSync(new URL(file, seedsDir), 'utf8');
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
