import { describe, expect, it } from 'vitest';
import { parsePlanDocument, readReportingRule } from '../../../shared/import';

describe('readReportingRule: the notice’s reporting rule', () => {
  it('每月25日前 → monthly, day 25, with its sentence', () => {
    expect(readReportingRule(['一、请于每月25日前将进展情况报区政府督查室。二、加强督查。'])).toEqual({
      cycle: 'monthly',
      dueDay: 25,
      cycleSource: '一、请于每月25日前将进展情况报区政府督查室。',
    });
  });

  it('每季度末月20日前 and 每季度最后一个月的30日前 → quarterly', () => {
    expect(readReportingRule(['各牵头单位每季度末月20日前报送落实情况。'])).toMatchObject({ cycle: 'quarterly', dueDay: 20 });
    expect(readReportingRule(['在每季度最后一个月的30日前报送。'])).toMatchObject({ cycle: 'quarterly', dueDay: 30 });
  });

  it('每半年末月25日前 → half-yearly; a cycle without a day has no due day', () => {
    expect(readReportingRule(['每半年末月25日前报送一次。'])).toMatchObject({ cycle: 'half_yearly', dueDay: 25 });
    expect(readReportingRule(['牵头单位每季度报送一次进展。'])).toEqual({ cycle: 'quarterly', cycleSource: '牵头单位每季度报送一次进展。' });
  });

  it('joins a sentence cut by a page break and ignores one-off dates', () => {
    const lines = ['各地、各部门要对照工作目标任务，落实推进措施。请各主要责任', '', '单位每月 25 日前报送工作进展。'];
    expect(readReportingRule(lines).cycleSource).toBe('请各主要责任单位每月25日前报送工作进展。');
    expect(readReportingRule(['请于2023年2月10日前报送办理方案。'])).toEqual({});
  });

  it('is read from the notice only, not from a task that reports monthly', () => {
    const doc = ['某区2024年重点工作任务分解方案', '一、经济发展', '1.建立月报制度，每月10日前通报。', '责任单位：区统计局'].join('\n');
    expect(parsePlanDocument(doc).plan.cycle).toBeUndefined();
  });
});
