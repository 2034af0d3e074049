/**
 * Display formatting. Every number on screen and on a slide goes through here so the precision is the same
 * everywhere; the full double stays available in a `data-value` attribute for checking.
 * ASCII '-' rather than U+2212 so a copied number pastes into Excel, R or Stata as a number.
 */
import { dateInWords, ISO_DATE_PATTERN } from '../domain/calendar.ts';
import { shortEventTitle } from '../domain/study-event.ts';
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Text for a value that is absent (null) rather than zero. */
export const MISSING = '—';

/**
 * A fraction as a signed percentage: 0.19282 → "+19.28%". A value that rounds to zero carries no
 * sign, so "-0.00%" never appears.
 * @example formatPercent(-0.012345) // "-1.23%"
 */
export function formatPercent(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const text = Math.abs(value * 100).toFixed(digits);
  if (Number(text) === 0) return `${text}%`;
  return `${value < 0 ? '-' : '+'}${text}%`;
}

/**
 * A plain number with fixed decimals, minus sign only: 1.23456 → "1.235".
 * @example formatNumber(-2.5, 2) // "-2.50"
 */
export function formatNumber(value: number | null, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const text = value.toFixed(digits);
  return Number(text) === 0 ? Math.abs(value).toFixed(digits) : text;
}

/**
 * A p-value with three decimals; below 0.001 it reads "<0.001" because more digits of a tail
 * probability mean nothing to a reader.
 * @example formatPValue(0.0004) // "<0.001"
 */
export function formatPValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return value < 0.001 ? '<0.001' : value.toFixed(3);
}

/**
 * A YYYY-MM-DD date as "6 Nov 2024"; text that is not such a date is returned unchanged so a
 * wrong value stays visible instead of becoming "Invalid Date".
 * @example formatDate('2024-11-06') // "6 Nov 2024"
 */
export function formatDate(isoDate: string): string {
  return dateInWords(isoDate);
}

/**
 * A YYYY-MM-DD date with its weekday, "Wed 6 Nov 2024" (the weekday of the calendar date itself,
 * independent of any time zone).
 * @example formatDateWithWeekday('2024-11-06') // "Wed 6 Nov 2024"
 */
export function formatDateWithWeekday(isoDate: string): string {
  const match = ISO_DATE_PATTERN.exec(isoDate);
  if (!match) return isoDate;
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay()];
  return `${weekday} ${formatDate(isoDate)}`;
}

/**
 * A trading-day offset as it is written in event studies: "0", "+1", "-5".
 * @example formatRelativeDay(3) // "+3"
 */
export function formatRelativeDay(day: number): string {
  return day > 0 ? `+${day}` : String(day);
}

/**
 * A day range as "[-5, +10]".
 * @example formatDayRange({ from: -250, to: -11 }) // "[-250, -11]"
 */
export function formatDayRange(range: { from: number; to: number }): string {
  return `[${formatRelativeDay(range.from)}, ${formatRelativeDay(range.to)}]`;
}

/**
 * The full double for a `data-value` attribute: shortest round-trip text, empty for a missing value.
 * @example dataValue(0.1) // "0.1"
 */
export function dataValue(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * An event title short enough for a chart label or a table cell: what comes before a colon.
 * @example shortTitle('US presidential election: Donald Trump wins') // 'US presidential election'
 */
export function shortTitle(title: string): string {
  return shortEventTitle(title);
}
