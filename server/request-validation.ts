import { z } from 'zod';
import { addCalendarYears, isCalendarDate } from '../src/domain/calendar.ts';
import { STUDY_LIMITS } from '../src/application/study-limits.ts';
import { EXCHANGE_CODES } from '../src/domain/exchanges.ts';
import { PRICE_DATES } from '../src/domain/price-api.ts';
import { MAX_SYMBOL_LENGTH, symbolSyntaxProblem } from '../src/domain/symbol.ts';
import { InvalidRequestError, quoteForMessage, type InvalidRequestCode } from './errors.ts';

/** The symbols of the largest study in one request: its securities and one benchmark per exchange. */
export const MAX_SYMBOLS = STUDY_LIMITS.securities + EXCHANGE_CODES.length;
export const MAX_RANGE_YEARS = 20;
/** Room for MAX_SYMBOLS symbols of 20 characters and their commas; anything longer is hostile or a mistake. */
const MAX_SYMBOLS_PARAMETER_LENGTH = MAX_SYMBOLS * (MAX_SYMBOL_LENGTH + 1);
export const MAX_QUERY_LENGTH = 1024;

/** Only ASCII blanks around a symbol are forgiven; String.prototype.trim would also drop U+3000, U+FEFF and the like. */
const SURROUNDING_BLANKS = /^[ \t]+|[ \t]+$/g;

export interface PricesQuery {
  /** Upper-cased, de-duplicated, in the order given. */
  symbols: string[];
  from: string;
  to: string;
}

/**
 * Validates a symbol typed by a user; returns it upper-cased.
 * @throws InvalidRequestError INVALID_SYMBOL when it has other than Yahoo symbol characters.
 * @example parseSymbol('7011.t') // '7011.T'
 */
export function parseSymbol(text: string): string {
  const problem = symbolProblem(text);
  if (problem) throw new InvalidRequestError('INVALID_SYMBOL', problem);
  return text.toUpperCase();
}

// The symbol rule is the domain's; only the wording of an empty symbol is the server's own.
function symbolProblem(symbol: string): string | null {
  if (symbol.length === 0) return 'An empty symbol was given; list symbols separated by single commas, e.g. 7011.T,7013.T.';
  const problem = symbolSyntaxProblem(symbol);
  return problem === null ? null : `Symbol ${quoteForMessage(symbol)} ${problem}.`;
}

function issue(code: InvalidRequestCode, message: string) {
  return { code: 'custom' as const, message, params: { requestCode: code } };
}

const symbolsSchema = z
  .string({ error: 'The symbols parameter is required, e.g. symbols=7011.T,7013.T.' })
  .max(MAX_SYMBOLS_PARAMETER_LENGTH, {
    error: `The symbols parameter is too long: at most ${MAX_SYMBOLS} symbols of up to ${MAX_SYMBOL_LENGTH} characters each.`,
  })
  .transform((text, context) => {
    const given = text.split(',').map((symbol) => symbol.replace(SURROUNDING_BLANKS, ''));
    const distinct = [...new Set(given.map((symbol) => symbol.toUpperCase()))];
    if (distinct.length > MAX_SYMBOLS) {
      context.addIssue(issue('TOO_MANY_SYMBOLS', `${distinct.length} symbols were requested; at most ${MAX_SYMBOLS} are allowed per request.`));
    }
    for (const symbol of given) {
      const problem = symbolProblem(symbol);
      if (problem) context.addIssue(issue('INVALID_SYMBOL', problem));
    }
    // Upper-casing is safe only once every symbol is known to be ASCII (src/domain/symbol.ts).
    return distinct;
  });

function dateSchema(name: 'from' | 'to') {
  return z.string({ error: `The ${name} parameter is required, as a date YYYY-MM-DD.` }).superRefine((text, context) => {
    if (!isCalendarDate(text)) {
      context.addIssue(issue('INVALID_DATE', `${name}=${quoteForMessage(text)} is not a real calendar date written YYYY-MM-DD, e.g. 2024-11-06.`));
    } else if (text < PRICE_DATES.earliest || text > PRICE_DATES.latest) {
      context.addIssue(issue('INVALID_DATE', `${name}=${text} is outside the dates a price source holds, ${PRICE_DATES.earliest} to ${PRICE_DATES.latest}.`));
    }
  });
}

const pricesQuerySchema = z
  .object({ symbols: symbolsSchema, from: dateSchema('from'), to: dateSchema('to') })
  .superRefine(({ from, to }, context) => {
    // zod runs this even after a field failed; the date problem is already reported then.
    if (!isCalendarDate(from) || !isCalendarDate(to) || from < PRICE_DATES.earliest || to > PRICE_DATES.latest) return;
    if (from > to) context.addIssue(issue('INVALID_RANGE', `from (${from}) is after to (${to}); give the earlier date first.`));
    else if (to > addCalendarYears(from, MAX_RANGE_YEARS)) {
      context.addIssue(issue('INVALID_RANGE', `${from} to ${to} is longer than ${MAX_RANGE_YEARS} years; ask for a shorter range.`));
    }
  });

const SINGLE_VALUED = ['symbols', 'from', 'to'] as const;

/**
 * Validates the query of `GET /api/prices?symbols=A,B&from=YYYY-MM-DD&to=YYYY-MM-DD`.
 * `queries` maps each parameter name to all its values, so `symbols=a&symbols=b` is caught.
 * @throws InvalidRequestError with the first problem found (INVALID_QUERY, INVALID_SYMBOL,
 *   TOO_MANY_SYMBOLS, INVALID_DATE, INVALID_RANGE).
 * @example parsePricesQuery({ symbols: ['7011.T'], from: ['2024-10-01'], to: ['2024-11-29'] })
 */
export function parsePricesQuery(queries: Readonly<Record<string, readonly string[]>>): PricesQuery {
  for (const name of SINGLE_VALUED) {
    if ((queries[name]?.length ?? 0) > 1) {
      throw new InvalidRequestError('INVALID_QUERY', `Give ${name} only once (for several symbols use one comma-separated list: symbols=7011.T,7013.T).`);
    }
  }
  const result = pricesQuerySchema.safeParse({ symbols: queries.symbols?.[0], from: queries.from?.[0], to: queries.to?.[0] });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const code = (first?.code === 'custom' ? first.params?.requestCode : undefined) as InvalidRequestCode | undefined;
  throw new InvalidRequestError(code ?? 'INVALID_QUERY', first?.message ?? 'The request parameters are invalid.');
}
