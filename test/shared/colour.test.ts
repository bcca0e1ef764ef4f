import { describe, expect, it } from 'vitest';
import { colourOf } from '../../shared/colour';

const base = { period: '2024-03', dueDay: 25 };
const before = new Date('2024-03-20T04:00:00Z');
const after = new Date('2024-03-28T04:00:00Z');
const onTime = '2024-03-24T04:00:00Z';
const late = '2024-03-27T04:00:00Z';

describe('traffic light of a task for a period', () => {
  it('is amber 待报 before the due day and red 逾期 after it when nothing was reported', () => {
    expect(colourOf({ ...base, now: before })).toMatchObject({ colour: 'amber', label: '待报', timeliness: 'pending' });
    expect(colourOf({ ...base, now: after })).toMatchObject({ colour: 'red', label: '逾期未报', timeliness: 'missing' });
  });

  it('ignores drafts', () => {
    const report = { status: 'on_track' as const, state: 'draft' as const, submittedAt: null };
    expect(colourOf({ ...base, now: after, report }).colour).toBe('red');
  });

  it('is green for on-time 正常推进 and 已完成', () => {
    expect(colourOf({ ...base, now: after, report: { status: 'on_track', state: 'submitted', submittedAt: onTime } })).toMatchObject({ colour: 'green', label: '正常', timeliness: 'on_time' });
    expect(colourOf({ ...base, now: after, report: { status: 'done', state: 'accepted', submittedAt: onTime } })).toMatchObject({ colour: 'green', label: '已完成' });
  });

  it('is amber 补报, not green, when a task catches up after being overdue', () => {
    expect(colourOf({ ...base, now: after, report: { status: 'on_track', state: 'submitted', submittedAt: late } })).toMatchObject({ colour: 'amber', label: '补报', timeliness: 'late' });
  });

  it('is red for 滞后, amber for 存在困难, grey for 未启动 whenever reported', () => {
    expect(colourOf({ ...base, now: before, report: { status: 'behind', state: 'submitted', submittedAt: onTime } }).colour).toBe('red');
    expect(colourOf({ ...base, now: before, report: { status: 'blocked', state: 'submitted', submittedAt: onTime } }).colour).toBe('amber');
    expect(colourOf({ ...base, now: before, report: { status: 'not_started', state: 'submitted', submittedAt: onTime } }).colour).toBe('grey');
  });

  it('treats a returned report as waiting before the due day and overdue after it', () => {
    const report = { status: 'on_track' as const, state: 'returned' as const, submittedAt: onTime };
    expect(colourOf({ ...base, now: before, report })).toMatchObject({ colour: 'amber', label: '被退回' });
    expect(colourOf({ ...base, now: after, report })).toMatchObject({ colour: 'red', label: '退回未改' });
  });
});
