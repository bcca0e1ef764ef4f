// Tab-separated task tables (吴中 layout) on small hand-made documents.
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../../shared/import';

const row = (...cells: string[]) => cells.join('\t');
const HEADER = row('序号', '名称', '工作任务', '主要责任单位');

function parse(lines: string[]) {
  return parsePlanDocument(['苏州市吴中区人民政府文件', '吴政发〔2024〕1号', '吴中区2024年主要工作任务分解方案', ...lines].join('\n'));
}

describe('tab-separated task table', () => {
  it('reads indicators, chapters, groups and several tasks per row with one unit group each', () => {
    const { plan, items, warnings } = parse([
      HEADER,
      row('一、经济社会发展主要预期目标', '', '', ''),
      row('1', '地区生产总值', '地区生产总值增长 5% 以上', '★发改委'),
      row('二、工作任务分解', '', '', ''),
      row('(一) 实施产业跃升行动，打造开放发展集聚区', '', '', ''),
      row('1', '打造优势产业集群', '<p>(1) 改造提升老旧工业区 1050 亩。</p> <p>(2) 九月底前全部开工。</p>', '<p>★工信局、发改委</p> <p>★工信局、★农业农村局、资规分局</p>'),
    ]);
    expect(plan).toEqual({ title: '吴中区2024年主要工作任务分解方案', issuer: '苏州市吴中区人民政府', docNumber: '吴政发〔2024〕1号', year: 2024 });
    expect(warnings).toEqual([]);
    expect(items.map((i) => [i.kind, i.number])).toEqual([['indicator', '1'], ['task', '1'], ['task', '2']]);
    expect(items[0]).toMatchObject({ path: ['经济社会发展主要预期目标'], text: '地区生产总值增长5%以上', leadUnits: ['发改委'], line: 6 });
    expect(items[1]).toMatchObject({
      path: ['工作任务分解', '实施产业跃升行动，打造开放发展集聚区', '打造优势产业集群'],
      text: '改造提升老旧工业区1050亩。',
      leadUnits: ['工信局'],
      coUnits: ['发改委'],
      targets: [{ text: '改造提升老旧工业区1050亩', value: 1050, unit: '亩' }],
      deadline: null,
    });
    expect(items[2]).toMatchObject({ leadUnits: ['工信局', '农业农村局'], coUnits: ['资规分局'], deadline: '2024-09-30' });
  });

  it('continues a group after a page break and gives rows printed above their group label to that group', () => {
    const { items, warnings } = parse([
      HEADER,
      row('二、工作任务分解', '', '', ''),
      row('(一) 实施民生改善行动', '', '', ''),
      row('', '', '(1) 建成学校5所。', '★教育局'),
      row('1', '全力增进民生福祉', '(2) 新建医院1所。', '★卫健委'),
      '',
      HEADER,
      row('1', '全力增进民生福祉', '(3) 新增养老床位200张。', '★民政局'),
      row('全面建设人民满意政府', '', '', ''),
      row('2', '始终把依法行政扛在肩上', '(4) 常态化学法。', '各相关单位'),
    ]);
    expect(warnings).toEqual([]);
    expect(items.map((i) => i.path.at(-1))).toEqual(['全力增进民生福祉', '全力增进民生福祉', '全力增进民生福祉', '始终把依法行政扛在肩上']);
    expect(items[3]!.path).toEqual(['工作任务分解', '全面建设人民满意政府', '始终把依法行政扛在肩上']);
    expect(items[3]).toMatchObject({ leadUnits: ['各相关单位'], coUnits: [] });
  });

  it('reads the 2023 columns: areas, leaders and space-separated groups for several tasks', () => {
    const { items, warnings } = parse([
      row('序号', '名称', '工作任务', '主要责任部门', '主要责任板块', '分管区领导'),
      row('二、工作任务分解', '', '', '', '', ''),
      row('1', '打好污染防治攻坚战', '(1) 推进整改。', '★污防攻坚办、 ★水务局', '_____', '周学斌 李 烨'),
      row('', '', '(2) 推进治理。', '★水务局、城投集团', '度假区、经开区，各镇', '张 伟'),
      row('2', '推进公共服务优质化', '<p>(3) 建设医院。</p> <p>(4) 建设学校。</p>', '★卫健委 ★教育局', '—— ——', '朱筱菁 朱筱菁'),
    ]);
    expect(warnings).toEqual([]);
    expect(items.map((i) => [i.leadUnits, i.coUnits, i.areas, i.leaders])).toEqual([
      [['污防攻坚办', '水务局'], [], [], ['周学斌', '李烨']],
      [['水务局'], ['城投集团'], ['度假区', '经开区', '各镇'], ['张伟']],
      [['卫健委'], [], [], ['朱筱菁']],
      [['教育局'], [], [], ['朱筱菁']],
    ]);
  });

  it('splits a chapter glued in front of a group name by OCR', () => {
    const { items, warnings } = parse([
      HEADER,
      row('二、工作任务分解', '', '', ''),
      row('7', '(三) 实施生态攻坚行动  持续推进太湖综合整治', '(1) 开展排查。', '★生态环境局'),
      row('8', '(四) 实施城乡融合行动', '(2) 完成规划。', '★资规分局'),
    ]);
    expect(items[0]!.path).toEqual(['工作任务分解', '实施生态攻坚行动', '持续推进太湖综合整治']);
    expect(items[1]!.path).toEqual(['工作任务分解', '实施城乡融合行动']);
    expect(warnings).toEqual([{ line: 7, message: expect.stringContaining('第8组没有名称') }]);
  });

  it('warns, with line numbers, about unit groups that do not match the tasks and lines it cannot read', () => {
    const { items, warnings } = parse([
      HEADER,
      row('二、工作任务分解', '', '', ''),
      row('1', '打造优势产业集群', '<p>(1) 甲。</p> <p>(2) 乙。</p> <p>(3) 丙。</p>', '★商务局 ★工信局'),
      row('', '', '(4) 丁。', ''),
      '这一行没有制表符',
    ]);
    expect(items).toHaveLength(4);
    expect(items[2]).toMatchObject({ number: '3', leadUnits: [], coUnits: [] });
    expect(warnings).toEqual([
      { line: 6, message: expect.stringContaining('任务(3)没有责任单位') },
      { line: 7, message: '任务(4)的责任单位为空' },
      { line: 8, message: expect.stringContaining('这一行没有制表符') },
    ]);
  });
});
