// The plan-document importer: published text (copied from a PDF or a web page, often OCR'd) →
// header, items and warnings (shared/schemas/import.ts). Pure and synchronous; runs in the worker,
// the PWA preview and the CLI alike. Anything it cannot place becomes a warning with its line.
import type { ParsedPlan } from '../schemas/import';
import { detectFormat, type PlanFormat } from './detect';
import { parseHeader } from './header';
import { parseInlineUnits } from './inline-units';
import { type DraftItem, Warnings, finishItems } from './items';
import { parseNarrative } from './narrative';
import { parsePipeTable } from './pipe-table';
import { splitLines } from './text';
import { parseTsvTable } from './tsv-table';

export { detectFormat, type PlanFormat } from './detect';
export { extractDeadline } from './deadline';
export { extractTargets } from './targets';
export { isPlaceholderUnit, normaliseUnitName, splitUnits } from './units';
export { splitLeaders } from './leaders';

const PARSERS: Record<PlanFormat, (lines: string[], warnings: Warnings) => DraftItem[]> = {
  tsv: parseTsvTable,
  pipe: parsePipeTable,
  inline: parseInlineUnits,
  narrative: parseNarrative,
};

export function parsePlanDocument(text: string, opts: { fileName?: string } = {}): ParsedPlan {
  const lines = splitLines(text);
  const warnings = new Warnings();
  const plan = parseHeader(lines, text, opts.fileName);
  if (!plan.issuer) warnings.add(1, '未找到发文机关（如“××区人民政府”），请在预览中填写');
  if (!plan.year) warnings.add(1, '未找到方案年度，请在预览中填写');
  const drafts = PARSERS[detectFormat(lines)](lines, warnings);
  const items = finishItems(drafts, plan.year, warnings);
  return { plan, items, warnings: warnings.sorted() };
}
