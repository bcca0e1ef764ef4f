// Golden test: 武汉市蔡甸区《2023年区〈政府工作报告〉确定的主要目标任务责任分解方案》(蔡政办〔2023〕1号),
// test/golden/docs/caidian-2023.txt — the page's opening as stored: the site's metadata lines, the
// notice, and the first four 主要预期目标 rows `(一)…` each with a lone `责任单位:` line (the first unit
// leads). The stored copy ends inside (四): its unit is printed as just `区`, which is no unit name —
// it must not become a unit; a warning points at it.
// The notice's own numbered paragraphs (一、各责任单位要高度重视… 二、… 三、…) are not items; its third
// paragraph sets the reporting rule: every quarter, by the 30th of the quarter's last month.
import { describe, expect, it } from 'vitest';
import { expectRow, lazyParse, type Row } from './support';

const parsed = lazyParse('caidian-2023.txt');
const P = ['2023年全区经济社会发展的主要预期目标'];

const ROWS: Row[] = [
  { n: '一', kind: 'indicator', starts: '地区生产总值增长7%以上', lead: ['区发展和改革局'], co: [] },
  { n: '二', kind: 'indicator', starts: '规上工业增加值增长12%以上', lead: ['区科技和经信局'], co: [] },
  { n: '三', kind: 'indicator', starts: '固定资产投资增长10%以上', lead: ['区发展和改革局'], co: [] },
  { n: '四', kind: 'indicator', starts: '工业投资增长12%以上', lead: [], co: [] },
];

describe('golden: 蔡甸区 2023 (责任单位 line only, quarterly reports)', () => {
  it('reads the plan header from the notice', () => {
    const { plan } = parsed();
    expect(plan.title).toBe('2023年区《政府工作报告》确定的主要目标任务责任分解方案');
    expect(plan.issuer).toBe('蔡甸区人民政府');
    expect(plan.docNumber).toBe('蔡政办〔2023〕1号');
    expect(plan.year).toBe(2023);
  });

  it('reads the reporting rule: quarterly, due on the 30th', () => {
    const { plan } = parsed();
    expect(plan.cycle).toBe('quarterly');
    expect(plan.dueDay).toBe(30);
    expect(plan.cycleSource).toContain('每季度最后一个月的30日前');
  });

  it('has the 4 indicators and not the notice paragraphs', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(['一', '二', '三', '四']);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], deadline: null, targets: [], path: P });
  });

  it('keeps the cut-off unit `区` out of the units and warns on its line', () => {
    const { items, warnings } = parsed();
    expect(items.flatMap((i) => [...i.leadUnits, ...i.coUnits])).not.toContain('区');
    const line = items.find((i) => i.number === '四')!.line!;
    expect(warnings.some((w) => w.line >= line && w.message.includes('区'))).toBe(true);
  });
});
