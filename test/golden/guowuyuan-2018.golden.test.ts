// Golden test: 国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见 (国发〔2018〕42号),
// test/golden/docs/guowuyuan-2018.txt — the whole gov.cn page text (see its .source.txt). Read by hand.
// Layout: items （一）–（二十） under parts 一–八; each task ends with `（甲、乙、丙等负责）`; the first
// bracket adds the rule `列第一位者为牵头单位，下同` — the first unit leads, the others assist, and the
// trailing 等 / 负责 are words, not part of a unit. `（农业农村部、工业和信息化部牵头负责）` names two
// parallel leads. Items (一) 指导思想 and (二) 发展目标 name no units (the office assigns them or drops
// them): a warning each. (二)'s heading line `（二）发展目标。` is followed by its text on two lines.
import { describe, expect, it } from 'vitest';
import { expectPlanHead, expectRow, itemNo, lazyParse, type Row } from './support';

const parsed = lazyParse('guowuyuan-2018.txt');

const GX = '工业和信息化部';
const NY = '农业农村部';
const FG = '发展改革委';
const P2 = ['加快推动农机装备产业高质量发展'];
const P4 = ['大力推广先进适用农机装备与机械化技术'];

const ROWS: Row[] = [
  { n: '三', kind: 'task', starts: '完善农机装备创新体系。瞄准农业机械化需求', ends: '促进农机装备领域高新技术产业发展。', lead: [GX], co: [FG, '科技部', NY], path: P2 },
  { n: '四', kind: 'task', starts: '推进农机装备全产业链协同发展。', ends: '创新现代农机服务模式。', lead: [GX], co: [FG, '科技部', NY, '商务部'], path: P2 },
  { n: '五', kind: 'task', starts: '优化农机装备产业结构布局。', lead: [GX], co: [FG, NY, '商务部', '国资委', '国际发展合作署'], path: P2 },
  { n: '六', kind: 'task', starts: '加强农机装备质量可靠性建设。', lead: ['市场监管总局'], co: [GX, FG, NY], path: P2 },
  { n: '七', kind: 'task', starts: '加快补齐全程机械化生产短板。', lead: [NY], co: [FG, '财政部'], path: ['着力推进主要农作物生产全程机械化'] },
  { n: '八', kind: 'task', starts: '协同构建高效机械化生产体系。', lead: [NY], co: [FG, '科技部', GX] },
  {
    n: '九', kind: 'task', starts: '加强绿色高效新机具新技术示范推广。', lead: [NY],
    co: ['科技部', GX, '财政部', '交通运输部', '商务部', '人民银行', '银保监会', '民航局'], path: P4,
  },
  { n: '十', kind: 'task', starts: '推动智慧农业示范应用。', lead: [NY], co: [FG, GX, '国资委'], path: P4 },
  { n: '十一', kind: 'task', starts: '提高农业机械化技术推广能力。', lead: [NY], co: [GX], path: P4 },
  { n: '十二', kind: 'task', starts: '发展农机社会化服务组织。', lead: [NY], co: ['财政部', '人民银行', '税务总局', '银保监会'], path: ['积极发展农机社会化服务'] },
  { n: '十三', kind: 'task', starts: '推进农机服务机制创新。', lead: [NY], co: [FG, '财政部', '自然资源部', '交通运输部'] },
  { n: '十四', kind: 'task', starts: '提高农机作业便利程度。', lead: [NY], co: [FG, '财政部', '自然资源部', '市场监管总局'], path: ['持续改善农机作业基础条件'] },
  { n: '十五', kind: 'task', starts: '改善农机作业配套设施条件。', lead: [NY], co: [FG, '财政部', '自然资源部', '税务总局'] },
  { n: '十六', kind: 'task', starts: '健全新型农业工程人才培养体系。', lead: ['教育部'], co: [GX, NY], path: ['切实加强农机人才培养'] },
  { n: '十七', kind: 'task', starts: '注重农机实用型人才培养。', lead: [NY], co: [GX] },
  { n: '十八', kind: 'task', starts: '健全组织实施机制。', ends: '重大问题及时向国务院报告。', lead: [NY, GX], co: [], path: ['强化组织领导'] },
  { n: '十九', kind: 'task', starts: '强化地方政府责任。各省级人民政府要认真研究', lead: ['各省级人民政府'], co: [] },
  { n: '二十', kind: 'task', starts: '促进政府与市场良性互动。', ends: '良好氛围。', lead: [NY], co: [GX], path: ['强化组织领导'] },
];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

describe('golden: 国务院 2018 国发〔2018〕42号 (（…等负责） brackets, first listed leads)', () => {
  it('reads title, issuer, 文号 and year from the document itself', () => {
    expectPlanHead(parsed().plan, { title: '国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见', issuer: '国务院', docNumber: '国发〔2018〕42号', year: 2018 });
  });

  it('has the 20 items （一）–（二十） in order and nothing else', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(CN);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], deadline: null });
  });

  it('the rule bracket and the words 等/负责 stay out of texts and unit names', () => {
    for (const item of parsed().items) {
      expect(item.text, item.number).not.toMatch(/列第一位|负责）/);
      for (const u of [...item.leadUnits, ...item.coUnits]) expect(u, item.number).not.toMatch(/等$|负责|牵头|。/);
    }
  });

  it('(一) and (二) name no units and are warned about; (二) keeps its two lines of text', () => {
    const { items, warnings } = parsed();
    for (const n of ['一', '二']) {
      const item = itemNo(parsed(), n);
      expect(item.leadUnits, n).toEqual([]);
      expect(warnings.some((w) => w.line === item.line), n).toBe(true);
    }
    const two = items.find((i) => i.number === '二')!;
    expect(two.text).toContain('到2020年，农机装备产业科技创新能力持续提升');
    expect(two.text).toContain('到2025年，农机装备品类基本齐全');
  });
});
