/**
 * Which texts are Yahoo symbols: the rule of the price server (server/request-validation.ts), here
 * for code that must decide without the server (the page's URL, the study query). Letters, digits
 * and . ^ = - only (7011.T, ^N225, JPY=X, BRK-B), starting with a letter, digit or ^, at most 20
 * characters, no "..", so a symbol can go into a URL path or a file name without escaping.
 */
// ASCII only, either case: the caller upper-cases after the check (toUpperCase maps 'ß' to 'SS').
const SYMBOL_PATTERN = /^[A-Za-z0-9^][A-Za-z0-9.^=-]*$/;

const MAX_SYMBOL_LENGTH = 20;

/**
 * What is wrong with a symbol as typed, or null when it is a Yahoo symbol.
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
