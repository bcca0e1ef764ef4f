import { describe, expect, it } from 'vitest';
import { detectFormat, parsePlanDocument } from '../../../shared/import';
import { splitLines } from '../../../shared/import/text';

const T = (...cells: string[]) => cells.join('\t');

describe('a table read by its header (TAB rows: the text contract of .docx/.xlsx/HTML)', () => {
  const doc = [
    '某区2024年重点工作任务清单',
    T('序号', '工作任务', '责任领导', '牵头单位', '责任单位', '完成时限'),
    T('一、主要预期目标', '', '', '', '', ''),
    T('1', '地区生产总值增长6%。', '张三', '区发改委', '区统计局', '年底前'),
    T('二、重点工作', '', '', '', '', ''),
    T('2', '新建幼儿园3所。', '李四', '区教育局、区住建局', '各镇（街道）', '9月底前'),
    T('3', '完成老旧小区改造10个。', '', '区住建局', '', ''),
  ].join('\n');
  const { items } = parsePlanDocument(doc);

  it('is detected as a header-mapped table', () => {
    expect(detectFormat(splitLines(doc))).toBe('table');
  });

  it('reads every column by its header: 序号, text, leaders, leads, co units, deadline', () => {
    expect(items.map((i) => [i.kind, i.number, i.path.join('/')])).toEqual([
      ['indicator', '1', '主要预期目标'],
      ['task', '2', '重点工作'],
      ['task', '3', '重点工作'],
    ]);
    expect(items[1]).toMatchObject({
      text: '新建幼儿园3所。',
      leaders: ['李四'],
      leadUnits: ['区教育局', '区住建局'],
      coUnits: ['各镇（街道）'],
      deadline: '2024-09-30',
    });
    expect(items[0]).toMatchObject({ leaders: ['张三'], leadUnits: ['区发改委'], coUnits: ['区统计局'], deadline: '2024-12-31' });
  });

  it('reads 配合单位 as co units, a rule in the header as the rule, and numbers a row without 序号', () => {
    const d = [
      '某县2023年重点工作责任分工方案',
      T('序号', '重点工作', '责任单位（★为牵头单位）', '配合单位', '时间节点'),
      T('（一）扩大有效投资', '', '', '', ''),
      T('1', '新开工项目50个。', '县交通局、★县发改局', '县财政局', '6月底前'),
      T('', '新建污水管网10公里。', '县住建局', '', '年内'),
    ].join('\n');
    const p = parsePlanDocument(d);
    expect(p.items.map((i) => [i.number, i.path, i.leadUnits, i.coUnits, i.deadline])).toEqual([
      ['1', ['扩大有效投资'], ['县发改局'], ['县交通局', '县财政局'], '2023-06-30'],
      ['2', ['扩大有效投资'], ['县住建局'], [], '2023-12-31'],
    ]);
    expect(p.warnings.some((w) => w.line === 5 && w.message.includes('没有序号'))).toBe(true);
  });
});

describe('the same table in the shapes of a browser copy', () => {
  it('every cell on its own line ending in ` |`', () => {
    const doc = ['重点工作及责任清单', '序号 |', '重点工作 |', '责任领导 |', '责任单位 |', '完成时限 |', '1 |', '建成标准厂房5万平方米。 |', '王五 |', '招商局、财政局 |', '6月底前 |'].join('\n');
    const { items } = parsePlanDocument(doc, { fileName: '2025.txt' });
    expect(detectFormat(splitLines(doc))).toBe('table');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ number: '1', leaders: ['王五'], leadUnits: ['招商局'], coUnits: ['财政局'] });
  });

  it('what follows the last row on the page is no part of it, and is reported', () => {
    const doc = ['2024年重点任务清单', '序号', '工作任务', '责任单位', '完成时限', '1', '建成公园1个。', '区住建局', '年底前', '扫一扫在手机打开当前页', '打印本页'].join('\n');
    const { items, warnings } = parsePlanDocument(doc, { fileName: '2024.txt' });
    expect(items.map((i) => [i.text, i.leadUnits, i.deadline])).toEqual([['建成公园1个。', ['区住建局'], '2024-12-31']]);
    expect(warnings).toContainEqual({ line: 10, message: expect.stringContaining('表格之后的2行') });
  });

  it('one cell per line, no separators; a heading between rows', () => {
    const doc = [
      '2024年重点任务分解表',
      '序号', '工作任务', '牵头单位', '配合单位', '完成时限',
      '一、产业发展',
      '1', '引进亿元项目20个。', '区商务局', '各街道', '年底前',
      '2', '新增规上企业30家。', '区工信局', '区统计局', '全年',
    ].join('\n');
    const { items } = parsePlanDocument(doc);
    expect(items.map((i) => [i.number, i.path, i.leadUnits, i.coUnits, i.deadline])).toEqual([
      ['1', ['产业发展'], ['区商务局'], ['各街道'], '2024-12-31'],
      ['2', ['产业发展'], ['区工信局'], ['区统计局'], '2024-12-31'],
    ]);
  });

  it('a table with a 项目 column stays with the grouped layouts', () => {
    expect(detectFormat(['序号\t项目\t重点工作目标任务\t牵头领导\t责任单位', '1\t稳增长\t(1)做好…\t张三\t★发改委'])).not.toBe('table');
  });
});

