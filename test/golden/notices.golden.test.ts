// Golden tests: six real notices whose stored copies end before (or hold none of) the task table —
// what an office pastes when it copies the notice page. Read by hand from test/golden/docs/:
// - hangzhou-2020: 杭州市人民政府办公厅 (市, 2020); states its unit rule 列第一位的责任单位为牵头单位;
// - ewenke-2022: 鄂温克族自治旗人民政府办公室 (旗, 2022); reports 每月25日前 → monthly, day 25;
// - qiaocheng-2020: 亳州市谯城区人民政府办公室 (区, 2020); the site's metadata table copied with ` |`
//   cells comes first (发文字号 | 无 = no 文号); the plan's name is the 《…》 the notice hands out;
// - jingxian-2023: 泾县人民政府 (县, 2023); navigation and metadata lines, 文号 泾政〔2023〕1号;
// - sanshui-2007: 三水区 (区, 2007); no title line — the plan is the 附件 named 2007年三水区政府工作主要
//   任务分解表; nothing names the government in full, so no issuer (the clerk fills it in); reports
//   每季度末 (in June, September, December): quarterly, due at the end of the quarter's last month;
// - huarong-2021: 华容县 (县, 2021); the government only as 来源:华容县政府, the 文号 in the page title;
//   于2021年3月15日前报 is a one-off date, not a reporting cycle.
// In all six the notice's numbered paragraphs (一、高度重视… 二、…) are requirements, not tasks:
// no item, and a warning says no task was found.
import { describe, expect, it } from 'vitest';
import { lazyParse } from './support';

interface Notice {
  doc: string;
  title: string;
  issuer: string;
  docNumber: string | null;
  year: number;
  cycle?: 'monthly' | 'quarterly' | 'half_yearly';
  dueDay?: number;
  /** A phrase of the sentence the rule came from. */
  source?: string;
}

const NOTICES: Notice[] = [
  {
    doc: 'hangzhou-2020.txt',
    title: '2020年政府工作报告重点工作责任分解',
    issuer: '杭州市人民政府',
    docNumber: null,
    year: 2020,
  },
  {
    doc: 'ewenke-2022.txt',
    title: '2022年《政府工作报告》重点任务责任落实分工',
    issuer: '鄂温克族自治旗人民政府',
    docNumber: null,
    year: 2022,
    cycle: 'monthly',
    dueDay: 25,
    source: '每月25日前',
  },
  {
    doc: 'qiaocheng-2020.txt',
    title: '谯城区2020年度政府工作报告重点工作任务分解表',
    issuer: '亳州市谯城区人民政府',
    docNumber: null,
    year: 2020,
  },
  {
    doc: 'jingxian-2023.txt',
    title: '泾县人民政府关于分解落实政府工作报告目标任务的通知',
    issuer: '泾县人民政府',
    docNumber: '泾政〔2023〕1号',
    year: 2023,
  },
  {
    doc: 'sanshui-2007.txt',
    title: '2007年三水区政府工作主要任务分解表',
    issuer: '',
    docNumber: null,
    year: 2007,
    cycle: 'quarterly',
    dueDay: 31,
    source: '每季度末',
  },
  {
    doc: 'huarong-2021.txt',
    title: '2021年县政府重点工作任务分解',
    issuer: '华容县人民政府',
    docNumber: '华政发〔2021〕2号',
    year: 2021,
  },
];

describe.each(NOTICES.map((n) => [n.doc, n] as const))('golden notice: %s', (doc, n) => {
  const parsed = lazyParse(doc);

  it('reads title, issuer, 文号 and year from the notice', () => {
    const { plan } = parsed();
    expect(plan.title).toBe(n.title);
    expect(plan.issuer).toBe(n.issuer);
    expect(plan.docNumber).toBe(n.docNumber);
    expect(plan.year).toBe(n.year);
  });

  it('reads the reporting rule when the notice states one', () => {
    const { plan } = parsed();
    expect(plan.cycle).toBe(n.cycle);
    expect(plan.dueDay).toBe(n.dueDay);
    if (n.source) expect(plan.cycleSource).toContain(n.source);
    else expect(plan.cycleSource).toBeUndefined();
  });

  it('takes none of the notice paragraphs as tasks, and says so', () => {
    const { items, warnings } = parsed();
    expect(items).toEqual([]);
    expect(warnings.some((w) => w.message.includes('任务'))).toBe(true);
  });
});
