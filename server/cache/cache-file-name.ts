import { isCalendarDate } from '../../src/domain/calendar.ts';
import { InvalidRequestError } from '../errors.ts';
import { parseSymbol } from '../request-validation.ts';

const NAME_PATTERN = /^((?:[A-Z0-9-]|_[0-9a-f]{2})+)__(\d{4}-\d{2}-\d{2})__(\d{4}-\d{2}-\d{2})\.json$/;

/**
 * The cache file name of one symbol and date range, e.g. `7011_2eT__2024-10-28__2024-11-08.json`.
 * The symbol is validated again here and every character outside [A-Z0-9-] is written as `_` plus
 * its hex code, so the name has no dot, slash or other path syntax whatever reaches this function.
 * @throws InvalidRequestError for a symbol that is not a Yahoo symbol or a date that is not YYYY-MM-DD.
 * @example cacheFileName('^N225', '2024-01-01', '2024-12-31') // '_5eN225__2024-01-01__2024-12-31.json'
 */
export function cacheFileName(symbol: string, from: string, to: string): string {
  const safeSymbol = parseSymbol(symbol).replace(/[^A-Z0-9-]/g, (character) => `_${character.charCodeAt(0).toString(16)}`);
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new InvalidRequestError('INVALID_DATE', `${from} to ${to} is not a range of two YYYY-MM-DD dates.`);
  return `${safeSymbol}__${from}__${to}.json`;
}

/**
 * Reads a cache file name back into its parts, or undefined for any other file.
 * @example parseCacheFileName('7011_2eT__2024-10-28__2024-11-08.json') // { symbol: '7011.T', from: '2024-10-28', to: '2024-11-08' }
 */
export function parseCacheFileName(fileName: string): { symbol: string; from: string; to: string } | undefined {
  const match = NAME_PATTERN.exec(fileName);
  if (!match) return undefined;
  const symbol = match[1]!.replace(/_([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { symbol, from: match[2]!, to: match[3]! };
}
