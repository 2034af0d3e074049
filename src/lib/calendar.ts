/**
 * Checks and arithmetic on YYYY-MM-DD calendar dates and HH:mm times, done on the date's own
 * numbers (Date.UTC only as a day counter), so the reader's time zone never shifts a date.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/**
 * True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one).
 * @example isCalendarDate('2024-11-06') // true
 */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * True for a 24-hour clock time HH:mm.
 * @example isTimeOfDay('19:00') // true
 */
export function isTimeOfDay(text: string): boolean {
  return TIME_PATTERN.test(text);
}

/** Answers already known: building an Intl.DateTimeFormat takes milliseconds, and forms ask on every keystroke. */
const knownZones = new Map<string, boolean>();

/**
 * True when the browser's Intl knows the IANA time zone, e.g. "Asia/Tokyo".
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
 * The date `days` calendar days after (or before, when negative) a YYYY-MM-DD date.
 * @throws RangeError when `isoDate` is not a calendar date (callers check first).
 * @example addCalendarDays('2024-11-06', -7) // "2024-10-30"
 */
export function addCalendarDays(isoDate: string, days: number): string {
  if (!isCalendarDate(isoDate)) throw new RangeError(`${isoDate} is not a calendar date`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}
