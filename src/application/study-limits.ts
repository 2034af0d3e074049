/**
 * The limits of a study, checked before anything is computed or allocated: by the study query
 * (a link, the server's /api/study*.csv, which answers 400 INVALID_QUERY naming the limit) and by
 * the page's window inputs, in the same words. Each is far beyond what a real event study uses
 * (MacKinlay 1997: an estimation window of about 120–250 days, event windows of a few weeks); they
 * exist so that no request can make the engine allocate gigabytes. README.md lists them.
 */
import type { DayRange } from '../core/types.ts';

export const STUDY_LIMITS = {
  /** Trading days in the estimation window. */
  estimationDays: 1_000,
  /** The event window and every CAR window lie within ±this many trading days of day 0. */
  eventWindowReach: 250,
  /** The estimation window and the gap lie within this many trading days before day 0. */
  windowReach: 1_500,
  /** CAR windows in a study. */
  carWindows: 20,
  /** Events in a study (catalogue and custom together). */
  events: 20,
  /** Custom events a link carries. */
  customEvents: 10,
  /**
   * Securities in a study. The price server serves a study's securities and one benchmark per
   * registered exchange in one request (server/request-validation.ts MAX_SYMBOLS).
   */
  securities: 18,
  /** Characters in a custom event's title. */
  titleLength: 120,
  /**
   * Event dates: prices are fetched from three years before the first event to three months after
   * the last, which keeps every request inside the dates a price source holds (PRICE_DATES,
   * 1900–2100); Yahoo counts time from 1970 and the snapshot starts in 2021.
   */
  earliestEventDate: '1970-01-01',
  latestEventDate: '2099-12-31',
} as const;

/** The windows of a study, as the inputs and the query name them. */
export type WindowKind = 'estimation window' | 'gap' | 'event window' | 'CAR window';

/**
 * What is wrong with one window against the limits, as a sentence naming the limit, or null.
 * Checked on each window alone, before the windows are checked together (the engine's
 * validateStudyOptions), so no limit depends on another window.
 * @throws never
 * @example windowLimitProblem('event window', { from: -5, to: 1_000_000_000 }) // 'The event window -5:1000000000 reaches beyond 250 trading days from day 0; at most ±250 are allowed.'
 */
export function windowLimitProblem(kind: WindowKind, range: DayRange): string | null {
  const text = `The ${kind} ${range.from}:${range.to}`;
  const days = range.to - range.from + 1;
  if (kind === 'estimation window' && days > STUDY_LIMITS.estimationDays) {
    return `${text} has ${days} trading days; at most ${format(STUDY_LIMITS.estimationDays)} are allowed.`;
  }
  if (kind === 'event window' || kind === 'CAR window') {
    const reach = STUDY_LIMITS.eventWindowReach;
    if (Math.abs(range.from) > reach || Math.abs(range.to) > reach) return `${text} reaches beyond ${reach} trading days from day 0; at most ±${reach} are allowed.`;
    return null;
  }
  const reach = STUDY_LIMITS.windowReach;
  if (range.from < -reach || range.to > reach) return `${text} reaches beyond ${format(reach)} trading days from day 0; at most ${format(reach)} are allowed.`;
  return null;
}

/**
 * What is wrong with the number of CAR windows, or null.
 * @throws never
 * @example carWindowCountProblem(21) // 'It lists 21 CAR windows; at most 20 are allowed.'
 */
export function carWindowCountProblem(count: number): string | null {
  return count > STUDY_LIMITS.carWindows ? `It lists ${count} CAR windows; at most ${STUDY_LIMITS.carWindows} are allowed.` : null;
}

/**
 * What is wrong with an event date against the limits, or null (the date is a calendar date).
 * @throws never
 * @example eventDateProblem('9999-09-30') // 'The date 9999-09-30 is after 2099-12-31, the latest event date prices can be found for.'
 */
export function eventDateProblem(isoDate: string): string | null {
  if (isoDate < STUDY_LIMITS.earliestEventDate) return `The date ${isoDate} is before ${STUDY_LIMITS.earliestEventDate}, the earliest event date prices can be found for.`;
  if (isoDate > STUDY_LIMITS.latestEventDate) return `The date ${isoDate} is after ${STUDY_LIMITS.latestEventDate}, the latest event date prices can be found for.`;
  return null;
}

function format(count: number): string {
  return count.toLocaleString('en-US');
}
