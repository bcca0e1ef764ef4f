// Layouts that print the units next to each task: `[牵头单位:…;责任单位:…]` after the task, or a
// line `责任单位：…` below it (fixtures written in the shapes other offices publish).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parsePlanDocument } from '../../../shared/import';
import { annotationPairs, extractBracketAnnotations } from '../../../shared/import/inline-units';
import { splitLines } from '../../../shared/import/text';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('annotations', () => {
  it('splits key:value pairs and takes bracketed annotations out of the text, nested brackets included', () => {
    expect(annotationPairs('牵头单位:区卫健局;责任单位:区财政局、区医保局；')).toEqual([
      ['牵头单位', '区卫健局'],
      ['责任单位', '区财政局、区医保局'],
    ]);
    expect(extractBracketAnnotations('年底前完成30条。（牵头单位：区城管局（市容办）；责任单位：各镇（街道））')).toEqual({
      body: '年底前完成30条。',
      pairs: [
        ['牵头单位', '区城管局（市容办）'],
        ['责任单位', '各镇（街道）'],
      ],
    });
    expect(extractBracketAnnotations('新建学校（含幼儿园）5所')).toEqual({ body: '新建学校（含幼儿园）5所', pairs: [] });
  });
});

describe('units in brackets after each task', () => {
  const text = fixture('inline-brackets.txt');
  const { plan, items, warnings } = parsePlanDocument(text);

  it('is detected and gives the header', () => {
    expect(detectFormat(splitLines(text))).toBe('inline');
    expect(plan).toEqual({ title: '相城区2024年民生实事项目责任分解方案', issuer: '苏州市相城区人民政府', docNumber: '相政发〔2024〕5号', year: 2024 });
  });

  it('reads tasks under their headings with leads, co-units, leaders, targets and deadlines', () => {
    expect(items.map((i) => [i.number, i.path.join('>')])).toEqual([
      ['1', '教育与健康>办好人民满意的教育'],
      ['2', '教育与健康>办好人民满意的教育'],
      ['3', '教育与健康>守护群众健康'],
      ['4', '城市建设与管理'],
      ['5', '城市建设与管理'],
      ['6', '城市建设与管理'],
    ]);
    expect(items[0]).toMatchObject({
      text: '新建改建学校5所，新增学位3000个，9月底前投入使用。',
      leadUnits: ['区教育局'],
      coUnits: ['区住建局', '区自然资源局', '区财政局'],
      targets: [expect.objectContaining({ value: 5, unit: '所' }), expect.objectContaining({ value: 3000, unit: '个' })],
      deadline: '2024-09-30',
    });
    expect(items[1]).toMatchObject({ leadUnits: ['区卫健局'], coUnits: ['区医保局'], leaders: ['张三'] }); // annotation on the next line
    expect(items[2]).toMatchObject({ leadUnits: ['区卫健局', '区民政局'], coUnits: ['各镇（街道）'], deadline: '2024-06-30' });
    expect(items[3]).toMatchObject({ leadUnits: ['区住建局', '区城管局'], coUnits: ['各镇（街道）'] }); // ★ inside 责任单位
    expect(items[5]).toMatchObject({
      text: '推进背街小巷整治，年底前完成30条道路提升。', // continued over two lines
      leadUnits: ['区城管局（市容办）'],
      deadline: '2024-12-31',
    });
  });

  it('warns about a task without any unit, with its line', () => {
    expect(warnings).toEqual([{ line: 21, message: '任务5没有标注责任单位' }]);
  });
});

describe('units on the lines below a task numbered (一)', () => {
  const { plan, items, warnings } = parsePlanDocument(fixture('inline-lines.txt'));

  it('reads (一) lines followed by units as tasks numbered 一', () => {
    expect(plan).toMatchObject({ issuer: '昆山市人民政府', docNumber: '昆政发〔2024〕3号', year: 2024 });
    expect(items.map((i) => [i.number, i.path.at(-1), i.text.slice(0, 10)])).toEqual([
      ['一', '推动产业转型升级', '加快发展先进制造业。'],
      ['二', '推动产业转型升级', '扩大有效投资'],
      ['三', '增进民生福祉', '新建幼儿园3所，新增'],
    ]);
  });

  it('reads 牵头 / 配合 / 责任 units, leaders and the time limit', () => {
    expect(items[0]).toMatchObject({ leadUnits: ['市工信局'], coUnits: ['市发展和改革委员会'], deadline: '2024-12-31' });
    expect(items[1]).toMatchObject({
      leadUnits: ['市发展和改革委员会'],
      coUnits: ['市财政局', '市自然资源和规划局'],
      deadline: '2024-06-30',
    });
    expect(items[2]).toMatchObject({ leadUnits: ['市教育局'], leaders: ['王五', '李四'], targets: [{ value: 3, unit: '所' }, { value: 1200, unit: '个' }].map((t) => expect.objectContaining(t)) });
  });

  it('warns about a unit line that follows no task', () => {
    expect(warnings).toEqual([{ line: 15, message: expect.stringContaining('前面没有任务') }]);
  });
});

