// The five real documents in seeds/: counts, headers and the contract. Their parse time is
// printed by test/bench/import.bench.ts (a timing is a figure, not a unit test on a shared machine).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parsePlanDocument } from '../../../shared/import';
import { splitLines } from '../../../shared/import/text';
import { ParsedPlan } from '../../../shared/schemas/import';

const seed = (name: string) => readFileSync(new URL(`../../../seeds/${name}`, import.meta.url), 'utf8');

const SEEDS = [
  { file: 'wuzhong-2024-tasks.txt', format: 'tsv', indicators: 8, tasks: 88, drafts: 0,
    plan: { title: '苏州市吴中区政府2024年主要工作任务分解方案', issuer: '苏州市吴中区人民政府', docNumber: '吴政发〔2024〕1号', year: 2024 } },
  { file: 'wuzhong-2024-tasks-ocr2.md', format: 'tsv', indicators: 8, tasks: 88, drafts: 0,
    plan: { title: '苏州市吴中区人民政府2024年主要工作任务分解方案', issuer: '苏州市吴中区人民政府', docNumber: '吴政发〔2024〕1号', year: 2024 } },
  { file: 'wuzhong-2023-tasks.txt', format: 'tsv', indicators: 11, tasks: 108, drafts: 0,
    plan: { title: '苏州市吴中区人民政府2023年主要工作任务分解方案', issuer: '苏州市吴中区人民政府', docNumber: '吴政发〔2023〕2号', year: 2023,
      // the notice: 请各主要责任单位每月 25 日前报送工作进展
      cycle: 'monthly', dueDay: 25, cycleSource: '请各主要责任单位每月25日前报送工作进展，区政府办公室将定期组织专项督查和通报，通报结果将作为各单位服务高质量发展考核的重要依据。' } },
  { file: 'wujiang-2024-tasks.txt', format: 'pipe', indicators: 11, tasks: 107, drafts: 0,
    plan: { title: '区政府2024年重点工作目标任务分解落实方案', issuer: '苏州市吴江区人民政府', docNumber: null, year: 2024 } },
  { file: 'taicang-2025-work-report.txt', format: 'narrative', indicators: 0, tasks: 0, drafts: 25,
    plan: { title: '政府工作报告', issuer: '太仓市人民政府', docNumber: null, year: 2025 } },
] as const;

describe.each(SEEDS)('$file', ({ file, format, indicators, tasks, drafts, plan }) => {
  const text = seed(file);
  const parsed = parsePlanDocument(text, { fileName: file });
  const count = (kind: string) => parsed.items.filter((i) => i.kind === kind).length;

  it(`is read as ${format} with the header as printed`, () => {
    expect(detectFormat(splitLines(text))).toBe(format);
    expect(parsed.plan).toEqual(plan);
  });

  it(`gives ${indicators} indicators, ${tasks} tasks and ${drafts} drafts`, () => {
    expect([count('indicator'), count('task'), count('draft')]).toEqual([indicators, tasks, drafts]);
  });

  it('satisfies the ParsedPlan contract, with clean texts and names', () => {
    expect(() => ParsedPlan.parse(parsed)).not.toThrow();
    for (const item of parsed.items) {
      const where = `${item.kind} ${item.number} (line ${item.line})`;
      expect(item.text, where).not.toMatch(/\s|<\/?[a-z]+>|^\s*[(（]\d+[)）]/);
      expect(item.path.length, where).toBeGreaterThan(0);
      for (const name of [...item.leadUnits, ...item.coUnits, ...item.areas, ...item.leaders]) {
        expect(name, where).toMatch(/^[^\s★()]+$/);
      }
    }
  });
});

describe('seed irregularities', () => {
  it('wuzhong-2024: rows printed above their group label, group rows repeated after page breaks', () => {
    const { items, warnings } = parsePlanDocument(seed('wuzhong-2024-tasks.txt'));
    expect(warnings).toEqual([]);
    const task = (n: string) => items.find((i) => i.kind === 'task' && i.number === n)!;
    for (const n of ['61', '62', '63', '64', '65', '66']) expect(task(n).path.at(-1), n).toBe('全力增进民生福祉');
    expect(task('19').path.at(-1)).toBe('激发创新主体源动力'); // group row 5 repeated after the page break
    expect(task('81').path).toEqual(['工作任务分解', '全面建设人民满意政府', '始终把政治建设摆在首位']);
    expect(task('80').leadUnits).toEqual(['发改委', '水务局', '应急管理局', '市场监管局', '资规分局', '气象局']);
  });

  it('wuzhong-2024 OCR copy: same numbers, and every shifted unit cell is reported', () => {
    const clean = parsePlanDocument(seed('wuzhong-2024-tasks.txt'));
    const ocr = parsePlanDocument(seed('wuzhong-2024-tasks-ocr2.md'));
    expect(ocr.items.map((i) => `${i.kind}${i.number}`)).toEqual(clean.items.map((i) => `${i.kind}${i.number}`));
    expect(ocr.warnings.map((w) => w.line)).toEqual([59, 61, 66, 73, 77, 82, 87, 90, 95, 99]);
  });

  it('wuzhong-2023: the 打好三场硬仗 block numbered (1)-(8) before the main numbering restarts', () => {
    const { items } = parsePlanDocument(seed('wuzhong-2023-tasks.txt'));
    const tasks = items.filter((i) => i.kind === 'task');
    expect(tasks.slice(0, 8).every((t) => t.path[1] === '打好三场硬仗')).toBe(true);
    expect(tasks[8]).toMatchObject({ number: '1', path: ['工作任务分解', '实施产业强区工程，打造质效双优的实力吴中', '更大力度打造产业集群'] });
  });

  it('wujiang-2024: group titles split over two rows are joined', () => {
    const { items } = parsePlanDocument(seed('wujiang-2024-tasks.txt'));
    const block = (n: string) => items.find((i) => i.number === n)!.path.at(-1);
    expect([block('43'), block('45'), block('60'), block('62'), block('63')]).toEqual([
      '壮大新兴产业', '壮大新兴产业', '保护用好文化资源', '保护用好文化资源', '繁荣文化事业和产业',
    ]);
  });

  it('taicang-2025: no drafts from last year\'s achievements', () => {
    const { items } = parsePlanDocument(seed('taicang-2025-work-report.txt'));
    expect(items.every((i) => i.path[0] === '2025年目标任务和主要工作')).toBe(true);
    expect(items[0]!.text.startsWith('提升重大项目支撑力。')).toBe(true);
  });
});
