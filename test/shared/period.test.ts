import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  dueDateOf,
  isOnTime,
  isPastDue,
  periodLabel,
  periodOf,
  periodRange,
  periodsOfYear,
  previousPeriod,
} from '../../shared/period';

describe('periods in China time', () => {
  it('takes the China calendar date, not UTC', () => {
    // 2024-03-31T16:30Z is already 1 April in China.
    expect(chinaDate(new Date('2024-03-31T16:30:00Z'))).toBe('2024-04-01');
    expect(periodOf(new Date('2024-03-31T16:30:00Z'), 'monthly')).toBe('2024-04');
    expect(periodOf(new Date('2024-03-31T15:59:59Z'), 'monthly')).toBe('2024-03');
  });

  it('maps instants to monthly, quarterly and half-yearly periods', () => {
    const at = new Date('2024-08-10T02:00:00Z');
    expect(periodOf(at, 'monthly')).toBe('2024-08');
    expect(periodOf(at, 'quarterly')).toBe('2024-Q3');
    expect(periodOf(at, 'half_yearly')).toBe('2024-H2');
  });

  it('gives ranges and due dates on the due day of the last month, clamped to its length', () => {
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2024-Q2')).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(dueDateOf('2024-03', 25)).toBe('2024-03-25');
    expect(dueDateOf('2024-Q1', 25)).toBe('2024-03-25');
    expect(dueDateOf('2024-H2', 31)).toBe('2024-12-31');
    expect(dueDateOf('2023-02', 31)).toBe('2023-02-28');
  });

  it('is past due only after the whole due day in China', () => {
    // 25 March 23:59 China = 15:59Z: still on time.
    expect(isPastDue('2024-03', 25, new Date('2024-03-25T15:59:00Z'))).toBe(false);
    expect(isPastDue('2024-03', 25, new Date('2024-03-25T16:00:00Z'))).toBe(true);
    expect(isOnTime('2024-03', 25, new Date('2024-03-25T15:59:00Z'))).toBe(true);
    expect(isOnTime('2024-03', 25, new Date('2024-03-25T16:01:00Z'))).toBe(false);
  });

  it('lists and steps through periods across a year boundary', () => {
    expect(periodsOfYear(2024, 'quarterly')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(periodsOfYear(2024, 'monthly')).toHaveLength(12);
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-Q1')).toBe('2023-Q4');
    expect(previousPeriod('2024-H2')).toBe('2024-H1');
  });

  it('labels periods as people say them', () => {
    expect(periodLabel('2024-03')).toBe('2024年3月');
    expect(periodLabel('2024-Q1')).toBe('2024年一季度');
    expect(periodLabel('2024-H1')).toBe('2024年上半年');
    expect(periodLabel('2024-H2', false)).toBe('下半年');
  });

  it('refuses a malformed period', () => {
    expect(() => periodRange('2024-13')).toThrow();
    expect(() => periodRange('2024-Q5')).toThrow();
  });
});
