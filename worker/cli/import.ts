// Import a plan document.
//   npm run --silent import -- --dry-run --json <file>   print the parse as one JSON document
//   npm run import -- <file> [--persist-to DIR]          write it into the local D1 (as npm start does)
// <file>: .docx, .xlsx, .pdf (with a text layer), .html, or text in UTF-8/UTF-16/GB18030.
// wrangler (the local D1) is loaded only when writing: a dry run answers in well under 2 s.
import { basename } from 'node:path';
import { parsePlanDocument } from '../../shared/import';
import { ExtractError, type Extracted } from '../../shared/import/extract';
import type { ParsedPlan } from '../../shared/schemas/import';
import { readPlanFile } from './read-plan-file';

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

let extracted: Extracted;
try {
  extracted = await readPlanFile(file);
} catch (e) {
  if (e instanceof ExtractError) {
    if (asJson) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`);
    else process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  usage(`cannot read ${file}: ${(e as Error).message}`);
}
const text = extracted.text;

/** The CLI contract: the parse without internal fields such as source lines. */
function publicShape(parsed: ParsedPlan) {
  return {
    plan: parsed.plan,
    items: parsed.items.map(({ line: _line, ...item }) => item),
    warnings: parsed.warnings,
    source: { format: extracted.format, warnings: extracted.warnings },
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
    for (const w of extracted.warnings) console.log(`  ${extracted.format}: ${w}`);
  }
} else {
  const { withLocalEnv } = await import('./local-d1');
  const { importDocument } = await import('./seed-plans');
  const { databasesOf } = await import('../src/lib/databases');
  const result = await withLocalEnv(persistTo, (env) => importDocument(databasesOf(env), text, basename(file), new Date()));
  if (asJson) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.log(result.skipped ? `skipped: ${result.reason}` : `imported ${result.items} items as plan ${result.planId}`);
}
