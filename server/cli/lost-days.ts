/**
 * Lost days, said out loud: a day of a security's estimation or event window without a return of
 * its own, of its benchmark or of a factor is left out by the engine (never filled), and a CAR then
 * sums fewer days than its window. Each such day is named with the series it lacks, and each CAR
 * window says over how many of its days it runs, so no CAR over fewer days than its window is
 * presented without saying so.
 */
import type { DayRange, ResolvedStudyOptions, SecurityResult, StudyUnit } from '../../src/core/index';
import { counted } from '../../src/domain/english';

export interface LostDay {
  date: string;
  relativeDay: number;
  window: 'estimation' | 'event';
  /** The series without a value that day: the security, its benchmark, factors. */
  missing: string[];
}

export interface WindowCoverage {
  from: number;
  to: number;
  /** Days of the window with an AR: the days its CAR sums. */
  daysInWindow: number;
  windowLength: number;
}

/**
 * Every lost day of a unit's estimation and event windows, the series it lacks named; as many as
 * the engine's `lostDays` (without estimation exclusions, which the command line has none of).
 * @throws never
 * @example lostDaysOf(unit, result.options)[0] // { date: '2024-03-17', relativeDay: 4, window: 'event', missing: ['WORLD'] }
 */
export function lostDaysOf(unit: StudyUnit, options: ResolvedStudyOptions): LostDay[] {
  const zeroIndex = unit.dates.indexOf(unit.dayZero);
  const factorNames = options.factors ?? [];
  const lost: LostDay[] = [];
  const windows: [DayRange, LostDay['window']][] = [[options.estimationWindow, 'estimation'], [options.eventWindow, 'event']];
  for (const [range, window] of windows) {
    for (let relativeDay = range.from; relativeDay <= range.to; relativeDay += 1) {
      const index = zeroIndex + relativeDay;
      const missing = [
        ...(unit.returns[index] == null ? [unit.symbol] : []),
        ...(unit.marketReturns[index] == null ? [unit.benchmark] : []),
        ...factorNames.filter((name) => unit.factors?.[name]?.[index] == null),
      ];
      if (missing.length > 0) lost.push({ date: unit.dates[index] as string, relativeDay, window, missing });
    }
  }
  return lost;
}

/**
 * How many days of each window a security's CAR sums, of how many the window has.
 * @throws never
 * @example windowCoverage(security, [{ from: 0, to: 10 }]) // [{ from: 0, to: 10, daysInWindow: 10, windowLength: 11 }]
 */
export function windowCoverage(security: SecurityResult, windows: readonly DayRange[]): WindowCoverage[] {
  return windows.map(({ from, to }) => ({
    from,
    to,
    daysInWindow: security.days.filter((day) => day.relativeDay >= from && day.relativeDay <= to && day.ar !== null).length,
    windowLength: to - from + 1,
  }));
}

/**
 * One line for a unit with lost days, else null: how many, the event window's by date and series,
 * and each CAR window that sums fewer days than it has.
 * @throws never
 * @example lostDaysWarning('IDX_B (line 3, day 0 2024-03-11)', lost, coverage) // 'IDX_B (line 3, day 0 2024-03-11): 1 lost day (event window: day +4, 2024-03-17, without WORLD); CAR 0:10 sums 10 of its 11 days'
 */
export function lostDaysWarning(label: string, lost: readonly LostDay[], coverage: readonly WindowCoverage[]): string | null {
  if (lost.length === 0) return null;
  const event = lost.filter((day) => day.window === 'event');
  const estimation = lost.length - event.length;
  const where = [
    ...(event.length === 0 ? [] : [`event window: ${event.map((day) => `day ${signed(day.relativeDay)}, ${day.date}, without ${day.missing.join(' and ')}`).join('; ')}`]),
    ...(estimation === 0 ? [] : [`estimation window: ${counted(estimation, 'day')}`]),
  ];
  const short = coverage.filter((window) => window.daysInWindow < window.windowLength);
  const cars = short.map((window) => `CAR ${window.from}:${window.to} sums ${window.daysInWindow} of its ${counted(window.windowLength, 'day')}`);
  return `${label}: ${counted(lost.length, 'lost day')} (${where.join('; ')})${cars.length === 0 ? '' : `; ${cars.join(', ')}`}`;
}

function signed(day: number): string {
  return day > 0 ? `+${day}` : String(day);
}

