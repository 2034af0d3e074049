/**
 * The tested numbers a reader is shown of a study: a security's AR or CAR over a window with the
 * p-value of its t-test, and the portfolio's AAR or CAAR with the p-value of a chosen test, each
 * read exactly as the statistics table reads them, or marked untested with the reason.
 */
import type { AggregateTests, DayRange, SecurityResult, StudyResult, TestResult } from '../core/types.ts';
import type { TestedMove } from '../domain/claim-check.ts';

export const DAY_ZERO: DayRange = { from: 0, to: 0 };
export const DAYS_ZERO_TO_ONE: DayRange = { from: 0, to: 1 };

/**
 * A security's CAR over `range` (the day's AR for [0, 0]) tested by t = CAR / sqrt(var CAR) with the
 * degrees of freedom of s² (MacKinlay 1997), as the engine computed it for that CAR window. A window
 * the user did not ask for keeps its value (the sum of its ARs) but is shown untested rather than
 * tested here by other means.
 * @throws never
 * @example securityMove(result.securities[0], { from: 0, to: 0 }).value // the day-0 AR
 */
export function securityMove(security: SecurityResult, range: DayRange): TestedMove {
  const window = windowOf(security.windows, range);
  return tested(window?.car ?? sumOfArs(security, range), window?.t, range);
}

/**
 * The portfolio's AAR (for [0, 0]) or CAAR over `range`, with the p-value of `test`.
 * @throws never
 * @example portfolioMove(result, { from: 0, to: 0 }, 'bmpT').pValue
 */
export function portfolioMove(result: StudyResult, range: DayRange, test: keyof AggregateTests): TestedMove {
  if (range.from === range.to) {
    const day = result.aggregate.days.find((item) => item.relativeDay === range.from);
    return tested(day?.aar ?? null, day?.tests[test], range);
  }
  const window = windowOf(result.aggregate.windows, range);
  const days = result.aggregate.days.filter((day) => day.relativeDay >= range.from && day.relativeDay <= range.to);
  const summed = days.length === range.to - range.from + 1 && days.every((day) => day.aar !== null) ? days.reduce((sum, day) => sum + (day.aar ?? 0), 0) : null;
  return tested(window?.caar ?? summed, window?.tests[test], range);
}

function sumOfArs(security: SecurityResult, range: DayRange): number | null {
  let sum = 0;
  for (let day = range.from; day <= range.to; day += 1) {
    const ar = security.days.find((item) => item.relativeDay === day)?.ar ?? null;
    if (ar === null) return null;
    sum += ar;
  }
  return sum;
}

function windowOf<W extends DayRange>(windows: readonly W[], range: DayRange): W | undefined {
  return windows.find((window) => window.from === range.from && window.to === range.to);
}

function tested(value: number | null, test: TestResult | undefined, range: DayRange): TestedMove {
  if (value === null) return { value, pValue: null, untested: 'not available: a return is missing' };
  if (!test) return { value, pValue: null, untested: `not tested: add the CAR window ${range.from}:${range.to} to test it` };
  if (test.statistic === null) return { value, pValue: null, untested: test.reason };
  return { value, pValue: test.pValue, untested: null };
}
