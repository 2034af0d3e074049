import type { AggregateTests, DayRange, SecurityResult, StudyResult, TestResult } from '../../../core/types.ts';
import { formatDayRange } from '../../../lib/format.ts';

const DAY_ZERO: DayRange = { from: 0, to: 0 };

/** A number of the key-numbers slide with the two-sided p-value of its test, or why it has none. */
export interface TestedValue {
  value: number | null;
  pValue: number | null;
  /** Why there is no p-value (the window is not among the CAR windows, too few data…), or null. */
  untested: string | null;
}

/** One security on the key-numbers slide: the day-0 abnormal return and the CAR over the event window. */
export interface SecurityKeyNumbers {
  id: string;
  dayZeroAr: TestedValue;
  eventCar: TestedValue;
}

/** The portfolio on the key-numbers slide, under one aggregate test. */
export interface PortfolioKeyNumbers {
  /** Security–event pairs averaged. */
  n: number;
  dayZeroAar: TestedValue;
  eventCaar: TestedValue;
}

/**
 * A security's day-0 AR tested by t over the CAR window [0, 0], and its CAR over the whole event
 * window tested by t over that window, t = CAR / sqrt(var CAR) with the degrees of freedom of s²
 * (MacKinlay 1997), exactly as the statistics table reads them. A window the user did not ask for
 * is shown untested rather than tested here by other means.
 * @example securityKeyNumbers(result.securities[0], { from: -5, to: 10 }).dayZeroAr.value // the day-0 AR
 */
export function securityKeyNumbers(security: SecurityResult, eventWindow: DayRange): SecurityKeyNumbers {
  const dayZero = security.days.find((day) => day.relativeDay === 0)?.ar ?? null;
  // The CAR of the window's last day is the CAR over the whole window: it cumulates from its start.
  const lastDay = security.days.find((day) => day.relativeDay === eventWindow.to)?.car ?? null;
  const window = windowOf(security.windows, eventWindow);
  return {
    id: security.id,
    dayZeroAr: tested(dayZero, windowOf(security.windows, DAY_ZERO)?.t, DAY_ZERO),
    eventCar: tested(window?.car ?? lastDay, window?.t, eventWindow),
  };
}

/**
 * The portfolio's day-0 AAR and its CAAR over the event window, each with the p-value of `test`
 * (the test that stars the portfolio chart; BMP t by default).
 * @example portfolioKeyNumbers(result, { from: -5, to: 10 }, 'bmpT')?.n // 2
 */
export function portfolioKeyNumbers(result: StudyResult, eventWindow: DayRange, test: keyof AggregateTests): PortfolioKeyNumbers | null {
  if (result.securities.length === 0) return null;
  const dayZero = result.aggregate.days.find((day) => day.relativeDay === 0);
  const window = windowOf(result.aggregate.windows, eventWindow);
  const lastDay = result.aggregate.days.find((day) => day.relativeDay === eventWindow.to)?.caar ?? null;
  return {
    n: result.securities.length,
    dayZeroAar: tested(dayZero?.aar ?? null, dayZero?.tests[test], DAY_ZERO),
    eventCaar: tested(window?.caar ?? lastDay, window?.tests[test], eventWindow),
  };
}

function windowOf<W extends DayRange>(windows: readonly W[], range: DayRange): W | undefined {
  return windows.find((window) => window.from === range.from && window.to === range.to);
}

function tested(value: number | null, test: TestResult | undefined, range: DayRange): TestedValue {
  if (value === null) return { value, pValue: null, untested: 'not available: a return is missing' };
  if (!test) return { value, pValue: null, untested: `not tested: add the CAR window ${range.from}:${range.to} to test it` };
  if (test.statistic === null) return { value, pValue: null, untested: test.reason };
  return { value, pValue: test.pValue, untested: null };
}

/**
 * The heading of the CAR column, e.g. "CAR [-5, +10]".
 * @example carHeading({ from: -5, to: 10 }) // 'CAR [-5, +10]'
 */
export function carHeading(eventWindow: DayRange): string {
  return `CAR ${formatDayRange(eventWindow)}`;
}
