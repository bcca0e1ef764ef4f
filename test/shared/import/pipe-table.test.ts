// Tables flattened to one cell per line with `|` lines between cells (吴江 layout).
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../../shared/import';

const DOC = [
  '苏州市吴江区人民政府', // 1
  '区政府2024年重点工作目标任务分解落实方案',
  '(共6项)',
  '序号', '|', '项目', '|', '重点工作目标任务', '|', '牵头领导', '|', '责任单位', '|', // 4-13
  '一、2024年全区经济社会发展主要预期目标', '|', '||||', // 14-16
  '1', '|', '主要预期目标', '|', // 17-20
  '1.地区生产总值增长5%以上。', '|', '钱 宇', '|', '★区发改委、统计局', '|', // 21-26
  '2.一般公共预算收入增长6%以上。', '|', '★区财政局、税务局', '|', '|||', // 27-31 (leader merged)
  '|', '||||', // 32-33: a part heading row printed empty
  '1', '|', '壮大新', '|', // 34-37
  '3.招引新能源项目15个以上。', '|', '王 嵘', '方 勇', '|', '★区发改委、★工信局', '|', // 38-44
  '||', '兴产业', '|', // 45-47: the rest of the merged group title
  '4.年底前建成10个起降点。', '|', '|', '★区交通运输局', '|', // 48-52 (empty leader cell)
  '三、强化科技创新引领,培育新动能', '|', '||||', // 53-55
  '1', '|', '育强科创森林', '|', // 56-59
  '5.高新技术企业数突破1600家。', '|', '|', '★区科技局、工信局', '|', // 60-64
  '繁荣文化事业和产业', '|', // 65-66: a group whose 序号 cell is empty
  '6.新签约文旅产业项目25个。', '|', '孙俊良', '|', '★文旅集团', '|', // 67-72
  '注:责任单位中,带“★”者为牵头单位。', // 73
  '原文链接:', // 74
  'TOP', // 75
].join('\n');

describe('pipe-flattened table', () => {
  const { plan, items, warnings } = parsePlanDocument(DOC);

  it('reads the header without a document number', () => {
    expect(plan).toEqual({ title: '区政府2024年重点工作目标任务分解落实方案', issuer: '苏州市吴江区人民政府', docNumber: null, year: 2024 });
  });

  it('numbers indicators and tasks as printed, with their paths', () => {
    expect(items.map((i) => [i.kind, i.number, i.path.join('>')])).toEqual([
      ['indicator', '1', '2024年全区经济社会发展主要预期目标>主要预期目标'],
      ['indicator', '2', '2024年全区经济社会发展主要预期目标>主要预期目标'],
      ['task', '3', '壮大新兴产业'], // no part heading printed; the title continued in row 4
      ['task', '4', '壮大新兴产业'],
      ['task', '5', '强化科技创新引领,培育新动能>育强科创森林'],
      ['task', '6', '强化科技创新引领,培育新动能>繁荣文化事业和产业'],
    ]);
    expect(items[0]).toMatchObject({ text: '地区生产总值增长5%以上。', line: 21 });
  });

  it('carries merged and empty leader cells down, but not across a part heading', () => {
    expect(items.map((i) => i.leaders)).toEqual([['钱宇'], ['钱宇'], ['王嵘', '方勇'], ['王嵘', '方勇'], [], ['孙俊良']]);
  });

  it('reads units, targets and deadlines', () => {
    expect(items[2]).toMatchObject({ leadUnits: ['区发改委', '工信局'], coUnits: [], targets: [{ value: 15, unit: '个' }] });
    expect(items[3]).toMatchObject({ leadUnits: ['区交通运输局'], deadline: '2024-12-31' });
  });

  it('reports only the web page lines after the table', () => {
    expect(warnings).toEqual([{ line: 74, message: expect.stringContaining('2行') }]);
  });

  it('reports a printed item count that does not match', () => {
    const { warnings: w } = parsePlanDocument(DOC.replace('(共6项)', '(共7项)'));
    expect(w).toContainEqual({ line: 3, message: '文件注明共7项，解析出6项，请核对' });
  });
});

describe('a task number followed by a digit (issue 12)', () => {
  it('`11.121人才梯队项目` after item 10 is item 11', () => {
    const doc = ['某区2024年重点工作目标任务分解落实方案', '序号', '|', '项目', '|', '重点工作目标任务', '|', '牵头领导', '|', '责任单位', '|',
      '二、人才强区', '|', '1', '|', '人才引育', '|', '10.新引进高层次人才100名。', '|', '张三', '|', '★人才办', '|',
      '11.121人才梯队项目全面实施。', '|', '★人社局', '|'].join('\n');
    const { items } = parsePlanDocument(doc);
    expect(items.map((i) => [i.number, i.text, i.leadUnits])).toEqual([
      ['10', '新引进高层次人才100名。', ['人才办']],
      ['11', '121人才梯队项目全面实施。', ['人社局']],
    ]);
  });
});
