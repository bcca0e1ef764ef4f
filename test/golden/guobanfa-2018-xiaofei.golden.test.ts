// Golden test: 国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见 (国办发〔2018〕129号),
// test/golden/docs/guobanfa-2018-xiaofei.txt — the whole gov.cn page text (see its .source.txt). Read
// by hand. Items （一）–（十七） under parts 二–六; each ends in `（甲、乙、丙等和各有关省级人民政府负责）`:
// the central units (a list closed by 等), then the provinces — `各省级人民政府` / `各有关省级人民政府`,
// one placeholder group each. No lead rule is stated: the first listed unit leads. `中央和国家机关工委`
// is one unit (its 和 joins no list).
import { describe, expect, it } from 'vitest';
import { expectPlanHead, expectRow, lazyParse, type Row } from './support';

const parsed = lazyParse('guobanfa-2018-xiaofei.txt');

const ALLP = '各省级人民政府';
const SOMEP = '各有关省级人民政府';
const NY = '农业农村部';
const WL = '文化和旅游部';
const P2 = ['动员社会各界扩大贫困地区产品和服务消费'];

const ROWS: Row[] = [
  {
    n: '一', kind: 'task', starts: '推动各级机关和国有企事业单位等带头参与消费扶贫。', lead: ['扶贫办'],
    co: ['中央统战部', '中央和国家机关工委', '教育部', '卫生健康委', '人民银行', '国资委', '国管局', '中央军委政治工作部', '全国总工会', ALLP],
    path: P2,
  },
  { n: '二', kind: 'task', starts: '推动东西部地区建立消费扶贫协作机制。', lead: ['扶贫办'], co: ['发展改革委', '人力资源社会保障部', '商务部', SOMEP], path: P2 },
  {
    n: '三', kind: 'task', starts: '动员民营企业等社会力量参与消费扶贫。', lead: ['全国工商联'],
    co: ['发展改革委', '民政部', NY, '扶贫办', '全国总工会', '共青团中央', '全国妇联', ALLP], path: P2,
  },
  { n: '四', kind: 'task', starts: '打通供应链条。', lead: ['商务部'], co: ['发展改革委', NY, SOMEP], path: ['大力拓宽贫困地区农产品流通和销售渠道'] },
  { n: '六', kind: 'task', starts: '加快流通服务网点建设。', lead: ['商务部'], co: ['发展改革委', '交通运输部', '邮政局', '供销合作总社', SOMEP] },
  { n: '七', kind: 'task', starts: '加快农产品标准化体系建设。', lead: [NY], co: ['科技部', '市场监管总局', SOMEP], path: ['全面提升贫困地区农产品供给水平和质量'] },
  { n: '八', kind: 'task', starts: '提升农产品规模化供给水平。', lead: [NY], co: ['财政部', '商务部', SOMEP] },
  { n: '十二', kind: 'task', starts: '做好规划设计。', lead: [NY], co: [WL, SOMEP], path: ['大力促进贫困地区休闲农业和乡村旅游提质升级'] },
  { n: '十三', kind: 'task', starts: '加强宣传推介。', lead: [NY], co: [WL, '中央宣传部', '广电总局', '商务部', SOMEP] },
  {
    n: '十四', kind: 'task', starts: '加强组织领导。', lead: ['发展改革委'],
    co: ['扶贫办', NY, '商务部', WL, '供销合作总社', '财政部', ALLP], path: ['保障措施'],
  },
  { n: '十五', kind: 'task', starts: '完善利益机制。', lead: [NY], co: [WL, '扶贫办', '财政部', SOMEP] },
  {
    n: '十七', kind: 'task', starts: '强化督促落实。', lead: ['发展改革委'],
    co: ['扶贫办', NY, '商务部', WL, '供销合作总社', '财政部', SOMEP], path: ['保障措施'],
  },
];

const CN = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七'.split(' ');

describe('golden: 国务院办公厅 2018 国办发〔2018〕129号 (（…等和各有关省级人民政府负责）)', () => {
  it('reads title, issuer, 文号 and year from the document itself', () => {
    expectPlanHead(parsed().plan, { title: '国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见', issuer: '国务院办公厅', docNumber: '国办发〔2018〕129号', year: 2018 });
  });

  it('has the 17 items （一）–（十七） in order and nothing else', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(CN);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], deadline: null });
  });

  it('every item ends with the provinces and no unit keeps 等 or 负责', () => {
    for (const item of parsed().items) {
      expect([ALLP, SOMEP], item.number).toContain(item.coUnits.at(-1));
      for (const u of [...item.leadUnits, ...item.coUnits]) expect(u, item.number).not.toMatch(/等|负责/);
    }
  });
});
