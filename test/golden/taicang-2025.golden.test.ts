// Golden test: 太仓市 2025 政府工作报告 (a narrative report, no table), read by hand from
// seeds/taicang-2025-work-report.txt and written down per /work/import-conventions.md.
// Reading chosen: every work paragraph under the six numbered headings (一、…六、) and the four
// paragraphs (一)–(四) under 加强政府自身建设 is one draft — 25 drafts. Not drafts: last year's
// review (before `2025年目标任务和主要工作`), and the framing text of the work part (总体要求,
// 主要预期目标, the five ——坚定不移 principles, transitions, the 各位代表 openings and closing).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedItem, ParsedPlan } from '../../shared/schemas/import';
import { findItem, lazyParse, norm, target, type Quantity } from './support';

const parse = lazyParse('taicang-2025-work-report.txt', 'seeds');

interface Row {
  n: string;
  /** The heading the paragraph sits under (last path element). */
  under: string;
  /** The paragraph's first words. */
  starts: string;
  /** A distinctive phrase, usually from the paragraph's end (proves the paragraph is whole). */
  has: string;
  /** undefined = not checked (slogans like “跑一次”“一件事”“两个确立”“第三批” make the list debatable). */
  targets?: readonly Quantity[];
  line: number;
}

const H1 = '统筹“总量、增量、质量”，全力激发经济增长新动能';
const H2 = '统筹“教育、科技、人才”，全力构筑创新驱动新格局';
const H3 = '统筹“港沪、对德”，全力塑造开放发展新优势';
const H4 = '统筹“规划、建设、管理”，全力打造田园城市新样板';
const H5 = '统筹“生产、生态、生活”，全力擦亮美丽太仓新底色';
const H6 = '统筹“富民、惠民、安民”，全力满足美好生活新期待';
const H7 = '加强政府自身建设';

