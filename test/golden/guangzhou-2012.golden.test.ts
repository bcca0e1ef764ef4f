// Golden test: 广州市《关于推进人才集聚工程的实施意见》(the “633” 人才工程, 2012年起5年内),
// test/golden/docs/guangzhou-2012.txt — the whole document as a browser shows the CMS page (see its
// .source.txt). Read by hand. Layout: `N.项目名。正文。（牵头单位：…，配合单位：…，各区、县级市）`,
// the units in a full-width bracket at the end of each item, co units split by `、` and `，`;
// placeholders that name several kinds (`各区、县级市`, `各有关区、县级市`) are one group each.
// Parts 一–五 (`一、总体目标`), chapters `（一）产业提升人才行动计划。围绕…实施如下重点项目：` — a long
// sentence ending in `：` that introduces the items below it; its heading is the name before `。`.
// Item 1 (the 目标) has no bracket; item 29 names only its 牵头单位; `11.121人才梯队项目` is item 11.
// The page has no notice: no 文号, no reporting rule, and no issuer line (the 意见 is the 市委's and
// the 市政府's; the preamble cites their earlier 决定).
import { describe, expect, it } from 'vitest';
import { expectRow, itemNo, lazyParse, type Row } from './support';

const parsed = lazyParse('guangzhou-2012.txt');

const ALL = '各区、县级市';
const RS = '市人力资源和社会保障局';
const P2 = '实施六大人才行动计划';
const P3 = '构建三大人才开发支撑体系';

