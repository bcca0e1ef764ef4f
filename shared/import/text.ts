// Text cleaning and the numbering markers plan documents use. Documents arrive as text copied from
// a PDF or a web page (often OCR'd): spaces between CJK and digits, <p>/<b> tags, markdown marks.

/** Chinese numerals used in headings and months: 一 … 十九, 两. */
const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `十二` → 12, `三` → 3, `12` → 12; NaN when it is neither. */
export function numeralValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(s)) return Number.NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CN_DIGIT[s] ?? Number.NaN) : Number.NaN;
  const tens = ten === 0 ? 1 : (CN_DIGIT[s.slice(0, ten)] ?? Number.NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGIT[s.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}

/** Split a document into lines; index i is line i + 1. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

/** Replace HTML-ish tags by a space (a tag often separates two words in OCR output). */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  return s.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
}

/** Markdown leftovers of OCR tools: `# ` headings, `**bold**`, `PM_{2.5}`. */
export function stripMarkdown(s: string): string {
  if (!/[#*_^]/.test(s)) return s;
  return s
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/_\{([^{}]*)\}/g, '$1')
    .replace(/\^\{([^{}]*)\}/g, '$1');
}

/** Remove every kind of whitespace (ASCII, no-break, ideographic, zero-width). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** Item text as stored: no tags, no markdown, no whitespace; punctuation as printed. */
export function cleanText(s: string): string {
  return squeeze(stripMarkdown(stripTags(s)));
}

/** Trimmed, tag-free cell content that keeps inner spaces (they separate groups of names). */
export function cellText(s: string): string {
  return stripMarkdown(stripTags(s)).replace(/[\u00a0\u3000]/g, ' ').trim();
}

/** True when a cell or line says "nothing": empty, ——, —, _____, -, 无. */
export function isNoneMark(s: string): boolean {
  return /^[\s—\-_－─–―＿~～/／]*$/.test(s) || /^[\s]*无[\s]*$/.test(s);
}

// Numbering markers. Each regex captures (numeral, rest).
/** `一、经济社会发展…` (a part of the plan). */
export const PART_RE = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*(.*)$/;
/** `(一) 实施…` / `（一）实施…` (a chapter, or a task in some layouts). */
export const CN_PAREN_RE = /^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$/;
/** `(12) …` / `（12）…` (a task). */
export const NUM_PAREN_RE = /^[(（]\s*(\d{1,3})\s*[)）]\s*(.*)$/;
/** `12. …` / `12、…` / `12．…` (a task); the rest must not start with a digit (`1.8万人`). */
export const NUM_DOT_RE = /^(\d{1,3})\s*[.．、]\s*(?!\d)(.*)$/;

/**
 * `11.121人才梯队项目`: a task number followed by a digit is task 11 only when 11 is the next
 * number (`1.8万人` at the start of a line is a quantity, not task 1).
 */
export function nextNumberedTask(line: string, last: number): RegExpExecArray | null {
  const m = /^(\d{1,3})\s*[.．]\s*(\d.*)$/.exec(line);
  return m && last > 0 && Number(m[1]) === last + 1 ? m : null;
}

/** The title of a heading: no numbering marker, tags, markdown or whitespace. */
export function headingTitle(s: string): string {
  const t = cellText(s);
  const m = PART_RE.exec(t) ?? CN_PAREN_RE.exec(t);
  return squeeze(m ? (m[2] ?? '') : t);
}

/** Sentence-final punctuation: a paragraph ending otherwise was cut by a page break. */
export function endsSentence(s: string): boolean {
  return /[。！？!?；;：:”’"）)…]$/.test(s.trim());
}
