// PDFs printed with CJK fonts often map common characters to the Kangxi Radicals (U+2F00–U+2FDF)
// or CJK Radicals Supplement (U+2E80–U+2EFF) code points in their ToUnicode tables: the text
// looks right but 人民 arrives as ⼈⺠ and never matches a unit name. Kangxi radicals have a
// compatibility mapping (NFKC); the supplement's simplified forms mostly do not, hence the table.
const SUPPLEMENT: Record<string, string> = {
  '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺉': '刂', '⺊': '卜', '⺋': '㔾', '⺎': '兀', '⺔': '彑', '⺖': '忄', '⺘': '扌',
  '⺙': '攵', '⺛': '旡', '⺝': '月', '⺟': '母', '⺠': '民', '⺣': '灬', '⺤': '爫', '⺦': '丬', '⺨': '犭', '⺩': '王', '⺭': '礻',
  '⺯': '糹', '⺰': '纟', '⺹': '耂', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻍': '辶',
  '⻏': '阝', '⻑': '長', '⻓': '长', '⻔': '门', '⻖': '阝', '⻘': '青', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠',
  '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉',
  '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻲': '亀', '⻳': '龟',
  // Kangxi radicals whose compatibility mapping is the traditional form, while a simplified
  // Chinese font draws (and maps) the simplified one.
  '⼾': '户',
};

export function normaliseRadicals(s: string): string {
  if (!/[\u2e80-\u2fdf]/.test(s)) return s;
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}
