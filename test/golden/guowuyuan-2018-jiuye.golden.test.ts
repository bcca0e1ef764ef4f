// Golden test: 国务院关于做好当前和今后一个时期促进就业工作的若干意见 (国发〔2018〕39号),
// test/golden/docs/guowuyuan-2018-jiuye.txt — the whole gov.cn page text (see its .source.txt). Read
// by hand. Items （一）–（十五） under parts 一–五, each ending with a `（…负责）` bracket; the first one
// states `列第一位者为牵头单位，下同`. The brackets' endings: `…，各省级人民政府按职责分工负责` (the
// provinces assist), `人力资源社会保障部等有关部门和单位负责` (the 等有关部门和单位 names nobody an
// account could be made for: only 人力资源社会保障部 is read), `各有关部门和单位按职责分工负责` (a
// placeholder group leads). The paragraph after （十五） (`从工业企业结构调整专项奖补资金中…`) closes
// the 意见: no number, no units, not an item; its `及时报送` names no cycle.
import { describe, expect, it } from 'vitest';
import { expectPlanHead, expectRow, lazyParse, type Row } from './support';

const parsed = lazyParse('guowuyuan-2018-jiuye.txt');

const RS = '人力资源社会保障部';
const ALL_DEPTS = '各有关部门和单位';
const PROV = '各省级人民政府';

const ROWS: Row[] = [
  { n: '一', kind: 'task', starts: '加大稳岗支持力度。对不裁员或少裁员的参保企业', ends: '上述资金由失业保险基金列支。', lead: [RS], co: ['财政部'], path: ['支持企业稳定发展'],
    targets: [] }, // `6个月` twice: a length of time, not a count
  { n: '二', kind: 'task', starts: '发挥政府性融资担保机构作用支持小微企业。', lead: ['财政部'], co: ['工业和信息化部', '人民银行', '银保监会'], path: ['支持企业稳定发展'] },
  { n: '三', kind: 'task', starts: '加大创业担保贷款贴息及奖补政策支持力度。', lead: ['财政部'], co: [RS, '人民银行', '银保监会'], path: ['鼓励支持就业创业'] },
  { n: '四', kind: 'task', starts: '支持创业载体建设。', lead: [RS], co: ['科技部', '财政部', '住房城乡建设部', '市场监管总局', PROV] },
  { n: '五', kind: 'task', starts: '扩大就业见习补贴范围。从2019年1月1日起', ends: '并适当提高补贴标准。', lead: [RS], co: [] },
  { n: '六', kind: 'task', starts: '支持困难企业开展职工在岗培训。', lead: [RS], co: ['财政部'], path: ['积极实施培训'] },
  { n: '七', kind: 'task', starts: '开展失业人员培训。', lead: [RS], co: ['财政部', '教育部'] },
  { n: '八', kind: 'task', starts: '放宽技术技能提升补贴申领条件。', lead: [RS], co: ['财政部'] },
  { n: '九', kind: 'task', starts: '实行失业登记常住地服务。', lead: [RS], co: ['财政部', '税务总局', PROV], path: ['及时开展下岗失业人员帮扶'] },
  { n: '十', kind: 'task', starts: '落实失业保险待遇。', lead: [RS], co: ['医保局'] },
  { n: '十一', kind: 'task', starts: '保障困难群众基本生活。', lead: ['财政部'], co: [RS, '民政部'] },
  { n: '十二', kind: 'task', starts: '落实地方政府主体责任。', ends: '确保各项政策尽快落地。', lead: [PROV], co: [], path: ['落实各方责任'] },
  { n: '十三', kind: 'task', starts: '明确部门组织协调责任。', lead: [ALL_DEPTS], co: [] },
  { n: '十四', kind: 'task', starts: '切实抓好政策服务。', lead: [ALL_DEPTS], co: [PROV] },
  { n: '十五', kind: 'task', starts: '指导企业等各方履行社会责任。', ends: '形成稳定、扩大就业的合力。', lead: [ALL_DEPTS], co: [PROV], path: ['落实各方责任'] },
];

describe('golden: 国务院 2018 国发〔2018〕39号 (（…按职责分工负责） brackets)', () => {
  it('reads title, issuer, 文号 and year from the document itself', () => {
    expectPlanHead(parsed().plan, { title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见', issuer: '国务院', docNumber: '国发〔2018〕39号', year: 2018 });
  });

  it('has the 15 items （一）–（十五） in order and nothing else', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(ROWS.map((r) => r.n));
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [] });
  });

  it('keeps the words 等/负责/按职责分工 out of unit names', () => {
    for (const item of parsed().items) {
      for (const u of [...item.leadUnits, ...item.coUnits]) expect(u, item.number).not.toMatch(/等|负责|职责|。/);
    }
  });

  it('the closing paragraph is not merged into （十五） and is reported', () => {
    const { items, warnings } = parsed();
    expect(items.some((i) => i.text.includes('从工业企业结构调整专项奖补资金中'))).toBe(false);
    expect(warnings.some((w) => w.line === 27)).toBe(true);
  });
});
