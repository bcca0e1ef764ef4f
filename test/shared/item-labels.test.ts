import { describe, expect, it } from 'vitest';
import { chineseNumeral, planItemLabels } from '../../shared/item-labels';
import { itemLabel, taskRowLabel } from '../../shared/labels';

const t = (number: string) => ({ kind: 'task', number });
const ind = (number: string) => ({ kind: 'indicator', number });

describe('planItemLabels', () => {
  it('keeps the plain label when a number occurs once, indicators and tasks in their own series', () => {
    expect(planItemLabels([ind('1'), ind('2'), t('1'), t('2')])).toEqual(['指标 1', '指标 2', '任务 1', '任务 2']);
  });
  it('puts the numbering run in front of numbers a plan prints twice (吴中 2023: 任务 1–3, then 1–4)', () => {
    const labels = planItemLabels([ind('1'), t('1'), t('2'), t('3'), t('1'), t('2'), t('3'), t('4')]);
    expect(labels).toEqual(['指标 1', '任务 一.1', '任务 一.2', '任务 一.3', '任务 二.1', '任务 二.2', '任务 二.3', '任务 4']);
    expect(new Set(labels).size).toBe(labels.length);
  });
  it('counts runs per kind: a restart of the indicators does not move the tasks', () => {
    expect(planItemLabels([ind('1'), t('1'), ind('1'), t('2')])).toEqual(['指标 一.1', '任务 1', '指标 二.1', '任务 2']);
  });
  it('falls back to a suffix when even the run does not tell two items apart', () => {
    const labels = planItemLabels([t(''), t(''), t('5'), t('5a'), t('5a')]);
    expect(labels).toEqual(['任务-1', '任务-2', '任务 5', '任务 三.5a', '任务 四.5a']);
    const same = planItemLabels([t('3'), t('3')]);
    expect(same).toEqual(['任务 一.3', '任务 二.3']);
  });
  it('never returns a suffix that another item already holds', () => {
    const labels = planItemLabels([{ kind: 'task', number: '' }, { kind: 'task', number: '' }, { kind: 'draft', number: '' }]);
    expect(new Set(labels).size).toBe(3);
  });
  it('writes run numbers as a clerk says them', () => {
    expect([1, 9, 10, 12, 20, 21, 99, 100].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '二十一', '九十九', '100']);
  });
});

describe('itemLabel', () => {
  it('prefers the stored label and falls back to kind + number for old cached items', () => {
    expect(itemLabel({ kind: 'task', number: '3', label: '任务 二.3' })).toBe('任务 二.3');
    expect(itemLabel({ kind: 'task', number: '3' })).toBe('任务 3');
    // A dashboard row's own `label` is its traffic-light word, never the item's label.
    expect(taskRowLabel({ kind: 'task', number: '3', itemLabel: '任务 二.3' })).toBe('任务 二.3');
    expect(taskRowLabel({ kind: 'indicator', number: '3' })).toBe('指标 3');
  });
});
