import { describe, expect, it } from 'vitest';
import { addCalendarDays, isCalendarDate, isTimeOfDay, isTimeZone } from '../../../src/domain/calendar.ts';
import { dataValue, formatDate, formatDateWithWeekday, formatDayRange, formatNumber, formatPercent, formatPValue, formatRelativeDay } from '../../../src/lib/format.ts';
import { significanceLevel, significanceStars } from '../../../src/lib/significance.ts';

describe('number formatting', () => {
  it('writes fractions as signed percentages with two decimals by default', () => {
    // IHI on 6 Nov 2024: 1325.7 / 1111.4 − 1 (data/snapshot/7013.T.csv) = 0.192820...
    expect(formatPercent(1325.7 / 1111.4 - 1)).toBe('+19.28%');
    expect(formatPercent(-0.012345)).toBe('-1.23%');
    expect(formatPercent(0.0004567, 3)).toBe('+0.046%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('never prints a signed zero', () => {
    expect(formatPercent(-0.00001)).toBe('0.00%');
    expect(formatPercent(0)).toBe('0.00%');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatNumber(-2.5, 2)).toBe('-2.50');
  });

  it('prints p-values with three decimals and floors them at <0.001', () => {
    expect(formatPValue(0.0004)).toBe('<0.001');
    expect(formatPValue(0.001)).toBe('0.001');
    expect(formatPValue(0.04949)).toBe('0.049');
    expect(formatPValue(1)).toBe('1.000');
    expect(formatPValue(null)).toBe('—');
  });

  it('keeps the full double for checking', () => {
    expect(dataValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(dataValue(null)).toBe('');
  });
});

describe('dates and days', () => {
  it('writes dates as "6 Nov 2024" without any time-zone shift', () => {
    expect(formatDate('2024-11-06')).toBe('6 Nov 2024');
    expect(formatDate('2025-01-01')).toBe('1 Jan 2025');
    expect(formatDate('not a date')).toBe('not a date');
    // 5 November 2024, US election day, was a Tuesday.
    expect(formatDateWithWeekday('2024-11-05')).toBe('Tue 5 Nov 2024');
    expect(formatDateWithWeekday('2024-11-06')).toBe('Wed 6 Nov 2024');
  });

  it('writes relative days and ranges the way event studies do', () => {
    expect(formatRelativeDay(0)).toBe('0');
    expect(formatRelativeDay(3)).toBe('+3');
    expect(formatRelativeDay(-5)).toBe('-5');
    expect(formatDayRange({ from: -5, to: 10 })).toBe('[-5, +10]');
  });

  it('recognises real calendar dates, clock times and time zones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-11-6')).toBe(false);
    expect(isTimeOfDay('19:00')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2024-11-06', -7)).toBe('2024-10-30');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(() => addCalendarDays('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('significance stars', () => {
  it('uses * p < 0.10, ** p < 0.05, *** p < 0.01, strict inequalities', () => {
    expect(significanceStars(0.0099)).toBe('***');
    expect(significanceStars(0.01)).toBe('**');
    expect(significanceStars(0.0499)).toBe('**');
    expect(significanceStars(0.05)).toBe('*');
    expect(significanceStars(0.0999)).toBe('*');
    expect(significanceStars(0.1)).toBe('');
    expect(significanceStars(null)).toBe('');
    expect(significanceLevel(0.004)).toBe('1%');
    expect(significanceLevel(0.2)).toBeNull();
  });
});
