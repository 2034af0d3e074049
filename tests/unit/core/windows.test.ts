import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/defaults';
import { EventStudyError } from '../../../src/core/errors';
import type { StudyOptions } from '../../../src/core/types';
import { formatDayRange, parseDayRange, resolveDateRange, validateStudyOptions } from '../../../src/core/windows';

function errorOf(action: () => unknown): EventStudyError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(EventStudyError);
    return error as EventStudyError;
  }
  throw new Error('expected a typed error');
}

describe('parseDayRange', () => {
  it('reads "from:to" with signs and spaces', () => {
    expect(parseDayRange('-250:-11')).toEqual({ from: -250, to: -11 });
    expect(parseDayRange(' -5 : +10 ')).toEqual({ from: -5, to: 10 });
    expect(parseDayRange('0:0')).toEqual({ from: 0, to: 0 });
  });

  it('round-trips with formatDayRange', () => {
    expect(parseDayRange(formatDayRange({ from: -1, to: 1 }))).toEqual({ from: -1, to: 1 });
  });

  it('rejects text that is not a window with INVALID_WINDOW and shows the expected form', () => {
    for (const text of ['', '-250', '-250:-11:3', 'a:b', '-2.5:3', '[-5,5]']) {
      const error = errorOf(() => parseDayRange(text));
      expect(error.code).toBe('INVALID_WINDOW');
      expect(error.message).toContain('e.g. -250:-11');
    }
  });

  it('rejects a reversed window and says how to write it', () => {
    const error = errorOf(() => parseDayRange('-11:-250'));
    expect(error.code).toBe('INVALID_WINDOW');
    expect(error.message).toBe('The window starts after it ends; write the earlier day first, e.g. -250:-11.');
  });
});

describe('resolveDateRange', () => {
  // A made-up calendar without 2024-11-04 (a Tokyo holiday) and the weekend.
  const dates = ['2024-10-31', '2024-11-01', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08'];

  it('turns dates into trading-day offsets from day 0 and passes offsets through', () => {
    expect(resolveDateRange({ from: '2024-10-31', to: '2024-11-08' }, dates, '2024-11-06')).toEqual({ from: -3, to: 2 });
    expect(resolveDateRange({ from: -2, to: '1' }, dates, '2024-11-06')).toEqual({ from: -2, to: 1 });
  });

  it('moves a start on a non-trading day forward and an end backward', () => {
    const calendar = ['2024-11-01', '2024-11-05', '2024-11-06', '2024-11-08'];
    // 11-02 (Saturday) starts on 11-05; 11-07 (not in this calendar) ends on 11-06.
    expect(resolveDateRange({ from: '2024-11-02', to: '2024-11-07' }, calendar, '2024-11-05')).toEqual({ from: 0, to: 1 });
  });

  it('rejects dates outside the data, malformed ends and reversed ranges with INVALID_WINDOW', () => {
    expect(errorOf(() => resolveDateRange({ from: '2024-01-01', to: 0 }, dates, '2024-11-06')).message).toBe(
      'The date 2024-01-01 is outside the data, which runs from 2024-10-31 to 2024-11-08.',
    );
    expect(errorOf(() => resolveDateRange({ from: 'yesterday', to: 0 }, dates, '2024-11-06')).code).toBe('INVALID_WINDOW');
    expect(errorOf(() => resolveDateRange({ from: 1.5, to: 2 }, dates, '2024-11-06')).code).toBe('INVALID_WINDOW');
    expect(errorOf(() => resolveDateRange({ from: '2024-11-08', to: '2024-11-01' }, dates, '2024-11-06')).code).toBe(
      'INVALID_WINDOW',
    );
    expect(errorOf(() => resolveDateRange({ from: 0, to: 1 }, dates, '2024-11-04')).message).toContain('Day 0 (2024-11-04)');
  });
});

describe('validateStudyOptions', () => {
  const base: StudyOptions = { ...DEFAULT_STUDY_OPTIONS };

  it('fills in the defaults and copies the windows', () => {
    const resolved = validateStudyOptions({ model: 'market', estimationWindow: { from: -100, to: -11 }, eventWindow: { from: -1, to: 1 }, carWindows: [] });
    expect(resolved).toEqual({
      model: 'market',
      estimationWindow: { from: -100, to: -11 },
      gap: null,
      eventWindow: { from: -1, to: 1 },
      carWindows: [],
      minimumEstimationDays: 30,
      strictEstimation: false,
    });
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_STUDY_OPTIONS).toEqual({
      model: 'market',
      estimationWindow: { from: -250, to: -11 },
      gap: null,
      eventWindow: { from: -5, to: 10 },
      carWindows: [
        { from: 0, to: 0 },
        { from: 0, to: 1 },
        { from: -1, to: 1 },
        { from: -5, to: 10 },
      ],
      minimumEstimationDays: 30,
      strictEstimation: false,
    });
    expect(Object.isFrozen(DEFAULT_STUDY_OPTIONS.carWindows)).toBe(true);
    expect(() => validateStudyOptions(DEFAULT_STUDY_OPTIONS)).not.toThrow();
  });

  const problems: [string, StudyOptions, string][] = [
    [
      'overlapping estimation and event windows',
      { ...base, estimationWindow: { from: -250, to: -3 } },
      'The estimation window -250:-3 must end before the event window -5:10 starts.',
    ],
    [
      'a gap outside the space between the windows',
      { ...base, gap: { from: -12, to: -6 } },
      'The gap -12:-6 must lie between the estimation window -250:-11 and the event window -5:10.',
    ],
    [
      'a CAR window outside the event window',
      { ...base, carWindows: [{ from: 0, to: 20 }] },
      'The CAR window 0:20 lies outside the event window -5:10.',
    ],
    [
      'a reversed event window',
      { ...base, eventWindow: { from: 10, to: -5 } },
      'The event window 10:-5 starts after it ends; write the earlier day first, e.g. -5:10.',
    ],
    [
      'an estimation window shorter than the minimum',
      { ...base, estimationWindow: { from: -30, to: -11 } },
      'The estimation window -30:-11 has 20 trading days, fewer than the minimum of 30.',
    ],
    [
      'fractional days',
      { ...base, eventWindow: { from: -5.5, to: 10 } },
      'The event window must be two whole trading-day offsets, e.g. -250:-11.',
    ],
  ];

  it.each(problems)('rejects %s with INVALID_WINDOW and a readable message', (_name, options, message) => {
    const error = errorOf(() => validateStudyOptions(options));
    expect(error.code).toBe('INVALID_WINDOW');
    expect(error.message).toBe(message);
  });

  it('rejects an unknown model and a too-small minimum with INVALID_INPUT', () => {
    const unknown = errorOf(() => validateStudyOptions({ ...base, model: 'fama-french' as StudyOptions['model'] }));
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toContain('fama-french');
    const minimum = errorOf(() => validateStudyOptions({ ...base, model: 'market', minimumEstimationDays: 2 }));
    expect(minimum.code).toBe('INVALID_INPUT');
    expect(minimum.message).toBe(
      'The minimum number of estimation days must be a whole number of at least 3 for the market model (its s² needs a degree of freedom), got 2.',
    );
    expect(errorOf(() => validateStudyOptions({ ...base, minimumEstimationDays: 4.5 })).code).toBe('INVALID_INPUT');
  });
});
