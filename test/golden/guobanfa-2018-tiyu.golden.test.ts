// Golden test: 国务院办公厅关于加快发展体育竞赛表演产业的指导意见 (国办发〔2018〕121号),
// test/golden/docs/guobanfa-2018-tiyu.txt — the whole gov.cn page text (see its .source.txt). Read by
// hand. Items （一）–（十九）; （四）–（十九） end in `（甲、乙负责）` (no lead rule stated: the first listed
// leads). Part 一、总体要求 holds （一）指导思想, （二）基本原则。 — its four `坚持…` principles are the
// paragraphs below it, part of item 二 — and （三）发展目标; these three name no units (warned). The
// paragraph after （十九） (`各地区、各有关部门要…`) closes the 意见 and is no item.
import { describe, expect, it } from 'vitest';
import { expectPlanHead, expectRow, itemNo, lazyParse, type Row } from './support';

const parsed = lazyParse('guobanfa-2018-tiyu.txt');

const TY = '体育总局';
const P2 = ['丰富赛事活动，完善赛事体系'];
const P3 = ['壮大市场主体，优化市场环境'];

const ROWS: Row[] = [
  { n: '四', kind: 'task', starts: '大力发展职业赛事。', lead: [TY], co: ['民政部', '人力资源社会保障部'], path: P2 },
  { n: '五', kind: 'task', starts: '支持引进国际重大赛事。', lead: [TY], co: ['北京冬奥组委'], path: P2 },
  { n: '六', kind: 'task', starts: '引导扶持业余精品赛事。', lead: [TY], co: [], path: P2 },
  { n: '八', kind: 'task', starts: '促进体育竞赛与文化表演互动融合。', lead: [TY], co: ['文化和旅游部'], path: P2 },
  { n: '九', kind: 'task', starts: '支持企业发展。', lead: [TY], co: ['市场监管总局'], path: P3 },
  { n: '十', kind: 'task', starts: '鼓励创新创业。', lead: [TY], co: ['网信办', '科技部', '工业和信息化部'], path: P3 },
  { n: '十二', kind: 'task', starts: '引导消费理念。', lead: [TY], co: ['公安部', '市场监管总局', '财政部'], path: P3 },
  { n: '十三', kind: 'task', starts: '改善消费条件。', lead: ['银保监会'], co: ['人民银行', TY], path: P3 },
  { n: '十四', kind: 'task', starts: '完善产业链条。', lead: ['发展改革委'], co: ['工业和信息化部', TY], path: ['优化产业布局，加强平台建设'] },
  { n: '十六', kind: 'task', starts: '打造发展平台。', lead: ['广电总局'], co: ['版权局', '司法部', TY] },
  { n: '十七', kind: 'task', starts: '深化国际合作。', lead: [TY], co: ['外交部', '公安部', '海关总署', '交通运输部'] },
  { n: '十八', kind: 'task', starts: '持续推进“放管服”改革。', lead: [TY], co: ['发展改革委', '公安部', '市场监管总局'], path: ['强化协调配合，加强资金保障'] },
  { n: '十九', kind: 'task', starts: '完善相关投入机制。', lead: [TY], co: ['人民银行', '银保监会', '证监会', '财政部'], path: ['强化协调配合，加强资金保障'] },
];

const CN = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九'.split(' ');

describe('golden: 国务院办公厅 2018 国办发〔2018〕121号 (（甲、乙负责）, no stated rule)', () => {
  it('reads title, issuer, 文号 and year from the document itself', () => {
    expectPlanHead(parsed().plan, { title: '国务院办公厅关于加快发展体育竞赛表演产业的指导意见', issuer: '国务院办公厅', docNumber: '国办发〔2018〕121号', year: 2018 });
  });

  it('has the 19 items （一）–（十九） in order and nothing else', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(CN);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], deadline: null });
  });

  it('（二）基本原则 keeps its four principles; （一）–（三） name no units and are warned about', () => {
    const two = itemNo(parsed(), '二');
    for (const p of ['坚持问题导向。', '坚持市场驱动。', '坚持融合发展。', '坚持因地制宜。']) expect(two.text).toContain(p);
    for (const n of ['一', '二', '三']) {
      const item = itemNo(parsed(), n);
      expect(item.leadUnits, n).toEqual([]);
      expect(parsed().warnings.some((w) => w.line === item.line), n).toBe(true);
    }
  });

  it('the closing paragraph is not merged into （十九）', () => {
    expect(itemNo(parsed(), '十九').text).not.toContain('各地区、各有关部门要充分认识');
  });
});
