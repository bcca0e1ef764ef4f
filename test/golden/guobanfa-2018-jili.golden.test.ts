// Golden test: 国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知 (国办发〔2018〕117号),
// test/golden/docs/guobanfa-2018-jili.txt — the whole gov.cn page text (see its .source.txt). Read by
// hand. The 通知 is itself the list: 30 measures numbered `一、`–`三十、` (a numbering plans use for
// parts), each ending in `（甲、乙负责）`; `（甲会同有关部门负责）` — 甲 leads, 有关部门 assist (a
// placeholder group). No lead rule is stated: the first listed unit leads. The three closing paragraphs
// are no measures; the rule `每年2月底前…报送` is yearly, a cycle the product does not offer: none set.
import { describe, expect, it } from 'vitest';
import { expectPlanHead, expectRow, lazyParse, type Row } from './support';

const parsed = lazyParse('guobanfa-2018-jili.txt');

const FGW = '国家发展改革委';
const CZ = '财政部';
const GROUP = '有关部门';

const ROWS: Row[] = [
  { n: '一', kind: 'task', starts: '对深化商事制度改革成效显著', lead: ['市场监管总局'], co: [] },
  { n: '二', kind: 'task', starts: '对促进外贸、外资稳定增长', lead: ['商务部'], co: [] },
  { n: '三', kind: 'task', starts: '对促进社会投资健康发展', lead: [FGW], co: [] },
  { n: '五', kind: 'task', starts: '对财政预算执行、提高收入质量', lead: [CZ], co: [] },
  { n: '六', kind: 'task', starts: '对公路水路交通建设年度目标任务完成情况好', lead: ['交通运输部'], co: [CZ] },
  { n: '七', kind: 'task', starts: '对地方水利建设投资落实好', lead: ['水利部'], co: [FGW] },
  { n: '八', kind: 'task', starts: '对防范化解金融风险', lead: ['人民银行'], co: ['银保监会', '证监会'] },
  { n: '十三', kind: 'task', starts: '对改善地方科研基础条件', lead: ['科技部'], co: [CZ] },
  { n: '十五', kind: 'task', starts: '对促进工业稳增长和转型升级', lead: ['工业和信息化部'], co: [] },
  { n: '十六', kind: 'task', starts: '对大力培育发展战略性新兴产业', ends: '协同发展的优势产业集群和特色产业链。', lead: [FGW], co: [GROUP] },
  { n: '十八', kind: 'task', starts: '对培育壮大接续替代产业', lead: [FGW], co: [CZ, GROUP] },
  { n: '二十', kind: 'task', starts: '对校企合作推进力度大', lead: ['教育部'], co: [GROUP] },
  { n: '二十一', kind: 'task', starts: '对落实鼓励和支持就业创业政策措施工作力度大', lead: [CZ], co: ['人力资源社会保障部'] },
  { n: '二十二', kind: 'task', starts: '对在扶贫开发工作成效考核中', lead: [CZ], co: ['国务院扶贫办'] },
  { n: '二十四', kind: 'task', starts: '对棚户区改造、农村危房改造工作积极主动', lead: ['住房城乡建设部'], co: [FGW, CZ] },
  { n: '二十五', kind: 'task', starts: '对公立医院综合改革成效较为明显', lead: ['国家卫生健康委'], co: [CZ] },
  { n: '二十六', kind: 'task', starts: '对落实养老服务业支持政策积极主动', lead: [FGW], co: [CZ, '民政部'] },
  { n: '二十九', kind: 'task', starts: '对开展农村人居环境整治成效明显', lead: ['农业农村部'], co: [CZ] },
  { n: '三十', kind: 'task', starts: '对落实有关重大政策措施成效明显', ends: '实行“免督查”。', lead: ['国务院办公厅'], co: [] },
];

const CN = '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三 二十四 二十五 二十六 二十七 二十八 二十九 三十'.split(' ');

describe('golden: 国务院办公厅 2018 国办发〔2018〕117号 (一、… measures with （…负责）)', () => {
  it('reads the two-line title, issuer, 文号 and year', () => {
    expectPlanHead(parsed().plan, { title: '国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知', issuer: '国务院办公厅', docNumber: '国办发〔2018〕117号', year: 2018 });
  });

  it('has the 30 measures 一–三十 in order and nothing else', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(CN);
  });

  it.each(ROWS.map((r) => [r.n, r] as const))('item %s', (_, row) => {
    expectRow(parsed(), { ...row, leaders: [], path: [] });
  });

  it('no unit keeps 会同 or 负责, and every measure has a lead unit', () => {
    for (const item of parsed().items) {
      expect(item.leadUnits.length, item.number).toBeGreaterThan(0);
      for (const u of [...item.leadUnits, ...item.coUnits]) expect(u, item.number).not.toMatch(/会同|负责/);
    }
  });
});
