// The plan's own header: title, issuing government, document number (文号) and plan year.
import type { ParsedPlanHeader } from '../schemas/import';
import { cleanText } from './text';

/** How plan titles end. */
const TITLE_END =
  /(分解方案|落实方案|实施方案|分工方案|工作方案|任务清单|责任清单|工作要点|任务分解|责任分工|目标任务|工作计划|工作安排|任务书|项目清单|责任分解|任务分解表|政府工作报告|工作报告|实施意见|指导意见|若干意见)$/;

/** 吴政发〔2024〕1号, also printed with [] 【】 () ［］ or 〔 〕 spaced. */
const DOC_NUMBER = /([\u4e00-\u9fff]{1,8})\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号/;

/** Names a notice hands out: `现将《X》印发`, `印发《X》的通知`, `《X》已经…同意，现印发`. */
function quotedPlanNames(lines: string[]): string[] {
  const names: string[] = [];
  for (const raw of lines.slice(0, 80)) {
    const line = cleanText(raw);
    // `自本通知印发之日起，《…》停止执行` names a repealed document, not the plan.
    if (!/印发|现将|下发|分解下达/.test(line) || /停止执行|废止/.test(line)) continue;
    for (const m of line.matchAll(/《((?:[^《》]|《[^《》]*》)+)》/g)) {
      // `《2022年<政府工作报告>…》`: inner titles printed with <> or 〈〉 become 《》.
      const name = m[1]!.replace(/[<〈]([^<>〈〉]+)[>〉]/g, '《$1》');
      if (name.length >= 8 && !/^[一-鿿]{0,4}《?政府工作报告》?$/.test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A title printed over two lines (`国务院关于加快推进…和` / `…的指导意见`) whole: its first half is the
 * line above, a `…关于…` line that no punctuation closes.
 */
function withFirstHalf(lines: string[], raw: string, title: string): string {
  const above = cleanText(lines[lines.indexOf(raw) - 1] ?? '');
  const firstHalf = /关于/.test(above) && above.length <= 40 && !/[。：:，,；;）)]$/.test(above) && !TITLE_END.test(above);
  return firstHalf && !/关于/.test(title) ? above + title : title;
}

function findTitle(lines: string[], fileName?: string): string {
  let attachment: string | null = null;
  let notice: string | null = null;
  let standalone: string | null = null;
  for (const raw of lines) {
    const line = cleanText(raw);
    if (!line || line.length > 60) continue;
    const bare = line.replace(/^附件\d*[:：]?/, '').replace(/^《(.*)》$/, '$1');
    if (!TITLE_END.test(bare)) {
      if (!notice && /^.{4,50}的通知$/.test(line)) notice = withFirstHalf(lines, raw, line);
      continue;
    }
    if (bare !== line) {
      attachment ??= bare;
      continue;
    }
    standalone = withFirstHalf(lines, raw, bare);
    break;
  }
  const quoted = quotedPlanNames(lines);
  // A title printed over two lines (`立山区政府2023年重点工作` / `任务分解和责任分工方案`) is found by
  // its second half: the notice names it whole.
  if (standalone) return quoted.find((q) => q.length > standalone.length && q.endsWith(standalone)) ?? standalone;
  if (attachment) return attachment;
  if (quoted.length) return quoted[0]!;
  const handedOut = notice ? /关于印发(.{6,})的通知$/.exec(notice) : null;
  if (handedOut && TITLE_END.test(handedOut[1]!)) return handedOut[1]!;
  if (notice) return notice;
  if (fileName) return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return cleanText(lines.find((l) => cleanText(l)) ?? '');
}

/** A government's name; 泾县 has one character before its 县, 各县 is no name. */
const GOVERNMENT = '((?![各本全])[\u4e00-\u9fff]{1,20}?(?:省|市|区|县|旗|州|盟)人民政府)';
/** `鞍山市立山区人民政府文件`, a signature `蔡甸区人民政府办公室`, `杭州市人民政府办公厅`. */
const ISSUER_LINE = new RegExp(`^${GOVERNMENT}(?:办公室|办公厅)?(?:文件)?$`);
/** `亳州市谯城区人民政府办公室关于印发…的通知`, `泾县人民政府关于分解落实…的通知`. */
const ISSUER_NOTICE = new RegExp(`${GOVERNMENT}(?:办公室|办公厅)?关于`);

/** The State Council signs as itself: `国务院关于…`, a signature line `国务院` / `国务院办公厅`. */
const NATIONAL = /^(国务院(?:办公厅)?)(?:关于|$)/;

function findIssuer(lines: string[], text: string): string {
  const head = lines.slice(0, 80).map(cleanText);
  const national = head.slice(0, 5).map((l) => NATIONAL.exec(l)).find(Boolean);
  if (national) return national[1]!;
  for (const line of head) {
    const m = ISSUER_LINE.exec(line);
    if (m) return m[1]!;
  }
  for (const line of head) {
    const m = ISSUER_NOTICE.exec(line);
    if (m) return m[1]!;
  }
  // A web page names it as the source: `来源:华容县政府`, `发布机构: 泾县人民政府(办公室)`.
  const source = /(?:来源|发布机构|发文机关)[:：]\s*((?![各本全])[\u4e00-\u9fff]{1,20}?(?:省|市|区|县|旗|州|盟))(?:人民)?政府/.exec(
    head.join('\n'),
  );
  if (source) return `${source[1]}人民政府`;
  // A work report names its government only through the Party committee it answers to.
  const committee = /中共([\u4e00-\u9fff]{2,8}?[省市区县])委/.exec(text);
  if (committee) return `${committee[1]}人民政府`;
  // A name standing on its own (`已经县人民政府同意` names none).
  const anywhere = /(?:^|[\s，,。：:（(《“、])([\u4e00-\u9fff]{2,8}?[市区县])人民政府/.exec(text);
  return anywhere ? `${anywhere[1]}人民政府` : '';
}

/**
 * The plan's own 文号: on a line of its own, in a page title (`…任务(华政发〔2021〕2号)`) or after
 * 文号/发文字号 — not one the notice cites in a sentence (`根据《…》(国发〔2022〕18号)`).
 */
function findDocNumber(lines: string[]): RegExpExecArray | null {
  for (const raw of lines) {
    const m = DOC_NUMBER.exec(raw); // spaces kept: `文    号 蔡政办〔2023〕1号` must not give 号蔡政办
    if (m && (cleanText(raw).length <= 40 || /(?:文|字)\s*号[\s:：|]*$/.test(raw.slice(0, m.index)))) return m;
  }
  return null;
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
  const dm = findDocNumber(lines.slice(0, 80));
  const docNumber = dm ? `${dm[1]}〔${dm[2]}〕${dm[3]}号` : null;
  return { title, issuer: findIssuer(lines, text), docNumber, year: findYear(title, docNumber, text) };
}
