/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. They name days on an exchange's calendar, so the
 * arithmetic is done in UTC purely as a proleptic Gregorian calendar (no time zone involved).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * True when `text` is `YYYY-MM-DD` and names a real calendar day (2024-02-29 yes, 2023-02-29 no).
 * @example isCalendarDate('2024-11-06') // true
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Milliseconds since the epoch of 00:00 UTC on `date` (a valid `YYYY-MM-DD`).
 * @example utcMidnightMs('1970-01-02') // 86400000
 */
export function utcMidnightMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The date `days` calendar days after `date` (negative goes back).
 * @example addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnightMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The same month and day `years` later; 29 February becomes 1 March in a non-leap target year.
 * @example addYears('2024-02-29', 1) // '2025-03-01'
 */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}
