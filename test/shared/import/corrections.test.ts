import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../../shared/import';
import { applyCorrections, describeCorrection, isHeadingLine, refOf } from '../../../shared/import/corrections';
import { sameUnitReason, suggestSameUnits } from '../../../shared/import/near-duplicates';
import { Corrections, type Correction } from '../../../shared/schemas/import-corrections';
import { isGroupName } from '../../../worker/src/db/import';

const DOC = [
  '测试区人民政府文件',
  '测政发〔2025〕9号',
  '测试区2025年重点工作任务分解方案',
  '一、推进产业发展',
  '1、新建标准厂房20万平方米，上半年完成主体工程。[牵头单位:区发改委;责任单位:区工信局、区商务局]',
  '2、新增规上工业企业50家。[牵头单位:区工信局;责任单位:各镇（街道）]',
  '3、推进重点项目上半年全[牵头单位:用直镇]',
  '4、面开工建设。[牵头单位:甪直镇]',
  '二、增进民生福祉',
  '5、新增学位3000个，九月底前投入使用。建成养老中心12个。[牵头单位:区教育局;责任单位:区财政局]',
].join('\n');

const parsed = parsePlanDocument(DOC);
const item = (n: string) => parsed.items.find((i) => i.number === n)!;
const ref = (n: string) => ({ at: refOf(item(n)), was: item(n).text });

