import { EventStudyError } from './errors';
import type { ResolvedStudyOptions, SecurityDay, SecurityWindow, StudyUnit } from './types';
import { formatDayRange } from './windows';

/**
 * Returns near the limits of double precision can overflow a variance, a standardized return or a
 * compounded return; such a security is reported rather than allowed to put Infinity or NaN into a
 * result.
 * @param standardizedSums Σ SAR per CAR window (empty when the security has no SARs).
 * @param bhar the whole event window's BHAR.
 * @throws EventStudyError INVALID_INPUT naming the security when a number is not finite.
 * @example requireFiniteResults('7011.T', result.days, result.windows, [1.2, 0.4], result.bhar)
 */
export function requireFiniteResults(
  symbol: string,
  days: readonly SecurityDay[],
  windows: readonly SecurityWindow[],
  standardizedSums: readonly number[],
  bhar: number | null,
): void {
  for (const day of days) {
    const { expected, ar, arVariance, sar, car, carVariance, scar } = day;
    const allFinite = finite(expected) && finite(ar) && finite(arVariance) && finite(sar) && finite(car) && finite(carVariance) && finite(scar);
    if (!allFinite) throw extremeValuesError(symbol);
  }
  for (const window of windows) {
    if (!(finite(window.car) && finite(window.carVariance) && finite(window.scar) && finite(window.bhar))) throw extremeValuesError(symbol);
  }
  if (!(standardizedSums.every(Number.isFinite) && finite(bhar))) throw extremeValuesError(symbol);
}

function finite(value: number | null): boolean {
  return value === null || Number.isFinite(value);
}

/**
 * The error for a security whose numbers leave double precision.
 * @throws never
 * @example throw extremeValuesError('7011.T')
 */
export function extremeValuesError(symbol: string): EventStudyError {
  return new EventStudyError(
    'INVALID_INPUT',
    `${symbol}: the returns are too extreme for double precision (a variance or standardized return overflowed).`,
  );
}

/**
 * Checks a study unit's shape (three series of one length) and finds day 0 in its dates.
 * @returns the index of day 0 in `unit.dates`.
 * @throws EventStudyError INVALID_INPUT for missing or unequal series; EVENT_OUTSIDE_DATA when day 0
 *   is not one of the dates.
 * @example locateDayZero(unit) // 480
 */
export function locateDayZero(unit: StudyUnit): number {
  const symbol = typeof unit.symbol === 'string' ? unit.symbol : 'A security';
  const { dates, returns, marketReturns } = unit;
  if (!Array.isArray(dates) || !Array.isArray(returns) || !Array.isArray(marketReturns)) {
    throw new EventStudyError('INVALID_INPUT', `${symbol}: the study unit needs dates, returns and market returns.`);
  }
  if (returns.length !== dates.length || marketReturns.length !== dates.length) {
    throw new EventStudyError(
      'INVALID_INPUT',
      `${symbol}: ${dates.length} dates but ${returns.length} returns and ${marketReturns.length} market returns.`,
    );
  }
  const zeroIndex = indexOfDate(dates, unit.dayZero);
  if (zeroIndex < 0) {
    throw new EventStudyError('EVENT_OUTSIDE_DATA', `${symbol}: day 0 (${unit.dayZero}) is not one of the trading days in the data.`);
  }
  return zeroIndex;
}

/** Binary search, since calendars are in increasing order; a linear scan if one is not. */
function indexOfDate(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = dates[middle] as string;
    if (candidate === date) return middle;
    if (candidate < date) low = middle + 1;
    else high = middle - 1;
  }
  return dates.indexOf(date);
}

/**
 * Checks the returns the study reads, dates [start, end), day by day (the security's, then the
 * market's): only those days must be numbers or missing (null), since the rest of the series
 * (e.g. before the estimation window) cannot affect a result. Checked once per window rather than
 * as each value is read, so the loops that read them stay simple.
 * @throws EventStudyError INVALID_INPUT for NaN or ±Infinity, naming the series and the date.
 * @example requireFiniteReturns(unit, 230, 470)
 */
export function requireFiniteReturns(unit: StudyUnit, start: number, end: number): void {
  for (let index = start; index < end; index += 1) {
    requireFiniteReturn(unit, unit.returns[index], index, unit.symbol);
    requireFiniteReturn(unit, unit.marketReturns[index], index, unit.benchmark);
  }
}

function requireFiniteReturn(unit: StudyUnit, value: number | null | undefined, index: number, name: string): void {
  if (value === null || value === undefined || Number.isFinite(value)) return;
  throw new EventStudyError('INVALID_INPUT', `The ${name} return on ${unit.dates[index]} is ${value}, not a finite number.`);
}

/**
 * Checks that the estimation window's first day and the event window's last day are among the
 * unit's dates.
 * @throws EventStudyError EVENT_OUTSIDE_DATA saying how many trading days the data lacks.
 * @example requireWindowsInData(unit, 480, validateStudyOptions(DEFAULT_STUDY_OPTIONS))
 */
export function requireWindowsInData(unit: StudyUnit, zeroIndex: number, options: ResolvedStudyOptions): void {
  const { estimationWindow, eventWindow } = options;
  const before = zeroIndex;
  const after = unit.dates.length - 1 - zeroIndex;
  if (-estimationWindow.from > before) {
    throw new EventStudyError(
      'EVENT_OUTSIDE_DATA',
      `${unit.symbol}: the estimation window ${formatDayRange(estimationWindow)} starts ${-estimationWindow.from} trading days before day 0 (${unit.dayZero}), but the data starts only ${before} trading days before it (${unit.dates[0]}).`,
    );
  }
  if (eventWindow.to > after) {
    throw new EventStudyError(
      'EVENT_OUTSIDE_DATA',
      `${unit.symbol}: the event window ${formatDayRange(eventWindow)} ends ${eventWindow.to} trading days after day 0 (${unit.dayZero}), but the data ends ${after} trading days after it (${unit.dates.at(-1)}).`,
    );
  }
}
