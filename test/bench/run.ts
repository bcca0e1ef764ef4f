// npm run bench: runs every benchmark in test/bench/ one after another and prints their figures.
// Benchmarks are not tests: they never fail the build on time. `npm run bench -- import` runs
// only the benchmarks whose file name contains "import".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2];
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();
console.log(`machine: ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${f} exited with ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
