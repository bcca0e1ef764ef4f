// A narrative work report (政府工作报告, 太仓 2025). Only the coming year's part (from a heading
// like `2025年目标任务和主要工作`) holds work; each paragraph that opens with a short lead
// sentence (`提升重大项目支撑力。…`) under a numbered part becomes a `draft` item to confirm.
// Last year's achievements, the general requirements and the closing words are not tasks.
import { type DraftItem, type Heading, type Warnings, newDraft } from './items';
import { CN_PAREN_RE, PART_RE, cleanText, endsSentence } from './text';

const SECTION_START =
  /^(?:(?:20\d{2})年|今年)(?:的)?(?:目标任务|主要任务|工作任务|重点工作|工作安排|工作目标|主要工作)/;
const LEAD_SENTENCE = /^[^。！？!?]{2,30}。/;

interface Paragraph {
  text: string;
  line: number;
}

function isHeading(t: string): boolean {
  const c = cleanText(t);
  if (/[。！？!?]/.test(c)) return false;
  if (PART_RE.test(c)) return c.length <= 50;
  return c.length <= 20 && !/[，、,：:；;]$/.test(c);
}

/** Lines → paragraphs; a paragraph cut by a page break (no sentence end) is joined back. */
function paragraphsOf(lines: string[], from: number): Paragraph[] {
  const paras: Paragraph[] = [];
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    const last = paras[paras.length - 1];
    if (last && !endsSentence(cleanText(last.text)) && !isHeading(last.text) && !isHeading(t)) last.text += t;
    else paras.push({ text: t, line: i + 1 });
  }
  return paras;
}

export function parseNarrative(lines: string[], warnings: Warnings): DraftItem[] {
  let start = lines.findIndex((l) => {
    const c = cleanText(l);
    return c.length <= 30 && SECTION_START.test(c);
  });
  let section: Heading | null = null;
  if (start < 0) {
    warnings.add(1, '未找到“今年目标任务/主要工作”一节，已从全文中读取工作段落，请删除去年的工作回顾');
    start = 0;
  } else section = { title: cleanText(lines[start]!) };

  const items: DraftItem[] = [];
  let chapter: Heading | null = null;
  for (const p of paragraphsOf(lines, start + (section ? 1 : 0))) {
    const c = cleanText(p.text);
    const part = PART_RE.exec(c);
    if (isHeading(p.text)) {
      chapter = { title: part ? part[2]! : c };
      continue;
    }
    if (!chapter) {
      // General requirements, the five principles: direction, not work items. The expected targets
      // are indicators the office will want to add by hand.
      if (/预期目标/.test(c)) warnings.add(p.line, '主要预期目标段落未拆分为指标，请在预览中手动添加');
      continue;
    }
    if (/^各位代表/.test(c)) continue; // addressing the delegates
    if (!LEAD_SENTENCE.test(c) && !CN_PAREN_RE.test(c)) {
      warnings.add(p.line, `段落没有以小标题句开头，未作为工作条目：「${c.slice(0, 20)}…」`);
      continue;
    }
    const numbered = CN_PAREN_RE.exec(c);
    const text = numbered ? numbered[2]! : c;
    items.push(newDraft('draft', String(items.length + 1), p.line, text, { part: section, chapter, group: null }));
  }
  if (!items.length) warnings.add(start + 1, '没有找到可作为工作条目的段落');
  return items;
}
