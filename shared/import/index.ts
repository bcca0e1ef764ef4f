// The plan-document importer: published text (copied from a PDF or a web page, often OCR'd, or the
// text of a .docx/.xlsx/HTML table: a row a line, cells joined by TAB) → header, items and warnings
// (shared/schemas/import.ts). Pure and synchronous; runs in the worker, the PWA preview and the CLI
// alike. Anything it cannot place becomes a warning with its line.
import type { ParsedPlan } from '../schemas/import';
import { detectFormat, type PlanFormat } from './detect';
import { readDocRules, type DocRules } from './doc-rules';
import { parseHeader } from './header';
import { parseHeaderTable } from './header-table';
import { parseInlineUnits } from './inline-units';
import { type DraftItem, Warnings, finishItems } from './items';
import { parseNarrative } from './narrative';
import { looksLikeNotice, noticeEnd, readReportingRule } from './notice';
import { parsePipeTable } from './pipe-table';
import { splitLines } from './text';
import { parseTsvTable } from './tsv-table';

export { detectFormat, type PlanFormat } from './detect';
export { extractDeadline } from './deadline';
export { extractTargets } from './targets';
export { isPlaceholderUnit, normaliseUnitName, splitUnits } from './units';
export { splitLeaders } from './leaders';
export { readReportingRule } from './notice';

const PARSERS: Record<PlanFormat, (lines: string[], warnings: Warnings, rules: DocRules) => DraftItem[]> = {
  table: parseHeaderTable,
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
  const rules = readDocRules(lines);
  // The notice in front of the plan is not read for items (its 一、二、 are requirements).
  const end = noticeEnd(lines);
  const body = end >= 0 ? lines.map((l, i) => (i <= end ? '' : l)) : lines;
  const format = detectFormat(body);
  let drafts: DraftItem[];
  if (format === 'narrative' && looksLikeNotice(lines)) {
    drafts = [];
    warnings.add(1, '只找到印发通知，没有找到任务清单（附件中的任务表可能没有一起复制进来），请粘贴或上传任务表');
  } else drafts = PARSERS[format](body, warnings, rules);
  const items = finishItems(drafts, plan.year, warnings);
  const firstItemLine = Math.min(...items.map((i) => i.line ?? lines.length + 1), lines.length + 1);
  Object.assign(plan, readReportingRule(lines.slice(0, firstItemLine - 1)));
  return { plan, items, warnings: warnings.sorted() };
}
