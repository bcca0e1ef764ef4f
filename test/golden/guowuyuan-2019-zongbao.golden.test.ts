// Golden test: 国务院关于促进综合保税区高水平开放高质量发展的若干意见 (国发〔2019〕3号),
// test/golden/docs/guowuyuan-2019-zongbao.txt — the whole gov.cn page text (see its .source.txt). Read
// by hand. Three levels: part `四、主要任务`, chapters `（一）统筹两个市场，打造加工制造中心。` (a heading
// closed by `。`: numbered tasks follow it), tasks `1.`–`21.` each ending in `（甲、乙负责）`; the first
// bracket states `排在第一位的部门为牵头部门`; `甲、乙等有关部门负责` names 甲 and 乙 only.
// A true ambiguity: part `二、基本原则` numbers four principles （一）–（四） (sentences, no units) before
// the chapters reuse those numbers. They read as items without units; the clerk is warned and drops
// them. The test pins the 21 tasks and that each principle is warned about.
import { describe, expect, it } from 'vitest';
import { expectPlanHead, expectRow, lazyParse, type Row } from './support';

const parsed = lazyParse('guowuyuan-2019-zongbao.txt');

const HG = '海关总署';
const TASKS = ['主要任务'];
const c1 = [...TASKS, '统筹两个市场，打造加工制造中心'];
const c2 = [...TASKS, '推动创新创业，打造研发设计中心'];
const c3 = [...TASKS, '推进贸易便利化，打造物流分拨中心'];
const c4 = [...TASKS, '延伸产业链条，打造检测维修中心'];
const c5 = [...TASKS, '培育新动能新优势，打造销售服务中心'];

const ROWS: Row[] = [
  { n: '1', kind: 'task', starts: '拓展两个市场。积极稳妥地在综合保税区推广', ends: '资格试点。', lead: ['税务总局'], co: ['财政部', HG], path: c1 },
  { n: '2', kind: 'task', starts: '提前适用政策。', lead: [HG], co: ['财政部', '税务总局'], path: c1 },
  { n: '3', kind: 'task', starts: '释放企业产能。', lead: [HG], co: ['商务部'], path: c1 },
  { n: '4', kind: 'task', starts: '促进内销便利。', lead: ['商务部'], co: [HG], path: c1 },
  { n: '5', kind: 'task', starts: '强化企业市场主体地位。', lead: [HG], co: [], path: c1 },
  { n: '6', kind: 'task', starts: '促进研发创新。', lead: [HG], co: ['商务部'], path: c2 },
  { n: '7', kind: 'task', starts: '建设创新高地。', lead: ['发展改革委'], co: ['科技部', HG], path: c2 },
  { n: '8', kind: 'task', starts: '优化信用管理。', lead: ['市场监管总局'], co: [HG], path: c2 },
  { n: '9', kind: 'task', starts: '支持医疗设备研发。', lead: ['药监局'], co: [HG], path: c2 },
  { n: '10', kind: 'task', starts: '简化进出区管理。', lead: [HG], co: [], path: c3 },
  { n: '12', kind: 'task', starts: '试行汽车保税存储。', lead: ['发展改革委'], co: [HG], path: c3 },
  { n: '13', kind: 'task', starts: '促进文物回流。', lead: [HG], co: ['文化和旅游部', '文物局'], path: c3 },
  { n: '14', kind: 'task', starts: '开展检测维修。', lead: ['商务部'], co: ['工业和信息化部', '生态环境部', HG], path: c4 },
  { n: '15', kind: 'task', starts: '支持再制造业。', lead: ['商务部'], co: ['发展改革委', '工业和信息化部', HG], path: c4 },
  { n: '17', kind: 'task', starts: '发展租赁业态。', lead: [HG], co: ['财政部', '税务总局'], path: c5 },
  { n: '18', kind: 'task', starts: '促进跨境电商发展。', lead: ['商务部'], co: [HG], path: c5 },
  { n: '20', kind: 'task', starts: '支持期货交割。', lead: [HG], co: ['证监会'], path: c5 },
  { n: '21', kind: 'task', starts: '推广创新制度。', lead: [HG], co: ['商务部'], path: c5 },
];

describe('golden: 国务院 2019 国发〔2019〕3号 (part / （一）…中心。 / 1. tasks with （…负责）)', () => {
  it('reads title, issuer, 文号 and year from the document itself', () => {
    expectPlanHead(parsed().plan, { title: '国务院关于促进综合保税区高水平开放高质量发展的若干意见', issuer: '国务院', docNumber: '国发〔2019〕3号', year: 2019 });
  });

  it('has the 21 numbered tasks in order; no chapter heading is an item', () => {
    const numbered = parsed().items.filter((i) => /^\d+$/.test(i.number));
    expect(numbered.map((i) => i.number)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(parsed().items.some((i) => /^统筹两个市场|^推动创新创业|^培育新动能/.test(i.text))).toBe(false);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], deadline: null });
  });

  it('anything besides the 21 tasks is one of the four 基本原则, without units and warned about', () => {
    const { items, warnings } = parsed();
    const others = items.filter((i) => !/^\d+$/.test(i.number));
    expect(others.length).toBeLessThanOrEqual(4);
    for (const item of others) {
      expect(item.text).toMatch(/^坚持/);
      expect(item.leadUnits).toEqual([]);
      expect(warnings.some((w) => w.line === item.line)).toBe(true);
    }
  });
});