// All 25 drafts, in order. There is no time word in any of them (今年 only occurs in the 总体要求
// framing paragraph), so every deadline is null.
const rows: Row[] = [
  { n: '1', under: H1, starts: '提升重大项目支撑力。', has: '持续释放政策效能', targets: [], line: 71 },
  { n: '2', under: H1, starts: '提升产业集群竞争力。', has: '大力发展研发设计、检验检测等生产性服务业', targets: [[10, '家']], line: 73 },
  { n: '3', under: H1, starts: '提升内外需求拉动力。', has: '壮大“新三样”出口规模', targets: [], line: 75 },
  { n: '4', under: H1, starts: '提升营商环境软实力。', has: '完善外籍人士便利化服务措施', line: 77 },
  { n: '5', under: H2, starts: '坚持教育优先发展。', has: '探索“双元制”向服务业延伸', targets: [[5, '个'], [9300, '个']], line: 81 },
  { n: '6', under: H2, starts: '优化科技创新生态。', has: '持续强化上市后备企业培育', targets: [[1000, '个'], [450, '家'], [10, '家']], line: 83 },
  // printed across a page break (lines 85 and 87): “发挥科技镇长 / 团桥梁作用”
  { n: '7', under: H2, starts: '打造人才发展高地。', has: '发挥科技镇长团桥梁作用', targets: [[80, '人']], line: 85 },
  { n: '8', under: H3, starts: '加快推进港产城联动融合。', has: '完善商业、酒店等配套设施', targets: [], line: 91 },
  { n: '9', under: H3, starts: '加快融入沪苏一体化发展。', has: '推动更多跨区域产学研协同创新、重点合作事项落地见效', targets: [], line: 93 },
  { n: '10', under: H3, starts: '加快打造对德合作示范区。', has: '持续办好太仓日、啤酒节等对德品牌活动', targets: [], line: 95 },
  { n: '11', under: H4, starts: '优化空间布局。', has: '建设城市生命线安全工程', targets: [[3000, '亩'], [2250, '亩'], [25, '个']], line: 99 },
  { n: '12', under: H4, starts: '强化精细管理。', has: '深化生活垃圾收运与再生资源回收利用“两网融合”', targets: [[8, '个']], line: 101 },
  { n: '13', under: H4, starts: '推动乡村振兴。', has: '新增特色康居乡村15个、特色精品乡村4个', targets: [[4500, '亩'], [15, '个'], [4, '个']], line: 103 },
  { n: '14', under: H4, starts: '加强文化建设。', has: '建强城厢海美国际文化产业园、璜泾数字文化产业园等载体', targets: [], line: 105 },
  { n: '15', under: H5, starts: '加强生态环境保护整治。', has: '提升危废规范化管理水平', targets: [], line: 109 },
  // printed across a page break (lines 111 and 113): “抓好林地 / 绿地湿地同建”
  { n: '16', under: H5, starts: '提升生态治理能级。', has: '抓好林地绿地湿地同建', targets: [], line: 111 },
  { n: '17', under: H5, starts: '推进绿色低碳转型。', has: '构建“骨干线+接驳线+多样线”多层次公交服务模式', targets: [], line: 115 },
  { n: '18', under: H6, starts: '推动富民增收。', has: '争取城镇新增就业2万人', targets: [[2, '万人']], line: 119 },
  { n: '19', under: H6, starts: '突出全龄友好。', has: '用心用情办好民生实事项目', targets: [], line: 121 },
  { n: '20', under: H6, starts: '加强社会治理。', has: '全面加强社会治安防控', line: 123 },
  { n: '21', under: H6, starts: '夯实本质安全。', has: '坚决守住不发生系统性风险的底线', line: 125 },
  // (一)–(四): the marker is the paragraph's own numbering, not part of its text
  { n: '22', under: H7, starts: '坚持党的领导，强化政治担当。', has: '把党的全面领导贯穿政府各领域、全过程', line: 131 },
  { n: '23', under: H7, starts: '坚持依法行政，强化法治思维。', has: '做好行政争议实质性化解', targets: [], line: 133 },
  { n: '24', under: H7, starts: '坚持狠抓落实，强化作风效能。', has: '推动各项工作提质增效、勇争一流', targets: [], line: 135 },
  { n: '25', under: H7, starts: '坚持廉洁从政，强化正风肃纪。', has: '努力以政府的“紧日子”换群众的“好日子”', targets: [], line: 137 },
];

// Distinctive phrases of last year's review (lines 7–45): none may end up in a draft.
const reviewPhrases = [
  '沪苏锡常城际铁路太仓先导段全线开工', // l.7
  '德企总数突破550家', // l.9
  '企业开办平均时长缩短至2小时', // l.11
  '完成拆旧复垦450亩', // l.15
  '治理违建100万平方米', // l.17
  '乡村振兴统计监测评价结果列全国县级市第一', // l.19
  '发放生活救助慰问6660万元', // l.25
  '新增学位7110个', // l.27
  '废止或修改市政府规范性文件35件', // l.37
  '过去一年的成绩成色十足', // l.43
  '重大项目支撑尚显不足', // l.45 (problems of last year)
];

// Framing text of the work part (the reading chosen above): not drafts either.
const framingPhrases = [
  '今年政府工作的总体要求是', // l.49
  '全社会固定资产投资超600亿元', // l.51 主要预期目标
  '坚定不移壮大新质生产力', // l.55 first of the five principles
  '坚定不移激扬干部精气神', // l.65 last of the five principles
  '重点做好以下六个方面工作', // l.67
  '奋进新征程，必须勇于自我革命', // l.129
  '梦虽遥，追则能达', // l.139 closing
];

const headingLines = [47, 69, 79, 89, 97, 107, 117, 127];
const draftLines = [...rows.map((r) => r.line), 87, 113];

