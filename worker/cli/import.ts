// Import a plan document.
//   npm run --silent import -- --dry-run --json <file>   print the parse as one JSON document
//   npm run import -- <file> [--persist-to DIR]          write it into the local D1 (as npm start does)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parsePlanDocument } from '../../shared/import';
import type { ParsedPlan } from '../../shared/schemas/import';
import { importDocument } from './seed-plans';
import { withLocalEnv } from './local-d1';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write('usage: npm run --silent import -- [--dry-run] [--json] [--persist-to DIR] <file>\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let dryRun = false;
let asJson = false;
let persistTo: string | undefined;
let file: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--dry-run') dryRun = true;
  else if (a === '--json') asJson = true;
  else if (a === '--persist-to') persistTo = args[++i] ?? usage('--persist-to needs a folder');
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (file) usage('one file at a time');
  else file = a;
}
if (!file) usage();

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  usage(`cannot read ${file}: ${(e as Error).message}`);
}

/** The CLI contract: the parse without internal fields such as source lines. */
function publicShape(parsed: ParsedPlan) {
  return {
    plan: parsed.plan,
    items: parsed.items.map(({ line: _line, ...item }) => item),
    warnings: parsed.warnings,
  };
}

if (dryRun) {
  const parsed = parsePlanDocument(text, { fileName: basename(file) });
  if (asJson) {
    process.stdout.write(`${JSON.stringify(publicShape(parsed), null, 2)}\n`);
  } else {
    const kinds = parsed.items.reduce<Record<string, number>>((m, it) => ((m[it.kind] = (m[it.kind] ?? 0) + 1), m), {});
    console.log(`${parsed.plan.title} (${parsed.plan.docNumber ?? '无文号'})`);
    console.log(`items: ${JSON.stringify(kinds)}  warnings: ${parsed.warnings.length}`);
    for (const w of parsed.warnings) console.log(`  line ${w.line}: ${w.message}`);
  }
} else {
  const result = await withLocalEnv(persistTo, (env) => importDocument(env.DB, text, basename(file), new Date()));
  if (asJson) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.log(result.skipped ? `skipped: ${result.reason}` : `imported ${result.items} items as plan ${result.planId}`);
}
