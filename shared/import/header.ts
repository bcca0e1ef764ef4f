// The plan's own header: title, issuing government, document number (文号) and plan year.
import type { ParsedPlanHeader } from '../schemas/import';
import { cleanText } from './text';

/** How plan titles end. */
const TITLE_END =
  /(分解方案|落实方案|实施方案|分工方案|工作方案|任务清单|责任清单|工作要点|任务分解|责任分工|目标任务|工作计划|工作安排|任务书|项目清单|政府工作报告|工作报告)$/;

/** 吴政发〔2024〕1号, also printed with [] 【】 () ［］ or 〔 〕 spaced. */
const DOC_NUMBER = /([\u4e00-\u9fff]{1,8})\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号/;

function findTitle(lines: string[], fileName?: string): string {
  let attachment: string | null = null;
  let notice: string | null = null;
  for (const raw of lines) {
    const line = cleanText(raw);
    if (!line || line.length > 60) continue;
    const bare = line.replace(/^附件\d*[:：]?/, '').replace(/^《(.*)》$/, '$1');
    if (!TITLE_END.test(bare)) {
      if (!notice && /^.{4,50}的通知$/.test(line)) notice = line;
      continue;
    }
    if (bare !== line) {
      attachment ??= bare;
      continue;
    }
    return bare;
  }
  if (attachment) return attachment;
  if (notice) return notice;
  if (fileName) return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return cleanText(lines.find((l) => cleanText(l)) ?? '');
}

function findIssuer(lines: string[], text: string): string {
  for (const raw of lines.slice(0, 80)) {
    const line = cleanText(raw);
    const m = /^(.{2,20}?(?:省|市|区|县|旗|州)人民政府)(?:办公室)?(?:文件)?$/.exec(line);
    if (m) return m[1]!;
  }
  // A work report names its government only through the Party committee it answers to.
  const committee = /中共([\u4e00-\u9fff]{2,8}?[省市区县])委/.exec(text);
  if (committee) return `${committee[1]}人民政府`;
  const anywhere = /([\u4e00-\u9fff]{2,8}?[市区县])人民政府/.exec(text.replace(/\s+/g, ''));
  return anywhere ? `${anywhere[1]}人民政府` : '';
}

function findYear(title: string, docNumber: string | null, text: string): number {
  const fromTitle = /(\d{4})年/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const coming = /(20\d{2})\s*年\s*(?:目标任务|主要任务|工作任务|重点工作|工作安排)/.exec(text);
  if (coming) return Number(coming[1]);
  const fromNumber = /〔(\d{4})〕/.exec(docNumber ?? '');
  if (fromNumber) return Number(fromNumber[1]);
  // The year named most often.
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(20\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount) [best, bestCount] = [y, c];
  return best;
}

export function parseHeader(lines: string[], text: string, fileName?: string): ParsedPlanHeader {
  const title = findTitle(lines, fileName);
  const head = lines.slice(0, 80).join('\n');
  const dm = DOC_NUMBER.exec(head);
  const docNumber = dm ? `${dm[1]}〔${dm[2]}〕${dm[3]}号` : null;
  return { title, issuer: findIssuer(lines, text), docNumber, year: findYear(title, docNumber, text) };
}
