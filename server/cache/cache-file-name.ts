import { parseSymbol } from '../request-validation.ts';

const NAME_PATTERN = /^((?:[A-Z0-9-]|_[0-9a-f]{2})+)\.json$/;
/** The names of the first layout (one file per symbol AND range), which start-up removes. */
const RANGE_LAYOUT_PATTERN = /^(?:[A-Z0-9-]|_[0-9a-f]{2})+__\d{4}-\d{2}-\d{2}__\d{4}-\d{2}-\d{2}\.json$/;

/**
 * The cache file name of one symbol, e.g. `7011_2eT.json`. The symbol is validated again here and
 * every character outside [A-Z0-9-] is written as `_` plus its hex code, so the name has no dot,
 * slash or other path syntax whatever reaches this function.
 * @throws InvalidRequestError for a symbol that is not a Yahoo symbol.
 * @example cacheFileName('^N225') // '_5eN225.json'
 */
export function cacheFileName(symbol: string): string {
  const safeSymbol = parseSymbol(symbol).replace(/[^A-Z0-9-]/g, (character) => `_${character.charCodeAt(0).toString(16)}`);
  return `${safeSymbol}.json`;
}

/**
 * The symbol a cache file name stands for, or undefined for any other file.
 * @example cacheFileSymbol('7011_2eT.json') // '7011.T'
 */
export function cacheFileSymbol(fileName: string): string | undefined {
  const match = NAME_PATTERN.exec(fileName);
  if (!match) return undefined;
  return match[1]!.replace(/_([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * True for a file name of the first cache layout (`7011_2eT__2024-10-28__2024-11-08.json`).
 * @example isRangeLayoutName('7011_2eT__2024-10-28__2024-11-08.json') // true
 */
export function isRangeLayoutName(fileName: string): boolean {
  return RANGE_LAYOUT_PATTERN.test(fileName);
}
