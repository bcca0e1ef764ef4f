// Golden test: 鞍山市立山区《立山区政府2023年重点工作任务分解和责任分工方案》(鞍立政发〔2023〕2号),
// test/golden/docs/lishan-2023.txt — the page's opening as stored (notice + part 一, items 1–7).
// Read by hand. Layout: `1.任务` then a `牵头单位:` line and a `责任单位:` line (ASCII colons, units
// joined by `,` as well as `、`). Part 一 is the 主要预期目标, so its rows are indicators. Item 7 is
// the last line of the copy: its unit lines were cut off, so it has no units (and a warning).
// The notice's lines and the preamble (为全面贯彻…制定分工方案如下。) are not items.
import { describe, expect, it } from 'vitest';
import { expectRow, lazyParse, type Row } from './support';

const parsed = lazyParse('lishan-2023.txt');
const P = ['经济社会发展的主要预期目标'];

const ROWS: Row[] = [
  { n: '1', kind: 'indicator', starts: '努力实现地区生产总值增长6.2%左右。', lead: ['区发改局'], co: ['立山经济开发区', '全区经济运行各专班'] },
  { n: '2', kind: 'indicator', starts: '规模上工业增加值增长5%左右。', lead: ['区工信局'], co: ['立山经济开发区'] },
  { n: '3', kind: 'indicator', starts: '固定资产投资增长15%左右。', lead: ['区发改局'], co: ['立山经济开发区', '各街道', '区直各部门'] },
  { n: '4', kind: 'indicator', starts: '社会消费品零售总额增长9%左右。', lead: ['区商务局'], co: ['各街道', '区市场局'] },
  { n: '5', kind: 'indicator', starts: '一般公共预算收入增长8%左右。', lead: ['区财政局'], co: ['立山经济开发区', '各街道', '税务局'] },
  { n: '6', kind: 'indicator', starts: '居民收入增长与经济增长基本同步。', lead: ['区发改局'], co: ['各街道', '各相关单位'] },
  { n: '7', kind: 'indicator', starts: '其他主要经济指标不低于全市平均水平。', lead: [], co: [] },
];

describe('golden: 立山区 2023 (牵头单位/责任单位 lines)', () => {
  it('reads the plan header from the notice', () => {
    const { plan } = parsed();
    expect(plan.title).toBe('立山区政府2023年重点工作任务分解和责任分工方案');
    expect(plan.issuer).toBe('鞍山市立山区人民政府');
    expect(plan.docNumber).toBe('鞍立政发〔2023〕2号');
    expect(plan.year).toBe(2023);
    expect(plan.cycle).toBeUndefined(); // the notice states no reporting rule
  });

  it('has the 7 indicators of part 一 and nothing else', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], deadline: null, targets: [], path: P });
  });

  it('warns that item 7 has no units', () => {
    const line = parsed().items.find((i) => i.number === '7')!.line!;
    expect(parsed().warnings.some((w) => w.line === line)).toBe(true);
  });
});
