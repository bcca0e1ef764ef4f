// Quantified targets (目标) in a task text: `新增学位11000个` → {value: 11000, unit: '个'}.
// Only countable units; percentages, ratios, ranges (`1-10亿元项目`) and size classes
// (`10亿元以上项目`) are not targets. The multiplier stays in the unit: `3.5万人` → 3.5 万人.
import type { ParsedTarget } from '../schemas/import';

/** Base units, longest first so `平方米` wins over `米` and `人次` over `人`. */
const BASE_UNITS = [
  '平方公里', '平方千米', '立方米', '平方米', '标准箱', '千瓦时',
  '美元', '人次', '户次', '场次', '台套', '公里', '千米', '公顷', '兆瓦', '千瓦', '公斤', '千克',
  '元', '人', '名', '户', '亩', '米', '个', '家', '所', '辆', '条', '座', '处', '套', '张', '台',
  '项', '件', '次', '场', '批', '吨', '栋', '间', '床', '片', '艘', '株', '棵', '篇', '册', '块',
  '宗', '例', '份', '盏', '斤', '架', '箱', '支', '届', '幢', '辆次',
];

const UNIT_ALT = [...BASE_UNITS].sort((a, b) => b.length - a.length).join('|');

/** Characters that, right after a unit, show it is part of another word (`3项目`, `2片区`). */
const PART_OF_WORD: Record<string, RegExp> = {
  项: /^目/,
  片: /^区/,
  场: /^[景所地馆站]/,
  家: /^庭/,
  户: /^[籍型]/,
  名: /^[片称录单]/,
  人: /^民/,
  处: /^[理置]/,
  座: /^谈/,
  条: /^件/,
  个: /^月/, // `6个月` is a length of time
};

const QUANTITY = new RegExp(
  `(?<![\\d.．\\-—–~～第])(?<!\\d[至到])(\\d+(?:\\.\\d+)?)(余|多)?(千万|百万|万|亿|千)?(${UNIT_ALT})`,
  'g',
);

/** Units that measure a size rather than count things: only these form size classes. */
const MEASURE = /(元|亩|米|公里|公顷|吨|瓦|斤|克)$/;

/**
 * A size class, not a target: `10亿元以上项目`, `50亿元级企业`. (`2家以上企业` IS a target: it
 * counts the firms.)
 */
const SIZE_CLASS =
  /^(?:及?以[上下]的?(?:重点|重大|产业|工业|新开工|在建|优质|内资|外资|制造业|规上)*(?:项目|企业|大项目)|级)/;

const DELIMITERS = /[，。；、,;：:！？!?\n]/;
const CLAUSE_END = /[，。；,;：:！？!?\n]/;

/**
 * The words around a quantity, cut at punctuation, never inside a word: `37个新开工市重点项目上半年
 * 全部开工`, not `…上半年全`. A bare quantity in a list (`77个、总投资1078亿元的市重点项目`) takes
 * the words its list item goes on with, so the clerk sees what is counted (`77个（目标77个）` said
 * nothing).
 */
function phraseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 24 && !DELIMITERS.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < 30 && !DELIMITERS.test(text[to]!)) to++;
  if (from === start && to === end && text[to] === '、') {
    to++;
    while (to < text.length && to - end < 30 && !CLAUSE_END.test(text[to]!)) to++;
  }
  return text.slice(from, to);
}

/** Every countable quantity in a cleaned text, in order, without exact duplicates. */
export function extractTargets(text: string): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, num, , mult = '', unit = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    const after = text.slice(end);
    if (PART_OF_WORD[unit]?.test(after) || (MEASURE.test(unit) && SIZE_CLASS.test(after))) continue;
    const target: ParsedTarget = { text: phraseAround(text, start, end), value: Number(num), unit: mult + unit };
    if (!out.some((t) => t.text === target.text && t.value === target.value && t.unit === target.unit)) out.push(target);
  }
  return out;
}
