/**
 * Which texts are Yahoo symbols, for the whole project: the price server (server/request-validation.ts),
 * the study query and the page's symbol field all ask here. Letters, digits and . ^ = - only (7011.T,
 * ^N225, JPY=X, BRK-B), starting with a letter, digit or ^, at most 20 characters, no "..", so a
 * symbol can go into Yahoo's URL path, a cache file name or a link without escaping.
 */
// ASCII only, either case: callers upper-case after the check, because Unicode case mapping turns
// 'ß' into 'SS' and 'ſ' (long s) into 'S', which would let a non-ASCII text become a valid symbol.
const SYMBOL_PATTERN = /^[A-Za-z0-9^][A-Za-z0-9.^=-]*$/;

export const MAX_SYMBOL_LENGTH = 20;

/**
 * What is wrong with a symbol as typed, as the end of a sentence that starts with the symbol, or
 * null when it is a Yahoo symbol.
 * @throws never
 * @example symbolSyntaxProblem('7011.T') // null
 * @example symbolSyntaxProblem('../ETC') // 'is not a Yahoo symbol: use letters, digits and . ^ = - only, e.g. 7011.T or ^N225'
 */
export function symbolSyntaxProblem(symbol: string): string | null {
  if (symbol.length === 0) return 'is empty';
  if (symbol.length > MAX_SYMBOL_LENGTH) return `is longer than ${MAX_SYMBOL_LENGTH} characters; Yahoo symbols are short, e.g. 7011.T or ^N225`;
  if (!SYMBOL_PATTERN.test(symbol) || symbol.includes('..') || !/[A-Za-z0-9]/.test(symbol)) {
    return 'is not a Yahoo symbol: use letters, digits and . ^ = - only, e.g. 7011.T or ^N225';
  }
  return null;
}
