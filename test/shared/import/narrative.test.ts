// Narrative work reports (太仓 layout): only the coming year's work paragraphs become drafts.
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../../shared/import';

const DOC = [
  '政府工作报告', // 1
  '',
  '营商环境迈向更优。新增经营主体1万户。', // 3: last year's achievements
  '',
  '2025年目标任务和主要工作', // 5
  '今年政府工作的总体要求是：**坚持稳中求进，推动高质量发展。**', // 6: ends in markdown bold
  '全市经济社会发展的主要预期目标：地区生产总值增长5%以上，全社会固定资产投资超600亿元。', // 7
  '',
  '——坚定不移壮大新质生产力。牢牢把握高质量发展这个首要任务。', // 9
  '',
  '一、统筹“总量、增量、质量”，全力激发经济增长新动能', // 11
  '',
  '提升产业集群竞争力。新增国家级专精特新“小巨人”企业10家，上半年出台', // 13: cut by a page break
  '',
  '配套政策。', // 15
  '',
  '坚持教育优先发展。投用5个学校项目，新增学位9300个。', // 17
  '',
  '加强政府自身建设', // 19
  '',
  '各位代表！奋进新征程，必须勇于自我革命。', // 21
  '',
  '(一)坚持党的领导，强化政治担当。旗帜鲜明讲政治。', // 23
  '',
  '各位代表！梦虽遥，追则能达。在中共太仓市委的坚强领导下，我们一定能实现目标。', // 25
].join('\n');

describe('narrative work report', () => {
  const { plan, items, warnings } = parsePlanDocument(DOC);

  it('infers the issuer and the year', () => {
    expect(plan).toEqual({ title: '政府工作报告', issuer: '太仓市人民政府', docNumber: null, year: 2025 });
  });

  it('makes one draft per work paragraph of the coming year, numbered in order', () => {
    expect(items.map((i) => [i.kind, i.number, i.line, i.path.at(-1)])).toEqual([
      ['draft', '1', 13, '统筹“总量、增量、质量”，全力激发经济增长新动能'],
      ['draft', '2', 17, '统筹“总量、增量、质量”，全力激发经济增长新动能'],
      ['draft', '3', 23, '加强政府自身建设'],
    ]);
    expect(items[0]).toMatchObject({
      path: ['2025年目标任务和主要工作', '统筹“总量、增量、质量”，全力激发经济增长新动能'],
      text: '提升产业集群竞争力。新增国家级专精特新“小巨人”企业10家，上半年出台配套政策。',
      leadUnits: [],
      targets: [{ value: 10, unit: '家' }],
      deadline: '2025-06-30',
    });
    expect(items[2]!.text).toBe('坚持党的领导，强化政治担当。旗帜鲜明讲政治。');
  });

  it('points at the expected-targets paragraph it does not split', () => {
    expect(warnings).toEqual([{ line: 7, message: expect.stringContaining('主要预期目标') }]);
  });

  it('says so when the coming year section is missing', () => {
    const { warnings: w } = parsePlanDocument('政府工作报告\n\n一、推动发展\n\n坚持创新驱动。新增企业10家。');
    expect(w[0]).toMatchObject({ line: 1 });
  });
});
