/**
 * Calendar dates (`YYYY-MM-DD`) and clock times (`HH:mm`) for the whole project: the page, the
 * server, the command-line tool and the data scripts check and step dates only through here.
 * Arithmetic is done on the date's own numbers (Date.UTC only as a day counter), so no reader's
 * time zone ever shifts a date. The date rule itself is the engine's (src/core/calendar-date.ts),
 * which checks its own inputs with it.
 */
import { isCalendarDate } from '../core/calendar-date.ts';

export { ISO_DATE_PATTERN, isCalendarDate } from '../core/calendar-date.ts';

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 86_400_000;

/**
 * True for a 24-hour clock time HH:mm.
 * @throws never
 * @example isTimeOfDay('19:00') // true
 */
export function isTimeOfDay(text: string): boolean {
  return TIME_PATTERN.test(text);
}

/**
 * A YYYY-MM-DD date as people write it, "6 Nov 2024": the page, the slides and the generated
 * sentences of the summary all write dates so. Text that is not such a date is returned unchanged,
 * so a wrong value stays visible instead of becoming "Invalid Date".
 * @throws never
 * @example dateInWords('2024-11-06') // '6 Nov 2024'
 */
export function dateInWords(isoDate: string): string {
  if (!isCalendarDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? ''} ${String(year).padStart(4, '0')}`;
}

/** Answers already known: building an Intl.DateTimeFormat takes milliseconds, and forms ask on every keystroke. */
const knownZones = new Map<string, boolean>();

/**
 * True when Intl knows the IANA time zone, e.g. "Asia/Tokyo".
 * @throws never
 * @example isTimeZone('America/New_York') // true
 */
export function isTimeZone(text: string): boolean {
  if (text.trim() === '' || text !== text.trim()) return false;
  let known = knownZones.get(text);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: text });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(text, known);
  }
  return known;
}

/**
 * Milliseconds since the epoch of 00:00 UTC on a calendar date.
 * @throws RangeError when `isoDate` is not a calendar date (callers check first).
 * @example utcMidnightMs('1970-01-02') // 86400000
 */
export function utcMidnightMs(isoDate: string): number {
  if (!isCalendarDate(isoDate)) throw new RangeError(`${isoDate} is not a calendar date`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/**
 * The date `days` calendar days after (or before, when negative) a YYYY-MM-DD date.
 * @throws RangeError when `isoDate` is not a calendar date, or the result falls outside years
 *   0000–9999 (which YYYY-MM-DD cannot write; the study limits keep every query far inside them).
 * @example addCalendarDays('2024-11-06', -7) // "2024-10-30"
 */
export function addCalendarDays(isoDate: string, days: number): string {
  return isoDateOf(utcMidnightMs(isoDate) + days * DAY_MS);
}

/**
 * The same month and day `years` later (earlier when negative); 29 February becomes 1 March in a
 * year that has none.
 * @throws RangeError as addCalendarDays.
 * @example addCalendarYears('2024-02-29', 1) // '2025-03-01'
 */
export function addCalendarYears(isoDate: string, years: number): string {
  if (!isCalendarDate(isoDate)) throw new RangeError(`${isoDate} is not a calendar date`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const shifted = new Date(0);
  shifted.setUTCFullYear(year + years, month - 1, day);
  return isoDateOf(shifted.getTime());
}

function isoDateOf(utcMs: number): string {
  const date = new Date(utcMs);
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`The date ${utcMs} ms after 1970 cannot be written YYYY-MM-DD`);
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
