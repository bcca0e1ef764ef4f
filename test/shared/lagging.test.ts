// docs/ARCHITECTURE.md: 进展滞后 and 逾期未报 are two facts with two numbers, and every item has one label.
import { describe, expect, it } from 'vitest';
import { isBehind, isOverdue, splitLagging } from '../../shared/lagging';
import { itemLabel } from '../../shared/labels';

const cell = (c: Partial<Parameters<typeof isBehind>[0]>) => ({ status: null, state: null, timeliness: 'missing' as const, ...c });

describe('splitLagging', () => {
  it('counts reported-and-behind apart from not reported by the due date', () => {
    const tasks = [
      { id: 'reported-behind', cells: [cell({ status: 'behind', state: 'submitted', timeliness: 'on_time' })] },
      { id: 'silent', cells: [cell({})] },
      { id: 'both', cells: [cell({ status: 'behind', state: 'accepted', timeliness: 'late' }), cell({})] },
      { id: 'returned-behind', cells: [cell({ status: 'behind', state: 'returned', timeliness: 'on_time' })] },
      { id: 'not-yet-due', cells: [cell({ timeliness: 'pending' })] },
      { id: 'fine', cells: [cell({ status: 'on_track', state: 'submitted', timeliness: 'on_time' })] },
    ];
    expect(splitLagging(tasks)).toEqual({ behind: ['reported-behind', 'both'], overdue: ['silent', 'both'] });
    expect(isOverdue(cell({ timeliness: 'pending' }))).toBe(false);
  });
});

describe('itemLabel', () => {
  it('gives 指标 N and 任务 N, so the two series never share a label', () => {
    expect(itemLabel({ kind: 'indicator', number: '1' })).toBe('指标 1');
    expect(itemLabel({ kind: 'task', number: '1' })).toBe('任务 1');
    expect(itemLabel({ kind: 'draft', number: '3' })).toBe('待确认 3');
  });
});

