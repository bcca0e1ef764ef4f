import { describe, expect, it } from 'vitest';
import { extractDeadline } from '../../../shared/import/deadline';

const at = (text: string, year = 2024) => extractDeadline(text, year);

describe('extractDeadline', () => {
  it('maps quarters and halves to their last day', () => {
    expect(at('一季度完成招标')).toBe('2024-03-31');
    expect(at('一季度末完成招标')).toBe('2024-03-31');
    expect(at('第二季度开工')).toBe('2024-06-30');
    expect(at('136个新开工区重点项目三季度全部开工')).toBe('2024-09-30');
    expect(at('上半年全部开工')).toBe('2024-06-30');
    expect(at('年中前完成评估')).toBe('2024-06-30');
    expect(at('下半年启动')).toBe('2024-12-31');
  });

  it('maps month words, in digits or Chinese numerals', () => {
    expect(at('3月底前完成')).toBe('2024-03-31');
    expect(at('九月底前全部开工')).toBe('2024-09-30');
    expect(at('9月底建成')).toBe('2024-09-30');
    expect(at('2月底前完成')).toBe('2024-02-29'); // 2024 is a leap year
    expect(at('2月底前完成', 2023)).toBe('2023-02-28');
    expect(at('10月前投用')).toBe('2024-10-31');
    expect(at('11月份完成验收')).toBe('2024-11-30');
    expect(at('十二月底前完成')).toBe('2024-12-31');
    expect(at('5月20日前提交方案')).toBe('2024-05-20');
  });

  it('maps year words to the last day of the plan year', () => {
    for (const word of ['年底前完成', '年末完成', '年内建成', '全年竣工投产', '确保今年完成']) {
      expect(at(word), word).toBe('2024-12-31');
    }
  });

  it('takes the earliest of several time words', () => {
    expect(at('确保37个项目上半年全部开工，154个项目九月底前全部开工，全年竣工投产超100个')).toBe('2024-06-30');
  });

  it('ignores texts without a time word and dates of other years', () => {
    expect(at('完成年度投资650亿元以上')).toBeNull();
    expect(at('危桥当年处置率均达100%')).toBeNull();
    expect(at('实施三年行动，三年内完成')).toBeNull();
    expect(at('每季度报送一次')).toBeNull();
    expect(at('力争2025年底前建成')).toBeNull();
    expect(at('2024年6月底前完成')).toBe('2024-06-30');
    expect(at('2025年6月底前完成')).toBeNull();
  });
});
