import { describe, expect, it } from 'vitest';
import { isRuleLine, readDocRules, stripRuleText } from '../../../shared/import/doc-rules';
import { parsePlanDocument } from '../../../shared/import';

describe('rules a document states about its unit lists', () => {
  it('reads 列第一位为牵头单位, 无牵头单位的责任单位即为牵头单位, ★为牵头单位', () => {
    expect(readDocRules(['责任分解中，列第一位的责任单位为牵头单位。'])).toMatchObject({ firstListedLeads: true });
    expect(readDocRules(['（甲、乙负责。列第一位者为牵头单位，下同）'])).toMatchObject({ firstListedLeads: true });
    expect(readDocRules(['牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要统筹'])).toMatchObject({ unitsLeadWithoutLead: true });
    expect(readDocRules(['注：★为牵头单位'])).toMatchObject({ starLeads: true, unitsLeadWithoutLead: false });
  });

  it('takes the rule out of a header or a note', () => {
    expect(stripRuleText('责任单位（列第一位的为牵头单位）')).toBe('责任单位');
    expect(stripRuleText('责任单位(★为牵头单位)')).toBe('责任单位');
    expect(isRuleLine('注：列第一位的为牵头单位。')).toBe(true);
    expect(isRuleLine('责任单位：区发改委')).toBe(false);
  });

  it('applies 无牵头单位的，责任单位即为牵头单位: every 责任单位 leads when no 牵头单位 is named', () => {
    const doc = [
      '某市2023年目标任务责任分解方案',
      '牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要统筹相关责任单位制订办理方案。',
      '一、扩大有效投资',
      '1.新开工重大项目100个。',
      '责任单位：市发改委、市住建局',
      '2.新建学校5所。',
      '牵头单位：市教育局',
      '责任单位：市住建局',
    ].join('\n');
    const { items } = parsePlanDocument(doc);
    expect(items[0]).toMatchObject({ leadUnits: ['市发改委', '市住建局'], coUnits: [] });
    expect(items[1]).toMatchObject({ leadUnits: ['市教育局'], coUnits: ['市住建局'] });
  });

  it('never leaves a rule note in a task or a unit', () => {
    const doc = ['某区2024年重点工作任务分解方案', '1.新建公园2个。', '责任单位：区住建局、区城管局', '注：列第一位的为牵头单位。'].join('\n');
    const { items, warnings } = parsePlanDocument(doc);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ leadUnits: ['区住建局'], coUnits: ['区城管局'] });
    expect(warnings.map((w) => w.message).join()).not.toContain('第一位');
  });
});
