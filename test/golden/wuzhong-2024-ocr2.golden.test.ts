// Golden test: the noisy OCR copy of 吴政发〔2024〕1号 (seeds/wuzhong-2024-tasks-ocr2.md). Same plan as
// the .txt, so counts and numbers must match; texts and unit cells were compared by hand with the
// .txt. Where the OCR damaged a cell beyond recovery, the parser must either still produce the
// right value or emit a warning for that source line — never drop it silently.
import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../shared/schemas/import';
import { findItem, kindCounts, lazyParse, range, sameList, squash, target, warnedAt } from './support';
import { CH, DEADLINES, G, HEADER, INDICATOR_BLOCK, TASK_BLOCK, TXT_GROUP_RANGES, TXT_ITEMS, type ItemExpectation } from './wuzhong-2024.expected';

const parsed = lazyParse('wuzhong-2024-tasks-ocr2.md', 'seeds');
const task = (n: number): ParsedItem => findItem(parsed().items, 'task', String(n));
const warningLines = () => parsed().warnings.map((w) => w.line);

/** Headings as the OCR copy prints them (its own typos included). */
const OCR = {
  c2Prefix: '实施科技赋能行动，打造创新', // line 60 prints 打造创新发发展示范区
  c4: '实施城乡融合行动，打造协调发展典范区', // line 77 prints 典范区 (txt: 示范区)
  g7: '持续推进新一轮太湖综合整治', // line 69 prints 整治 (txt: 治理)
} as const;

describe('wuzhong-2024-ocr2: plan header (markdown # headings)', () => {
  it('reads issuer, document number and year like the clean copy', () => {
    const { plan } = parsed();
    // Issuer comes from "# 苏州市吴中区人民政府文件" (the OCR copy lost the signature block).
    expect(plan.issuer).toBe(HEADER.issuer);
    expect(plan.docNumber).toBe(HEADER.docNumber);
    expect(plan.year).toBe(HEADER.year);
  });

  it('takes the title from the "# …分解方案" heading without the markdown marker', () => {
    // The OCR title line (line 34) prints 人民政府 where the .txt prints 政府; the attachment line
    // (line 18) agrees with the .txt. Either reading is accepted.
    expect([
      '苏州市吴中区人民政府2024年主要工作任务分解方案',
      HEADER.title,
    ]).toContain(parsed().plan.title);
  });
});