const ROWS: Row[] = [
  { n: '1', kind: 'task', starts: '目标。2012年起5年内，大力实施', ends: '提供坚实的人才保证和智力支持。', lead: [], co: [], path: ['总体目标'] },
  {
    n: '2', kind: 'task', starts: '战略性主导产业紧缺人才开发项目。', ends: '定期向社会公布。',
    lead: ['市发展改革委'], co: ['市委组织部', RS, ALL], targets: [[1, '万名']], path: [P2, '产业提升人才行动计划'],
  },
  {
    n: '3', kind: 'task', starts: '羊城企业家培养项目。', ends: '培养100名优秀企业家。', lead: ['市委组织部'], co: ['市国资委'],
    targets: [[100, '名'], [100, '名'], [200, '名'], [100, '名']],
  },
  { n: '4', kind: 'task', starts: '民营企业家素质提升项目。', lead: ['市经贸委'], co: [RS, '市工商联', ALL] },
  { n: '5', kind: 'task', starts: '高技能人才精工项目。', ends: '给予岗位津贴。', lead: [RS], co: ['市教育局', ALL] },
  { n: '7', kind: 'task', starts: '专业技术人才知识更新项目。', lead: [RS], co: [ALL] },
  { n: '8', kind: 'task', starts: '“赢在广州”大学生创业扶持项目。', lead: [RS], co: ['市工商局', '市金融办', '团市委', ALL] },
  {
    n: '9', kind: 'task', starts: '“百人计划”拓展项目。', lead: ['市委组织部'], co: ['市科技和信息化局', RS],
    path: [P2, '科技创新人才行动计划'],
  },
  { n: '10', kind: 'task', starts: '“羊城学者”特聘岗位项目。', lead: ['市委组织部'], co: ['各有关单位'] },
  { n: '11', kind: 'task', starts: '121人才梯队项目。重点培养不少于10名', lead: [RS], co: [ALL], path: [P2, '科技创新人才行动计划'] },
  { n: '15', kind: 'task', starts: '“百会进千企”金桥项目。', lead: ['市科协'], co: ['市发展改革委', '市科技和信息化局', '市国资委', '市经贸委'] },
  { n: '16', kind: 'task', starts: '大学生村官培养项目。', lead: ['市委组织部'], co: [ALL], path: [P2, '城乡一体人才行动计划'] },
  { n: '18', kind: 'task', starts: '农村基层和北部山区人才支持项目。', lead: [RS], co: ['市委组织部', ALL] },
  { n: '19', kind: 'task', starts: '农村实用人才培养项目。', lead: ['市农业局'], co: ['市科协', '各有关区、县级市'] },
  { n: '20', kind: 'task', starts: '羊城文化名家资助项目。', lead: ['市委宣传部'], co: ['各有关单位', ALL], path: [P2, '文化引领人才行动计划'] },
  {
    n: '26', kind: 'task', starts: '民主法治人才项目。', lead: ['市委政法委'],
    co: ['市法院', '市检察院', '市公安局', '市司法局', '市法制办', ALL], path: [P2, '民生幸福人才行动计划'],
  },
  { n: '27', kind: 'task', starts: '杰出青年人才支持项目。', lead: ['团市委'], co: [RS] },
  { n: '29', kind: 'task', starts: '百名高端外国专家引进项目。', ends: '并给予相应的项目资助。', lead: [RS], co: [], path: [P2, '国际交流人才行动计划'] },
  { n: '32', kind: 'task', starts: '中国留学人员广州科技交流会。', lead: ['市留交办'], co: ['各有关单位', ALL], path: [P3, '人才交流培养体系'] },
  {
    n: '35', kind: 'task', starts: '“千人计划”南方创业服务中心。', lead: ['市委组织部'],
    co: ['市科技和信息化局', RS, '市财政局', '越秀区'], path: [P3, '人才创新创业体系'],
  },
  { n: '36', kind: 'task', starts: '人才特区。', lead: ['市委组织部'], co: [RS, '市科技和信息化局', '各有关区、县级市'] },
  { n: '38', kind: 'task', starts: '人才公寓。', lead: ['市住房保障办'], co: ['市规划局', '市国土房管局', ALL], path: [P3, '人才服务保障体系'] },
  { n: '40', kind: 'task', starts: '健全党管人才领导体制和工作格局。', lead: ['市委组织部'], co: ['市编办', RS, '各有关单位', ALL], path: ['创新人才工作体制机制'] },
  { n: '41', kind: 'task', starts: '确立人才优先投入机制。', lead: ['市财政局'], co: ['市委组织部', '各有关单位', ALL] },
  { n: '43', kind: 'task', starts: '加强组织领导。', lead: ['市委组织部'], co: ['各项目牵头单位', ALL], path: ['强化组织实施'] },
  { n: '45', kind: 'task', starts: '营造良好环境。', ends: '打造“国际人才港”品牌。', lead: ['市委组织部'], co: ['市委宣传部', '各有关单位', ALL] },
];

describe('golden: 广州市 2012 人才集聚工程 (units in a bracket after each item)', () => {
  it('takes the title from the page and invents no issuer, 文号 or cycle', () => {
    const { plan } = parsed();
    expect(plan.title).toBe('关于推进人才集聚工程的实施意见');
    // The page names no issuer; the government is read from the 中共广州市委 the document answers to
    // (the 意见 was issued by 中共广州市委 and 广州市人民政府 together; the clerk confirms it).
    expect(plan.issuer).toBe('广州市人民政府');
    expect(plan.docNumber ?? null).toBeNull();
    expect(plan.cycle).toBeUndefined();
  });

  it('has the 45 numbered items in order and nothing else (no chapter sentence is an item)', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [] });
  });

  it('keeps no unit label or bracket in any text or unit name', () => {
    for (const item of parsed().items) {
      expect(item.text, item.number).not.toMatch(/（牵头单位|配合单位：/); // item 43's text itself speaks of 各项目牵头单位
      for (const u of [...item.leadUnits, ...item.coUnits]) expect(u, item.number).not.toMatch(/[：:（）()，]/);
    }
  });

  it('item 43 states its own dates inside the text; they are not the plan deadline of item 44', () => {
    expect(itemNo(parsed(), '44').deadline).toBeNull();
  });

  it('warns that item 1 has no units', () => {
    const line = itemNo(parsed(), '1').line!;
    expect(parsed().warnings.some((w) => w.line === line)).toBe(true);
  });
});
