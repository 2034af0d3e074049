/**
 * The one rule for calendar dates in the project: `YYYY-MM-DD`, a real day of the proleptic
 * Gregorian calendar (2024-02-29 yes, 2023-02-29 no). It lives in the engine because the engine
 * checks its own inputs; the domain module (src/domain/calendar.ts) re-exports it for everyone else.
 */

/** The written form of a date: four-digit year, two-digit month and day. */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is `YYYY-MM-DD` and names a real calendar day. Pure arithmetic on the date's own
 * numbers, so no time zone can shift the answer.
 * @throws never
 * @example isCalendarDate('2024-02-29') // true
 * @example isCalendarDate('2023-02-29') // false
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (monthLengths[month - 1] ?? 0);
}