describe('header words', () => {
  it('reads the usual variants of each column name', () => {
    const doc = ['2024年台账', T('序号', '具体工作', '责任人', '牵头部门', '协办单位', '时间安排', '备注'), T('1', '建成驿站5个。', '赵六', '区总工会', '各街道', '10月底前', '')].join('\n');
    expect(parsePlanDocument(doc).items[0]).toMatchObject({
      text: '建成驿站5个。',
      leaders: ['赵六'],
      leadUnits: ['区总工会'],
      coUnits: ['各街道'],
      deadline: '2024-10-31',
    });
  });
});

describe('several tables, notes', () => {
  it('a second table brings its own header; a rule note under a table is no heading', () => {
    const doc = [
      '某区2024年重点工作任务分解表',
      T('序号', '工作任务', '责任单位', '完成时限'),
      T('1', '新建学校2所。', '区教育局、区住建局', '年底前'),
      '注：列第一位的为牵头单位。',
      '附件2',
      T('序号', '民生实事', '责任领导', '牵头单位', '配合单位'),
      T('1', '新增停车位500个。', '王五', '区城管局', '各街道'),
    ].join('\n');
    const { items, warnings } = parsePlanDocument(doc);
    expect(items.map((i) => [i.number, i.path, i.leadUnits, i.coUnits, i.leaders])).toEqual([
      ['1', [], ['区教育局'], ['区住建局'], []],
      ['1', ['附件2'], ['区城管局'], ['各街道'], ['王五']],
    ]);
    expect(warnings.filter((w) => w.line > 1)).toEqual([{ line: 7, message: expect.stringContaining('序号1与前面的条目重复') }]);
  });
});

describe('headings numbered in the 序号 column', () => {
  it('`一 ⇥ 主要预期目标` is a part, `（一） ⇥ 扩大投资` a chapter', () => {
    const doc = [
      '某县2024年重点工作任务分解表',
      T('序号', '工作任务', '牵头单位', '完成时限'),
      T('一', '主要预期目标', '', ''),
      T('1', '地区生产总值增长6%。', '县发改委', '年底前'),
      T('二', '重点工作', '', ''),
      T('（一）', '扩大投资', '', ''),
      T('2', '新开工项目30个。', '县发改委', '6月底前'),
    ].join('\n');
    expect(parsePlanDocument(doc).items.map((i) => [i.kind, i.number, i.path])).toEqual([
      ['indicator', '1', ['主要预期目标']],
      ['task', '2', ['重点工作', '扩大投资']],
    ]);
  });
});

describe('a group column (类别/项目), vertically merged', () => {
  it('TAB rows repeat it: it becomes the group of each row; 责任单位, numbers and deadlines are kept', () => {
    const doc = [
      '某区2024年重点工作任务分解表',
      T('序号', '类别', '工作任务', '牵头领导', '牵头单位', '责任单位', '完成时限'),
      T('1', '稳增长', '新开工重大项目50个。', '张三', '区发改委', '区住建局、区资规局', '6月底前'),
      T('2', '稳增长', '完成固定资产投资300亿元。', '张三', '区发改委', '各街道', '年底前'),
      T('3', '惠民生', '新增学位2000个。', '李四', '区教育局', '区财政局', '9月底前'),
    ].join('\n');
    expect(detectFormat(splitLines(doc))).toBe('table');
    const { items } = parsePlanDocument(doc);
    expect(items.map((i) => [i.number, i.path, i.leadUnits, i.coUnits, i.deadline])).toEqual([
      ['1', ['稳增长'], ['区发改委'], ['区住建局', '区资规局'], '2024-06-30'],
      ['2', ['稳增长'], ['区发改委'], ['各街道'], '2024-12-31'],
      ['3', ['惠民生'], ['区教育局'], ['区财政局'], '2024-09-30'],
    ]);
  });

  it('a web copy gives the merged cell once: the rows below it get it back', () => {
    const doc = ['任务清单', '序号 |', '项目 |', '工作任务 |', '责任单位 |', '1 |', '稳增长 |', '新开工项目5个。 |', '区发改委 |', '2 |', '完成投资10亿元。 |', '区住建局 |'].join('\n');
    const { items } = parsePlanDocument(doc, { fileName: '2024.txt' });
    expect(items.map((i) => [i.number, i.path, i.text, i.leadUnits])).toEqual([
      ['1', ['稳增长'], '新开工项目5个。', ['区发改委']],
      ['2', ['稳增长'], '完成投资10亿元。', ['区住建局']],
    ]);
  });

  it('numbered tasks (1)(2) in the task cells under group numbers stay with the grouped layout (吴中)', () => {
    const rows = ['序号\t名称\t工作任务\t主要责任单位', ...[1, 2, 3].map((n) => `${n}\t组${n}\t(${n}) 任务甲。(${n + 10}) 任务乙。\t★发改委`)];
    expect(detectFormat(rows)).toBe('tsv');
  });
});