describe('golden: taicang-2025 (太仓市政府工作报告)', () => {
  let parsed: ParsedPlan;
  let drafts: ParsedItem[];
  beforeAll(() => {
    parsed = parse();
    drafts = parsed.items.filter((i) => i.kind === 'draft');
  });

  it('reads the plan header', () => {
    expect(parsed.plan).toEqual({ issuer: '太仓市人民政府', docNumber: null, year: 2025, title: '政府工作报告' });
  });

  it('makes drafts only: at least 20, no tasks or indicators', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(20);
    expect(parsed.items.filter((i) => i.kind !== 'draft')).toEqual([]);
  });

  it('numbers the drafts "1".."N" in order', () => {
    expect(drafts.map((d) => d.number)).toEqual(drafts.map((_, k) => String(k + 1)));
  });

  it('makes exactly the 25 work paragraphs into drafts, in document order', () => {
    expect(drafts.map((d, k) => norm(d.text).slice(0, norm(rows[k]?.starts ?? '').length))).toEqual(rows.map((r) => norm(r.starts)));
  });

  it.each(reviewPhrases)('takes nothing from last year’s review: %s', (phrase) => {
    expect(drafts.filter((d) => norm(d.text).includes(phrase)).map((d) => d.number)).toEqual([]);
  });

  it.each(framingPhrases)('does not make framing text a draft: %s', (phrase) => {
    expect(drafts.filter((d) => norm(d.text).includes(phrase)).map((d) => d.number)).toEqual([]);
  });

  it.each(rows)('draft $n under $under: $starts', (row) => {
    const item = findItem(parsed.items, 'draft', row.n, row.under);
    expect(norm(item.text).startsWith(norm(row.starts)), `starts with ${row.starts}: ${item.text.slice(0, 40)}`).toBe(true);
    expect(norm(item.text)).toContain(norm(row.has));
    expect(item.leadUnits).toEqual([]);
    expect(item.coUnits).toEqual([]);
    expect(item.areas).toEqual([]);
    expect(item.leaders).toEqual([]);
    if (row.targets !== undefined) {
      if (row.targets.length === 0) expect(item.targets).toEqual([]);
      else expect(item.targets).toEqual(expect.arrayContaining(row.targets.map(target)));
    }
    expect(item.deadline).toBeNull();
    if (item.line !== undefined) expect(item.line).toBe(row.line);
  });

  it('joins paragraphs split by a page break instead of starting a new draft there', () => {
    const orphans = drafts.filter((d) => /^(团桥梁作用|绿地湿地同建)/.test(norm(d.text)));
    expect(orphans.map((d) => d.number)).toEqual([]);
    expect(norm(findItem(parsed.items, 'draft', '7', H2).text)).toContain('新增苏州市级以上人才计划超80人');
    expect(norm(findItem(parsed.items, 'draft', '16', H5).text)).toContain('持续提升林木覆盖率、湿地保护率、城区绿化覆盖率');
  });

  it('keeps headings out of draft texts', () => {
    for (const d of drafts) {
      for (const h of [H1, H2, H3, H4, H5, H6, H7, '2025年目标任务和主要工作']) expect(norm(d.text), `draft ${d.number}`).not.toContain(norm(h));
      expect(d.text, `draft ${d.number}`).not.toMatch(/\s|^（[一二三四]）|^\([一二三四]\)/);
    }
  });

  it('warns about nothing it placed (drafts, their page-break continuations, headings)', () => {
    const placed = new Set([...draftLines, ...headingLines]);
    expect(parsed.warnings.filter((w) => placed.has(w.line))).toEqual([]);
  });

  it('points a warning about the unsplit 主要预期目标 paragraph (if any) at its own line 51', () => {
    // l.49 is 总体要求; the targets (地区生产总值增长5%以上, 固定资产投资超600亿元…) are on l.51.
    const about = parsed.warnings.filter((w) => w.message.includes('预期目标'));
    expect(about.map((w) => w.line)).toEqual(about.map(() => 51));
  });
});