describe('applyCorrections', () => {
  it('parses the test document as expected', () => {
    expect(parsed.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(item('3').leadUnits).toEqual(['用直镇']);
  });

  it('edits text, units, leaders and targets of one item and leaves the parse untouched', () => {
    const ops: Correction[] = [
      { op: 'edit', ...ref('1'), text: '新建标准厂房25万平方米。', leadUnits: ['区发改委', '区工信局'], leaders: ['张三'], targets: [{ text: '标准厂房25万平方米', value: 25, unit: '万平方米' }] },
    ];
    const r = applyCorrections(parsed, ops, DOC);
    expect(r.outcomes).toEqual([null]);
    const one = r.parsed.items[0]!;
    expect(one).toMatchObject({ text: '新建标准厂房25万平方米。', leadUnits: ['区发改委', '区工信局'], leaders: ['张三'] });
    // a unit made lead leaves the co-units
    expect(one.coUnits).toEqual(['区商务局']);
    expect(one.targets).toEqual([{ text: '标准厂房25万平方米', value: 25, unit: '万平方米' }]);
    expect(parsed.items[0]!.text).toContain('20万平方米');
  });

  it('merges an item with the next and keeps both sets of units', () => {
    const r = applyCorrections(parsed, [{ op: 'merge', ...ref('3'), next: refOf(item('4')), nextWas: item('4').text }], DOC);
    expect(r.outcomes).toEqual([null]);
    expect(r.parsed.items.map((i) => i.number)).toEqual(['1', '2', '3', '5']);
    const merged = r.parsed.items[2]!;
    expect(merged.text).toBe(`${item('3').text}${item('4').text}`);
    expect(merged.leadUnits).toEqual(['用直镇', '甪直镇']);
  });

  it('refuses to merge items that are not adjacent', () => {
    const r = applyCorrections(parsed, [{ op: 'merge', ...ref('1'), next: refOf(item('3')), nextWas: item('3').text }], DOC);
    expect(r.outcomes[0]).toMatch(/不相邻/);
    expect(r.parsed.items).toHaveLength(5);
  });

  it('splits an item at an offset into two numbered items with their own targets', () => {
    const text = item('5').text;
    const offset = text.indexOf('建成');
    const r = applyCorrections(parsed, [{ op: 'split', ...ref('5'), offset }], DOC);
    expect(r.outcomes).toEqual([null]);
    const [a, b] = r.parsed.items.slice(4);
    expect(a!.text).toBe(text.slice(0, offset).trim());
    expect(b!.text).toBe(text.slice(offset).trim());
    expect(b!.number).toBe('5-2');
    expect(a!.targets.map((t) => t.value)).toEqual([3000]);
    expect(b!.targets.map((t) => t.value)).toEqual([12]);
    expect(b!.leadUnits).toEqual(['区教育局']);
  });

  it('turns an item into a heading over the rest of its section, and a heading line into a task', () => {
    const h = applyCorrections(parsed, [{ op: 'heading', ...ref('2') }], DOC);
    expect(h.parsed.items.map((i) => i.number)).toEqual(['1', '3', '4', '5']);
    expect(h.parsed.items[1]!.path).toEqual([...item('2').path, item('2').text]);
    expect(h.parsed.items[3]!.path).toEqual(item('5').path);

    const line = DOC.split('\n').indexOf('二、增进民生福祉') + 1;
    const t = applyCorrections(parsed, [{ op: 'task', line, was: '二、增进民生福祉' }], DOC);
    expect(t.outcomes).toEqual([null]);
    const added = t.parsed.items[4]!;
    expect(added).toMatchObject({ kind: 'task', text: '增进民生福祉', line, leadUnits: [] });
    expect(t.parsed.items[5]!.path).not.toContain('增进民生福祉');
    // Items above the line keep their headings.
    expect(t.parsed.items[0]!.path).toEqual(item('1').path);

    expect(isHeadingLine('二、增进民生福祉', '增进民生福祉')).toBe(true);
    expect(isHeadingLine('测试区2025年重点工作任务分解方案', '工作任务分解')).toBe(false);

    const loose = applyCorrections(parsed, [
      { op: 'task', line: 3, was: '测试区2025年重点工作任务分解方案' },
      { op: 'task', line: 5, was: DOC.split('\n')[4]! },
      { op: 'task', line: 9, was: '二、改过的标题' },
    ], DOC);
    expect(loose.parsed.items[0]).toMatchObject({ number: '第3行', text: '测试区2025年重点工作任务分解方案', path: item('1').path, line: 3 });
    expect(loose.outcomes.slice(1)).toEqual([expect.stringContaining('已是一项'), expect.stringContaining('原文已改变')]);
  });

  it('renames a unit everywhere and sets the plan fields', () => {
    const r = applyCorrections(parsed, [
      { op: 'same-unit', name: '用直镇', as: '甪直镇' },
      { op: 'plan', issuer: '测试区人民政府', docNumber: '测政发〔2025〕10号', cycle: 'quarterly', dueDay: 20 },
    ], DOC);
    expect(r.outcomes).toEqual([null, null]);
    expect(r.parsed.items.flatMap((i) => i.leadUnits)).not.toContain('用直镇');
    expect(r.parsed.plan).toMatchObject({ issuer: '测试区人民政府', docNumber: '测政发〔2025〕10号' });
    expect(r).toMatchObject({ cycle: 'quarterly', dueDay: 20 });
  });

  it('reports, and skips, corrections made for a text that has changed', () => {
    const changed = DOC.replace('新建标准厂房20万', '新建标准厂房30万');
    const again = parsePlanDocument(changed);
    const ops: Correction[] = [
      { op: 'edit', ...ref('1'), leaders: ['张三'] },
      { op: 'edit', ...ref('2'), leaders: ['李四'] },
      { op: 'edit', at: { line: 99, number: '9' }, was: 'x', leaders: ['王五'] },
      { op: 'same-unit', name: '不存在局', as: '区发改委' },
    ];
    const r = applyCorrections(again, ops, changed);
    expect(r.outcomes[0]).toMatch(/原文已改变/);
    expect(r.outcomes[1]).toBeNull();
    expect(r.outcomes[2]).toMatch(/找不到/);
    expect(r.outcomes[3]).toMatch(/不存在局/);
    expect(r.parsed.items[0]!.leaders).toEqual([]);
    expect(r.parsed.items[1]!.leaders).toEqual(['李四']);
  });

  it('describes each correction in the clerk’s words', () => {
    expect(describeCorrection({ op: 'edit', ...ref('1'), text: 'x', leadUnits: ['a'] })).toBe('第 1 项：改内容、牵头单位');
    expect(describeCorrection({ op: 'merge', ...ref('3'), next: refOf(item('4')), nextWas: 'x' })).toBe('第 3 项与第 4 项合并');
    expect(describeCorrection({ op: 'plan', issuer: '测试区人民政府', dueDay: 20 })).toBe('方案信息：发文机关、截止日');
    expect(describeCorrection({ op: 'same-unit', name: '用直镇', as: '甪直镇' })).toBe('“用直镇”即“甪直镇”');
  });

  it('validates the list: bad shapes are refused by the schema', () => {
    expect(Corrections.safeParse([{ op: 'edit', at: { line: 1, number: '1' }, was: 'x', text: '' }]).success).toBe(false);
    expect(Corrections.safeParse([{ op: 'drop-table' }]).success).toBe(false);
    expect(Corrections.safeParse(Array.from({ length: 301 }, () => ({ op: 'plan' }))).success).toBe(false);
    expect(Corrections.safeParse([{ op: 'same-unit', name: '发改委\u202e', as: '发改委' }]).success).toBe(false);
    const long = 'x'.repeat(5000);
    expect(Corrections.safeParse(Array.from({ length: 100 }, () => ({ op: 'edit', at: { line: 1, number: '1' }, was: long, text: long }))).success).toBe(false);
    expect(Corrections.safeParse([{ op: 'split', at: { line: 1, number: '1' }, was: 'x', offset: 3 }]).success).toBe(true);
  });
});

describe('near-duplicate unit names', () => {
  it('knows OCR look-alikes, level prefixes and abbreviations, and not different offices', () => {
    expect(sameUnitReason('用直镇', '甪直镇')).toBe('ocr');
    expect(sameUnitReason('区发改委', '发改委')).toBe('prefix');
    expect(sameUnitReason('吴中公安分局', '公安分局', '吴中')).toBe('prefix');
    expect(sameUnitReason('污防攻坚办', '污染防治攻坚办')).toBe('abbr');
    expect(sameUnitReason('污染防治办', '污染防治攻坚办')).toBe('abbr');
    expect(sameUnitReason('税务局', '商务局')).toBeNull();
    expect(sameUnitReason('东山镇', '金山镇')).toBeNull();
    expect(sameUnitReason('财政局', '财政局（国资办）')).toBeNull();
    expect(sameUnitReason('区工信局', '区商务局')).toBeNull();
  });

  it('offers three spellings as one unit, preferring the organisation’s existing unit', () => {
    const s = suggestSameUnits({
      used: new Map([['污染防治办', 3], ['污防攻坚办', 1], ['用直镇', 2], ['税务局', 4]]),
      existing: new Map([['污染防治攻坚办', 5], ['甪直镇', 9], ['商务局', 7]]),
      rejected: [],
      isGroup: isGroupName,
    });
    expect(s).toEqual(expect.arrayContaining([
      { name: '污染防治办', as: '污染防治攻坚办', existing: true, reason: 'abbr' },
      { name: '污防攻坚办', as: '污染防治攻坚办', existing: true, reason: 'abbr' },
      { name: '用直镇', as: '甪直镇', existing: true, reason: 'ocr' },
    ]));
    expect(s).toHaveLength(3);
  });

  it('within one document picks the spelling most items use, and drops rejected pairs', () => {
    const used = new Map([['用直镇', 3], ['甪直镇', 5]]);
    expect(suggestSameUnits({ used, existing: new Map(), rejected: [], isGroup: isGroupName })).toEqual([
      { name: '用直镇', as: '甪直镇', existing: false, reason: 'ocr' },
    ]);
    expect(suggestSameUnits({ used, existing: new Map(), rejected: [['甪直镇', '用直镇']], isGroup: isGroupName })).toEqual([]);
  });

  it('catches an OCR spelling that already became a unit, when the document uses it, and never pairs units the document does not use', () => {
    const existing = new Map([['用直镇', 3], ['甪直镇', 40], ['税务局', 9], ['东山镇', 12]]);
    expect(suggestSameUnits({ used: new Map([['用直镇', 2]]), existing, rejected: [], isGroup: isGroupName })).toEqual([
      { name: '用直镇', as: '甪直镇', existing: true, reason: 'ocr' },
    ]);
    expect(suggestSameUnits({ used: new Map([['东山镇', 2]]), existing, rejected: [], isGroup: isGroupName })).toEqual([]);
  });

  it('finds the known spellings across the Wuzhong seeds without flagging distinct offices', () => {
    const names = (f: string) => {
      const m = new Map<string, number>();
      for (const it of parsePlanDocument(readFileSync(`seeds/${f}`, 'utf8')).items) for (const n of [...it.leadUnits, ...it.coUnits, ...it.areas]) m.set(n, (m.get(n) ?? 0) + 1);
      return m;
    };
    const existing = names('wuzhong-2023-tasks.txt');
    const s = suggestSameUnits({ used: names('wuzhong-2024-tasks.txt'), existing, rejected: [], place: '吴中', isGroup: isGroupName });
    const pairs = s.map((x) => `${x.name}→${x.as}`);
    expect(pairs).toContain('用直镇→甪直镇');
    expect(pairs).toContain('污染防治办→污染防治攻坚办');
    expect(pairs.some((p) => /税务局|商务局|水务局/.test(p))).toBe(false);
  });
});
