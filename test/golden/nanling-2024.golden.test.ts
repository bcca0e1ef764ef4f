// Golden test: 南陵县《2024年〈政府工作报告〉重点工作目标任务分解表》(县, 2024), docs/nanling-2024.txt —
// a page holding rows 80–81 of the table, copied one cell a line with ` |` after each cell. Read by
// hand: the header names 分管县领导 (printed `分 管 县领导`), a 牵头责任单位 column (the leads) and a
// 责任单位 column (co units: the placeholder 县各有关单位). Row 80's text starts mid-sentence, as
// printed. Row 81's leader cell `陆 明俞 悦` is two leaders, 陆明 and 俞悦 (俞悦 alone in row 80).
// No issuer or 文号 on the page.
import { describe, expect, it } from 'vitest';
import { expectRow, lazyParse } from './support';

const parsed = lazyParse('nanling-2024.txt');

describe('golden: 南陵县 2024 (` |` cells, 牵头责任单位 column)', () => {
  it('reads the title and year', () => {
    const { plan } = parsed();
    expect(plan.title).toBe('2024年《政府工作报告》重点工作目标任务分解表');
    expect(plan.year).toBe(2024);
    expect(plan.docNumber).toBeNull();
    expect(plan.issuer).toBe('');
  });

  it('has rows 80 and 81', () => {
    expect(parsed().items.map((i) => i.number)).toEqual(['80', '81']);
  });

  it('row 80', () => {
    expectRow(parsed(), {
      n: '80',
      kind: 'task',
      starts: '极回应群众新期待新要求,加大普惠性托育供给,新增托位数400个以上',
      ends: '推动义务教育优质均衡发展。',
      leaders: ['俞悦'],
      lead: ['县教育局'],
      co: ['县各有关单位'],
      deadline: null,
      targets: [[400, '个']],
      path: [],
    });
  });

  it('row 81: two leaders printed without a space between them', () => {
    expectRow(parsed(), {
      n: '81',
      kind: 'task',
      starts: '保障芜职院现代物流智造学院秋季开学',
      ends: '探索职业教育赋能区域发展路径。',
      leaders: ['陆明', '俞悦'],
      lead: ['县教育局'],
      co: ['县各有关单位'],
      deadline: null,
      targets: [],
      path: [],
    });
  });
});
