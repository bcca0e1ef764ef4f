// Golden test: 霍山县《2025年开发区重点工作及责任清单》, a 开发区 table of five columns read by their
// header: 序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限. Two shapes of the same rows:
// - docs/huoshan-2025.txt: the browser copy as stored — every cell on its own line ending in ` |`;
// - docs/huoshan-2025-tab.txt: the text contract of a .docx / HTML table — a row a line, TAB between cells.
// Read by hand: 3 tasks numbered by 序号; the 责任单位 column has no ★ and there is no 牵头单位 column,
// so its first unit leads; 完成时限 全年 = the end of 2025. The notice (and so the issuer) is not in
// the stored copy. Cell texts carry the PDF's wrap spaces (`工作机 制`), which are not part of the text.
import { describe, expect, it } from 'vitest';
import { expectRow, lazyParse, type Row } from './support';

const ROWS: Row[] = [
  {
    n: '1',
    kind: 'task',
    starts: '坚持服务跟着项目走,优化“重点项目直通车”“无忧办”工作机制,',
    ends: '全力服务重大项目落地见效。',
    leaders: ['叶林'],
    lead: ['招商工作部'],
    co: ['安商工作部'],
    targets: [],
  },
  {
    n: '2',
    kind: 'task',
    starts: '全力推进开发区“空间再造”',
    ends: '力争全年盘活僵尸企业10家,盘活存量土地400亩。',
    leaders: ['马振明'],
    lead: ['改革办'],
    co: [],
    targets: [
      [10, '家'],
      [400, '亩'],
    ],
  },
  {
    n: '3',
    kind: 'task',
    starts: '持续提升园区承载能力',
    ends: '等基础设施配套。',
    leaders: ['张云峰'],
    lead: ['规划建设局'],
    co: [],
    targets: [],
  },
];

describe.each(['huoshan-2025.txt', 'huoshan-2025-tab.txt'])('golden: 霍山开发区 2025 (%s)', (name) => {
  const parsed = lazyParse(name);

  it('reads the title and year; no issuer or 文号 is printed', () => {
    const { plan } = parsed();
    expect(plan.title).toBe('2025年开发区重点工作及责任清单');
    expect(plan.year).toBe(2025);
    expect(plan.docNumber).toBeNull();
    expect(plan.issuer).toBe('');
  });

  it('has the 3 rows, numbered by 序号', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(['1', '2', '3']);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('row %s: every column by its header', (_, row) => {
    expectRow(parsed(), { ...row, deadline: '2025-12-31', path: [] });
  });
});