describe('inline layouts of other places (issue 12)', () => {
  const parse = (...lines: string[]) => parsePlanDocument(['某市2024年重点工作任务分解方案', ...lines].join('\n'));

  it('a trailing bracket in ASCII punctuation, and 甲、乙牵头 in words', () => {
    const { items } = parse(
      '1.加快建设汽车产业基地。(牵头单位:市经贸委;配合单位:市发改委、市规划局)',
      '2.深化审批改革。（市政府办公室、市审改办牵头，市级各有关部门按职责分工负责）',
    );
    expect(items[0]).toMatchObject({ text: '加快建设汽车产业基地。', leadUnits: ['市经贸委'], coUnits: ['市发改委', '市规划局'] });
    expect(items[1]).toMatchObject({ text: '深化审批改革。', leadUnits: ['市政府办公室', '市审改办'], coUnits: ['市级各有关部门'] });
  });

  it('a 责任单位 line under the task: 甲、乙分别牵头 are parallel leads', () => {
    const { items } = parse('1.推进城市更新。', '责任单位：市住建局、市资规局分别牵头，各区政府配合');
    expect(items[0]).toMatchObject({ leadUnits: ['市住建局', '市资规局'], coUnits: ['各区政府'] });
  });

  it('—— sub-headings and sentences ending in ：are headings; 主要预期目标 rows are indicators', () => {
    const { items } = parse(
      '一、主要预期目标',
      '1.地区生产总值增长5%。',
      '责任单位：市发改委',
      '二、重点工作',
      '——推动产业转型升级',
      '2.新建5G基站1000个。',
      '责任单位：市工信局',
      '围绕建设现代化产业体系，重点抓好以下工作：',
      '3.新增高企100家。',
      '责任单位：市科技局',
    );
    expect(items.map((i) => [i.kind, i.number, i.path])).toEqual([
      ['indicator', '1', ['主要预期目标']],
      ['task', '2', ['重点工作', '推动产业转型升级']],
      ['task', '3', ['重点工作', '围绕建设现代化产业体系，重点抓好以下工作']],
    ]);
  });

  it('a long （一） chapter sentence ending in ：is a heading, not a task', () => {
    const { items } = parse(
      '（一）坚持把扩大有效投资作为稳增长的关键举措，聚焦重大项目、重点领域和薄弱环节，重点抓好以下工作：',
      '1.新开工重大项目50个。',
      '责任单位：市发改委',
    );
    expect(items.map((i) => [i.number, i.path])).toEqual([['1', ['坚持把扩大有效投资作为稳增长的关键举措，聚焦重大项目、重点领域和薄弱环节，重点抓好以下工作']]]);
  });

  it('11.121人才梯队项目 is task 11 when 11 comes next, 1.8万人 is no task', () => {
    const { items } = parse(
      '10.建设人才公寓。',
      '责任单位：市人社局',
      '11.121人才梯队项目。',
      '责任单位：市委人才办',
    );
    expect(items.map((i) => [i.number, i.text])).toEqual([
      ['10', '建设人才公寓。'],
      ['11', '121人才梯队项目。'],
    ]);
  });
});

describe('units in a `（甲、乙等负责）` bracket (国务院 style)', () => {
  const doc = [
    '某某省人民政府关于推进某项工作的意见',
    '一、主要任务',
    '（一）统筹两个市场，打造加工制造中心。',
    '1.拓展市场。推广试点。（甲局、乙局、丙局负责，排在第一位的部门为牵头部门，下同）',
    '2.提前适用政策。按规定执行。（丙局会同有关部门负责）',
    '（二）发展目标。',
    '到2025年，基本建成。',
    '（三）扩大消费。动员社会力量。（丁局、戊局等和各有关省级人民政府负责）',
    '（四）落实责任。各地要抓落实。（各有关部门和单位，各省级人民政府按职责分工负责）',
  ].join('\n');
  const { items } = parsePlanDocument(doc);
  const by = (n: string) => items.find((i) => i.number === n)!;

  it('is read as the unit list: first listed leads, 等 / 会同 / 按职责分工 are words, not units', () => {
    expect(detectFormat(splitLines(doc))).toBe('inline');
    expect([by('1').leadUnits, by('1').coUnits]).toEqual([['甲局'], ['乙局', '丙局']]);
    expect(by('1').text).toBe('拓展市场。推广试点。');
    expect([by('2').leadUnits, by('2').coUnits]).toEqual([['丙局'], ['有关部门']]);
    expect([by('三').leadUnits, by('三').coUnits]).toEqual([['丁局'], ['戊局', '各有关省级人民政府']]);
    expect([by('四').leadUnits, by('四').coUnits]).toEqual([['各有关部门和单位'], ['各省级人民政府']]);
  });

  it('a `（一）…。` line above numbered tasks is a heading named by its first sentence; otherwise an item', () => {
    expect(items.map((i) => i.number)).toEqual(['1', '2', '二', '三', '四']);
    expect(by('1').path).toEqual(['主要任务', '统筹两个市场，打造加工制造中心']);
    expect(by('二').text).toBe('发展目标。到2025年，基本建成。');
  });
});