describe('wuzhong-2024-ocr2: counts and numbering (same as the clean copy)', () => {
  it('finds 8 indicators, 88 tasks and no drafts', () => {
    expect(kindCounts(parsed().items)).toEqual({ indicator: 8, task: 88, draft: 0 });
  });

  it('numbers indicators 1..8 and tasks 1..88 in document order', () => {
    const numbers = (kind: ParsedItem['kind']) =>
      parsed().items.filter((i) => i.kind === kind).map((i) => i.number);
    expect(numbers('indicator')).toEqual(range(1, 8).map(String));
    expect(numbers('task')).toEqual(range(1, 88).map(String));
  });

  it('leaves no markdown or HTML in texts and paths', () => {
    for (const i of parsed().items) {
      const where = `${i.kind} ${i.number}`;
      expect(i.text, where).not.toMatch(/\s|<|>|#|\*\*/u);
      expect(i.text, where).not.toMatch(/[(（]\d{1,2}[)）]/u);
      for (const p of i.path) expect(p, where).not.toMatch(/\s|<|>|#|^[(（]?[一二三四五六七八九十\d]+[)）、.]/u);
    }
  });

  it('sets a deadline only on (2) 上半年 and (3) 全年', () => {
    for (const i of parsed().items) {
      const want = i.kind === 'task' ? (DEADLINES[i.number] ?? null) : null;
      expect(i.deadline, `${i.kind} ${i.number}`).toBe(want);
    }
  });
});

describe('wuzhong-2024-ocr2: headings damaged by OCR', () => {
  it('strips <b> from the block headings (lines 39, 50) and chapter (一) (line 51)', () => {
    for (const i of parsed().items.filter((x) => x.kind === 'indicator')) {
      expect(i.path, `indicator ${i.number}`).toEqual([INDICATOR_BLOCK]);
    }
    for (const n of range(1, 88)) expect(task(n).path[0], `task (${n})`).toBe(TASK_BLOCK);
    for (const n of range(1, 13)) expect(task(n).path[1], `task (${n})`).toBe(CH.c1);
  });

  it('reads chapter (二) from the 名称 cell of line 60', () => {
    for (const n of range(14, 25)) {
      expect(task(n).path.some((p) => p.startsWith(OCR.c2Prefix)), `task (${n}) ${task(n).path}`).toBe(true);
    }
  });

  it('splits chapter (三) glued into group 7’s name on line 69, or warns for line 69', () => {
    const warned = warnedAt(parsed().warnings, [69]);
    for (const n of range(26, 32)) {
      const p = task(n).path;
      const recovered = p.includes(CH.c3) && p.at(-1) === OCR.g7;
      expect(recovered || warned, `task (${n}) path ${JSON.stringify(p)}; warnings on ${warningLines()}`).toBe(true);
    }
    for (const n of range(33, 40)) {
      const p = task(n).path;
      expect(p.includes(CH.c3) || warned, `task (${n}) path ${JSON.stringify(p)}`).toBe(true);
    }
  });

  it('reads chapter (四) that replaced group 10’s name on line 77; group 10 recovered or line 77 warned', () => {
    const warned = warnedAt(parsed().warnings, [77]);
    for (const n of range(41, 50)) {
      const p = task(n).path;
      const recovered = p.includes(OCR.c4) && p.at(-1) === G[10];
      expect(recovered || warned, `task (${n}) path ${JSON.stringify(p)}; warnings on ${warningLines()}`).toBe(true);
    }
    for (const n of range(51, 60)) {
      const p = task(n).path;
      expect(p.includes(OCR.c4) || warned, `task (${n}) path ${JSON.stringify(p)}`).toBe(true);
    }
  });

  it('reads chapter (五) written without a space after the marker (line 85)', () => {
    for (const n of range(61, 80)) expect(task(n).path[1], `task (${n})`).toBe(CH.c5);
  });

  it('keeps 全面建设人民满意政府 (printed as group 16’s name, line 95) in the path of (81)(82)', () => {
    // The real group name 始终把政治建设摆在首位 is absent from the OCR copy.
    for (const n of [81, 82]) expect(task(n).path, `task (${n})`).toContain(CH.c6);
  });

  // The .txt's groups (TXT_GROUP_RANGES) hold in the OCR copy too, except: chapters (三)(四) and
  // (81)-(82) are checked with the damaged headings above; (33)-(34) may also sit under the OCR's
  // own spelling of group 7, and (65)-(66) in group 14, where the OCR copy draws the boundary.
  const CHECKED_ABOVE = new Set([...range(26, 32), ...range(41, 50), 81, 82]);
  const OCR_ALSO: Readonly<Record<number, readonly string[]>> = { 33: [OCR.g7], 34: [OCR.g7], 65: [G[14]], 66: [G[14]] };
  it.each(TXT_GROUP_RANGES.filter(([from]) => !CHECKED_ABOVE.has(from)))('tasks (%i)-(%i) sit in group %j', (from, to, groups) => {
    for (const n of range(from, to)) findItem(parsed().items, 'task', String(n), [...groups, ...(OCR_ALSO[n] ?? [])]);
  });
});

// Unit cells the OCR left identical to the .txt on lines whose task and unit counts agree.
const UNITS_INTACT = new Set([
  ...range(1, 8).map((n) => `indicator ${n}`),
  ...[2, 3, 5, 6, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 26, 27, 30, 31, 33, 34, 37, 38, 39, 41, 42, 43,
    47, 48, 49, 51, 52, 53, 61, 62, 63, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80].map((n) => `task ${n}`),
]);
// Texts whose quantities the OCR changed: (1) lost 新一代信息技术…1000亿元 and …440亿元.
const OCR_TARGETS: Record<string, ItemExpectation['targets']> = {
  'task 1': [[1500, '亿元'], [500, '亿元'], [4, '家'], [10, '家']],
};
const key = (e: { kind: string; number: string }) => `${e.kind} ${e.number}`;

describe('wuzhong-2024-ocr2: items in detail (texts survive; units where the cell is intact)', () => {
  const rows = TXT_ITEMS.map(
    (e) => [`${key(e)} — ${UNITS_INTACT.has(key(e)) ? 'units checked' : 'units damaged, see below'}`, e] as const,
  );
  it.each(rows)(
    '%s',
    (_, e) => {
      const item = findItem(parsed().items, e.kind, e.number);
      expect(squash(item.text)).toContain(e.phrase);
      if (UNITS_INTACT.has(key(e))) {
        expect(item.leadUnits).toEqual(e.leadUnits);
        expect(item.coUnits).toEqual(e.coUnits);
      }
      const targets = OCR_TARGETS[key(e)] ?? e.targets;
      if (targets === 'none') expect(item.targets).toEqual([]);
      else if (targets) {
        expect(item.targets).toEqual(expect.arrayContaining(targets.map(target)));
      }
      expect(item.deadline).toBe(e.deadline);
    },
  );
});

interface UnitDamage {
  number: number;
  /** Source lines (1-based, in the .md) where a warning counts as "not silently dropped". */
  lines: number[];
  damage: string;
  leadUnits: string[];
  coUnits: string[];
}
const dmg = (number: number, lines: number[], damage: string, leadUnits: string[], coUnits: string[]): UnitDamage =>
  ({ number, lines, damage, leadUnits, coUnits });

/**
 * Unit cells the OCR shifted, merged or lost. The right value is the .txt's (or, where the OCR only
 * respelled a name, the .md's own spelling); when it cannot be recovered from the .md the parser
 * must warn for the line. Not listed (OCR changed the names inside a well-formed cell, nothing a
 * parser could notice): (1) 文体旅局, (4) lost ★, (7) 交运局, (28) 甪直镇, (29) lost ★, (32)
 * 污防攻坚办, (40) 文体旅游局, (44)-(46) and (50) shifted within line 77, (64) ★文旅集团 (line 86).
 */
const UNIT_DAMAGE: UnitDamage[] = [
  dmg(12, [59, 61], '(12)(13) share one cell; (13)’s cell drifted to line 61', ['商务局'], ['经开区']),
  dmg(13, [59, 61], '(13)’s ★住建局、税务局、资规分局 printed on line 61', ['住建局'], ['税务局', '资规分局']),
  dmg(14, [59, 61], 'line 61: three unit groups for (14)(15)', ['科技局'], ['市场监管局']),
  dmg(15, [59, 61], 'line 61: (15)’s cell is the third group', ['发改委'], ['金管局']),
  dmg(22, [66], 'line 66: four tasks, three unit groups', ['科技局'], ['工信局', '科招中心']),
  dmg(23, [66], 'line 66', ['科技局'], ['工信局', '科招中心']),
  dmg(24, [66], 'line 66', ['科技局'], []),
  dmg(25, [66], 'line 66: ★金管局、★科技局、金控集团 lost', ['金管局', '科技局'], ['金控集团']),
  dmg(35, [73], 'line 73: two tasks, one unit group', ['生态环境局'], ['水务局', '农业农村局', '农发集团', '甪直镇']),
  dmg(36, [73], 'line 73: ★生态环境局、资规分局 lost', ['生态环境局'], ['资规分局']),
  dmg(54, [82], 'line 82: seven tasks, five unit groups (OCR spelling)', ['农业农村局'], ['文体旅局', '生态环境局', '东山镇', '金庭镇', '农发集团']),
  dmg(55, [82], 'line 82', ['农业农村局'], ['发改委', '资规分局', '胥口镇', '横泾街道', '郭巷街道']),
  dmg(56, [82], 'line 82 (OCR spelling)', ['农业农村局'], ['商务局', '市场监管局', '金庭镇', '东山镇', '临湖镇', '农发集团']),
  dmg(57, [82], 'line 82', ['住建局'], ['资规分局', '郭巷街道', '香山街道']),
  dmg(58, [82], 'line 82', ['农业农村局'], []),
  dmg(59, [82], 'line 82: ★住建局 lost', ['住建局'], []),
  dmg(60, [82], 'line 82: ★住建局(农房办)、各镇(街道) lost', ['住建局（农房办）'], ['各镇（街道）']),
  dmg(65, [87], 'line 87: three tasks, two unit groups; (65)’s cell lost', ['文体旅游局'], ['水务局', '文旅集团']),
  dmg(66, [87], 'line 87', ['光福镇'], ['文体旅游局']),
  dmg(67, [87], 'line 87', ['人社局'], ['团委']),
  dmg(68, [90], 'line 90: three tasks, two unit groups', ['人社局'], ['公积金分中心']),
  dmg(69, [90], 'line 90 (OCR adds 甪直镇)', ['民政局'], ['团委', '妇联', '甪直镇', '胥口镇', '横泾街道']),
  dmg(70, [90], 'line 90: ★民政局 lost', ['民政局'], []),
  dmg(81, [95], 'line 95: two tasks, one cell', ['各相关单位'], []),
  dmg(82, [95], 'line 95: second 各相关单位 lost', ['各相关单位'], []),
  dmg(83, [96], 'line 96: two groups in one unwrapped cell, the second without ★', ['发改委'], ['各相关单位']),
  dmg(84, [96], 'line 96', ['各相关单位'], []),
  dmg(85, [99], 'line 99: two tasks, one unit group', ['政府办'], ['司法局', '各相关单位']),
  dmg(86, [99], 'line 99: 各相关单位 lost', ['各相关单位'], []),
  dmg(87, [100], 'line 100: "各相关单位 ★ 财政局…" unwrapped, first group without ★', ['各相关单位'], []),
  dmg(88, [100], 'line 100', ['财政局'], ['审计局', '机关事务管理中心', '各相关单位']),
];

describe('wuzhong-2024-ocr2: damaged unit cells — right value OR a warning for the line', () => {
  it.each(UNIT_DAMAGE.map((d) => [`(${d.number}) ${d.damage}`, d] as const))('%s', (_, d) => {
    const item = task(d.number);
    const recovered = sameList(item.leadUnits, d.leadUnits) && sameList(item.coUnits, d.coUnits);
    const warned = warnedAt(parsed().warnings, d.lines);
    expect(
      recovered || warned,
      `(${d.number}) lead=${JSON.stringify(item.leadUnits)} co=${JSON.stringify(item.coUnits)}; ` +
        `want lead=${JSON.stringify(d.leadUnits)} co=${JSON.stringify(d.coUnits)} or a warning on line ` +
        `${d.lines.join('/')} (warnings on ${warningLines().join(',') || 'none'})`,
    ).toBe(true);
  });
});
